"""Problems found in editors' files: plain data, collected and reported together.

A problem names its rule (an id of messages.RULES) and the rule's parameters; its message and
hint are rendered from the catalogue in the language asked for. `message` and `hint` are English.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from .messages import FIX, GITHUB_FIX, RULES, SUMMARY, file_language, render, rule_text


@functools.total_ordering
@dataclass(frozen=True, eq=True)
class Problem:
    path: str  # relative to the project root, with forward slashes
    line: int  # 1-based
    column: int  # 1-based
    field: str  # dotted path of the front-matter field, or "file", "body", "front matter"
    rule: str  # an id of messages.RULES
    params: tuple[tuple[str, Any], ...] = ()  # the rule's parameters, as pairs: the record stays hashable

    def __post_init__(self) -> None:
        if self.rule not in RULES:
            raise ValueError(f"unknown rule id {self.rule!r}")

    @classmethod
    def at(cls, path: str, line: int, column: int, field: str, rule: str, /, **params: Any) -> Problem:
        return cls(path, line, column, field, rule, tuple(sorted(params.items())))

    def text(self, lang: str | None = None) -> tuple[str, str]:
        """(message, hint) in lang; None: the language of the file the problem is about."""
        return rule_text(self.rule, self.params, lang or file_language(self.path))

    @property
    def message(self) -> str:
        return self.text("en")[0]

    @property
    def hint(self) -> str:
        return self.text("en")[1]

    def _key(self) -> tuple[Any, ...]:  # by position, then by what is said, as the report lists them
        return (self.path, self.line, self.column, self.field, *self.text("en"))

    def __lt__(self, other: Problem) -> bool:
        return self._key() < other._key()

    def as_text(self, lang: str | None = None) -> str:
        lang = lang or file_language(self.path)
        message, hint = self.text(lang)
        text = f"{self.path}:{self.line}:{self.column}: {self.field}: {message}"
        if hint:
            text += f"\n    {FIX[lang]}: {hint}"
        return text

    def as_github(self, lang: str | None = None) -> str:
        """A GitHub Actions workflow command that annotates the line in a pull request."""
        lang = lang or file_language(self.path)
        message, hint = self.text(lang)
        message += f" {GITHUB_FIX[lang]}: {hint}" if hint else ""
        return (
            f"::error file={_escape_property(self.path)},line={self.line},col={self.column},"
            f"title={_escape_property(self.field)}::{_escape_data(message)}"
        )


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


def report(problems: Iterable[Problem], output_format: str = "text", lang: str | None = None) -> str:
    """All problems, sorted by file and position, with a closing count line. lang None: each
    problem in the language of its file, the count line in that of the first problem."""
    problems = sorted(problems)
    if output_format == "github":
        lines = [problem.as_github(lang) for problem in problems]
    else:
        lines = [problem.as_text(lang) for problem in problems]
    files = len({problem.path for problem in problems})
    summary_lang = lang or (file_language(problems[0].path) if problems else "en")
    lines.append(render(SUMMARY[summary_lang], (("files", files), ("problems", len(problems))), summary_lang))
    return "\n".join(lines)
