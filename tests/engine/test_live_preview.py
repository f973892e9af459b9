"""The live preview (mkdocs serve): a saved act is rebuilt at once, and its search index follows."""

from __future__ import annotations

import gzip
import subprocess
import sys

from conftest import act

# What `mkdocs serve` does on start and on every save, in one process: load the configuration,
# build with a serve URL; then wait for the search index that the preview builds in the background.
SESSION = """
import sys
from pathlib import Path
from mkdocs.commands.build import build
from mkdocs.config import load_config
from tarkeissa.engine.search_runs import BackgroundIndex

root, site = Path(sys.argv[1]), sys.argv[2]
def rebuild():
    build(load_config(config_file=str(root / "mkdocs.yml"), site_dir=site), serve_url="http://127.0.0.1:8000/")
config = load_config(config_file=str(root / "mkdocs.yml"), site_dir=site)
config.plugins.on_startup(command="serve", dirty=False)
build(config, serve_url="http://127.0.0.1:8000/")
BackgroundIndex.wait()
story = root / "content/acts/teko-1.fi.md"
story.write_text(story.read_text(encoding="utf-8").replace("Tarina alkaa.", "Tarina jatkuu tallennuksen jälkeen."),
                 encoding="utf-8")
rebuild()
print("page rebuilt:", "tallennuksen jälkeen" in (Path(site) / "teot/teko-1/index.html").read_text(encoding="utf-8"))
BackgroundIndex.wait()
"""


def fragments_text(folder):
    return "".join(
        gzip.decompress(path.read_bytes()).decode("utf-8", "replace") for path in (folder / "fragment").iterdir()
    )


def test_a_saved_act_is_rebuilt_and_then_found_by_search(project, tmp_path):
    p = project(
        {
            "content/acts/teko-1.fi.md": act(title="Ensimmäinen teko"),
            "content/acts/teko-2.fi.md": act(title="Toinen teko"),
            "content/acts/luonnos.fi.md": act(title="Luonnosteko", draft="true"),
        }
    )
    site = tmp_path / "served"
    result = subprocess.run(
        [sys.executable, "-c", SESSION, str(p.root), str(site)],
        check=False,
        cwd=p.root,
        capture_output=True,
        text=True,
        timeout=300,
        env={"NO_MKDOCS_2_WARNING": "1", "TT_BUILD_DATE": "2026-11-24", "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0, result.stderr
    assert "page rebuilt: True" in result.stdout  # the page shows the save before the search index is done
    assert "tt-draft-badge" in (site / "teot/luonnos/index.html").read_text(encoding="utf-8")  # preview mode
    index = site / "pagefind"
    text = fragments_text(index)
    assert "tallennuksen jälkeen" in text
    indexed = [
        page
        for page in site.rglob("index.html")
        if "sv" not in page.relative_to(site).parts and "data-pagefind-body" in page.read_text(encoding="utf-8")
    ]
    assert len(indexed) >= 4  # three acts (one a draft) and the accessibility statement
    assert len(list((index / "fragment").iterdir())) == len(indexed)  # the saved act's old version is gone
