"""Only content and allowed assets reach the site; a build fails with a report, never a traceback.

Each case is a real MkDocs build of a throwaway project, tried as an attacker or a careless
editor would: the file is named in the report and nothing of it is published.
"""

from __future__ import annotations

import base64
import os
from pathlib import Path

import pytest
from body_batch import BLIND_CHECK
from conftest import act

PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg=="
)
SECRET = "TT-SECRET-42"


def site_text(root: Path) -> str:
    site = root / "site"
    if not site.exists():
        return ""
    return "\n".join(path.read_bytes().decode("utf-8", "replace") for path in site.rglob("*") if path.is_file())


def fails_naming(project, result, path: str, words: str) -> None:
    assert result.returncode != 0
    assert "Traceback" not in result.stderr, result.stderr
    lines = [line for line in result.stderr.splitlines() if line.split(" -  ")[-1].startswith(path + ":")]
    assert lines and any(words in line for line in lines), result.stderr


@pytest.mark.parametrize(
    "name, data, words",
    [
        ("docs/x.html", "<script>alert(1)</script>", "a type the site does not publish ('.html')"),
        ("docs/x.js", "alert(1)", "a type the site does not publish ('.js')"),
        ("docs/kampanja/tyyli.css", "body{}", "a type the site does not publish ('.css')"),
        ("docs/x.svg", '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', "script"),
        ("docs/kuva.png", "<html><script>alert(1)</script></html>", "is not a PNG file"),
        ("docs/kuva.PNG", PNG, "extension in capitals"),
        ("docs/media/acts/x/kuva.png", PNG, "which the build fills itself"),
        ("content/acts/2024/uusi-teko.fi.md", act(), "is a folder"),
        ("content/acts/uusi-teko.fi.MD", act(), "ends in '.MD'"),
        ("content/acts/uusi-teko.fi.markdown", act(), "ends in '.markdown'"),
        ("content/tool/uusi-tyokalu.fi.md", act(), "did you mean content/tools/"),
        ("content/uusi-teko.fi.md", act(), "in a place the site does not read"),
        ("content/acts/muistiinpanot.txt", "x", "('.txt')"),
    ],
)
def test_a_file_that_is_not_content_or_an_allowed_asset_fails_the_build(project, name, data, words):
    built = project({name: data})
    result = built.build()
    reported = {
        "content/acts/2024/uusi-teko.fi.md": "content/acts/2024",
        "content/tool/uusi-tyokalu.fi.md": "content/tool",
    }.get(name, name)  # the folder is the problem
    fails_naming(built, result, reported, "")
    assert any(words.lower() in line.lower() for line in result.stderr.splitlines()), result.stderr
    assert "alert(1)" not in site_text(built.root)


def test_a_folder_with_a_page_name_is_reported(project):
    built = project()
    (built.root / "docs" / "x.fi.md").mkdir()
    result = built.build()
    fails_naming(built, result, "docs/x.fi.md", "folder with a page's name")


def test_allowed_assets_are_published_and_only_they(project):
    built = project({"docs/kuvat/kaavio.png": PNG, "docs/liitteet/opas.pdf": b"%PDF-1.7\n%\n"})
    result = built.build()
    assert result.returncode == 0, result.stderr
    assert (built.root / "site" / "kuvat" / "kaavio.png").read_bytes() == PNG
    assert (built.root / "site" / "liitteet" / "opas.pdf").exists()


@pytest.fixture
def secret(tmp_path) -> Path:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text(SECRET, encoding="utf-8")
    (outside / "secret.png").write_bytes(PNG + SECRET.encode())
    (outside / "act.fi.md").write_text(act(summary=f"Salaisuus {SECRET} tuli toisesta paikasta."), encoding="utf-8")
    return outside


@pytest.mark.parametrize(
    "link, target",
    [
        ("docs/x.txt", "secret.txt"),
        ("docs/kuva.png", "secret.png"),
        ("docs/about.fi.md", "act.fi.md"),
        ("content/acts/linkki-teko.fi.md", "act.fi.md"),
        ("content/acts/kuva.png", "secret.png"),
        ("docs/kansio", "."),
        ("docs/juuri", "/"),
    ],
)
def test_a_symbolic_link_is_reported_and_never_followed(project, secret, link, target):
    built = project()
    path = built.root / link
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists():
        path.unlink()
    os.symlink(secret / target if target != "/" else "/", path)
    result = built.build()
    fails_naming(built, result, link, "symbolic link")
    assert SECRET not in site_text(built.root)


