"""Command line for editors and CI.

tarkeissa check [--format github] [--lang fi|sv|en] [PATH ...]   validate content files without building
tarkeissa new act|tool|campaign TITLE --lang fi [--also sv]   the required fields, empty, in the canonical form
tarkeissa schema [--check]                      write (or verify) the editors' JSON Schema files and the CMS config
tarkeissa format [--check] [PATH ...]           rewrite content files into the canonical form (same data)
tarkeissa cms [--port 8000]                     the built site with the web editor writing into this folder
tarkeissa changes --base REF [--preview-url URL] [--artifact-url URL] [--verdict FILE] [--root DIR]   content changes
"""

from __future__ import annotations

import argparse
import os
import sys
import threading
from pathlib import Path
from types import FrameType

from ..content.environment import build_date_from_environment, report_language
from ..content.load import Layout, load_content
from ..content.messages import DEFAULT_LANG, command_text, file_language
from ..content.problems import report
from ..pages.site_model import check_site


def find_root(start: Path) -> Path:
    for folder in (start, *start.parents):
        if (folder / "mkdocs.yml").is_file() and (folder / "content").is_dir():
            return folder
    raise SystemExit("tarkeissa: no mkdocs.yml with a content/ folder here or above; run it inside the project.")


def project_root(args: argparse.Namespace) -> Path:
    return Path(args.root).resolve() if args.root else find_root(Path.cwd().resolve())


def check(args: argparse.Namespace) -> int:
    root = project_root(args)
    layout = Layout(root, root / "docs")
    only = [Path(p).resolve() for p in args.paths] if args.paths else None
    if only is not None and layout.vocabularies_file.resolve() in only:
        only = None  # a changed vocabulary can break any file that uses it: check them all
    # the build's own cache of checked bodies (TT_CACHE_DIR as the build reads it): each side reuses the other's
    cache = Path(os.environ.get("TT_CACHE_DIR") or root / ".cache" / "tarkeissa") / "bodies"
    content = load_content(layout, build_date_from_environment(), only=only, jobs=2, cache_dir=cache)
    problems = list(content.problems)
    if only is None:  # site-wide rules (required pages, unique addresses) need every file
        problems += check_site(content)
    lang = args.lang or report_language()
    for path in content.untranslated:  # only those asked about, as the problems
        print(command_text("check.untranslated", lang or file_language(path), path=path))
    if problems:
        print(report(problems, args.format, lang))  # as the build's report
        return 1
    print(command_text("check.ok", lang or DEFAULT_LANG, files=content.files_checked))
    return 0


def new(args: argparse.Namespace) -> int:
    from ..content.vocabularies import load_vocabularies
    from . import scaffold

    root = project_root(args)
    layout = Layout(root, root / "docs")
    vocabularies, _ = load_vocabularies(layout.vocabularies_file, layout.shown(layout.vocabularies_file))
    lang = report_language() or args.lang  # the editor's language: the new file's, unless TT_LANG says
    try:
        files = scaffold.plan(
            root, args.kind, args.title, args.lang, args.also, vocabularies, build_date_from_environment(), args.id
        )
        scaffold.write(files)
    except scaffold.ScaffoldError as error:
        print(f"tarkeissa new: {error.text(lang)}", file=sys.stderr)
        return 1
    except FileExistsError as error:  # made between the plan and the write
        print(
            f"tarkeissa new: {command_text('new.exists', lang, path=layout.shown(Path(error.filename)))}",
            file=sys.stderr,
        )
        return 1
    for file in files:
        print(command_text("new.created", lang, path=layout.shown(file.path)))
    print(command_text("new.next", lang))
    return 0


def schema(args: argparse.Namespace) -> int:
    from ..content.vocabularies import load_vocabularies
    from . import cms_config, jsonschema_export

    root = project_root(args)
    layout = Layout(root, root / "docs")
    vocabularies, problems = load_vocabularies(layout.vocabularies_file, layout.shown(layout.vocabularies_file))
    if problems:
        print(report(problems))
        return 1
    folder = root / "schemas"
    if args.check:
        generated = {**jsonschema_export.generated_files(vocabularies), **cms_config.generated_files(vocabularies)}
        stale = [
            name
            for name, text in generated.items()
            if not (folder / name).is_file() or (folder / name).read_text(encoding="utf-8") != text
        ]
        for name in stale:
            print(f"schemas/{name} is out of date: run `tarkeissa schema` (or `make schemas`) and commit it.")
        return 1 if stale else 0
    written = jsonschema_export.write(folder, vocabularies) + cms_config.write(folder, vocabularies)
    for path in written:
        print(f"wrote {layout.shown(path)}")
    if not written:
        print("schemas/ is up to date.")
    return 0


class _Stop(Exception):
    """SIGINT or SIGTERM: leave the server's context, which stops decap-server."""


def _stop(signum: int, frame: FrameType | None) -> None:
    raise _Stop(signum)


