"""Read an editor's file: decode, normalise, split front matter, parse YAML with positions.

Positions matter more than speed here: every value keeps the line and column it was
written on, so that a problem can point an editor at the exact place. Whatever the input,
reading does bounded work and ends in problems, never in an exception.
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

import yaml
from yaml.events import (
    AliasEvent,
    MappingEndEvent,
    MappingStartEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)

from ..compat import quick_resolver
from .front_matter_format import comments
from .messages import Phrase, phrase
from .problems import Problem

# Bounds on what one file may make the reader do. The deepest real field (awards.0.year) is 3
# levels and real front matter is a few KB: these leave room for any editor and none for a
# 60 KB '[[[[' (libyaml's composer recurses in C and crashes the process) or a 1 MB paste.
MAX_DEPTH = 20
MAX_SIZE = 64 * 1024  # characters of front matter
MAX_NUMBER = 100  # characters: Python refuses ints of 4,300 digits, and a base-60 one (1:2:3) takes quadratic time

_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml: ten times faster, same marks


class _Loader(_Base):  # type: ignore[misc, valid-type]
    """Safe YAML whose impossible dates (2023-02-30) stay text, for the schema to report with a position."""


# PyYAML's constructor of one node's value
Constructor = Callable[[yaml.SafeLoader, yaml.ScalarNode], Any]


class _Unreadable(Exception):
    """A value no field can use, such as a 5,000-digit number: reported where it stands."""

    def __init__(self, node: yaml.Node, rule: str, **params: Any) -> None:
        super().__init__(rule)
        self.node, self.rule, self.params = node, rule, params


def _timestamp_or_text(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> Any:
    try:
        return yaml.constructor.SafeConstructor.construct_yaml_timestamp(loader, node)
    except (ValueError, OverflowError, AttributeError):  # AttributeError: '!!timestamp' on text that is no date
        return loader.construct_scalar(node)


def _checked(construct: Constructor, what: str) -> Constructor:  # what: the phrase naming the value expected
    """PyYAML's constructor of a number or true/false, bounded and with a position when it fails."""

    def read(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> Any:
        if len(node.value) > MAX_NUMBER:
            raise _Unreadable(node, "front-matter.long-number", length=len(node.value), limit=MAX_NUMBER)
        try:
            return construct(loader, node)
        except (ValueError, IndexError, KeyError, OverflowError):  # an explicit tag on other text: !!int abc
            raise _Unreadable(node, "front-matter.unreadable-tag", value=node.value, what=phrase(what)) from None

    return read


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp_or_text)
for _tag in ("int", "float", "bool"):
    _Loader.add_constructor(
        f"tag:yaml.org,2002:{_tag}", _checked(_Loader.yaml_constructors[f"tag:yaml.org,2002:{_tag}"], f"yaml.{_tag}")
    )

_STR, _NULL = "tag:yaml.org,2002:str", "tag:yaml.org,2002:null"
_MAP, _SEQ, _MERGE = "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq", "tag:yaml.org,2002:merge"
# Scalars whose constructor needs nothing but the node; any other tag takes PyYAML's own path.
_SIMPLE_SCALARS = {
    tag: _Loader.yaml_constructors[tag]
    for tag in (
        "tag:yaml.org,2002:int",
        "tag:yaml.org,2002:float",
        "tag:yaml.org,2002:timestamp",
        "tag:yaml.org,2002:bool",
    )
}


@functools.lru_cache(maxsize=65536)
def _resolve(kind: type[yaml.Node], value: str, implicit: tuple[bool, bool]) -> str:
    """A node's tag depends only on its kind, its text and how it was quoted: libyaml asks for
    every node, and a cache in C answers most of them (titles and terms repeat across files)."""
    tag: str = _Base.resolve(_RESOLVER, kind, value, implicit)
    return tag


_RESOLVER = yaml.resolver.Resolver()
# libyaml also reports every step down and up the tree, for path resolvers this loader has none
# of; builtins that do nothing save two Python calls per node (PyYAML internals: compat.py).
quick_resolver(_Loader, _resolve)


class _Unusual(Exception):
    """Front matter that uses a YAML feature the quick reader leaves to PyYAML (merges, tags)."""


Position = tuple[int, int]  # 1-based line and column
FieldPath = tuple[Any, ...]  # ("awards", 0, "series")


