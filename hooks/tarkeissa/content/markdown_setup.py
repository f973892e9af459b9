"""The Markdown of bodies, declared once: the extensions and their settings that `check`, the build
and the live preview all convert with (mkdocs.yml lists the same, which on_config and a test check).

Python-Markdown's own extensions where it has one; pymdown-extensions (which Material documents
and depends on) for task lists and strikethrough, which Python-Markdown lacks.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from typing import Any
from xml.etree.ElementTree import Element

import markdown
from markdown import inlinepatterns, treeprocessors
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from markdown.util import AMP_SUBSTITUTE, AtomicString

# MkDocs' own built-ins first (toc, tables, fenced_code), then mkdocs.yml's in its order.
EXTENSIONS = (
    "toc",
    "tables",
    "fenced_code",
    "attr_list",
    "admonition",
    "md_in_html",
    "footnotes",
    "def_list",
    "abbr",
    "pymdownx.tasklist",
    "pymdownx.tilde",
)
CONFIGS = {"toc": {"permalink": False}, "pymdownx.tasklist": {"custom_checkbox": True}}

# The footnote's way back, in the page's language (Python-Markdown's default is English).
BACKLINK_TITLES = {"fi": "Takaisin viitteeseen {}", "sv": "Tillbaka till fotnot {}", "en": "Back to footnote {}"}


_PLACEHOLDER = re.compile("\x02[^\x03]*\x03")  # a stashed piece of raw HTML, not text
_PLACEHOLDER_INDEX = re.compile("\x02wzxhzdk:([0-9]+)\x03")  # markdown.util.HTML_PLACEHOLDER


class _NamedTaskBoxes(Treeprocessor):
    """A task list's checkbox gets its item's words as its name (title): pymdownx writes the box in
    an empty <label>, and a form control without a name is a WCAG failure (axe's 'label'). The box
    is raw HTML in Python-Markdown's stash, so the stashed text is what gets the title."""

    def run(self, root: Element) -> None:
        stash = self.md.htmlStash.rawHtmlBlocks
        for item in root.iter("li"):
            if "task-list-item" not in (item.get("class") or "").split():
                continue
            match = _PLACEHOLDER_INDEX.search(item.text or "")
            if match is None and len(item):  # a loose list's item holds the box in its <p>
                match = _PLACEHOLDER_INDEX.search(item[0].text or "")
            if match is None or int(match.group(1)) >= len(stash):
                continue
            index = int(match.group(1))
            text = "".join(item.itertext()).replace(AMP_SUBSTITUTE, "&")
            words = " ".join(_PLACEHOLDER.sub("", text).split())[:200] or "-"
            stash[index] = str(stash[index]).replace(
                '<input type="checkbox"', f'<input type="checkbox" title="{html.escape(words)}"', 1
            )


class TaskBoxNames(Extension):
    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.treeprocessors.register(_NamedTaskBoxes(md), "tt_task_names", 2)  # after inline (20) and task-list


# The Python-Markdown releases whose InlineProcessor `_QuickInline` was read against (its private
# __handleInline and __applyPattern); any other keeps Python-Markdown's own processor.
QUICK_INLINE_FOR = {(3, 11, 3)}
INLINE_PRIORITY = 20  # the inline pass's place (markdown.treeprocessors.build_treeprocessors)


class _QuickInline(treeprocessors.InlineProcessor):
    """Python-Markdown's inline pass with the same result, in less time: a text is tried against
    each inline pattern in turn, and a pattern whose expression is not found in the text from the
    current position cannot match there, so it is passed over with one regex search instead of a
    registry lookup and a call to __applyPattern (which would return "not matched" all the same).
    A pattern found goes through __applyPattern as before. Inline patterns were 40 % of a body's
    conversion; this takes 12-19 % off its CPU time (scripts/benchmark_conversion.py: 0.88x on
    generated bodies, 0.81x on realistic ones)."""

    # Python-Markdown's own (name-mangled) method, called as it is: declared for the type checker only
    _InlineProcessor__applyPattern: Callable[[Any, str, int, int], tuple[str, bool, int]]

    def run(self, tree: Element, ancestors: list[str] | None = None) -> Element:
        # the patterns as registered now, in their order (a delimiter's expression changes as it is
        # configured, so it is taken at each run, not when the instance is made)
        self._quick = [
            (p, p.getCompiledRegExp().search if isinstance(p, inlinepatterns.InlineProcessor) else None)
            for p in self.inlinePatterns
        ]
        return super().run(tree, ancestors)

    def _InlineProcessor__handleInline(self, data: str, patternIndex: int = 0) -> str:
        if isinstance(data, AtomicString):
            return data
        apply, patterns, start = self._InlineProcessor__applyPattern, self._quick, 0
        while patternIndex < len(patterns):
            pattern, search = patterns[patternIndex]
            if search is not None and search(data, start) is None:
                patternIndex, start = patternIndex + 1, 0  # __applyPattern's "not matched" (data, False, 0)
                continue
            data, matched, start = apply(pattern, data, patternIndex, start)
            if not matched:
                patternIndex += 1
        return data


def quicken(md: markdown.Markdown) -> markdown.Markdown:
    """The instance with `_QuickInline` in place of its inline pass, where the release is one it was read against."""
    if markdown.__version_info__[:3] not in QUICK_INLINE_FOR or "inline" not in md.treeprocessors:
        return md
    if type(md.treeprocessors["inline"]) is treeprocessors.InlineProcessor:
        md.treeprocessors.register(_QuickInline(md), "inline", INLINE_PRIORITY)
    return md


def new_markdown(quick: bool = True) -> markdown.Markdown:
    """The bodies' Markdown: the declared extensions, and the task boxes' names (no setting of its own)."""
    md = markdown.Markdown(
        extensions=[*EXTENSIONS, TaskBoxNames()], extension_configs={k: dict(v) for k, v in CONFIGS.items()}
    )
    return quicken(md) if quick else md


def set_language(md: markdown.Markdown, lang: str) -> None:
    """Words the extensions write themselves, in the body's language."""
    for extension in md.registeredExtensions:
        if "BACKLINK_TITLE" in extension.config:
            extension.setConfig("BACKLINK_TITLE", BACKLINK_TITLES.get(lang, BACKLINK_TITLES["fi"]))
