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
    assert [path.name for path in WORKFLOWS] == ["deploy.yml", "preview-publish.yml", "pull-request.yml"]
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
    assert {run for _, run in steps} >= {"make setup", "make check-github", "make preview", "make pages"}
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
    assert result.stdout.splitlines()[-1].endswith(", ei ongelmia.")  # in Finnish, the site's first language


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
    env = {**os.environ, "TT_BUILD_DATE": "2026-11-24", "TT_LANG": "en"}  # the report in English
    bad = subprocess.run(command + ["content/acts/jamsa-asiakaspalvelu.fi.md"], cwd=p.root, env=env,
                         capture_output=True, text=True)
    assert bad.returncode == 1
    assert bad.stdout.endswith("3 problem(s) in 1 file(s).\n")
    good = subprocess.run(command + ["content/acts/clean-act.fi.md", "docs/index.sv.md"], cwd=p.root, env=env,
                          capture_output=True, text=True)
    assert good.returncode == 0, good.stdout


def workflow(name: str) -> dict:
    return yaml.safe_load((ROOT / ".github" / "workflows" / name).read_text(encoding="utf-8"))


def steps_of(name: str, job: str) -> list[dict]:
    return workflow(name)["jobs"][job]["steps"]


def uses(steps: list[dict], action: str) -> list[dict]:
    return [step for step in steps if step.get("uses", "").startswith(action + "@")]


PRODUCTION_URL = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["site_url"]
PAGES_URL = f"${{{{ vars.PAGES_URL || '{PRODUCTION_URL}' }}}}"


def test_the_pull_request_workflow_builds_the_preview_for_its_address_with_a_read_only_token():
    pull_request = workflow("pull-request.yml")
    assert pull_request["permissions"] == {"contents": "read"}  # the pull request's own code runs here
    assert list(pull_request[True]) == ["pull_request"]  # (YAML 1.1 reads the key `on` as True)
    steps = steps_of("pull-request.yml", "preview")
    assert not any("permissions" in job for job in pull_request["jobs"].values())
    preview = next(step for step in steps if step.get("run") == "make preview")
    assert preview["env"]["TT_PULL_REQUEST"] == "${{ github.event.pull_request.number }}"
    assert preview["env"]["TT_SITE_URL"] == PAGES_URL + "previews/pr-${{ github.event.pull_request.number }}/"
    site, number = uses(steps, "actions/upload-artifact")
    assert site["with"]["path"] == "site/" and site["with"]["name"] == "preview-pr-${{ github.event.pull_request.number }}"
    data = next(step for step in steps if step.get("run", "").startswith("make pull-request-data"))
    assert data["run"] == "make pull-request-data OUT=pull-request/number"
    assert number["with"] == {"name": "pull-request", "path": "pull-request/", "retention-days": 14}


def test_the_publishing_workflow_runs_only_the_base_branch_and_reads_the_pull_request_as_data():
    publish = workflow("preview-publish.yml")
    assert publish[True] == {"workflow_run": {"workflows": [workflow("pull-request.yml")["name"]], "types": ["completed"]},
                             "pull_request_target": {"types": ["closed"]}}
    assert publish["permissions"] == {}
    steps = steps_of("preview-publish.yml", "publish")
    base, data = uses(steps, "actions/checkout")
    assert "ref" not in base["with"]  # workflow_run checks out the default branch: the base's code
    assert data["with"] == {"ref": "${{ github.event.workflow_run.head_sha }}", "path": "pull-request",
                            "fetch-depth": 0, "persist-credentials": False}
    # every command is one of the base's make targets; the checkout is only ever named as data
    assert [step["run"] for step in steps if "run" in step] == [
        "make pull-request-number", "make setup", "make changes OUT=change-report.md"]
    report = next(step for step in steps if step.get("id") == "report")
    assert report["env"]["CHECKOUT"] == "pull-request" and report["env"]["BASE"] == "origin/main"
    assert "PAGES_URL, steps.pr.outputs.number" in report["env"]["PREVIEW_URL"]
    assert publish["env"]["PAGES_URL"] == PAGES_URL
    number = next(step for step in steps if step.get("id") == "pr")
    assert number["env"]["HEAD_SHA"] == "${{ github.event.workflow_run.head_sha }}"
    # the site and the comment go only to the pull request that number names, once it is checked
    [site_download] = [step for step in uses(steps, "actions/download-artifact") if step["with"]["name"] != "pull-request"]
    assert site_download["with"]["name"] == "preview-pr-${{ steps.pr.outputs.number }}"
    [deploy] = uses(steps, "rossjrw/pr-preview-action")
    [comment] = uses(steps, "marocchino/sticky-pull-request-comment")
    assert deploy["with"]["pr-number"] == comment["with"]["number"] == "${{ steps.pr.outputs.number }}"
    assert "env.FROM_FORK != 'true'" in deploy["if"] and "env.FROM_FORK != 'true'" in site_download["if"]
    assert comment["with"]["header"] == "content-changes" and comment["with"]["path"] == "change-report.md"
    removal = publish["jobs"]["remove"]
    assert all("ref" not in step.get("with", {}) for step in removal["steps"])  # nothing of the pull request
    assert not any("run" in step for step in removal["steps"])


