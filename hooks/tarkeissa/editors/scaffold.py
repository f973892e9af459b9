"""`tarkeissa new`: a commented skeleton of an act, a tool or a campaign page, from the one schema.

Every field gets a comment in the file's language (its description and rules, required fields
marked). The title is filled in; the other required fields are left empty on purpose, so that
`check` names each one ("is empty", with an example) until the editor has filled it. Optional
fields are there as commented-out examples.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from pathlib import Path

from ..site.field_reference import rules
from ..content.languages import LANGUAGES
from ..content.messages import command_text
from ..content.schema import ACT, CAMPAIGN, ITEM_ID, SHARED_FIELDS, TOOL, FieldSpec, Kind, Schema
from ..content.text import slugify
from ..site.ui_text import ui
from ..content.vocabularies import Vocabularies

SCHEMAS = {"act": ACT, "tool": TOOL, "campaign": CAMPAIGN}
FOLDERS = {"act": "content/acts", "tool": "content/tools", "campaign": "docs/campaigns"}
TERMS_SHOWN = 8
# Fields a skeleton fills in: the title it was given, the page type, and today for the date
# an act or tool is published or updated (the editor may change it).
FILLED_DATES = ("published", "updated")
BODIES = {
    "act": {"fi": "## Lähtötilanne\n\n\n\n## Mitä tehtiin\n\n\n\n## Tulokset\n\n",
            "sv": "## Utgångsläge\n\n\n\n## Vad gjordes\n\n\n\n## Resultat\n\n"},
    "tool": {"fi": "Kerro, mihin työkalu auttaa ja miten sitä käytetään.\n",
             "sv": "Berätta vad verktyget hjälper med och hur det används.\n"},
    "campaign": {"fi": "Kerro kampanjasta.\n", "sv": "Berätta om kampanjen.\n"},
}
HEADER = {
    "fi": ["{title}: täytä kentät, joissa lukee PAKOLLINEN. `tarkeissa check` kertoo, mitä vielä puuttuu.",
           "Kaikki kentät ja sanastot: sivuston Kenttäopas (/kenttaopas/)."],
    "sv": ["{title}: fyll i fälten märkta OBLIGATORISK. `tarkeissa check` visar vad som ännu saknas.",
           "Alla fält och vokabulärer: webbplatsens Fältguide (/sv/faltguide/)."],
}
TRANSLATE = {"fi": "käännä otsikko suomeksi", "sv": "översätt rubriken till svenska"}
SHARED_NOTE = {"fi": "Luokittelu ({fields}) tulee tiedostosta {file}: kirjoita tähän vain käännettävät kentät.",
               "sv": "Klassificeringen ({fields}) hämtas från filen {file}: skriv här bara fälten som översätts."}


class ScaffoldError(Exception):
    """Why no file was written, for the editor: a key of messages.COMMAND_TEXT and its parameters."""

    def __init__(self, text_key: str, /, **params):
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


def plan(root: Path, kind: str, title: str, lang: str, also: list[str], vocabularies: Vocabularies,
         today: dt.date, id_: str | None = None) -> list[NewFile]:
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
        files.append(NewFile(path, skeleton(SCHEMAS[kind], code, title if code == lang else None,
                                            vocabularies, today, kind,
                                            shared_from=None if code == lang else f"{key}.{lang}.md")))
    return files


def write(files: list[NewFile]) -> None:
    for new in files:
        new.path.parent.mkdir(parents=True, exist_ok=True)
        with new.path.open("x", encoding="utf-8") as handle:  # "x": never overwrite, even in a race
            handle.write(new.text)


def skeleton(schema: Schema, lang: str, title: str | None, vocabularies: Vocabularies, today: dt.date,
             kind: str, shared_from: str | None = None) -> str:
    lines = ["---"]
    lines += ["# " + line.format(title=schema.title[lang]) for line in HEADER[lang]]
    shared = SHARED_FIELDS.get(kind, ()) if shared_from else ()
    if shared:
        lines.append("# " + SHARED_NOTE[lang].format(fields=", ".join(shared), file=shared_from))
    for spec in schema.fields:
        if spec.name not in shared:
            lines += _field(spec, lang, title, vocabularies, today, indent="")
    lines.append("---")
    return "\n".join(lines) + "\n\n" + BODIES[kind][lang]


def _field(spec: FieldSpec, lang: str, title: str | None, vocabularies: Vocabularies, today: dt.date,
           indent: str) -> list[str]:
    lines = [indent + "# " + _comment(spec, lang, vocabularies)]
    if not spec.required:
        return lines + [f"{indent}# {spec.name}: {_example(spec, vocabularies)}"]
    if spec.name == "title" and not indent:
        if title is None:
            return lines + [f'{indent}title: ""  # {TRANSLATE[lang]}']
        return lines + [f"{indent}title: {json.dumps(title.strip(), ensure_ascii=False)}"]
    if spec.kind == Kind.CONSTANT:
        return lines + [f"{indent}{spec.name}: {spec.constant}"]
    if spec.kind == Kind.DATE and spec.name in FILLED_DATES:
        return lines + [f"{indent}{spec.name}: {today.isoformat()}"]
    if spec.kind == Kind.OBJECT:
        lines.append(f"{indent}{spec.name}:")
        for sub in spec.fields:
            lines += _field(sub, lang, None, vocabularies, today, indent + "  ")
        return lines
    if spec.kind in (Kind.TEXT, Kind.PLAIN_TEXT):
        return lines + [f'{indent}{spec.name}: ""']
    return lines + [f"{indent}{spec.name}:"]  # empty: check asks for it, with an example


def _comment(spec: FieldSpec, lang: str, vocabularies: Vocabularies) -> str:
    parts = [spec.description[lang].rstrip(".") + "."]
    parts.append(ui(lang, "required_mark") + "." if spec.required else ui(lang, "optional_mark").capitalize() + ".")
    phrases = [rule["text"] for rule in rules(spec, lang)]
    if spec.vocabulary:
        slugs = vocabularies.slugs(spec.vocabulary)
        shown = ", ".join(slugs[:TERMS_SHOWN]) + (", …" if len(slugs) > TERMS_SHOWN else "")
        phrases = [phrase + f": {shown}" if phrase == ui(lang, "rule_vocabulary").format(vocabulary=spec.vocabulary)
                   else phrase for phrase in phrases]
    if phrases:
        text = "; ".join(phrases)
        parts.append(text[0].upper() + text[1:] + ".")
    return " ".join(parts)


def _example(spec: FieldSpec, vocabularies: Vocabularies) -> str:
    """A value to uncomment: the schema's example, else one made from the kind."""
    if spec.example is not None:
        if isinstance(spec.example, list):
            return "[" + ", ".join(map(str, spec.example)) + "]"
        if isinstance(spec.example, bool):
            return str(spec.example).lower()
        text = str(spec.example)
        return json.dumps(text, ensure_ascii=False) if text.startswith("#") else text
    slugs = vocabularies.slugs(spec.vocabulary or "")
    if spec.kind == Kind.TERM:
        return slugs[0] if slugs else "term"
    if spec.kind == Kind.TERMS:
        return "[" + (slugs[0] if slugs else "term") + "]"
    if spec.kind == Kind.TEXT_LIST:
        return "[...]"
    if spec.kind in (Kind.OBJECT, Kind.OBJECT_LIST):
        inner = "{" + ", ".join(f"{sub.name}: {_example(sub, vocabularies)}" for sub in spec.fields) + "}"
        return f"[{inner}]" if spec.kind == Kind.OBJECT_LIST else inner
    return "..."
