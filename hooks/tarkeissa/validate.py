"""Check one document's front matter against a schema; every problem is returned, none raised."""

from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from .problems import Problem
from .schema import EMAIL_ADDRESS, ITEM_ID, FieldSpec, Kind, Schema
from .source import FieldPath, SourceDocument
from .vocabularies import SLUG, Vocabularies

EMAIL = re.compile(EMAIL_ADDRESS)
DATE_TEXT = re.compile(r"^\d{4}-\d{2}-\d{2}$")
ITEM_ID_TEXT = re.compile(ITEM_ID)
# Markup that has no place in a plain-text field: tags, entities, Markdown emphasis, links, code.
MARKUP = re.compile(r"<[A-Za-z!/]|&[A-Za-z]+;|&#\d+;|\]\(|\*\*|__|`|^\s*#|^\s*[-*+] ", re.MULTILINE)
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".webp", ".gif", ".svg", ".avif")
_INVALID = object()


@dataclass
class ValidationContext:
    vocabularies: Vocabularies
    today: dt.date
    file_dir: Path  # the directory of the file being checked, for FILE fields


def validate(document: SourceDocument, schema: Schema, context: ValidationContext,
             may_omit: tuple[str, ...] = ()) -> tuple[dict, list[Problem]]:
    """`may_omit`: top-level fields a translation may leave out; content.py takes them from its counterpart."""
    problems: list[Problem] = []
    data = document.data
    specs = tuple(spec for spec in schema.fields if spec.name not in may_omit or spec.name in data)
    values = _check_fields(data, specs, (), schema, document, context, problems, known=schema.fields)
    return values, problems


def _check_fields(data: dict, specs: tuple[FieldSpec, ...], path: FieldPath, schema: Schema,
                  document: SourceDocument, context: ValidationContext, problems: list[Problem],
                  known: tuple[FieldSpec, ...] | None = None) -> dict:
    known = [spec.name for spec in (specs if known is None else known)]
    for key in data:
        if key not in known:
            close = difflib.get_close_matches(str(key), known, n=1, cutoff=0.6)
            where = f" in {'.'.join(map(str, path))}" if path else f" in {'an' if schema.name[0] in 'aeiou' else 'a'} {schema.name} file"
            hint = (f"Did you mean '{close[0]}'? " if close else "") + f"Fields allowed{where}: {', '.join(known)}."
            problems.append(_problem(document, path + (key,), "is not a known field.", hint, at_key=True))
    clean: dict[str, Any] = {}
    for spec in specs:
        field_path = path + (spec.name,)
        value = data.get(spec.name)
        if value is None or (isinstance(value, str) and not value.strip()):
            if spec.required:
                if spec.name in data:
                    problems.append(_problem(document, field_path, "is empty.", _fill_hint(spec, context)))
                else:
                    problems.append(_problem(document, field_path, "is required but missing.",
                                             _missing_hint(spec, context)))
            continue
        checked = _check_value(value, spec, field_path, schema, document, context, problems)
        if checked is not _INVALID:
            clean[spec.name] = checked
    for spec in specs:
        if spec.not_before and spec.name in clean and spec.not_before in clean:
            if clean[spec.name] < clean[spec.not_before]:
                problems.append(_problem(document, path + (spec.name,),
                                         f"{clean[spec.name]} is before {spec.not_before} {clean[spec.not_before]}.",
                                         f"Give a date on or after {spec.not_before}, or remove '{spec.name}'."))
    return clean


