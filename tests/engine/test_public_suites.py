"""Markdown nobody here wrote, as the bodies of valid acts: the CommonMark spec's examples,
Python-Markdown's own tests, Material's documentation examples, and 568 public XSS vectors
(../shared/corpora/, see its README). `check` and ONE real build judge every one alike and publish
the same HTML, and no accepted vector runs a script in Chromium, even with the
Content-Security-Policy taken out of its page."""

from __future__ import annotations

import collections
import datetime as dt
import json
import re

import pytest
from body_batch import act_file, judge_all
from conftest import BUILD_DATE, ROOT, Project, serve
from tarkeissa.content.body_policy import normalise, sanitize, visible_text
from tarkeissa.content.load import Layout, load_content
from tarkeissa.content.messages import RULES

CORPORA = ROOT.parent / "shared" / "corpora"
pytestmark = pytest.mark.skipif(not CORPORA.is_dir(), reason="../shared/corpora/ is not beside the clone")
_CSP = re.compile(r'<meta http-equiv="Content-Security-Policy"[^>]*>')

# What may refuse a Markdown example with no raw HTML (each rule is on the field guide's list):
# attr_list's classes, ids and attributes, admonition types the site does not style, relative links
# to files not beside the act, images from other hosts, '\' in an address, CommonMark autolinks
# that Python-Markdown reads as HTML elements, braces it reads as attributes.
MAY_REFUSE_PLAIN_MARKDOWN = {
    "body.refused-class",
    "body.refused-id",
    "body.refused-attribute",
    "body.refused-data-attribute",
    "body.unknown-admonition",
    "body.link-not-found",
    "body.refused-source",
    "body.refused-link",
    "body.refused-element",
    "body.braces-in-text",
}


@pytest.fixture(scope="module")
def suites(tmp_path_factory):
    examples = json.loads((CORPORA / "markdown-suites.json").read_text(encoding="utf-8"))
    vectors = json.loads((CORPORA / "xss-vectors.json").read_text(encoding="utf-8"))["payloads"]
    bodies = {example["id"]: example["markdown"] for example in examples}
    bodies.update({f"xss-{number:03d}": vector["payload"] for number, vector in enumerate(vectors)})
    # a NUL character makes the whole file unreadable as text (a file rule, before any Markdown): such a
    # file never reaches the build's rendering, so it is checked on its own here
    unreadable = {name: body for name, body in bodies.items() if "\x00" in body}
    batch = judge_all(tmp_path_factory.mktemp("suites"), {n: b for n, b in bodies.items() if n not in unreadable})
    refused_files = _refused_files(tmp_path_factory.mktemp("unreadable"), unreadable)
    return examples, vectors, batch, refused_files


def _refused_files(tmp_path, bodies: dict[str, str]) -> dict[str, list[str]]:
    """The rules `check` refuses each file with (the build stops at the same load step)."""
    project = Project(tmp_path / "project", {f"content/acts/{name}.fi.md": act_file(b) for name, b in bodies.items()})
    content = load_content(Layout(project.root, project.root / "docs"), dt.date.fromisoformat(BUILD_DATE))
    found: dict[str, list[str]] = {}
    for problem in content.problems:
        found.setdefault(problem.path.removeprefix("content/acts/").removesuffix(".fi.md"), []).append(problem.rule)
    return found


def test_check_and_the_build_give_every_example_the_same_problems_and_the_same_html(suites):
    examples, vectors, batch, refused_files = suites
    differ = [
        name
        for name, path in batch.paths.items()
        if sorted(batch.check.problems.get(path, [])) != sorted(batch.build.problems.get(path, []))
        or batch.check.html.get(path) != batch.build.html.get(path)
    ]
    assert len(batch.paths) + len(refused_files) == len(examples) + len(vectors)
    assert all(rules for rules in refused_files.values())
    assert set(batch.paths.values()) <= set(batch.build.html)  # every body rendered: the build judged each itself
    assert batch.build.problems  # the build's own judgement refused some: the comparison can fail
    assert differ == [], f"{len(differ)} differ, e.g. {differ[:10]}"


