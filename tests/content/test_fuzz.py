"""Property-based tests: whatever an editor's file holds, `check` and the build end in time, with no
traceback, and the file either builds or is named in the report."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import time
from pathlib import Path

from conftest import BASE_PAGES, VOCABULARIES, Project, act, run_build
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tarkeissa.content.load import Layout, load_content
from tarkeissa.content.problems import report

FIELDS = [
    "title",
    "summary",
    "organisation",
    "organisation_type",
    "region",
    "sector",
    "themes",
    "published",
    "campaign",
    "awards",
    "contact",
    "image",
    "draft",
    "redirect_from",
    "municipality",
]
MARKUP = [
    *list("<>&;#[](){}!*_`~\\|:=\"'/-\n\t "),
    "<script>",
    "<a ",
    "<![",
    "]]>",
    "<!--",
    "-->",
    "javascript:",
    "onerror=",
    "{: ",
    "```",
    "    ",
    "> ",
    "- ",
    "1. ",
    "&#106;",
    "\x00",
]
WORDS = ["Tarina", "ääkköset", "kunta", "Työhyvinvointi", "https://kt.fi/", "😀", "x" * 40]

scalars = st.one_of(
    st.text(max_size=30),
    st.integers(),
    st.sampled_from(["2024-05-16", "2023-02-30", "9999-99-99", "true", "null", "~", "*a", "&a x", "!!python/object"]),
)


def yaml_value(depth: int = 0):
    if depth > 3:
        return scalars.map(lambda value: f'"{value}"' if isinstance(value, str) else str(value))
    return st.one_of(
        scalars.map(str),
        st.lists(st.deferred(lambda: yaml_value(depth + 1)), max_size=4).map(
            lambda items: "[" + ", ".join(items) + "]"
        ),
        st.dictionaries(
            st.sampled_from(["year", "series", "src", "alt", "name", "email", "x"]),
            st.deferred(lambda: yaml_value(depth + 1)),
            max_size=3,
        ).map(lambda items: "{" + ", ".join(f"{k}: {v}" for k, v in items.items()) + "}"),
    )


front_matter = st.one_of(
    st.lists(st.tuples(st.sampled_from(FIELDS), yaml_value()), max_size=12).map(
        lambda pairs: "\n".join(f"{key}: {value}" for key, value in pairs)
    ),
    st.text(max_size=300),  # anything at all
    st.integers(1, 600).map(lambda depth: "themes: " + "[" * depth + "x" + "]" * depth),  # deep nesting
    st.integers(1, 12).map(
        lambda levels: (
            "a: &a [x, x]\n"
            + "".join(f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}]\n" for i in range(levels))
        )
    ),  # alias bombs
)
body = st.one_of(
    st.lists(st.one_of(st.sampled_from(MARKUP), st.sampled_from(WORDS), st.text(max_size=5)), max_size=80).map("".join),
    st.tuples(st.sampled_from(MARKUP), st.sampled_from([1, 30, 800, 5000])).map(
        lambda run: run[0] * run[1]
    ),  # long runs
)
VALID_FRONT = act().split("---\n")[1]  # a valid act's fields: the body then reaches the conversion
whole_file = st.one_of(
    body.map(lambda text: f"---\n{VALID_FRONT}---\n{text}".encode("utf-8", "surrogatepass")),
    st.tuples(front_matter, body).map(
        lambda parts: f"---\n{parts[0]}\n---\n{parts[1]}".encode("utf-8", "surrogatepass")
    ),
    st.binary(max_size=400),
    st.tuples(st.binary(max_size=100), body).map(
        lambda parts: b"---\ntitle: " + parts[0] + b"\n---\n" + parts[1].encode("utf-8", "surrogatepass")
    ),
)

SECONDS_PER_FILE = 15  # the conversion budget is 3 s; reading and checking one file takes milliseconds


def _project(root: Path) -> Layout:
    if root.exists():
        shutil.rmtree(root)
    for name, text in {**BASE_PAGES, "content/vocabularies.yml": VOCABULARIES}.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    (root / "content" / "acts").mkdir(parents=True, exist_ok=True)
    return Layout(root, root / "docs")


@settings(
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(data=whole_file)
def test_check_reads_any_file_in_time_and_names_it_when_it_is_not_valid(tmp_path, data):
    layout = _project(tmp_path / "fuzz")
    (layout.root / "content" / "acts" / "fuzz-teko.fi.md").write_bytes(data)
    started = time.monotonic()
    content = load_content(layout, dt.date(2026, 11, 24))
    assert time.monotonic() - started < SECONDS_PER_FILE
    named = [problem for problem in content.problems if problem.path == "content/acts/fuzz-teko.fi.md"]
    assert [problem for problem in content.problems if problem not in named] == []  # the other files are fine
    assert named or "fuzz-teko" in content.acts  # it is read, or the report says why not
    assert all(problem.message and problem.hint is not None and problem.line >= 1 for problem in named)
    report(content.problems)  # the report itself can be printed


@settings(
    max_examples=10,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(files=st.lists(whole_file, min_size=1, max_size=4), plain=st.lists(body, min_size=1, max_size=3))
def test_a_build_of_any_files_ends_in_time_without_a_traceback(tmp_path, files, plain):
    root = tmp_path / "build"
    if root.exists():
        shutil.rmtree(root)
    contents = {f"content/acts/fuzz-{index}.fi.md": data for index, data in enumerate(files)}
    # bodies of otherwise valid acts reach the rendering too, where the build sanitizes them again
    contents.update(
        {
            f"content/acts/fuzz-body-{index}.fi.md": act().replace("Tarina alkaa.", text)
            for index, text in enumerate(plain)
        }
    )
    project = Project(root, contents)
    started = time.monotonic()
    result = run_build(project.root, "production")
    assert time.monotonic() - started < 60 + SECONDS_PER_FILE * len(contents)
    assert "Traceback" not in result.stderr, result.stderr[-3000:]
    if result.returncode != 0:
        reported = set(re.findall(r"(content/acts/fuzz-[\w-]+\.fi\.md):\d+:\d+:", result.stderr))
        assert reported, result.stderr[-3000:]  # a failed build names the files it failed on
        assert reported <= set(contents)
    else:
        for name in contents:  # every file that did not fail is a page of the site
            assert (project.root / "site" / "teot" / Path(name).name.removesuffix(".fi.md") / "index.html").exists()
