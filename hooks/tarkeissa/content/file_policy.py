"""Which files under content/ and docs/ may reach the site: content, allowed assets, the site's own code.

Every other file is a problem with a hint, never skipped in silence and never published. The tree
is walked without following any symbolic link: a link is reported, so a file from outside the
repository (a CI runner's /proc/self/environ) can never be read or published.
"""

from __future__ import annotations

import difflib
import os
from dataclasses import dataclass, field
from pathlib import Path

from .messages import Phrase, phrase
from .problems import Problem
from .source import read_without_following

# What an asset's first bytes must be, by its (lowercase) extension: a renamed HTML page is not an image.
RASTER_SIGNATURES = {
    ".png": (b"\x89PNG\r\n\x1a\n",),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
    ".gif": (b"GIF87a", b"GIF89a"),
    ".pdf": (b"%PDF-",),
}
ASSET_TYPES = (*RASTER_SIGNATURES, ".webp", ".avif", ".svg")
ASSET_LIMIT = 20 * 1024 * 1024  # bytes
SITE_CODE = {"assets/javascripts": ".js", "assets/stylesheets": ".css"}  # under docs/: a developer's files
CONTENT_FOLDERS = {"acts": "act", "tools": "tool"}
MARKDOWN_LIKE = (".md", ".markdown", ".mdown", ".mkd", ".mkdn")
BUILD_FOLDERS = ("media/", "pagefind/", "sv/pagefind/")  # act images and search indexes: the build's own
IGNORED = {".gitkeep"}  # keeps an empty folder in git; nothing to publish


@dataclass
class ContentFile:
    path: Path
    shown: str  # as editors see it: content/acts/x.fi.md
    kind: str  # act, tool, page
    name: str  # file name, or for pages the path under docs/


@dataclass
class Tree:
    files: list[ContentFile] = field(default_factory=list)
    published: set[str] = field(default_factory=set)  # docs/-relative paths of files published as they are
    # every asset that passed, by its shown path: where the site publishes it (docs/ ones as they are,
    # those beside acts and tools under media/), for links from bodies
    assets: dict[str, str] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)


def scan(root: Path, docs_dir: Path) -> Tree:
    tree = Tree()
    content_dir = root / "content"
    for top in (content_dir, docs_dir):
        if top.is_symlink():
            _problem(tree, root, str(top), "folder.symbolic-link")
            return tree
    for entry in _entries(content_dir, tree, root):
        if entry.is_dir(follow_symlinks=False) and entry.name in CONTENT_FOLDERS:
            _scan_items(Path(entry.path), CONTENT_FOLDERS[entry.name], tree, root)
        elif entry.is_dir(follow_symlinks=False):
            closest = difflib.get_close_matches(entry.name, list(CONTENT_FOLDERS), n=1, cutoff=0.5)
            _problem(
                tree,
                root,
                entry.path,
                "folder.unknown",
                suggestion=phrase("suggest.folder", folder=closest[0]) if closest else "",
            )
        elif entry.name != "vocabularies.yml":
            _misplaced(tree, root, Path(entry.path), phrase("advice.content-folder"))
    _scan_docs(docs_dir, docs_dir, tree, root)
    tree.files.sort(key=lambda file: file.shown)
    return tree


def _entries(directory: Path, tree: Tree, root: Path) -> list[os.DirEntry[str]]:
    """A folder's entries, symbolic links and ignored files reported or left out here, once."""
    try:
        with os.scandir(directory) as listing:
            entries = sorted(listing, key=lambda entry: entry.name)
    except FileNotFoundError:
        return []
    except OSError as error:
        _problem(tree, root, str(directory), "folder.unreadable", reason=error.strerror)
        return []
    kept = []
    for entry in entries:
        if entry.is_symlink():
            _problem(tree, root, entry.path, "file.symbolic-link")
        elif entry.name not in IGNORED:
            kept.append(entry)
    return kept


def _scan_items(directory: Path, kind: str, tree: Tree, root: Path) -> None:
    for entry in _entries(directory, tree, root):
        path = Path(entry.path)
        if entry.is_dir(follow_symlinks=False):
            _problem(tree, root, entry.path, "folder.nested", folder=_shown(root, directory))
        elif _is_markdown_name(entry.name):
            if entry.name.endswith(".md"):
                tree.files.append(ContentFile(path, _shown(root, path), kind, entry.name))
            else:
                _wrong_extension(tree, root, path)
        elif path.suffix.lower() in ASSET_TYPES:
            if _check_asset(tree, root, path):
                tree.assets[_shown(root, path)] = f"media/{directory.name}/{entry.name}"
        else:
            _misplaced(tree, root, path, phrase(f"advice.beside-{kind}", assets=_asset_list()))


