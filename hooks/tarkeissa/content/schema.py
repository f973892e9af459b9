"""The content schema, declared once as data.

Validation (validate.py), the editors' JSON Schema (jsonschema_export.py) and the field
reference page (field_reference.py) are all derived from these declarations.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any


class Kind(StrEnum):
    TEXT = "text"
    PLAIN_TEXT = "plain text"  # no Markdown, no HTML
    TEXT_LIST = "list of text"
    TERM = "term"
    TERMS = "list of terms"
    DATE = "date"
    YEAR = "year"
    BOOLEAN = "true/false"
    EMAIL = "e-mail address"
    HTTPS_URL = "https address"
    CAMPAIGN = "campaign id"
    FILE = "file name"
    IDS = "list of ids"  # former ids of an act or tool, each kept as a redirect
    SLUG = "slug"
    CONSTANT = "constant"
    OBJECT = "group of fields"
    OBJECT_LIST = "list of groups"


# An act's or tool's id: its file name without the language and '.md'.
ITEM_ID = r"^[a-z0-9][a-z0-9-]{1,78}[a-z0-9]$"
# An e-mail address, allow-listed because it is written into a mailto: link as it is: no '?', '&',
# '%' or spaces that would add headers (?bcc=) or a body. Local part: letters, digits and . _ + -
# (no leading, trailing or double dot); domain: labels of letters, digits and inner hyphens, and a
# top-level domain of 2+ letters; 254 characters at most (RFC 5321).
EMAIL_ADDRESS = (
    r"^(?=.{1,254}$)[A-Za-z0-9_+-]+(?:\.[A-Za-z0-9_+-]+)*"
    r"@(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,}$"
)


@dataclass(frozen=True)
class FieldSpec:
    name: str
    kind: Kind
    description: dict[str, str]  # fi, sv
    required: bool = False
    vocabulary: str | None = None
    min_length: int | None = None
    max_length: int | None = None
    min_items: int | None = None
    max_items: int | None = None
    min_value: int | None = None
    max_value_is_this_year: bool = False
    not_in_future: bool = False
    not_before: str | None = None  # a sibling date field
    prefix: str | None = None
    constant: str | None = None
    fields: tuple[FieldSpec, ...] = ()  # for OBJECT and OBJECT_LIST
    example: Any = None  # shown in hints and the scaffold; in Finnish where it is text
    example_sv: Any = None  # the example for a Swedish file, where it differs


@dataclass(frozen=True)
class Schema:
    name: str  # "act", "tool", "campaign", "page"
    title: dict[str, str]
    fields: tuple[FieldSpec, ...]

    def field(self, name: str) -> FieldSpec | None:
        return next((spec for spec in self.fields if spec.name == name), None)


def _d(fi: str, sv: str) -> dict[str, str]:
    return {"fi": fi, "sv": sv}


TITLE = FieldSpec(
    "title",
    Kind.TEXT,
    _d("Otsikko.", "Rubrik."),
    required=True,
    min_length=5,
    max_length=120,
    example="Palvelumuotoilu toi asiakkaan äänen työhön",
    example_sv="Tjänstedesign förde in kundens röst i arbetet",
)
SUMMARY = FieldSpec(
    "summary",
    Kind.PLAIN_TEXT,
    _d(
        "Tiivistelmä listauksiin ja hakukoneille, pelkkää tekstiä.",
        "Sammanfattning för listor och sökmotorer, endast ren text.",
    ),
    required=True,
    min_length=20,
    max_length=300,
    example="Työyhteisö kehitti asiakaspalveluaan yhdessä asiakkaiden kanssa.",
    example_sv="Arbetsgemenskapen utvecklade sin kundservice tillsammans med kunderna.",
)
DRAFT = FieldSpec(
    "draft",
    Kind.BOOLEAN,
    _d(
        "Luonnos: näkyy esikatselussa merkittynä, ei koskaan tuotannossa.",
        "Utkast: syns märkt i förhandsvisningen, aldrig i produktion.",
    ),
    example=False,
)

REDIRECT_FROM = FieldSpec(
    "redirect_from",
    Kind.IDS,
    _d(
        "Aiemmat tunnisteet, kun tiedosto on nimetty uudelleen: vanhat osoitteet ohjautuvat tänne.",
        "Tidigare id:n när filen har bytt namn: de gamla adresserna leder hit.",
    ),
    example=["vanha-tunniste"],
)

ACT = Schema(
    "act",
    _d("Kehittämisteko", "Utvecklingsgärning"),
    (
        TITLE,
        SUMMARY,
        FieldSpec(
            "organisation",
            Kind.TEXT,
            _d("Organisaatio, joka teki teon.", "Organisationen som gjorde gärningen."),
            required=True,
            min_length=2,
            max_length=120,
            example="Jämsän kaupunki",
            example_sv="Närpes stad",
        ),
        FieldSpec(
            "organisation_type",
            Kind.TERM,
            _d("Organisaation tyyppi.", "Organisationens typ."),
            required=True,
            vocabulary="organisation_types",
            example="kunta",
        ),
        FieldSpec(
            "municipality",
            Kind.TEXT,
            _d("Kunta.", "Kommun."),
            min_length=2,
            max_length=80,
            example="Jämsä",
            example_sv="Närpes",
        ),
        FieldSpec(
            "region",
            Kind.TERM,
            _d("Maakunta.", "Landskap."),
            required=True,
            vocabulary="regions",
            example="keski-suomi",
        ),
        FieldSpec("sector", Kind.TERM, _d("Toimiala.", "Sektor."), required=True, vocabulary="sectors"),
        FieldSpec(
            "themes",
            Kind.TERMS,
            _d("Teemat, 1–5.", "Teman, 1–5."),
            required=True,
            vocabulary="themes",
            min_items=1,
            max_items=5,
        ),
        FieldSpec(
            "published",
            Kind.DATE,
            _d("Julkaisupäivä (VVVV-KK-PP), ei tulevaisuudessa.", "Publiceringsdatum (ÅÅÅÅ-MM-DD), inte i framtiden."),
            required=True,
            not_in_future=True,
            example="2024-05-16",
        ),
        FieldSpec(
            "campaign",
            Kind.CAMPAIGN,
            _d(
                "Kampanjasivun tunniste, jos teko liittyy kampanjaan.",
                "Kampanjsidans id, om gärningen hör till en kampanj.",
            ),
            example="tarkein-sijoitus",
        ),
        FieldSpec(
            "awards",
            Kind.OBJECT_LIST,
            _d("Palkinnot.", "Priser."),
            fields=(
                FieldSpec(
                    "year",
                    Kind.YEAR,
                    _d("Vuosi.", "År."),
                    required=True,
                    min_value=2015,
                    max_value_is_this_year=True,
                    example=2019,
                ),
                FieldSpec(
                    "series", Kind.TERM, _d("Palkintosarja.", "Prisserie."), required=True, vocabulary="award_series"
                ),
            ),
        ),
        FieldSpec(
            "contact",
            Kind.OBJECT,
            _d("Yhteyshenkilö.", "Kontaktperson."),
            fields=(
                FieldSpec(
                    "name",
                    Kind.TEXT,
                    _d("Nimi.", "Namn."),
                    required=True,
                    min_length=2,
                    max_length=120,
                    example="Maija Meikäläinen",
                    example_sv="Maja Malm",
                ),
                FieldSpec(
                    "email",
                    Kind.EMAIL,
                    _d("Sähköpostiosoite.", "E-postadress."),
                    required=True,
                    example="etunimi.sukunimi@kunta.fi",
                    example_sv="fornamn.efternamn@kommun.fi",
                ),
            ),
        ),
        FieldSpec(
            "image",
            Kind.OBJECT,
            _d("Kuva.", "Bild."),
            fields=(
                FieldSpec(
                    "src",
                    Kind.FILE,
                    _d("Kuvatiedosto sisältötiedoston vieressä.", "Bildfilen bredvid innehållsfilen."),
                    required=True,
                    example="tekon-kuva.jpg",
                    example_sv="bild.jpg",
                ),
                FieldSpec(
                    "alt",
                    Kind.TEXT,
                    _d("Tekstivastine: mitä kuvassa on.", "Alternativtext: vad bilden visar."),
                    required=True,
                    min_length=1,
                    max_length=300,
                    example="Työryhmä suunnittelee uutta palvelua",
                    example_sv="Arbetsgruppen planerar en ny tjänst",
                ),
            ),
        ),
        REDIRECT_FROM,
        DRAFT,
    ),
)

TOOL = Schema(
    "tool",
    _d("Työkalu tai toimintamalli", "Verktyg eller verksamhetsmodell"),
    (
        TITLE,
        SUMMARY,
        FieldSpec(
            "topics",
            Kind.TERMS,
            _d("Aiheet, 1–3.", "Ämnen, 1–3."),
            required=True,
            vocabulary="tool_topics",
            min_items=1,
            max_items=3,
        ),
        FieldSpec("format", Kind.TERM, _d("Muoto.", "Format."), required=True, vocabulary="tool_formats"),
        FieldSpec("audience", Kind.TERMS, _d("Kohderyhmät.", "Målgrupper."), vocabulary="audiences"),
        FieldSpec(
            "source",
            Kind.OBJECT,
            _d("Lähde: kuka työkalun teki.", "Källa: vem som gjorde verktyget."),
            required=True,
            fields=(
                FieldSpec(
                    "organisation",
                    Kind.TEXT,
                    _d("Organisaatio.", "Organisation."),
                    required=True,
                    min_length=2,
                    max_length=120,
                    example="Työterveyslaitos",
                ),
                FieldSpec(
                    "project",
                    Kind.TEXT,
                    _d("Hanke.", "Projekt."),
                    min_length=2,
                    max_length=120,
                    example="Hyvän työn edellytykset",
                    example_sv="Förutsättningar för gott arbete",
                ),
                FieldSpec(
                    "url",
                    Kind.HTTPS_URL,
                    _d("Verkko-osoite, https://.", "Webbadress, https://."),
                    example="https://www.ttl.fi/",
                ),
            ),
        ),
        FieldSpec(
            "updated",
            Kind.DATE,
            _d("Päivitetty (VVVV-KK-PP), ei tulevaisuudessa.", "Uppdaterad (ÅÅÅÅ-MM-DD), inte i framtiden."),
            required=True,
            not_in_future=True,
            example="2024-03-12",
        ),
        REDIRECT_FROM,
        DRAFT,
    ),
)

CAMPAIGN = Schema(
    "campaign",
    _d("Kampanjasivu", "Kampanjsida"),
    (
        FieldSpec(
            "type",
            Kind.CONSTANT,
            _d("Sivun tyyppi: campaign.", "Sidans typ: campaign."),
            required=True,
            constant="campaign",
        ),
        TITLE,
        SUMMARY,
        FieldSpec("start", Kind.DATE, _d("Alkupäivä.", "Startdatum."), required=True, example="2023-05-16"),
        FieldSpec(
            "end",
            Kind.DATE,
            _d("Päättymispäivä, ei ennen alkua.", "Slutdatum, inte före start."),
            not_before="start",
            example="2023-12-31",
        ),
        FieldSpec(
            "hashtag",
            Kind.TEXT,
            _d("Aihetunniste, alkaa #-merkillä.", "Hashtagg, börjar med #."),
            prefix="#",
            min_length=2,
            max_length=60,
            example="#tärkeinsijoitus",
            example_sv="#viktigastearbetet",
        ),
        FieldSpec(
            "organisers",
            Kind.TEXT_LIST,
            _d("Järjestäjät.", "Arrangörer."),
            min_length=2,
            max_length=120,
            example=["KT Kuntatyönantajat"],
            example_sv=["KT Kommunarbetsgivarna"],
        ),
        DRAFT,
    ),
)

PAGE = Schema(
    "page",
    _d("Sivu", "Sida"),
    (
        TITLE,
        FieldSpec(
            "summary",
            Kind.PLAIN_TEXT,
            SUMMARY.description,
            min_length=20,
            max_length=300,
            example="Tietoa sivustosta ja sen tekijöistä.",
            example_sv="Om webbplatsen och dem som gör den.",
        ),
        FieldSpec(
            "slug",
            Kind.SLUG,
            _d("Sivun osoite tällä kielellä.", "Sidans adress på det här språket."),
            min_length=2,
            max_length=80,
            example="tietoa",
            example_sv="om-oss",
        ),
        DRAFT,
    ),
)

SCHEMAS = {schema.name: schema for schema in (ACT, TOOL, CAMPAIGN, PAGE)}

# Fields that classify an item: both language versions share them. A translation may leave them
# out (they are taken from its counterpart); where both give one, they must agree.
SHARED_FIELDS = {
    "act": ("organisation_type", "region", "sector", "themes", "published", "campaign", "awards", "redirect_from"),
    "tool": ("topics", "format", "audience", "updated", "redirect_from"),
    "campaign": ("start", "end"),
}
