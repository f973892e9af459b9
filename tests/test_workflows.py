"""The GitHub workflows and the pre-commit hook: valid, and running only commands that work here."""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import yaml

from conftest import ROOT, act
from test_bad_content_report import BAD_FILES

BIN = Path(sys.executable).parent
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
MAKE_TARGETS = set(re.findall(r"^([a-z][a-z-]*):", (ROOT / "Makefile").read_text(encoding="utf-8"), re.M))


def test_the_workflows_pass_actionlint():
    assert [path.name for path in WORKFLOWS] == ["deploy.yml", "pull-request.yml"]
    result = subprocess.run([str(BIN / "actionlint"), "-color=false", *map(str, WORKFLOWS)], cwd=ROOT,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_does_fail_on_a_broken_workflow(tmp_path):
    broken = tmp_path / "broken.yml"
    broken.write_text("on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n"
                      "      - run: echo ${{ github.event.pull_request.title }}\n      - uses: actions/checkout@v5\n"
                      "        with: {fetch-depht: 0}\n", encoding="utf-8")
    result = subprocess.run([str(BIN / "actionlint"), "-color=false", str(broken)], capture_output=True, text=True)
    assert result.returncode == 1
    assert "fetch-depht" in result.stdout and "potentially untrusted" in result.stdout


def run_steps() -> list[tuple[str, str]]:
    steps = []
    for path in WORKFLOWS:
        for job in yaml.safe_load(path.read_text(encoding="utf-8"))["jobs"].values():
            steps += [(path.name, step["run"]) for step in job["steps"] if "run" in step]
    return steps


def test_every_workflow_step_is_a_make_target_of_the_project():
    steps = run_steps()
    assert {run for _, run in steps} >= {"make setup", "make check-github", "make preview", "make build"}
    for name, run in steps:
        words = shlex.split(run)
        assert words[0] == "make" and words[1] in MAKE_TARGETS, (name, run)
        assert all("=" in word for word in words[2:]), (name, run)  # only variables after the target


def make(*args: str, cwd: Path = ROOT, **env) -> subprocess.CompletedProcess:
    return subprocess.run(["make", "--no-print-directory", *args], cwd=cwd, capture_output=True, text=True,
                          env={**os.environ, **env}, timeout=600)


def test_make_check_github_passes_on_the_starter_content():
    result = make("check-github")
    assert result.returncode == 0, result.stdout
    assert result.stdout.splitlines()[-1].endswith("file(s) checked, no problems.")


def test_make_changes_writes_the_report_to_a_file(tmp_path):
    out = tmp_path / "report.md"
    result = make("changes", BASE="HEAD", PREVIEW_URL="http://localhost:8000/", OUT=str(out))
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    assert out.read_text(encoding="utf-8").startswith("### Content changes against `HEAD`\n")


def test_pre_commit_runs_check_on_the_staged_content_files_only(project):
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    [repo] = config["repos"]
    [hook] = repo["hooks"]
    assert repo["repo"] == "local" and hook["language"] == "system" and hook["pass_filenames"] is True
    staged = ["content/acts/jamsa-asiakaspalvelu.fi.md", "content/acts/clean-act.fi.md", "docs/index.sv.md",
              "content/vocabularies.yml", "docs/assets/stylesheets/tarkeissa.css", "README.md", "hooks/mkdocs_hooks.py"]
    files = [path for path in staged if re.search(hook["files"], path)]
    assert files == staged[:4]
    # pre-commit runs `entry` from the repository root with the matching staged files after it
    p = project({**BAD_FILES, "content/acts/clean-act.fi.md": act()})
    entry = shlex.split(hook["entry"])
    command = [str(ROOT / entry[0]), *entry[1:]]
    env = {**os.environ, "TT_BUILD_DATE": "2026-11-24"}
    bad = subprocess.run(command + ["content/acts/jamsa-asiakaspalvelu.fi.md"], cwd=p.root, env=env,
                         capture_output=True, text=True)
    assert bad.returncode == 1
    assert bad.stdout.endswith("3 problem(s) in 1 file(s).\n")
    good = subprocess.run(command + ["content/acts/clean-act.fi.md", "docs/index.sv.md"], cwd=p.root, env=env,
                          capture_output=True, text=True)
    assert good.returncode == 0, good.stdout


def test_the_pull_request_workflow_passes_the_pull_request_number_to_the_preview():
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "pull-request.yml").read_text(encoding="utf-8"))
    steps = workflow["jobs"]["preview"]["steps"]
    preview = next(step for step in steps if step.get("run") == "make preview")
    assert preview["env"]["TT_PULL_REQUEST"] == "${{ github.event.pull_request.number }}"
    upload = next(step for step in steps if step.get("uses", "").startswith("actions/upload-artifact@"))
    assert upload["with"]["path"] == "site/"
    report = next(step for step in steps if step.get("run", "").startswith("make changes"))
    assert report["env"]["BASE"] == "origin/${{ github.base_ref }}"