def test_previews_and_production_share_the_pages_branch_and_production_keeps_the_previews():
    from tarkeissa.site.preview import PREVIEWS_FOLDER

    steps = steps_of("deploy.yml", "deploy")
    [publish] = uses(steps, "JamesIves/github-pages-deploy-action")
    assert not uses(steps, "actions/deploy-pages")  # it would replace the whole site, previews included
    previews = [step for job in ("publish", "remove") for step in uses(steps_of("preview-publish.yml", job),
                                                                        "rossjrw/pr-preview-action")]
    assert {step["with"]["preview-branch"] for step in previews} == {publish["with"]["branch"]} == {"gh-pages"}
    assert {step["with"]["umbrella-dir"] + "/" for step in previews} == {PREVIEWS_FOLDER, publish["with"]["clean-exclude"]}
    assert publish["with"]["folder"] == "site" and publish["with"]["force"] is False
    assert next(step for step in steps if step.get("run") == "make pages")["env"]["TT_SITE_URL"] == "${{ vars.PAGES_URL }}"


def fake_gh(tmp_path: Path, answer: str) -> dict:
    """A `gh` on PATH that answers every API call with `answer`, as `--jq` would print it."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir(exist_ok=True)
    (bin_dir / "gh").write_text(f"#!/bin/sh\necho '{answer}'\n", encoding="utf-8")
    (bin_dir / "gh").chmod(0o755)
    return {"PATH": f"{bin_dir}:{os.environ['PATH']}", "GITHUB_REPOSITORY": "kt/tarkeissa", "HEAD_SHA": "abc123"}


def test_the_number_a_pull_request_run_uploads_is_checked_before_anything_is_published(tmp_path):
    out, number = tmp_path / "output", tmp_path / "pull-request" / "number"
    assert make("pull-request-data", f"OUT={number}", NUMBER="12").returncode == 0
    env = fake_gh(tmp_path, "open abc123")
    assert make("pull-request-number", IN=str(number), GITHUB_OUTPUT=str(out), **env).returncode == 0
    assert out.read_text(encoding="utf-8") == "number=12\ncurrent=true\n"
    # pushed again or closed meanwhile: the newer run publishes, a closed one nothing
    for answer in ("open def456", "closed abc123"):
        out.unlink()
        assert make("pull-request-number", IN=str(number), GITHUB_OUTPUT=str(out), **fake_gh(tmp_path, answer)).returncode == 0
        assert out.read_text(encoding="utf-8") == "number=12\ncurrent=false\n"
    for text in ("12abc", "../12", "-1", "0", "", "1\n2", "$(touch pwned)", "12 13", "9" * 10):
        number.write_text(text, encoding="utf-8")
        out.write_text("", encoding="utf-8")
        result = make("pull-request-number", IN=str(number), GITHUB_OUTPUT=str(out), **env)
        assert result.returncode != 0 and out.read_text(encoding="utf-8") == "", text
        assert "not a whole number" in result.stdout
    assert not (ROOT / "pwned").exists()


def test_the_publishing_workflows_report_comes_from_the_base_code_over_a_checkout_read_as_data(tmp_path):
    """`make changes CHECKOUT=...` as preview-publish.yml runs it: the pull request's head checked out beside the
    project, main moved on since it branched. The code warning is there, and main's new act is not 'removed'."""
    checkout = tmp_path / "pull-request"
    for name, text in {"mkdocs.yml": "site_name: x\n", "content/acts/teko.fi.md": act(title="Teko"),
                       "hooks/hook.py": "x = 1\n"}.items():
        (checkout / name).parent.mkdir(parents=True, exist_ok=True)
        (checkout / name).write_text(text, encoding="utf-8")
    env = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@example.org"}
    def git(*args):
        subprocess.run(["git", *args], cwd=checkout, check=True, capture_output=True, env={**os.environ, **env})
    git("init", "-q", "-b", "main")
    git("add", "-A")
    git("commit", "-q", "-m", "base")
    git("checkout", "-q", "-b", "pull-request")
    (checkout / "content/acts/teko.fi.md").write_text(act(title="Teko", region="uusimaa"), encoding="utf-8")
    (checkout / "hooks/hook.py").write_text("x = 2\n", encoding="utf-8")
    git("commit", "-q", "-am", "the pull request")
    git("checkout", "-q", "main")
    (checkout / "content/acts/uusi.fi.md").write_text(act(title="Uusi mainissa"), encoding="utf-8")
    git("add", "-A")
    git("commit", "-q", "-m", "main moves on")
    git("checkout", "-q", "pull-request")
    out = tmp_path / "report.md"
    result = make("changes", f"OUT={out}", CHECKOUT=str(checkout), BASE="main",
                  PREVIEW_URL="https://tarkeissatoissa.fi/previews/pr-12/", ARTIFACT_URL="")
    assert result.returncode == 0, result.stderr
    report = out.read_text(encoding="utf-8")
    assert "> - `hooks/hook.py`\n" in report
    assert "**Acts:** 1 changed\n" in report and "Uusi mainissa" not in report
    assert ("- **changed** (fi) [Teko](https://tarkeissatoissa.fi/previews/pr-12/teot/teko/) · "
            "`content/acts/teko.fi.md` · fields: `region`\n") in report
    # a fork's pull request: no address, the reason, and where its artifact is
    fork = make("changes", f"OUT={out}", CHECKOUT=str(checkout), BASE="main", PREVIEW_URL="http://localhost:8000/",
                ARTIFACT_URL="https://github.com/kt/tarkeissa/actions/runs/77")
    report = out.read_text(encoding="utf-8")
    assert fork.returncode == 0 and "> - `hooks/hook.py`\n" in report
    assert "**No live preview:** this pull request comes from a fork" in report
    assert "[workflow run](<https://github.com/kt/tarkeissa/actions/runs/77>)" in report
    assert "Preview: " not in report and "(http://localhost:8000/teot/teko/)" in report