def test_an_act_image_that_is_a_link_is_reported(project, secret):
    built = project({"content/acts/kuvallinen-teko.fi.md": act(image="{src: kuva.png, alt: Kuva työpajasta}")})
    os.symlink(secret / "secret.png", built.root / "content" / "acts" / "kuva.png")
    result = built.build()
    fails_naming(built, result, "content/acts/kuva.png", "symbolic link")
    assert SECRET not in site_text(built.root)


@pytest.mark.parametrize(
    "body, words",
    [
        ('<meta http-equiv="refresh" content="0; url=https://evil.example/">', "the element <meta>"),
        ('<!--><script src="/x.js"></script>-->', "the element <script>"),
        ('<form id="ttSearch" data-pagefind="//evil.example/x.js"><input name="q"></form>', "the element <form>"),
    ],
)
def test_a_refused_body_fails_the_build_at_its_line(project, body, words):
    text = act().replace("Tarina alkaa.\n", f"Tarina alkaa.\n\n{body}\n")
    built = project({"content/acts/vaarallinen-teko.fi.md": text})
    result = built.build()
    line = text.splitlines().index(body) + 1
    fails_naming(built, result, f"content/acts/vaarallinen-teko.fi.md:{line}", words)
    assert "evil.example" not in site_text(built.root)


def test_harmless_odd_text_builds(project):
    text = act().replace("Tarina alkaa.\n", "Tarina <![ ]> alkaa.\n\n    <script>koodina</script>\n")
    built = project({"content/acts/outo-teko.fi.md": text})
    result = built.build()
    assert result.returncode == 0, result.stderr
    html = built.html("teot/outo-teko")
    assert "&lt;script&gt;koodina&lt;/script&gt;" in html


def test_the_build_itself_sanitizes_what_the_check_let_through(project):
    """The check is the editor's report; the build's own sanitizer is what protects readers. With
    the check made blind, the build still refuses the body, names the file and publishes nothing of it."""
    hook = BLIND_CHECK
    built = project(
        {
            "blind_check_hook.py": hook,
            "content/acts/ohi-paassyt.fi.md": act().replace(
                "Tarina alkaa.", "Tarina <img src=x onerror=alert(424242)>"
            ),
        }
    )
    config = built.root / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("hooks:\n", "hooks:\n  - blind_check_hook.py\n"), encoding="utf-8"
    )
    result = built.build(TT_JOBS="1")
    fails_naming(built, result, "content/acts/ohi-paassyt.fi.md", "onerror")
    assert "424242" not in site_text(built.root)


def test_a_file_with_a_yaml_error_still_has_its_body_checked_in_the_same_run(project):
    text = '---\ntitle: "Auki jäänyt lainaus\n---\n\n<script>alert(1)</script>\n'
    built = project({"content/acts/rikki-teko.fi.md": text})
    result = built.build()
    fails_naming(built, result, "content/acts/rikki-teko.fi.md:2", "YAML syntax error")
    fails_naming(built, result, "content/acts/rikki-teko.fi.md:5", "the element <script>")


def test_an_act_image_that_is_an_svg_with_a_script_is_refused(project):
    svg = '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect width="1" height="1"/></svg>'
    built = project(
        {"content/acts/kuvallinen-teko.fi.md": act(image="{src: kuva.svg, alt: Kaavio}"), "content/acts/kuva.svg": svg}
    )
    result = built.build()
    fails_naming(built, result, "content/acts/kuva.svg", "onload")
    assert "alert(1)" not in site_text(built.root)


def test_markup_that_python_markdown_is_slow_on_is_stopped_and_named(project):
    text = act().replace("Tarina alkaa.", "<a " * 30_000)
    built = project({"content/acts/hidas-teko.fi.md": text})
    result = built.build()
    fails_naming(built, result, "content/acts/hidas-teko.fi.md", "seconds to convert")


def test_a_docs_folder_that_is_a_link_is_never_walked(project, tmp_path):
    built = project()
    real = tmp_path / "real-docs"
    (built.root / "docs").rename(real)
    os.symlink(real, built.root / "docs")
    result = built.build()
    fails_naming(built, result, "docs", "symbolic link")
