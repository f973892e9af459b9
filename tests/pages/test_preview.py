"""Preview builds (a pull request's) against production: banner, noindex, robots.txt, drafts."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import act

ROBOTS_META = '<meta name="robots" content="noindex,nofollow">'


def pages(site: Path) -> list[Path]:
    """The site's pages; not admin/, the web editor's own page (cms_config.py), which has its own head."""
    return sorted(path for path in site.rglob("*.html") if path.relative_to(site).parts[0] != "admin")


def test_every_preview_page_names_the_pull_request_and_is_not_indexed(project):
    p = project(
        {
            "content/acts/valmis-teko.fi.md": act(),
            "content/acts/luonnos-teko.fi.md": act(title="Keskeneräinen kehittämisteko", draft="true"),
        }
    )
    result = p.build("preview", TT_PULL_REQUEST="123")
    assert result.returncode == 0, result.stderr
    site = p.root / "site"
    checked = 0
    for path in pages(site):
        html = path.read_text(encoding="utf-8")
        if 'http-equiv="refresh"' in html:
            continue
        html_tag = re.search(r'<html lang="([a-z]+)"', html)
        assert html_tag, path
        lang = html_tag.group(1)
        banner = (
            "Esikatselu pull requestista #123: tämä ei ole julkaistu sivusto."
            if lang == "fi"
            else "Förhandsvisning av pull request #123: detta är inte den publicerade webbplatsen."
        )
        assert f'<p class="tt-preview-banner" role="note">{banner}</p>' in html, path
        assert ROBOTS_META in html, path
        checked += 1
    assert checked > 30 and (site / "404.html") in pages(site)
    assert (site / "robots.txt").read_text(encoding="utf-8").endswith("User-agent: *\nDisallow: /\n")
    draft = p.html("teot/luonnos-teko")
    assert '<span class="tt-draft-badge">Luonnos</span>' in draft


def test_a_local_preview_without_a_pull_request_says_it_is_a_preview(starter_preview):
    html = (starter_preview / "sv" / "index.html").read_text(encoding="utf-8")
    assert (
        '<p class="tt-preview-banner" role="note">Förhandsvisning: detta är inte den publicerade webbplatsen.</p>'
        in html
    )
    assert ROBOTS_META in html


def test_production_has_no_banner_no_noindex_no_draft(starter_site):
    for path in pages(starter_site):
        html = path.read_text(encoding="utf-8")
        assert "tt-preview-banner" not in html and "noindex" not in html, path
        assert "tt-draft" not in html, path
    robots = (starter_site / "robots.txt").read_text(encoding="utf-8")
    # the host's robots.txt is the only one crawlers read: it keeps them out of the previews beside the site
    assert robots == (
        "User-agent: *\nAllow: /\nDisallow: /previews/\n\nSitemap: https://tarkeissatoissa.fi/sitemap.xml\n"
    )


def test_a_pull_request_number_in_production_changes_nothing(project):
    p = project(
        {
            "content/acts/valmis-teko.fi.md": act(),
            "content/acts/luonnos-teko.fi.md": act(title="Keskeneräinen kehittämisteko", draft="true"),
        }
    )
    assert p.build("production", TT_PULL_REQUEST="123").returncode == 0
    assert not (p.root / "site" / "teot" / "luonnos-teko").exists()
    assert not any("tt-preview-banner" in path.read_text(encoding="utf-8") for path in pages(p.root / "site"))


def test_a_preview_for_a_sub_path_links_within_it_and_names_production_as_canonical(project):
    p = project(
        {
            "content/acts/valmis-teko.fi.md": act(redirect_from="[vanha-teko]"),
            "content/acts/luonnos-teko.fi.md": act(title="Keskeneräinen kehittämisteko", draft="true"),
        }
    )
    preview = "https://kt.github.io/tarkeissa/previews/pr-12/"
    result = p.build("preview", TT_PULL_REQUEST="12", TT_SITE_URL=preview)
    assert result.returncode == 0, result.stderr
    published, draft = p.html("teot/valmis-teko"), p.html("teot/luonnos-teko")
    assert '<link rel="canonical" href="https://tarkeissatoissa.fi/teot/valmis-teko/">' in published
    assert f'<meta property="og:url" content="{preview}teot/valmis-teko/">' in published
    assert 'rel="canonical"' not in draft  # production will not have it
    assert '<link rel="canonical" href="https://tarkeissatoissa.fi/teot/valmis-teko/">' in p.html("teot/vanha-teko")
    site = p.root / "site"
    assert f"<loc>{preview}teot/valmis-teko/</loc>" in (site / "sitemap.xml").read_text(encoding="utf-8")
    assert f'<link rel="self" href="{preview}teot/atom.xml"/>' in (site / "teot" / "atom.xml").read_text(
        encoding="utf-8"
    )
    not_found = (site / "404.html").read_text(encoding="utf-8")
    assert '<a href="/tarkeissa/previews/pr-12/haku/">Haku</a>' in not_found
    assert '<a href="/tarkeissa/previews/pr-12/sv/">Till startsidan</a>' in not_found
    # a path alone is an address on the production host
    assert p.build("preview", TT_SITE_URL="/previews/pr-3").returncode == 0
    assert '<a href="/previews/pr-3/sv/sok/">Sök</a>' in (site / "404.html").read_text(encoding="utf-8")
    assert "<loc>https://tarkeissatoissa.fi/previews/pr-3/teot/valmis-teko/</loc>" in (site / "sitemap.xml").read_text(
        encoding="utf-8"
    )


def test_production_names_its_own_address_and_its_404_page_links_from_the_root(starter_site):
    html = (starter_site / "teot" / "jamsa-palvelumuotoilu-asiakaspalvelussa" / "index.html").read_text(
        encoding="utf-8"
    )
    assert (
        '<link rel="canonical" href="https://tarkeissatoissa.fi/teot/jamsa-palvelumuotoilu-asiakaspalvelussa/">' in html
    )
    not_found = (starter_site / "404.html").read_text(encoding="utf-8")
    links = re.findall(r'<a href="([^"]*)">(?:Tärkeissä töissä -etusivulle|Haku|Till startsidan|Sök)</a>', not_found)
    assert links == ["/", "/haku/", "/sv/", "/sv/sok/"]  # not //haku/, another host's address
