"""Check one document's front matter against a schema; every problem is returned, none raised."""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from .messages import Phrase, file_language, phrase
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
# reports a problem of the value being checked, and gives _INVALID
Fail = Callable[..., object]


@dataclass
class ValidationContext:
    vocabularies: Vocabularies
    today: dt.date
    file_dir: Path  # the directory of the file being checked, for FILE fields


def validate(
    document: SourceDocument, schema: Schema, context: ValidationContext, may_omit: tuple[str, ...] = ()
) -> tuple[dict[str, Any], list[Problem]]:
    """`may_omit`: top-level fields a translation may leave out; content.py takes them from its counterpart."""
    problems: list[Problem] = []
    data = document.data
    specs = tuple(spec for spec in schema.fields if spec.name not in may_omit or spec.name in data)
    values = _check_fields(data, specs, (), schema, document, context, problems, known=schema.fields)
    return values, problems


def _check_fields(
    data: dict[str, Any],
    specs: tuple[FieldSpec, ...],
    path: FieldPath,
    schema: Schema,
    document: SourceDocument,
    context: ValidationContext,
    problems: list[Problem],
    known: tuple[FieldSpec, ...] | None = None,
) -> dict[str, Any]:
    names = [spec.name for spec in (specs if known is None else known)]
    for key in data:
        if key not in names:
            close = difflib.get_close_matches(str(key), names, n=1, cutoff=0.6)
            where = phrase("where.group", group=".".join(map(str, path))) if path else phrase(f"where.{schema.name}")
            problems.append(
                _problem(
                    document,
                    (*path, key),
                    "field.unknown",
                    at_key=True,
                    where=where,
                    suggestion=phrase("suggest.field", name=close[0]) if close else "",
                    fields=", ".join(names),
                )
            )
    clean: dict[str, Any] = {}
    for spec in specs:
        field_path = (*path, spec.name)
        value = data.get(spec.name)
        if value is None or (isinstance(value, str) and not value.strip()):
            if spec.required:
                if spec.name in data:
                    problems.append(
                        _problem(
                            document,
                            field_path,
                            "field.empty",
                            field=spec.name,
                            example=_example(spec, context, document).rstrip("."),
                        )
                    )
                else:
                    problems.append(
                        _problem(
                            document,
                            field_path,
                            "field.required",
                            field=spec.name,
                            example=_example(spec, context, document),
                        )
                    )
            continue
        checked = _check_value(value, spec, field_path, schema, document, context, problems)
        if checked is not _INVALID:
            clean[spec.name] = checked
    for spec in specs:
        if (
            spec.not_before
            and spec.name in clean
            and spec.not_before in clean
            and clean[spec.name] < clean[spec.not_before]
        ):
            problems.append(
                _problem(
                    document,
                    (*path, spec.name),
                    "field.date-order",
                    value=clean[spec.name],
                    other=spec.not_before,
                    other_value=clean[spec.not_before],
                    field=spec.name,
                )
            )
    return clean


