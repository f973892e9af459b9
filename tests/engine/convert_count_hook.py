"""A test's extra hook: every conversion the renderer makes, as JSON lines (the body's source file,
"" for a generated page) in per-process files in the folder TT_TEST_CONVERSIONS names."""

import json
import os

from tarkeissa.engine import renderer

_convert_with = renderer.convert_with


def _counted(md, body, place):
    with open(os.path.join(os.environ["TT_TEST_CONVERSIONS"], f"{os.getpid()}.jsonl"), "a", encoding="utf-8") as out:
        out.write(json.dumps({"source": place.source, "url": place.url}) + "\n")
    return _convert_with(md, body, place)


renderer.convert_with = _counted
