"""The web editor at /admin/ (Decap CMS): its configuration, generated from the one schema and the
vocabularies like the JSON Schema files, its page, and its code copied from the pinned npm package.

One configuration per interface language (Decap has one `locale` and one label per field):
`admin/config.yml` in Finnish, `admin/config.sv.yml` in Swedish, whose default language is Swedish,
so a Swedish-only act is made there. `check` stays the authority; the form says early what it would.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml

from ..content.file_policy import ASSET_TYPES
from ..content.schema import ACT, CAMPAIGN, SHARED_FIELDS, TOOL, FieldSpec, Kind, Schema
from ..content.vocabularies import Vocabularies
from ..pages.field_reference import rules
from ..pages.ui_text import ui
from .jsonschema_export import _kind as json_kind
from .jsonschema_export import write_changed

# What a site owner sets once (README, "The web editor"): the repository and the OAuth endpoint that
# holds the GitHub OAuth app's secret; the secret itself is never in this repository.
GITHUB_REPO = "kt-fi/tarkeissatoissa"
AUTH_BASE_URL = "https://tarkeissatoissa-cms-auth.kt.fi"

ROOT = Path(__file__).resolve().parents[3]
BUNDLE_DIR = ROOT / "node_modules" / "decap-cms" / "dist"
YAML_READER = ROOT / "node_modules" / "js-yaml" / "dist" / "js-yaml.min.js"
TEMPLATES = Path(__file__).with_name("templates")
COLLECTIONS = (
    (ACT, "acts", "content/acts"),
    (TOOL, "tools", "content/tools"),
    (CAMPAIGN, "campaigns", "docs/campaigns"),
)
CONFIG_FILES = {"fi": "cms-config.yml", "sv": "cms-config.sv.yml"}  # in schemas/; on the site admin/config[.sv].yml
LIST_KINDS = (Kind.OBJECT_LIST, Kind.IDS, Kind.TEXT_LIST)
ONE_LANGUAGE = {
    "fi": "Pakollinen kieliversiossa, joka tallennetaan.",
    "sv": "Obligatoriskt i den språkversion som sparas.",
}
# `check` still requires them when the group is given
IF_GIVEN = {"fi": "Pakollinen, kun ryhmä täytetään.", "sv": "Obligatoriskt när gruppen fylls i."}
BODY_HINT = {
    "fi": "Markdownia: ## Väliotsikko, - luettelo, [linkki](https://…), tyhjä rivi kappaleiden väliin.",
    "sv": "Markdown: ## Mellanrubrik, - lista, [länk](https://…), tom rad mellan stycken.",
}
# A list's items, one and many, for its add button and its count ("1 palkinto", "2 palkintoa"): Decap
# wrote the count before the field's label ("1 palkinnot"); cms_bundle.py asks the phrase by field name.
LIST_ITEMS = {
    "awards": {"fi": ("palkinto", "palkintoa"), "sv": ("pris", "priser")},
    "redirect_from": {"fi": ("aiempi tunniste", "aiempaa tunnistetta"), "sv": ("tidigare id", "tidigare id")},
    "organisers": {"fi": ("järjestäjä", "järjestäjää"), "sv": ("arrangör", "arrangörer")},
}
# The id from the title as `tarkeissa new` (text.slugify) makes it: lower case, ä→a, ö→o, å→a, '-' between words.
SLUG = {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"}


def cms_config(vocabularies: Vocabularies, lang: str) -> dict[str, Any]:
    other = "sv" if lang == "fi" else "fi"
    return {
        "backend": {
            "name": "github",
            "repo": GITHUB_REPO,
            "branch": "main",
            "base_url": AUTH_BASE_URL,
            "auth_endpoint": "auth",
            "auth_scope": "public_repo",  # the narrowest scope that can commit to a public repository
            "squash_merges": True,
        },
        "publish_mode": "editorial_workflow",  # a branch and a pull request: the pull-request workflow checks it
        "local_backend": True,  # `make cms`: admin/cms.js points it at the same-origin proxy (cms_local.py)
        "locale": lang,
        "media_folder": "content/acts",  # required by Decap; every collection keeps images beside its entries
        "show_preview_links": False,
        "slug": SLUG,
        "i18n": {"structure": "multiple_files", "locales": [lang, other], "default_locale": lang},
        "collections": [_collection(schema, name, folder, vocabularies, lang) for schema, name, folder in COLLECTIONS],
    }


def render(config: dict[str, Any]) -> str:
    header = (
        "# Decap CMS configuration, generated from hooks/tarkeissa/content/schema.py and content/vocabularies.yml\n"
        "# by `tarkeissa schema` (make schemas); do not edit by hand.\n"
    )
    return header + yaml.safe_dump(config, allow_unicode=True, sort_keys=False, width=120)


def generated_files(vocabularies: Vocabularies) -> dict[str, str]:
    """File name in schemas/ -> its text."""
    return {name: render(cms_config(vocabularies, lang)) for lang, name in CONFIG_FILES.items()}


def site_files(vocabularies: Vocabularies) -> dict[str, str]:
    """Site path -> text: the editor's page, its scripts (the canonical writer, the YAML reader, Decap's
    bundle with its small changes) and both configurations."""
    from . import cms_bundle

    files = {f"admin/{name.removeprefix('cms-')}": text for name, text in generated_files(vocabularies).items()}
    files["admin/index.html"] = (TEMPLATES / "admin.html").read_text(encoding="utf-8")
    files["admin/cms.js"] = start_script()
    files["admin/admin.css"] = (TEMPLATES / "admin.css").read_text(encoding="utf-8")
    files["admin/format.js"] = (TEMPLATES / "admin-format.js").read_text(encoding="utf-8")
    files["admin/js-yaml.min.js"] = (YAML_READER).read_text(encoding="utf-8")
    files["admin/decap-cms.js"] = cms_bundle.patched()
    return files


def layouts() -> dict[str, list[dict[str, Any]]]:
    """Each kind's fields as the canonical writer needs them: name, kind, nested fields, in order."""

    def tree(fields: tuple[FieldSpec, ...]) -> list[dict[str, Any]]:
        return [{"name": spec.name, "kind": spec.kind.value, "fields": tree(spec.fields)} for spec in fields]

    return {schema.name: tree(schema.fields) for schema, _, _ in COLLECTIONS}


