"""The web editor on the published site: Decap's GitHub backend in editorial_workflow mode, in Chromium,
with no network. The site (the starter build, /admin/ with its own Content-Security-Policy) is served at
its production address, GitHub's API by an in-process fake seeded from the starter content
(fake_github.py), and the OAuth endpoint's sign-in popup by a page doing its postMessage handshake."""

from __future__ import annotations

import difflib
import mimetypes
import re
import sys
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml
from conftest import ROOT
from fake_github import API, PNG, FakeGitHub

sys.path.insert(0, str(ROOT / "hooks"))
from tarkeissa.content.text import slugify
from tarkeissa.editors import cms_config, formatter

SITE = "https://tarkeissatoissa.fi"
AUTH = cms_config.AUTH_BASE_URL
TOKEN = "gho_fake_token_for_tests"
DRAFT, READY = "decap-cms/draft", "decap-cms/pending_publish"

# The auth endpoint's answer (as sveltia-cms-auth's callback page does): tell the opener it is authorising,
# wait for its echo, then hand it the token, each message to the opener's origin only.
POPUP = f"""<!doctype html><title>auth</title><script>
window.addEventListener("message", (event) => {{
  if (event.data !== "authorizing:github") return;
  const answer = JSON.stringify({{token: "{TOKEN}", provider: "github"}});
  window.opener.postMessage("authorization:github:success:" + answer, event.origin);
}});
window.opener.postMessage("authorizing:github", "{SITE}");
</script>"""
# Every policy violation in the editor's tab, as the browser reports it to the page.
VIOLATIONS = """window.__violations = [];
document.addEventListener("securitypolicyviolation",
  (event) => window.__violations.push(event.violatedDirective + " " + event.blockedURI));"""


@pytest.fixture
def github(browser, starter_site):
    """A Finnish editor's tab on the site's production address; `tab.fake` is GitHub, `tab.auth` the sign-in
    popup's requests, `tab.elsewhere` any request to another origin (refused)."""
    fake = FakeGitHub.seeded(ROOT, cms_config.GITHUB_REPO)
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="fi-FI")
    tab_state: dict[str, list[str]] = {"auth": [], "elsewhere": []}

    def elsewhere(route):
        tab_state["elsewhere"].append(route.request.url)
        route.abort()

    def site(route):
        path = urlsplit(route.request.url).path
        file = starter_site / path.lstrip("/")
        if file.is_dir():
            file = file / "index.html"
        if not file.is_file():
            route.fulfill(status=404, body="")
            return
        kind = {".js": "text/javascript", ".yml": "text/yaml"}.get(file.suffix) or mimetypes.guess_type(file.name)[0]
        route.fulfill(status=200, content_type=kind or "application/octet-stream", body=file.read_bytes())

    def auth(route):
        tab_state["auth"].append(route.request.url)
        route.fulfill(status=200, content_type="text/html", body=POPUP)

    context.route("**/*", elsewhere)  # the last registered route is asked first: this one only for the rest
    fake.install(context)
    context.route(f"{SITE}/**", site)
    context.route(f"{AUTH}/**", auth)
    context.add_init_script(VIOLATIONS)
    tab = context.new_page()
    tab.fake, tab.auth, tab.elsewhere = fake, tab_state["auth"], tab_state["elsewhere"]
    tab.console, tab.dialogs, tab.errors = [], [], []
    tab.on("console", lambda message: tab.console.append(message.text))
    tab.on("dialog", lambda dialog: (tab.dialogs.append(dialog.message), dialog.accept()))
    tab.on("pageerror", lambda error: tab.errors.append(str(error)))
    yield tab
    assert tab.elsewhere == [], "a request left for another origin"
    assert fake.unhandled == [], "a GitHub API call the fake does not know"
    assert tab.evaluate("window.__violations") == []
    assert not [text for text in tab.console if "Content Security Policy" in text]
    context.close()


def _sign_in(tab):
    tab.goto(f"{SITE}/admin/")
    with tab.expect_popup() as popup:
        tab.get_by_role("button", name="Kirjaudu GitHub-tunnuksella").click()
    tab.get_by_role("link", name="Työnkulku").wait_for()  # signed in
    # Decap closes the popup once it holds the token (often before a wait for "close" could begin)
    if not popup.value.is_closed():
        popup.value.wait_for_event("close")


def _open(tab, entry: str):
    tab.goto(f"{SITE}/admin/#/collections/acts/{entry}")
    tab.locator("[id^=title-field-]").first.wait_for()


