"""Hostile scenario files, generated and mutated by hypothesis: the loader names the file and field, never crashes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from pydantic import TypeAdapter, ValidationError

from macros.loader import load_library
from macros.models import FrontMatter, Library
from macros.problems import LibraryError
from tests.project import build, make_project
from tests.scenario_factory import ROOT, scenario_text

TARGET = "zulu-scenario"  # the file under attack sorts last, so a clash with a valid file is reported on it
SHOWN_AS = f"scenarios/{TARGET}.md"
VALID = {
    "alpha-scenario.md": scenario_text("alpha-scenario", "A1", ["beta-scenario"]),
    "beta-scenario.md": scenario_text("beta-scenario", "A2", ["alpha-scenario"]),
}
TEXT = scenario_text(TARGET, "A9", ["alpha-scenario", "beta-scenario"])
HEAD, BODY = re.match(r"^---\n(.*?\n)---\n(.*)$", TEXT, re.S).groups()
META = yaml.safe_load(HEAD)
FIELDS = FrontMatter.model_fields
FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

scalars = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30)
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4),
    max_leaves=12,
)
# Byte strings that mean something to YAML, front matter, UTF-8, Markdown or the template engine.
TOKENS = [
    b"---\n",
    b": ",
    b"- ",
    b"[",
    b"]",
    b"{",
    b"}",
    b"&a ",
    b"*a",
    b"!!str ",
    b"!!python/name:os.system ",
    b"\t",
    b"\n",
    b"  ",
    b"#",
    b"'",
    b'"',
    b"|\n",
    b">-\n",
    b"\xff\xfe",
    b"\xef\xbb\xbf",
    b"\r\n",
    b"\x00",
    b"<script>",
    b"<!-- runway:checklist -->\n",
    b"{{ 7*7 }}",
    b"\xe2\x80\xa8",
]


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    """A scenarios folder: two valid scenarios, the real areas and tags, and only the sources they cite."""
    root = tmp_path_factory.mktemp("fuzz") / "scenarios"
    root.mkdir()
    for name in ("_areas.yml", "_tags.yml"):
        (root / name).write_bytes((ROOT / "scenarios" / name).read_bytes())
    cited = {use["id"] for use in META["sources"]}
    registry = yaml.safe_load((ROOT / "scenarios" / "_sources.yml").read_text(encoding="utf-8"))
    (root / "_sources.yml").write_text(yaml.safe_dump([s for s in registry if s["id"] in cited]), encoding="utf-8")
    for name, text in VALID.items():
        (root / name).write_text(text, encoding="utf-8")
    return root


def load(folder: Path, content: str | bytes) -> Library | LibraryError:
    """Write the file under attack and load the folder; the loader must return or raise LibraryError, nothing else."""
    (folder / f"{TARGET}.md").write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    try:
        library = load_library(folder)
    except LibraryError as error:
        assert error.problems, "LibraryError without problems"
        assert all(p.file == SHOWN_AS and p.message for p in error.problems), error
        assert SHOWN_AS in str(error)
        return error
    assert TARGET in library.by_id, "the file was dropped without a problem naming it"
    return library


class NoAliases(yaml.SafeDumper):
    """Write a value shared by two keys out twice: the loader refuses YAML aliases."""

    def ignore_aliases(self, data) -> bool:
        return True


def page(meta: dict) -> str:
    return "---\n" + yaml.dump(meta, Dumper=NoAliases, allow_unicode=True, sort_keys=False) + "---\n" + BODY


def accepts(name: str, value) -> bool:
    """Whether the field `name` takes `value` on its own (its type and constraints)."""
    try:
        TypeAdapter(FIELDS[name].rebuild_annotation()).validate_python(value)
    except ValidationError:
        return False
    return True


def names(problem_field: str, name: str) -> bool:
    return problem_field == name or problem_field.startswith((f"{name}.", f"{name}["))


def test_the_unmutated_file_loads(folder):
    assert isinstance(load(folder, TEXT), Library)


@FUZZ
@given(name=st.sampled_from(sorted(n for n, f in FIELDS.items() if f.is_required())))
def test_a_missing_field_is_named(folder, name):
    result = load(folder, page({k: v for k, v in META.items() if k != name}))
    assert isinstance(result, LibraryError)
    assert any(p.field == name and "missing" in p.message for p in result.problems), result


@FUZZ
@given(data=st.data(), name=st.sampled_from(sorted(FIELDS)))
def test_a_wrong_value_is_named(folder, data, name):
    value = data.draw(values | st.sampled_from(list(META.values())), label="value")
    assume(not accepts(name, value))
    result = load(folder, page({**META, name: value}))
    assert isinstance(result, LibraryError)
    assert any(names(p.field, name) for p in result.problems), result


@FUZZ
@given(
    name=st.text(st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp")), min_size=1, max_size=20), value=values
)
def test_an_unknown_field_is_named(folder, name, value):
    # Control characters and line separators are left out: YAML itself turns them into other text.
    assume(name not in FIELDS)
    result = load(folder, page({**META, name: value}))
    assert isinstance(result, LibraryError)
    assert any(p.field == name and "unknown field" in p.message for p in result.problems), result


@FUZZ
@given(meta=st.dictionaries(st.sampled_from(sorted(FIELDS)) | st.text(max_size=12), values, max_size=12))
def test_generated_front_matter_is_reported_or_kept(folder, meta):
    load(folder, page(meta))


@FUZZ
@given(lines=st.lists(st.sampled_from(["", "   ", "# a comment", "#", "..."]), max_size=4))
def test_front_matter_of_only_comments_is_reported(folder, lines):
    result = load(folder, "---\n" + "".join(f"{line}\n" for line in lines) + "---\n" + BODY)
    assert isinstance(result, LibraryError)


@FUZZ
@given(
    edits=st.lists(
        st.tuples(
            st.integers(0, len(TEXT.encode())), st.integers(0, 40), st.binary(max_size=12) | st.sampled_from(TOKENS)
        ),
        min_size=1,
        max_size=6,
    )
)
def test_mutated_bytes_are_reported_or_kept(folder, edits):
    content = bytearray(TEXT.encode())
    for at, cut, insert in edits:
        content[at : at + cut] = insert
    load(folder, bytes(content))


@FUZZ
@given(content=st.binary(max_size=300) | st.text(max_size=300))
def test_any_file_is_reported_or_kept(folder, content):
    load(folder, content)


NESTED = {
    "flow list": lambda depth: "[" * depth + "]" * depth,
    "flow map": lambda depth: "{a: " * depth + "}" * depth,
    "block list": lambda depth: "".join("\n" + "  " * i + "-" for i in range(depth)),
}


@pytest.mark.parametrize("depth", [10, 300, 3000])
@pytest.mark.parametrize("kind", NESTED)
def test_deep_nesting_is_reported_or_kept(folder, kind, depth):
    load(folder, TEXT.replace("title: Example scenario", f"title: {NESTED[kind](depth)}"))


def test_a_strict_build_prints_every_problem_and_no_traceback(tmp_path):
    hostile = {
        "wrong-type.md": scenario_text("wrong-type", "A5", ["alpha-scenario"], lines={"minutes": "minutes: [45]"}),
        "bad-yaml.md": scenario_text("bad-yaml", "A6", ["alpha-scenario"], lines={"title": "title: [unclosed"}),
        "not-utf8.md": b"---\nid: not-utf8\ntitle: \xff\n---\n",
    }
    result = build(make_project(tmp_path, {**VALID, **hostile}))
    assert result.returncode != 0
    assert "Traceback" not in result.output
    for expected in (
        "scenarios/wrong-type.md:",
        "minutes: Input should be a valid integer",
        "scenarios/bad-yaml.md:",
        "front matter: invalid YAML",
        "scenarios/not-utf8.md: not UTF-8",
    ):
        assert expected in result.output, result.output
