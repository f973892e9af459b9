"""A renamed act or tool keeps its old address: redirect_from, its checks, and the pages the build writes."""

from __future__ import annotations

import datetime as dt
import re

from conftest import act
from tarkeissa.content.load import Layout, load_content

TODAY = dt.date(2026, 11, 24)
TOOL = (
    "---\ntitle: Kuormituksen hallinnan työkirja\nsummary: Työkirja esihenkilöille kuormituksen hallintaan.\n"
    "topics: [johtaminen]\nformat: opas\nsource: {{organisation: KT}}\nupdated: 2024-03-12\n{extra}---\nTeksti.\n"
)


def problems(project, files):
    p = project(files)
    return [
        (x.path, x.line, x.column, x.field, x.message)
        for x in load_content(Layout(p.root, p.root / "docs"), TODAY).problems
    ]


def test_former_ids_that_are_free_pass(project):
    assert (
        problems(
            project,
            {
                "content/acts/uusi-nimi.fi.md": act(redirect_from="[vanha-nimi, vanhempi-nimi]"),
                "content/tools/uusi-tyokirja.fi.md": TOOL.format(extra="redirect_from: [vanha-nimi]\n"),
            },
        )
        == []
    )


def test_a_former_id_that_an_act_still_has_is_reported(project):
    assert problems(
        project,
        {
            "content/acts/uusi-nimi.fi.md": act(redirect_from="[olemassa-oleva]"),
            "content/acts/olemassa-oleva.fi.md": act(),
        },
    ) == [
        (
            "content/acts/uusi-nimi.fi.md",
            10,
            17,
            "redirect_from.0",
            "'olemassa-oleva' is the id of an existing act (content/acts/olemassa-oleva.fi.md).",
        )
    ]


def test_a_former_id_claimed_twice_or_the_files_own_is_reported(project):
    found = problems(
        project,
        {
            "content/acts/eka-teko.fi.md": act(redirect_from="[yhteinen-vanha]"),
            "content/acts/toka-teko.fi.md": act(redirect_from="[yhteinen-vanha, toka-teko]"),
        },
    )
    assert found == [
        (
            "content/acts/toka-teko.fi.md",
            10,
            17,
            "redirect_from.0",
            "'yhteinen-vanha' is also a former id of content/acts/eka-teko.fi.md.",
        ),
        ("content/acts/toka-teko.fi.md", 10, 33, "redirect_from.1", "is this file's own id."),
    ]


def test_malformed_former_ids(project):
    found = problems(
        project,
        {
            "content/acts/uusi-nimi.fi.md": act(redirect_from="[Vanha Nimi, ab, ok-id, ok-id]"),
            "content/tools/uusi-tyokirja.fi.md": TOOL.format(extra="redirect_from: vanha\n"),
        },
    )
    assert [(path, field, message) for path, _, _, field, message in found] == [
        ("content/acts/uusi-nimi.fi.md", "redirect_from.0", "'Vanha Nimi' is not an id."),
        ("content/acts/uusi-nimi.fi.md", "redirect_from.1", "'ab' is not an id."),
        ("content/acts/uusi-nimi.fi.md", "redirect_from.3", "lists 'ok-id' twice."),
        ("content/tools/uusi-tyokirja.fi.md", "redirect_from", "must be a list of ids, not text ('vanha')."),
    ]


def test_both_language_versions_list_the_same_former_ids(project):
    found = problems(
        project,
        {
            "content/acts/uusi-nimi.fi.md": act(redirect_from="[vanha-nimi]"),
            "content/acts/uusi-nimi.sv.md": act(title="Nytt namn på gärningen", redirect_from="[annan-gammal]"),
        },
    )
    assert [(path, field) for path, _, _, field, _ in found] == [("content/acts/uusi-nimi.sv.md", "redirect_from")]


def test_a_translation_that_leaves_out_the_former_ids_takes_them_from_its_counterpart(project):
    p = project(
        {
            "content/acts/uusi-nimi.fi.md": act(redirect_from="[vanha-nimi]"),
            "content/acts/uusi-nimi.sv.md": act(title="Nytt namn på gärningen").replace(
                "themes: [palvelumuotoilu]\n", ""
            ),
        }
    )
    result = p.build()
    assert result.returncode == 0, result.stderr
    assert (p.root / "site" / "sv" / "garningar" / "vanha-nimi" / "index.html").exists()


def test_the_old_addresses_lead_to_the_renamed_pages(project):
    p = project(
        {
            "content/acts/uusi-nimi.fi.md": act(redirect_from="[vanha-nimi]"),
            "content/acts/uusi-nimi.sv.md": act(title="Nytt namn på gärningen", redirect_from="[vanha-nimi]"),
            "content/tools/uusi-tyokirja.fi.md": TOOL.format(extra="redirect_from: [vanha-tyokirja]\n"),
            "content/acts/luonnos.fi.md": act(
                title="Keskeneräinen teko", draft="true", redirect_from="[luonnoksen-vanha]"
            ),
        }
    )
    result = p.build()
    assert result.returncode == 0, result.stderr
    site = p.root / "site"
    for old, new, lang, title in [
        ("teot/vanha-nimi/", "teot/uusi-nimi/", "fi", "Palvelumuotoilu toi asiakkaan äänen työhön"),
        ("sv/garningar/vanha-nimi/", "sv/garningar/uusi-nimi/", "sv", "Nytt namn på gärningen"),
        ("tyokalut/vanha-tyokirja/", "tyokalut/uusi-tyokirja/", "fi", "Kuormituksen hallinnan työkirja"),
    ]:
        html = (site / old / "index.html").read_text(encoding="utf-8")
        assert f'<html lang="{lang}">' in html
        assert f'<meta http-equiv="refresh" content="0; url=../{new.split("/")[-2]}/">' in html
        assert f'<link rel="canonical" href="https://tarkeissatoissa.fi/{new}">' in html
        assert "noindex" not in html  # search engines follow the canonical address instead
        link = re.search(r'<a href="([^"]+)">([^<]+)</a>', html)
        assert link and link.group(2) == title
        assert (site / old / link.group(1) / "index.html").resolve() == (site / new / "index.html").resolve()
        assert (site / new / "index.html").is_file()
    # a draft is not published, and neither is its redirect
    assert not (site / "teot" / "luonnoksen-vanha").exists()
    preview = p.build("preview")
    assert preview.returncode == 0 and (site / "teot" / "luonnoksen-vanha" / "index.html").is_file()
