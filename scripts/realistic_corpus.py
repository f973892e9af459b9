"""A second benchmark corpus, not shaped like generate_corpus.py's: N acts whose bodies are 2-5 KB
of Markdown as editors write it, with tables, lists, links and images.

generate_corpus.py writes three sections of recombined sentences per act. Here each body is made of
the starter acts' whole paragraphs (in their language), in a varying order and number of sections,
with a table of figures, a bulleted and a numbered list, links (https:, mailto: and to an earlier
act by its file name), an admonition now and then, and for a third of the acts an image beside the
file, shown in the body and as the act's card image. About 40 % of the acts are in both languages,
10 % in Swedish only. The rest of the project (docs, tools, vocabularies) is generate_corpus.py's.

    python scripts/realistic_corpus.py 1000 /tmp/realistic-1000
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import re
import sys
from pathlib import Path
from typing import TypedDict

import frontmatter
import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate_corpus import ROOT, generate

BOTH_SHARE, SWEDISH_ONLY_SHARE = 0.40, 0.10
BODY_BYTES = (2000, 5000)


class Words(TypedDict):
    """A language's words for the generated parts of bodies."""

    sections: list[str]
    table: tuple[str, str, str]
    measures: list[str]
    list_intro: str
    steps_intro: str
    items: list[str]
    more: str
    contact: str
    see: str
    image_alt: str
    note: str


WORDS: dict[str, Words] = {
    "fi": {
        "sections": ["Lähtötilanne", "Mitä tehtiin", "Miten kokeilu eteni", "Tulokset", "Opit muille", "Seuraavaksi"],
        "table": ("Mittari", "Ennen", "Jälkeen"),
        "measures": [
            "Asiakastyytyväisyys",
            "Sairauspoissaolot",
            "Odotusaika (pv)",
            "Henkilöstön vaihtuvuus",
            "Kustannukset",
        ],
        "list_intro": "Kokeilussa sovittiin seuraavasta:",
        "steps_intro": "Työ eteni vaiheittain:",
        "items": [
            "yhteinen viikkopalaveri",
            "asiakaspalautteen kokoaminen",
            "työvuorotoiveiden kirjaaminen",
            "uusi perehdytysmalli",
            "etätyön pelisäännöt",
            "mentorointi kahdella kielellä",
        ],
        "more": "Lisätietoa hankkeen sivuilta",
        "contact": "Kysy lisää",
        "see": "Katso myös",
        "image_alt": "Piirroskuva kehittämistyöstä",
        "note": '!!! note "Huomio"\n\n    Kokeilu jatkuu vuoden loppuun, ja tulokset päivitetään tälle sivulle.',
    },
    "sv": {
        "sections": ["Utgångsläge", "Vad gjordes", "Hur försöket framskred", "Resultat", "Lärdomar", "Nästa steg"],
        "table": ("Mätare", "Före", "Efter"),
        "measures": ["Kundnöjdhet", "Sjukfrånvaro", "Väntetid (dagar)", "Personalomsättning", "Kostnader"],
        "list_intro": "I försöket kom man överens om följande:",
        "steps_intro": "Arbetet framskred i steg:",
        "items": [
            "ett gemensamt veckomöte",
            "insamling av kundrespons",
            "önskemål om arbetstider",
            "en ny introduktionsmodell",
            "spelregler för distansarbete",
            "tvåspråkig mentorering",
        ],
        "more": "Mer information på projektets webbplats",
        "contact": "Fråga mer",
        "see": "Se också",
        "image_alt": "Teckning av utvecklingsarbetet",
        "note": '!!! note "Obs"\n\n    Försöket fortsätter till årets slut och resultaten uppdateras på denna sida.',
    },
}


def paragraphs(lang: str) -> list[str]:
    """The starter acts' paragraphs in one language (headings left out)."""
    found = []
    for path in sorted((ROOT / "content" / "acts").glob(f"*.{lang}.md")):
        for block in frontmatter.load(path).content.split("\n\n"):
            block = block.strip()
            if block and not block.startswith(("#", "|", "-", "*", "!", "1.")) and len(block) > 80:
                found.append(block)
    return found


def text_field(post: frontmatter.Post, name: str) -> str:
    """A starter act's text field (the check requires it to be text)."""
    value = post[name]
    if not isinstance(value, str):
        raise TypeError(f"a starter act's {name} is not text: {value!r}")
    return value