def start_script() -> str:
    """admin-cms.js with the layouts, the shared fields and the media file types written in."""
    text = (TEMPLATES / "admin-cms.js").read_text(encoding="utf-8")
    marks = {
        "/*LAYOUTS*/{}": layouts(),
        "/*SHARED*/{}": {k: list(v) for k, v in SHARED_FIELDS.items()},
        "/*ASSETS*/[]": list(ASSET_TYPES),
        **{f"/*COUNTS_{lang.upper()}*/{{}}": list_counts(lang) for lang in ("fi", "sv")},
    }
    for mark, value in marks.items():
        assert text.count(mark) == 1, mark
        text = text.replace(mark, json.dumps(value, ensure_ascii=False, sort_keys=True))
    return text


def list_counts(lang: str) -> dict[str, str]:
    """Field name -> Polyglot's "one |||| many" phrase for the list's count."""
    return {
        name: " |||| ".join(f"%{{smart_count}} {form}" for form in forms[lang]) for name, forms in LIST_ITEMS.items()
    }


def bundle_files() -> dict[str, Path]:
    """Site path -> file: Decap's bundle and the chunks it loads from beside itself (no source maps)."""
    if not (BUNDLE_DIR / "decap-cms.js").is_file():
        raise FileNotFoundError(f"{BUNDLE_DIR / 'decap-cms.js'} is missing: run `make editor-setup` (npm ci).")
    # decap-cms.js itself is served changed (site_files); the chunks it loads are served as they are
    return {f"admin/{path.name}": path for path in sorted(BUNDLE_DIR.glob("*.decap-cms.js"))}


