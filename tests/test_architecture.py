"""The package's folders are its architecture: imports run one way, and only the engine's adapter
touches the engine.

    content/  read a file, schema, validate, vocabularies, body policy, problems   (imports nothing above)
    pages/    the page model, listings, term pages, feeds, rendering, interface text  (uses content)
    editors/  command line, scaffold, JSON Schema, CMS config, change report       (uses pages and content)
    engine/   the plan, the MkDocs adapter, renderer and fork, cache, search runs  (uses all of them)

Modules at the package's root (parallel, compat) are used by any layer and import nothing of ours.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from conftest import ROOT

PACKAGE = ROOT / "hooks" / "tarkeissa"
LAYERS = {"": 0, "content": 1, "pages": 2, "editors": 3, "engine": 4}
# The engine (MkDocs or ProperDocs, and Material) is imported by the thin hooks module, the page generator
# (its adapter, renderer and fork) and the compatibility module only.
ENGINE_MODULES = {"mkdocs", "material", "properdocs"}
MAY_IMPORT_ENGINE = {"engine/mkdocs_adapter.py", "engine/renderer.py", "engine/fork.py", "compat.py"}


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(source: str, name: str, is_package: bool = False) -> list[tuple[int, str]]:
    """(line, absolute module) of every import in the source, at any depth (imports inside functions too)."""
    package = name if is_package else name.rpartition(".")[0]
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if node.module is None or target in (
                "tarkeissa",
                "tarkeissa.content",
                "tarkeissa.pages",
                "tarkeissa.editors",
                "tarkeissa.engine",
            ):
                found += [(node.lineno, f"{target}.{alias.name}") for alias in node.names]
            else:
                found.append((node.lineno, target))
    return found


def layer(module: str) -> int:
    parts = module.split(".")
    return LAYERS[parts[1]] if len(parts) > 2 and parts[1] in LAYERS else 0


def upward_imports(source: str, name: str) -> list[str]:
    own = layer(name)
    return [
        f"line {line}: {name} imports {target}"
        for line, target in imports(source, name)
        if (target.startswith("tarkeissa.") and layer(target) > own)
        or (own == 0 and name.count(".") == 1 and target.startswith("tarkeissa."))
    ]


def modules():
    return sorted(path for path in PACKAGE.rglob("*.py"))


def test_every_module_is_in_a_layer():
    strays = [
        path.relative_to(PACKAGE).as_posix()
        for path in modules()
        if path.parent != PACKAGE and path.parent.name not in LAYERS
    ]
    assert strays == []
    assert {path.name for path in PACKAGE.glob("*.py")} <= {"__init__.py", "parallel.py", "compat.py"}


def test_imports_run_one_way():
    wrong = []
    for path in modules():
        wrong += upward_imports(path.read_text(encoding="utf-8"), module_name(path))
    assert wrong == []


def test_only_the_adapter_and_the_compatibility_module_import_the_engine():
    wrong = []
    for path in modules():
        shown = path.relative_to(PACKAGE).as_posix()
        for line, target in imports(path.read_text(encoding="utf-8"), module_name(path)):
            if target.split(".")[0] in ENGINE_MODULES and shown not in MAY_IMPORT_ENGINE:
                wrong.append(f"{shown}:{line} imports {target}")
    assert wrong == []


@pytest.mark.parametrize(
    "source, name, upward",
    [
        ("from ..pages.site_model import build_site_model\n", "tarkeissa.content.load", True),
        ("def f():\n    from ..engine import settings\n", "tarkeissa.editors.cli", True),
        ("from tarkeissa.editors.cms_config import site_files\n", "tarkeissa.pages.site_model", True),
        ("from .content.problems import Problem\n", "tarkeissa.parallel", True),
        ("from ..content.problems import Problem\n", "tarkeissa.pages.site_model", False),
        ("from ..parallel import parallel_map\n", "tarkeissa.content.load", False),
        ("from . import scaffold\n", "tarkeissa.editors.cli", False),
    ],
)
def test_the_direction_check_sees_an_import_running_up(source, name, upward):
    assert bool(upward_imports(source, name)) is upward