def _choose(tab, field: str, label: str):
    tab.locator(f"[id^={field}-field-]").first.click()
    tab.keyboard.type(label)
    tab.keyboard.press("Enter")


def _toast(tab, text: str):
    tab.get_by_text(text, exact=True).first.wait_for()


def _save(tab):
    tab.get_by_role("button", name="Tallenna", exact=True).click()
    _toast(tab, "Tallennettu")


def _pull(fake: FakeGitHub, branch: str):
    (pull,) = [pull for pull in fake.pulls if pull.head == branch]
    return pull


def test_sign_in_new_act_with_image_save_ready_publish(github, tmp_path):
    fake = github.fake
    _sign_in(github)
    (asked,) = github.auth
    assert urlsplit(asked).path == "/auth"
    assert parse_qs(urlsplit(asked).query) == {
        "provider": ["github"],
        "site_id": ["tarkeissatoissa.fi"],
        "scope": ["public_repo"],
    }

    _open(github, "new")
    title = "Kuvallinen teko syntyi verkkoeditorissa"
    github.locator("[id^=title-field-]").first.fill(title)
    github.locator("[id^=summary-field-]").first.fill("Työyhteisö kokeili verkkoeditoria ja tallensi teon kuvineen.")
    github.locator("[id^=organisation-field-]").first.fill("Jämsän kaupunki")
    _choose(github, "organisation_type", "Kunta")
    _choose(github, "region", "Keski-Suomi")
    _choose(github, "sector", "Sosiaalipalvelut")
    _choose(github, "themes", "Johtaminen")
    github.locator("[id^=published-field-]").first.fill("2024-05-16")
    upload = tmp_path / "teon-kuva.png"
    upload.write_bytes(PNG)
    github.get_by_role("button", name="Valitse kuva").first.click()
    with github.expect_file_chooser() as chooser:
        github.get_by_text("Lataa kuva").click()
    chooser.value.set_files(str(upload))
    github.get_by_text("teon-kuva.png").first.wait_for()
    github.get_by_role("button", name="Valitse", exact=True).click()
    github.locator("[id^=alt-field-]").first.fill("Kuva teosta.")

    before = len(fake.calls)
    _save(github)
    calls = fake.routes(before)
    labelled = calls.index("PUT /repos/{repo}/issues/{number}/labels")  # the save's last call; then it reloads
    save = calls[: labelled + 1]
    assert sorted(call for call in save if not call.startswith("GET ")) == [
        "POST /repos/{repo}/git/blobs",  # the act
        "POST /repos/{repo}/git/blobs",  # the image
        "POST /repos/{repo}/git/commits",
        "POST /repos/{repo}/git/refs",  # the branch
        "POST /repos/{repo}/git/trees",
        "POST /repos/{repo}/pulls",
        "PUT /repos/{repo}/issues/{number}/labels",
    ]
    key = slugify(title)
    branch = f"cms/acts/{key}"
    assert branch in fake.branch_names()
    changed = fake.changed(branch)
    act_path, image_path = f"content/acts/{key}.fi.md", "content/acts/teon-kuva.png"
    assert sorted(changed) == [act_path, image_path]  # no Swedish file for an act with no Swedish text
    assert changed[image_path] == PNG
    committed = changed[act_path]
    assert committed is not None
    written = tmp_path / "project" / act_path
    written.parent.mkdir(parents=True)
    written.write_bytes(committed)
    assert formatter.canonical(tmp_path / "project", written) == (committed.decode("utf-8"), "")
    data = yaml.safe_load(committed.decode("utf-8").split("---")[1])
    assert data["title"] == title and data["themes"] == ["johtaminen"]
    assert data["image"] == {"src": "teon-kuva.png", "alt": "Kuva teosta."}
    pull = _pull(fake, branch)
    assert (pull.state, pull.base, pull.labels) == ("open", "main", [DRAFT])
    print(f"\none save: {len(save)} calls: {', '.join(save)}")

    github.get_by_role("button", name=re.compile("^Tila: ")).click()
    github.get_by_role("menuitem", name="Valmis").click()
    _toast(github, "Tila päivitetty")
    assert pull.labels == [READY]

    github.get_by_role("button", name="Julkaise", exact=True).click()
    github.get_by_text("Julkaise nyt").click()
    _toast(github, "Julkaistu")
    assert pull.merged and pull.merge_method == "squash"  # squash_merges: one commit on main per entry
    main = fake.files("main")
    assert main[act_path] == committed and main[image_path] == PNG
    assert branch not in fake.branch_names()
    assert github.errors == []