def _check_value(value: Any, spec: FieldSpec, path: FieldPath, schema: Schema, document: SourceDocument,
                 context: ValidationContext, problems: list[Problem]) -> Any:
    def fail(message: str, hint: str, where: FieldPath = path) -> object:
        problems.append(_problem(document, where, message, hint))
        return _INVALID

    kind = spec.kind
    if kind in (Kind.TEXT, Kind.PLAIN_TEXT, Kind.SLUG, Kind.CAMPAIGN, Kind.FILE, Kind.EMAIL, Kind.HTTPS_URL):
        if not isinstance(value, str):
            return fail(f"must be text, not {_describe(value)}.",
                        f"Put the value in double quotes: {spec.name}: \"{_plain(value)}\".")
        value = value.strip()
        if kind in (Kind.TEXT, Kind.PLAIN_TEXT) and not _length_ok(value, spec):
            return fail(f"is {len(value)} characters long; it must be {_range_text(spec.min_length, spec.max_length)} "
                        "characters.", "Shorten it." if spec.max_length and len(value) > spec.max_length
                        else "Write a little more.")
        if kind == Kind.PLAIN_TEXT and (match := MARKUP.search(value)):
            return fail(f"must be plain text, but contains markup '{match.group(0).strip()}'.",
                        "Remove HTML tags and Markdown characters (*, _, `, #, [..](..)); write plain sentences.")
        if spec.prefix and not value.startswith(spec.prefix):
            return fail(f"must start with '{spec.prefix}'.",
                        f"Write it as {spec.name}: \"{spec.prefix}{value.lstrip('#')}\" (with the quotes).")
        if kind == Kind.SLUG and not SLUG.match(value):
            return fail(f"'{value}' is not a valid address part.",
                        "Use lowercase letters a-z, digits and '-' only, for example 'tietoa'.")
        if kind == Kind.CAMPAIGN and not SLUG.match(value):
            return fail(f"'{value}' is not a campaign id.",
                        "Use the campaign page's file name without the language, e.g. 'tarkein-sijoitus'.")
        if kind == Kind.EMAIL and not EMAIL.fullmatch(value):
            return fail(f"'{value}' is not a valid e-mail address.",
                        "Write the address only, e.g. etunimi.sukunimi@kunta.fi: letters a-z, digits and . _ + - "
                        "before the @, at most 254 characters.")
        if kind == Kind.HTTPS_URL:
            parts = urlsplit(value)
            if parts.scheme != "https" or not parts.netloc or " " in value:
                return fail(f"'{value}' is not an https:// address.",
                            "Give the full address starting with https://, e.g. https://www.ttl.fi/.")
        if kind == Kind.FILE:
            return _check_file(value, spec, document, context, fail)
        return value
    if kind == Kind.TEXT_LIST:
        if not isinstance(value, list):
            return fail(f"must be a list, not {_describe(value)}.",
                        f"Write it as {spec.name}: [first, second] or as '- item' lines under '{spec.name}:'.")
        items = []
        for index, item in enumerate(value):
            checked = _check_value(item, FieldSpec(spec.name, Kind.TEXT, spec.description, min_length=spec.min_length,
                                                   max_length=spec.max_length), path + (index,), schema, document,
                                   context, problems)
            if checked is not _INVALID:
                items.append(checked)
        return items
    if kind == Kind.IDS:
        if not isinstance(value, list):
            return _not_a_list(value, spec, "id", "vanha-tunniste", fail)
        ids: list[str] = []
        for index, item in enumerate(value):
            if not isinstance(item, str) or not ITEM_ID_TEXT.match(item.strip()):
                fail(f"'{_plain(item)}' is not an id.",
                     "Give the former file name without the language and '.md': lowercase a-z, 0-9 and '-', "
                     "3–80 characters, e.g. 'jamsa-asiakaspalvelu'.", path + (index,))
            elif item.strip() in ids:
                fail(f"lists '{item.strip()}' twice.", "Remove the repeated id.", path + (index,))
            else:
                ids.append(item.strip())
        return ids
    if kind == Kind.TERM:
        return _check_term(value, spec, path, document, context, problems)
    if kind == Kind.TERMS:
        if not isinstance(value, list):
            return _not_a_list(value, spec, "term", "term", fail)
        terms: list[str] = []
        for index, item in enumerate(value):
            term = _check_term(item, spec, path + (index,), document, context, problems)
            if term is _INVALID:
                continue
            if term in terms:
                fail(f"lists '{term}' twice.", "Remove the repeated term.", path + (index,))
                continue
            terms.append(term)
        if not _count_ok(len(value), spec):
            return fail(f"has {len(value)} terms; it must have {_range_text(spec.min_items, spec.max_items)}.",
                        "Keep only the terms that describe it best." if spec.max_items and len(value) > spec.max_items
                        else "Add a term.")
        return terms
    if kind == Kind.DATE:
        if isinstance(value, dt.datetime):
            return fail("must be a date without a time.", f"Write only the date: {spec.name}: {value.date()}.")
        if isinstance(value, str) and DATE_TEXT.match(value.strip()):
            try:
                value = dt.date.fromisoformat(value.strip())
            except ValueError:
                return fail(f"'{value}' is not a real date.", "Check the month (01-12) and the day of the month.")
        if not isinstance(value, dt.date):
            return fail(f"'{_plain(value)}' is not a date in the form YYYY-MM-DD.",
                        f"Write it as {spec.name}: 2024-05-16 (year-month-day).")
        if spec.not_in_future and value > context.today:
            return fail(f"{value} is in the future (the build date is {context.today}).",
                        "Give the date it was or will be published, no later than today; "
                        "to prepare it in advance, add 'draft: true'.")
        return value
    if kind == Kind.YEAR:
        this_year = context.today.year
        if isinstance(value, bool) or not isinstance(value, int):
            return fail(f"must be a year as a number, not {_describe(value)}.", f"Write it as {spec.name}: 2019.")
        if spec.min_value is not None and value < spec.min_value or spec.max_value_is_this_year and value > this_year:
            return fail(f"{value} is outside {spec.min_value}–{this_year}.",
                        f"Give a year from {spec.min_value} to {this_year}.")
        return value
    if kind == Kind.BOOLEAN:
        if not isinstance(value, bool):
            return fail(f"must be true or false, not {_describe(value)}.", f"Write {spec.name}: true or {spec.name}: false.")
        return value
    if kind == Kind.CONSTANT:
        if value != spec.constant:
            return fail(f"must be '{spec.constant}'.", f"Write {spec.name}: {spec.constant}.")
        return value
    if kind == Kind.OBJECT:
        if not isinstance(value, dict):
            return fail(f"must be a group of fields, not {_describe(value)}.", _object_hint(spec))
        return _check_fields(value, spec.fields, path, schema, document, context, problems)
    if kind == Kind.OBJECT_LIST:
        if not isinstance(value, list):
            return fail(f"must be a list, not {_describe(value)}.", _object_hint(spec, as_list=True))
        items = []
        for index, item in enumerate(value):
            if not isinstance(item, dict):
                fail(f"item {index + 1} must be a group of fields, not {_describe(item)}.",
                     _object_hint(spec, as_list=True), path + (index,))
                continue
            items.append(_check_fields(item, spec.fields, path + (index,), schema, document, context, problems))
        return items
    raise AssertionError(f"unhandled kind {kind}")  # pragma: no cover - the schema is ours


