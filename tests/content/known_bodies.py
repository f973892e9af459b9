"""Markdown bodies nobody here wrote, and the site's own: the CommonMark spec's and Python-Markdown's
own examples and public XSS vectors (../shared/corpora/, when it is beside the clone), and every
body under content/. For tests that hold a quicker path to the result of the plain one."""

from __future__ import annotations

import json

import frontmatter
from conftest import ROOT

CORPORA = ROOT.parent / "shared" / "corpora"


def known_bodies() -> dict[str, str]:
    bodies = {
        path.name: frontmatter.loads(path.read_text(encoding="utf-8")).content
        for path in sorted((ROOT / "content").rglob("*.md"))
    }
    if CORPORA.is_dir():
        for example in json.loads((CORPORA / "markdown-suites.json").read_text(encoding="utf-8")):
            bodies[example["id"]] = example["markdown"]
        vectors = json.loads((CORPORA / "xss-vectors.json").read_text(encoding="utf-8"))["payloads"]
        bodies.update({f"xss-{number:03d}": vector["payload"] for number, vector in enumerate(vectors)})
    return bodies