def test_one_word_edit_commits_one_line_of_the_finnish_file(github):
    fake = github.fake
    key = "helsinki-lukion-digitalisaatio"  # has both languages
    _sign_in(github)
    _open(github, f"entries/{key}")
    summary = github.locator("[id^=summary-field-]").first
    summary.fill(summary.input_value() + " Nopeasti.")
    _save(github)
    changed = fake.changed(f"cms/acts/{key}")
    path = f"content/acts/{key}.fi.md"
    assert list(changed) == [path]  # no .sv.md
    before = fake.files("main")[path].decode("utf-8").splitlines()
    after = (changed[path] or b"").decode("utf-8").splitlines()
    diff = [line for line in difflib.unified_diff(before, after, lineterm="", n=0) if line[:1] in "+-"]
    assert len(diff) == 4 and diff[2].startswith("-") and diff[3].startswith("+"), diff  # ---/+++ and one line
    assert diff[3].endswith(" Nopeasti.")
    assert _pull(fake, f"cms/acts/{key}").labels == [DRAFT]


def _library_names(tab) -> list[str]:
    return tab.locator("[role=dialog], .ReactModal__Content").first.inner_text().split("\n")


def test_media_library_lists_no_content_file_and_deletes_only_media(github):
    fake = github.fake
    acts = {path for path in fake.files("main") if path.endswith(".md")}
    start = fake.refs["heads/main"]
    _sign_in(github)
    # the image widget's library, in an act without an image
    _open(github, "entries/helsinki-lukion-digitalisaatio")
    github.get_by_role("button", name="Valitse kuva").first.click()
    github.get_by_text("jamsa-palvelumuotoilu.svg").first.wait_for()
    shown = github.locator("body").inner_text()
    assert "pohjanmaa-kaksikielinen-mentorointi.svg" in shown
    assert ".md" not in shown and "helsinki-lukion-digitalisaatio" not in shown.split("Kuvat ja tiedostot")[-1]
    github.get_by_role("button", name="Sulje").click()

    # the header's media page lists every file of the folder Decap is given: still media only
    github.goto(f"{SITE}/admin/#/collections/acts")
    github.get_by_role("button", name="Kuvat").click()
    card = github.get_by_text("jamsa-palvelumuotoilu.svg").first
    card.wait_for()
    shown = github.locator("body").inner_text()
    assert not re.search(r"\.(md|yml)\b", shown), shown
    card.click()
    github.get_by_role("button", name="Poista valitut").click()
    card.wait_for(state="detached")
    assert github.dialogs == ["Poistetaanko valitut kuvat?"]
    assert fake.changed("main", start) == {"content/acts/jamsa-palvelumuotoilu.svg": None}
    assert acts <= set(fake.files("main"))


def _policy(html: str) -> dict[str, set[str]]:
    found = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html)
    assert found, "no policy"
    content = found.group(1)
    return {name: set(values) for name, *values in (part.split() for part in content.split(";") if part.strip())}


def test_editor_policy_allows_what_the_github_mode_needs_and_no_more(github, starter_site, tmp_path):
    assert _policy((starter_site / "admin/index.html").read_text(encoding="utf-8")) == {
        "default-src": {"'none'"},
        "script-src": {"'self'", "'unsafe-eval'"},
        "style-src": {"'self'", "'unsafe-inline'"},
        # uploads are read back from blob: addresses, previews shown from blob: and data:
        "img-src": {"'self'", "blob:", "data:"},
        # the auth endpoint is never fetched: it is a popup that answers by postMessage
        "connect-src": {"'self'", "blob:", API},
        "font-src": {"'self'"},
        "manifest-src": {"'none'"},
        "object-src": {"'none'"},
        "base-uri": {"'none'"},
        "form-action": {"'none'"},
        "frame-src": {"'none'"},
    }
    fake = github.fake
    start = fake.refs["heads/main"]
    _sign_in(github)
    github.get_by_role("button", name="Kuvat").click()
    github.get_by_text("jamsa-palvelumuotoilu.svg").first.wait_for()
    upload = tmp_path / "lisatty-kuva.png"
    upload.write_bytes(PNG)
    with github.expect_file_chooser() as chooser:
        github.get_by_text("Lataa kuva").click()
    chooser.value.set_files(str(upload))
    github.get_by_text("lisatty-kuva.png").first.wait_for()
    thumbnail = github.locator("img[src^='blob:']").first
    thumbnail.wait_for()
    assert thumbnail.evaluate("image => image.complete && image.naturalWidth") == 1  # shown from its blob:
    assert fake.changed("main", start) == {"content/acts/lisatty-kuva.png": PNG}  # a media upload goes straight to main