def _collection(schema: Schema, name: str, folder: str, vocabularies: Vocabularies, lang: str) -> dict[str, Any]:
    collection: dict[str, Any] = {
        "name": name,
        "label": ui(lang, name),
        "label_singular": schema.title[lang],
        "folder": folder,
        "create": True,
        "extension": "md",
        "format": f"tt-{schema.name}",  # the canonical writer (admin-format.js), registered in admin-cms.js
        "slug": "{{slug}}",
        "identifier_field": "title",
        "summary": "{{title}}",
        "media_folder": "",
        "public_folder": "",  # beside the entry; `src` is the bare file name
        # The editor's browser holds a login token: no preview pane renders an entry's HTML.
        "editor": {"preview": False},
        "i18n": True,
    }
    if schema is CAMPAIGN:
        collection["filter"] = {"field": "type", "value": "campaign"}
    shared = SHARED_FIELDS.get(schema.name, ())
    collection["fields"] = [
        _field(spec, vocabularies, lang, shared, siblings=schema.fields) for spec in schema.fields
    ] + [
        {
            "name": "body",
            "label": {"fi": "Teksti", "sv": "Text"}[lang],
            # plain text: what is typed is saved as it is (the rich-text editor rewrote untouched Markdown)
            "widget": "text",
            "hint": BODY_HINT[lang],
            "i18n": True,
            "required": False,
        }
    ]
    return collection


def _field(
    spec: FieldSpec,
    vocabularies: Vocabularies,
    lang: str,
    shared: tuple[str, ...] = (),
    top: bool = True,
    siblings: tuple[FieldSpec, ...] = (),
) -> dict[str, Any]:
    field: dict[str, Any] = {
        "name": spec.name,
        "label": _label(spec, lang),
        "hint": _hint(spec, lang, siblings),
        "required": spec.required,
    }  # Decap's default is required
    duplicate = spec.name in shared or spec.kind == Kind.CONSTANT
    if top and duplicate and spec.kind in LIST_KINDS:
        # Decap's schema refuses 'duplicate' on a list: each language keeps its own, which a translation
        # may leave out (it takes the list from the other file; where both give one, `check` compares them)
        duplicate = False
    # shared fields are entered once and written into both files; the rest, groups' fields too, per language
    field["i18n"] = "duplicate" if top and duplicate else True
    if top and field["i18n"] is True and spec.required:
        # either language may be the only one: `check` requires the text of each file that is written
        field.update(required=False, hint=ONE_LANGUAGE[lang] + " " + field["hint"])
    field.update(_widget(spec, vocabularies, lang, optional=not field["required"]))
    return field


def _widget(spec: FieldSpec, vocabularies: Vocabularies, lang: str, optional: bool = False) -> dict[str, Any]:
    kind = spec.kind
    if kind in (Kind.TERM, Kind.TERMS):
        terms = vocabularies.terms.get(spec.vocabulary or "", {})
        widget: dict[str, Any] = {
            "widget": "select",
            "options": [{"label": term.label(lang), "value": slug} for slug, term in terms.items()],
        }
        if kind == Kind.TERMS:
            widget.update(multiple=True, **_counts(spec))
        return widget
    if kind == Kind.DATE:
        return {
            "widget": "datetime",
            "format": "YYYY-MM-DD",
            "date_format": "YYYY-MM-DD",
            "time_format": False,
            "picker_utc": True,
        }
    if kind == Kind.YEAR:
        return {"widget": "number", "value_type": "int", "min": spec.min_value, "step": 1}
    if kind == Kind.BOOLEAN:
        return {"widget": "boolean"}  # no default: an untouched act gains no `draft: false`
    if kind == Kind.CONSTANT:
        return {"widget": "hidden", "default": spec.constant}
    if kind == Kind.FILE:
        return {"widget": "image", "choose_url": False}
    if kind == Kind.CAMPAIGN:
        return {
            "widget": "relation",
            "collection": "campaigns",
            "value_field": "{{slug}}",
            "search_fields": ["title"],
            "display_fields": ["title"],
        }
    if kind == Kind.OBJECT:
        fields = [_field(sub, vocabularies, lang, top=False, siblings=spec.fields) for sub in spec.fields]
        # Decap requires the required fields of an optional group too (decap-cms#2103), also a group that is
        # optional in the editor because the other language may be the only one
        if optional:
            for field, sub in zip(fields, spec.fields, strict=True):
                if sub.required and field["required"]:
                    field.update(required=False, hint=IF_GIVEN[lang] + " " + field["hint"])
        return {"widget": "object", "fields": fields}
    if kind == Kind.OBJECT_LIST:
        return {
            "widget": "list",
            "label_singular": LIST_ITEMS[spec.name][lang][0],
            "fields": [_field(sub, vocabularies, lang, top=False, siblings=spec.fields) for sub in spec.fields],
            **_counts(spec),
        }
    if kind in (Kind.TEXT_LIST, Kind.IDS):  # a list of strings, each checked like the JSON Schema's items
        item = {"name": "item", "label": _label(spec, lang), "widget": "string"}
        item.update(_pattern(spec, json_kind(spec, vocabularies)["items"], lang))
        return {"widget": "list", "label_singular": LIST_ITEMS[spec.name][lang][0], "field": item, **_counts(spec)}
    return {
        "widget": "text" if kind == Kind.PLAIN_TEXT else "string",
        **_pattern(spec, json_kind(spec, vocabularies), lang),
    }


