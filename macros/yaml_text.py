"""Reading untrusted text files and safe-loading their YAML, keeping the nodes for line numbers."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import yaml
from pydantic import BaseModel, ValidationError

from .problems import Problems

SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when built with it; never constructs objects


KINDS = {
    stat.S_IFLNK: "a symbolic link",
    stat.S_IFDIR: "a directory",
    stat.S_IFIFO: "a named pipe",
    stat.S_IFCHR: "a device",
    stat.S_IFBLK: "a device",
    stat.S_IFSOCK: "a socket",
}


def irregular(mode: int) -> str | None:
    """What a file is when it is not a regular file ("a symbolic link", "a directory"...), else None."""
    return None if stat.S_ISREG(mode) else KINDS.get(stat.S_IFMT(mode), "not a regular file")


def read_bytes(path: Path, out: Problems, limit: int) -> bytes | None:
    """A regular file's bytes, at most `limit`: never through a symlink, never blocking on a pipe or device."""
    data = b""
    try:
        kind = irregular(path.lstat().st_mode)
        if not kind:
            fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
            with os.fdopen(fd, "rb") as file:
                kind = irregular(os.fstat(file.fileno()).st_mode)  # replaced since lstat: check what was opened
                if not kind:
                    data = file.read(limit + 1)
    except FileNotFoundError:
        out.add(path, "", "file is missing")
        return None
    except OSError as err:
        out.add(path, "", f"cannot be read: {err.strerror}")
        return None
    if kind:
        out.add(path, "", f"is {kind}: only regular files inside the repository are read")
        return None
    if len(data) > limit:
        out.add(path, "", f"is larger than the limit of {limit // 1024} KiB for this kind of file")
        return None
    return data


def check_tree(root: Path, out: Problems) -> None:
    """Everything under `root` is a regular file or a folder: a symlink could publish a file from outside (such as
    ../.git/config) and a pipe or device would hang the copy. One pass that never follows a link."""
    for folder, dirs, files in os.walk(root):
        for name in sorted(dirs + files):
            path = Path(folder) / name
            kind = irregular(path.lstat().st_mode)
            if kind and kind != "a directory":
                out.add(path, "", f"is {kind}: only regular files inside the repository are published")


def read_text(path: Path, out: Problems, limit: int) -> str | None:
    """File text with BOM and CRLF removed, or None after recording why it is unusable."""
    data = read_bytes(path, out, limit)
    if data is None:
        return None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        out.add(path, "", f"not UTF-8 (byte {err.start}); save the file as UTF-8")
        return None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        out.add(path, "", "file is empty")
        return None
    return text


def reused_node(node):
    """The first node reached twice (what a YAML alias makes), or None; visits each node once, so it is linear."""
    seen: set[int] = set()
    stack = [node] if node is not None else []
    while stack:
        current = stack.pop()
        if id(current) in seen:
            return current
        seen.add(id(current))
        if isinstance(current, yaml.SequenceNode):
            stack.extend(current.value)
        elif isinstance(current, yaml.MappingNode):
            stack.extend(part for pair in current.value for part in pair)
    return None


def parse_yaml(text: str, path: Path, out: Problems, fld: str = "", offset: int = 0):
    """Safe-load YAML once (node for line numbers, data for validation), or record the parse error."""
    loader = SAFE_LOADER(text)
    try:
        node = loader.get_single_node()
        alias = reused_node(node)
        if alias is not None:
            line = alias.start_mark.line + 1 + offset
            out.add(path, fld, "invalid YAML: aliases (*name) are not allowed; write the value out in full", line)
            return None, None
        data = loader.construct_document(node) if node is not None else None
    except RecursionError:
        out.add(path, fld, "invalid YAML: nested too deeply")
        return None, None
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None) or getattr(err, "context_mark", None)
        line = mark.line + 1 + offset if mark else None
        problem = getattr(err, "problem", None) or str(err).splitlines()[0]
        out.add(path, fld, f"invalid YAML: {problem}", line)
        return None, None
    finally:
        loader.dispose()
    return data, node


def line_of(node, loc: tuple, offset: int) -> int | None:
    """The file line of the YAML node at a pydantic error location."""
    best = node
    for part in loc:
        if isinstance(node, yaml.MappingNode):
            node = next((v for k, v in node.value if k.value == part), None)
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
            node = node.value[part]
        else:
            node = None
        if node is None:
            break
        best = node
    return best.start_mark.line + 1 + offset if best is not None else None


def field_name(loc: tuple) -> str:
    name = ""
    for part in loc:
        name += f"[{part}]" if isinstance(part, int) else (f".{part}" if name else str(part))
    return name


def validate(kind: type[BaseModel], data, path: Path, node, offset: int, out: Problems, prefix: tuple = ()):
    """Validate raw data against a model; record each pydantic error with its field and line."""
    try:
        return kind.model_validate(data)
    except ValidationError as err:
        for e in err.errors():
            loc = prefix + tuple(e["loc"])
            message, line = e["msg"], line_of(node, loc, offset)
            if e["type"] == "extra_forbidden":
                message = "unknown field (check the spelling against scenarios/_template.md)"
            if e["type"] == "missing":
                message = "required field is missing"
                line = line_of(node, loc[:-1], offset) if len(loc) > 1 else None
            out.add(path, field_name(loc), message, line)
        return None


def valid_fields(kind: type[BaseModel], data: dict) -> dict:
    """The fields of `data` that are valid on their own: what cross-file checks can still use in a broken file."""
    fields = {}
    for name, info in kind.model_fields.items():
        if name in data:
            try:
                fields[name] = kind.__pydantic_validator__.validate_assignment(
                    kind.model_construct(), name, data[name]
                ).__dict__[name]
            except (ValidationError, TypeError):
                continue
        elif not info.is_required():
            fields[name] = info.get_default(call_default_factory=True)
    return fields