def _check_value(
    value: Any,
    spec: FieldSpec,
    path: FieldPath,
    schema: Schema,
    document: SourceDocument,
    context: ValidationContext,
    problems: list[Problem],
) -> Any:
    def fail(rule: str, where: FieldPath = path, /, **params: Any) -> object:
        problems.append(_problem(document, where, rule, **params))
        return _INVALID

    kind = spec.kind
    if kind in (Kind.TEXT, Kind.PLAIN_TEXT, Kind.SLUG, Kind.CAMPAIGN, Kind.FILE, Kind.EMAIL, Kind.HTTPS_URL):
        if not isinstance(value, str):
            return fail("field.not-text", actual=_describe(value), field=spec.name, value=_plain(value))
        value = value.strip()
        if kind in (Kind.TEXT, Kind.PLAIN_TEXT) and not _length_ok(value, spec):
            return fail(
                "field.too-long" if spec.max_length and len(value) > spec.max_length else "field.too-short",
                length=len(value),
                range=_range_text(spec.min_length, spec.max_length),
            )
        if kind == Kind.PLAIN_TEXT and (match := MARKUP.search(value)):
            return fail("field.markup", markup=match.group(0).strip())
        if spec.prefix and not value.startswith(spec.prefix):
            return fail("field.prefix", prefix=spec.prefix, field=spec.name, suggestion=spec.prefix + value.lstrip("#"))
        if kind == Kind.SLUG and not SLUG.match(value):
            return fail("field.invalid-slug", value=value, example=_example(spec, context, document))
        if kind == Kind.CAMPAIGN and not SLUG.match(value):
            return fail("field.invalid-campaign-id", value=value)
        if kind == Kind.EMAIL and not EMAIL.fullmatch(value):
            return fail("field.invalid-email", value=value, example=_example(spec, context, document))
        if kind == Kind.HTTPS_URL:
            parts = urlsplit(value)
            if parts.scheme != "https" or not parts.netloc or " " in value:
                return fail("field.not-https", value=value)
        if kind == Kind.FILE:
            return _check_file(value, spec, document, context, fail)
        return value
    if kind == Kind.TEXT_LIST:
        if not isinstance(value, list):
            return fail("field.not-a-list", actual=_describe(value), field=spec.name)
        items = []
        for index, item in enumerate(value):
            checked = _check_value(
                item,
                FieldSpec(
                    spec.name, Kind.TEXT, spec.description, min_length=spec.min_length, max_length=spec.max_length
                ),
                (*path, index),
                schema,
                document,
                context,
                problems,
            )
            if checked is not _INVALID:
                items.append(checked)
        return items
    if kind == Kind.IDS:
        if not isinstance(value, list):
            return _not_a_list(value, spec, "field.ids-not-a-list", "vanha-tunniste", fail)
        ids: list[str] = []
        for index, item in enumerate(value):
            if not isinstance(item, str) or not ITEM_ID_TEXT.match(item.strip()):
                fail("field.invalid-id", (*path, index), value=_plain(item))
            elif item.strip() in ids:
                fail("field.repeated-id", (*path, index), value=item.strip())
            else:
                ids.append(item.strip())
        return ids
    if kind == Kind.TERM:
        return _check_term(value, spec, path, document, context, problems)
    if kind == Kind.TERMS:
        if not isinstance(value, list):
            return _not_a_list(value, spec, "field.terms-not-a-list", "term", fail)
        terms: list[str] = []
        for index, item in enumerate(value):
            term = _check_term(item, spec, (*path, index), document, context, problems)
            if term is _INVALID:
                continue
            if term in terms:
                fail("field.repeated-term", (*path, index), value=term)
                continue
            terms.append(term)
        if not _count_ok(len(value), spec):
            return fail(
                "field.too-many-terms" if spec.max_items and len(value) > spec.max_items else "field.too-few-terms",
                count=len(value),
                range=_range_text(spec.min_items, spec.max_items),
            )
        return terms
    if kind == Kind.DATE:
        if isinstance(value, dt.datetime):
            return fail("field.date-with-time", field=spec.name, date=value.date())
        if isinstance(value, str) and DATE_TEXT.match(value.strip()):
            try:
                value = dt.date.fromisoformat(value.strip())
            except ValueError:
                return fail("field.impossible-date", value=value)
        if not isinstance(value, dt.date):
            return fail("field.not-a-date", value=_plain(value), field=spec.name)
        if spec.not_in_future and value > context.today:
            return fail("field.future-date", value=value, today=context.today)
        return value
    if kind == Kind.YEAR:
        this_year = context.today.year
        if isinstance(value, bool) or not isinstance(value, int):
            return fail("field.not-a-year", actual=_describe(value), field=spec.name)
        if (spec.min_value is not None and value < spec.min_value) or (
            spec.max_value_is_this_year and value > this_year
        ):
            return fail("field.year-range", value=str(value), low=str(spec.min_value), high=str(this_year))
        return value
    if kind == Kind.BOOLEAN:
        if not isinstance(value, bool):
            return fail("field.not-boolean", actual=_describe(value), field=spec.name)
        return value
    if kind == Kind.CONSTANT:
        if value != spec.constant:
            return fail("field.constant", constant=spec.constant, field=spec.name)
        return value
    if kind == Kind.OBJECT:
        if not isinstance(value, dict):
            return fail("field.not-a-group", actual=_describe(value), field=spec.name, shape=_shape(spec))
        return _check_fields(value, spec.fields, path, schema, document, context, problems)
    if kind == Kind.OBJECT_LIST:
        if not isinstance(value, list):
            return fail("field.not-a-list-of-groups", actual=_describe(value), field=spec.name, shape=_shape(spec))
        items = []
        for index, item in enumerate(value):
            if not isinstance(item, dict):
                fail(
                    "field.item-not-a-group",
                    (*path, index),
                    number=index + 1,
                    actual=_describe(item),
                    field=spec.name,
                    shape=_shape(spec),
                )
                continue
            items.append(_check_fields(item, spec.fields, (*path, index), schema, document, context, problems))
        return items
    raise AssertionError(f"unhandled kind {kind}")  # pragma: no cover - the schema is ours


def _check_term(
    value: Any,
    spec: FieldSpec,
    path: FieldPath,
    document: SourceDocument,
    context: ValidationContext,
    problems: list[Problem],
) -> Any:
    vocabulary = spec.vocabulary or ""
    if isinstance(value, list):
        problems.append(
            _problem(
                document,
                path,
                "field.one-term",
                field=spec.name,
                term=_plain(value[0]) if value else _example(spec, context, document),
            )
        )
        return _INVALID
    if not isinstance(value, str):
        problems.append(
            _problem(
                document,
                path,
                "field.term-not-text",
                vocabulary=vocabulary,
                actual=_describe(value),
                terms=_some_terms(context, vocabulary),
            )
        )
        return _INVALID
    value = value.strip()
    if context.vocabularies.get(vocabulary, value) is None:
        close = context.vocabularies.closest(vocabulary, value)
        problems.append(
            _problem(
                document,
                path,
                "field.unknown-term",
                value=value,
                vocabulary=vocabulary,
                suggestion=_suggestion(close)
                if close
                else phrase("suggest.use-one-of", terms=_some_terms(context, vocabulary)),
            )
        )
        return _INVALID
    return value


