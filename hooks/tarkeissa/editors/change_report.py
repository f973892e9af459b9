"""`tarkeissa changes`: what a pull request changes in the content, as Markdown for a comment.

Compares the content files at a git ref (the pull request's base) with the working tree:
acts, tools, campaign pages and other pages added, changed (which front-matter fields, and
whether the story changed) and removed, each linked to its page in the preview build.
Only files git reports as different are read, so the report costs the same for 10 or 10,000 acts.
A pull request that changes anything else (code, templates, site scripts, workflows, configuration,
symbolic links) opens the report with a warning: the content checks do not cover code.

Everything a pull request wrote (titles, slugs, file and field names, former ids) is data in the comment,
never markup: it is shown only inside code spans, where neither Markdown nor GitHub's autolinks
(addresses, @mentions, #references, commit ids) apply, and in a link's address only percent-encoded.
"""

from __future__ import annotations

import contextlib
import os
import re
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote

from ..content.source import (
    SourceDocument,
    normalise,
    parse_text,
    read_without_following,
)
from ..pages.cards import page_url

FOLDERS = ("content/acts", "content/tools", "docs")
FILE = re.compile(r"^(?P<key>.+)\.(?P<lang>fi|sv)\.md$")
SECTIONS = (("act", "Acts"), ("tool", "Tools"), ("campaign", "Campaign pages"), ("page", "Pages"))
# What the content checks cover; anything else changed needs a developer's review. docs/assets/ holds
# the site's own scripts and styles, so nothing there is content, not even an image.
CONTENT = re.compile(
    r"content/vocabularies\.yml"
    r"|content/(?:acts|tools)/[^/]+\.(?:fi|sv)\.md"
    r"|docs/(?!assets/)(?:[^/]+/)*[^/]+\.(?:fi|sv)\.md"
    r"|(?:content|docs)/(?!assets/)(?:[^/]+/)*[^/]+\.(?i:png|jpe?g|webp|gif|avif|svg|pdf)"
)
PLAIN_MODES = {"000000", "100644", "100755"}  # absent, file, executable file: not a symbolic link or submodule
LISTED = 50
# Where a reviewer serves a preview artifact on their own machine (README, "Pull requests").
LOCAL_PREVIEW = "http://localhost:8000/"
TEXT_FIELDS = ("title", "slug")  # shown or used in an address: a value that is not text is a problem line


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
    not_text: list[str] = field(default_factory=list)  # fields whose value is not text (check refuses them)


@dataclass
class Report:
    changes: list[Change]
    code: list[str]  # changed paths that are not content, sorted


def git(root: Path, *args: str) -> str:
    result = subprocess.run(["git", *args], check=False, cwd=root, capture_output=True)
    if result.returncode != 0:
        raise GitError(result.stderr.decode(errors="replace").strip() or f"git {' '.join(args)} failed")
    return os.fsdecode(result.stdout)  # a name that is not UTF-8 comes back as itself, not as an error


def diff(root: Path, *revisions: str) -> list[tuple[bool, list[str]]]:
    """Git's own list of files that differ (between a commit and the working tree, or `A...B`): whether both
    sides are plain files, and the paths (a rename's old and new). NUL-separated: no name passes for another."""
    fields = git(
        root, "diff", "--raw", "-z", "-M", "--no-color", "--no-ext-diff", "--ignore-submodules=none", *revisions, "--"
    ).split("\0")
    entries, i = [], 0
    while i + 1 < len(fields):
        old_mode, new_mode, _, _, status = fields[i].lstrip(":").split()
        count = 2 if status[0] in "RC" else 1
        entries.append(({old_mode, new_mode} <= PLAIN_MODES, fields[i + 1 : i + 1 + count]))
        i += 1 + count
    return entries


