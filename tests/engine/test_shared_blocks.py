"""The blocks of Material's templates that pages share are rendered once per build
(compat.share_blocks); the site is byte for byte the site every page renders in full gives."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from conftest import ROOT, add_test_hook, run_build

sys.path.insert(0, str(ROOT / "scripts"))
from generate_corpus import generate

STOCK_HOOK = "stock_templates_hook.py"


def snapshot(site: Path) -> dict[str, bytes]:
    # Pagefind names some chunks differently from run to run (test_search.py compares what it finds).
    return {
        str(path.relative_to(site)): path.read_bytes()
        for path in sorted(site.rglob("*"))
        if path.is_file() and "pagefind" not in path.relative_to(site).parts
    }


def starter(root: Path) -> None:
    generate(0, root)
    for path in (ROOT / "content" / "acts").iterdir():  # the real starter acts
        (root / "content" / "acts" / path.name).write_bytes(path.read_bytes())


@pytest.mark.parametrize("corpus", ["starter", "generated"])
def test_shared_blocks_give_the_site_each_page_rendering_all_of_its_blocks_gives(tmp_path, corpus):
    root = tmp_path / "project"
    starter(root) if corpus == "starter" else generate(60, root)
    sites, counts = {}, {}
    for name in ("shared", "stock"):
        if name == "stock":
            add_test_hook(root, STOCK_HOOK)
        timings = tmp_path / f"timings-{name}.json"
        result = run_build(root, "production", site_dir=tmp_path / name, TT_JOBS="1", TT_TIMINGS=str(timings))
        assert result.returncode == 0, result.stderr
        sites[name] = snapshot(tmp_path / name)
        counts[name] = json.loads(timings.read_text(encoding="utf-8"))["counts"]
    pages = sum(1 for name in sites["shared"] if name.endswith("index.html"))
    # the shared build renders each shared block a few times and reuses it on nearly every page
    assert counts["shared"]["shared blocks reused"] > 3 * pages > 3 * counts["shared"]["shared blocks rendered"]
    assert counts["stock"]["shared blocks reused"] == 0 == counts["stock"]["shared blocks rendered"]
    assert len(sites["shared"]) > 200 and sites["shared"].keys() == sites["stock"].keys()
    assert [name for name in sites["shared"] if sites["shared"][name] != sites["stock"][name]] == []
