"""The field reference page, in Finnish and Swedish, made from the one schema and the vocabularies.

What an editor reads here is what `check` enforces: the rules are derived from the same
FieldSpec declarations, so the page cannot fall behind the validation.
"""

from __future__ import annotations

from ..content.languages import LANGUAGES, URL_PREFIX, other_language
from ..content.messages import RULE_LIST, rule_list
from .model import SitePage
from .render import render
from ..content.schema import ACT, CAMPAIGN, PAGE, TOOL, FieldSpec, Kind
from .ui_text import ui
from ..content.vocabularies import VOCABULARY_NAMES, Vocabularies

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
    return SitePage(field_reference_url(lang), lang, "field_reference", title, ui(lang, "field_reference_summary"), "",
                    field_reference_url(other_language(lang)), key="field-reference", menu_order=MENU_ORDER,
                    head_html=head)


def field_reference_context(vocabularies: Vocabularies, lang: str) -> dict:
    schemas = [{"name": schema.name, "title": schema.title[lang], "files": SCHEMA_FILES[schema.name],
                "rows": list(_rows(schema.fields, lang))} for schema in (ACT, TOOL, CAMPAIGN, PAGE)]
    tables = [{"name": name, "anchor": vocabulary_anchor(name), "title": ui(lang, "vocabulary_" + name),
               "terms": [{"slug": term.slug, "labels": [term.label(code) for code in LANGUAGES]}
                         for term in vocabularies.terms.get(name, {}).values()]}
              for name in VOCABULARY_NAMES]
    return {"lang": lang, "title": ui(lang, "field_reference"), "schemas": schemas, "vocabularies": tables,
            "label_columns": [ui(lang, "col_label_" + code) for code in LANGUAGES]}


def vocabulary_anchor(name: str) -> str:
    return "sanasto-" + name.replace("_", "-")


def _rows(specs: tuple[FieldSpec, ...], lang: str, parent: str = ""):
    for spec in specs:
        name = parent + spec.name
        yield {"name": name, "type": ui(lang, "kind_" + spec.kind.value), "required": spec.required,
               "rules": rules(spec, lang), "description": spec.description[lang],
               "example": _example_text(spec.example)}
        if spec.fields:
            yield from _rows(spec.fields, lang, name + "[]." if spec.kind == Kind.OBJECT_LIST else name + ".")


def rules(spec: FieldSpec, lang: str) -> list[dict]:
    """The rules of one field as short phrases; a vocabulary rule links to its table."""
    found: list[dict] = []

    def add(key: str, **values) -> None:
        found.append({"text": ui(lang, key).format(**values)})

    if spec.constant is not None:
        add("rule_constant", constant=spec.constant)
    if spec.min_length is not None and spec.max_length is not None and spec.min_length > 1:
        add("rule_length", low=spec.min_length, high=spec.max_length)
    elif spec.max_length is not None:
        add("rule_max_length", high=spec.max_length)
    if spec.kind == Kind.PLAIN_TEXT:
        add("rule_plain")
    if spec.vocabulary:
        found.append({"text": ui(lang, "rule_vocabulary").format(vocabulary=spec.vocabulary),
                      "href": "#" + vocabulary_anchor(spec.vocabulary)})
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
    simple = {Kind.HTTPS_URL: "rule_https", Kind.EMAIL: "rule_email", Kind.FILE: "rule_image",
              Kind.CAMPAIGN: "rule_campaign", Kind.IDS: "rule_ids", Kind.SLUG: "rule_slug"}
    if spec.kind in simple:
        add(simple[spec.kind])
    return found


def _example_text(example) -> str | None:
    if example is None:
        return None
    if isinstance(example, bool):
        return str(example).lower()
    if isinstance(example, list):
        return "[" + ", ".join(map(str, example)) + "]"
    return str(example)


__all__ = ["field_reference_page", "field_reference_url", "field_reference_context", "rules"]
