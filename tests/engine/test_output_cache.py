"""A build that reuses the previous build's pages writes exactly what a build from nothing writes."""

from __future__ import annotations

import json
import os
import shutil

import pytest
from conftest import act, run_build
from tarkeissa.compat import pagefind_chunk_names

ACTS = {
    f"content/acts/teko-{number}.fi.md": act(
        title=f"Kehittämisteko numero {number}", themes="[palvelumuotoilu]" if number % 2 else "[johtaminen]"
    )
    for number in range(1, 7)
}


def snapshot(site):
    """Every file but Pagefind's bundle, whose chunk names vary from run to run (checked apart)."""
    return {
        str(path.relative_to(site)): path.read_bytes()
        for path in sorted(site.rglob("*"))
        if path.is_file() and "pagefind" not in path.relative_to(site).parts
    }


def build(root, site, cache, timings, **env):
    result = run_build(root, "production", site_dir=site, TT_CACHE_DIR=str(cache), TT_TIMINGS=str(timings), **env)
    assert result.returncode == 0, result.stderr
    return json.loads(timings.read_text(encoding="utf-8"))["counts"]


def fragment_count(site):
    return sum(1 for _ in (site / "pagefind").rglob("*.pf_fragment"))


def assert_index_is_whole_and_clean(site, indexed_pages):
    """In every part of the Finnish index, every chunk the part refers to is there, and nothing else is;
    every indexed page is in one part (and a vocabulary page in each, when there are several)."""
    folders = [site / "pagefind", *sorted((site / "pagefind").glob("part-*"))]
    for folder in folders:
        entry = json.loads((folder / "pagefind-entry.json").read_text(encoding="utf-8"))
        used = set()
        for language in entry["languages"].values():
            used |= pagefind_chunk_names((folder / f"pagefind.{language['hash']}.pf_meta").read_bytes())
        fragments = {path.stem for path in (folder / "fragment").iterdir()}
        assert fragments <= used
        assert {path.stem for kind in ("index", "filter") for path in (folder / kind).iterdir()} <= used
        assert len(list(folder.glob("*.pf_meta"))) == 1
    assert fragment_count(site) == indexed_pages + (len(folders) if len(folders) > 1 else 0)


@pytest.mark.parametrize("part_pages", ["2500", "3"], ids=["one index", "index in parts"])
def test_warm_build_after_edits_equals_a_cold_build(project, tmp_path, part_pages):
    p = project(ACTS)
    warm_site, warm_cache, timings = p.root / "site", tmp_path / "warm-cache", tmp_path / "timings.json"
    env = {"TT_SEARCH_PART_PAGES": part_pages}
    first = build(p.root, warm_site, warm_cache, timings, **env)
    assert first["pages reused"] == 0
    parts = 1 + len(list((warm_site / "pagefind").glob("part-*")))
    assert parts == (1 if part_pages == "2500" else 3)  # 7 Finnish pages indexed, at most about 3 a part
    indexed_pages = fragment_count(warm_site) - (parts if parts > 1 else 0)

    # an editor changes one story, removes another and adds a third
    p.write("content/acts/teko-1.fi.md", act(title="Kehittämisteko numero 1, korjattu", themes="[palvelumuotoilu]"))
    (p.root / "content/acts/teko-2.fi.md").unlink()
    p.write("content/acts/teko-7.fi.md", act(title="Uusi kehittämisteko", themes="[tyohyvinvointi]"))
    second = build(p.root, warm_site, warm_cache, timings, **env)
    assert second["pages reused"] > 10  # the cache was used: this is a warm build
    assert second["pages rendered"] > 0

    cold_site = tmp_path / "cold" / "site"
    build(p.root, cold_site, tmp_path / "cold-cache", tmp_path / "cold-timings.json", **env)
    warm, cold = snapshot(warm_site), snapshot(cold_site)
    assert warm.keys() == cold.keys()
    assert [name for name in warm if warm[name] != cold[name]] == []
    assert "teot/teko-2/index.html" not in warm and "teot/teko-7/index.html" in warm
    assert "Kehittämisteko numero 1, korjattu" in warm["teot/teko-1/index.html"].decode()
    assert_index_is_whole_and_clean(warm_site, indexed_pages)  # one act out, one in


