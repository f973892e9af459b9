"""Load every editor's file, validate it, and check what spans files.

The result is plain data (`Content`) plus every problem of every file; nothing here knows
about MkDocs.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeAlias

from ..parallel import parallel_map
from . import file_policy
from .body_cache import BodyCache
from .body_policy import BodyStore, ConvertedBody, checked_body
from .languages import LANGUAGES
from .links import BodyPlace, SiteFiles, address_by_name
from .messages import phrase
from .problems import Problem
from .schema import ACT, CAMPAIGN, PAGE, SCHEMAS, SHARED_FIELDS, TOOL, Kind, Schema
from .source import FieldPath, SourceDocument, read_source
from .validate import ValidationContext, validate
from .vocabularies import Vocabularies, load_vocabularies

CONTENT_FILE = re.compile(r"^(?P<id>[a-z0-9](?:[a-z0-9-]{1,78})[a-z0-9])\.(?P<lang>fi|sv)\.md\Z")
PAGE_FILE = re.compile(r"^(?P<id>[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)\.(?P<lang>fi|sv)\.md\Z")
# a file to read: its path, its path as editors see it, its kind, the pattern of its name, and its name
FileToRead: TypeAlias = tuple[Path, str, str, re.Pattern[str], str]


@dataclass
class Entry:
    """One language version of an act, tool, campaign or page."""

    kind: str  # act, tool, campaign, page
    id: str  # act or tool id, campaign id, or a page's path without the language ("about")
    lang: str
    source_path: str  # as shown to editors, e.g. content/acts/abc.fi.md
    abs_path: Path
    values: dict[str, Any]
    body: str
    body_line: int
    given: frozenset[str] = frozenset()  # the top-level fields its front matter gives
    # A translation with no text of its own yet (the web editor writes one, holding only the shared
    # fields, for the language left empty): what it lacks is told only if it stands alone.
    held: tuple[Problem, ...] | None = None
    # the body as the site publishes it, converted and sanitized by the check; the page renders it
    converted: ConvertedBody | None = None

    @property
    def draft(self) -> bool:
        return bool(self.values.get("draft"))

    @property
    def title(self) -> str:
        return str(self.values.get("title", self.id))


Collection = dict[str, dict[str, Entry]]  # id -> lang -> entry


def version_in(versions: dict[str, Entry], lang: str) -> Entry:
    """The item in this language, or in the other one when nobody has translated it."""
    return versions.get(lang) or next(iter(versions.values()))


@dataclass
class Content:
    vocabularies: Vocabularies
    today: dt.date
    acts: Collection = field(default_factory=dict)
    tools: Collection = field(default_factory=dict)
    campaigns: Collection = field(default_factory=dict)
    pages: Collection = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    files_checked: int = 0
    published: set[str] = field(default_factory=set)  # docs/-relative files published as they are (assets)
    untranslated: list[str] = field(default_factory=list)  # translations with no text yet: no page
    site_files: SiteFiles = field(default_factory=SiteFiles)  # what bodies may link to

    def collection(self, kind: str) -> Collection:
        return {"act": self.acts, "tool": self.tools, "campaign": self.campaigns, "page": self.pages}[kind]

    def conversion_seconds(self) -> float:
        """CPU seconds spent converting and sanitizing the bodies read in this run, in every process
        (a body kept from an earlier run cost none)."""
        collections = (self.acts, self.tools, self.campaigns, self.pages)
        items = (languages for collection in collections for languages in collection.values())
        return sum(e.converted.cpu_seconds for languages in items for e in languages.values() if e.converted)

    def without_drafts(self) -> Content:
        """The content a production build publishes: every draft version left out."""

        def keep(collection: Collection) -> Collection:
            kept = {
                key: {lang: e for lang, e in versions.items() if not e.draft} for key, versions in collection.items()
            }
            return {key: versions for key, versions in kept.items() if versions}

        return Content(
            self.vocabularies,
            self.today,
            keep(self.acts),
            keep(self.tools),
            keep(self.campaigns),
            keep(self.pages),
            self.problems,
            self.files_checked,
            self.published,
            self.untranslated,
            self.site_files,
        )


@dataclass(frozen=True)
class Layout:
    """Where the editors' files are."""

    root: Path
    docs_dir: Path

    @property
    def content_dir(self) -> Path:
        return self.root / "content"

    @property
    def vocabularies_file(self) -> Path:
        return self.content_dir / "vocabularies.yml"

    def shown(self, path: Path) -> str:
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return path.as_posix()


