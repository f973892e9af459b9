"""The HTML a reader's browser may receive from an editor's Markdown body: an allow-list.

Every body is converted by Python-Markdown and then sanitized by nh3 (ammonia, with html5ever,
the HTML5 parser of a browser engine), so what a browser parses is what the policy checked.
`sanitize` is what the build publishes. `refusals` says what sanitizing removed, by comparing
with the same parse kept whole: `check_body` turns that into problems an editor can act on, so
nothing is ever stripped without a word.
"""

from __future__ import annotations

import difflib
import html as html_module
import re
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol
from xml.etree.ElementTree import Element

import markdown
import nh3
from markdown.extensions.toc import slugify
from markdown.treeprocessors import Treeprocessor

from .budget import OverBudget, time_budget
from .file_policy import ASSET_TYPES
from .links import BodyPlace, LinkResolver, LookedUp, Written, same_links
from .markdown_setup import CONFIGS as MARKDOWN_CONFIGS
from .markdown_setup import EXTENSIONS as MARKDOWN_EXTENSIONS
from .markdown_setup import new_markdown, set_language
from .messages import phrase
from .problems import Problem

__all__ = [
    "MARKDOWN_CONFIGS",
    "MARKDOWN_EXTENSIONS",
    "CheckedBody",
    "ConvertedBody",
    "check_body",
    "checked_body",
    "convert",
    "judge",
    "publish_body",
    "sanitize",
]

BODY_LIMIT = 200_000  # characters; the longest real story is a few thousand
CONVERT_SECONDS = 3.0  # a story converts in milliseconds; pathological Markdown takes minutes

IFRAME_HOSTS = ("www.youtube-nocookie.com", "player.vimeo.com")  # embeds send the visit to their host
URL_SCHEMES = {"https", "http", "mailto", "tel"}  # and relative addresses

