"""`tarkeissa changes`: a pull request's content changes against its base, as a reviewer reads them."""

from __future__ import annotations

import os
import re
import subprocess
from html.parser import HTMLParser
from urllib.parse import unquote

import pytest
import yaml
from conftest import act, run
from markdown_it import MarkdownIt

TOOL = (
    "---\ntitle: Kuormituksen hallinnan työkirja\nsummary: Työkirja esihenkilöille kuormituksen hallintaan.\n"
    "topics: [johtaminen]\nformat: opas\nsource: {organisation: KT}\nupdated: 2024-03-12\n---\nTeksti.\n"
)
PREVIEW = "https://preview.example/pr-7/"


def git(root, *args):
    subprocess.run(
        ["git", *args],
        cwd=root,
        check=True,
        capture_output=True,
        env={
            "GIT_AUTHOR_NAME": "t",
            "GIT_AUTHOR_EMAIL": "t@example.org",
            "GIT_COMMITTER_NAME": "t",
            "GIT_COMMITTER_EMAIL": "t@example.org",
            "HOME": str(root),
            "PATH": "/usr/bin:/bin",
        },
    )


@pytest.fixture
def repo(project):
    p = project(
        {
            "content/acts/pysyva-teko.fi.md": act(title="Pysyvä kehittämisteko"),
            "content/acts/muuttuva-teko.fi.md": act(title="Muuttuva kehittämisteko"),
            "content/acts/muuttuva-teko.sv.md": act(title="Gärning som ändras"),
            "content/acts/poistuva-teko.fi.md": act(title="Poistuva kehittämisteko"),
            "content/acts/vanha-nimi.fi.md": act(title="Uudelleen nimetty teko"),
            "content/tools/tyokirja.fi.md": TOOL,
            "docs/about.fi.md": "---\ntitle: Tietoa\nslug: tietoa\n---\nSivusta.\n",
        }
    )
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
        "- **added** (fi) [`Keskeneräinen [teko](javascript:x)`](https://preview.example/pr-7/teot/luonnos/)"
        " · `content/acts/luonnos.fi.md` · draft: only in the preview\n"
        "- **added** (fi) [`Uudelleen nimetty teko`](https://preview.example/pr-7/teot/uusi-nimi/)"
        " · `content/acts/uusi-nimi.fi.md` · formerly `vanha-nimi`\n"
        "- **changed** (fi) [`Muuttuva kehittämisteko`](https://preview.example/pr-7/teot/muuttuva-teko/)"
        " · `content/acts/muuttuva-teko.fi.md` · fields: `region`\n"
        "- **changed** (sv) [`Gärning som ändras`](https://preview.example/pr-7/sv/garningar/muuttuva-teko/)"
        " · `content/acts/muuttuva-teko.sv.md` · text changed\n"
        "- **removed** (fi) `Poistuva kehittämisteko` · `content/acts/poistuva-teko.fi.md`\n"
        "- **removed** (fi) `Uudelleen nimetty teko` · `content/acts/vanha-nimi.fi.md`\n\n"
        "#### Tools\n\n"
        "- **changed** (fi) [`Kuormituksen hallinnan työkirja`](https://preview.example/pr-7/tyokalut/tyokirja/)"
        " · `content/tools/tyokirja.fi.md` · fields: `format`\n\n"
        "#### Pages\n\n"
        "- **changed** (fi) [`Tietoa sivustosta`](https://preview.example/pr-7/tietoa/) · `docs/about.fi.md`"
        " · fields: `title`\n\n"
        "Preview: https://preview.example/pr-7/\n"
    )


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
    assert "- **added** (fi) `Kevään kampanja` (`/kampanjat/kevat/`) · `docs/campaigns/kevat.fi.md`" in result.stdout
    assert "front matter cannot be read: see the check" in result.stdout


def test_an_unknown_base_is_a_clear_error(repo):
    result = run(repo.root, "changes", "--base", "no-such-branch")
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.startswith("tarkeissa changes:")


