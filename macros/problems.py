"""Problems found in the scenario library, collected so that every one is reported at once."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Problem:
    file: str
    field: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"


class LibraryError(Exception):
    """Raised with every problem found; the message lists them all."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        lines = "\n".join(f"  - {p}" for p in problems)
        super().__init__(f"{len(problems)} problem(s) in the scenario library:\n{lines}")


@dataclass
class Problems:
    """The problems found so far, each naming its file relative to the project (the parent of `root`)."""

    root: Path
    found: list[Problem] = field(default_factory=list)

    def add(self, path: Path, fld: str, message: str, line: int | None = None) -> None:
        self.found.append(Problem(self.display(path), fld, message, line))

    def display(self, path: Path) -> str:
        try:
            return str(path.relative_to(self.root.parent))
        except ValueError:
            return str(path)

    def raise_any(self) -> None:
        if self.found:
            raise LibraryError(self.found)