TAGS = {
    "a",
    "abbr",
    "b",
    "blockquote",
    "br",
    "caption",
    "cite",
    "code",
    "col",
    "colgroup",
    "dd",
    "del",
    "details",
    "dfn",
    "div",
    "dl",
    "dt",
    "em",
    "figcaption",
    "figure",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "i",
    "iframe",
    "img",
    "input",  # a task list's box, a disabled checkbox only (see _FILTERS)
    "ins",
    "kbd",
    "label",
    "li",
    "mark",
    "ol",
    "p",
    "pre",
    "q",
    "s",
    "samp",
    "small",
    "span",
    "strong",
    "sub",
    "summary",
    "sup",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "time",
    "tr",
    "u",
    "ul",
    "var",
    "wbr",
}
ATTRIBUTES = {
    "*": {"id", "class", "title", "lang", "dir"},
    "a": {"href"},
    "img": {"src", "alt", "width", "height", "loading"},
    "iframe": {"src", "width", "height", "allow", "allowfullscreen", "loading", "referrerpolicy", "frameborder"},
    "th": {"colspan", "rowspan", "scope", "style"},
    "td": {"colspan", "rowspan", "style"},
    "col": {"span"},
    "colgroup": {"span"},
    "ol": {"start", "reversed", "type"},
    "li": {"value"},
    "time": {"datetime"},
    "del": {"cite", "datetime"},
    "ins": {"cite", "datetime"},
    "q": {"cite"},
    "blockquote": {"cite"},
    "details": {"open"},
    "input": {"type", "disabled", "checked"},
}
# The admonition types Material styles, with its aliases (the second name of each group).
ADMONITION_TYPES = {
    "note": (),
    "abstract": ("summary", "tldr"),
    "info": ("todo",),
    "tip": ("hint", "important"),
    "success": ("check", "done"),
    "question": ("help", "faq"),
    "warning": ("caution", "attention"),
    "failure": ("fail", "missing"),
    "danger": ("error",),
    "bug": (),
    "example": (),
    "quote": ("cite",),
}
STYLED_TYPES = sorted({*ADMONITION_TYPES, *(alias for aliases in ADMONITION_TYPES.values() for alias in aliases)})
# Classes our Markdown extensions write: admonitions (with Material's inline/end placement), a [TOC]
# marker, footnotes, task lists.
CLASSES = {
    "admonition",
    "admonition-title",
    "inline",
    "end",
    "toc",
    "footnote",
    "footnote-ref",
    "footnote-backref",
    "task-list",
    "task-list-item",
    "task-list-control",
    "task-list-indicator",
    *STYLED_TYPES,
}
CODE_LANGUAGE = re.compile(r"language-[a-z0-9+#-]{1,30}", re.IGNORECASE)  # ```Python as ```python
# Content ids are what Python-Markdown's toc makes of a heading (lowercase, perhaps a leading '-'
# or '_': '## -20 %', '## _luonnos') and footnotes' 'fn:…', 'fnref:…'. The site's scripts look for
# ids with a capital (ttSearch) or a leading '__' (Material's __search), which no content id can
# have, so a body can never stand in for the site's own elements.
CONTENT_ID = re.compile(r"(?!__)[a-z0-9_-]{1,300}|fn(?:ref[0-9]*)?:\S{1,300}")
TABLE_ALIGN = re.compile(r"text-align: (?:left|right|center);")
IFRAME_SRC = re.compile(r"https://(?:" + "|".join(map(re.escape, IFRAME_HOSTS)) + r")/[A-Za-z0-9/_.~%?=&+,;:-]*")
_URL_NOISE = str.maketrans("", "", "\t\n\r")  # a browser drops these anywhere in an address
_URL_NOISE_RE = re.compile("[\t\n\r]")  # the same, faster on long texts
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")
_TAG_NAME = re.compile(r"<\s*/?\s*([A-Za-z][^\s/>]*)")
_DOCUMENT_TAGS = {"html", "head", "body"}  # a fragment's parser drops these tags without a trace
_START_TAG = re.compile(r'<([a-z][^\s/>]*)((?:\s+[^\s=>]+(?:="[^"]*")?)*)\s*/?>')
_ATTRIBUTE = re.compile(r'([^\s=>]+)(?:="([^"]*)")?')


_C0_AND_SPACE = "".join(map(chr, range(0x21)))  # what a browser strips from both ends of an address


def _address(value: str) -> str:
    return value.translate(_URL_NOISE).strip(_C0_AND_SPACE)


def _link(tag: str, value: str) -> str | None:
    """A link or citation: the schemes are ammonia's to check; no host-relative '//' or '\\'
    tricks, which browsers read as another host."""
    address = _address(value)
    return None if address.startswith("//") or "\\" in address else value


def _source(tag: str, value: str) -> str | None:
    address = _address(value)
    if tag == "iframe":
        return value if IFRAME_SRC.fullmatch(address) else None
    # images only from the site itself: a reader's browser contacts no third party
    return None if _SCHEME.match(address) or address.startswith("//") or "\\" in address else value


def _input_type(tag: str, value: str) -> str | None:
    return value if tag != "input" or value == "checkbox" else None


def _class(tag: str, value: str) -> str | None:
    names = value.split()
    allowed = all(name in CLASSES or (tag == "code" and CODE_LANGUAGE.fullmatch(name)) for name in names)
    return value if allowed else None


# What an embed from those hosts may ask of the browser (their embed codes ask for these).
IFRAME_FEATURES = {
    "accelerometer",
    "autoplay",
    "clipboard-write",
    "encrypted-media",
    "fullscreen",
    "gyroscope",
    "picture-in-picture",
    "web-share",
}


def _features(tag: str, value: str) -> str | None:
    wanted = {feature.strip().split(" ")[0] for feature in value.split(";") if feature.strip()}
    return value if wanted <= IFRAME_FEATURES else None


