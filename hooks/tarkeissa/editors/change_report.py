"""`tarkeissa changes`: what a pull request changes in the content, as Markdown for a comment.

Compares the content files at a git ref (the pull request's base) with the working tree:
acts, tools, campaign pages and other pages added, changed (which front-matter fields, and
whether the story changed) and removed, each linked to its page in the preview build.
Only files git reports as different are read, so the report costs the same for 10 or 10,000 acts.
A pull request that changes anything else (code, templates, site scripts, workflows, configuration,
symbolic links) opens the report with a warning: the content checks do not cover code.
"""

from __future__ import annotations

import os
import re
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..content.source import SourceDocument, normalise, parse_text, read_without_following
from ..site.cards import page_url

FOLDERS = ("content/acts", "content/tools", "docs")
FILE = re.compile(r"^(?P<key>.+)\.(?P<lang>fi|sv)\.md$")
SECTIONS = (("act", "Acts"), ("tool", "Tools"), ("campaign", "Campaign pages"), ("page", "Pages"))
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+!|~])")
# What the content checks cover; anything else changed needs a developer's review. docs/assets/ holds
# the site's own scripts and styles, so nothing there is content, not even an image.
CONTENT = re.compile(r"content/vocabularies\.yml"
                     r"|content/(?:acts|tools)/[^/]+\.(?:fi|sv)\.md"
                     r"|docs/(?!assets/)(?:[^/]+/)*[^/]+\.(?:fi|sv)\.md"
                     r"|(?:content|docs)/(?!assets/)(?:[^/]+/)*[^/]+\.(?i:png|jpe?g|webp|gif|avif|svg|pdf)")
PLAIN_MODES = {"000000", "100644", "100755"}  # absent, file, executable file: not a symbolic link or submodule
LISTED = 50


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


@dataclass
class Report:
    changes: list[Change]
    code: list[str]  # changed paths that are not content, sorted


def git(root: Path, *args: str) -> str:
    result = subprocess.run(["git", *args], cwd=root, capture_output=True)
    if result.returncode != 0:
        raise GitError(result.stderr.decode(errors="replace").strip() or f"git {' '.join(args)} failed")
    return os.fsdecode(result.stdout)  # a name that is not UTF-8 comes back as itself, not as an error


def diff(root: Path, *revisions: str) -> list[tuple[bool, list[str]]]:
    """Git's own list of files that differ (between a commit and the working tree, or `A...B`): whether both
    sides are plain files, and the paths (a rename's old and new). NUL-separated: no name passes for another."""
    fields = git(root, "diff", "--raw", "-z", "-M", "--no-color", "--no-ext-diff", "--ignore-submodules=none",
                 *revisions, "--").split("\0")
    entries, i = [], 0
    while i + 1 < len(fields):
        old_mode, new_mode, _, _, status = fields[i].lstrip(":").split()
        count = 2 if status[0] in "RC" else 1
        entries.append(({old_mode, new_mode} <= PLAIN_MODES, fields[i + 1:i + 1 + count]))
        i += 1 + count
    return entries


def changed_paths(root: Path, entries: list[tuple[bool, list[str]]]) -> list[str]:
    """Content files among the changed ones, untracked new files included. An odd name (see is_content) is
    only in the warning, so it cannot bring its newline or direction character into the report's lines."""
    listed = [path for _, paths in entries for path in paths]
    listed += git(root, "ls-files", "-z", "--others", "--exclude-standard", "--", *FOLDERS).split("\0")
    folders = tuple(folder + "/" for folder in FOLDERS)
    return sorted({path for path in listed
                   if path.startswith(folders) and path.isprintable() and FILE.fullmatch(path.rsplit("/", 1)[-1])})


def is_content(path: str) -> bool:
    """Whether the content checks cover a path; anything else is code or configuration."""
    # a newline, a control or direction character, or bytes that are not UTF-8 could make it pass for another
    return path.isprintable() and CONTENT.fullmatch(path) is not None


def code_paths(root: Path, commit: str) -> list[str]:
    """Paths a developer must review: not content, or a symbolic link (it can point anywhere). Only what
    HEAD changes since its merge base with `commit`: a pull request is its commits, and in CI the build's
    files and the report file itself are in the working tree."""
    entries = diff(root, f"{commit}...HEAD")
    return sorted({path for plain, paths in entries for path in paths if not (plain and is_content(path))})


def read_version(text: str | None, path: str = "") -> Version | None:
    """A side of a file as the build reads it (content.source): front matter that the build cannot read
    is None here, and `check` reports it with a position."""
    if text is None:
        return None
    document, _ = parse_text(text, SourceDocument(path=path))
    return Version(document.data if document.parsed else None, document.body)