def cms(args: argparse.Namespace) -> int:
    import signal

    from . import cms_local

    root = project_root(args)
    # Set both, never inherit: a shell starts a background job with SIGINT ignored, and SIGTERM's
    # default would end this process without stopping its child.
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, _stop)
    try:
        with cms_local.serve(root, root / "site", args.port) as address:
            print(f"The web editor: {address} (saves into {root}; Ctrl-C stops)", flush=True)
            threading.Event().wait()
    except _Stop:
        pass
    return 0


def format_command(args: argparse.Namespace) -> int:
    from . import formatter

    root = project_root(args)
    paths = [Path(p).resolve() for p in args.paths] if args.paths else formatter.content_files(root)
    paths = [path for path in paths if path.suffix == ".md"]
    outcomes = formatter.format_files(root, paths, args.check)
    for outcome in outcomes:
        shown = Layout(root, root / "docs").shown(outcome.path)
        if outcome.refused:
            print(f"{shown}: not formatted: {outcome.refused}")
        elif outcome.changed:
            print(f"{shown}: {'not in canonical form' if args.check else 'formatted'}")
    failed = any(o.refused for o in outcomes) or (args.check and any(o.changed for o in outcomes))
    if not failed:
        print(f"In canonical form: {len(outcomes)} of {len(outcomes)} files.")
    return 1 if failed else 0


def changes(args: argparse.Namespace) -> int:
    from . import change_report

    root = project_root(args)
    try:
        found = change_report.compare(root, args.base)
    except change_report.GitError as error:
        print(f"tarkeissa changes: {error}", file=sys.stderr)
        return 2
    print(change_report.markdown(found, args.base, args.preview_url, args.artifact_url), end="")
    if args.verdict:
        with open(args.verdict, "a", encoding="utf-8") as out:  # $GITHUB_OUTPUT is appended to
            out.write(change_report.verdict(found))
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="tarkeissa", description="Tärkeissä töissä content tools.")
    commands = parser.add_subparsers(dest="command", required=True)
    check_parser = commands.add_parser("check", help="validate content files without building the site")
    check_parser.add_argument("paths", nargs="*", help="only report these files (a pre-commit hook passes them)")
    check_parser.add_argument(
        "--format", choices=("text", "github"), default="text", help="github: annotations for GitHub Actions"
    )
    check_parser.add_argument(
        "--lang",
        choices=("fi", "sv", "en"),
        help="the language of every problem (default: TT_LANG, else each file's own; Finnish for others)",
    )
    check_parser.add_argument("--root", help="the project folder (default: found from the current folder)")
    check_parser.set_defaults(run=check)
    new_parser = commands.add_parser(
        "new", help="write the required fields, empty, in the canonical form of an act, a tool or a campaign page"
    )
    new_parser.add_argument("kind", choices=("act", "tool", "campaign"))
    new_parser.add_argument("title", help="the title; the id (file name) is made from it: ä→a, ö→o, å→a")
    new_parser.add_argument("--lang", choices=("fi", "sv"), required=True, help="the language of the title")
    new_parser.add_argument(
        "--also",
        choices=("fi", "sv"),
        action="append",
        default=[],
        help="also create the other language's file (its title left for the translation)",
    )
    new_parser.add_argument("--id", help="an id of your own instead of the one made from the title")
    new_parser.add_argument("--root", help="the project folder (default: found from the current folder)")
    new_parser.set_defaults(run=new)
    schema_parser = commands.add_parser("schema", help="write the editors' JSON Schema files into schemas/")
    schema_parser.add_argument("--check", action="store_true", help="only report files that are out of date")
    schema_parser.add_argument("--root", help="the project folder (default: found from the current folder)")
    schema_parser.set_defaults(run=schema)
    cms_parser = commands.add_parser("cms", help="serve site/ with the web editor at /admin/ writing into this folder")
    cms_parser.add_argument("--port", type=int, default=8000)
    cms_parser.add_argument("--root", help="the project folder (default: found from the current folder)")
    cms_parser.set_defaults(run=cms)
    format_parser = commands.add_parser("format", help="rewrite content files into the canonical form, same data")
    format_parser.add_argument("paths", nargs="*", help="these files (default: every content file)")
    format_parser.add_argument("--check", action="store_true", help="only report files not in canonical form")
    format_parser.add_argument("--root", help="the project folder (default: found from the current folder)")
    format_parser.set_defaults(run=format_command)
    changes_parser = commands.add_parser("changes", help="the content changes against a git ref, as Markdown")
    changes_parser.add_argument("--base", required=True, help="the git ref to compare with, e.g. origin/main")
    changes_parser.add_argument(
        "--preview-url", help="the live preview's address, for links to changed pages (none for a fork)"
    )
    changes_parser.add_argument(
        "--artifact-url",
        help="the workflow run whose artifact holds the preview: links go to the live preview only if no code "
        "changed, else the report says why and how to serve the artifact",
    )
    changes_parser.add_argument("--verdict", help="append code_changed=true|false to this file ($GITHUB_OUTPUT)")
    changes_parser.add_argument("--root", help="the project folder (default: found from the current folder)")
    changes_parser.set_defaults(run=changes)
    args = parser.parse_args(argv)
    status: int = args.run(args)
    return status


if __name__ == "__main__":
    sys.exit(main())
