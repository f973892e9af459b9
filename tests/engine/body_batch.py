"""Many bodies judged by `check` (its Python API) and by ONE real build, for tests that compare the two.

Each body becomes an act. The build runs with the load step's body check made blind, so what it
refuses comes from its own rendering path, and a hook records the HTML it publishes.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from conftest import BUILD_DATE, Project, act, run_build
from tarkeissa.content.body_policy import convert, publish_body
from tarkeissa.content.links import BodyPlace, address_by_name
from tarkeissa.content.load import Layout, load_content

HOOKS = Path(__file__).parent
# the check finds nothing and converts nothing: every body is converted by the build's own rendering path
BLIND_CHECK = (
    "import tarkeissa.content.load as load\n"
    "from tarkeissa.content.body_policy import CheckedBody\n"
    "load.checked_body = lambda *args, **kwargs: CheckedBody(None, ())\n"
)
_PROBLEM_LINE = re.compile(r"(content/acts/[a-z0-9-]+\.fi\.md:\d+:\d+: body: .*)")


@dataclass
class Verdicts:
    """Per act file: its problems' first lines (path:line:column: field: message) and its HTML."""

    problems: dict[str, list[str]] = field(default_factory=dict)
    html: dict[str, str | None] = field(default_factory=dict)  # None: check could not convert the body
    rules: dict[str, list[str]] = field(default_factory=dict)  # check only: the rule ids
    converted: dict[str, str] = field(default_factory=dict)  # check only: the HTML before sanitizing


@dataclass
class Batch:
    root: Path
    paths: dict[str, str]  # name -> content/acts/<file>
    check: Verdicts
    build: Verdicts
    build_stderr: str
    site: Path


def act_file(body: str) -> str:
    return act().replace("## Lähtötilanne\n\nTarina alkaa.\n", body if body.strip() else "Tyhjä.\n")


def judge_all(tmp_path: Path, bodies: dict[str, str], extra_files: Mapping[str, bytes | str] | None = None) -> Batch:
    paths = {name: f"content/acts/b-{number:05d}.fi.md" for number, name in enumerate(bodies)}
    files: dict[str, str | bytes] = {paths[name]: act_file(body) for name, body in bodies.items()}
    files.update(extra_files or {})
    files["blind_check_hook.py"] = BLIND_CHECK
    files["body_record_hook.py"] = (HOOKS / "body_record_hook.py").read_text(encoding="utf-8")
    project = Project(tmp_path / "project", files)
    config = project.root / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            "hooks:\n", "hooks:\n  - blind_check_hook.py\n  - body_record_hook.py\n"
        ),
        encoding="utf-8",
    )
    return Batch(project.root, paths, _checked(project.root), *_built(project.root, tmp_path))


def _checked(root: Path) -> Verdicts:
    """`check` as its Python API gives it: the problems of every file, and each body's HTML."""
    content = load_content(Layout(root, root / "docs"), dt.date.fromisoformat(BUILD_DATE))
    verdicts = Verdicts()
    for problem in content.problems:
        verdicts.problems.setdefault(problem.path, []).append(problem.as_text("en").splitlines()[0])
        verdicts.rules.setdefault(problem.path, []).append(problem.rule)
    for versions in content.acts.values():
        for entry in versions.values():
            place = BodyPlace(
                entry.source_path, entry.lang, address_by_name("act", entry.id, entry.lang), content.site_files
            )
            html, _ = publish_body(entry.body, entry.source_path, entry.body_line, place)
            verdicts.html[entry.source_path] = html
            if html is not None:
                verdicts.converted[entry.source_path] = convert(entry.body, place)
    return verdicts


def _built(root: Path, tmp_path: Path) -> tuple[Verdicts, str, Path]:
    recorded = tmp_path / "recorded"
    recorded.mkdir()
    site = tmp_path / "site"
    result = run_build(root, "production", site_dir=site, TT_TEST_BODIES=str(recorded))
    assert "Traceback" not in result.stderr, result.stderr[-3000:]
    verdicts = Verdicts()
    for line in result.stderr.splitlines():
        match = _PROBLEM_LINE.search(line)
        if match:
            verdicts.problems.setdefault(match.group(1).partition(":")[0], []).append(match.group(1))
    for part in recorded.glob("*.jsonl"):
        for line in part.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            verdicts.html[record["source"]] = record["html"]
    return verdicts, result.stderr, site