def load_content(
    layout: Layout, today: dt.date, only: Iterable[Path] | None = None, jobs: int = 1, cache_dir: Path | None = None
) -> Content:
    """Read and check every content file (or only the given ones, with everything else as context).
    With jobs=2 the files are read and checked on both cores. `cache_dir`: where checked bodies are
    kept between runs (body_cache), if anywhere."""
    cache = BodyCache(cache_dir) if cache_dir is not None else None
    vocabularies, problems = load_vocabularies(layout.vocabularies_file, layout.shown(layout.vocabularies_file))
    content = Content(vocabularies, today, problems=list(problems))
    tree = file_policy.scan(layout.root, layout.docs_dir)
    content.problems += tree.problems
    content.published = tree.published
    files = [
        (file.path, file.shown, file.kind, PAGE_FILE if file.kind == "page" else CONTENT_FILE, file.name)
        for file in tree.files
    ]
    content.site_files = site_files = _site_files(tree, files)
    read = parallel_map(lambda file: _read_file_safely(vocabularies, today, *file, site_files, cache), files, jobs)
    if cache is not None:
        cache.prune()
    for entry, file_problems in read:
        content.files_checked += 1
        content.problems += file_problems
        if entry is None:
            continue
        versions = content.collection(entry.kind).setdefault(entry.id, {})
        if entry.lang in versions:  # only campaigns in two folders can collide
            content.problems.append(
                Problem.at(
                    entry.source_path,
                    1,
                    1,
                    "file name",
                    "file.campaign-id-taken",
                    id=entry.id,
                    other=versions[entry.lang].source_path,
                )
            )
            continue
        versions[entry.lang] = entry
    _check_across_files(content)
    if only is not None:
        wanted = {layout.shown(Path(p).resolve()) if Path(p).is_absolute() else Path(p).as_posix() for p in only}
        content.problems = [p for p in content.problems if p.path in wanted]
        content.untranslated = [path for path in content.untranslated if path in wanted]
    return content


def _site_files(tree: file_policy.Tree, files: list[FileToRead]) -> SiteFiles:
    """Every page a body may link to by its file name, at the address its name gives, and every asset."""
    pages = {}
    for _, shown, kind, pattern, name in files:
        stem, _, file_name = name.rpartition("/")
        match = pattern.match(file_name)
        if match:
            key = (stem + "/" if stem else "") + match["id"]
            pages[shown] = (address_by_name(kind, key, match["lang"]), match["lang"])
    return SiteFiles(pages, dict(tree.assets))


def _read_file_safely(
    vocabularies: Vocabularies, today: dt.date, path: Path, shown: str, *rest: Any
) -> tuple[Entry | None, list[Problem]]:
    """Whatever a file holds, the answer is problems naming it, never a traceback."""
    try:
        return _read_file(vocabularies, today, path, shown, *rest)
    except RecursionError:
        return None, [Problem.at(shown, 1, 1, "file", "file.too-deep")]
    except Exception as error:  # noqa: BLE001  a bug of ours is reported as a problem of this file, never a traceback
        return None, [Problem.at(shown, 1, 1, "file", "file.build-bug", error=type(error).__name__)]