def changed_paths(root: Path, entries: list[tuple[bool, list[str]]]) -> list[str]:
    """Content files among the changed ones, untracked new files included. An odd name (see is_content) is
    only in the warning, so it cannot bring its newline or direction character into the report's lines."""
    listed = [path for _, paths in entries for path in paths]
    listed += git(root, "ls-files", "-z", "--others", "--exclude-standard", "--", *FOLDERS).split("\0")
    folders = tuple(folder + "/" for folder in FOLDERS)
    return sorted(
        {
            path
            for path in listed
            if path.startswith(folders) and path.isprintable() and FILE.fullmatch(path.rsplit("/", 1)[-1])
        }
    )


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
    result = subprocess.run(["git", "show", f"{base}:{path}"], check=False, cwd=root, capture_output=True)
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
    with contextlib.suppress(GitError):  # no common history: the base itself
        commit = git(root, "merge-base", commit, "HEAD").strip() or commit
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
    # compare passes only what changed_paths lists (content files' names), read on one side at least
    if match is None or newest is None:
        raise ValueError(f"not a content file on either side: {path!r}")
    metadata = newest.metadata or {}
    if folder == "content/acts":
        kind, key = "act", match["key"]
    elif folder == "content/tools":
        kind, key = "tool", match["key"]
    elif any((v.metadata or {}).get("type") == "campaign" for v in (before, after) if v is not None):
        kind, key = "campaign", match["key"]
    else:
        kind, key = "page", (path[len("docs/") :].rpartition("/")[0] + "/" + match["key"]).lstrip("/")
    lang = match["lang"]
    status = "added" if before is None else "removed" if after is None else "changed"
    # a pull request can write any YAML value: only text is used, anything else is named for the check
    not_text = [name for name in TEXT_FIELDS if not isinstance(metadata.get(name, ""), str | None)]
    title, slug = (metadata.get(name) if name not in not_text else None for name in TEXT_FIELDS)
    former = metadata.get("redirect_from") if status == "added" else None
    if former is not None and not (isinstance(former, list) and all(isinstance(item, str) for item in former)):
        not_text.append("redirect_from")
        former = None
    change = Change(
        status,
        kind,
        path,
        key,
        lang,
        title or key,
        None if status == "removed" else page_url(kind, key, lang, slug),
        draft=bool(metadata.get("draft")) and status != "removed",
        unreadable=newest.metadata is None,
        former_ids=list(former or []),
        not_text=not_text,
    )
    if before is not None and after is not None:  # changed
        old, new = before.metadata or {}, after.metadata or {}
        change.fields = sorted({str(name) for name in {*old, *new} if old.get(name) != new.get(name)})
        change.body_changed = before.body.strip() != after.body.strip()
        change.unreadable = before.metadata is None or after.metadata is None
        if not change.fields and not change.body_changed and not change.unreadable:
            return None  # only line endings or a byte-order mark changed
    return change


def markdown(report: Report, base: str, preview_url: str | None, artifact_url: str | None = None) -> str:
    """The report: a warning if code changed, a summary line, then one section per kind, added, changed
    and removed. `preview_url`: the live preview's address (none for a fork's pull request); `artifact_url`:
    the workflow run whose artifact holds the preview. Given the run, links go to the live preview only when
    no code changed, as the publishing workflow publishes it (`verdict`); else to the artifact served locally."""
    changes = report.changes
    lines = [*warning(report.code), f"### Content changes against {code(base)}", ""]
    if not changes:
        return "\n".join([*lines, "No acts, tools or pages changed."]) + "\n"
    live = preview_url if not artifact_url or not report.code else None
    links = live or (LOCAL_PREVIEW if artifact_url else None)
    counts = []
    for kind, heading in SECTIONS:
        of_kind = [c for c in changes if c.kind == kind]
        if of_kind:
            parts = [
                f"{sum(c.status == s for c in of_kind)} {s}"
                for s in ("added", "changed", "removed")
                if any(c.status == s for c in of_kind)
            ]
            counts.append(f"**{heading}:** " + ", ".join(parts))
    lines += [" · ".join(counts), ""]
    order = {"added": 0, "changed": 1, "removed": 2}
    for kind, heading in SECTIONS:
        of_kind = sorted((c for c in changes if c.kind == kind), key=lambda c: (order[c.status], c.path))
        if not of_kind:
            continue
        lines += [f"#### {heading}", ""]
        lines += [_line(change, links) for change in of_kind]
        lines.append("")
    if artifact_url and not live:
        lines += no_live_preview(artifact_url, fork=not preview_url)
    elif live:
        lines.append(f"Preview: {live}")
    return "\n".join(lines).rstrip("\n") + "\n"