@dataclass
class SourceDocument:
    path: str  # as reported to editors: relative, forward slashes
    data: dict[str, Any] = field(default_factory=dict)
    body: str = ""
    body_line: int = 1  # file line of the first body line
    front_matter_end: int = 1  # file line of the closing '---'
    value_positions: dict[FieldPath, Position] = field(default_factory=dict)
    key_positions: dict[FieldPath, Position] = field(default_factory=dict)
    parsed: bool = False  # front matter was read into a mapping
    # The YAML tree, until a position is first asked for: most files have no problem to point at,
    # so the positions are recorded only when one is.
    node: Any = field(default=None, repr=False, compare=False)

    def position(self, path: FieldPath) -> Position:
        """Where a value stands; for a missing one, where its parent or the front matter ends."""
        if self.node is not None:
            self._record()
        while path:
            if path in self.value_positions:
                return self.value_positions[path]
            path = path[:-1]
        return (self.front_matter_end, 1)

    def key_position(self, path: FieldPath) -> Position:
        if self.node is not None:
            self._record()
        return self.key_positions.get(path) or self.position(path)

    def _record(self) -> None:
        node, self.node = self.node, None
        _record_positions(node, (), self)  # its problems (keys given twice) were reported when read


def normalise(raw: bytes) -> str:
    """UTF-8 with an optional byte-order mark and any line endings, as LF text."""
    text = raw.decode("utf-8")
    text = text.removeprefix("\ufeff")
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


def read_without_following(path: Path | str) -> bytes:
    """A file's bytes, refusing a symbolic link (ELOOP) even if one appeared after the tree was
    checked: a link can never make the build read a file from outside the repository."""
    with open(os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0)), "rb") as handle:
        return handle.read()  # plain open: a third cheaper than Path.read_bytes


def read_source(path: Path, shown_path: str) -> tuple[SourceDocument, list[Problem]]:
    document = SourceDocument(path=shown_path)
    try:
        raw = read_without_following(path)
    except OSError as error:
        return document, [Problem.at(shown_path, 1, 1, "file", "file.unreadable", reason=error.strerror)]
    try:
        text = normalise(raw)
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        return document, [Problem.at(shown_path, line, column, "file", "file.not-utf8", byte=f"{raw[error.start]:02x}")]
    if b"\0" in raw:  # in the story too; libyaml would stop at one and name line 2 (bytes: the fastest test)
        nul = text.find("\0")
        return document, [_nul_problem(shown_path, text.count("\n", 0, nul) + 1, nul - text.rfind("\n", 0, nul))]
    return parse_text(text, document, content=True)


def _nul_problem(shown_path: str, line: int, column: int) -> Problem:
    return Problem.at(shown_path, line, column, "file", "file.nul-character")


def parse_text(text: str, document: SourceDocument, content: bool = False) -> tuple[SourceDocument, list[Problem]]:
    """content: a content file, whose front matter no writer may strip of a comment (not vocabularies.yml)."""
    try:
        return _parse_text(text, document, content)
    except Exception as error:  # noqa: BLE001  a bug of ours is reported as a problem of this file, never a traceback
        document.parsed = False
        return document, [Problem.at(document.path, 1, 1, "file", "file.build-bug", error=type(error).__name__)]


