"""`tarkeissa new`: a commented skeleton of an act, a tool or a campaign page, from the one schema.

Every field gets a comment in the file's language (its description and rules, required fields
marked). The title is filled in; the other required fields are left empty on purpose, so that
`check` names each one ("is empty", with an example) until the editor has filled it. Optional
fields are there as commented-out examples.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from ..content import front_matter_format
from ..content.languages import LANGUAGES
from ..content.messages import command_text
from ..content.schema import ACT, CAMPAIGN, ITEM_ID, SHARED_FIELDS, TOOL, Kind, Schema
from ..content.text import slugify
from ..content.vocabularies import Vocabularies

SCHEMAS = {"act": ACT, "tool": TOOL, "campaign": CAMPAIGN}
FOLDERS = {"act": "content/acts", "tool": "content/tools", "campaign": "docs/campaigns"}
# Fields a skeleton fills in: the title it was given, the page type, and today for the date
# an act or tool is published or updated (the editor may change it).
FILLED_DATES = ("published", "updated")
BODIES = {
    "act": {
        "fi": "## Lähtötilanne\n\n\n\n## Mitä tehtiin\n\n\n\n## Tulokset\n\n",
        "sv": "## Utgångsläge\n\n\n\n## Vad gjordes\n\n\n\n## Resultat\n\n",
    },
    "tool": {
        "fi": "Kerro, mihin työkalu auttaa ja miten sitä käytetään.\n",
        "sv": "Berätta vad verktyget hjälper med och hur det används.\n",
    },
    "campaign": {"fi": "Kerro kampanjasta.\n", "sv": "Berätta om kampanjen.\n"},
}


class ScaffoldError(Exception):
    """Why no file was written, for the editor: a key of messages.COMMAND_TEXT and its parameters."""

    def __init__(self, text_key: str, /, **params: object) -> None:
        super().__init__(command_text(text_key, "en", **params))
        self.text_key, self.params = text_key, params

    def text(self, lang: str) -> str:
        return command_text(self.text_key, lang, **self.params)


@dataclass(frozen=True)
class NewFile:
    path: Path
    text: str


def item_id(title: str) -> str:
    return slugify(title)


def plan(
    root: Path,
    kind: str,
    title: str,
    lang: str,
    also: list[str],
    vocabularies: Vocabularies,
    today: dt.date,
    id_: str | None = None,
) -> list[NewFile]:
    """The files `new` would write; raises ScaffoldError, and writes nothing, when it cannot."""
    if kind not in SCHEMAS:
        raise ScaffoldError("new.unknown-kind", kind=kind)
    languages = [lang] + [code for code in also if code != lang]
    for code in languages:
        if code not in LANGUAGES:
            raise ScaffoldError("new.unknown-language", code=code)
    key = id_ or item_id(title)
    if not re.match(ITEM_ID, key):
        raise ScaffoldError("new.bad-id", key=key)
    files = []
    for code in languages:
        path = root / FOLDERS[kind] / f"{key}.{code}.md"
        if path.exists():
            raise ScaffoldError("new.exists", path=path.relative_to(root).as_posix())
        # a translation says only what differs: the shared fields come from the first language's file
        files.append(
            NewFile(
                path,
                skeleton(
                    SCHEMAS[kind],
                    code,
                    title if code == lang else None,
                    vocabularies,
                    today,
                    kind,
                    shared_from=None if code == lang else f"{key}.{lang}.md",
                ),
            )
        )
    return files


def write(files: list[NewFile]) -> None:
    for new in files:
        new.path.parent.mkdir(parents=True, exist_ok=True)
        with new.path.open("x", encoding="utf-8") as handle:  # "x": never overwrite, even in a race
            handle.write(new.text)


def skeleton(
    schema: Schema,
    lang: str,
    title: str | None,
    vocabularies: Vocabularies,
    today: dt.date,
    kind: str,
    shared_from: str | None = None,
) -> str:
    """The canonical text (front_matter_format), as the web editor and `format` write it: every required
    field, empty for the editor to fill (`check` names each with an example); no comment, which no writer
    keeps. A translation leaves out the shared fields: they are taken from `shared_from`."""
    shared = SHARED_FIELDS.get(kind, ()) if shared_from else ()
    data: dict[str, object] = {}
    for spec in schema.fields:
        if not spec.required or spec.name in shared:
            continue
        if spec.name == "title":
            data["title"] = title.strip() if title is not None else ""
        elif spec.kind == Kind.CONSTANT:
            data[spec.name] = spec.constant
        elif spec.kind == Kind.DATE and spec.name in FILLED_DATES:
            data[spec.name] = today
        elif spec.kind in (Kind.TEXT, Kind.PLAIN_TEXT):
            data[spec.name] = ""
        elif spec.kind == Kind.OBJECT:
            data[spec.name] = {sub.name: "" for sub in spec.fields if sub.required}
        else:
            data[spec.name] = None
    return front_matter_format.document(data, BODIES[kind][lang], schema)
