"""Problems found in editors' files: plain data, collected and reported together."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable


@dataclass(frozen=True, order=True)
class Problem:
    path: str  # relative to the project root, with forward slashes
    line: int  # 1-based
    column: int  # 1-based
    field: str  # dotted path of the front-matter field, or "file", "body", "front matter"
    message: str  # what is wrong
    hint: str = ""  # how to fix it

    def as_text(self) -> str:
        text = f"{self.path}:{self.line}:{self.column}: {self.field}: {self.message}"
        if self.hint:
            text += f"\n    fix: {self.hint}"
        return text

    def as_github(self) -> str:
        """A GitHub Actions workflow command that annotates the line in a pull request."""
        message = self.message + (f" Fix: {self.hint}" if self.hint else "")
        return (
            f"::error file={_escape_property(self.path)},line={self.line},col={self.column},"
            f"title={_escape_property(self.field)}::{_escape_data(message)}"
        )


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


def report(problems: Iterable[Problem], output_format: str = "text") -> str:
    """All problems, sorted by file and position, with a closing count line."""
    problems = sorted(problems)
    if output_format == "github":
        lines = [problem.as_github() for problem in problems]
    else:
        lines = [problem.as_text() for problem in problems]
    files = len({problem.path for problem in problems})
    lines.append(f"{len(problems)} problem(s) in {files} file(s).")
    return "\n".join(lines)