def _parse_text(text: str, document: SourceDocument, content: bool) -> tuple[SourceDocument, list[Problem]]:
    newline = text.find("\n")
    if (text if newline == -1 else text[:newline]).rstrip() != "---":
        document.body = text
        return document, [Problem.at(document.path, 1, 1, "front matter", "front-matter.missing")]
    # Walk the lines up to the closing '---' only: the story after it is never split into lines.
    front_start = line_start = newline + 1
    end = None
    number = 1  # 0-based number of the line that starts at line_start
    while newline != -1:
        newline = text.find("\n", line_start)
        if (text[line_start:] if newline == -1 else text[line_start:newline]).rstrip() in ("---", "..."):
            end = number
            break
        number += 1
        line_start = newline + 1
    if end is None:
        return document, [Problem.at(document.path, 1, 1, "front matter", "front-matter.not-closed")]
    document.front_matter_end = end + 1
    document.body_line = end + 2
    document.body = "" if newline == -1 else text[newline + 1 :]
    # A leading newline keeps YAML's 0-based line numbers equal to the file's 1-based ones.
    yaml_text = "\n" + text[front_start : line_start - 1]
    if not yaml_text.strip():
        return document, [Problem.at(document.path, 1, 1, "front matter", "front-matter.empty")]
    size = len(yaml_text) - 1
    if size > MAX_SIZE:
        return document, [
            Problem.at(document.path, 1, 1, "front matter", "front-matter.too-long", size=size, limit=MAX_SIZE)
        ]
    try:
        if _may_nest_or_refer(yaml_text) and (problem := _scan_events(yaml_text, document.path)):
            return document, [problem]
        loader = _Loader(yaml_text)
        try:
            node = loader.get_single_node()
            if not isinstance(node, yaml.MappingNode):
                kind = phrase("yaml.list" if isinstance(node, yaml.SequenceNode) else "yaml.single-value")
                return document, [
                    Problem.at(
                        document.path,
                        node.start_mark.line + 1 if node else 2,
                        1,
                        "front matter",
                        "front-matter.not-a-mapping",
                        kind=kind,
                    )
                ]
            problems: list[Problem] = []
            try:
                data = _read(node, (), document, loader, problems)
                document.node = node
            except _Unusual:
                problems = _record_positions(node, (), document)
                data = loader.construct_document(node)
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as error:
        # An unclosed quote is only noticed at the end; point at where the quote opened.
        opened_early = error.context and "quoted scalar" in error.context and error.context_mark
        mark = error.context_mark if opened_early else (error.problem_mark or error.context_mark)
        line, column = (mark.line + 1, mark.column + 1) if mark else (2, 1)
        what = (error.problem or "cannot be read").rstrip(".")
        return document, [
            Problem.at(
                document.path,
                line,
                column,
                "front matter",
                "front-matter.yaml-syntax",
                error=yaml_problem(what),
                advice=phrase(_yaml_hint(what)),
            )
        ]
    except yaml.reader.ReaderError as error:  # a control character; libyaml gives its byte offset
        before = yaml_text.encode()[: error.position].decode("utf-8", "ignore")
        line, column = before.count("\n") + 1, len(before) - before.rfind("\n")
        if error.character == 0:
            return document, [_nul_problem(document.path, line, column)]
        return document, [
            Problem.at(
                document.path,
                line,
                column,
                "front matter",
                "front-matter.control-character",
                code=f"{error.character:04X}",
            )
        ]
    except _Unreadable as error:
        mark = error.node.start_mark
        return document, [
            Problem.at(document.path, mark.line + 1, mark.column + 1, "front matter", error.rule, **error.params)
        ]
    except (yaml.YAMLError, ValueError, OverflowError, RecursionError, MemoryError) as error:
        # Not expected within the bounds above, but the file is then the likely cause, not the build.
        return document, [
            Problem.at(
                document.path, 2, 1, "front matter", "front-matter.unreadable", error=f"{type(error).__name__}: {error}"
            )
        ]
    document.data = data
    document.parsed = True
    # No writer keeps a comment (the web editor, `format`): say so rather than lose it silently.
    if content:
        problems += [
            Problem.at(document.path, line, column, "front matter", "front-matter.comment")
            for line, column in comments(yaml_text)
        ]
    return document, problems


# A line whose leading spaces and '- ', '? ', ': ' indicators are this long (see below).
_RUN = 6
_DEEP_LINE = re.compile(rf"\n[ \t?:-]{{{_RUN}}}")


def _may_nest_or_refer(text: str) -> bool:
    """False when the text can have no anchor or alias and no more than MAX_DEPTH levels, so that
    composing it is safe; a few scans in C, where the event scan costs as much as composing.
    A block collection starts at a column past its line's leading spaces and indicators, and block
    levels gain at least a column every two (a list may share its key's column): lines with fewer
    than _RUN such characters give at most 2 * _RUN levels. A flow level needs a '{', or a '[' for
    a list and its one-pair group ('[a: b]'): 2 * '[' + '{' bounds the rest."""
    return (
        "&" in text
        or "*" in text
        or 2 * text.count("[") + text.count("{") > MAX_DEPTH - 2 * _RUN
        or _DEEP_LINE.search(text) is not None
        or "\x85" in text
        or "\u2028" in text
        or "\u2029" in text
    )  # line breaks to YAML too


def _scan_events(yaml_text: str, shown_path: str) -> Problem | None:
    """The first anchor or alias, or the first collection past MAX_DEPTH, found in libyaml's
    events: linear in the text, builds nothing (a 'billion laughs' alias bomb is exponential
    only once composed). Syntax errors are raised as composing would raise them."""
    parser = _Base(yaml_text)
    try:
        depth = 0
        while True:
            event = parser.get_event()
            cls = event.__class__
            if cls is StreamEndEvent:
                return None
            if cls is AliasEvent or getattr(event, "anchor", None) is not None:
                mark = event.start_mark
                return Problem.at(
                    shown_path, mark.line + 1, mark.column + 1, "front matter", "front-matter.yaml-anchor"
                )
            if cls is SequenceStartEvent or cls is MappingStartEvent:
                depth += 1
                if depth > MAX_DEPTH:
                    mark = event.start_mark
                    return Problem.at(
                        shown_path,
                        mark.line + 1,
                        mark.column + 1,
                        "front matter",
                        "front-matter.too-deep",
                        limit=MAX_DEPTH,
                    )
            elif cls is SequenceEndEvent or cls is MappingEndEvent:
                depth -= 1
    finally:
        parser.dispose()