def _pattern(spec: FieldSpec, constraints: dict[str, Any], lang: str) -> dict[str, Any]:
    """The JSON Schema's pattern, lengths and forbidden markup as one JavaScript expression, with the field
    reference's rules as its message."""
    checks = []
    if "not" in constraints:
        checks.append(f"(?![\\s\\S]*(?:{constraints['not']['pattern']}))")
    if "pattern" in constraints:
        checks.append(f"(?={constraints['pattern']})")
    low, high = constraints.get("minLength"), constraints.get("maxLength")
    if low is None and high is None:
        if not checks:
            return {}
        expression = "^" + "".join(checks)
    else:
        expression = "^" + "".join(checks) + f"[\\s\\S]{{{low or 0},{high or ''}}}$"
    message = "; ".join(rule["text"] for rule in rules(spec, lang)) or _label(spec, lang)
    return {"pattern": [expression, message]}


def _counts(spec: FieldSpec) -> dict[str, int]:
    return {key: value for key, value in (("min", spec.min_items), ("max", spec.max_items)) if value is not None}


def _label(spec: FieldSpec, lang: str) -> str:
    """The field's short name: the field reference's description up to its first comma, colon or stop."""
    text = spec.description[lang]
    for mark in (",", ":", ".", " ("):
        text = text.split(mark)[0]
    return text.strip()


def _hint(spec: FieldSpec, lang: str, siblings: tuple[FieldSpec, ...] = ()) -> str:
    description = spec.description[lang]
    if spec.kind == Kind.DATE:
        # the date picker shows the date as the browser's language writes it, and saves it as the file wants
        description = description.replace(" (VVVV-KK-PP)", "").replace(" (ÅÅÅÅ-MM-DD)", "")
    # left out: a select shows the vocabulary's labels (its internal name would tell an editor nothing),
    # and a date's format is the picker's
    left_out = {"rule_vocabulary", "rule_date"} if spec.kind == Kind.DATE else {"rule_vocabulary"}
    before = next((field for field in siblings if field.name == spec.not_before), None)
    phrases = []
    for rule in rules(spec, lang):
        text = rule["text"]
        if rule["rule"] == "rule_not_before" and before is not None:  # the field by its label, as the editor sees it
            text = ui(lang, "rule_not_before").format(field=_label(before, lang))
        if rule["rule"] not in left_out and text not in description:  # "ei tulevaisuudessa" once
            phrases.append(text)
    return description + (f" ({'; '.join(phrases)})" if phrases else "")


def write(folder: Path, vocabularies: Vocabularies) -> list[Path]:
    """Write every configuration whose text differs; return the ones written."""
    return write_changed(folder, generated_files(vocabularies))


__all__ = ["bundle_files", "cms_config", "generated_files", "site_files"]
