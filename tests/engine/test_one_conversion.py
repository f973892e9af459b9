"""One conversion per body per build: the check's converted, sanitized body is what the page renders,
and it is kept between runs (content.body_cache), keyed by all it depends on."""

from __future__ import annotations

import datetime as dt
import json
import os
import time
from pathlib import Path

import pytest
from conftest import BUILD_DATE, act
from tarkeissa.content import body_cache, body_policy, markdown_setup
from tarkeissa.content.body_policy import ConvertedBody, publish_body
from tarkeissa.content.links import BodyPlace, SiteFiles
from tarkeissa.content.load import Layout, load_content
from test_body_property import PNG

HOOKS = Path(__file__).parent

BODY = (
    "## Lähtötilanne\n\nTarina alkaa.[^1] Katso [toinen teko](toinen-teko.fi.md#tulokset) ja"
    " [ruotsiksi](toinen-teko.sv.md).\n\n### Tulokset\n\n- [x] valmis\n\n[^1]: Lähde.\n"
)
SWEDISH = "## Utgångsläget\n\nBerättelsen börjar.[^1]\n\n[^1]: Källa.\n"
# a page whose slug gives it another address than its file name: a link to it is written anew
TO_SLUG = "## Lähtötilanne\n\nLue [saavutettavuusseloste](../../docs/accessibility.fi.md).\n"


def story(body: str) -> str:
    return act().replace("## Lähtötilanne\n\nTarina alkaa.\n", body)


def files() -> dict[str, str]:
    return {
        "content/acts/eka-teko.fi.md": story(BODY),
        "content/acts/toinen-teko.fi.md": act(),
        "content/acts/toinen-teko.sv.md": story(SWEDISH),
        "content/acts/kolmas-teko.fi.md": story(TO_SLUG),
    }


def with_hook(built, name: str) -> None:
    built.write(name, (HOOKS / name).read_text(encoding="utf-8"))
    config = built.root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("hooks:\n", f"hooks:\n  - {name}\n"), encoding="utf-8")


def conversions(folder: Path) -> list[str]:
    return [json.loads(line)["source"] for path in folder.glob("*.jsonl") for line in path.read_text().splitlines()]


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_the_build_converts_a_content_body_only_where_its_links_read_otherwise(project, tmp_path, jobs):
    built = project(files())
    with_hook(built, "convert_count_hook.py")
    record = tmp_path / "conversions"
    record.mkdir()
    result = built.build(TT_JOBS=jobs, TT_TEST_CONVERSIONS=str(record))
    assert result.returncode == 0, result.stderr
    converted = conversions(record)
    assert "" in converted  # generated pages still convert their (empty) bodies here
    # the one body linking to a page its slug moves; every other body is the check's conversion
    assert sorted(source for source in converted if source) == ["content/acts/kolmas-teko.fi.md"]
    first = built.html("teot/eka-teko")
    assert 'href="../toinen-teko/#tulokset"' in first and 'title="Sivu ruotsiksi"' in first
    assert 'id="tulokset"' in first and 'href="#fn:1"' in first and 'title="Takaisin viitteeseen 1"' in first
    assert 'href="#tulokset"' in first  # the page's table of contents, from the check's toc tokens
    assert 'title="Tillbaka till fotnot 1"' in built.html("sv/garningar/toinen-teko")
    assert 'href="../../saavutettavuusseloste/"' in built.html("teot/kolmas-teko")


def load(root: Path, cache: Path | None):
    return load_content(Layout(root, root / "docs"), dt.date.fromisoformat(BUILD_DATE), cache_dir=cache)


def bodies(content) -> dict[str, ConvertedBody | None]:
    return {e.source_path: e.converted for versions in content.acts.values() for e in versions.values()}