WARNING = (
    "> [!WARNING]\n"
    "> **Tämä muutos koskee koodia, ei vain sisältöä.** Sisällön tarkistukset eivät kata koodia: "
    "kehittäjän on tarkastettava nämä tiedostot ennen kuin muutos hyväksytään.\n"
    ">\n"
    "> **This pull request changes code, not only content.** The content checks do not cover code: "
    "a developer must review these files before it is merged.\n"
    ">\n"
)


@pytest.fixture
def site(tmp_path):
    """A small repository of its own (the project fixture's hooks/ is a link to the real ones): branch `base`
    is the pull request's base, and a test commits the pull request on top."""
    root = tmp_path / "site"
    for name, text in {
        "mkdocs.yml": "site_name: Tärkeissä töissä\n",
        "content/vocabularies.yml": "themes: {}\n",
        "content/acts/teko.fi.md": act(title="Teko"),
        "docs/about.fi.md": "---\ntitle: Tietoa\n---\n",
        "hooks/hook.py": "x = 1\n",
        "overrides/main.html": "{% extends 'base.html' %}\n",
        "requirements.lock": "mkdocs==1.6.1\n",
    }.items():
        write(root, name, text)
    git(root, "init", "-q", "-b", "main")
    commit(root)
    git(root, "branch", "base")
    return root


def write(root, name, text="x\n"):
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def commit(root):
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "change")


def pull_request(root) -> str:
    commit(root)
    result = run(root, "changes", "--base", "base")
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_a_pull_request_of_content_alone_has_no_warning(site):
    write(site, "content/acts/teko.fi.md", act(title="Teko", region="uusimaa"))
    write(site, "content/acts/uusi.fi.md", act(title="Uusi"))
    for name in ("content/acts/uusi.png", "content/acts/uusi.svg", "docs/kuvat/KUVA.JPG", "docs/tiedostot/opas.pdf"):
        write(site, name)
    write(site, "content/vocabularies.yml", "themes: {uusi: {fi: Uusi, sv: Ny}}\n")
    write(site, "docs/ohjeet/päivä.fi.md", "---\ntitle: Päivä\n---\n")
    report = pull_request(site)
    write(site, "change-report.md")  # untracked, as the report file is in CI: in no pull request
    assert run(site, "changes", "--base", "base").stdout == report
    assert report.startswith(
        "### Content changes against `base`\n\n**Acts:** 1 added, 1 changed · **Pages:** 1 added\n"
    )
    assert "`docs/ohjeet/päivä.fi.md`" in report  # git's quoting of names once hid it


@pytest.mark.parametrize(
    "path, change",
    [
        ("hooks/hook.py", lambda root: write(root, "hooks/hook.py", "x = 2\n")),
        ("hooks/hook.py", lambda root: (root / "hooks/hook.py").unlink()),
        ("overrides/main.html", lambda root: write(root, "overrides/main.html", "<script>x()</script>\n")),
        ("docs/assets/javascripts/x.js", lambda root: write(root, "docs/assets/javascripts/x.js")),
        ("docs/assets/images/kuva.png", lambda root: write(root, "docs/assets/images/kuva.png")),
        ("mkdocs.yml", lambda root: write(root, "mkdocs.yml", "site_name: x\nhooks: [x.py]\n")),
        (".github/workflows/x.yml", lambda root: write(root, ".github/workflows/x.yml")),
        ("requirements.lock", lambda root: write(root, "requirements.lock", "mkdocs==9\n")),
        ("content/acts/teko.fi.html", lambda root: write(root, "content/acts/teko.fi.html")),
        ("docs/linkki.fi.md", lambda root: (root / "docs/linkki.fi.md").symlink_to("/etc/passwd")),
        (
            "docs/about.fi.md",
            lambda root: ((root / "docs/about.fi.md").unlink(), (root / "docs/about.fi.md").symlink_to("/etc/passwd")),
        ),
    ],
    ids=[
        "hook",
        "hook removed",
        "template",
        "site script",
        "site image",
        "mkdocs.yml",
        "workflow",
        "lock file",
        "other file in content",
        "link added in docs",
        "page made a link",
    ],
)
def test_a_pull_request_that_changes_code_opens_with_a_warning_naming_it(site, path, change):
    change(site)
    report = pull_request(site)
    warning, heading, _ = report.partition("### Content changes against `base`")
    assert heading and warning.startswith(WARNING)
    assert f"> - `{path}`\n" in warning