def test_unchanged_rebuild_renders_nothing_and_keeps_every_file(project, tmp_path):
    p = project(ACTS)
    site, cache, timings = p.root / "site", tmp_path / "cache", tmp_path / "timings.json"
    first = build(p.root, site, cache, timings)
    before = snapshot(site)
    counts = build(p.root, site, cache, timings)
    # only the menu's own pages render again: their neighbours in the menu are part of them
    assert counts["pages reused"] + counts["pages rendered"] == first["pages rendered"]
    assert counts["pages reused"] > counts["pages rendered"]
    assert snapshot(site) == before


def test_an_output_file_changed_by_hand_is_rendered_again(project, tmp_path):
    p = project(ACTS)
    site, cache, timings = p.root / "site", tmp_path / "cache", tmp_path / "timings.json"
    build(p.root, site, cache, timings)
    page = site / "teot" / "teko-3" / "index.html"
    original = page.read_bytes()
    page.write_bytes(original.replace(b"Kehitt\xc3\xa4misteko numero 3", b"Vanhentunut otsikko"))
    (site / "teot" / "teko-4" / "index.html").unlink()
    same_size = site / "teot" / "teko-5" / "index.html"
    fifth = same_size.read_bytes()
    same_size.write_bytes(fifth.replace(b"numero 5", b"numero 9"))  # same length: only the bytes tell
    build(p.root, site, cache, timings)
    assert page.read_bytes() == original
    assert (site / "teot" / "teko-4" / "index.html").exists()
    assert same_size.read_bytes() == fifth


def test_a_restored_cache_with_new_file_times_is_still_used(project, tmp_path):
    """A CI cache restores files with other modification times: the bytes decide then."""
    p = project(ACTS)
    site, cache, timings = p.root / "site", tmp_path / "cache", tmp_path / "timings.json"
    first = build(p.root, site, cache, timings)
    before = snapshot(site)
    for path in site.rglob("*"):
        os.utime(path, (1_700_000_000, 1_700_000_000))
    counts = build(p.root, site, cache, timings)
    assert counts["pages reused"] > 0 and counts["pages reused"] + counts["pages rendered"] == first["pages rendered"]
    assert snapshot(site) == before


def test_a_template_change_renders_every_page_again(project, tmp_path):
    p = project(ACTS)
    site, cache, timings = p.root / "site", tmp_path / "cache", tmp_path / "timings.json"
    build(p.root, site, cache, timings)
    footer = p.root / "overrides" / "partials" / "copyright.html"
    footer.write_text(footer.read_text(encoding="utf-8") + "<!-- uusi alatunniste -->\n", encoding="utf-8")
    counts = build(p.root, site, cache, timings)
    assert counts["pages reused"] == 0
    assert "<!-- uusi alatunniste -->" in (site / "teot" / "teko-5" / "index.html").read_text(encoding="utf-8")


def test_an_index_left_half_written_is_built_again(project, tmp_path):
    """A build stopped while Pagefind wrote may leave a broken chunk under its final name."""
    p = project(ACTS)
    site, cache, timings = p.root / "site", tmp_path / "cache", tmp_path / "timings.json"
    build(p.root, site, cache, timings)
    outputs = cache / "output"  # the output cache's records (bodies/ holds the checked bodies)
    fragment = min((site / "pagefind" / "fragment").iterdir())
    good = fragment.read_bytes()
    fragment.write_bytes(good[:10])  # cut short, as a stopped run leaves it
    for record in outputs.rglob("*.json"):
        if record.name.count(".") == 1:  # the build's record, not its lists of files and index keys
            (record.parent / (record.name + ".indexing-fi")).touch()  # the run had started, never finished
    build(p.root, site, cache, timings)
    assert fragment.read_bytes() == good
    assert not list(outputs.rglob("*.indexing-*"))


def test_the_records_of_a_site_folder_that_is_gone_are_deleted(project, tmp_path):
    """Every live preview builds into a new temporary folder: its records must not pile up."""
    p = project(ACTS)
    cache, timings = tmp_path / "cache", tmp_path / "timings.json"
    gone = tmp_path / "preview-1" / "site"
    outputs = cache / "output"  # the records of site folders (bodies/ holds the checked bodies, by content)
    build(p.root, gone, cache, timings)
    assert len(list(outputs.rglob("*.site"))) == 1
    shutil.rmtree(gone)
    build(p.root, p.root / "site", cache, timings)
    sites = list(outputs.rglob("*.site"))
    assert [path.read_text(encoding="utf-8") for path in sites] == [str(p.root / "site")]
    assert {path.name.split(".")[0] for path in outputs.rglob("*") if path.is_file()} == {sites[0].stem}