def test_a_cache_hit_is_the_miss_and_converts_nothing(project, tmp_path, monkeypatch):
    broken = story("## Lähtötilanne\n\n![Kuva](kuva.png) <span onclick=x>!</span>\n")
    built = project({**files(), "content/acts/neljas-teko.fi.md": broken})
    cache = tmp_path / "bodies"
    uncached = load(built.root, None)
    missed = load(built.root, cache)
    assert any(cache.glob("*/*.json"))
    calls = []
    convert = body_policy._convert

    def counted(*args):
        calls.append(args)
        return convert(*args)

    monkeypatch.setattr(body_policy, "_convert", counted)
    hit = load(built.root, cache)
    assert calls == []  # every body from the cache
    assert bodies(hit) == bodies(missed) == bodies(uncached)
    assert all(bodies(hit).values())
    assert hit.problems == missed.problems == uncached.problems
    # what the build benchmark counts as conversion work (TT_TIMINGS' "work cpu"): none for kept bodies
    assert missed.conversion_seconds() > 0 and uncached.conversion_seconds() > 0 and hit.conversion_seconds() == 0
    assert {p.rule for p in hit.problems} >= {"body.link-not-found", "body.refused-event-handler"}
    # the missing file comes: the entry that read it as missing is not used, and the link resolves
    built.write("content/acts/kuva.png", PNG)
    fixed = load(built.root, cache)
    assert [args[1].source for args in calls] == ["content/acts/neljas-teko.fi.md"]
    assert "body.link-not-found" not in {p.rule for p in fixed.problems}
    repaired = bodies(fixed)["content/acts/neljas-teko.fi.md"]
    assert repaired is not None and 'src="../../media/acts/kuva.png"' in repaired.html


def test_an_edited_body_is_converted_again_and_its_old_entry_deleted(project, tmp_path):
    built = project(files())
    cache = tmp_path / "bodies"
    load(built.root, cache)
    before = set(cache.glob("*/*.json"))
    an_hour_ago = time.time() - 3600
    for entry in before:  # as if the run that made them was an hour ago
        os.utime(entry, (an_hour_ago, an_hour_ago))
    built.write("content/acts/eka-teko.fi.md", story(BODY + "\nLisää.\n"))
    edited = load(built.root, cache)
    changed = bodies(edited)["content/acts/eka-teko.fi.md"]
    assert changed is not None and "<p>Lisää.</p>" in changed.html
    after = set(cache.glob("*/*.json"))
    assert len(after) == len(before) and len(after - before) == 1


def test_the_cache_key_changes_with_what_shapes_a_conversion(monkeypatch):
    key = body_cache.setup_key()
    assert body_cache.setup_key() == key
    changes = [
        (markdown_setup, "EXTENSIONS", (*markdown_setup.EXTENSIONS, "sane_lists")),
        (markdown_setup, "CONFIGS", {**markdown_setup.CONFIGS, "toc": {"permalink": True}}),
        (body_policy, "TAGS", body_policy.TAGS | {"form"}),
        (body_policy, "ATTRIBUTES", {**body_policy.ATTRIBUTES, "a": {"href", "target"}}),
        (body_policy, "CLASSES", body_policy.CLASSES | {"shout"}),
        (body_cache, "_installed", lambda name: "99" if name == "nh3" else body_cache.version(name)),
    ]
    for module, name, value in changes:
        with monkeypatch.context() as patch:
            patch.setattr(module, name, value)
            assert body_cache.setup_key() != key, name
    cache = body_cache.BodyCache(Path("unused"))
    place = BodyPlace("content/acts/a.fi.md", "fi", "teot/a/", SiteFiles())
    keys = {
        cache.key("Teksti.", "content/acts/a.fi.md", 9, place),
        cache.key("Teksti!", "content/acts/a.fi.md", 9, place),
        cache.key("Teksti.", "content/acts/a.fi.md", 10, place),
        cache.key("Teksti.", "content/acts/a.fi.md", 9, BodyPlace(place.source, "sv", place.url)),
        cache.key("Teksti.", "content/acts/a.fi.md", 9, BodyPlace(place.source, "fi", "teot/b/")),
    }
    assert len(keys) == 5


def test_what_the_check_publishes_is_what_it_carries(tmp_path):
    place = BodyPlace("content/acts/a.fi.md", "fi", "teot/a/", SiteFiles())
    checked = body_policy.checked_body(BODY, place.source, 7, place, body_cache.BodyCache(tmp_path))
    html, problems = publish_body(BODY, place.source, 7, place)
    assert checked.converted is not None and checked.converted.html == html
    assert list(checked.problems) == problems
    kept = body_policy.checked_body(BODY, place.source, 7, place, body_cache.BodyCache(tmp_path))
    assert kept == checked
