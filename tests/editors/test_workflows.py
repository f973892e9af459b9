"""The GitHub workflows and the pre-commit hook: valid, and running only commands that work here."""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
import yaml
from conftest import ROOT, act
from test_bad_content_report import BAD_FILES

BIN = Path(sys.executable).parent
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
MAKE_TARGETS = set(re.findall(r"^([a-z][a-z-]*):", (ROOT / "Makefile").read_text(encoding="utf-8"), re.MULTILINE))


def test_the_workflows_pass_actionlint():
    assert [path.name for path in WORKFLOWS] == ["deploy.yml", "preview-publish.yml", "pull-request.yml"]
    result = subprocess.run(
        [str(BIN / "actionlint"), "-color=false", *map(str, WORKFLOWS)],
        check=False,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_does_fail_on_a_broken_workflow(tmp_path):
    broken = tmp_path / "broken.yml"
    broken.write_text(
        "on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n"
        "      - run: echo ${{ github.event.pull_request.title }}\n      - uses: actions/checkout@v5\n"
        "        with: {fetch-depht: 0}\n",
        encoding="utf-8",
    )
    result = subprocess.run(
        [str(BIN / "actionlint"), "-color=false", str(broken)], check=False, capture_output=True, text=True
    )
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
    return subprocess.run(
        ["make", "--no-print-directory", *args],
        check=False,
        cwd=cwd,
        capture_output=True,
        text=True,
        env={**os.environ, **env},
        timeout=600,
    )


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
    [hook] = [hook for hook in repo["hooks"] if hook["id"] == "tarkeissa-check"]
    assert repo["repo"] == "local" and hook["language"] == "system" and hook["pass_filenames"] is True
    staged = [
        "content/acts/jamsa-asiakaspalvelu.fi.md",
        "content/acts/clean-act.fi.md",
        "docs/index.sv.md",
        "content/vocabularies.yml",
        "docs/assets/stylesheets/tarkeissa.css",
        "README.md",
        "hooks/mkdocs_hooks.py",
    ]
    files = [path for path in staged if re.search(hook["files"], path)]
    assert files == staged[:4]
    # pre-commit runs `entry` from the repository root with the matching staged files after it
    p = project({**BAD_FILES, "content/acts/clean-act.fi.md": act()})
    entry = shlex.split(hook["entry"])
    command = [str(ROOT / entry[0]), *entry[1:]]
    env = {**os.environ, "TT_BUILD_DATE": "2026-11-24", "TT_LANG": "en"}  # the report in English
    bad = subprocess.run(
        [*command, "content/acts/jamsa-asiakaspalvelu.fi.md"],
        check=False,
        cwd=p.root,
        env=env,
        capture_output=True,
        text=True,
    )
    assert bad.returncode == 1
    assert bad.stdout.endswith("3 problem(s) in 1 file(s).\n")
    good = subprocess.run(
        [*command, "content/acts/clean-act.fi.md", "docs/index.sv.md"],
        check=False,
        cwd=p.root,
        env=env,
        capture_output=True,
        text=True,
    )
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
    assert (
        site["with"]["path"] == "site/" and site["with"]["name"] == "preview-pr-${{ github.event.pull_request.number }}"
    )
    data = next(step for step in steps if step.get("run", "").startswith("make pull-request-data"))
    assert data["run"] == "make pull-request-data OUT=pull-request/number"
    assert number["with"] == {"name": "pull-request", "path": "pull-request/", "retention-days": 14}


def test_the_publishing_workflow_runs_only_the_base_branch_and_reads_the_pull_request_as_data():
    publish = workflow("preview-publish.yml")
    assert publish[True] == {
        "workflow_run": {"workflows": [workflow("pull-request.yml")["name"]], "types": ["completed"]},
        "pull_request_target": {"types": ["closed"], "branches": ["main"]},
    }
    assert publish["permissions"] == {}
    steps = steps_of("preview-publish.yml", "report")
    base, data = uses(steps, "actions/checkout")
    assert "ref" not in base["with"]  # workflow_run checks out the default branch: the base's code
    assert data["with"] == {
        "ref": "${{ github.event.workflow_run.head_sha }}",
        "path": "pull-request",
        "fetch-depth": 0,
        "persist-credentials": False,
    }
    # every command is one of the base's make targets; the checkout is only ever named as data
    assert [step["run"] for step in steps if "run" in step] == [
        "make artifact-check",
        "make pull-request-number",
        "make setup",
        "make changes OUT=change-report.md",
        "make artifact-check",
    ]
    # each download from the pull request's run is checked before anything reads it
    downloads = uses(steps, "actions/download-artifact")
    checks = [step for step in steps if step.get("run") == "make artifact-check"]
    assert [check["env"]["DIR"] for check in checks] == [download["with"]["path"] for download in downloads]
    assert all(steps.index(c) == steps.index(d) + 1 for c, d in zip(checks, downloads, strict=True))
    report = next(step for step in steps if step.get("id") == "report")
    assert report["env"]["CHECKOUT"] == "pull-request" and report["env"]["BASE"] == "origin/main"
    # a fork's pull request has no live address; every pull request's report names its run
    assert report["env"]["PREVIEW_URL"].startswith("${{ env.FROM_FORK != 'true' && format(")
    assert "PAGES_URL, steps.pr.outputs.number" in report["env"]["PREVIEW_URL"]
    assert "github.event.workflow_run.id" in report["env"]["ARTIFACT_URL"]
    assert publish["env"]["PAGES_URL"] == PAGES_URL
    number = next(step for step in steps if step.get("id") == "pr")
    assert number["env"]["HEAD_SHA"] == "${{ github.event.workflow_run.head_sha }}"
    assert number["env"]["HEAD_REPOSITORY"] == "${{ github.event.workflow_run.head_repository.full_name }}"
    assert number["env"]["BASE_BRANCH"] == "main"
    assert publish["jobs"]["report"]["outputs"] == {
        "number": "${{ steps.pr.outputs.number }}",
        "current": "${{ steps.pr.outputs.current }}",
        "code_changed": "${{ steps.report.outputs.code_changed }}",
    }
    removal = publish["jobs"]["remove"]
    assert all("ref" not in step.get("with", {}) for step in removal["steps"])  # nothing of the pull request
    assert not any("run" in step for step in removal["steps"])
    assert "head.repo.full_name == github.repository" in removal["if"]


def test_a_live_preview_only_for_a_pull_request_of_this_repository_that_the_base_finds_changes_no_code():
    """The preview shares production's origin and /admin/'s (where the web editor keeps its GitHub token):
    only a site built by main's own code from content may go there. The verdict is the report's, made by the
    base's code in the job that checked the number; the site goes only to that number, checked again on disk."""
    publish = workflow("preview-publish.yml")
    job = publish["jobs"]["publish"]
    assert job["needs"] == "report"
    condition = " ".join(job["if"].split())
    assert condition == (
        "needs.report.outputs.current == 'true' && needs.report.outputs.code_changed == 'false' && "
        "github.event.workflow_run.head_repository.full_name == github.repository"
    )
    # the site of the very run whose number and commit were checked, of that number, fetched and checked by the
    # read-only job, handed on within this run
    report = steps_of("preview-publish.yml", "report")
    [fetched] = [step for step in uses(report, "actions/download-artifact") if step.get("id") == "site"]
    assert fetched["with"]["name"] == "preview-pr-${{ steps.pr.outputs.number }}"
    assert fetched["with"]["run-id"] == "${{ github.event.workflow_run.id }}"
    assert fetched["if"] == "steps.report.outputs.code_changed == 'false' && env.FROM_FORK != 'true'"
    [handed] = [step for step in uses(report, "actions/upload-artifact") if step["with"]["name"] == "preview-site"]
    assert handed["with"]["path"].rstrip("/") == fetched["with"]["path"]
    steps = job["steps"]
    [site] = uses(steps, "actions/download-artifact")
    assert site["with"] == {"name": "preview-site", "path": fetched["with"]["path"]}  # this run's: no token
    [checkout] = uses(steps, "actions/checkout")
    assert "ref" not in checkout["with"]
    names = [step.get("uses", step.get("run", "")).split("@")[0] for step in steps]
    assert names == [
        "actions/checkout",
        "actions/download-artifact",
        "make artifact-check",
        "rossjrw/pr-preview-action",
    ]
    assert steps[2]["env"]["DIR"] == site["with"]["path"] == steps[3]["with"]["source-dir"]
    assert steps[3]["with"]["pr-number"] == "${{ needs.report.outputs.number }}"
    assert steps[3]["with"]["comment"] is False


def comment_script() -> str:
    [step] = uses(steps_of("preview-publish.yml", "comment"), "actions/github-script")
    assert "${{" not in step["with"]["script"]  # no expression is pasted into code: everything comes by env
    return step["with"]["script"]


def run_comment(tmp_path: Path, comments: list[dict], **env) -> list:
    """The comment job's script under Node, as actions/github-script runs it (an async function of `github`,
    `context` and `require`), against a GitHub that answers with `comments` and records what is asked of it."""
    harness = tmp_path / "harness.js"
    harness.write_text(
        "const calls = [];\n"
        "const comments = JSON.parse(process.env.COMMENTS);\n"
        "const github = {paginate: async (f, args) => { calls.push(['list', args]); return comments; },\n"
        "  rest: {issues: {listComments: 'listComments',\n"
        "    updateComment: async (args) => calls.push(['update', args]),\n"
        "    createComment: async (args) => calls.push(['create', args])}}};\n"
        "const context = {repo: {owner: 'kt', repo: 'tarkeissa'}};\n"
        "const script = require('fs').readFileSync(process.argv[2], 'utf8');\n"
        "const AsyncFunction = (async () => {}).constructor;\n"
        "new AsyncFunction('github', 'context', 'require', script)(github, context, require)\n"
        "  .then(() => console.log(JSON.stringify(calls)), (e) => { console.error(e.message); process.exit(1); });\n",
        encoding="utf-8",
    )
    script = tmp_path / "script.js"
    script.write_text(comment_script(), encoding="utf-8")
    [step] = uses(steps_of("preview-publish.yml", "comment"), "actions/github-script")
    step_env = step["env"]
    result = subprocess.run(
        ["node", str(harness), str(script)],
        cwd=tmp_path,
        check=False,
        capture_output=True,
        text=True,
        env={**os.environ, "NOTE": step_env["NOTE"], "REPORT": "", **env, "COMMENTS": json.dumps(comments)},
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


MARKER = "<!-- tarkeissa: content changes -->\n"
BOT = {"login": "github-actions[bot]", "type": "Bot"}


def test_the_comment_job_holds_only_its_permission_and_runs_only_the_base_script(tmp_path):
    job = workflow("preview-publish.yml")["jobs"]["comment"]
    assert job["permissions"] == {"pull-requests": "write"}
    assert job["needs"] == ["report", "publish", "remove"]
    assert [step["uses"].split("@")[0] for step in job["steps"]] == [
        "actions/download-artifact",
        "actions/github-script",
    ]
    (tmp_path / "change-report.md").write_text("### Content changes\n\n@org/maintainers `x`\n", encoding="utf-8")
    # the first report: a new comment; the text is the report's, byte for byte, after the marker
    [_, (kind, args)] = run_comment(tmp_path, [], NUMBER="12", REPORT="change-report.md")
    assert kind == "create" and args["issue_number"] == 12
    assert args["body"] == MARKER + "### Content changes\n\n@org/maintainers `x`\n"
    # the next push edits it in place; a look-alike from anyone else is left alone
    others = [
        {"id": 1, "user": {"login": "mallory", "type": "User"}, "body": MARKER + "fake"},
        {"id": 2, "user": BOT, "body": "another bot comment"},
        {"id": 3, "user": BOT, "body": MARKER + "old report"},
    ]
    [_, (kind, args)] = run_comment(tmp_path, others, NUMBER="12", REPORT="change-report.md")
    assert kind == "update" and args["comment_id"] == 3 and args["body"].endswith("`x`\n")
    # closed: the note appended to the report; no report, no comment
    [_, (kind, args)] = run_comment(tmp_path, others, NUMBER="12")
    assert kind == "update" and args["comment_id"] == 3 and args["body"].startswith(MARKER + "old report\n\n---\n")
    assert [call[0] for call in run_comment(tmp_path, others[:2], NUMBER="12")] == ["list"]
    # a report over GitHub's limit is cut at a line's end, so no code span is left open
    (tmp_path / "change-report.md").write_text("- `" + "x" * 100 + "`\n" * 1 + ("- `y`\n" * 20000), encoding="utf-8")
    [_, (kind, args)] = run_comment(tmp_path, [], NUMBER="12", REPORT="change-report.md")
    assert len(args["body"]) <= 65100 and all(line.count("`") % 2 == 0 for line in args["body"].splitlines())
    for number in ("", "0", "12 13", "12abc"):  # only a checked number is commented on
        with pytest.raises(AssertionError, match="no checked pull request number"):
            run_comment(tmp_path, [], NUMBER=number, REPORT="change-report.md")


WRITE_JOBS = {
    ("deploy.yml", "deploy"): {"contents": "write"},
    ("preview-publish.yml", "publish"): {"contents": "write", "pages": "read"},
    ("preview-publish.yml", "remove"): {"contents": "write"},
    ("preview-publish.yml", "comment"): {"pull-requests": "write"},
}
# the actions that get a write token, and use it: the two that push to the Pages branch, and the script above
WRITERS = {"JamesIves/github-pages-deploy-action", "rossjrw/pr-preview-action", "actions/github-script"}


def test_least_privilege_by_job():
    jobs = {(path.name, name): job for path in WORKFLOWS for name, job in workflow(path.name)["jobs"].items()}
    for path in WORKFLOWS:
        assert "write" not in str(workflow(path.name)["permissions"]), path.name  # never for a whole workflow
    writing = {key: job["permissions"] for key, job in jobs.items() if "write" in str(job.get("permissions", {}))}
    assert writing == WRITE_JOBS
    for key, job in jobs.items():
        steps = job["steps"]
        for step in uses(steps, "actions/checkout"):
            assert step["with"]["persist-credentials"] is False, key  # no token left in .git/config
        if key in WRITE_JOBS:
            # a job that can write runs none of the project's code: no setup, no build, only the artifact's check
            assert {step["run"] for step in steps if "run" in step} <= {"make artifact-check"}, key
            actions = {step["uses"].split("@")[0] for step in steps if "uses" in step}
            assert actions - {"actions/checkout", "actions/download-artifact"} <= WRITERS, key
    # nothing is restored from the Actions cache, which any run on main can write
    assert not any("actions/cache" in step.get("uses", "") for job in jobs.values() for step in job["steps"])
    assert not any("cache" in step.get("with", {}) for job in jobs.values() for step in job["steps"])


def test_production_is_main_built_from_nothing_and_published_from_its_checked_artifact():
    deploy = workflow("deploy.yml")
    assert deploy["permissions"] == {}
    build, publish = deploy["jobs"]["build"], deploy["jobs"]["deploy"]
    assert build["if"] == "github.ref == 'refs/heads/main'"  # a manual run of another branch builds nothing
    assert build["permissions"] == {"contents": "read"} and publish["needs"] == "build"
    [upload] = uses(build["steps"], "actions/upload-artifact")
    [download] = uses(publish["steps"], "actions/download-artifact")
    assert upload["with"]["name"] == download["with"]["name"] and upload["with"]["include-hidden-files"] is True
    names = [step.get("uses", step.get("run", "")).split("@")[0] for step in publish["steps"]]
    assert names == [
        "actions/checkout",
        "actions/download-artifact",
        "make artifact-check",
        "JamesIves/github-pages-deploy-action",
    ]
    assert publish["steps"][2]["env"]["DIR"] == download["with"]["path"] == publish["steps"][3]["with"]["folder"]
    # `make pages` removes any earlier output and the output cache before it builds
    dry = make("-n", "pages")
    assert dry.returncode == 0, dry.stderr
    commands = dry.stdout.splitlines()
    clean = next(i for i, line in enumerate(commands) if line.startswith("rm -rf "))
    for cache, removed in (("", ".cache/tarkeissa"), ("/tmp/elsewhere", "/tmp/elsewhere")):
        # the recipe's line as its shell runs it, `rm` only saying what it would remove
        said = subprocess.run(
            ["bash", "-c", 'rm() { printf "%s\\n" "$@"; }; ' + commands[clean]],
            check=False,
            capture_output=True,
            text=True,
            env={**os.environ, "TT_CACHE_DIR": cache},
        )
        assert said.stdout.splitlines() == ["-rf", "site", ".site.search-input", removed]
    assert any(line.endswith("/mkdocs build") for line in commands[clean + 1 :])


PINNED = re.compile(r"^\s*(?:- )?uses: ([\w.-]+/[\w./-]+)@([0-9a-f]{40})  # (v\d+\.\d+\.\d+)$")


def test_every_action_is_pinned_by_commit_with_its_version_in_a_comment():
    versions: dict[str, set[tuple[str, str]]] = {}  # action -> (commit, version) pins
    for path in WORKFLOWS:
        lines = [line for line in path.read_text(encoding="utf-8").splitlines() if re.match(r"\s*(- )?uses:", line)]
        assert lines, path.name
        for line in lines:
            match = PINNED.match(line)
            assert match, (path.name, line)
            versions.setdefault(match[1], set()).add((match[2], match[3]))
    assert all(len(pins) == 1 for pins in versions.values()), versions  # one pin per action, everywhere
    updates = yaml.safe_load((ROOT / ".github" / "dependabot.yml").read_text(encoding="utf-8"))["updates"]
    assert {update["package-ecosystem"] for update in updates} == {"github-actions", "pip", "npm"}
    [npm] = [update for update in updates if update["package-ecosystem"] == "npm"]
    assert set(npm["directories"]) == {"/", "/tests/js"}  # both package-lock.json files


def test_the_workflows_pass_zizmor_and_each_trigger_kept_says_why_it_is_safe():
    result = subprocess.run(
        [
            str(BIN / "zizmor"),
            "--offline",
            "--no-progress",
            "--min-severity",
            "medium",
            "--format",
            "plain",
            ".github/workflows",
            ".github/dependabot.yml",
        ],
        cwd=ROOT,
        check=False,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No findings to report" in result.stdout
    ignores = []
    for path in WORKFLOWS:
        lines = path.read_text(encoding="utf-8").splitlines()
        for i, line in enumerate(lines):
            if "zizmor: ignore[" in line:
                ignored = re.search(r"# zizmor: ignore\[([a-z-]+)\] (.*)", line)
                assert ignored, line  # the audit named, then the reason
                audit, reason = ignored.groups()
                ignores.append((path.name, audit, lines[i + 1].strip()))
                assert len(reason.split()) >= 6, line  # the reason, next to what makes it safe
    assert sorted(ignores) == [
        ("preview-publish.yml", "dangerous-triggers", "pull_request_target:"),
        ("preview-publish.yml", "dangerous-triggers", "workflow_run:"),
    ]


def test_zizmor_does_fail_on_an_unpinned_action_a_kept_token_and_a_dangerous_trigger(tmp_path):
    broken = tmp_path / "broken.yml"
    broken.write_text(
        "on: pull_request_target\npermissions: {}\njobs:\n  x:\n    runs-on: ubuntu-latest\n    steps:\n"
        "      - uses: actions/checkout@v5\n",
        encoding="utf-8",
    )
    result = subprocess.run(
        [str(BIN / "zizmor"), "--offline", "--no-progress", "--format", "plain", str(broken)],
        check=False,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    for audit in ("unpinned-uses", "artipacked", "dangerous-triggers"):
        assert f"[{audit}]" in result.stdout, audit


def test_an_artifact_is_used_only_if_it_holds_nothing_but_regular_files_and_folders(tmp_path):
    good = tmp_path / "good"
    (good / "teot" / "x").mkdir(parents=True)
    (good / "teot" / "x" / "index.html").write_text("<p>x</p>", encoding="utf-8")
    (good / ".nojekyll").write_text("", encoding="utf-8")
    assert make("artifact-check", DIR=str(good)).returncode == 0
    made = {
        "a link to a file": lambda d: (d / "passwd").symlink_to("/etc/passwd"),
        "a link to a folder": lambda d: (d / "teot" / "koti").symlink_to("/root"),
        "a dangling link": lambda d: (d / "x.html").symlink_to("nowhere"),
        "a FIFO": lambda d: os.mkfifo(d / "teot" / "fifo"),
        "a socket": lambda d: socket.socket(socket.AF_UNIX).bind(str(d / "s")),
    }
    for name, plant in made.items():
        bad = tmp_path / name.replace(" ", "-")
        shutil.copytree(good, bad)
        plant(bad)
        result = make("artifact-check", DIR=str(bad))
        assert result.returncode != 0, name
        assert "1 entries that are not a regular file or folder" in result.stdout, name
        assert "passwd" not in result.stdout  # the names are the pull request's: never in the log
    (tmp_path / "link").symlink_to(good)  # the folder itself a link
    for folder in (tmp_path / "link", tmp_path / "missing", good / ".nojekyll"):
        assert make("artifact-check", DIR=str(folder)).returncode != 0, folder
    assert make("artifact-check").returncode != 0  # no DIR


def test_a_reviewer_serves_an_artifact_without_importing_anything_of_it(tmp_path):
    """A fork plants http/__init__.py in its artifact: `python3 -m http.server` run in that folder imports it.
    The project's command checks the folder, then serves it on loopback with -I and --directory."""
    artifact = tmp_path / "preview-pr-12"
    (artifact / "http").mkdir(parents=True)
    (artifact / "http" / "__init__.py").write_text(f"open({str(tmp_path / 'pwned')!r}, 'w')\n", encoding="utf-8")
    (artifact / "index.html").write_text("<p>esikatselu</p>", encoding="utf-8")
    dry = make("-n", "serve-artifact", DIR=str(artifact))
    [serve] = [line for line in dry.stdout.splitlines() if "http.server" in line]
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        ["make", "-f", str(ROOT / "Makefile"), "serve-artifact", f"DIR={artifact}", f"PORT={port}"],
        cwd=artifact,  # even run from inside it
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "PYTHONPATH": str(artifact)},
        start_new_session=True,
    )
    try:
        for _ in range(100):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/index.html", timeout=2) as response:
                    assert response.read() == b"<p>esikatselu</p>"
                    break
            except OSError:
                time.sleep(0.1)
        else:
            raise AssertionError("the artifact was not served")
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=10)
    assert not (tmp_path / "pwned").exists()
    assert " -I -m http.server --directory " in serve and "--bind 127.0.0.1" in serve
    assert make("serve-artifact", DIR=str(tmp_path / "missing")).returncode != 0  # checked first


def test_previews_and_production_share_the_pages_branch_and_production_keeps_the_previews():
    from tarkeissa.pages.preview import PREVIEWS_FOLDER

    steps = steps_of("deploy.yml", "deploy")
    [publish] = uses(steps, "JamesIves/github-pages-deploy-action")
    assert not uses(steps, "actions/deploy-pages")  # it would replace the whole site, previews included
    previews = [
        step
        for job in ("publish", "remove")
        for step in uses(steps_of("preview-publish.yml", job), "rossjrw/pr-preview-action")
    ]
    assert {step["with"]["preview-branch"] for step in previews} == {publish["with"]["branch"]} == {"gh-pages"}
    assert {step["with"]["umbrella-dir"] + "/" for step in previews} == {PREVIEWS_FOLDER}
    # anchored at the root (rsync's --exclude): sv/previews/… would be production's own, and is cleaned
    assert publish["with"]["clean-exclude"] == "/" + PREVIEWS_FOLDER
    assert publish["with"]["folder"] == "site" and publish["with"]["force"] is False
    build = steps_of("deploy.yml", "build")
    assert (
        next(step for step in build if step.get("run") == "make pages")["env"]["TT_SITE_URL"] == "${{ vars.PAGES_URL }}"
    )


def fake_gh(tmp_path: Path, answer: str) -> dict:
    """A `gh` on PATH that answers every API call with `answer`, as `--jq` would print it."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir(exist_ok=True)
    (bin_dir / "gh").write_text(f"#!/bin/sh\necho '{answer}'\n", encoding="utf-8")
    (bin_dir / "gh").chmod(0o755)
    return {
        "PATH": f"{bin_dir}:{os.environ['PATH']}",
        "GITHUB_REPOSITORY": "kt/tarkeissa",
        "HEAD_SHA": "abc123",
        "HEAD_REPOSITORY": "kt/tarkeissa",
        "BASE_BRANCH": "main",
    }


def test_the_number_a_pull_request_run_uploads_is_checked_before_anything_is_published(tmp_path):
    out, number = tmp_path / "output", tmp_path / "pull-request" / "number"
    assert make("pull-request-data", f"OUT={number}", NUMBER="12").returncode == 0
    env = fake_gh(tmp_path, "open abc123 kt/tarkeissa main")
    assert make("pull-request-number", IN=str(number), GITHUB_OUTPUT=str(out), **env).returncode == 0
    assert out.read_text(encoding="utf-8") == "number=12\ncurrent=true\n"
    # pushed again or closed meanwhile: the newer run publishes, a closed one nothing; and a number naming
    # another repository's pull request (a fork's at the very same commit) or one into another branch, nothing
    for answer in (
        "open def456 kt/tarkeissa main",
        "closed abc123 kt/tarkeissa main",
        "open abc123 mallory/tarkeissa main",
        "open abc123 - main",  # its fork deleted
        "open abc123 kt/tarkeissa release",
        "open abc123 kt/tarkeissa main extra",
    ):
        out.unlink()
        assert (
            make("pull-request-number", IN=str(number), GITHUB_OUTPUT=str(out), **fake_gh(tmp_path, answer)).returncode
            == 0
        )
        assert out.read_text(encoding="utf-8") == "number=12\ncurrent=false\n"
    for text in ("12abc", "../12", "-1", "0", "", "1\n2", "$(touch pwned)", "12 13", "9" * 10):
        number.write_text(text, encoding="utf-8")
        out.write_text("", encoding="utf-8")
        result = make("pull-request-number", IN=str(number), GITHUB_OUTPUT=str(out), **env)
        assert result.returncode != 0 and out.read_text(encoding="utf-8") == "", text
        assert "not a whole number" in result.stdout
    assert not (ROOT / "pwned").exists()
    number.write_text("12", encoding="utf-8")
    for missing in ("HEAD_SHA", "HEAD_REPOSITORY", "BASE_BRANCH"):  # nothing to match against: refused
        out.write_text("", encoding="utf-8")
        result = make("pull-request-number", IN=str(number), GITHUB_OUTPUT=str(out), **{**env, missing: ""})
        assert result.returncode != 0 and out.read_text(encoding="utf-8") == "", missing
    link = tmp_path / "link"
    link.symlink_to(number)  # an uploaded link is read as nothing
    assert make("pull-request-number", IN=str(link), GITHUB_OUTPUT=str(out), **env).returncode != 0


def test_the_publishing_workflows_report_comes_from_the_base_code_over_a_checkout_read_as_data(tmp_path):
    """`make changes CHECKOUT=...` as preview-publish.yml runs it: the pull request's head checked out beside the
    project, main moved on since it branched. The code warning is there, and main's new act is not 'removed'."""
    checkout = tmp_path / "pull-request"
    for name, text in {
        "mkdocs.yml": "site_name: x\n",
        "content/acts/teko.fi.md": act(title="Teko"),
        "hooks/hook.py": "x = 1\n",
    }.items():
        (checkout / name).parent.mkdir(parents=True, exist_ok=True)
        (checkout / name).write_text(text, encoding="utf-8")
    env = {
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.org",
    }

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
    result = make(
        "changes",
        f"OUT={out}",
        CHECKOUT=str(checkout),
        BASE="main",
        PREVIEW_URL="https://tarkeissatoissa.fi/previews/pr-12/",
        ARTIFACT_URL="",
    )
    assert result.returncode == 0, result.stderr
    report = out.read_text(encoding="utf-8")
    assert "> - `hooks/hook.py`\n" in report
    assert "**Acts:** 1 changed\n" in report and "Uusi mainissa" not in report
    assert (
        "- **changed** (fi) [`Teko`](https://tarkeissatoissa.fi/previews/pr-12/teot/teko/) · "
        "`content/acts/teko.fi.md` · fields: `region`\n"
    ) in report
    # a fork's pull request: no address, the reason, and where its artifact is
    fork = make(
        "changes",
        f"OUT={out}",
        CHECKOUT=str(checkout),
        BASE="main",
        PREVIEW_URL="",
        ARTIFACT_URL="https://github.com/kt/tarkeissa/actions/runs/77",
        GITHUB_OUTPUT=str(tmp_path / "output"),
    )
    report = out.read_text(encoding="utf-8")
    assert fork.returncode == 0 and "> - `hooks/hook.py`\n" in report
    assert "**No live preview:** this pull request comes from a fork" in report
    assert "[workflow run](<https://github.com/kt/tarkeissa/actions/runs/77>)" in report
    assert "Preview: " not in report and "(http://localhost:8000/teot/teko/)" in report
    assert (tmp_path / "output").read_text(encoding="utf-8") == "code_changed=true\n"  # the publishing verdict
