"""`tarkeissa changes`: a pull request's content changes against its base, as a reviewer reads them."""

from __future__ import annotations

import subprocess

import pytest

from conftest import act
from test_editor_check import run

TOOL = ("---\ntitle: Kuormituksen hallinnan työkirja\nsummary: Työkirja esihenkilöille kuormituksen hallintaan.\n"
        "topics: [johtaminen]\nformat: opas\nsource: {organisation: KT}\nupdated: 2024-03-12\n---\nTeksti.\n")
PREVIEW = "https://preview.example/pr-7/"


def git(root, *args):
    subprocess.run(["git", *args], cwd=root, check=True, capture_output=True,
                   env={"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t",
                        "GIT_COMMITTER_EMAIL": "t@example.org", "HOME": str(root), "PATH": "/usr/bin:/bin"})


@pytest.fixture
def repo(project):
    p = project({"content/acts/pysyva-teko.fi.md": act(title="Pysyvä kehittämisteko"),
                 "content/acts/muuttuva-teko.fi.md": act(title="Muuttuva kehittämisteko"),
                 "content/acts/muuttuva-teko.sv.md": act(title="Gärning som ändras"),
                 "content/acts/poistuva-teko.fi.md": act(title="Poistuva kehittämisteko"),
                 "content/acts/vanha-nimi.fi.md": act(title="Uudelleen nimetty teko"),
                 "content/tools/tyokirja.fi.md": TOOL,
                 "docs/about.fi.md": "---\ntitle: Tietoa\nslug: tietoa\n---\nSivusta.\n"})
    git(p.root, "init", "-q", "-b", "main")
    git(p.root, "add", "-A")
    git(p.root, "commit", "-q", "-m", "base")
    return p


def test_added_changed_and_removed_items_with_preview_links(repo):
    root = repo.root
    repo.write("content/acts/muuttuva-teko.fi.md", act(title="Muuttuva kehittämisteko", region="uusimaa"))
    repo.write("content/acts/muuttuva-teko.sv.md", act(title="Gärning som ändras") + "Ny mening.\n")
    (root / "content/acts/poistuva-teko.fi.md").unlink()
    (root / "content/acts/vanha-nimi.fi.md").unlink()
    repo.write("content/acts/uusi-nimi.fi.md", act(title="Uudelleen nimetty teko", redirect_from="[vanha-nimi]"))
    repo.write("content/acts/luonnos.fi.md", act(title="Keskeneräinen [teko](javascript:x)", draft="true"))
    repo.write("content/tools/tyokirja.fi.md", TOOL.replace("opas", "tyokirja"))
    repo.write("docs/about.fi.md", "---\ntitle: Tietoa sivustosta\nslug: tietoa\n---\nSivusta.\n")
    git(root, "add", "content/acts/uusi-nimi.fi.md")  # one new file staged, the other untracked: both count
    result = run(root, "changes", "--base", "main", "--preview-url", PREVIEW)
    assert result.returncode == 0, result.stderr
    assert result.stdout == (
        "### Content changes against `main`\n\n"
        "**Acts:** 2 added, 2 changed, 2 removed · **Tools:** 1 changed · **Pages:** 1 changed\n\n"
        "#### Acts\n\n"
        "- **added** (fi) [Keskeneräinen \\[teko\\]\\(javascript:x\\)](https://preview.example/pr-7/teot/luonnos/)"
        " · `content/acts/luonnos.fi.md` · draft: only in the preview\n"
        "- **added** (fi) [Uudelleen nimetty teko](https://preview.example/pr-7/teot/uusi-nimi/)"
        " · `content/acts/uusi-nimi.fi.md` · formerly `vanha-nimi`\n"
        "- **changed** (fi) [Muuttuva kehittämisteko](https://preview.example/pr-7/teot/muuttuva-teko/)"
        " · `content/acts/muuttuva-teko.fi.md` · fields: `region`\n"
        "- **changed** (sv) [Gärning som ändras](https://preview.example/pr-7/sv/garningar/muuttuva-teko/)"
        " · `content/acts/muuttuva-teko.sv.md` · text changed\n"
        "- **removed** (fi) Poistuva kehittämisteko · `content/acts/poistuva-teko.fi.md`\n"
        "- **removed** (fi) Uudelleen nimetty teko · `content/acts/vanha-nimi.fi.md`\n\n"
        "#### Tools\n\n"
        "- **changed** (fi) [Kuormituksen hallinnan työkirja](https://preview.example/pr-7/tyokalut/tyokirja/)"
        " · `content/tools/tyokirja.fi.md` · fields: `format`\n\n"
        "#### Pages\n\n"
        "- **changed** (fi) [Tietoa sivustosta](https://preview.example/pr-7/tietoa/) · `docs/about.fi.md`"
        " · fields: `title`\n\n"
        "Preview: https://preview.example/pr-7/\n")


def test_line_endings_alone_are_no_change_and_nothing_changed_says_so(repo):
    path = repo.root / "content/acts/pysyva-teko.fi.md"
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    result = run(repo.root, "changes", "--base", "main")
    assert result.stdout == "### Content changes against `main`\n\nNo acts, tools or pages changed.\n"


def test_campaign_pages_and_unreadable_front_matter(repo):
    repo.write("docs/campaigns/kevat.fi.md", "---\ntype: campaign\ntitle: Kevään kampanja\n---\nTeksti.\n")
    repo.write("content/acts/pysyva-teko.fi.md", '---\ntitle: "Rikki\n---\nTeksti.\n')
    result = run(repo.root, "changes", "--base", "main")
    assert "**Acts:** 1 changed · **Campaign pages:** 1 added" in result.stdout
    assert "- **added** (fi) Kevään kampanja (`/kampanjat/kevat/`) · `docs/campaigns/kevat.fi.md`" in result.stdout
    assert "front matter cannot be read: see the check" in result.stdout


def test_an_unknown_base_is_a_clear_error(repo):
    result = run(repo.root, "changes", "--base", "no-such-branch")
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.startswith("tarkeissa changes:")