def verdict(report: Report) -> str:
    """For the publishing workflow (a step output): whether the pull request changes anything but content.
    Only one that does not gets a live preview, on the origin of production and /admin/."""
    return f"code_changed={'true' if report.code else 'false'}\n"


SERVE = "make serve-artifact DIR=…"
SERVE_PLAIN = "python3 -I -m http.server --directory … --bind 127.0.0.1 8000"


def no_live_preview(artifact_url: str, fork: bool = True) -> list[str]:
    """Why a pull request has no live preview (a fork's, or one that changes code), and how to see its artifact
    without running anything of it."""
    run = f"[workflow run](<{artifact_url}>)"
    if fork:
        why_fi = "muutos tulee forkista, eikä forkin koodia julkaista sivuston osoitteessa"
        why_en = "this pull request comes from a fork, whose code is never published on the site's address"
    else:
        why_fi = "muutos koskee koodia, eikä koodin muutosta julkaista sivuston osoitteessa ennen tarkastusta"
        why_en = "this pull request changes code, which is never published on the site's address before review"
    return [
        "> [!NOTE]",
        (
            f"> **Ei suoraa esikatselulinkkiä:** {why_fi}. Esikatselu on ajon ({run}) liitteenä (artifact). "
            "Sen rakensi pull requestin oma työnkulku, joten sen tiedostot eivät ole luotettavia: älä aja niistä "
            f"mitään. Pura se ja näytä se omasta kloonistasi komennolla `{SERVE}` (tai `{SERVE_PLAIN}`), ja avaa "
            "yllä olevat linkit."
        ),
        ">",
        (
            f"> **No live preview:** {why_en}. The preview is an artifact of the {run}. It was built by the pull "
            "request's own workflow, so its files are untrusted: run nothing of them. Unzip it and serve it from your "
            f"own clone with `{SERVE}` (or `{SERVE_PLAIN}`), then open the links above."
        ),
    ]


def warning(paths: list[str]) -> list[str]:
    """For reviewers who read content: the content checks make content safe, code needs a developer."""
    if not paths:
        return []
    listed = [f"> - {code(path)}" for path in paths[:LISTED]]
    if len(paths) > LISTED:
        listed.append(f"> - … ja {len(paths) - LISTED} muuta / and {len(paths) - LISTED} more")
    return [
        "> [!WARNING]",
        (
            "> **Tämä muutos koskee koodia, ei vain sisältöä.** Sisällön tarkistukset eivät kata koodia: "
            "kehittäjän on tarkastettava nämä tiedostot ennen kuin muutos hyväksytään."
        ),
        ">",
        (
            "> **This pull request changes code, not only content.** The content checks do not cover code: "
            "a developer must review these files before it is merged."
        ),
        ">",
        *listed,
        "",
    ]


def _line(change: Change, preview_url: str | None) -> str:
    title = code(change.title)
    address = _address(preview_url, change.url)
    if address:
        shown = f"[{title}]({address})"
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
    if change.not_text:
        details.append("not text: " + ", ".join(code(name) for name in change.not_text) + ": see the check")
    if change.draft:
        details.append("draft: only in the preview")
    return text + (" · " + "; ".join(details) if details else "")


def _address(preview_url: str | None, url: str | None) -> str | None:
    """A page's address in the preview, each path segment percent-encoded (no parenthesis, bracket, space or `<`
    ends the link early); none when a segment would leave the preview's folder (a slug `..`, or an empty one)."""
    if not preview_url or url is None:
        return None
    segments = url.split("/")
    if any(segment in (".", "..") for segment in segments) or "" in segments[:-1]:
        return None
    return preview_url.rstrip("/") + "/" + "/".join(quote(segment, safe="") for segment in segments)


def code(text: str) -> str:
    """Text as inline code whatever it holds: no backtick or line break of its own ends the span early."""
    text = "".join(c if c.isprintable() else c.encode("unicode_escape").decode() for c in text)
    fence = "`" * (max(map(len, re.findall("`+", text)), default=0) + 1)
    pad = " " if text[:1] in ("`", " ") or text[-1:] in ("`", " ") else ""  # CommonMark strips one each side
    return f"{fence}{pad}{text}{pad}{fence}"