# attribute -> (tag, value) -> the value kept, or None to drop the attribute
_FILTERS: dict[str, Callable[[str, str], str | None]] = {
    "allow": _features,
    "href": _link,
    "cite": _link,
    "src": _source,
    "class": _class,
    "type": _input_type,
    "id": lambda tag, value: value if CONTENT_ID.fullmatch(value) else None,
    "style": lambda tag, value: value if TABLE_ALIGN.fullmatch(value) else None,
}


def _filter(tag: str, name: str, value: str) -> str | None:
    rule = _FILTERS.get(name)
    return value if rule is None else rule(tag, value)


_CLEANER = nh3.Cleaner(
    tags=TAGS,
    attributes=ATTRIBUTES,
    attribute_filter=_filter,
    url_schemes=URL_SCHEMES,
    link_rel=None,
    strip_comments=True,
)


def sanitize(html: str) -> str:
    """The body as a reader's browser receives it."""
    return _CLEANER.clean(html)


@dataclass(frozen=True)
class Refusal:
    rule: str  # the rule of messages.RULES that says what was refused
    needle: str | re.Pattern[str]  # text (or a pattern) to look for in the Markdown, for the nearest line
    params: tuple[tuple[str, Any], ...] = ()  # the rule's parameters, as Problem.params


def _refusal(rule: str, needle: str | re.Pattern[str], **params: Any) -> Refusal:
    return Refusal(rule, needle, tuple(sorted(params.items())))


# --- what publishing may change without a word ---------------------------------------------------
# The published HTML of a body is its conversion as html5ever parses and writes it again with every
# element, attribute, scheme and comment allowed (`normalise`). That rewriting changes form only:
#   - quotes: every attribute value in double quotes, '&', '"' and U+00A0 in it as entities;
#   - entities: text written with the fewest entities ('&#8617;' as '↩', '&#160;' as U+00A0 as
#     '&nbsp;', '&gt;' only where needed);
#   - void elements without their slash ('<hr />' as '<hr>'), end tags the parser implies added,
#     attribute names in lowercase, a repeated attribute once.
# Anything else sanitizing changes is a refusal below, reported as a problem.


def normalise(html: str) -> str:
    """The conversion as html5ever reads it, nothing taken away: what `sanitize` must equal."""
    unescaped = _URL_NOISE_RE.sub("", html_module.unescape(html))
    return nh3.clean(
        html,
        tags=TAGS | {name.lower() for name in _TAG_NAME.findall(html)},
        clean_content_tags=set(),
        attributes={},
        generic_attribute_prefixes={""},
        link_rel=None,
        strip_comments=False,
        url_schemes=URL_SCHEMES | {scheme[:-1].lower() for scheme in _SCHEME.findall(unescaped)},
    )


_COMMENT = re.compile(r"<!--(.*?)-->", re.DOTALL)
_ANY_TAG = re.compile(r"<[^>]*>")
_HIDDEN_CONTENT = re.compile(r"<(script|style)\b[^>]*>.*?</\1\s*>", re.DOTALL | re.IGNORECASE)


def visible_text(html: str) -> str:
    """The text a reader sees, without white space (where it falls is formatting) or comments."""
    text = html_module.unescape(_ANY_TAG.sub("", _COMMENT.sub("", html)))
    return _INVISIBLE.sub("", text)


# white space (where it falls is formatting) and control characters: no reader sees them (and
# unescape drops '&#2;', which html5ever keeps)
_INVISIBLE = re.compile(r"[\x00-\x20\s]+")


