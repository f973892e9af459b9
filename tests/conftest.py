"""Shared fixtures: small projects written on the fly, and real MkDocs builds of them."""

from __future__ import annotations

import fcntl
import functools
import http.server
import inspect
import os
import re
import shutil
import subprocess
import sys
import textwrap
from collections.abc import Mapping
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

    def __init__(self, root: Path, files: Mapping[str, str | bytes]):
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

    @classmethod
    def starter(cls, root: Path) -> Project:
        """A project with the repository's own docs/ and content/."""
        project = cls(root, {})
        for folder in ("docs", "content"):
            shutil.rmtree(root / folder)
            shutil.copytree(ROOT / folder, root / folder)
        return project

    def add_test_hook(self, name: str) -> None:
        """tests/engine/<name> copied in and run after the site's own hooks."""
        add_test_hook(self.root, name)

    def build(self, mode: str = "production", **env) -> subprocess.CompletedProcess:
        return run_build(self.root, mode, **env)

    def html(self, url: str) -> str:
        return (self.root / "site" / url / "index.html").read_text(encoding="utf-8")


def add_test_hook(root: Path, name: str) -> None:
    """A test's extra hook (tests/engine/<name>) copied into the project at `root`, listed in its
    mkdocs.yml right after the site's own hooks."""
    shutil.copy(ROOT / "tests" / "engine" / name, root / name)
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "  - hooks/mkdocs_hooks.py\n" in text, "mkdocs.yml lists the site's hooks"
    config.write_text(
        text.replace("  - hooks/mkdocs_hooks.py\n", f"  - hooks/mkdocs_hooks.py\n  - {name}\n", 1), encoding="utf-8"
    )


def run_build(root: Path, mode: str = "production", site_dir: Path | None = None, **env) -> subprocess.CompletedProcess:
    # Tests read problems in English (TT_LANG=en); TT_LANG="" gives each file's own language.
    environ = {
        **os.environ,
        "TT_BUILD_DATE": BUILD_DATE,
        "TT_MODE": mode,
        "NO_MKDOCS_2_WARNING": "1",
        "TT_LANG": "en",
        **env,
    }
    command = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(root / "mkdocs.yml")]
    if site_dir is not None:
        command += ["-d", str(site_dir)]
        environ.setdefault("TT_CACHE_DIR", str(site_dir.parent / ".cache"))  # not the repository's own
    return subprocess.run(command, check=False, cwd=root, env=environ, capture_output=True, text=True, timeout=600)


@pytest.fixture
def project(tmp_path):
    def make(files: dict[str, str | bytes] | None = None) -> Project:
        return Project(tmp_path / "project", files or {})

    return make


