"""Generate a realistic corpus of N acts as a separate project folder, for benchmarks.

The corpus reuses the site's machinery (mkdocs.yml, hooks, overrides, docs) and vocabularies,
and writes acts whose text is recombined from the starter acts: Finnish text of real length,
every vocabulary in use, ~30% also in Swedish, ~5% in Swedish only, plus tools and campaigns.

    python scripts/generate_corpus.py 1000 /tmp/corpus-1000
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import re
import shutil
from pathlib import Path

import frontmatter
import yaml

ROOT = Path(__file__).resolve().parent.parent
SWEDISH_SHARE, SWEDISH_ONLY_SHARE = 0.30, 0.05


def sentences(language: str) -> dict[str, list[str]]:
    """Sentences of the starter acts by section, to recombine into stories of real length."""
    pools: dict[str, list[str]] = {}
    for path in sorted((ROOT / "content" / "acts").glob(f"*.{language}.md")):
        post = frontmatter.load(path)
        for section in re.split(r"^## ", post.content, flags=re.MULTILINE)[1:]:
            heading, _, text = section.partition("\n")
            found = re.findall(r"[^.!?\n]+[.!?]", text)
            pools.setdefault(heading.strip(), []).extend(s.strip() for s in found if len(s) > 30)
    return pools


def story(rng: random.Random, pools: dict[str, list[str]], words: int) -> str:
    parts = []
    per_section = words // max(1, len(pools))
    for heading, pool in pools.items():
        text, count = [], 0
        while count < per_section:
            sentence = rng.choice(pool)
            text.append(sentence)
            count += len(sentence.split())
        paragraphs = [" ".join(text[i : i + 4]) for i in range(0, len(text), 4)]
        parts.append(f"## {heading}\n\n" + "\n\n".join(paragraphs))
    return "\n\n".join(parts) + "\n"


def generate(count: int, target: Path, seed: int = 2026) -> dict[str, int]:
    rng = random.Random(seed)
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    for name in ("mkdocs.yml",):
        shutil.copy(ROOT / name, target / name)
    for folder in ("overrides", "docs"):
        shutil.copytree(ROOT / folder, target / folder)
    (target / "hooks").symlink_to(ROOT / "hooks")
    (target / "content" / "acts").mkdir(parents=True)
    shutil.copytree(ROOT / "content" / "tools", target / "content" / "tools")
    shutil.copy(ROOT / "content" / "vocabularies.yml", target / "content" / "vocabularies.yml")
    vocabularies = yaml.safe_load((ROOT / "content" / "vocabularies.yml").read_text(encoding="utf-8"))
    terms = {name: list(values) for name, values in vocabularies.items()}
    campaigns = sorted(p.name.split(".")[0] for p in (ROOT / "docs" / "campaigns").glob("*.fi.md"))
    pools = {"fi": sentences("fi"), "sv": sentences("sv")}
    starter = [frontmatter.load(p) for p in sorted((ROOT / "content" / "acts").glob("*.md"))]
    organisations = sorted({str(post["organisation"]) for post in starter})
    counts = {"fi": 0, "sv": 0, "both": 0}
    first, last = dt.date(2015, 1, 1), dt.date(2026, 11, 1)
    for number in range(count):
        act_id = f"teko-{number:05d}-{rng.choice(terms['themes'])}"
        published = first + dt.timedelta(days=rng.randrange((last - first).days))
        values = {
            "organisation": rng.choice(organisations),
            "organisation_type": rng.choice(terms["organisation_types"]),
            "region": rng.choice(terms["regions"]),
            "sector": rng.choice(terms["sectors"]),
            "themes": rng.sample(terms["themes"], rng.randint(1, 4)),
            "published": published,
        }
        if rng.random() < 0.15:
            values["campaign"] = rng.choice(campaigns)
        if rng.random() < 0.08:
            values["awards"] = [{"year": max(2015, published.year), "series": rng.choice(terms["award_series"])}]
        roll = rng.random()
        languages = ["sv"] if roll < SWEDISH_ONLY_SHARE else ["fi", "sv"] if roll < SWEDISH_SHARE else ["fi"]
        counts["both" if len(languages) == 2 else languages[0]] += 1
        for lang in languages:
            template = rng.choice([p for p in starter if p.metadata.get("title") and _lang_of(p) == lang] or starter)
            post = frontmatter.Post(
                story(rng, pools[lang], rng.randint(250, 450)),
                **{
                    "title": f"{str(template['title'])[:100]} ({number})",
                    "summary": template["summary"],
                    **values,
                },
            )
            (target / "content" / "acts" / f"{act_id}.{lang}.md").write_text(
                frontmatter.dumps(post, sort_keys=False, allow_unicode=True) + "\n", encoding="utf-8"
            )
    return counts


def _lang_of(post: frontmatter.Post) -> str:
    return "sv" if re.search(r"^## Utgångsläge", post.content, re.MULTILINE) else "fi"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("count", type=int)
    parser.add_argument("target", type=Path)
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()
    counts = generate(args.count, args.target, args.seed)
    print(
        f"{args.count} acts in {args.target}: {counts['fi']} Finnish only, {counts['both']} in both languages, "
        f"{counts['sv']} Swedish only"
    )


if __name__ == "__main__":
    main()