def refusals(html: str, sanitized: str, whole: str | None = None) -> list[Refusal]:
    """What sanitizing removed: the same HTML5 parse with every element, attribute, scheme and
    comment kept (`normalise`), against the sanitized one, and the visible text of both."""
    whole = normalise(html) if whole is None else whole
    kept_tags, kept_attributes = _inventory(sanitized)
    whole_tags, whole_attributes = _inventory(whole)
    refused_tags = whole_tags - kept_tags
    found = [_element_refusal(tag) for tag in refused_tags]
    written = {name.lower() for name in _TAG_NAME.findall(html)}
    found += [_element_refusal(tag) for tag in sorted(written & _DOCUMENT_TAGS)]
    # a refused element's attributes go with it: one problem, not one per attribute
    found += [
        _attribute_refusal(tag, name, value)
        for tag, name, value in (whole_attributes - kept_attributes)
        if tag not in refused_tags
    ]
    for comment in _COMMENT.findall(whole):
        text = comment.strip()
        shown = text if len(text) <= 40 else text[:37] + "..."
        needle = "<?" if text.startswith("?") else "<!"
        found.append(_refusal("body.refused-comment", needle, text=shown))
    lost = _lost_text(_HIDDEN_CONTENT.sub("", html), sanitized)
    if lost:
        found.append(_refusal("body.text-lost", lost, text=lost))
    if not found and whole != sanitized:  # nothing named, but something changed all the same
        found.append(_refusal("body.refused-markup", "<"))
    return found


def _lost_text(before_html: str, sanitized: str) -> str:
    """The first run of visible text sanitizing dropped (an unknown element's content), if any."""
    before, after = visible_text(before_html), visible_text(sanitized)
    if before == after:
        return ""
    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    for operation, start, end, _, _ in matcher.get_opcodes():
        if operation in ("delete", "replace"):
            return before[start : min(end, start + 40)]
    return ""


def _inventory(html: str) -> tuple[Counter[str], Counter[tuple[str, str, str]]]:
    """How many of each start tag, and of each (tag, attribute, value), the HTML holds."""
    tags: Counter[str] = Counter()
    attributes: Counter[tuple[str, str, str]] = Counter()
    for match in _START_TAG.finditer(html):
        tag = match.group(1)
        tags[tag] += 1
        for name, value in _ATTRIBUTE.findall(match.group(2)):
            attributes[(tag, name, html_module.unescape(value))] += 1
    return tags, attributes


def _element_refusal(tag: str) -> Refusal:
    if tag in ("meta", "base", "link"):
        return _refusal("body.refused-redirecting-element", "<" + tag, tag=tag)
    if tag in ("script", "noscript", "template", "object", "embed", "applet", "frame", "frameset", "svg", "math"):
        return _refusal("body.refused-code-element", "<" + tag, tag=tag)
    if tag in ("form", "input", "button", "select", "textarea", "style"):
        return _refusal("body.refused-form-element", "<" + tag, tag=tag)
    return _refusal(
        "body.refused-element",
        "<" + tag,
        tag=tag,
        hosts=phrase("suggest.terms-or", first=IFRAME_HOSTS[0], second=IFRAME_HOSTS[1]),
    )


def _attribute_refusal(tag: str, name: str, value: str) -> Refusal:
    shown = value if len(value) <= 60 else value[:57] + "..."
    if name.startswith("on"):
        return _refusal("body.refused-event-handler", name, name=name, tag=tag)
    if name in ("href", "cite"):
        return _refusal("body.refused-link", value[:20] or name, address=shown, name=name, tag=tag)
    if name == "src" and tag == "iframe":
        return _refusal(
            "body.refused-embed",
            value[:20] or name,
            address=shown,
            hosts=", ".join(f"https://{host}/" for host in IFRAME_HOSTS),
        )
    if name == "src":
        return _refusal("body.refused-source", value[:20] or name, address=shown, tag=tag)
    if name == "id":
        return _refusal("body.refused-id", value or name, value=shown, tag=tag)
    if name == "class" and tag == "div" and "admonition" in value.split():
        unknown = next((word for word in value.split() if word not in CLASSES), value)
        closest = difflib.get_close_matches(unknown.lower(), STYLED_TYPES, n=1, cutoff=0.6)
        return _refusal(
            "body.unknown-admonition",
            re.compile(r"^[ \t]*(?:!!!|\?\?\?\+?)[^\n]*?\b" + re.escape(unknown) + r"\b", re.MULTILINE | re.IGNORECASE),
            value=unknown,
            types=", ".join(STYLED_TYPES),
            suggestion=phrase("suggest.term", terms=f"'{closest[0]}'") if closest else "",
        )
    if name == "class":
        return _refusal(
            "body.refused-class",
            value.split()[0] if value.split() else name,
            value=shown,
            tag=tag,
            classes=", ".join(ADMONITION_TYPES),
        )
    if name.startswith("data-"):
        return _refusal("body.refused-data-attribute", name, name=name, tag=tag)
    if not value and not _ATTRIBUTE_NAME.fullmatch(name):  # attr_list's reading of '{2019–2021}'
        return _refusal("body.braces-in-text", _braces_naming(name))
    return _refusal("body.refused-attribute", name, name=name, tag=tag)