def _read_file(
    vocabularies: Vocabularies,
    today: dt.date,
    path: Path,
    shown: str,
    kind: str,
    pattern: re.Pattern[str],
    name: str,
    site_files: SiteFiles | None = None,
    cache: BodyStore | None = None,
) -> tuple[Entry | None, list[Problem]]:
    """One file read and checked on its own: its entry (None if it cannot be used) and its problems."""
    stem, _, file_name = name.rpartition("/")
    match = pattern.match(file_name)
    if not match:
        return None, [
            Problem.at(
                shown,
                1,
                1,
                "file name",
                _file_name_rule(file_name),
                name=file_name,
                advice=phrase("advice.page-name" if kind == "page" else "advice.item-name"),
            )
        ]
    key = (stem + "/" if stem else "") + match["id"]
    lang = match["lang"]
    document, problems = read_source(path, shown)
    place = BodyPlace(shown, lang, address_by_name(kind, key, lang), site_files or SiteFiles())
    if not document.parsed:  # the body is still checked: every problem of the file in one run
        if not document.body:
            return None, problems
        return None, problems + list(checked_body(document.body, shown, document.body_line, place, cache).problems)
    schema: Schema = ACT if kind == "act" else TOOL if kind == "tool" else PAGE
    if kind == "page" and "type" in document.data:
        if document.data["type"] == "campaign":
            schema, kind, key = CAMPAIGN, "campaign", match["id"]
        else:
            line, column = document.position(("type",))
            return None, [
                *problems,
                Problem.at(shown, line, column, "type", "page.unknown-type", value=str(document.data["type"])),
            ]
    values, invalid = validate(
        document, schema, ValidationContext(vocabularies, today, path.parent), may_omit=SHARED_FIELDS.get(kind, ())
    )
    checked = checked_body(document.body, shown, document.body_line, place, cache)
    problems = problems + list(checked.problems)
    held = None
    if _holds_no_text(document, schema, SHARED_FIELDS.get(kind, ())):
        shared = set(SHARED_FIELDS.get(kind, ()))
        held = tuple(p for p in invalid if p.field.split(".")[0] not in shared)
        invalid = [p for p in invalid if p.field.split(".")[0] in shared]
    return Entry(
        kind,
        key,
        lang,
        shown,
        path,
        values,
        document.body,
        document.body_line,
        frozenset(map(str, document.data)),
        held,
        checked.converted,
    ), problems + invalid


def _holds_no_text(document: SourceDocument, schema: Schema, shared: tuple[str, ...]) -> bool:
    """Only shared fields and constants, every other field empty, and no body: nothing to translate yet."""
    if not shared or document.body.strip():
        return False
    constants = {spec.name for spec in schema.fields if spec.kind == Kind.CONSTANT}
    return all(
        name in shared or name in constants or value is False or value in (None, "", [], {})
        for name, value in document.data.items()
    )  # `draft: false` as the editor writes it says nothing


def _file_name_rule(name: str) -> str:
    return "file.invalid-name" if name.endswith((".fi.md", ".sv.md")) else "file.unknown-language"


def _take_shared_fields(content: Content) -> None:
    """A translation that leaves out a shared field takes its counterpart's value. Where neither
    version gives a required one, the file is told as any file missing it would be; where the
    counterpart gives it wrongly, that file's own problem says so, at its line."""
    for kind, fields in SHARED_FIELDS.items():
        schema = SCHEMAS[kind]
        for versions in content.collection(kind).values():
            for entry in versions.values():
                other = next((version for version in versions.values() if version is not entry), None)
                unresolved = []
                for name in fields:
                    if name in entry.given:
                        continue
                    if other is not None and name in other.given:
                        if name in other.values:
                            entry.values[name] = other.values[name]
                    else:
                        unresolved.append(name)
                if any(spec.required and spec.name in unresolved for spec in schema.fields):
                    document, _ = read_source(entry.abs_path, entry.source_path)
                    _, found = validate(
                        document, schema, ValidationContext(content.vocabularies, content.today, entry.abs_path.parent)
                    )
                    content.problems += [problem for problem in found if problem.field in unresolved]