def test_content_renamed_into_code_is_code_and_the_rest_of_the_report_stays(site):
    (site / "hooks/teko.py").write_bytes((site / "content/acts/teko.fi.md").read_bytes())
    (site / "content/acts/teko.fi.md").unlink()
    assert pull_request(site) == (
        WARNING + "> - `hooks/teko.py`\n\n"
        "### Content changes against `base`\n\n**Acts:** 1 removed\n\n#### Acts\n\n"
        "- **removed** (fi) `Teko` · `content/acts/teko.fi.md`\n"
    )


def test_no_file_name_breaks_out_of_the_warning(site):
    for name in (
        "hooks/a\n> [!NOTE]\n`` <script>alert(1)</script>.py",
        "docs/assets/`x`.js",
        "`alku.py",
        "-rf.py",
        "docs/rivi\nvaihto.fi.md",
        "docs/\u202ekatso.fi.md",
    ):
        write(site, name)
    (site / "docs").joinpath(os.fsdecode(b"\xff.fi.md")).write_bytes(b"x\n")  # not UTF-8
    assert pull_request(site) == (
        WARNING + "> - `-rf.py`\n"
        "> - `` `alku.py ``\n"
        "> - ``docs/assets/`x`.js``\n"
        "> - `docs/rivi\\nvaihto.fi.md`\n"
        "> - `docs/\\u202ekatso.fi.md`\n"
        "> - `docs/\\udcff.fi.md`\n"
        "> - ```hooks/a\\n> [!NOTE]\\n`` <script>alert(1)</script>.py```\n\n"
        "### Content changes against `base`\n\nNo acts, tools or pages changed.\n"
    )


def test_the_warning_names_fifty_files_and_counts_the_rest(site):
    for number in range(60):
        write(site, f"scripts/s{number:02}.sh")
    warning = pull_request(site).partition("### Content")[0]
    assert warning.count("\n> - `scripts/") == 50 and "> - `scripts/s49.sh`\n" in warning
    assert warning.endswith("> - … ja 10 muuta / and 10 more\n\n")


def test_code_changed_on_the_base_since_the_branch_is_not_the_pull_requests(site):
    write(site, "content/acts/teko.fi.md", act(title="Teko", region="uusimaa"))
    commit(site)
    git(site, "switch", "-q", "base")  # in the test's own repository
    write(site, "hooks/hook.py", "x = 3\n")
    commit(site)
    git(site, "switch", "-q", "main")
    write(site, "hooks/hook.py", "x = 4\n")  # nor an edit not committed: a pull request is its commits
    assert run(site, "changes", "--base", "base").stdout.startswith(
        "### Content changes against `base`\n\n**Acts:** 1 changed\n"
    )


def test_a_file_that_is_not_utf8_is_reported_unreadable_not_a_traceback(tmp_path):
    from tarkeissa.editors.change_report import compare

    root = tmp_path / "repo"
    (root / "content/acts").mkdir(parents=True)
    subprocess.run(["git", "init", "-q", "-b", "main", str(root)], check=True)
    subprocess.run(
        ["git", "-C", str(root), "commit", "-q", "--allow-empty", "-m", "base"],
        check=True,
        env={
            **os.environ,
            "GIT_AUTHOR_NAME": "t",
            "GIT_AUTHOR_EMAIL": "t@example.org",
            "GIT_COMMITTER_NAME": "t",
            "GIT_COMMITTER_EMAIL": "t@example.org",
        },
    )
    (root / "content/acts/latin-1.fi.md").write_bytes("---\ntitle: Sähkö\n---\n".encode("latin-1"))
    [change] = compare(root, "main").changes
    assert (change.status, change.unreadable) == ("added", True)