_PARSER_SAID = (  # what PyYAML or libyaml says -> the phrase that says it to an editor
    ("mapping values are not allowed", "parser.colon-in-value"),
    ("unexpected end of stream", "parser.ends-in-value"),
    ("expected ',' or ']'", "parser.list-not-closed"),
    ("expected ',' or '}'", "parser.group-not-closed"),
    ("cannot start any token", "parser.cannot-start"),
    ("unknown escape character", "parser.unknown-escape"),
    ("expected key", "parser.unexpected-line"),
    ("expected <block end>", "parser.unexpected-line"),
    ("could not find expected ':'", "parser.missing-colon"),
)


def yaml_problem(what: str) -> Phrase:
    """The parser's own words as a phrase in the catalogue; words it has no phrase for stay as they are."""
    return next((phrase(key) for text, key in _PARSER_SAID if text in what), phrase("parser.other", text=what))


def _yaml_hint(what: str) -> str:
    """The phrase of advice for what the YAML parser said."""
    if "mapping values are not allowed" in what:  # "...here" (PyYAML) or "...in this context" (libyaml)
        return "yaml.quote-colon"
    if "found character '\\t'" in what or "tab" in what:
        return "yaml.tabs"
    if "could not find expected ':'" in what:
        return "yaml.missing-colon"
    if "expected alphabetic or numeric character" in what:  # '&' or '*' then a space or a letter like ä
        return "yaml.star-or-ampersand"
    if "while scanning a quoted scalar" in what or "found unexpected end of stream" in what:
        return "yaml.unclosed-quote"
    return "yaml.other"


def _read(node: yaml.Node, path: FieldPath, document: SourceDocument, loader: _Loader, problems: list[Problem]) -> Any:
    """Build the value of a node, and report keys given twice: what PyYAML's construct_document
    and _record_positions give for plain front matter, at a fraction of the cost (positions are
    recorded later, only for a document with a problem). No node is shared: aliases were refused."""
    cls = node.__class__
    if cls is yaml.ScalarNode:
        return node.value if node.tag == _STR else _scalar(cast(yaml.ScalarNode, node), loader)
    tag = node.tag
    if cls is yaml.SequenceNode and tag == _SEQ:
        return [_read(item, (*path, index), document, loader, problems) for index, item in enumerate(node.value)]
    if not (cls is yaml.MappingNode and tag == _MAP):
        raise _Unusual
    data: dict[Any, Any] = {}
    seen: set[str] = set()
    for key_node, value_node in node.value:
        if key_node.__class__ is not yaml.ScalarNode or key_node.tag == _MERGE:
            raise _Unusual
        key = key_node.value
        child = (*path, key)
        if key in seen:
            mark = key_node.start_mark
            problems.append(
                Problem.at(document.path, mark.line + 1, mark.column + 1, ".".join(map(str, child)), "field.duplicate")
            )
        seen.add(key)
        data[key if key_node.tag == _STR else _scalar(key_node, loader)] = _read(
            value_node, child, document, loader, problems
        )
    return data


def _scalar(node: yaml.ScalarNode, loader: _Loader) -> Any:
    tag = node.tag
    if tag == _STR:
        return node.value
    if tag == _NULL:
        return None
    constructor = _SIMPLE_SCALARS.get(tag)
    if constructor is None:
        raise _Unusual
    return constructor(loader, node)


def _record_positions(node: yaml.Node, path: FieldPath, document: SourceDocument) -> list[Problem]:
    """Remember where every key and value stands; report keys given twice."""
    problems: list[Problem] = []
    document.value_positions[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
    if isinstance(node, yaml.MappingNode):
        seen: set[Any] = set()
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else str(key_node.value)
            child = (*path, key)
            position = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            if key in seen:
                problems.append(Problem.at(document.path, *position, ".".join(map(str, child)), "field.duplicate"))
            seen.add(key)
            document.key_positions[child] = position
            problems += _record_positions(value_node, child, document)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            problems += _record_positions(item, (*path, index), document)
    return problems