def _settle_untranslated(content: Content) -> None:
    """A version with no text of its own beside one with text is no page: the item is published in
    the one language (its shared fields, if given, must still agree). Alone, it is told what it lacks."""
    for kind in SHARED_FIELDS:
        for versions in content.collection(kind).values():
            for lang, entry in list(versions.items()):
                if entry.held is None:
                    continue
                other = next((v for v in versions.values() if v is not entry and v.held is None), None)
                if other is None:
                    content.problems += entry.held
                    continue
                for name in _disagreeing(entry, other, SHARED_FIELDS[kind]):
                    content.problems.append(
                        _at(entry, (name,), "translation.differs", other=other.source_path, field=name)
                    )
                del versions[lang]
                content.untranslated.append(entry.source_path)


def _check_across_files(content: Content) -> None:
    _settle_untranslated(content)
    _take_shared_fields(content)
    for versions in content.acts.values():
        for entry in versions.values():
            campaign = entry.values.get("campaign")
            if campaign and campaign not in content.campaigns:
                content.problems.append(
                    _at(
                        entry,
                        ("campaign",),
                        "campaign.unknown",
                        campaign=campaign,
                        campaigns=", ".join(sorted(content.campaigns)) or phrase("none-yet"),
                    )
                )
    for kind in ("act", "tool"):
        _check_redirects(content, kind)
    for kind, fields in SHARED_FIELDS.items():
        for versions in content.collection(kind).values():
            if len(versions) < 2:
                continue
            fi, sv = (versions[lang] for lang in LANGUAGES)
            for name in _disagreeing(sv, fi, fields):
                content.problems.append(_at(sv, (name,), "translation.differs", other=fi.source_path, field=name))


def _check_redirects(content: Content, kind: str) -> None:
    """A former id must be free: not an item's id today, and not claimed by another item."""
    collection = content.collection(kind)
    claimed: dict[str, Entry] = {}
    for item_id, versions in sorted(collection.items()):
        for entry in versions.values():
            for index, old_id in enumerate(entry.values.get("redirect_from", [])):
                where = ("redirect_from", index)
                if old_id in collection:
                    owner = next(iter(collection[old_id].values()))
                    if old_id == item_id:
                        content.problems.append(
                            _at(entry, where, "redirect.own-id", old_id=old_id, item=phrase(f"that.{kind}"))
                        )
                    else:
                        content.problems.append(
                            _at(
                                entry,
                                where,
                                "redirect.existing-id",
                                old_id=old_id,
                                existing=phrase(f"existing.{kind}"),
                                other=owner.source_path,
                                item=phrase(f"that.{kind}"),
                            )
                        )
                elif old_id in claimed and claimed[old_id].id != item_id:
                    content.problems.append(
                        _at(entry, where, "redirect.claimed", old_id=old_id, other=claimed[old_id].source_path)
                    )
                else:
                    claimed.setdefault(old_id, entry)


def _disagreeing(entry: Entry, other: Entry, fields: Iterable[str]) -> list[str]:
    """The shared fields both versions give, with different values. (A field one version leaves out
    has been taken from the other by then, or is missing from both.)"""
    return [
        name
        for name in fields
        if name in entry.given
        and name in other.given
        and _comparable(entry.values.get(name)) != _comparable(other.values.get(name))
    ]


def _comparable(value: Any) -> Any:
    if isinstance(value, list):
        return sorted(map(repr, value))
    return value


def _at(entry: Entry, path: FieldPath, rule: str, /, **params: Any) -> Problem:
    # Re-reading positions is cheap and keeps Entry free of parser state.
    document, _ = read_source(entry.abs_path, entry.source_path)
    line, column = document.position(path)
    return Problem.at(entry.source_path, line, column, ".".join(map(str, path)), rule, **params)
