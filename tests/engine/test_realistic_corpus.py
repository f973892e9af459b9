"""The peer benchmark's second corpus (scripts/realistic_corpus.py): acts that `tarkeissa check`
accepts, with 2-5 KB bodies holding tables, lists, links and images, in a shape of its own."""

from __future__ import annotations

import re
import sys

import frontmatter
from conftest import ROOT, run

sys.path.insert(0, str(ROOT / "scripts"))
from realistic_corpus import realistic


def test_realistic_acts_pass_check_and_hold_tables_lists_links_and_images(tmp_path):
    counts = realistic(40, tmp_path / "corpus")
    assert sum(counts.values()) == 40 and counts["both"] > 5 and counts["sv"] >= 1
    result = run(tmp_path / "corpus", "check", "--root", str(tmp_path / "corpus"))
    assert result.returncode == 0, result.stdout + result.stderr
    posts = [frontmatter.load(p) for p in sorted((tmp_path / "corpus" / "content" / "acts").glob("*.md"))]
    sizes = [len(post.content.encode()) for post in posts]
    assert min(sizes) >= 2000 and max(sizes) <= 5200
    bodies = [post.content for post in posts]
    assert all(re.search(r"^\| .* \|$", body, re.MULTILINE) for body in bodies)  # a table
    assert all(re.search(r"^- ", body, re.MULTILINE) and re.search(r"^1\. ", body, re.MULTILINE) for body in bodies)
    assert all("](https://" in body and "](mailto:" in body for body in bodies)
    assert sum(bool(re.search(r"\]\([\w-]+\.(fi|sv)\.md\)", body)) for body in bodies) > 30  # links to other acts
    with_images = [post for post in posts if "image" in post.metadata]
    assert len(with_images) > 5
    for post in with_images:  # the card's image, shown in the body too
        image = post["image"]
        assert isinstance(image, dict) and f"]({image['src']})" in post.content
