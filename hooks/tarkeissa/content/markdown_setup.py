"""The Markdown of bodies, declared once: the extensions and their settings that `check`, the build
and the live preview all convert with (mkdocs.yml lists the same, which on_config and a test check).

Python-Markdown's own extensions where it has one; pymdown-extensions (which Material documents
and depends on) for task lists and strikethrough, which Python-Markdown lacks.
"""

from __future__ import annotations

import html
import re
from xml.etree.ElementTree import Element

import markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from markdown.util import AMP_SUBSTITUTE

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


def new_markdown() -> markdown.Markdown:
    """The bodies' Markdown: the declared extensions, and the task boxes' names (no setting of its own)."""
    return markdown.Markdown(
        extensions=[*EXTENSIONS, TaskBoxNames()], extension_configs={k: dict(v) for k, v in CONFIGS.items()}
    )


def set_language(md: markdown.Markdown, lang: str) -> None:
    """Words the extensions write themselves, in the body's language."""
    for extension in md.registeredExtensions:
        if "BACKLINK_TITLE" in extension.config:
            extension.setConfig("BACKLINK_TITLE", BACKLINK_TITLES.get(lang, BACKLINK_TITLES["fi"]))
