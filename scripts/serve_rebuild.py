"""Time what an editor waits for in `mkdocs serve`: the rebuild after saving one act.

    python scripts/serve_rebuild.py /tmp/corpus-1000 [--saves 3] [--profile out.prof]

Runs the live preview's own build function in one process, as `mkdocs serve` does: a first
build, then one rebuild per save, each after appending a sentence to the same act. Prints the
seconds of every rebuild. The server itself (waiting for file events, reloading the browser) is
not part of the figure.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import shutil
import tempfile
import time
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("project", type=Path)
    parser.add_argument("--saves", type=int, default=3)
    parser.add_argument("--profile", type=Path, help="write a cProfile of the last rebuild here")
    args = parser.parse_args()
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    os.environ["TT_TIMINGS"] = str(Path(tempfile.mkdtemp()) / "timings.json")
    os.environ.pop("TT_MODE", None)  # the live preview's own mode: preview, drafts shown

    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from tarkeissa.engine.search_runs import BackgroundIndex

    site_dir = tempfile.mkdtemp(prefix="mkdocs_")  # as mkdocs serve does
    config_file = str(args.project / "mkdocs.yml")

    def get_config():
        return load_config(config_file=config_file, site_dir=site_dir, dev_addr="127.0.0.1:8000")

    config = get_config()
    config.plugins.on_startup(command="serve", dirty=False)
    start = time.perf_counter()
    build(config, serve_url="http://127.0.0.1:8000/")
    print(f"first build: {time.perf_counter() - start:.2f} s", flush=True)
    BackgroundIndex.wait()
    act = min((args.project / "content" / "acts").glob("*.fi.md"))
    for save in range(1, args.saves + 1):
        act.write_text(act.read_text(encoding="utf-8") + f"\nTallennus {save}.\n", encoding="utf-8")
        profiler = cProfile.Profile() if args.profile and save == args.saves else None
        start = time.perf_counter()
        if profiler:
            profiler.enable()
        build(get_config(), serve_url="http://127.0.0.1:8000/")  # serve loads the configuration again
        if profiler:
            profiler.disable()
            profiler.dump_stats(args.profile)
        seconds = time.perf_counter() - start
        phases = json.loads(Path(os.environ["TT_TIMINGS"]).read_text(encoding="utf-8"))["phases"]
        print(
            f"rebuild after save {save}: {seconds:.2f} s  ("
            + ", ".join(f"{name} {value:.2f}" for name, value in phases.items() if value >= 0.005)
            + ")",
            flush=True,
        )
        BackgroundIndex.wait()  # the editor reads the page; the search index catches up meanwhile
    page = Path(site_dir) / "teot" / act.name.split(".")[0] / "index.html"
    assert f"Tallennus {args.saves}." in page.read_text(encoding="utf-8"), "the saved act was not rebuilt"
    shutil.rmtree(site_dir)


if __name__ == "__main__":
    main()
