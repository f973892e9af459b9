"""`tarkeissa format [--check] [PATH ...]`: content files rewritten into the canonical text
(content/front_matter_format.py) with the same data; a file that cannot be read, or that holds a
comment no writer keeps, is left as it is and named."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..content import front_matter_format
from ..content.schema import ACT, CAMPAIGN, PAGE, TOOL, Schema
from ..content.source import (
    SourceDocument,
    normalise,
    parse_text,
    read_without_following,
)


@dataclass
class Outcome:
    path: Path
    changed: bool = False
    refused: str = ""  # why the file was left as it is


def schema_for(root: Path, path: Path, data: dict[str, object]) -> Schema:
    parts = path.resolve().relative_to(root.resolve()).parts
    if parts[:2] == ("content", "acts"):
        return ACT
    if parts[:2] == ("content", "tools"):
        return TOOL
    return CAMPAIGN if data.get("type") == "campaign" else PAGE


def content_files(root: Path) -> list[Path]:
    found = [*sorted((root / "content/acts").glob("*.md")), *sorted((root / "content/tools").glob("*.md"))]
    return found + [
        path
        for path in sorted((root / "docs").rglob("*.md"))
        if "assets" not in path.relative_to(root / "docs").parts and not path.is_symlink()
    ]


def canonical(root: Path, path: Path) -> tuple[str | None, str]:
    """(the canonical text, '') or (None, why not)."""
    try:
        text = normalise(read_without_following(path))
    except (OSError, UnicodeDecodeError) as error:
        return None, str(error)
    document, problems = parse_text(text, SourceDocument(path=str(path)), content=True)
    if not document.parsed:
        return None, f"{problems[0].rule}: run `tarkeissa check`" if problems else "front matter cannot be read"
    comments = [problem for problem in problems if problem.rule == "front-matter.comment"]
    if comments:
        return None, f"line {comments[0].line}: a comment (#) would be lost; move it out of the front matter"
    try:
        return front_matter_format.document(document.data, document.body, schema_for(root, path, document.data)), ""
    except front_matter_format.Unformattable as error:
        return None, f"cannot be written canonically ({error})"


def format_files(root: Path, paths: list[Path], check: bool) -> list[Outcome]:
    outcomes = []
    for path in paths:
        text, why = canonical(root, path)
        if text is None:
            outcomes.append(Outcome(path, refused=why))
            continue
        changed = read_without_following(path) != text.encode("utf-8")
        if changed and not check:
            path.write_text(text, encoding="utf-8")
        outcomes.append(Outcome(path, changed=changed))
    return outcomes
