"""Files beside the content and links between pages, as an editor writes them: images and documents
beside an act are published with it, a link to another act by its file name reaches that act's page,
and a link to a file that is not there is a problem at its line, in the editor's language, from
`check` as from the build, never MkDocs' message about a virtual page."""

from __future__ import annotations

from body_batch import BLIND_CHECK
from conftest import act, run
from test_body_property import PNG

BODY = (
    "## Lähtötilanne\n\n"
    "![Työpaja käynnissä](tyopaja.png)\n\n"
    "[Loppuraportti](loppuraportti.pdf) ja [toinen teko](toinen-teko.fi.md#tulokset).\n\n"
    "[Samma på svenska](toinen-teko.sv.md)\n"
)
FILES = {
    "content/acts/tyopaja.png": PNG,
    "content/acts/loppuraportti.pdf": b"%PDF-1.7\n%\n",
    "content/acts/toinen-teko.fi.md": act(title="Toinen teko"),
    "content/acts/toinen-teko.sv.md": act(title="En annan gärning"),
}


def with_body(body: str) -> str:
    return act().replace("## Lähtötilanne\n\nTarina alkaa.\n", body)


def test_files_beside_an_act_are_published_with_it_and_links_between_acts_reach_their_pages(project):
    built = project({**FILES, "content/acts/kuvallinen-teko.fi.md": with_body(BODY)})
    result = built.build()
    assert result.returncode == 0, result.stderr
    html = built.html("teot/kuvallinen-teko")
    assert '<img alt="Työpaja käynnissä" src="../../media/acts/tyopaja.png">' in html
    assert '<a href="../../media/acts/loppuraportti.pdf">Loppuraportti</a>' in html
    assert '<a href="../toinen-teko/#tulokset">toinen teko</a>' in html
    assert '<a href="../../sv/garningar/toinen-teko/" title="Sivu ruotsiksi">Samma på svenska</a>' in html
    site = built.root / "site"
    assert (site / "media" / "acts" / "tyopaja.png").read_bytes() == PNG
    assert (site / "media" / "acts" / "loppuraportti.pdf").read_bytes().startswith(b"%PDF")
    assert (site / "sv" / "garningar" / "toinen-teko" / "index.html").exists()


def test_a_page_links_to_an_act_and_to_an_image_of_its_own_folder(project):
    files = {
        **FILES,
        "docs/kuvat/kaavio.png": PNG,
        "docs/tietoa.fi.md": "---\ntitle: Tietoa\n---\n\n"
        "![Kaavio](kuvat/kaavio.png) [Teko](../content/acts/toinen-teko.fi.md)\n",
    }
    built = project(files)
    result = built.build()
    assert result.returncode == 0, result.stderr
    html = built.html("tietoa")
    assert 'src="../kuvat/kaavio.png"' in html and 'href="../teot/toinen-teko/"' in html


def test_a_missing_file_or_page_is_a_problem_at_the_link_in_the_editors_language_in_check_and_build(project):
    body = "## Lähtötilanne\n\nTeksti.\n\n![Työpaja](puuttuu.png)\n\nKatso [toinen](puuttuva-teko.fi.md).\n"
    text = with_body(body)
    built = project({"content/acts/rikki-linkki.fi.md": text})
    image_line = text.splitlines().index("![Työpaja](puuttuu.png)") + 1
    link_line = text.splitlines().index("Katso [toinen](puuttuva-teko.fi.md).") + 1
    expected = [
        f"content/acts/rikki-linkki.fi.md:{image_line}:12: body: linkittää tiedostoon 'puuttuu.png'",
        f"content/acts/rikki-linkki.fi.md:{link_line}:16: body: linkittää tiedostoon 'puuttuva-teko.fi.md'",
    ]
    result = built.build(TT_LANG="")
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert all(any(line in row for row in result.stderr.splitlines()) for line in expected), result.stderr
    assert "index.md" not in result.stderr and "Doc file" not in result.stderr  # no virtual path named
    checked = run(built.root, "check", lang="")
    assert checked.returncode == 1
    assert all(line in checked.stdout for line in expected), checked.stdout


def test_the_build_alone_reports_a_missing_file_at_its_line_without_a_virtual_path(project):
    """With the check before the build made blind, the build's own rendering names the link."""
    text = with_body("## Lähtötilanne\n\n[Raportti](puuttuu.pdf)\n")
    built = project(
        {
            "content/acts/rikki-linkki.fi.md": text,
            "blind_check_hook.py": BLIND_CHECK,
        }
    )
    config = built.root / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("hooks:\n", "hooks:\n  - blind_check_hook.py\n"), encoding="utf-8"
    )
    result = built.build(TT_JOBS="1")
    line = text.splitlines().index("[Raportti](puuttuu.pdf)") + 1
    assert result.returncode != 0
    assert f"content/acts/rikki-linkki.fi.md:{line}:12: body: links to 'puuttuu.pdf'" in result.stderr
    assert "index.md" not in result.stderr and "Doc file" not in result.stderr
