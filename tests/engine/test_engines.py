"""The build runs on MkDocs 1.6 and on ProperDocs, its maintained fork, with the same output."""

from __future__ import annotations

import gzip
import os
import subprocess
import sys
from pathlib import Path

import pytest
from body_batch import BLIND_CHECK
from conftest import BUILD_DATE, ROOT, act

GENERATOR = b'<meta name="generator" content="'


def build(root: Path, engine: str, site: Path, **env) -> subprocess.CompletedProcess:
    environ = {
        **os.environ,
        "TT_BUILD_DATE": BUILD_DATE,
        "TT_MODE": "production",
        "NO_MKDOCS_2_WARNING": "1",
        "TT_CACHE_DIR": str(site.parent / f".cache-{engine}"),
        **env,
    }
    return subprocess.run(
        [sys.executable, "-m", engine, "build", "-f", str(root / "mkdocs.yml"), "-d", str(site)],
        check=False,
        cwd=root,
        env=environ,
        capture_output=True,
        text=True,
        timeout=600,
    )


def files(site: Path) -> dict[str, bytes]:
    return {path.relative_to(site).as_posix(): path.read_bytes() for path in sorted(site.rglob("*")) if path.is_file()}


def without_generator(data: bytes) -> bytes:
    return b"\n".join(line for line in data.split(b"\n") if GENERATOR not in line)


def test_the_starter_site_is_the_same_on_mkdocs_and_properdocs(tmp_path):
    results = {engine: build(ROOT, engine, tmp_path / engine / "site") for engine in ("mkdocs", "properdocs")}
    for engine, result in results.items():
        assert result.returncode == 0, (engine, result.stderr)
        assert "Page skipped" not in result.stderr, engine  # the forked half's pages are not news on either
    made = {engine: files(tmp_path / engine / "site") for engine in results}
    # Pagefind names some index files by a hash that differs from one cold run to the next whatever
    # the engine; what a search finds is the same: the pages' fragments, and the count of each kind.
    index = {
        engine: {name: data for name, data in found.items() if "pagefind/" in name} for engine, found in made.items()
    }
    made = {
        engine: {name: data for name, data in found.items() if name not in index[engine]}
        for engine, found in made.items()
    }
    assert made["mkdocs"].keys() == made["properdocs"].keys()
    assert {gzip.decompress(data) for name, data in index["mkdocs"].items() if "/fragment/" in name} == {
        gzip.decompress(data) for name, data in index["properdocs"].items() if "/fragment/" in name
    }
    kinds = {
        engine: sorted(name.rpartition("/")[0] + name.rpartition(".")[2] for name in found)
        for engine, found in index.items()
    }
    assert kinds["mkdocs"] == kinds["properdocs"]
    differing = [name for name in made["mkdocs"] if made["mkdocs"][name] != made["properdocs"][name]]
    assert differing and all(name.endswith(".html") for name in differing)  # the generator tag names the engine
    assert [
        name
        for name in differing
        if without_generator(made["mkdocs"][name]) != without_generator(made["properdocs"][name])
    ] == []


def test_what_only_the_build_could_refuse_fails_the_properdocs_build_too(project, tmp_path):
    """Strict mode counts the engine's own logger's warnings: under ProperDocs that is 'properdocs'."""
    hook = BLIND_CHECK
    built = project(
        {
            "blind_check_hook.py": hook,
            "content/acts/ohi-paassyt.fi.md": act().replace("Tarina alkaa.", "<img src=x onerror=alert(5150)>"),
        }
    )
    config = built.root / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("hooks:\n", "hooks:\n  - blind_check_hook.py\n"), encoding="utf-8"
    )
    result = build(built.root, "properdocs", tmp_path / "site", TT_JOBS="1")
    assert result.returncode != 0
    assert "content/acts/ohi-paassyt.fi.md:" in result.stderr and "onerror" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("engine", ["mkdocs", "properdocs"])
def test_make_builds_with_the_engine_chosen(engine):
    result = subprocess.run(
        ["make", "-n", "build", f"ENGINE={engine}"], check=True, cwd=ROOT, capture_output=True, text=True
    )
    assert f".venv/bin/{engine} build" in result.stdout
