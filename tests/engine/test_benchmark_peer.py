"""The peer benchmark's Hugo site (scripts/benchmark_peer.py): written from a generated corpus, it
builds with the pinned Hugo, holds every act's page in its languages and the term pages, and
Pagefind indexes it in both languages."""

from __future__ import annotations

import html
import json
import subprocess
from pathlib import Path

import frontmatter
import yaml
from benchmark_peer import (  # scripts/, on pytest's pythonpath (pyproject.toml)
    SECTIONS,
    hugo_executable,
    pagefind_executable,
    write_hugo_site,
)
from generate_corpus import generate


def page(public: Path, lang: str, *parts: str) -> str:
    folder = public / ("sv" if lang == "sv" else "") / "/".join(parts)
    return html.unescape((folder / "index.html").read_text(encoding="utf-8"))


def test_hugo_site_of_a_generated_corpus_has_every_act_in_its_languages_and_the_term_pages(tmp_path):
    corpus, site, public = tmp_path / "corpus", tmp_path / "hugo", tmp_path / "hugo" / "public"
    counts = generate(5, corpus)
    assert counts["both"] >= 1  # the seed's five acts have one in both languages
    acts = sorted((corpus / "content" / "acts").glob("*.md"))
    assert write_hugo_site(corpus, site) == {
        lang: sum(1 for p in acts if f".{lang}." in p.name) for lang in ("fi", "sv")
    }
    subprocess.run(
        [
            str(hugo_executable()),
            "build",
            "--quiet",
            "--source",
            str(site),
            "--destination",
            str(public),
            "--cacheDir",
            str(tmp_path / "cache"),
        ],
        check=True,
        capture_output=True,
        text=True,
    )

    vocabularies = yaml.safe_load((corpus / "content" / "vocabularies.yml").read_text(encoding="utf-8"))
    languages_of: dict[str, set[str]] = {}
    for path in acts:
        act, lang = path.name.split(".")[:2]
        languages_of.setdefault(act, set()).add(lang)
        post = frontmatter.load(path)
        summary, themes, region_slug = post["summary"], post["themes"], post["region"]
        assert isinstance(summary, str) and isinstance(themes, list) and isinstance(region_slug, str)
        text = page(public, lang, SECTIONS["act"][lang], act)
        assert f'<html lang="{lang}">' in text
        assert f"<h1>{post['title']}</h1>" in text and summary in text
        assert "data-pagefind-body" in text and "<h2" in text  # the body, rendered
        prefix = "/sv/" if lang == "sv" else "/"
        for theme in themes:  # term links, titled in the page's language, to term pages listing the act
            name = vocabularies["themes"][theme][lang]
            link = f'<a href="{prefix}{SECTIONS["themes"][lang]}/{theme}/" data-pagefind-filter="theme">{name}</a>'
            assert link in text
            term = page(public, lang, SECTIONS["themes"][lang], theme)
            assert f"<h1>{name}</h1>" in term and f'href="{prefix}{SECTIONS["act"][lang]}/{act}/"' in term
        region = page(public, lang, SECTIONS["regions"][lang], region_slug)
        assert f'href="{prefix}{SECTIONS["act"][lang]}/{act}/"' in region
    act_folder = SECTIONS["act"]
    for act in (act for act, langs in languages_of.items() if len(langs) == 2):  # translations link each other
        assert f'href="/sv/{act_folder["sv"]}/{act}/" hreflang="sv"' in page(public, "fi", act_folder["fi"], act)
        assert f'href="/{act_folder["fi"]}/{act}/" hreflang="fi"' in page(public, "sv", act_folder["sv"], act)
    for lang in ("fi", "sv"):  # each vocabulary's taxonomy page, and the act list
        for name in ("themes", "regions", "sectors", "organisation_types"):
            assert '<ul class="terms">' in page(public, lang, SECTIONS[name][lang])
        listed = page(public, lang, SECTIONS["act"][lang]).partition('<ul class="acts">')[2].partition("</ul>")[0]
        assert listed.count("<li><a href=") == sum(1 for langs in languages_of.values() if lang in langs)

    subprocess.run([str(pagefind_executable()), "--site", str(public), "--silent"], check=True, capture_output=True)
    entry = json.loads((public / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert {lang: entry["languages"][lang]["page_count"] for lang in ("fi", "sv")} == {
        lang: sum(1 for langs in languages_of.values() if lang in langs) for lang in ("fi", "sv")
    }
