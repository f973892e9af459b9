"""The HTML a reader's browser may receive from an editor's Markdown body: an allow-list.

Every body is converted by Python-Markdown and then sanitized by nh3 (ammonia, with html5ever,
the HTML5 parser of a browser engine), so what a browser parses is what the policy checked.
`sanitize` is what the build publishes. `refusals` says what sanitizing removed, by comparing
with the same parse kept whole: `check_body` turns that into problems an editor can act on, so
nothing is ever stripped without a word.
"""

from __future__ import annotations

import html as html_module
import re
from collections import Counter
from dataclasses import dataclass

import markdown
import nh3

from .budget import OverBudget, time_budget
from .messages import phrase
from .problems import Problem

# What mkdocs.yml enables, with MkDocs' own built-ins first (a test and on_config keep them equal):
# the check converts exactly as the build does.
MARKDOWN_EXTENSIONS = ("toc", "tables", "fenced_code", "attr_list", "admonition", "md_in_html")
MARKDOWN_CONFIGS = {"toc": {"permalink": False}}

BODY_LIMIT = 200_000  # characters; the longest real story is a few thousand
CONVERT_SECONDS = 3.0  # a story converts in milliseconds; pathological Markdown takes minutes

IFRAME_HOSTS = ("www.youtube-nocookie.com", "player.vimeo.com")  # embeds send the visit to their host
URL_SCHEMES = {"https", "http", "mailto"}  # and relative addresses

TAGS = {
    "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "col", "colgroup", "dd", "del", "details",
    "dfn", "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i",
    "iframe", "img", "ins", "kbd", "li", "mark", "ol", "p", "pre", "q", "s", "samp", "small", "span", "strong",
    "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "time", "tr", "u", "ul", "var", "wbr",
}
ATTRIBUTES = {
    "*": {"id", "class", "title", "lang", "dir"},
    "a": {"href"},
    "img": {"src", "alt", "width", "height", "loading"},
    "iframe": {"src", "width", "height", "allow", "allowfullscreen", "loading", "referrerpolicy", "frameborder"},
    "th": {"colspan", "rowspan", "scope", "style"},
    "td": {"colspan", "rowspan", "style"},
    "col": {"span"}, "colgroup": {"span"},
    "ol": {"start", "reversed", "type"}, "li": {"value"},
    "time": {"datetime"}, "del": {"cite", "datetime"}, "ins": {"cite", "datetime"},
    "q": {"cite"}, "blockquote": {"cite"}, "details": {"open"},
}
# Classes our Markdown extensions write (admonitions and their Material types, a [TOC] marker).
CLASSES = {
    "admonition", "admonition-title", "toc", "note", "abstract", "info", "tip", "success", "question",
    "warning", "failure", "danger", "bug", "example", "quote",
}
CODE_LANGUAGE = re.compile(r"language-[a-z0-9+#-]{1,30}")
# Content ids are what Python-Markdown's toc makes of a heading: lowercase. The site's scripts
# look for ids with a capital (ttSearch) or a leading '_' (Material's __search), which no content
# id can have, so a body can never stand in for the site's own elements.
CONTENT_ID = re.compile(r"[a-z0-9][a-z0-9_-]{0,299}|_[0-9]{1,6}")  # '_1': toc's id for a heading of no letters
TABLE_ALIGN = re.compile(r"text-align: (?:left|right|center);")
IFRAME_SRC = re.compile(r"https://(?:" + "|".join(map(re.escape, IFRAME_HOSTS)) + r")/[A-Za-z0-9/_.~%?=&+,;:-]*")
_URL_NOISE = str.maketrans("", "", "\t\n\r")  # a browser drops these anywhere in an address
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")
_TAG_NAME = re.compile(r"<\s*/?\s*([A-Za-z][^\s/>]*)")
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


def _class(tag: str, value: str) -> str | None:
    names = value.split()
    allowed = all(name in CLASSES or tag == "code" and CODE_LANGUAGE.fullmatch(name) for name in names)
    return value if allowed else None


# What an embed from those hosts may ask of the browser (their embed codes ask for these).
IFRAME_FEATURES = {"accelerometer", "autoplay", "clipboard-write", "encrypted-media", "fullscreen", "gyroscope",
                   "picture-in-picture", "web-share"}


def _features(tag: str, value: str) -> str | None:
    wanted = {feature.strip().split(" ")[0] for feature in value.split(";") if feature.strip()}
    return value if wanted <= IFRAME_FEATURES else None


_FILTERS = {
    "allow": _features,
    "href": _link, "cite": _link, "src": _source, "class": _class,
    "id": lambda tag, value: value if CONTENT_ID.fullmatch(value) else None,
    "style": lambda tag, value: value if TABLE_ALIGN.fullmatch(value) else None,
}


def _filter(tag: str, name: str, value: str) -> str | None:
    rule = _FILTERS.get(name)
    return value if rule is None else rule(tag, value)


_CLEANER = nh3.Cleaner(tags=TAGS, attributes=ATTRIBUTES, attribute_filter=_filter, url_schemes=URL_SCHEMES,
                       link_rel=None, strip_comments=True)


def sanitize(html: str) -> str:
    """The body as a reader's browser receives it."""
    return _CLEANER.clean(html)


@dataclass(frozen=True)
class Refusal:
    rule: str  # the rule of messages.RULES that says what was refused
    needle: str  # text to look for in the Markdown, for the nearest line
    params: tuple = ()