_ATTRIBUTE_NAME = re.compile(r"[a-z][a-z-]*")  # what an attribute written on purpose looks like


def _braces_naming(name: str) -> re.Pattern[str]:
    """The braces attr_list read `name` from: it wrote '_' for each character a name cannot hold."""
    word = "".join(r"[^\s}]" if char == "_" else re.escape(char) for char in name)
    return re.compile(r"\{[^}\n]*?" + word + r"[^}\n]*\}", re.IGNORECASE)


_ASSET_NAMES = ", ".join(suffix[1:] for suffix in ASSET_TYPES if suffix != ".jpeg")

# --- one conversion, for check, the build and the live preview ------------------------------------

_markdown: markdown.Markdown | None = None


class _Anchors(Treeprocessor):
    """The ids in the converted tree, and the names of its <a> elements: what MkDocs' own anchor pass
    (_ExtractAnchorsTreeprocessor, at toc's priority) collects, so the build need not convert again."""

    def __init__(self, md: markdown.Markdown) -> None:
        super().__init__(md)
        self.found: set[str] = set()

    def run(self, root: Element) -> None:
        for element in root.iter():
            if anchor := element.get("id"):
                self.found.add(anchor)
            if element.tag == "a" and (anchor := element.get("name")):
                self.found.add(anchor)


@dataclass
class Conversion:
    html: str
    found: list[Refusal]  # what the conversion itself refused (links to files that are not there)
    toc_tokens: list[dict[str, Any]] = field(default_factory=list)  # the toc extension's headings
    anchors: frozenset[str] = frozenset()
    looked_up: list[LookedUp] = field(default_factory=list)  # what it read of the site's files
    written: list[Written] = field(default_factory=list)  # the links it rewrote


@dataclass(frozen=True)
class ConvertedBody:
    """A body as the site publishes it, with what the page's template needs that only the Markdown
    instance knew after the conversion: made once, by the check, and rendered as it is."""

    html: str  # sanitized
    lang: str  # the footnotes' words are in this language
    toc_tokens: tuple[dict[str, Any], ...]  # md.toc_tokens
    anchors: tuple[str, ...]  # sorted: the same text in every process (a set's order is not)
    written: tuple[Written, ...]  # each rewritten link: its target, its '#fragment', the address written
    # CPU seconds this process spent converting and sanitizing it (0 when kept from an earlier run):
    # what the build benchmark counts, never part of its identity
    cpu_seconds: float = field(default=0.0, compare=False)

    def fits(self, place: BodyPlace) -> bool:
        """Whether converting at `place` gives these very bytes: the same language and every link the same."""
        return place.lang == self.lang and same_links(self.written, place)


