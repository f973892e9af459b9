"""One canonical text per content file: `tarkeissa format` keeps every file's data, is idempotent, and the
web editor's writer (admin-format.js, run in Node with the js-yaml the editor loads) writes the same
bytes from the same data."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys

import yaml
from conftest import ROOT
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(ROOT / "hooks"))
from tarkeissa.content import front_matter_format
from tarkeissa.content.schema import ACT
from tarkeissa.content.source import SourceDocument, normalise, parse_text
from tarkeissa.editors import cms_config, formatter

WRITER = ROOT / "hooks/tarkeissa/editors/templates/admin-format.js"
READER = ROOT / "node_modules/js-yaml/dist/js-yaml.js"


def _read(text: str):
    document, problems = parse_text(text, SourceDocument(path="x.md"), content=True)
    assert document.parsed, problems
    return document.data, document.body.strip("\n")


def _node(script: str, payload) -> str:
    result = subprocess.run(
        ["node", "-e", script], input=json.dumps(payload), capture_output=True, text=True, timeout=120, check=True
    )
    return result.stdout


def test_every_starter_file_is_canonical_and_keeps_its_data():
    files = formatter.content_files(ROOT)
    assert len(files) > 40
    for path in files:
        text = normalise(path.read_bytes())
        canonical, why = formatter.canonical(ROOT, path)
        assert canonical is not None, why
        assert _read(canonical) == _read(text), path  # data before == data after
        assert canonical == text, f"{path}: run `tarkeissa format`"


def test_the_editors_writer_reads_and_writes_every_starter_file_unchanged():
    """Decap's fromFile then toFile, as the editor calls them on open and save, over every starter file."""
    files = formatter.content_files(ROOT)
    layouts = cms_config.layouts()
    payload = [
        [path.read_text(encoding="utf-8"), layouts[formatter.schema_for(ROOT, path, _read(path.read_text())[0]).name]]
        for path in files
        if formatter.schema_for(ROOT, path, _read(path.read_text())[0]).name in layouts
    ]
    script = f"""
    const jsyaml = require({json.dumps(str(READER))});
    const writer = require({json.dumps(str(WRITER))});
    const files = JSON.parse(require("fs").readFileSync(0, "utf8"));
    const out = files.map(([text, fields]) => {{
      const format = writer.formatter(fields, jsyaml);
      return format.toFile(format.fromFile(text));
    }});
    process.stdout.write(JSON.stringify(out));
    """
    written = json.loads(_node(script, payload))
    assert len(written) == len(payload) > 40
    changed = [text for (text, _), out in zip(payload, written, strict=True) if out != text]
    assert changed == []


_text = st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=40)
_scalar = st.one_of(
    _text,
    st.integers(-(10**6), 10**6),
    st.booleans(),
    st.none(),
    st.dates(dt.date(1900, 1, 1), dt.date(2100, 1, 1)),
)
# not a whole number: JavaScript orders such keys first in any object, whatever order they came in
_key = st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), min_size=1, max_size=12).filter(
    lambda key: not key.isdigit()
)
_value = st.recursive(
    _scalar, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_key, inner, max_size=4), max_leaves=12
)
_field_names = st.sampled_from([spec.name for spec in ACT.fields])
_front_matter = st.dictionaries(st.one_of(_field_names, _key), _value, min_size=1, max_size=8)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_front_matter, _text)
def test_canonical_text_keeps_any_data_and_is_its_own_form(data, body):
    text = front_matter_format.document(data, body, ACT)
    read, read_body = _read(text)
    assert read == data and list(read) == list(read)
    assert read_body == body.strip("\n")
    assert front_matter_format.document(read, read_body, ACT) == text
    assert yaml.safe_load(text.split("---\n")[1]) == data  # plain PyYAML agrees too


_json_scalar = st.one_of(_text, st.integers(-(10**6), 10**6), st.booleans())
_json_value = st.recursive(
    _json_scalar, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_key, inner, max_size=4), max_leaves=10
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.dictionaries(st.one_of(_field_names, _key), _json_value, min_size=1, max_size=6), max_size=20))
def test_the_editors_writer_writes_what_python_writes(batch):
    """No empty value (the editor drops what an emptied field leaves), no date (the editor holds dates as text)."""

    def nonempty(value):
        if isinstance(value, list):
            return [nonempty(v) for v in value if v not in ("", [], {})]
        if isinstance(value, dict):
            return {k: nonempty(v) for k, v in value.items() if v not in ("", [], {})}
        return value

    batch = [nonempty(data) for data in batch]
    batch = [
        data for data in batch if "body" not in data and all(nonempty(v) not in ("", [], {}) for v in data.values())
    ]
    fields = cms_config.layouts()["act"]
    script = f"""
    const writer = require({json.dumps(str(WRITER))});
    const batch = JSON.parse(require("fs").readFileSync(0, "utf8"));
    process.stdout.write(JSON.stringify(batch.map((data) => writer.frontMatter(data, {json.dumps(fields)}))));
    """
    written = json.loads(_node(script, batch))
    assert written == [front_matter_format.front_matter(data, ACT) for data in batch]
