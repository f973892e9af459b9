"""The web editor at /admin/ (Decap CMS): its configuration from the schema, what the site serves, and an
editor's journey through it in local mode, in Chromium, against a throwaway project."""

from __future__ import annotations

import http.client
import json
import os
import re
import subprocess
import sys
from urllib.parse import urlsplit

import pytest
import yaml
from conftest import ROOT, act

sys.path.insert(0, str(ROOT / "hooks"))
from tarkeissa.content.text import slugify
from tarkeissa.content.vocabularies import load_vocabularies
from tarkeissa.editors import cms_bundle, cms_config, cms_local

TITLE = "Näin kehitimme palvelua Åbossa ja Jämsässä"
CAMPAIGN = "docs/campaigns/tarkein-sijoitus.fi.md"


def content_page(title: str, extra: str) -> str:
    return f"---\ntitle: {title}\n{extra}---\n\nTekstiä.\n"


def test_committed_config_is_the_generated_one():
    vocabularies, _ = load_vocabularies(ROOT / "content/vocabularies.yml", "content/vocabularies.yml")
    for name, text in cms_config.generated_files(vocabularies).items():
        assert (ROOT / "schemas" / name).read_text(encoding="utf-8") == text, f"run `make schemas`: {name}"
    result = subprocess.run(
        [sys.executable, "-m", "tarkeissa.editors.cli", "schema", "--check"],
        check=False,
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(ROOT / "hooks")},
    )
    assert result.returncode == 0, result.stdout


def test_site_serves_the_editor_from_itself(starter_site):
    admin = starter_site / "admin"
    assert (admin / "config.yml").read_text(encoding="utf-8") == (ROOT / "schemas/cms-config.yml").read_text(
        encoding="utf-8"
    )
    assert (admin / "config.sv.yml").read_text(encoding="utf-8") == (ROOT / "schemas/cms-config.sv.yml").read_text(
        encoding="utf-8"
    )
    html = (admin / "index.html").read_text(encoding="utf-8")
    assert '<meta name="robots" content="noindex, nofollow">' in html
    found = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html)
    assert found, "the editor's page has no Content-Security-Policy"
    policy = found.group(1)
    assert "script-src 'self' 'unsafe-eval';" in policy and "connect-src 'self' blob: https://api.github.com;" in policy
    assert re.findall(r'src="([^"]+)"', html) == ["js-yaml.min.js", "format.js", "cms.js", "decap-cms.js"]  # no CDN
    pinned = (cms_config.BUNDLE_DIR / "decap-cms.js").read_text(encoding="utf-8")
    served = (admin / "decap-cms.js").read_text(encoding="utf-8")
    for old, new in cms_bundle.PATCHES:  # the pinned bundle with exactly its changes
        pinned = pinned.replace(old, new)
    assert served == pinned
    chunk = next(cms_config.BUNDLE_DIR.glob("*.decap-cms.js"))
    assert (admin / chunk.name).read_bytes() == chunk.read_bytes()
    config = yaml.safe_load((admin / "config.yml").read_text(encoding="utf-8"))
    assert config["publish_mode"] == "editorial_workflow" and config["backend"]["name"] == "github"
    acts = config["collections"][0]
    themes = next(field for field in acts["fields"] if field["name"] == "themes")
    assert themes["multiple"] and (themes["min"], themes["max"]) == (1, 5)
    assert {"label": "Työhyvinvointi", "value": "tyohyvinvointi"} in themes["options"]
    swedish = yaml.safe_load((admin / "config.sv.yml").read_text(encoding="utf-8"))
    assert {"label": "Arbetsvälbefinnande", "value": "tyohyvinvointi"} in next(
        field for field in swedish["collections"][0]["fields"] if field["name"] == "themes"
    )["options"]