def convert_with(md: markdown.Markdown, body: str, place: BodyPlace) -> Conversion:
    """The body's HTML, within the CPU budget (OverBudget past it): the one conversion of bodies.
    The build passes its instance with the engine's read-only tree processors added."""
    md.reset()
    set_language(md, place.lang)
    anchors = _Anchors(md)
    md.treeprocessors.register(anchors, "tt_anchors", 5)  # toc's priority: after it has set the headings' ids
    resolver = LinkResolver(md, place)
    md.treeprocessors.register(resolver, "tt_links", 1)  # after toc and attr_list, before unescaping
    with time_budget(CONVERT_SECONDS):
        html = md.convert(body)
    found = [_refusal(rule, needle, **params, types=_ASSET_NAMES) for rule, needle, params in resolver.found]
    return Conversion(
        html,
        found,
        list(getattr(md, "toc_tokens", [])),
        frozenset(anchors.found),
        resolver.looked_up,
        resolver.written,
    )


def convert(body: str, place: BodyPlace | None = None) -> str:
    """The body's HTML as the build makes it (check's own Markdown instance)."""
    return _convert(body, place or BodyPlace()).html


def _convert(body: str, place: BodyPlace) -> Conversion:
    global _markdown
    if _markdown is None:
        _markdown = new_markdown()
    try:
        return convert_with(_markdown, body, place)
    except BaseException:
        _markdown = None  # an instance stopped half-way is not used again
        raise


def judge(conversion: Conversion, body: str, path: str, first_line: int) -> tuple[str, list[Problem]]:
    """What is published of a converted body, and every refusal as a problem at its line.

    A conversion that sanitizing gives back unchanged, character for character, lost nothing: its
    visible text is the same, and `normalise` (the same parse and serialization, nothing taken
    away) gives it back unchanged too. Most bodies are such; for them the comparisons are skipped
    (a fifth of converting and sanitizing a body). `judge_fully` is the same verdict the long way,
    which tests/content/test_judge_shortcut.py holds it to."""
    html = conversion.html
    sanitized = sanitize(html)
    if sanitized == html and not _DOCUMENT_TAGS & {name.lower() for name in _TAG_NAME.findall(html)}:
        return sanitized, problems_from(list(conversion.found), body, path, first_line)
    return _judged(conversion, sanitized, body, path, first_line)


def judge_fully(conversion: Conversion, body: str, path: str, first_line: int) -> tuple[str, list[Problem]]:
    """`judge` without its shortcut for bodies that sanitizing leaves as they are."""
    return _judged(conversion, sanitize(conversion.html), body, path, first_line)


def _judged(conversion: Conversion, sanitized: str, body: str, path: str, first_line: int) -> tuple[str, list[Problem]]:
    html = conversion.html
    found = list(conversion.found)
    whole = normalise(html)
    if (
        sanitized != whole
        or visible_text(html) != visible_text(sanitized)
        or _DOCUMENT_TAGS & {name.lower() for name in _TAG_NAME.findall(html)}
    ):
        found += refusals(html, sanitized, whole)
    return sanitized, problems_from(found, body, path, first_line)


class BodyStore(Protocol):
    """Where checked bodies are kept between runs (content.body_cache.BodyCache)."""

    def get(self, body: str, path: str, first_line: int, place: BodyPlace) -> CheckedBody | None: ...

    def put(
        self, body: str, path: str, first_line: int, place: BodyPlace, checked: CheckedBody, looked: list[LookedUp]
    ) -> None: ...


@dataclass(frozen=True)
class CheckedBody:
    converted: ConvertedBody | None  # None: it could not be converted
    problems: tuple[Problem, ...]


