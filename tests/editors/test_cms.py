"""The web editor at /admin/ (Decap CMS): its configuration from the schema, what the site serves, and an
editor's journey through it in local mode, in Chromium, against a throwaway project."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest
import yaml

from conftest import ROOT, act

sys.path.insert(0, str(ROOT / "hooks"))
from tarkeissa.editors import cms_config, cms_local  # noqa: E402
from tarkeissa.content.text import slugify  # noqa: E402
from tarkeissa.content.vocabularies import load_vocabularies  # noqa: E402

TITLE = "Näin kehitimme palvelua Åbossa ja Jämsässä"
CAMPAIGN = "docs/campaigns/tarkein-sijoitus.fi.md"


def content_page(title: str, extra: str) -> str:
    return f"---\ntitle: {title}\n{extra}---\n\nTekstiä.\n"


def test_committed_config_is_the_generated_one():
    vocabularies, _ = load_vocabularies(ROOT / "content/vocabularies.yml", "content/vocabularies.yml")
    for name, text in cms_config.generated_files(vocabularies).items():
        assert (ROOT / "schemas" / name).read_text(encoding="utf-8") == text, f"run `make schemas`: {name}"
    result = subprocess.run([sys.executable, "-m", "tarkeissa.editors.cli", "schema", "--check"], cwd=ROOT,
                            capture_output=True, text=True, env={"PYTHONPATH": str(ROOT / "hooks")})
    assert result.returncode == 0, result.stdout


def test_site_serves_the_editor_from_itself(starter_site):
    admin = starter_site / "admin"
    assert (admin / "config.yml").read_text(encoding="utf-8") == (ROOT / "schemas/cms-config.yml").read_text(encoding="utf-8")
    assert (admin / "config.sv.yml").read_text(encoding="utf-8") == (ROOT / "schemas/cms-config.sv.yml").read_text(encoding="utf-8")
    html = (admin / "index.html").read_text(encoding="utf-8")
    assert '<meta name="robots" content="noindex, nofollow">' in html
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html).group(1)
    assert "script-src 'self' 'unsafe-eval';" in policy and "connect-src 'self' https://api.github.com;" in policy
    assert re.findall(r'src="([^"]+)"', html) == ["cms.js", "decap-cms.js"]  # no CDN
    assert (admin / "decap-cms.js").read_bytes() == (cms_config.BUNDLE_DIR / "decap-cms.js").read_bytes()
    config = yaml.safe_load((admin / "config.yml").read_text(encoding="utf-8"))
    assert config["publish_mode"] == "editorial_workflow" and config["backend"]["name"] == "github"
    acts = config["collections"][0]
    themes = next(field for field in acts["fields"] if field["name"] == "themes")
    assert themes["multiple"] and (themes["min"], themes["max"]) == (1, 5)
    assert {"label": "Työhyvinvointi", "value": "tyohyvinvointi"} in themes["options"]
    swedish = yaml.safe_load((admin / "config.sv.yml").read_text(encoding="utf-8"))
    assert {"label": "Arbetsvälbefinnande", "value": "tyohyvinvointi"} in next(
        field for field in swedish["collections"][0]["fields"] if field["name"] == "themes")["options"]


def test_no_content_page_can_take_admin(project):
    site = project({"docs/admin.fi.md": content_page("Ylläpito", "slug: admin\n")})
    result = subprocess.run([str(ROOT / ".venv/bin/tarkeissa"), "check", "--root", str(site.root)],
                            capture_output=True, text=True)
    assert result.returncode == 1 and "/admin/" in result.stdout, result.stdout


@pytest.fixture
def cms(project, tmp_path):
    """A throwaway project, built, served with its editor in local mode; yields (project, admin address)."""
    site = project({CAMPAIGN: content_page("Tärkein sijoitus", "type: campaign\nstart: 2023-05-16\n"
                                           "summary: Kampanja nosti esiin kuntien tärkeimpiä tekoja.\n")})
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
    fields = {"title": (TITLE, "Så utvecklade vi tjänsten i Åbo och Jämsä"),
              "summary": ("Työyhteisö kehitti palveluaan yhdessä asiakkaiden kanssa.",
                          "Arbetsgemenskapen utvecklade tjänsten tillsammans med kunderna."),
              "organisation": ("Jämsän kaupunki", "Jämsä stad")}
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
    for _ in range(100):
        if finnish.exists() and swedish.exists():
            break
        editor.wait_for_timeout(100)
    assert finnish.exists() and swedish.exists(), sorted(p.name for p in (site.root / "content/acts").iterdir())
    values = {lang: yaml.safe_load(path.read_text(encoding="utf-8").split("---")[1])
              for lang, path in (("fi", finnish), ("sv", swedish))}
    assert values["fi"]["title"] == TITLE and values["sv"]["organisation"] == "Jämsä stad"
    assert values["fi"]["themes"] == ["palvelumuotoilu", "johtaminen"]
    for name in ("organisation_type", "region", "sector", "themes", "published"):
        assert values["fi"][name] == values["sv"][name], name  # entered once, written into both
    check = subprocess.run([str(ROOT / ".venv/bin/tarkeissa"), "check", "--root", str(site.root), str(finnish),
                            str(swedish)], capture_output=True, text=True, env={**os.environ, "TT_BUILD_DATE": "2026-11-24"})
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
    assert editor.get_by_text("Tiivistelmä listauksiin ja hakukoneille on pakollinen.").first.is_visible()
    assert editor.get_by_text("Pakollinen kenttä puuttuu").is_visible()
    editor.wait_for_timeout(500)
    assert sorted(path.name for path in (site.root / "content/acts").iterdir()) == []


def test_no_script_from_an_entry_runs_in_the_editor(cms, editor):
    site, address = cms
    site.write("content/acts/vaarallinen-teko.fi.md", act(title="Vaarallinen teko") + (
        "\n<script>window.__entryScript = 1; alert('script')</script>\n\n"
        '<img src="x" onerror="window.__entryScript = 2; alert(\'onerror\')">\n\n'
        "[linkki](javascript:window.__entryScript=3)\n"))
    editor.goto(address)
    editor.get_by_role("button", name="Kirjaudu").click()
    editor.goto(address + "#/collections/acts/entries/vaarallinen-teko")
    editor.locator("[id^=title-field-]").first.wait_for()
    editor.wait_for_timeout(1500)
    for link in editor.get_by_text("linkki").all():
        link.click(modifiers=["Control"])  # open, not follow, if it were a link
    assert editor.get_by_role("button", name="Esikatselu").count() == 0  # no preview pane to turn on
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
    for _ in range(100):
        if finnish.exists():
            break
        editor.wait_for_timeout(100)
    editor.wait_for_timeout(500)
    written = sorted(path.name for path in (site.root / "content/acts").iterdir())
    assert f"{key}.fi.md" in written, written
    check = subprocess.run([str(ROOT / ".venv/bin/tarkeissa"), "check", "--root", str(site.root)],
                           capture_output=True, text=True, env={**os.environ, "TT_BUILD_DATE": "2026-11-24"})
    assert "har ännu ingen egen text" in check.stdout  # said in the file's language, and no problem
    assert check.returncode == 0, check.stdout + "\n".join(
        f"{name}:\n{(site.root / 'content/acts' / name).read_text()}" for name in written)
    result = site.build()
    assert result.returncode == 0, result.stderr
    assert title in site.html(f"teot/{key}")
    assert not (site.root / f"site/sv/garningar/{key}").exists()