PHISHING = "x) **[Vahvista GitHub-istuntosi](https://evil.example/login)** @org/maintainers ("
ATTACKS = [
    PHISHING,
    "@org/maintainers katso",
    "![x](https://evil.example/a.png)",
    "<img src=x onerror=alert(1)>",
    "https://evil.example",
    "<https://evil.example>",
    "www.evil.example ja admin@evil.example",
    "#123 ja kt/tarkeissa#7 ja deadbeefcafe1234",
    "`` ` [a](https://evil.example) ` ``",
]


def front_matter(**values) -> str:
    return "---\n" + yaml.safe_dump(values, allow_unicode=True) + "---\nTeksti.\n"


class Rendered(HTMLParser):
    """The comment as GitHub shows it: links, images and elements, and the text outside code and links,
    which GitHub's own filters then scan for @mentions, #references, commit ids and bare addresses."""

    def __init__(self, markdown_text: str):
        super().__init__()
        self.links: list[str | None] = []  # href and src as written (None: the attribute has no value)
        self.images: list[str | None] = []
        self.tags: set[str] = set()
        self.plain: list[str] = []  # text outside code and links
        self._inside: list[str] = []  # the open <a> and <code> elements
        self.feed(MarkdownIt("gfm-like").render(markdown_text))

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        if tag == "a":
            self.links.append(dict(attrs).get("href"))
        if tag == "img":
            self.images.append(dict(attrs).get("src"))
        if tag in ("a", "code"):
            self._inside.append(tag)

    def handle_endtag(self, tag):
        if self._inside and self._inside[-1] == tag:
            self._inside.pop()

    def handle_data(self, data):
        if not self._inside:
            self.plain.append(data)


ARTIFACT = "https://github.com/kt/tarkeissa/actions/runs/77"
NAMES = ("x) [a](https:evil.example) @org", "![x](a.png) <img src=x onerror=alert(1)>", "www.evil.example")
AUTOLINKED = re.compile(r"@\w|#\d|://|www\.|\b[0-9a-f]{7,40}\b", re.IGNORECASE)


def test_the_comment_is_data_never_markup_whatever_a_pull_request_writes(site):
    """Titles, slugs, file names, field names and former ids of the pull request, each an attack: rendered by a
    CommonMark/GFM renderer (autolinks on), the comment has no link, image, element, mention or reference of
    theirs. Every link is one of the report's own, into the preview."""
    write(site, "content/acts/teko.fi.md", front_matter(title=PHISHING, **{"@org/maintainers": "x", "<b>": 1}))
    for number, attack in enumerate(ATTACKS):
        write(site, f"content/acts/teko-{number}.fi.md", front_matter(title=attack, redirect_from=[attack]))
        write(site, f"docs/sivu-{number}.fi.md", front_matter(title=attack, slug=attack))
    for name in NAMES:
        write(site, f"content/acts/{name}.fi.md", "---\nsummary: x\n---\n")  # no title: the id is shown
    commit(site)
    for extra in ([], ["--artifact-url", ARTIFACT]):
        report = run(site, "changes", "--base", "base", "--preview-url", PREVIEW, *extra)
        assert report.returncode == 0, report.stderr
        assert PHISHING in report.stdout  # shown, as text
        rendered = Rendered(report.stdout)
        assert not rendered.images
        assert rendered.tags <= {"h3", "h4", "p", "strong", "ul", "li", "a", "code", "blockquote"}
        # each link is the report's own: an item's page in the preview (its address percent-encoded), the preview,
        # or the run
        pages = {f"teot/{key}/" for key in ("teko", *NAMES, *(f"teko-{n}" for n in range(len(ATTACKS))))}
        pages |= {f"{slug}/" for slug in ATTACKS}
        assert len(rendered.links) >= 13 + bool(extra)
        for href in rendered.links:
            assert href in (ARTIFACT, PREVIEW) or (
                href is not None
                and re.fullmatch(re.escape(PREVIEW) + r"[A-Za-z0-9%_.~/-]+/", href)
                and unquote(href[len(PREVIEW) :]) in pages
            ), href
        assert not AUTOLINKED.search("".join(rendered.plain)), rendered.plain


