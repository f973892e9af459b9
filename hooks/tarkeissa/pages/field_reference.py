"""The field reference page, in Finnish and Swedish, made from the one schema and the vocabularies.

What an editor reads here is what `check` enforces: the rules are derived from the same
FieldSpec declarations, so the page cannot fall behind the validation.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from markupsafe import Markup

from ..content.body_policy import STYLED_TYPES, publish_body
from ..content.languages import LANGUAGES, URL_PREFIX, other_language
from ..content.messages import RULE_LIST, rule_list
from ..content.schema import ACT, CAMPAIGN, PAGE, TOOL, FieldSpec, Kind
from ..content.vocabularies import VOCABULARY_NAMES, Vocabularies
from .model import SitePage
from .render import render
from .ui_text import ui

URL_SLUG = {"fi": "kenttaopas", "sv": "faltguide"}
MENU_ORDER = 85
RULES_ANCHOR = "tarkistusten-saannot"  # the rule ids of every problem the checks report
SCHEMA_FILES = {  # where each kind of file lives, as editors name them
    "act": "content/acts/<id>.fi.md, content/acts/<id>.sv.md",
    "tool": "content/tools/<id>.fi.md, content/tools/<id>.sv.md",
    "campaign": "docs/campaigns/<id>.fi.md, docs/campaigns/<id>.sv.md (type: campaign)",
    "page": "docs/<name>.fi.md, docs/<name>.sv.md",
}


def field_reference_url(lang: str) -> str:
    return URL_PREFIX[lang] + URL_SLUG[lang] + "/"


def field_reference_page(vocabularies: Vocabularies, lang: str) -> SitePage:
    title = ui(lang, "field_reference")
    head, _ = render("field_reference.html", field_reference_context(vocabularies, lang))
    rule_ids, _ = render("rule_list.html", {"anchor": RULES_ANCHOR, "text": RULE_LIST[lang], "rules": rule_list(lang)})
    head += "\n" + rule_ids
    return SitePage(
        field_reference_url(lang),
        lang,
        "field_reference",
        title,
        ui(lang, "field_reference_summary"),
        "",
        field_reference_url(other_language(lang)),
        key="field-reference",
        menu_order=MENU_ORDER,
        head_html=head,
    )


def field_reference_context(vocabularies: Vocabularies, lang: str) -> dict[str, Any]:
    schemas = [
        {
            "name": schema.name,
            "title": schema.title[lang],
            "files": SCHEMA_FILES[schema.name],
            "rows": list(_rows(schema.fields, lang)),
        }
        for schema in (ACT, TOOL, CAMPAIGN, PAGE)
    ]
    tables = [
        {
            "name": name,
            "anchor": vocabulary_anchor(name),
            "title": ui(lang, "vocabulary_" + name),
            "terms": [
                {"slug": term.slug, "labels": [term.label(code) for code in LANGUAGES]}
                for term in vocabularies.terms.get(name, {}).values()
            ],
        }
        for name in VOCABULARY_NAMES
    ]
    return {
        "lang": lang,
        "title": ui(lang, "field_reference"),
        "markdown": markdown_examples(lang),
        "markdown_text": MARKDOWN_TEXT[lang],
        "schemas": schemas,
        "vocabularies": tables,
        "label_columns": [ui(lang, "col_label_" + code) for code in LANGUAGES],
    }


MARKDOWN_ANCHOR = "tekstin-muotoilu"
MARKDOWN_TEXT = {
    "fi": {
        "title": "Tekstin muotoilu (Markdown)",
        "intro": "Tiedoston teksti kirjoitetaan front matterin jälkeen Markdownina. Näin kirjoitat sen, mitä "
        "raporteissa ja kehittämistarinoissa tarvitaan; tarkistus ja sivuston koonti muuntavat tekstin samalla "
        "tavalla, joten alla näkyvä tulos on se, mikä julkaistaan.",
        "col_write": "Kirjoita",
        "col_result": "Tulos",
    },
    "sv": {
        "title": "Textformatering (Markdown)",
        "intro": "Filens text skrivs efter front matter som Markdown. Så här skriver du det som rapporter och "
        "utvecklingsberättelser behöver; kontrollen och webbplatsens bygge omvandlar texten på samma sätt, så "
        "resultatet nedan är det som publiceras.",
        "col_write": "Skriv",
        "col_result": "Resultat",
    },
}
# (what it is, the Markdown, a note); the result column is the site's own conversion of the Markdown,
# except for links to files, which depend on the files beside the act (the note says what happens).
MARKDOWN_EXAMPLES = {
    "fi": [
        ("Alaviite", "Hanke alkoi vuonna 2023.[^1]\n\n[^1]: Päätös tehtiin valtuustossa.", ""),
        ("Määritelmälista", "Työkierto\n:   Työntekijä kokeilee toista tehtävää.", ""),
        ("Lyhenne", "KT on työnantajajärjestö.\n\n*[KT]: Kunta- ja hyvinvointialuetyönantajat KT", ""),
        ("Tehtävälista", "- [x] Kysely tehty\n- [ ] Tulokset julkaistu", ""),
        ("Yliviivaus", "Kokous on ~~tiistaina~~ keskiviikkona.", ""),
        ("Puhelinnumero", "[040 123 4567](tel:+358401234567)", ""),
        ("Huomautuslaatikko", '!!! tip "Vinkki"\n    Aloita pienestä kokeilusta.', "types"),
        (
            "Aaltosulkeet tekstinä",
            "## Hankkeen vaiheet \\{2019–2021\\}",
            (
                "Rivin lopun {…} on Markdownille määrite ({#tunniste}); kenoviivan kanssa otsikoksi tulee "
                "'Hankkeen vaiheet {2019–2021}'."
            ),
        ),
        (
            "Kuva teon vieressä",
            "![Työpaja käynnissä](tyopaja.png)\n\n[Loppuraportti (PDF)](loppuraportti.pdf)",
            (
                "Tallenna tyopaja.png ja loppuraportti.pdf samaan kansioon kuin teko (content/acts/). Ne julkaistaan "
                "teon mukana ja linkki osoittaa niihin. Jos tiedostoa ei ole, tarkistus kertoo linkin rivin."
            ),
        ),
        (
            "Linkki toiseen tekoon",
            "[Toinen teko](toinen-teko.fi.md)\n\n[Samma på svenska](toinen-teko.sv.md)",
            (
                "Linkitä teko, työkalu tai sivu sen tiedostonimellä samasta kansiosta (tai ../tools/työkalu.fi.md). "
                "Linkki osoittaa sivun osoitteeseen; toisen kielen tiedostoon linkki saa otsikon 'Sivu ruotsiksi'."
            ),
        ),
    ],
    "sv": [
        ("Fotnot", "Projektet började år 2023.[^1]\n\n[^1]: Beslutet fattades i fullmäktige.", ""),
        ("Definitionslista", "Arbetsrotation\n:   En anställd prövar en annan uppgift.", ""),
        ("Förkortning", "KT är en arbetsgivarorganisation.\n\n*[KT]: Kommun- och välfärdsområdesarbetsgivarna KT", ""),
        ("Uppgiftslista", "- [x] Enkäten gjord\n- [ ] Resultaten publicerade", ""),
        ("Överstrykning", "Mötet är på ~~tisdag~~ onsdag.", ""),
        ("Telefonnummer", "[040 123 4567](tel:+358401234567)", ""),
        ("Faktaruta", '!!! tip "Tips"\n    Börja med ett litet försök.', "types"),
        (
            "Klamrar som text",
            "## Projektets skeden \\{2019–2021\\}",
            (
                "{…} i slutet av en rad är för Markdown ett attribut ({#id}); med omvänt snedstreck blir rubriken "
                "'Projektets skeden {2019–2021}'."
            ),
        ),
        (
            "Bild bredvid gärningen",
            "![Workshop pågår](workshop.png)\n\n[Slutrapport (PDF)](slutrapport.pdf)",
            (
                "Spara workshop.png och slutrapport.pdf i samma mapp som gärningen (content/acts/). De publiceras "
                "med gärningen och länken pekar på dem. Om filen saknas anger kontrollen länkens rad."
            ),
        ),
        (
            "Länk till en annan gärning",
            "[En annan gärning](annan-garning.sv.md)\n\n[Samma på finska](annan-garning.fi.md)",
            (
                "Länka en gärning, ett verktyg eller en sida med dess filnamn i samma mapp "
                "(eller ../tools/verktyg.sv.md). "
                "Länken pekar på sidans adress; en länk till filen på det andra språket får titeln 'Sidan på finska'."
            ),
        ),
    ],
}
_TYPES_NOTE = {
    "fi": "Tyypit, joille sivustolla on tyyli: {types}. Muu tyyppi on virhe, ja tarkistus ehdottaa lähintä.",
    "sv": "Typer som webbplatsen har en stil för: {types}. En annan typ är ett fel, "
    "och kontrollen föreslår den närmaste.",
}


def markdown_examples(lang: str) -> list[dict[str, str | None]]:
    """Each example with the HTML the site itself publishes for it (links to files aside)."""
    examples = []
    for name, source, note in MARKDOWN_EXAMPLES[lang]:
        # links to files depend on the files beside the act; a heading would break the page's outline
        shown_as_text = ".md)" in source or ".png)" in source or source.startswith("#")
        html = None if shown_as_text else publish_body(source, f"example.{lang}.md", 1)[0]
        examples.append(
            {
                "name": name,
                "source": source,
                "result": Markup(html) if html else None,  # sanitized by the body policy, as any body
                "note": _TYPES_NOTE[lang].format(types=", ".join(STYLED_TYPES)) if note == "types" else note,
            }
        )
    return examples


def vocabulary_anchor(name: str) -> str:
    return "sanasto-" + name.replace("_", "-")


def _rows(specs: tuple[FieldSpec, ...], lang: str, parent: str = "") -> Iterator[dict[str, Any]]:
    for spec in specs:
        name = parent + spec.name
        yield {
            "name": name,
            "type": ui(lang, "kind_" + spec.kind.value),
            "required": spec.required,
            "rules": rules(spec, lang),
            "description": spec.description[lang],
            "example": _example_text(spec.example),
        }
        if spec.fields:
            yield from _rows(spec.fields, lang, name + "[]." if spec.kind == Kind.OBJECT_LIST else name + ".")


def rules(spec: FieldSpec, lang: str) -> list[dict[str, str]]:
    """The rules of one field as short phrases, each with its key in ui_text ("rule"); a vocabulary
    rule links to its table."""
    found: list[dict[str, str]] = []

    def add(key: str, **values: Any) -> None:
        found.append({"rule": key, "text": ui(lang, key).format(**values)})

    if spec.constant is not None:
        add("rule_constant", constant=spec.constant)
    if spec.min_length is not None and spec.max_length is not None and spec.min_length > 1:
        add("rule_length", low=spec.min_length, high=spec.max_length)
    elif spec.max_length is not None:
        add("rule_max_length", high=spec.max_length)
    if spec.kind == Kind.PLAIN_TEXT:
        add("rule_plain")
    if spec.vocabulary:
        found.append(
            {
                "rule": "rule_vocabulary",
                "text": ui(lang, "rule_vocabulary").format(vocabulary=spec.vocabulary),
                "href": "#" + vocabulary_anchor(spec.vocabulary),
            }
        )
    if spec.min_items is not None and spec.max_items is not None:
        add("rule_items", low=spec.min_items, high=spec.max_items)
    elif spec.min_items is not None:
        add("rule_min_items", low=spec.min_items)
    elif spec.max_items is not None:
        add("rule_max_items", high=spec.max_items)
    if spec.kind in (Kind.TERMS, Kind.IDS):
        add("rule_no_repeats")
    if spec.kind == Kind.DATE:
        add("rule_date")
    if spec.not_in_future:
        add("rule_not_in_future")
    if spec.not_before:
        add("rule_not_before", field=spec.not_before)
    if spec.kind == Kind.YEAR:
        add("rule_year", low=spec.min_value)
    if spec.prefix:
        add("rule_prefix", prefix=spec.prefix)
    simple = {
        Kind.HTTPS_URL: "rule_https",
        Kind.EMAIL: "rule_email",
        Kind.FILE: "rule_image",
        Kind.CAMPAIGN: "rule_campaign",
        Kind.IDS: "rule_ids",
        Kind.SLUG: "rule_slug",
    }
    if spec.kind in simple:
        add(simple[spec.kind])
    return found


def _example_text(example: Any) -> str | None:
    if example is None:
        return None
    if isinstance(example, bool):
        return str(example).lower()
    if isinstance(example, list):
        return "[" + ", ".join(map(str, example)) + "]"
    return str(example)


__all__ = ["field_reference_context", "field_reference_page", "field_reference_url", "rules"]
