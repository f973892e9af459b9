"""`tarkeissa changes`: what a pull request changes in the content, as Markdown for a comment.

Compares the content files at a git ref (the pull request's base) with the working tree:
acts, tools, campaign pages and other pages added, changed (which front-matter fields, and
whether the story changed) and removed, each linked to its page in the preview build.
Only files git reports as different are read, so the report costs the same for 10 or 10,000 acts.
"""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import frontmatter

from .pages import page_url
from .source import normalise

FOLDERS = ("content/acts", "content/tools", "docs")
FILE = re.compile(r"^(?P<key>.+)\.(?P<lang>fi|sv)\.md$")
SECTIONS = (("act", "Acts"), ("tool", "Tools"), ("campaign", "Campaign pages"), ("page", "Pages"))
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+!|~])")


class GitError(Exception):
    pass


@dataclass
class Version:
    """One side of a file: its front matter (None when it cannot be read) and its body."""
    metadata: dict[str, Any] | None
    body: str


@dataclass
class Change:
    status: str  # added, changed, removed
    kind: str  # act, tool, campaign, page
    path: str
    key: str
    lang: str
    title: str
    url: str | None  # site-relative, None for a removed page
    fields: list[str] = field(default_factory=list)
    body_changed: bool = False
    draft: bool = False
    unreadable: bool = False
    former_ids: list[str] = field(default_factory=list)


def git(root: Path, *args: str) -> str:
    result = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True)
    if result.returncode != 0:
        raise GitError(result.stderr.strip() or f"git {' '.join(args)} failed")
    return result.stdout


def changed_paths(root: Path, base: str) -> list[str]:
    """Content files that differ between `base` and the working tree, untracked new files included."""
    git(root, "rev-parse", "--verify", "--quiet", base + "^{commit}")
    listed = git(root, "diff", "--name-only", "--no-renames", base, "--", *FOLDERS).splitlines()
    listed += git(root, "ls-files", "--others", "--exclude-standard", "--", *FOLDERS).splitlines()
    return sorted({path for path in listed if path.endswith(".md") and FILE.match(path.rsplit("/", 1)[-1])})


def read_version(text: str | None) -> Version | None:
    if text is None:
        return None
    try:
        post = frontmatter.loads(text)
    except Exception:  # a YAML error: check reports it with a position; here it is only 'unreadable'
        return Version(None, text)
    return Version(dict(post.metadata), post.content)


def base_text(root: Path, base: str, path: str) -> str | None:
    result = subprocess.run(["git", "show", f"{base}:{path}"], cwd=root, capture_output=True)
    return normalise(result.stdout) if result.returncode == 0 else None


def work_text(root: Path, path: str) -> str | None:
    file = root / path
    return normalise(file.read_bytes()) if file.is_file() else None


def compare(root: Path, base: str) -> list[Change]:
    changes = []
    for path in changed_paths(root, base):
        before, after = read_version(base_text(root, base, path)), read_version(work_text(root, path))
        if before is None and after is None:
            continue
        change = _change(path, before, after)
        if change is not None:
            changes.append(change)
    return changes


def _change(path: str, before: Version | None, after: Version | None) -> Change | None:
    folder, _, name = path.rpartition("/")
    match = FILE.match(name)
    newest = after or before
    metadata = newest.metadata or {}
    if folder == "content/acts":
        kind, key = "act", match["key"]
    elif folder == "content/tools":
        kind, key = "tool", match["key"]
    elif any((v.metadata or {}).get("type") == "campaign" for v in (before, after) if v is not None):
        kind, key = "campaign", match["key"]
    else:
        kind, key = "page", (path[len("docs/"):].rpartition("/")[0] + "/" + match["key"]).lstrip("/")
    lang = match["lang"]
    status = "added" if before is None else "removed" if after is None else "changed"
    change = Change(status, kind, path, key, lang, str(metadata.get("title") or key),
                    None if status == "removed" else page_url(kind, key, lang, metadata.get("slug")),
                    draft=bool(metadata.get("draft")) and status != "removed",
                    unreadable=newest.metadata is None)
    if status == "added":
        former = metadata.get("redirect_from")
        change.former_ids = [str(item) for item in former] if isinstance(former, list) else []
    if status == "changed":
        old, new = before.metadata or {}, after.metadata or {}
        change.fields = sorted({str(name) for name in {*old, *new} if old.get(name) != new.get(name)})
        change.body_changed = before.body.strip() != after.body.strip()
        change.unreadable = before.metadata is None or after.metadata is None
        if not change.fields and not change.body_changed and not change.unreadable:
            return None  # only line endings or a byte-order mark changed
    return change


def markdown(changes: list[Change], base: str, preview_url: str | None) -> str:
    """The report: a summary line, then one section per kind, added, changed and removed."""
    lines = [f"### Content changes against `{base}`", ""]
    if not changes:
        return "\n".join(lines + ["No acts, tools or pages changed."]) + "\n"
    counts = []
    for kind, heading in SECTIONS:
        of_kind = [c for c in changes if c.kind == kind]
        if of_kind:
            parts = [f"{sum(c.status == s for c in of_kind)} {s}" for s in ("added", "changed", "removed")
                     if any(c.status == s for c in of_kind)]
            counts.append(f"**{heading}:** " + ", ".join(parts))
    lines += [" · ".join(counts), ""]
    order = {"added": 0, "changed": 1, "removed": 2}
    for kind, heading in SECTIONS:
        of_kind = sorted((c for c in changes if c.kind == kind), key=lambda c: (order[c.status], c.path))
        if not of_kind:
            continue
        lines += [f"#### {heading}", ""]
        lines += [_line(change, preview_url) for change in of_kind]
        lines.append("")
    if preview_url:
        lines.append(f"Preview: {preview_url}")
    return "\n".join(lines).rstrip("\n") + "\n"


def _line(change: Change, preview_url: str | None) -> str:
    title = escape_markdown(change.title)
    if change.url is not None and preview_url:
        shown = f"[{title}]({preview_url.rstrip('/')}/{change.url})"
    elif change.url is not None:
        shown = f"{title} (`/{change.url}`)"
    else:
        shown = title
    text = f"- **{change.status}** ({change.lang}) {shown} · `{change.path}`"
    details = []
    if change.former_ids:
        details.append("formerly " + ", ".join(f"`{old}`" for old in change.former_ids))
    if change.fields:
        details.append("fields: " + ", ".join(f"`{name}`" for name in change.fields))
    if change.body_changed:
        details.append("text changed")
    if change.unreadable:
        details.append("front matter cannot be read: see the check")
    if change.draft:
        details.append("draft: only in the preview")
    return text + (" · " + "; ".join(details) if details else "")


def escape_markdown(text: str) -> str:
    """Editors' titles as literal text in a comment: no links, emphasis or HTML of their own."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(text.split()))
