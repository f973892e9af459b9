"""Shared fixtures: small projects written on the fly, and real MkDocs builds of them."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BUILD_DATE = "2026-11-24"

VOCABULARIES = """\
themes:
  tyohyvinvointi: {fi: Työhyvinvointi, sv: Arbetsvälbefinnande}
  palvelumuotoilu: {fi: Palvelumuotoilu, sv: Tjänstedesign}
  johtaminen: {fi: Johtaminen, sv: Ledarskap}
sectors:
  sosiaalipalvelut: {fi: Sosiaalipalvelut, sv: Socialservice}
  opetus: {fi: Opetus, sv: Undervisning}
regions:
  uusimaa: {fi: Uusimaa, sv: Nyland}
  pohjanmaa: {fi: Pohjanmaa, sv: Österbotten}
  keski-suomi: {fi: Keski-Suomi, sv: Mellersta Finland}
organisation_types:
  kunta: {fi: Kunta, sv: Kommun}
  hyvinvointialue: {fi: Hyvinvointialue, sv: Välfärdsområde}
award_series:
  innostavat-teot: {fi: Innostavat teot, sv: Inspirerande gärningar}
tool_topics:
  johtaminen: {fi: Johtaminen, sv: Ledarskap}
tool_formats:
  opas: {fi: Opas, sv: Guide}
audiences:
  esihenkilot: {fi: Esihenkilöt, sv: Chefer}
"""


def act(title="Palvelumuotoilu toi asiakkaan äänen työhön", **fields) -> str:
    values = {
        "title": title,
        "summary": "Työyhteisö kehitti asiakaspalveluaan yhdessä asiakkaiden kanssa.",
        "organisation": "Jämsän kaupunki",
        "organisation_type": "kunta",
        "region": "keski-suomi",
        "sector": "sosiaalipalvelut",
        "themes": "[palvelumuotoilu]",
        "published": "2024-05-16",
    }
    values.update(fields)
    lines = [f"{key}: {value}" for key, value in values.items() if value is not None]
    return "---\n" + "\n".join(lines) + "\n---\n\n## Lähtötilanne\n\nTarina alkaa.\n"


def page(title: str, extra: str = "", body: str = "Tekstiä.") -> str:
    return f"---\ntitle: {title}\n{extra}---\n\n{body}\n"


BASE_PAGES = {
    "docs/index.fi.md": page("Tärkeissä töissä"),
    "docs/index.sv.md": page("Tärkeissä töissä"),
    "docs/accessibility.fi.md": page("Saavutettavuusseloste", "slug: saavutettavuusseloste\n"),
    "docs/accessibility.sv.md": page("Tillgänglighetsutlåtande", "slug: tillganglighetsutlatande\n"),
}


class Project:
    """A throwaway copy of the site's machinery with content of a test's choosing."""

    def __init__(self, root: Path, files: dict[str, str | bytes]):
        self.root = root
        root.mkdir(parents=True)
        for name in ("mkdocs.yml",):
            shutil.copy(ROOT / name, root / name)
        shutil.copytree(ROOT / "overrides", root / "overrides")
        shutil.copytree(ROOT / "docs" / "assets", root / "docs" / "assets")
        (root / "hooks").symlink_to(ROOT / "hooks")
        (root / "content" / "acts").mkdir(parents=True)
        (root / "content" / "tools").mkdir(parents=True)
        self.write("content/vocabularies.yml", VOCABULARIES)
        for name, text in {**BASE_PAGES, **files}.items():
            self.write(name, text)

    def write(self, name: str, text: str | bytes) -> Path:
        path = self.root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(textwrap.dedent(text) if text.startswith("\n") else text, encoding="utf-8")
        return path

    def build(self, mode: str = "production", **env) -> subprocess.CompletedProcess:
        return run_build(self.root, mode, **env)

    def html(self, url: str) -> str:
        return (self.root / "site" / url / "index.html").read_text(encoding="utf-8")


def run_build(root: Path, mode: str = "production", site_dir: Path | None = None, **env) -> subprocess.CompletedProcess:
    # Tests read problems in English (TT_LANG=en); TT_LANG="" gives each file's own language.
    environ = {**os.environ, "TT_BUILD_DATE": BUILD_DATE, "TT_MODE": mode, "NO_MKDOCS_2_WARNING": "1", "TT_LANG": "en",
               **env}
    command = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(root / "mkdocs.yml")]
    if site_dir is not None:
        command += ["-d", str(site_dir)]
        environ.setdefault("TT_CACHE_DIR", str(site_dir.parent / ".cache"))  # not the repository's own
    return subprocess.run(command, cwd=root, env=environ, capture_output=True, text=True, timeout=600)


@pytest.fixture
def project(tmp_path):
    def make(files: dict[str, str | bytes] | None = None) -> Project:
        return Project(tmp_path / "project", files or {})
    return make


def _build_starter(tmp_path_factory, mode: str, **env) -> Path:
    site = tmp_path_factory.mktemp(f"starter-{mode}") / "site"
    result = run_build(ROOT, mode, site_dir=site, **env)
    assert result.returncode == 0, result.stderr
    return site


@pytest.fixture(scope="session")
def starter_site(tmp_path_factory) -> Path:
    """The real starter content, built once as production does."""
    return _build_starter(tmp_path_factory, "production")


@pytest.fixture(scope="session")
def starter_preview(tmp_path_factory) -> Path:
    """The same, built as a pull request's preview is: drafts included."""
    return _build_starter(tmp_path_factory, "preview")


