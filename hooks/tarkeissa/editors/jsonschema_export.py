"""The editors' JSON Schema (draft 2020-12) for acts, tools and campaign pages, from the one schema.

Editors' tools (VS Code, see .vscode/ and .remarkrc.mjs) use these files for completion and
early warnings. `check` stays the authority: a few rules need more than a JSON Schema can say
(a file beside the content, a date not in the future, an id not taken), and those are
described instead.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..content.schema import ACT, CAMPAIGN, ITEM_ID, TOOL, FieldSpec, Kind, Schema
from ..content.validate import EMAIL, IMAGE_SUFFIXES
from ..content.vocabularies import SLUG, Vocabularies

REGEX_SPECIAL = set("\\^$.|?*+()[]{}/")
DRAFT_2020_12 = "https://json-schema.org/draft/2020-12/schema"
EXPORTED = (ACT, TOOL, CAMPAIGN)
# validate.MARKUP without its flags (a JSON Schema pattern has none): what a plain-text field may not contain
PLAIN_TEXT_MARKUP = r"<[A-Za-z!/]|&[A-Za-z]+;|&#[0-9]+;|\]\(|\*\*|__|`|(^|\n)[ \t]*#|(^|\n)[ \t]*[-*+] "


def file_name(schema: Schema) -> str:
    return f"{schema.name}.schema.json"


def json_schema(schema: Schema, vocabularies: Vocabularies) -> dict[str, Any]:
    return {
        "$schema": DRAFT_2020_12,
        "title": f"{schema.title['fi']} / {schema.title['sv']}",
        "description": "Tärkeissä töissä: front matter. Generated from hooks/tarkeissa/content/schema.py by "
        "`tarkeissa schema`; do not edit by hand.",
        **_object(schema.fields, vocabularies),
    }


def render(document: dict[str, Any]) -> str:
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def generated_files(vocabularies: Vocabularies) -> dict[str, str]:
    """File name in schemas/ -> its text."""
    return {file_name(schema): render(json_schema(schema, vocabularies)) for schema in EXPORTED}


def write(folder: Path, vocabularies: Vocabularies) -> list[Path]:
    """Write every schema file whose text differs; return the ones written."""
    return write_changed(folder, generated_files(vocabularies))


def write_changed(folder: Path, files: dict[str, str]) -> list[Path]:
    """Write each generated file whose text differs from what is there; return the ones written."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in files.items():
        path = folder / name
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            written.append(path)
    return written


def _object(specs: tuple[FieldSpec, ...], vocabularies: Vocabularies) -> dict[str, Any]:
    result: dict[str, Any] = {
        "type": "object",
        "properties": {spec.name: _field(spec, vocabularies) for spec in specs},
        "additionalProperties": False,
    }
    required = [spec.name for spec in specs if spec.required]
    if required:
        result["required"] = required
    return result


def _field(spec: FieldSpec, vocabularies: Vocabularies) -> dict[str, Any]:
    description = f"{spec.description['fi']} / {spec.description['sv']}"
    if spec.required:
        description = "PAKOLLINEN / OBLIGATORISK. " + description
    result: dict[str, Any] = {"description": description}
    result.update(_kind(spec, vocabularies))
    if spec.example is not None:
        result["examples"] = [spec.example]
    return result


def _kind(spec: FieldSpec, vocabularies: Vocabularies) -> dict[str, Any]:
    kind = spec.kind
    if kind in (Kind.TEXT, Kind.PLAIN_TEXT):
        result = _text(spec)
        if kind == Kind.PLAIN_TEXT:
            result["not"] = {"pattern": PLAIN_TEXT_MARKUP}
        return result
    if kind == Kind.TEXT_LIST:
        return {"type": "array", "items": _text(spec)}
    if kind == Kind.TERM:
        return _term(spec, vocabularies)
    if kind == Kind.TERMS:
        return {"type": "array", "items": _term(spec, vocabularies), "uniqueItems": True, **_counts(spec)}
    if kind == Kind.IDS:
        return {"type": "array", "items": {"type": "string", "pattern": ITEM_ID}, "uniqueItems": True, **_counts(spec)}
    if kind == Kind.DATE:
        # YAML editors read an unquoted date as text; the build reads it as a date. Both pass.
        return {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}
    if kind == Kind.YEAR:
        # 'no later than this year' moves every January: check enforces it, the file stays stable
        return {"type": "integer", "minimum": spec.min_value}
    if kind == Kind.BOOLEAN:
        return {"type": "boolean"}
    if kind == Kind.EMAIL:
        # the same expression without the one escape a JavaScript (u-mode) pattern refuses
        return {"type": "string", "format": "email", "pattern": EMAIL.pattern.replace('\\"', '"')}
    if kind == Kind.HTTPS_URL:
        return {"type": "string", "format": "uri", "pattern": r"^https://[^\s/]+"}
    if kind in (Kind.CAMPAIGN, Kind.SLUG):
        return {"type": "string", "pattern": SLUG.pattern, **_lengths(spec)}
    if kind == Kind.FILE:
        suffixes = "|".join(_any_case(suffix.lstrip(".")) for suffix in IMAGE_SUFFIXES)
        return {"type": "string", "pattern": rf"^[^/\\]+\.({suffixes})$"}
    if kind == Kind.CONSTANT:
        return {"const": spec.constant}
    if kind == Kind.OBJECT:
        return _object(spec.fields, vocabularies)
    if kind == Kind.OBJECT_LIST:
        return {"type": "array", "items": _object(spec.fields, vocabularies)}
    raise AssertionError(f"unhandled kind {kind}")  # pragma: no cover - the schema is ours


def _text(spec: FieldSpec) -> dict[str, Any]:
    result: dict[str, Any] = {"type": "string", **_lengths(spec)}
    if spec.prefix:
        result["pattern"] = "^" + "".join("\\" + c if c in REGEX_SPECIAL else c for c in spec.prefix)
    return result


def _term(spec: FieldSpec, vocabularies: Vocabularies) -> dict[str, Any]:
    return {"type": "string", "enum": vocabularies.slugs(spec.vocabulary or "")}


def _lengths(spec: FieldSpec) -> dict[str, int]:
    return _bounds(spec, min_length="minLength", max_length="maxLength")


def _counts(spec: FieldSpec) -> dict[str, int]:
    return _bounds(spec, min_items="minItems", max_items="maxItems")


def _bounds(spec: FieldSpec, **keywords: str) -> dict[str, int]:
    """The spec's limits that are set, under their JSON Schema keywords."""
    return {keyword: getattr(spec, name) for name, keyword in keywords.items() if getattr(spec, name) is not None}


def _any_case(text: str) -> str:
    return "".join(f"[{c.lower()}{c.upper()}]" if c.isalpha() else c for c in text)