def _check_term(value: Any, spec: FieldSpec, path: FieldPath, document: SourceDocument,
                context: ValidationContext, problems: list[Problem]) -> Any:
    vocabulary = spec.vocabulary or ""
    if isinstance(value, list):
        problems.append(_problem(document, path, "takes one term, not a list.",
                                 f"Keep one term: {spec.name}: {value[0] if value else 'term'}."))
        return _INVALID
    if not isinstance(value, str):
        problems.append(_problem(document, path, f"must be a term of {vocabulary}, not {_describe(value)}.",
                                 f"Use one of: {_some_terms(context, vocabulary)}."))
        return _INVALID
    value = value.strip()
    if context.vocabularies.get(vocabulary, value) is None:
        close = context.vocabularies.closest(vocabulary, value)
        hint = (f"Did you mean {' or '.join(repr(c) for c in close)}? " if close else
                f"Use one of: {_some_terms(context, vocabulary)}. ")
        hint += f"The terms are listed under '{vocabulary}' in content/vocabularies.yml."
        problems.append(_problem(document, path, f"'{value}' is not a term of {vocabulary}.", hint))
        return _INVALID
    return value


def _check_file(value: str, spec: FieldSpec, document: SourceDocument, context: ValidationContext, fail) -> Any:
    if "://" in value or value.startswith("/") or ".." in Path(value).parts or "\\" in value:
        return fail(f"'{value}' must be a file name beside the content file.",
                    "Put the image in the same folder as this file and give its name, e.g. kuva.jpg.")
    if not value.lower().endswith(IMAGE_SUFFIXES):
        return fail(f"'{value}' is not an image file.", "Use a .jpg, .png, .webp, .gif, .avif or .svg file.")
    if not (context.file_dir / value).is_file():
        return fail(f"the file '{value}' does not exist beside this file.",
                    f"Add the image to {document.path.rsplit('/', 1)[0]}/ or correct the name (it is case-sensitive).")
    return value


