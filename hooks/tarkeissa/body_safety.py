"""Find raw HTML in a Markdown body that could run code in a reader's browser."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from urllib.parse import urlsplit

from .problems import Problem

# Embeds send the reader's visit to their host, so only these may be framed.
IFRAME_ALLOWED_HOSTS = ("www.youtube-nocookie.com", "player.vimeo.com")
FORBIDDEN_TAGS = {"script", "object", "embed", "applet", "base", "frame", "frameset"}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "poster", "srcdoc"}
DANGEROUS_SCHEME = re.compile(r"^\s*(?:(?:javascript|vbscript)\s*:|data\s*:\s*text/html)", re.IGNORECASE)
MARKDOWN_LINK = re.compile(
    r"\]\(\s*<?\s*(?P<url>javascript|vbscript)\s*:"  # [text](javascript:...)
    r"|^\s{0,3}\[[^\]]+\]:\s*<?\s*(?P<ref>javascript|vbscript)\s*:"  # [id]: javascript:...
    r"|<(?P<auto>javascript|vbscript):[^>\s]*>",  # <javascript:...>
    re.IGNORECASE | re.MULTILINE,
)
FENCE = re.compile(r"^( {0,3})(`{3,}|~{3,})[^\n]*\n.*?(?:^\1?\2[`~]*[ \t]*$|\Z)", re.MULTILINE | re.DOTALL)
CODE_SPAN = re.compile(r"(`+)(?!`).+?(?<!`)\1(?!`)", re.DOTALL)


def check_body(body: str, path: str, first_line: int) -> list[Problem]:
    if "<" not in body and not _script_before_colon(body):
        return []  # the common story: nothing either check below could find
    text = _blank_out_code(body)
    problems: list[Problem] = []
    for match in MARKDOWN_LINK.finditer(text):
        line, column = _position(text, match.start())
        scheme = (match.group("url") or match.group("ref") or match.group("auto")).lower()
        problems.append(Problem(path, first_line + line - 1, column, "body",
                                f"has a '{scheme}:' link, which runs code.",
                                "Link to a web address starting with https:// instead."))
    if "<" in text:
        finder = _UnsafeHtmlFinder()
        finder.feed(text)
        finder.close()
        for (line, column), message, hint in finder.found:
            problems.append(Problem(path, first_line + line - 1, column + 1, "body", message, hint))
    return problems


# The only non-ASCII letters that a case-insensitive 'script' matches (Unicode case folding).
_FOLD_SCRIPT = str.maketrans({"ſ": "s", "İ": "i", "ı": "i"})


def _script_before_colon(body: str) -> bool:
    """Whether some ':' follows 'script' (any case, then optional whitespace), as every dangerous
    link scheme does: a look at the few colons instead of a search through the whole story."""
    find = body.find
    colon = find(":")
    while colon != -1:
        end = colon
        while end > 0 and body[end - 1].isspace():
            end -= 1
        if body[max(0, end - 6):end].translate(_FOLD_SCRIPT).lower() == "script":
            return True
        colon = find(":", colon + 1)
    return False


class _UnsafeHtmlFinder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[tuple[int, int], str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        where = self.getpos()
        if tag in FORBIDDEN_TAGS:
            self.found.append((where, f"contains a <{tag}> element, which could run code.",
                               "Remove it; describe the content in text or link to it with https://."))
            return
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append((where, f"has an event-handler attribute '{name}' on <{tag}>.",
                                   f"Remove the '{name}' attribute: pages may not run code."))
            elif name in URL_ATTRIBUTES and value and DANGEROUS_SCHEME.match(value):
                self.found.append((where, f"has a '{name}' that runs code on <{tag}>.",
                                   "Use a web address starting with https:// instead."))
        if tag == "iframe":
            source = dict(attrs).get("src") or ""
            host = urlsplit(source).hostname
            if host and host not in IFRAME_ALLOWED_HOSTS or source.startswith("//"):
                self.found.append((where, f"embeds an <iframe> from '{host}', which is not allowed.",
                                   "Allowed embed hosts: " + ", ".join(IFRAME_ALLOWED_HOSTS) +
                                   ". Otherwise link to the page instead of embedding it."))

    handle_startendtag = handle_starttag


def _blank_out_code(text: str) -> str:
    """Replace code blocks and spans with spaces, keeping every line and column in place."""
    def blank(match: re.Match) -> str:
        return re.sub(r"[^\n]", " ", match.group(0))
    return CODE_SPAN.sub(blank, FENCE.sub(blank, text))


def _position(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1
