"""The site's two languages and where each one's pages live."""

from __future__ import annotations

LANGUAGES = ("fi", "sv")
DEFAULT_LANGUAGE = "fi"

# Finnish at the site root, Swedish under /sv/.
URL_PREFIX = {"fi": "", "sv": "sv/"}

LANGUAGE_NAMES = {"fi": "Suomi", "sv": "Svenska"}

# URL segment of each kind of page, in the page's language.
SECTIONS = {
    "act": {"fi": "teot", "sv": "garningar"},
    "tool": {"fi": "tyokalut", "sv": "verktyg"},
    "campaign": {"fi": "kampanjat", "sv": "kampanjer"},
    "awards": {"fi": "palkitut", "sv": "prisbelonade"},
    "search": {"fi": "haku", "sv": "sok"},
    "themes": {"fi": "teemat", "sv": "teman"},
    "sectors": {"fi": "toimialat", "sv": "sektorer"},
    "regions": {"fi": "maakunnat", "sv": "landskap"},
    "organisation_types": {"fi": "organisaatiotyypit", "sv": "organisationstyper"},
    "award_series": {"fi": "palkintosarjat", "sv": "prisserier"},
    "tool_topics": {"fi": "tyokalujen-aiheet", "sv": "verktygens-amnen"},
    "tool_formats": {"fi": "tyokalujen-muodot", "sv": "verktygens-format"},
    "audiences": {"fi": "kohderyhmat", "sv": "malgrupper"},
}


def other_language(lang: str) -> str:
    return "sv" if lang == "fi" else "fi"


def home_url(lang: str) -> str:
    return URL_PREFIX[lang]


def section_url(section: str, lang: str, slug: str = "") -> str:
    """Site-relative directory URL, e.g. 'sv/garningar/abc/'."""
    url = URL_PREFIX[lang] + SECTIONS[section][lang] + "/"
    return url + slug + "/" if slug else url


def relative_url(from_url: str, to_url: str) -> str:
    """A link from one directory URL to another site-relative URL that works under any base path."""
    here = [part for part in from_url.split("/") if part]
    there = to_url.split("/")
    common = 0
    while common < min(len(here), len(there) - 1) and here[common] == there[common]:
        common += 1
    return "../" * (len(here) - common) + "/".join(there[common:]) or "./"