def checked_body(
    body: str, path: str, first_line: int, place: BodyPlace | None = None, store: BodyStore | None = None
) -> CheckedBody:
    """The body as the site publishes it, converted and sanitized once, and its problems: from the
    store when it holds this body at this place, else converted (and kept there)."""
    place = place or BodyPlace(source=path)
    if len(body) > BODY_LIMIT:
        too_long = Problem.at(path, first_line, 1, "body", "body.too-long", length=len(body), limit=BODY_LIMIT)
        return CheckedBody(None, (too_long,))
    kept = store.get(body, path, first_line, place) if store is not None else None
    if kept is not None:
        return kept
    started = time.process_time()
    try:
        conversion = _convert(body, place)
    except OverBudget:  # not kept: how long a conversion takes depends on the machine
        return CheckedBody(None, (Problem.at(path, first_line, 1, "body", "body.too-slow", seconds=CONVERT_SECONDS),))
    except RecursionError:
        return CheckedBody(None, (Problem.at(path, first_line, 1, "body", "body.too-deep"),))
    html, problems = judge(conversion, body, path, first_line)
    converted = ConvertedBody(
        html,
        place.lang,
        tuple(conversion.toc_tokens),
        tuple(sorted(conversion.anchors)),
        tuple(conversion.written),
        time.process_time() - started,
    )
    checked = CheckedBody(converted, tuple(problems))
    if store is not None:
        store.put(body, path, first_line, place, checked, conversion.looked_up)
    return checked


def publish_body(
    body: str, path: str, first_line: int, place: BodyPlace | None = None
) -> tuple[str | None, list[Problem]]:
    """The HTML the site publishes for a body (None if it cannot be converted) and its problems."""
    checked = checked_body(body, path, first_line, place)
    return (checked.converted.html if checked.converted else None), list(checked.problems)


def check_body(body: str, path: str, first_line: int, place: BodyPlace | None = None) -> list[Problem]:
    """Every refusal of the policy as a problem at the nearest line of the body."""
    return publish_body(body, path, first_line, place)[1]


# --- where in the Markdown ------------------------------------------------------------------------

_ENTITY_OR_ESCAPE = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});|\\[!-/:-@\[-`{-~]")
_HEADING = re.compile(r"^ {0,3}#{1,6}[ \t]+(.*?)[ \t#]*$|^(.+)\n {0,3}(?:=+|-+)[ \t]*$", re.MULTILINE)


def _decoded(body: str) -> tuple[str, list[int]]:
    """The body with entity references and backslash escapes read, and each character's offset."""
    text: list[str] = []
    offsets: list[int] = []
    position = 0
    for match in _ENTITY_OR_ESCAPE.finditer(body):
        for offset in range(position, match.start()):
            text.append(body[offset])
            offsets.append(offset)
        token = match.group()
        value = token[1] if token.startswith("\\") else html_module.unescape(token)
        for char in value:
            text.append(char)
            offsets.append(match.start())
        position = match.end()
    for offset in range(position, len(body)):
        text.append(body[offset])
        offsets.append(offset)
    return "".join(text), offsets


def _locate(body: str, needle: str | re.Pattern[str]) -> int:
    """The offset of what a refusal names in the Markdown, -1 if it cannot be found."""
    if isinstance(needle, re.Pattern):
        match = needle.search(body)
        return match.start() if match else -1
    offset = body.find(needle)  # as written first, then in any case (a tag's name, a scheme)
    if offset < 0:
        offset = body.lower().find(needle.lower())
    if offset >= 0 or not needle:
        return offset
    decoded, offsets = _decoded(body)
    for candidate in (needle, needle.translate(_URL_NOISE)):
        found = decoded.lower().find(candidate.lower())
        if found >= 0:
            return offsets[found]
    for match in _HEADING.finditer(body):  # an id that toc made of a heading's words
        words = match.group(1) if match.group(1) is not None else match.group(2)
        if slugify(re.sub(r"\s*\{[^}]*\}\s*$", "", words), "-") == needle:
            return match.start()
    return -1


def problems_from(found: list[Refusal], body: str, path: str, first_line: int) -> list[Problem]:
    problems = []
    for refusal in found:
        offset = _locate(body, refusal.needle)
        line = body.count("\n", 0, offset) if offset >= 0 else 0
        column = offset - (body.rfind("\n", 0, offset) + 1) + 1 if offset >= 0 else 1
        problems.append(Problem(path, first_line + line, column, "body", refusal.rule, refusal.params))
    return sorted(set(problems))