def base_text(root: Path, base: str, path: str) -> str | None:
    result = subprocess.run(["git", "show", f"{base}:{path}"], cwd=root, capture_output=True)
    return _text(result.stdout) if result.returncode == 0 else None


def _text(raw: bytes) -> str:
    try:
        return normalise(raw)
    except UnicodeDecodeError:
        return ""  # no front matter to read: the report says 'unreadable', and check says where


def work_text(root: Path, path: str) -> str | None:
    # a symbolic link could point anywhere on the machine: code_paths lists it for a developer, unread
    try:
        return _text(read_without_following(root / path))
    except OSError:
        return None


def compare(root: Path, base: str) -> Report:
    commit = git(root, "rev-parse", "--verify", "--quiet", "--end-of-options", base + "^{commit}").strip()
    # Against the commit HEAD branched from, as code_paths does: what the base gained since is not this change
    # (a checkout of a pull request's own head, as the publishing workflow makes, lacks it).
    try:
        commit = git(root, "merge-base", commit, "HEAD").strip() or commit
    except GitError:
        pass  # no common history: the base itself
    entries = diff(root, commit)
    changes = []
    for path in changed_paths(root, entries):
        before, after = read_version(base_text(root, commit, path), path), read_version(work_text(root, path), path)
        if before is None and after is None:
            continue
        change = _change(path, before, after)
        if change is not None:
            changes.append(change)
    return Report(changes, code_paths(root, commit))


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


def markdown(report: Report, base: str, preview_url: str | None, artifact_url: str | None = None) -> str:
    """The report: a warning if code changed, a summary line, then one section per kind, added, changed
    and removed. `artifact_url`: the workflow run whose artifact is the only preview (a fork's pull request)."""
    changes = report.changes
    lines = warning(report.code) + [f"### Content changes against `{base}`", ""]
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
    if artifact_url:
        lines += no_live_preview(artifact_url)
    elif preview_url:
        lines.append(f"Preview: {preview_url}")
    return "\n".join(lines).rstrip("\n") + "\n"


def no_live_preview(artifact_url: str) -> list[str]:
    """Why a fork's pull request has no link, and how to see its preview all the same."""
    run = f"[workflow run](<{artifact_url}>)"
    return ["> [!NOTE]",
            "> **Ei suoraa esikatselulinkkiä:** muutos tulee forkista, eikä forkin koodia julkaista sivuston "
            f"osoitteessa. Esikatselu on ajon ({run}) liitteenä (artifact): pura se, aja kansiossa "
            "`python3 -m http.server 8000` ja avaa yllä olevat linkit.",
            ">",
            "> **No live preview:** this pull request comes from a fork, whose code is never published on the "
            f"site's address. The preview is an artifact of the {run}: unzip it, run `python3 -m http.server 8000` "
            "in its folder and open the links above."]


def warning(paths: list[str]) -> list[str]:
    """For reviewers who read content: the content checks make content safe, code needs a developer."""
    if not paths:
        return []
    listed = [f"> - {code(path)}" for path in paths[:LISTED]]
    if len(paths) > LISTED:
        listed.append(f"> - … ja {len(paths) - LISTED} muuta / and {len(paths) - LISTED} more")
    return ["> [!WARNING]",
            "> **Tämä muutos koskee koodia, ei vain sisältöä.** Sisällön tarkistukset eivät kata koodia: "
            "kehittäjän on tarkastettava nämä tiedostot ennen kuin muutos hyväksytään.",
            ">",
            "> **This pull request changes code, not only content.** The content checks do not cover code: "
            "a developer must review these files before it is merged.",
            ">", *listed, ""]


def _line(change: Change, preview_url: str | None) -> str:
    title = escape_markdown(change.title)
    if change.url is not None and preview_url:
        shown = f"[{title}]({preview_url.rstrip('/')}/{change.url})"
    elif change.url is not None:
        shown = f"{title} ({code('/' + change.url)})"
    else:
        shown = title
    text = f"- **{change.status}** ({change.lang}) {shown} · {code(change.path)}"
    details = []
    if change.former_ids:
        details.append("formerly " + ", ".join(code(old) for old in change.former_ids))
    if change.fields:
        details.append("fields: " + ", ".join(code(name) for name in change.fields))
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


def code(text: str) -> str:
    """Text as inline code whatever it holds: no backtick or line break of its own ends the span early."""
    text = "".join(c if c.isprintable() else c.encode("unicode_escape").decode() for c in text)
    fence = "`" * (max(map(len, re.findall("`+", text)), default=0) + 1)
    pad = " " if text[:1] in ("`", " ") or text[-1:] in ("`", " ") else ""  # CommonMark strips one each side
    return f"{fence}{pad}{text}{pad}{fence}"