def _problem(document: SourceDocument, path: FieldPath, message: str, hint: str, at_key: bool = False) -> Problem:
    line, column = document.key_position(path) if at_key else document.position(path)
    return Problem(document.path, line, column, ".".join(str(part) for part in path), message, hint)


def _describe(value: Any) -> str:
    if isinstance(value, bool):
        return f"true/false ({str(value).lower()})"
    if isinstance(value, (int, float)):
        return f"a number ({value})"
    if isinstance(value, dt.datetime):
        return "a date and time"
    if isinstance(value, dt.date):
        return f"a date ({value})"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a group of fields"
    return f"text ('{value}')"


def _plain(value: Any) -> str:
    return str(value).lower() if isinstance(value, bool) else str(value)


def _length_ok(value: str, spec: FieldSpec) -> bool:
    return (spec.min_length is None or len(value) >= spec.min_length) and \
        (spec.max_length is None or len(value) <= spec.max_length)


def _count_ok(count: int, spec: FieldSpec) -> bool:
    return (spec.min_items is None or count >= spec.min_items) and (spec.max_items is None or count <= spec.max_items)


def _range_text(low: int | None, high: int | None) -> str:
    if low is not None and high is not None:
        return f"{low}–{high}"
    return f"at least {low}" if low is not None else f"at most {high}"


def _some_terms(context: ValidationContext, vocabulary: str) -> str:
    slugs = context.vocabularies.slugs(vocabulary)
    return ", ".join(slugs[:8]) + (", ..." if len(slugs) > 8 else "")


def _missing_hint(spec: FieldSpec, context: ValidationContext) -> str:
    return f"Add a line '{spec.name}: {_example(spec, context)}' between the '---' lines."


def _fill_hint(spec: FieldSpec, context: ValidationContext) -> str:
    return f"Give it a value, e.g. {spec.name}: {_example(spec, context)}".rstrip(".") + "."  # one full stop


def _example(spec: FieldSpec, context: ValidationContext) -> str:
    if spec.example is not None:
        if isinstance(spec.example, list):
            return "[" + ", ".join(map(str, spec.example)) + "]"
        return str(spec.example).lower() if isinstance(spec.example, bool) else str(spec.example)
    if spec.kind == Kind.TERM:
        return (context.vocabularies.slugs(spec.vocabulary or "") or ["term"])[0]
    if spec.kind == Kind.TERMS:
        return "[" + ", ".join(context.vocabularies.slugs(spec.vocabulary or "")[:2]) + "]"
    if spec.kind == Kind.OBJECT:
        return "{" + ", ".join(f"{sub.name}: ..." for sub in spec.fields if sub.required) + "}"
    return "..."


def _object_hint(spec: FieldSpec, as_list: bool = False) -> str:
    inner = "{" + ", ".join(f"{sub.name}: ..." for sub in spec.fields) + "}"
    return f"Write it as {spec.name}: [{inner}]" if as_list else f"Write it as {spec.name}: {inner}"


def _not_a_list(value: Any, spec: FieldSpec, noun: str, example: str, fail):
    """A single value where a list belongs: show it written as a one-item list."""
    shown = value if isinstance(value, str) else example
    return fail(f"must be a list of {noun}s, not {_describe(value)}.",
                f"Write it as {spec.name}: [{shown}] even for one {noun}.")