def test_no_content_page_can_take_admin(project):
    site = project({"docs/admin.fi.md": content_page("Ylläpito", "slug: admin\n")})
    result = subprocess.run(
        [str(ROOT / ".venv/bin/tarkeissa"), "check", "--root", str(site.root)],
        check=False,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1 and "/admin/" in result.stdout, result.stdout


@pytest.fixture
def cms(project, tmp_path):
    """A throwaway project, built, served with its editor in local mode; yields (project, admin address)."""
    site = project(
        {
            CAMPAIGN: content_page(
                "Tärkein sijoitus",
                "type: campaign\nstart: 2023-05-16\nsummary: Kampanja nosti esiin kuntien tärkeimpiä tekoja.\n",
            )
        }
    )
    result = site.build("preview")
    assert result.returncode == 0, result.stderr
    with cms_local.serve(site.root, site.root / "site") as address:
        yield site, address


@pytest.fixture
def editor(browser):
    """A Finnish editor's tab that keeps the editor's own Content-Security-Policy, with probes for what it
    blocks and for any dialog."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="fi-FI")
    tab = context.new_page()
    tab.dialogs, tab.console = [], []
    tab.on("dialog", lambda dialog: (tab.dialogs.append(dialog.message), dialog.accept()))
    tab.on("console", lambda message: tab.console.append(message.text))
    tab.requests = []
    tab.on("request", lambda request: tab.requests.append(request.url))
    yield tab
    context.close()


def _open_new_act(tab, address):
    tab.goto(address)
    tab.get_by_role("button", name="Kirjaudu").click()
    tab.goto(address + "#/collections/acts/new")
    tab.locator("[id^=title-field-]").first.wait_for()


def _choose(tab, field: str, label: str, pane: int = 0):
    tab.locator(f"[id^={field}-field-]").nth(pane).click()
    tab.keyboard.type(label)
    tab.keyboard.press("Enter")


def _publish(tab):
    tab.get_by_role("button", name="Julkaise").first.click()
    tab.get_by_text("Julkaise nyt").click()


def test_editor_creates_an_act_in_finnish_and_swedish(cms, editor):
    site, address = cms
    _open_new_act(editor, address)
    fields = {
        "title": (TITLE, "Så utvecklade vi tjänsten i Åbo och Jämsä"),
        "summary": (
            "Työyhteisö kehitti palveluaan yhdessä asiakkaiden kanssa.",
            "Arbetsgemenskapen utvecklade tjänsten tillsammans med kunderna.",
        ),
        "organisation": ("Jämsän kaupunki", "Jämsä stad"),
    }
    for name, (finnish, swedish) in fields.items():
        editor.locator(f"[id^={name}-field-]").nth(0).fill(finnish)
        editor.locator(f"[id^={name}-field-]").nth(1).fill(swedish)
    _choose(editor, "organisation_type", "Kunta")
    _choose(editor, "region", "Keski-Suomi")
    _choose(editor, "sector", "Sosiaalipalvelut")
    _choose(editor, "themes", "Palvelumuotoilu")
    _choose(editor, "themes", "Johtaminen")
    editor.locator("[id^=published-field-]").nth(0).fill("2024-05-16")
    editor.screenshot(path="/tmp/cms-form-fi.png")
    _publish(editor)

    key = slugify(TITLE)
    finnish, swedish = (site.root / f"content/acts/{key}.{lang}.md" for lang in ("fi", "sv"))
    for _ in range(300):  # up to 30 s: decap-server writes after answering, later on a loaded machine
        if finnish.exists() and swedish.exists():
            break
        editor.wait_for_timeout(100)
    assert finnish.exists() and swedish.exists(), sorted(p.name for p in (site.root / "content/acts").iterdir())
    values = {
        lang: yaml.safe_load(path.read_text(encoding="utf-8").split("---")[1])
        for lang, path in (("fi", finnish), ("sv", swedish))
    }
    assert values["fi"]["title"] == TITLE and values["sv"]["organisation"] == "Jämsä stad"
    assert values["fi"]["themes"] == ["palvelumuotoilu", "johtaminen"]
    for name in ("organisation_type", "region", "sector", "themes", "published"):
        assert values["fi"][name] == values["sv"][name], name  # entered once, written into both
    check = subprocess.run(
        [str(ROOT / ".venv/bin/tarkeissa"), "check", "--root", str(site.root), str(finnish), str(swedish)],
        check=False,
        capture_output=True,
        text=True,
        env={**os.environ, "TT_BUILD_DATE": "2026-11-24"},
    )
    assert check.returncode == 0, check.stdout
    result = site.build()
    assert result.returncode == 0, result.stderr
    assert TITLE in site.html(f"teot/{key}") and "Jämsä stad" in site.html(f"sv/garningar/{key}")
    assert not [url for url in editor.requests if not url.startswith(address.removesuffix("admin/"))]
    assert not [text for text in editor.console if "Content Security Policy" in text]


def test_required_field_left_empty_is_not_saved(cms, editor):
    site, address = cms
    _open_new_act(editor, address)
    editor.locator("[id^=title-field-]").nth(0).fill("Teko ilman tiivistelmää")
    _publish(editor)
    # a shared field is required in the form; a language's own text only by `check` (either may be the only one)
    assert editor.get_by_text("Organisaation tyyppi on pakollinen.").first.is_visible()
    assert editor.get_by_text("Pakollinen kenttä puuttuu").is_visible()
    editor.wait_for_timeout(500)
    assert sorted(path.name for path in (site.root / "content/acts").iterdir()) == []


def test_no_script_from_an_entry_runs_in_the_editor(cms, editor):
    site, address = cms
    site.write(
        "content/acts/vaarallinen-teko.fi.md",
        act(title="Vaarallinen teko")
        + (
            "\n<script>window.__entryScript = 1; alert('script')</script>\n\n"
            '<img src="x" onerror="window.__entryScript = 2; alert(\'onerror\')">\n\n'
            "[linkki](javascript:window.__entryScript=3)\n"
        ),
    )
    editor.goto(address)
    editor.get_by_role("button", name="Kirjaudu").click()
    editor.goto(address + "#/collections/acts/entries/vaarallinen-teko")
    editor.locator("[id^=title-field-]").first.wait_for()
    editor.wait_for_timeout(1500)
    for link in editor.get_by_text("linkki").all():
        link.click(modifiers=["Control"])  # open, not follow, if it were a link
    assert editor.get_by_role("button", name="Esikatselu", exact=True).count() == 0  # no preview pane to turn on
    assert editor.evaluate("typeof window.__entryScript") == "undefined"
    assert editor.dialogs == []


def test_editor_saves_an_act_in_one_language_only(cms, editor):
    """The Swedish side left empty: the act is published in Finnish, with no Swedish page and no problem."""
    site, address = cms
    _open_new_act(editor, address)
    title = "Etätyön pelisäännöt sovittiin yhdessä"
    editor.locator("[id^=title-field-]").nth(0).fill(title)
    editor.locator("[id^=summary-field-]").nth(0).fill("Tiimi sopi etätyön pelisäännöistä työpajassa.")
    editor.locator("[id^=organisation-field-]").nth(0).fill("Oulun kaupunki")
    _choose(editor, "organisation_type", "Kunta")
    _choose(editor, "region", "Keski-Suomi")
    _choose(editor, "sector", "Sosiaalipalvelut")
    _choose(editor, "themes", "Johtaminen")
    editor.locator("[id^=published-field-]").nth(0).fill("2024-06-03")
    _publish(editor)
    key = slugify(title)
    finnish = site.root / f"content/acts/{key}.fi.md"
    for _ in range(300):  # up to 30 s: decap-server writes after answering, later on a loaded machine
        if finnish.exists():
            break
        editor.wait_for_timeout(100)
    editor.wait_for_timeout(500)
    written = sorted(path.name for path in (site.root / "content/acts").iterdir())
    assert f"{key}.fi.md" in written, written
    check = subprocess.run(
        [str(ROOT / ".venv/bin/tarkeissa"), "check", "--root", str(site.root)],
        check=False,
        capture_output=True,
        text=True,
        env={**os.environ, "TT_BUILD_DATE": "2026-11-24"},
    )
    assert not (site.root / f"content/acts/{key}.sv.md").exists()  # the empty language is not written
    assert check.returncode == 0, check.stdout + "\n".join(
        f"{name}:\n{(site.root / 'content/acts' / name).read_text()}" for name in written
    )
    result = site.build()
    assert result.returncode == 0, result.stderr
    assert title in site.html(f"teot/{key}")
    assert not (site.root / f"site/sv/garningar/{key}").exists()


PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201"
    "5b1e2bca0000000049454e44ae426082"
)


def test_media_library_shows_only_media_and_an_upload_is_saved(cms, editor, tmp_path):
    """The library lists the entries' folder: it never shows an act (so cannot delete one), and an uploaded
    image is saved beside the act, under the editor's own Content-Security-Policy."""
    site, address = cms
    site.write("content/acts/kuvaton-teko.fi.md", act(title="Kuvaton teko"))
    site.write("content/acts/vanha-kuva.png", PNG)
    upload = tmp_path / "uusi-kuva.png"
    upload.write_bytes(PNG)
    editor.goto(address)
    editor.get_by_role("button", name="Kirjaudu").click()
    editor.goto(address + "#/collections/acts/entries/kuvaton-teko")
    editor.locator("[id^=title-field-]").first.wait_for()
    editor.get_by_role("button", name="Valitse kuva").first.click()
    editor.get_by_text("vanha-kuva.png").first.wait_for()
    shown = editor.locator("body").inner_text()
    assert "kuvaton-teko.fi.md" not in shown and ".md" not in shown
    with editor.expect_file_chooser() as chooser:
        editor.get_by_text("Lataa kuva").click()
    chooser.value.set_files(str(upload))
    editor.get_by_text("uusi-kuva.png").first.wait_for()  # uploaded images are saved with the entry
    editor.get_by_role("button", name="Valitse", exact=True).click()
    editor.locator("[id^=alt-field-]").first.fill("Uusi kuva teosta.")
    _publish(editor)
    for _ in range(300):  # up to 30 s: decap-server writes after answering, later on a loaded machine
        if (site.root / "content/acts/uusi-kuva.png").exists():
            break
        editor.wait_for_timeout(100)
    assert (site.root / "content/acts/uusi-kuva.png").read_bytes() == PNG
    assert (site.root / "content/acts/kuvaton-teko.fi.md").exists()
    assert not [text for text in editor.console if "Content Security Policy" in text]
    assert not [text for text in editor.console if "Failed to fetch" in text]


def test_local_api_refuses_to_delete_a_content_file_and_answers_a_missing_one_as_github(project):
    """The media library asks the local API to delete what it lists; whatever it asks, no act, page or
    vocabulary is deleted through it, and a media file is."""
    site = project()
    files = {
        "content/acts/teko.fi.md": site.write("content/acts/teko.fi.md", act()),
        "content/vocabularies.yml": site.root / "content/vocabularies.yml",
        "content/acts/kuva.png": site.write("content/acts/kuva.png", PNG),
    }
    (site.root / "site").mkdir()
    with cms_local.serve(site.root, site.root / "site") as address:
        where = urlsplit(address)

        def ask(action: str, params: dict) -> int:
            connection = http.client.HTTPConnection(where.hostname or "127.0.0.1", where.port, timeout=30)
            body = json.dumps(
                {"action": action, "params": {"branch": "main", **params, "options": {"commitMessage": "x"}}}
            )
            connection.request("POST", cms_local.API, body, {"Content-Type": "application/json"})
            status = connection.getresponse().status
            connection.close()
            return status

        # a language's missing file is refused, as GitHub refuses it: Decap then opens the entry from the other
        assert ask("getEntry", {"path": "content/acts/teko.sv.md"}) == 404
        assert ask("getEntry", {"path": "content/acts/teko.fi.md"}) == 200
        assert ask("deleteFile", {"path": "content/acts/teko.fi.md"}) == 403
        assert ask("deleteFiles", {"paths": ["content/acts/kuva.png", "content/vocabularies.yml"]}) == 403
        assert ask("deleteFiles", {"paths": ["content/acts/kuva.png"]}) == 200
    assert files["content/acts/teko.fi.md"].exists() and files["content/vocabularies.yml"].exists()
    assert not files["content/acts/kuva.png"].exists()
