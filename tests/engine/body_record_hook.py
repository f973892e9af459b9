"""A test's extra hook: each body's published HTML as the build renders it, written per process as
JSON lines into the folder TT_TEST_BODIES names, so a test compares it with check's."""

import json
import os

from tarkeissa.engine import renderer

_render_safely = renderer.render_safely


def _recording(page, config, files, spec, markdown_, links):
    _render_safely(page, config, files, spec, markdown_, links)
    if spec.source_path:
        record = {"source": spec.source_path, "url": spec.url, "html": page.content}
        with open(os.path.join(os.environ["TT_TEST_BODIES"], f"{os.getpid()}.jsonl"), "a", encoding="utf-8") as out:
            out.write(json.dumps(record) + "\n")


renderer.render_safely = _recording