def body(rng: random.Random, lang: str, pool: list[str], earlier: list[str], image: str | None) -> str:
    words, target = WORDS[lang], rng.randint(BODY_BYTES[0], BODY_BYTES[1] - 700)  # the last paragraph goes past it
    headings = words["sections"][:2] + rng.sample(words["sections"][2:], rng.randint(1, 4))
    blocks: list[str] = []
    extras = [
        "| {} | {} | {} |\n| --- | ---: | ---: |\n".format(*words["table"])
        + "\n".join(
            f"| {measure} | {rng.randint(2, 90)} | {rng.randint(2, 90)} |"
            for measure in rng.sample(words["measures"], rng.randint(2, 5))
        ),
        words["list_intro"] + "\n\n" + "\n".join(f"- {item}" for item in rng.sample(words["items"], rng.randint(2, 5))),
        words["steps_intro"]
        + "\n\n"
        + "\n".join(f"{n}. {item[0].upper() + item[1:]}" for n, item in enumerate(rng.sample(words["items"], 3), 1)),
        (
            f"{words['more']}: [hanke.example.fi](https://hanke.example.fi/{rng.randrange(10**6)}/). "
            f"{words['contact']}: [kehittaja@example.fi](mailto:kehittaja@example.fi)."
        ),
    ]
    if earlier:
        extras.append(f"{words['see']}: [{rng.choice(words['items'])}]({rng.choice(earlier)}).")
    if image:
        extras.append(f"![{words['image_alt']}]({image})")
    if rng.random() < 0.3:
        extras.append(words["note"])
    rng.shuffle(extras)
    size, section = 0, 0
    while size < target or extras:
        if section < len(headings) and (not blocks or rng.random() < 0.35):
            blocks.append(f"## {headings[section]}")
            section += 1
        # the figures, lists and links come among the paragraphs, all of them before the target size
        block = extras.pop() if extras and (size >= target or rng.random() < 0.4) else rng.choice(pool)
        blocks.append(block)
        size += len(block.encode()) + 2
    return "\n\n".join(blocks) + "\n"


def realistic(count: int, target: Path, seed: int = 4242) -> dict[str, int]:
    rng = random.Random(seed)
    generate(0, target)  # the project around the acts: docs, tools, vocabularies, hooks
    acts = target / "content" / "acts"
    vocabularies = yaml.safe_load((ROOT / "content" / "vocabularies.yml").read_text(encoding="utf-8"))
    terms = {name: list(values) for name, values in vocabularies.items()}
    starter = [frontmatter.load(p) for p in sorted((ROOT / "content" / "acts").glob("*.md"))]
    images = sorted((ROOT / "content" / "acts").glob("*.svg"))
    pools = {lang: paragraphs(lang) for lang in ("fi", "sv")}
    earlier: dict[str, list[str]] = {"fi": [], "sv": []}
    counts = {"fi": 0, "sv": 0, "both": 0}
    first, last = dt.date(2016, 3, 1), dt.date(2026, 10, 31)
    for number in range(count):
        base = rng.choice(starter)
        act_id = re.sub(r"[^a-z0-9]+", "-", f"{text_field(base, 'organisation').lower()}-{number}").strip("-")
        act_id = act_id.encode("ascii", "ignore").decode() or f"teko-{number}"
        roll = rng.random()
        languages = (
            ["sv"] if roll < SWEDISH_ONLY_SHARE else ["fi", "sv"] if roll < SWEDISH_ONLY_SHARE + BOTH_SHARE else ["fi"]
        )
        counts["both" if len(languages) == 2 else languages[0]] += 1
        image = None
        if rng.random() < 0.33:
            image = f"{act_id}.svg"
            (acts / image).write_bytes(rng.choice(images).read_bytes())
        shared = {
            "organisation": base["organisation"],
            "organisation_type": rng.choice(terms["organisation_types"]),
            "region": rng.choice(terms["regions"]),
            "sector": rng.choice(terms["sectors"]),
            "themes": rng.sample(terms["themes"], rng.randint(1, 5)),
            "published": first + dt.timedelta(days=rng.randrange((last - first).days)),
        }
        for lang in languages:
            title_base = rng.choice([p for p in starter if f"## {WORDS[lang]['sections'][0]}" in p.content] or starter)
            values = {
                "title": f"{text_field(title_base, 'title')[:90]} – {number}",
                "summary": title_base["summary"],
                **shared,
            }
            if image:
                values["image"] = {"src": image, "alt": WORDS[lang]["image_alt"]}
            text = body(rng, lang, pools[lang], earlier[lang][-50:], image)
            (acts / f"{act_id}.{lang}.md").write_text(
                frontmatter.dumps(frontmatter.Post(text, **values), sort_keys=False, allow_unicode=True) + "\n",
                encoding="utf-8",
            )
            earlier[lang].append(f"{act_id}.{lang}.md")
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("count", type=int)
    parser.add_argument("target", type=Path)
    parser.add_argument("--seed", type=int, default=4242)
    args = parser.parse_args()
    counts = realistic(args.count, args.target, args.seed)
    print(
        f"{args.count} acts in {args.target}: {counts['fi']} Finnish only, {counts['both']} in both languages, "
        f"{counts['sv']} Swedish only"
    )


if __name__ == "__main__":
    main()
