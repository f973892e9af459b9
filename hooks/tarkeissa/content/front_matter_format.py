"""The one canonical text of a content file: front matter in the schema's field order, one line per
value, then a blank line and the body. `tarkeissa new`, `tarkeissa format` and the web editor
(templates/admin-format.js, the same rules in JavaScript, tested against this) all write it, so
an edit of one word is a diff of one line.

- keys in the schema's order (groups too), unknown keys after them as they came;
- a plain-text field (summary) as `>-` with its text on one indented line;
- text plain when no YAML reader (PyYAML's 1.1 or the editor's 1.2 core) could take it for
  anything else, else double-quoted on one line; no line is ever folded;
- lists of values in flow style `[a, b]`; lists of groups one `- {key: value}` line per group;
  a group as an indented block;
- dates, numbers, true/false, null as YAML writes them.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from typing import Any

import yaml

from .schema import FieldSpec, Kind, Schema

# Characters never written plain: controls, DEL and C1 (PyYAML refuses some raw), the line and
# paragraph separators and BOM (YAML 1.1 reads them as breaks), the non-characters.
_SPECIAL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]")
_RESERVED = re.compile(
    r"^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE|yes|Yes|YES|no|No|NO|on|On|ON|off|Off|OFF|y|Y|n|N|<<|=)$"
)
_FIRST = set("-?:,[]{}#&*!|>'\"%@` \t0123456789.+<=")
_FLOW = set(",[]{}:?")  # PyYAML ends a plain value in a flow at any of these
_ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\t": "\\t"}


class Unformattable(ValueError):
    """The data holds something the canonical form has no way to write (a key that is not text)."""


def plain_ok(text: str, flow: bool = False) -> bool:
    return bool(
        text
        and text[0] not in _FIRST
        and text[-1] not in " \t:"
        and not _SPECIAL.search(text)
        and ": " not in text
        and " #" not in text
        and not _RESERVED.match(text)
        and not (flow and _FLOW.intersection(text))
    )


def quoted(text: str) -> str:
    out = []
    for char in text:
        if char in _ESCAPES:
            out.append(_ESCAPES[char])
        elif _SPECIAL.match(char):
            out.append(f"\\u{ord(char):04x}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


def scalar(value: Any, flow: bool = False) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return _float(value)
    if isinstance(value, dt.datetime):
        return value.isoformat(" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str):
        return value if plain_ok(value, flow) else quoted(value)
    raise Unformattable(type(value).__name__)


def _float(value: float) -> str:
    if math.isnan(value):
        return ".nan"
    if value in (float("inf"), float("-inf")):
        return ".inf" if value > 0 else "-.inf"
    mantissa, e, exponent = repr(value).partition("e")
    if "." not in mantissa:  # YAML 1.1 reads 1e+20 as text
        mantissa += ".0"
    return mantissa + e + exponent


def comments(yaml_text: str) -> list[tuple[int, int]]:
    """(line, column), 1-based, of every comment in front matter text: a '#' that starts a line or follows
    a space outside any value, which no writer can keep."""
    if "#" not in yaml_text:  # nearly every file: PyYAML's scan, in Python, was most of reading front matter
        return []
    inside = []
    try:
        for token in yaml.scan(yaml_text, Loader=yaml.SafeLoader):
            if isinstance(token, yaml.ScalarToken):
                inside.append((token.start_mark.index, token.end_mark.index))
    except yaml.YAMLError:
        return []
    found = []
    for match in re.finditer(r"(?:^|(?<=[ \t]))#", yaml_text, re.MULTILINE):
        if not any(start <= match.start() < end for start, end in inside):
            line = yaml_text.count("\n", 0, match.start())
            found.append((line + 1, match.start() - (yaml_text.rfind("\n", 0, match.start()) + 1) + 1))
    return found


def _key(key: Any) -> str:
    if not isinstance(key, str):
        raise Unformattable(f"key {key!r}")
    return scalar(key)


def _ordered(data: dict[str, Any], fields: tuple[FieldSpec, ...]) -> list[tuple[Any, Any, FieldSpec | None]]:
    specs = {spec.name: spec for spec in fields}
    known = [(spec.name, data[spec.name], spec) for spec in fields if spec.name in data]
    return known + [(key, value, None) for key, value in data.items() if key not in specs]


def _flow(value: Any, fields: tuple[FieldSpec, ...] = ()) -> str:
    if isinstance(value, list):
        return "[" + ", ".join(_flow(item, fields) for item in value) + "]"
    if isinstance(value, dict):
        return (
            "{"
            + ", ".join(
                f"{_flow_key(key)}: {_flow(item, spec.fields if spec else ())}"
                for key, item, spec in _ordered(value, fields)
            )
            + "}"
        )
    return scalar(value, flow=True)


def _flow_key(key: Any) -> str:
    if not isinstance(key, str):
        raise Unformattable(f"key {key!r}")
    return scalar(key, flow=True)


def _block(data: dict[str, Any], fields: tuple[FieldSpec, ...], indent: str) -> list[str]:
    lines = []
    for key, value, spec in _ordered(data, fields):
        head = f"{indent}{_key(key)}:"
        sub = spec.fields if spec else ()
        if isinstance(value, dict) and value:
            lines += [head, *_block(value, sub, indent + "  ")]
        elif isinstance(value, list) and any(isinstance(item, dict) for item in value):
            lines += [head, *(f"{indent}  - {_flow(item, sub)}" for item in value)]
        elif isinstance(value, list | dict):
            lines.append(f"{head} {_flow(value, sub)}")
        elif value is None:  # an empty field, as `tarkeissa new` leaves it for the editor
            lines.append(head)
        elif spec and spec.kind == Kind.PLAIN_TEXT and isinstance(value, str) and _block_ok(value):
            lines += [f"{head} >-", f"{indent}  {value}"]
        else:
            lines.append(f"{head} {scalar(value)}")
    return lines


def _block_ok(text: str) -> bool:
    return bool(text) and text[0] not in " \t" and text[-1] not in " \t" and not _SPECIAL.search(text)


def front_matter(data: dict[str, Any], schema: Schema) -> str:
    """The YAML between the `---` lines, each line ending in a newline."""
    return "".join(line + "\n" for line in _block(data, schema.fields, ""))


def document(data: dict[str, Any], body: str, schema: Schema) -> str:
    """The whole file: front matter, a blank line, the body (no blank lines around it)."""
    text = body.strip("\n")
    return "---\n" + front_matter(data, schema) + "---\n" + (f"\n{text}\n" if text else "")


__all__ = ["Unformattable", "document", "front_matter", "plain_ok", "quoted"]
