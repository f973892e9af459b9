"""The compatibility module: the private details of MkDocs, Material, PyYAML and Pagefind it holds
were written for known versions, and a build on others stops at once and says what to do."""

from __future__ import annotations

from conftest import act
from tarkeissa import compat


def test_installed_versions_are_the_ones_written_for():
    assert compat.version_problems() == []


def test_another_version_is_named_with_what_to_do():
    installed = {"mkdocs": "2.0.0", "mkdocs-material": "9.8.1", "PyYAML": "7.0", "pagefind": "1.5.2"}
    problems = compat.version_problems(installed.get)
    assert len(problems) == 2
    assert problems[0].startswith(
        "mkdocs 2.0.0 is installed, but hooks/tarkeissa/compat.py was written for mkdocs 1.6.x"
    )
    assert "make setup" in problems[0] and compat.ALLOW_OTHER_VERSIONS in problems[0]
    assert problems[1].startswith("PyYAML 7.0 is installed")


def test_a_build_on_other_versions_stops_before_it_starts(project):
    # a hook that runs first makes the installed MkDocs look like one compat.py was not written for
    p = project({"content/acts/the-act.fi.md": act()})
    (p.root / "pretend_hook.py").write_text(
        (
            "from tarkeissa import compat\ncompat.WRITTEN_FOR['mkdocs'] = '0.9.'\ncompat.WRITTEN_FOR['properdocs'] = "
            "'0.9.'\n"
        ),
        encoding="utf-8",
    )
    config = p.root / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            "  - hooks/mkdocs_hooks.py\n", "  - pretend_hook.py\n  - hooks/mkdocs_hooks.py\n"
        ),
        encoding="utf-8",
    )
    result = p.build()
    assert result.returncode == 1
    assert "was written for mkdocs 0.9.x" in result.stderr and "Traceback" not in result.stderr
    assert not (p.root / "site" / "index.html").exists()
    assert p.build(TT_ALLOW_OTHER_VERSIONS="1").returncode == 0
    assert (p.root / "site" / "index.html").exists()