def _build_starter(tmp_path_factory, mode: str, **env) -> Path:
    """One build of the starter content per run, shared by pytest-xdist's workers: the first to ask
    builds it under a lock in their common temporary folder, the others wait for it and read it."""
    name = "-".join(["starter", mode, *(f"{key}={value}" for key, value in sorted(env.items()))])
    base = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        base = base.parent  # the workers' common folder
    folder = base / name
    folder.mkdir(exist_ok=True)
    site, done = folder / "site", folder / "built"
    with open(folder / "lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file is closed
        if not done.exists():
            shutil.rmtree(site, ignore_errors=True)  # a build that failed in another worker
            result = run_build(ROOT, mode, site_dir=site, **env)
            assert result.returncode == 0, result.stderr
            done.touch()
    return site


# Markers, put on by what a test uses, so `make test-quick` (-m "not browser and not build") leaves out
# what needs Chromium or a real build. A test builds if it, or a fixture it uses, calls a build.
BROWSER_FIXTURES = {"browser", "page"}
# a build called, or the `build` word of a command line ([..., "mkdocs", "build", "-f", ...])
CALLS_A_BUILD = re.compile(r"""\b(?:run_build|_build_starter|build)\(|\.build\(|,\s*["']build["']\s*,""")
_NAME = re.compile(r"\b[A-Za-z_]\w*\b")


@functools.cache
def _calls_a_build(function, depth: int = 3) -> bool:
    """Whether the function builds a site: itself, or through the helpers and the code strings of its
    module that it names (a batch of bodies built at once, a live preview session run as a script)."""
    inner = getattr(getattr(function, "hypothesis", None), "inner_test", None)  # a Hypothesis test's own body
    function = inner or inspect.unwrap(function)
    try:
        source = inspect.getsource(function)
    except (OSError, TypeError):
        return False
    if CALLS_A_BUILD.search(source):
        return True
    if depth == 0:
        return False
    scope = getattr(function, "__globals__", {})
    for name in set(_NAME.findall(source)):
        value = scope.get(name)
        if isinstance(value, str) and CALLS_A_BUILD.search(value):
            return True
        if inspect.isfunction(value) and value is not function and _calls_a_build(value, depth - 1):
            return True
    return False


def pytest_collection_modifyitems(config, items):
    for item in items:
        fixtures = set(getattr(item, "fixturenames", ()))
        definitions = getattr(item, "_fixtureinfo", None)
        functions = [item.function] if hasattr(item, "function") else []
        for name in fixtures:
            for definition in definitions.name2fixturedefs.get(name, ()) if definitions else ():
                functions.append(definition.func)
        if fixtures & BROWSER_FIXTURES:
            item.add_marker(pytest.mark.browser)
            # one worker drives the browser (one Chromium, its tests in turn); the other takes the rest
            item.add_marker(pytest.mark.xdist_group("browser"))
        if any(_calls_a_build(function) for function in functions):
            item.add_marker(pytest.mark.build)


@pytest.fixture(scope="session")
def starter_site(tmp_path_factory) -> Path:
    """The real starter content, built once as production does."""
    return _build_starter(tmp_path_factory, "production")


@pytest.fixture(scope="session")
def starter_preview(tmp_path_factory) -> Path:
    """The same, built as a pull request's preview is: drafts included."""
    return _build_starter(tmp_path_factory, "preview")


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


def serve(site: Path, handler_class: type[QuietHandler] = QuietHandler):
    """A built site on a loopback port, as a reader's browser gets it: yields its address."""
    import functools
    import http.server
    import threading

    handler = functools.partial(handler_class, directory=str(site))
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
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--disable-quic",
            ],
        )
        yield chromium
        chromium.close()


@pytest.fixture(name="page")  # not to hide page(), the content page helper above
def browser_tab(browser):
    """A desktop tab for journeys. Playwright's waiting helpers evaluate strings, which the site's
    Content-Security-Policy forbids, so these tabs bypass it; test_browser checks the policy itself."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, bypass_csp=True)
    tab = context.new_page()
    tab.errors = []
    tab.on("pageerror", lambda error: tab.errors.append(str(error)))
    yield tab
    context.close()


def _axe_results() -> dict:
    browser_tests = sys.modules.get("test_browser")  # only when the run included it (tests/pages/)
    return dict(browser_tests.AXE_RESULTS) if browser_tests else {}


AXE_FROM_WORKERS: dict = {}  # under pytest-xdist, the browser tests ran in a worker


def pytest_sessionfinish(session):
    if hasattr(session.config, "workeroutput"):  # in a pytest-xdist worker: sent to the controller
        session.config.workeroutput["axe_results"] = _axe_results()


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node, error):
    AXE_FROM_WORKERS.update(getattr(node, "workeroutput", {}).get("axe_results", {}))


def pytest_terminal_summary(terminalreporter):
    """The axe-core results per page, for the record (the tests themselves assert no violation)."""
    AXE_RESULTS = {**AXE_FROM_WORKERS, **_axe_results()}
    if AXE_RESULTS:
        terminalreporter.section("axe-core, WCAG 2.1 A and AA rules")
        for name, counts in sorted(AXE_RESULTS.items()):
            terminalreporter.write_line(
                f"{name:45} violations {counts['violations']}, rules passed {counts['passes']}, "
                f"needing review {counts['incomplete']}"
            )


# The editors' console script, as editors and CI run it.
TARKEISSA = Path(sys.executable).parent / "tarkeissa"


def run(root: Path, *args: str, cwd: Path | None = None, lang: str = "en") -> subprocess.CompletedProcess:
    env = {**os.environ, "TT_BUILD_DATE": BUILD_DATE, "TT_LANG": lang}  # lang "": each file's own language
    return subprocess.run(
        [str(TARKEISSA), *args], check=False, cwd=cwd or root, env=env, capture_output=True, text=True, timeout=120
    )
