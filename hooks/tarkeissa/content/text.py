"""Small text helpers shared by the schema, the page model and the scaffolding."""

from __future__ import annotations

import re
import unicodedata

_FOLD = str.maketrans({"ä": "a", "ö": "o", "å": "a", "Ä": "a", "Ö": "o", "Å": "a"})


def slugify(text: str, max_length: int = 80) -> str:
    """'Työhyvinvointi & johtaminen' -> 'tyohyvinvointi-johtaminen' (ä→a, ö→o, å→a)."""
    folded = unicodedata.normalize("NFKD", text.translate(_FOLD).lower())
    ascii_text = folded.encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")
    if len(slug) > max_length:
        slug = slug[:max_length].rsplit("-", 1)[0] or slug[:max_length]
    return slug.strip("-")