def _scan_docs(directory: Path, docs_dir: Path, tree: Tree, root: Path) -> None:
    for entry in _entries(directory, tree, root):
        path = Path(entry.path)
        relative = path.relative_to(docs_dir).as_posix()
        if entry.is_dir(follow_symlinks=False):
            if _is_markdown_name(entry.name):
                _problem(tree, root, entry.path, "folder.page-name")
            _scan_docs(path, docs_dir, tree, root)
            continue
        folder = relative.rpartition("/")[0]
        if folder in SITE_CODE and path.suffix == SITE_CODE[folder]:
            tree.published.add(relative)  # the site's own scripts and styles
        elif _is_markdown_name(entry.name) and not relative.startswith("assets/"):
            if entry.name.endswith(".md"):
                tree.files.append(ContentFile(path, _shown(root, path), "page", relative))
            else:
                _wrong_extension(tree, root, path)
        elif path.suffix.lower() in ASSET_TYPES:
            if relative.startswith(BUILD_FOLDERS):
                _problem(tree, root, entry.path, "file.in-build-folder", folder=relative.split("/")[0])
            elif _check_asset(tree, root, path):
                tree.published.add(relative)
                tree.assets[_shown(root, path)] = relative
        else:
            _misplaced(tree, root, path, phrase("advice.docs-folder", assets=_asset_list()))


def _check_asset(tree: Tree, root: Path, path: Path) -> bool:
    """Whether an image or document may be published: its extension in lowercase, its bytes of its type."""
    suffix = path.suffix
    if suffix != suffix.lower():
        _problem(tree, root, str(path), "file.extension-in-capitals", suffix=suffix, lower=suffix.lower())
        return False
    try:
        size = path.stat(follow_symlinks=False).st_size
        if size > ASSET_LIMIT:
            _problem(tree, root, str(path), "file.too-large", size=size / 1048576, limit=ASSET_LIMIT // 1048576)
            return False
        data = read_without_following(path)[: None if suffix == ".svg" else 16]
    except OSError as error:
        _problem(tree, root, str(path), "file.unreadable", reason=error.strerror)
        return False
    if suffix == ".svg":
        from .svg_policy import check_svg

        found = check_svg(data, _shown(root, path))
        tree.problems += found
        return not found
    if _has_signature(suffix, data):
        return True
    _problem(tree, root, str(path), "file.wrong-type", type=suffix[1:].upper(), suffix=suffix)
    return False


def _has_signature(suffix: str, data: bytes) -> bool:
    if suffix == ".webp":
        return data[:4] == b"RIFF" and data[8:12] == b"WEBP"
    if suffix == ".avif":
        return data[4:8] == b"ftyp" and data[8:12] in (b"avif", b"avis")
    return data.startswith(RASTER_SIGNATURES[suffix])


def _is_markdown_name(name: str) -> bool:
    return name.lower().endswith(MARKDOWN_LIKE)


def _wrong_extension(tree: Tree, root: Path, path: Path) -> None:
    stem = path.name[: -len(path.suffix)] if path.suffix else path.name
    _problem(tree, root, str(path), "file.markdown-extension", suffix=path.suffix, stem=stem)


def _misplaced(tree: Tree, root: Path, path: Path, advice: Phrase) -> None:
    if _is_markdown_name(path.name):
        _problem(tree, root, str(path), "file.misplaced-page", advice=advice)
    else:
        _problem(tree, root, str(path), "file.type-not-published", suffix=path.suffix or path.name, advice=advice)


def _asset_list() -> str:
    return ", ".join(suffix[1:] for suffix in ASSET_TYPES if suffix != ".jpeg")


def _shown(root: Path, path: Path | str) -> str:
    try:
        return Path(path).relative_to(root).as_posix()
    except ValueError:
        return Path(path).as_posix()


def _problem(tree: Tree, root: Path, path: str, rule: str, /, **params: object) -> None:
    tree.problems.append(Problem.at(_shown(root, path), 1, 1, "file", rule, **params))
