"""Controlled vocabularies: stable slugs with a Finnish and a Swedish label."""

from __future__ import annotations

import dataclasses
import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path

from .languages import LANGUAGES
from .problems import Problem
from .source import (
    FieldPath,
    SourceDocument,
    normalise,
    parse_text,
    read_without_following,
)
from .text import slugify

VOCABULARY_NAMES = (
    "themes",
    "sectors",
    "regions",
    "organisation_types",
    "award_series",
    "tool_topics",
    "tool_formats",
    "audiences",
)
SLUG = re.compile(r"^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$")


@dataclass(frozen=True)
class Term:
    vocabulary: str
    slug: str
    labels: dict[str, str]

    def label(self, lang: str) -> str:
        return self.labels[lang]

    def url_slug(self, lang: str) -> str:
        """The term's URL segment in a language: the stable slug in Finnish, the label's in Swedish."""
        return self.slug if lang == "fi" else slugify(self.labels[lang])


@dataclass
class Vocabularies:
    terms: dict[str, dict[str, Term]] = field(default_factory=dict)
    path: str = "content/vocabularies.yml"  # as shown to editors, for problems about a term's pages

    def get(self, vocabulary: str, slug: str) -> Term | None:
        return self.terms.get(vocabulary, {}).get(slug)

    def term(self, vocabulary: str, slug: str) -> Term:
        """A term a checked file names: it is in the vocabulary (KeyError if not: a bug)."""
        return self.terms[vocabulary][slug]

    def slugs(self, vocabulary: str) -> list[str]:
        return list(self.terms.get(vocabulary, {}))

    def closest(self, vocabulary: str, value: str, count: int = 3) -> list[str]:
        """The allowed slugs nearest to what an editor wrote, matching slugs and labels alike."""
        terms = self.terms.get(vocabulary, {})
        wanted = slugify(str(value))
        by_key: dict[str, str] = {}
        for term in terms.values():
            by_key.setdefault(term.slug, term.slug)
            for label in term.labels.values():
                by_key.setdefault(slugify(label), term.slug)
        matches = difflib.get_close_matches(wanted, list(by_key), n=count * 2, cutoff=0.5)
        result: list[str] = []
        for match in matches:
            if by_key[match] not in result:
                result.append(by_key[match])
        return result[:count]


def load_vocabularies(path: Path, shown_path: str) -> tuple[Vocabularies, list[Problem]]:
    vocabularies = Vocabularies(path=shown_path)
    try:
        text = normalise(read_without_following(path))
    except (OSError, UnicodeDecodeError) as error:
        return vocabularies, [Problem.at(shown_path, 1, 1, "file", "vocabulary.unreadable", error=str(error))]
    # The file is plain YAML; reuse the front-matter reader by framing it.
    document, problems = parse_text("---\n" + text + "\n---\n", SourceDocument(path=shown_path))
    if problems:
        return vocabularies, [_shift(problem) for problem in problems]
    data = document.data

    def at(path: FieldPath) -> tuple[int, int]:
        line, column = document.position(path)
        return line - 1, column  # undo the framing line

    for name in VOCABULARY_NAMES:
        if not isinstance(data.get(name), dict):
            problems.append(Problem.at(shown_path, *at((name,)), name, "vocabulary.missing", name=name))
            continue
        terms: dict[str, Term] = {}
        seen_labels: dict[tuple[str, str], str] = {}
        for slug, labels in data[name].items():
            slug = str(slug)
            where = at((name, slug))
            if not SLUG.match(slug):
                problems.append(Problem.at(shown_path, *where, f"{name}.{slug}", "vocabulary.invalid-slug"))
                continue
            if not (
                isinstance(labels, dict)
                and all(isinstance(labels.get(lang), str) and labels[lang].strip() for lang in LANGUAGES)
            ):
                problems.append(Problem.at(shown_path, *where, f"{name}.{slug}", "vocabulary.labels", slug=slug))
                continue
            term = Term(name, slug, {lang: labels[lang].strip() for lang in LANGUAGES})
            for lang in LANGUAGES:
                key = (lang, slugify(labels[lang]))
                if not term.url_slug(lang):  # its page would be the vocabulary's index page itself
                    problems.append(
                        Problem.at(
                            shown_path,
                            *where,
                            f"{name}.{slug}.{lang}",
                            "vocabulary.label-without-letters",
                            label=term.label(lang),
                            lang=lang,
                            example=slug.replace("-", " ").capitalize(),
                        )
                    )
                elif key in seen_labels:
                    problems.append(
                        Problem.at(
                            shown_path,
                            *where,
                            f"{name}.{slug}",
                            "vocabulary.same-label",
                            lang=lang,
                            other=seen_labels[key],
                        )
                    )
                seen_labels[key] = slug
            terms[slug] = term
        vocabularies.terms[name] = terms
    for name in data:
        if name not in VOCABULARY_NAMES:
            problems.append(
                Problem.at(shown_path, *at((name,)), str(name), "vocabulary.unknown", names=", ".join(VOCABULARY_NAMES))
            )
    return vocabularies, problems


def _shift(problem: Problem) -> Problem:
    return dataclasses.replace(problem, line=max(1, problem.line - 1))