def _check_file(value: str, spec: FieldSpec, document: SourceDocument, context: ValidationContext, fail: Fail) -> Any:
    if "://" in value or value.startswith("/") or ".." in Path(value).parts or "\\" in value:
        return fail("field.file-elsewhere", value=value, example=_example(spec, context, document))
    if not value.lower().endswith(IMAGE_SUFFIXES):
        return fail("field.not-an-image", value=value)
    if not (context.file_dir / value).is_file():
        return fail("field.file-missing", value=value, folder=document.path.rsplit("/", 1)[0])
    return value


def _problem(document: SourceDocument, path: FieldPath, rule: str, /, at_key: bool = False, **params: Any) -> Problem:
    line, column = document.key_position(path) if at_key else document.position(path)
    return Problem.at(document.path, line, column, ".".join(str(part) for part in path), rule, **params)


def _describe(value: Any) -> Phrase:
    """What a value is, as a phrase of the catalogue."""
    if isinstance(value, bool):
        return phrase("actual.boolean", value=str(value).lower())
    if isinstance(value, (int, float)):
        return phrase("actual.number", value=str(value))
    if isinstance(value, dt.datetime):
        return phrase("actual.datetime")
    if isinstance(value, dt.date):
        return phrase("actual.date", value=str(value))
    if isinstance(value, list):
        return phrase("actual.list")
    if isinstance(value, dict):
        return phrase("actual.group")
    return phrase("actual.text", value=str(value))


def _plain(value: Any) -> str:
    return str(value).lower() if isinstance(value, bool) else str(value)


def _length_ok(value: str, spec: FieldSpec) -> bool:
    return (spec.min_length is None or len(value) >= spec.min_length) and (
        spec.max_length is None or len(value) <= spec.max_length
    )


def _count_ok(count: int, spec: FieldSpec) -> bool:
    return (spec.min_items is None or count >= spec.min_items) and (spec.max_items is None or count <= spec.max_items)


def _range_text(low: int | None, high: int | None) -> Phrase:
    if low is not None and high is not None:
        return phrase("range.between", low=low, high=high)
    return phrase("range.at-least", low=low) if low is not None else phrase("range.at-most", high=high)


def _suggestion(close: list[str]) -> Phrase:
    """'a' or 'b' or 'c', in the hint's language."""
    terms: str | Phrase = repr(close[-1])
    for term in reversed(close[:-1]):
        terms = phrase("suggest.terms-or", first=repr(term), second=terms)
    return phrase("suggest.term", terms=terms)


def _some_terms(context: ValidationContext, vocabulary: str) -> str:
    slugs = context.vocabularies.slugs(vocabulary)
    return ", ".join(slugs[:8]) + (", ..." if len(slugs) > 8 else "")


def _example(spec: FieldSpec, context: ValidationContext, document: SourceDocument) -> str:
    """A value for the field, in the file's own language: never empty."""
    example = spec.example_sv if spec.example_sv is not None and file_language(document.path) == "sv" else spec.example
    if example is not None:
        if isinstance(example, list):
            return "[" + ", ".join(map(str, example)) + "]"
        return str(example).lower() if isinstance(example, bool) else str(example)
    if spec.kind == Kind.TERM:
        return (context.vocabularies.slugs(spec.vocabulary or "") or ["term"])[0]
    if spec.kind == Kind.TERMS:
        return "[" + ", ".join(context.vocabularies.slugs(spec.vocabulary or "")[:2] or ["term"]) + "]"
    if spec.kind == Kind.OBJECT:
        return (
            "{"
            + ", ".join(f"{sub.name}: {_example(sub, context, document)}" for sub in spec.fields if sub.required)
            + "}"
        )
    if spec.kind == Kind.OBJECT_LIST:
        return "[{" + ", ".join(f"{sub.name}: {_example(sub, context, document)}" for sub in spec.fields) + "}]"
    return "..."  # pragma: no cover - test_messages checks that every field has an example


def _shape(spec: FieldSpec) -> str:
    return "{" + ", ".join(f"{sub.name}: ..." for sub in spec.fields) + "}"


def _not_a_list(value: Any, spec: FieldSpec, rule: str, example: str, fail: Fail) -> object:
    """A single value where a list belongs: show it written as a one-item list."""
    shown = value if isinstance(value, str) else example
    return fail(rule, actual=_describe(value), field=spec.name, value=shown)