def test_what_the_report_links_to_stays_in_the_preview(site):
    for number, slug in enumerate(("../../../evil", ".", "a//b", "a/../../b")):
        write(site, f"docs/sivu-{number}.fi.md", front_matter(title="Sivu", slug=slug))
    commit(site)
    report = run(site, "changes", "--base", "base", "--preview-url", PREVIEW).stdout
    assert report.count("\n- **added** (fi) `Sivu` (`/") == 4
    assert "](" not in report.split("#### Pages")[1].split("Preview:")[0]  # no link, the address as text


def test_a_value_that_is_not_text_is_a_problem_line_not_a_crash(site):
    write(site, "content/acts/teko.fi.md", front_matter(title=5, redirect_from="vanha"))
    write(site, "content/acts/lista.fi.md", front_matter(title={"fi": "x"}, redirect_from=[1, 2]))
    write(site, "docs/sivu.fi.md", front_matter(title=["a"], slug=[1, 2]))
    write(site, "docs/toinen.fi.md", front_matter(title="Toinen", slug={"a": "b"}))
    commit(site)
    report = run(site, "changes", "--base", "base", "--preview-url", PREVIEW)
    assert report.returncode == 0, report.stderr
    lines = report.stdout.splitlines()
    assert (
        "- **added** (fi) [`lista`](https://preview.example/pr-7/teot/lista/) · `content/acts/lista.fi.md` · "
        "not text: `title`, `redirect_from`: see the check" in lines
    )
    assert any(
        line.startswith("- **changed** (fi) [`teko`]") and "not text: `title`: see the check" in line for line in lines
    )
    assert (
        "- **added** (fi) [`sivu`](https://preview.example/pr-7/sivu/) · `docs/sivu.fi.md` · "
        "not text: `title`, `slug`: see the check" in lines
    )
    assert (
        "- **added** (fi) [`Toinen`](https://preview.example/pr-7/toinen/) · `docs/toinen.fi.md` · "
        "not text: `slug`: see the check" in lines
    )


def test_a_pull_request_that_changes_code_links_its_artifact_not_a_live_preview(site):
    write(site, "content/acts/teko.fi.md", act(title="Teko", region="uusimaa"))
    commit(site)
    verdict = site.parent / "output"
    live = run(site, "changes", "--base", "base", "--preview-url", PREVIEW, "--artifact-url", ARTIFACT).stdout
    run(site, "changes", "--base", "base", "--verdict", str(verdict))
    assert verdict.read_text(encoding="utf-8") == "code_changed=false\n"  # preview-publish.yml publishes it
    assert "[`Teko`](https://preview.example/pr-7/teot/teko/)" in live and live.endswith(f"Preview: {PREVIEW}\n")
    write(site, "hooks/hook.py", "x = 2\n")
    commit(site)
    code = run(site, "changes", "--base", "base", "--preview-url", PREVIEW, "--artifact-url", ARTIFACT).stdout
    assert code.startswith(WARNING) and PREVIEW not in code
    run(site, "changes", "--base", "base", "--verdict", str(verdict))
    assert (
        verdict.read_text(encoding="utf-8") == "code_changed=false\ncode_changed=true\n"
    )  # appended, as $GITHUB_OUTPUT
    assert "[`Teko`](http://localhost:8000/teot/teko/)" in code
    assert "**No live preview:** this pull request changes code, which is never published" in code
    assert f"[workflow run](<{ARTIFACT}>)" in code
    assert "untrusted: run nothing of them" in code and "`make serve-artifact DIR=…`" in code
    assert "`python3 -I -m http.server --directory … --bind 127.0.0.1 8000`" in code
    assert "python3 -m http.server" not in code  # -m alone puts the artifact's folder first on sys.path
