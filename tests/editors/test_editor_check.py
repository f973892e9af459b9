"""`tarkeissa check` as editors and CI run it: the real console script on a real project."""

from __future__ import annotations

from conftest import act, run
from test_bad_content_report import BAD_FILES, GOLDEN


def test_a_clean_project_passes(project):
    p = project({"content/acts/the-act.fi.md": act()})
    result = run(p.root, "check")
    assert result.returncode == 0, result.stdout
    assert result.stdout == "5 file(s) checked, no problems.\n"


def test_check_prints_the_same_report_as_the_build_and_fails(project):
    p = project(BAD_FILES)
    result = run(p.root, "check")
    assert result.returncode == 1
    assert result.stdout == GOLDEN.read_text(encoding="utf-8")
    assert not (p.root / "site").exists()  # nothing was built


def test_check_finds_the_project_from_a_subfolder(project):
    p = project(BAD_FILES)
    result = run(p.root, "check", cwd=p.root / "content" / "acts")
    assert result.returncode == 1 and result.stdout == GOLDEN.read_text(encoding="utf-8")


def test_github_format_annotates_each_problem_on_its_line(project):
    p = project(BAD_FILES)
    result = run(p.root, "check", "--format", "github")
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines[-1] == "8 problem(s) in 4 file(s)."
    assert all(line.startswith("::error file=") for line in lines[:-1])
    assert (
        "::error file=content/acts/jamsa-asiakaspalvelu.fi.md,line=8,col=27,title=themes.1::"
        "'tyohyvinvoinit' is not a term of themes. Fix: Did you mean 'tyohyvinvointi'?"
    ) in result.stdout
    # a message's own newlines are escaped, so GitHub reads one annotation per line
    assert len(lines) == 9


def test_given_paths_only_those_files_are_reported(project):
    p = project({**BAD_FILES, "content/acts/clean-act.fi.md": act()})
    one = run(p.root, "check", "content/tools/tyokirja.fi.md")
    assert one.returncode == 1
    assert one.stdout.startswith("content/tools/tyokirja.fi.md:2:8: front matter: YAML syntax error")
    assert one.stdout.endswith("1 problem(s) in 1 file(s).\n")
    clean = run(p.root, "check", "content/acts/clean-act.fi.md", str(p.root / "docs" / "index.fi.md"))
    assert clean.returncode == 0, clean.stdout


def test_a_path_keeps_the_other_files_as_context(project):
    # the campaign named by the act exists only in another file, which is read but not reported on
    p = project(
        {
            "content/acts/the-act.fi.md": act(campaign="kevat"),
            "docs/campaigns/kevat.fi.md": "---\ntype: campaign\ntitle: Kevään kampanja\n---\n",
        }
    )
    result = run(p.root, "check", "content/acts/the-act.fi.md")
    assert result.returncode == 0, result.stdout
    assert run(p.root, "check").returncode == 1  # the campaign page itself lacks summary and start


def test_a_changed_vocabulary_checks_every_file(project):
    from conftest import VOCABULARIES

    p = project({"content/acts/the-act.fi.md": act()})
    p.write(
        "content/vocabularies.yml",
        VOCABULARIES.replace("  palvelumuotoilu: {fi: Palvelumuotoilu, sv: Tjänstedesign}\n", ""),
    )
    result = run(p.root, "check", "content/vocabularies.yml")
    assert result.returncode == 1
    assert "content/acts/the-act.fi.md:8:10: themes.0: 'palvelumuotoilu' is not a term of themes." in result.stdout