def _refusal(rule: str, needle: str, **params) -> Refusal:
    return Refusal(rule, needle, tuple(sorted(params.items())))


def refusals(html: str, sanitized: str) -> list[Refusal]:
    """What sanitizing removed: the same HTML5 parse with every element, attribute and scheme it
    contains allowed, against the sanitized one. Only called when the two texts differ."""
    unescaped = html_module.unescape(html).translate(_URL_NOISE)
    whole = nh3.clean(html, tags=TAGS | {name.lower() for name in _TAG_NAME.findall(html)}, clean_content_tags=set(),
                      attributes={}, generic_attribute_prefixes={""}, link_rel=None, strip_comments=True,
                      url_schemes=URL_SCHEMES | {scheme[:-1].lower() for scheme in _SCHEME.findall(unescaped)})
    kept_tags, kept_attributes = _inventory(sanitized)
    whole_tags, whole_attributes = _inventory(whole)
    refused_tags = whole_tags - kept_tags
    found = [_element_refusal(tag) for tag in refused_tags]
    # a refused element's attributes go with it: one problem, not one per attribute
    found += [_attribute_refusal(tag, name, value) for tag, name, value in (whole_attributes - kept_attributes)
              if tag not in refused_tags]
    if not found and whole != sanitized:  # text inside a refused element's content, e.g. a <style>'s
        found.append(_refusal("body.refused-markup", "<"))
    return found


def _inventory(html: str) -> tuple[Counter, Counter]:
    tags: Counter = Counter()
    attributes: Counter = Counter()
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
    return _refusal("body.refused-element", "<" + tag, tag=tag, hosts=phrase("suggest.terms-or", first=IFRAME_HOSTS[0],
                                                                       second=IFRAME_HOSTS[1]))


def _attribute_refusal(tag: str, name: str, value: str) -> Refusal:
    shown = value if len(value) <= 60 else value[:57] + "..."
    if name.startswith("on"):
        return _refusal("body.refused-event-handler", name, name=name, tag=tag)
    if name in ("href", "cite"):
        return _refusal("body.refused-link", value[:20] or name, address=shown, name=name, tag=tag)
    if name == "src" and tag == "iframe":
        return _refusal("body.refused-embed", value[:20] or name, address=shown,
                        hosts=", ".join(f"https://{host}/" for host in IFRAME_HOSTS))
    if name == "src":
        return _refusal("body.refused-source", value[:20] or name, address=shown, tag=tag)
    if name == "id":
        return _refusal("body.refused-id", value or name, value=shown, tag=tag)
    if name == "class":
        return _refusal("body.refused-class", value.split()[0] if value.split() else name, value=shown, tag=tag,
                        classes=", ".join(sorted(CLASSES - {"toc"})))
    if name.startswith("data-"):
        return _refusal("body.refused-data-attribute", name, name=name, tag=tag)
    return _refusal("body.refused-attribute", name, name=name, tag=tag)


# --- the check an editor sees -------------------------------------------------------------

# Python-Markdown turns a body with none of these into paragraphs, headings, lists, quotes, code
# and emphasis only, which the policy always keeps: such a body needs no conversion to be judged.
# Any other body is converted and sanitized here; the build sanitizes every body again anyway.
_MARKUP_SIGNS = re.compile(r"[<&{}\[\]\\]")
_PLAIN_LIMIT = 20_000  # long bodies are converted too, so their conversion time is checked here
_markdown: markdown.Markdown | None = None


def needs_conversion(body: str) -> bool:
    return len(body) > _PLAIN_LIMIT or _MARKUP_SIGNS.search(body) is not None


def convert(body: str) -> str:
    """The body's HTML as the build makes it, within the time budget (OverBudget past it)."""
    global _markdown
    if _markdown is None:
        _markdown = markdown.Markdown(extensions=list(MARKDOWN_EXTENSIONS), extension_configs=MARKDOWN_CONFIGS)
    try:
        with time_budget(CONVERT_SECONDS):
            return _markdown.reset().convert(body)
    except BaseException:
        _markdown = None  # an instance stopped half-way is not used again
        raise


def check_body(body: str, path: str, first_line: int) -> list[Problem]:
    """Every refusal of the policy as a problem at the nearest line of the body."""
    if len(body) > BODY_LIMIT:
        return [Problem.at(path, first_line, 1, "body", "body.too-long", length=len(body), limit=BODY_LIMIT)]
    if not needs_conversion(body):
        return []
    try:
        html = convert(body)
    except OverBudget:
        return [Problem.at(path, first_line, 1, "body", "body.too-slow", seconds=CONVERT_SECONDS)]
    except RecursionError:
        return [Problem.at(path, first_line, 1, "body", "body.too-deep")]
    sanitized = sanitize(html)
    if sanitized == html:
        return []
    return problems_from(refusals(html, sanitized), body, path, first_line)


def problems_from(found: list[Refusal], body: str, path: str, first_line: int) -> list[Problem]:
    lowered = body.lower()
    problems = []
    for refusal in found:
        offset = lowered.find(refusal.needle.lower())
        line = body.count("\n", 0, offset) if offset >= 0 else 0
        column = offset - (body.rfind("\n", 0, offset) + 1) + 1 if offset >= 0 else 1
        problems.append(Problem(path, first_line + line, column, "body", refusal.rule, refusal.params))
    return sorted(problems)