class _QuietHandler(__import__("http.server").server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(site: Path):
    """A built site on a loopback port, as a reader's browser gets it: yields its address."""
    import functools
    import http.server
    import threading

    handler = functools.partial(_QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture(scope="session")
def served_site(starter_site):
    """The production starter site on a loopback port."""
    yield from serve(starter_site)


@pytest.fixture(scope="session")
def served_site_in_parts(tmp_path_factory):
    """The same site with each language's search index in parts of at most about eight pages, as a
    site of thousands of acts has it."""
    yield from serve(_build_starter(tmp_path_factory, "production", TT_SEARCH_PART_PAGES="8"))


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium, driven by Playwright; no browser is downloaded."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path="/usr/bin/chromium",
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                  "--disable-sync", "--no-first-run", "--disable-quic"])
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    """A desktop tab for journeys. Playwright's waiting helpers evaluate strings, which the site's
    Content-Security-Policy forbids, so these tabs bypass it; test_browser checks the policy itself."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, bypass_csp=True)
    tab = context.new_page()
    tab.errors = []
    tab.on("pageerror", lambda error: tab.errors.append(str(error)))
    yield tab
    context.close()


def pytest_terminal_summary(terminalreporter):
    """The axe-core results per page, for the record (the tests themselves assert no violation)."""
    browser_tests = sys.modules.get("test_browser")  # only when the run included it (tests/site/)
    AXE_RESULTS = browser_tests.AXE_RESULTS if browser_tests else {}
    if AXE_RESULTS:
        terminalreporter.section("axe-core, WCAG 2.1 A and AA rules")
        for name, counts in sorted(AXE_RESULTS.items()):
            terminalreporter.write_line(f"{name:45} violations {counts['violations']}, rules passed {counts['passes']}, "
                                        f"needing review {counts['incomplete']}")


# The editors' console script, as editors and CI run it.
TARKEISSA = Path(sys.executable).parent / "tarkeissa"


def run(root: Path, *args: str, cwd: Path | None = None, lang: str = "en") -> subprocess.CompletedProcess:
    env = {**os.environ, "TT_BUILD_DATE": BUILD_DATE, "TT_LANG": lang}  # lang "": each file's own language
    return subprocess.run([str(TARKEISSA), *args], cwd=cwd or root, env=env, capture_output=True, text=True,
                          timeout=120)
