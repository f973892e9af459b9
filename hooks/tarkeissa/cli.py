"""Command line for editors and CI: `tarkeissa check [--format github] [PATH ...]`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .content import Layout, load_content
from .pages import check_site
from .problems import report
from .settings import build_date_from_environment


def find_root(start: Path) -> Path:
    for folder in (start, *start.parents):
        if (folder / "mkdocs.yml").is_file() and (folder / "content").is_dir():
            return folder
    raise SystemExit("tarkeissa: no mkdocs.yml with a content/ folder here or above; run it inside the project.")


def check(args: argparse.Namespace) -> int:
    root = Path(args.root).resolve() if args.root else find_root(Path.cwd().resolve())
    layout = Layout(root, root / "docs")
    only = [Path(p).resolve() for p in args.paths] if args.paths else None
    content = load_content(layout, build_date_from_environment(), only=only)
    problems = list(content.problems)
    if only is None:  # site-wide rules (required pages, unique addresses) need every file
        problems += check_site(content)
    if problems:
        print(report(problems, args.format))
        return 1
    print(f"{content.files_checked} file(s) checked, no problems.")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="tarkeissa", description="Tärkeissä töissä content tools.")
    commands = parser.add_subparsers(dest="command", required=True)
    check_parser = commands.add_parser("check", help="validate content files without building the site")
    check_parser.add_argument("paths", nargs="*", help="only report these files (a pre-commit hook passes them)")
    check_parser.add_argument("--format", choices=("text", "github"), default="text",
                              help="github: annotations for GitHub Actions")
    check_parser.add_argument("--root", help="the project folder (default: found from the current folder)")
    check_parser.set_defaults(run=check)
    args = parser.parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
