"""Preview builds (a pull request's) against production: banner, noindex, robots.txt, drafts."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import act

ROBOTS_META = '<meta name="robots" content="noindex,nofollow">'


def pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_every_preview_page_names_the_pull_request_and_is_not_indexed(project):
    p = project({"content/acts/valmis-teko.fi.md": act(),
                 "content/acts/luonnos-teko.fi.md": act(title="Keskeneräinen kehittämisteko", draft="true")})
    result = p.build("preview", TT_PULL_REQUEST="123")
    assert result.returncode == 0, result.stderr
    site = p.root / "site"
    checked = 0
    for path in pages(site):
        html = path.read_text(encoding="utf-8")
        if "http-equiv=\"refresh\"" in html:
            continue
        lang = re.search(r'<html lang="([a-z]+)"', html).group(1)
        banner = ("Esikatselu pull requestista #123: tämä ei ole julkaistu sivusto." if lang == "fi" else
                  "Förhandsvisning av pull request #123: detta är inte den publicerade webbplatsen.")
        assert f'<p class="tt-preview-banner" role="note">{banner}</p>' in html, path
        assert ROBOTS_META in html, path
        checked += 1
    assert checked > 30 and (site / "404.html") in pages(site)
    assert (site / "robots.txt").read_text(encoding="utf-8").endswith("User-agent: *\nDisallow: /\n")
    draft = p.html("teot/luonnos-teko")
    assert '<span class="tt-draft-badge">Luonnos</span>' in draft


def test_a_local_preview_without_a_pull_request_says_it_is_a_preview(starter_preview):
    html = (starter_preview / "sv" / "index.html").read_text(encoding="utf-8")
    assert '<p class="tt-preview-banner" role="note">Förhandsvisning: detta är inte den publicerade webbplatsen.</p>' in html
    assert ROBOTS_META in html


def test_production_has_no_banner_no_noindex_no_draft(starter_site):
    for path in pages(starter_site):
        html = path.read_text(encoding="utf-8")
        assert "tt-preview-banner" not in html and "noindex" not in html, path
        assert "tt-draft" not in html, path
    robots = (starter_site / "robots.txt").read_text(encoding="utf-8")
    assert robots == "User-agent: *\nAllow: /\n\nSitemap: https://tarkeissatoissa.fi/sitemap.xml\n"


def test_a_pull_request_number_in_production_changes_nothing(project):
    p = project({"content/acts/valmis-teko.fi.md": act(),
                 "content/acts/luonnos-teko.fi.md": act(title="Keskeneräinen kehittämisteko", draft="true")})
    assert p.build("production", TT_PULL_REQUEST="123").returncode == 0
    assert not (p.root / "site" / "teot" / "luonnos-teko").exists()
    assert not any("tt-preview-banner" in path.read_text(encoding="utf-8") for path in pages(p.root / "site"))