def test_every_example_without_raw_html_is_accepted_unless_a_listed_rule_refuses_it(suites):
    examples, _, batch, refused_files = suites
    assert not any(example["id"] in refused_files for example in examples)  # no Markdown example holds a NUL
    accepted = [example for example in examples if not batch.check.problems.get(batch.paths[example["id"]])]
    by_rule: collections.Counter = collections.Counter()
    plain_refused = {}
    for example in examples:
        path = batch.paths[example["id"]]
        by_rule.update(set(batch.check.rules.get(path, [])))
        if not example["raw_html"] and batch.check.problems.get(path):
            plain_refused[example["id"]] = batch.check.problems[path]
    plain_rules = {rule for example in plain_refused for rule in batch.check.rules[batch.paths[example]]}
    print(
        f"\n{len(examples)} Markdown examples: {len(accepted)} accepted, {len(examples) - len(accepted)} refused;"
        f" {sum(not e['raw_html'] for e in examples)} without raw HTML, {len(plain_refused)} of them refused."
    )
    print("Examples refused, by rule (an example may be refused by several):")
    for rule, count in sorted(by_rule.items()):
        print(f"  {rule}: {count}")
    print("Examples without raw HTML refused, with their rule ids:")
    for name, lines in sorted(plain_refused.items()):
        rules = sorted(set(batch.check.rules[batch.paths[name]]))
        print(f"  {name} [{', '.join(rules)}]: {lines[0].partition(': body: ')[2][:110]}")
    assert set(by_rule) <= set(RULES)  # every refusal is a rule of the catalogue (the field guide lists them)
    assert plain_rules <= MAY_REFUSE_PLAIN_MARKDOWN, plain_rules - MAY_REFUSE_PLAIN_MARKDOWN
    assert len(plain_refused) < 0.1 * sum(not e["raw_html"] for e in examples)


def test_what_is_published_is_the_conversion_but_for_the_listed_normalisations_and_loses_no_text(suites):
    """For every accepted body: what the build publishes equals `normalise` (the one place listing
    what publishing may change) of the conversion, and its visible text is the conversion's."""
    _, _, batch, _ = suites
    accepted = [path for path in batch.paths.values() if not batch.check.problems.get(path)]
    assert len(accepted) > 1000
    changed = [
        path
        for path in accepted
        if batch.build.html[path] != normalise(batch.check.converted[path])
        or batch.build.html[path] != sanitize(batch.check.converted[path])
    ]
    # every character a reader would see in the conversion is there, in order, once published
    lost = [
        path
        for path in accepted
        if not _in_order(visible_text(batch.check.converted[path]), visible_text(batch.build.html[path]))
    ]
    assert changed == [] and lost == []


def _in_order(text: str, within: str) -> bool:
    remaining = iter(within)
    return all(char in remaining for char in text)


def test_no_xss_vector_runs_a_script_even_without_the_content_security_policy(suites, browser):
    _, vectors, batch, refused_files = suites
    accepted = [
        name for name in batch.paths if name.startswith("xss-") and not batch.check.problems.get(batch.paths[name])
    ]
    print(
        f"\n{len(vectors)} XSS vectors: {len(vectors) - len(accepted)} refused ({len(refused_files)} of them as"
        f" files that are not text), {len(accepted)} accepted and run in Chromium"
    )
    urls = []
    for name in accepted:
        page = batch.site / "teot" / batch.paths[name].removeprefix("content/acts/").removesuffix(".fi.md")
        html = (page / "index.html").read_text(encoding="utf-8")
        assert _CSP.search(html)
        (page / "index.html").write_text(_CSP.sub("", html), encoding="utf-8")
        urls.append(page.relative_to(batch.site).as_posix() + "/")
    ran: list = []
    context = browser.new_context(bypass_csp=True)
    context.add_init_script(
        "for (const name of ['alert', 'confirm', 'prompt', 'print']) {"
        " window[name] = (...args) => { (window.__ran = window.__ran || []).push(name + ':' + String(args[0])); }; }"
    )
    tab = context.new_page()

    def dismissed(dialog):
        ran.append(dialog.message)
        dialog.dismiss()

    tab.on("dialog", dismissed)
    served = serve(batch.site)
    address = next(served)
    try:
        for url in urls:
            tab.goto(address + url, wait_until="load")
            tab.wait_for_timeout(20)  # a timer or an onload handler gets its turn
            calls = tab.evaluate("window.__ran || []")  # our own script, allowed: the policy is gone
            if calls:
                ran.append((url, calls))
        tab.goto(address + urls[0], wait_until="load")
        tab.evaluate("alert('probe')")  # the detector itself works
        assert tab.evaluate("window.__ran") == ["alert:probe"]
    finally:
        next(served, None)
        context.close()
    assert ran == []
