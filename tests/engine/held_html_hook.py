"""A test's extra hook: the most pages holding converted HTML at any moment while pages are
written, saved as JSON to the file TT_TEST_HELD names."""

from __future__ import annotations

import json
import os
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mkdocs.structure.files import Files

_seen = {"most": 0, "written": 0}
_files: list[Files] = []  # the build's files, from on_nav


def on_nav(nav, config, files):
    _files[:] = [files]
    return nav


def on_page_context(context, page, config, nav):  # after the build's own hook has converted the page
    held = sum(1 for file in _files[0].documentation_pages() if file.page is not None and file.page.content)
    _seen["most"] = max(_seen["most"], held)
    _seen["written"] += 1
    return context


def on_post_build(config):
    with open(os.environ["TT_TEST_HELD"], "w", encoding="utf-8") as record:
        json.dump({"most": _seen["most"], "written": _seen["written"]}, record)
