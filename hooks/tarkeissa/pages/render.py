"""HTML around a page's Markdown body, from small autoescaping templates.

Everything an editor wrote passes through Jinja's autoescape, so HTML in a field is shown
as text. Jinja is the templating library of MkDocs and of most Python engines, not part of
either; these templates move with the pipeline.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import jinja2

from markupsafe import Markup

from .ui_text import ui

BODY_MARK = "<!-- body -->"


def format_date(value: dt.date) -> str:
    """Finnish and Finland-Swedish write dates the same way: 16.5.2023."""
    return f"{value.day}.{value.month}.{value.year}"


@lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    import jinja2  # here, not at the top: `tarkeissa check` imports the page model but never renders

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(Path(__file__).parent / "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters["date"] = format_date
    env.globals["ui"] = ui
    env.globals["card"] = _card
    return env


_cards: dict[tuple[Any, ...], Markup] = {}


def _card(item: dict[str, Any], lang: str, level: int) -> Markup:
    key = (tuple(item.items()), lang, level)
    if key not in _cards:
        if len(_cards) >= _RENDERED_LIMIT:
            _cards.clear()
        html = _environment().get_template("_card.html").render(item=item, lang=lang, level=level)
        _cards[key] = Markup(html.strip())
    return _cards[key]


# The live preview builds again on every save; most pages' pieces are then what they were.
# Keyed by the template and the whole context's repr (plain data: strings, numbers, dates, lists).
# A single build renders each piece once: there, making the key would only cost time.
_rendered: dict[tuple[str, str], tuple[str, str]] = {}
_RENDERED_LIMIT = 100_000
_remember = {"enabled": False}


def remember_rendered(enabled: bool) -> None:
    """Keep rendered pieces from build to build (the live preview) or not."""
    _remember["enabled"] = enabled
    _rendered.clear()


def model_made() -> None:
    """A single build needs its pieces only while it makes its page model: let them go (30 MB at
    10,000 acts). The live preview keeps them for its next build."""
    if not _remember["enabled"]:
        _cards.clear()


def render(template: str, context: dict[str, Any]) -> tuple[str, str]:
    """The HTML before and after the body. Blank lines are dropped: Markdown must see one HTML block."""
    key = (template, repr(context)) if _remember["enabled"] else None
    if key in _rendered:
        return _rendered[key]
    html = _environment().get_template(template).render(**context)
    head, _, foot = html.partition(BODY_MARK)
    result = (_one_block(head), _one_block(foot))
    if key:
        if len(_rendered) >= _RENDERED_LIMIT:
            _rendered.clear()
        _rendered[key] = result
    return result


def _one_block(html: str) -> str:
    return "\n".join(line for line in html.splitlines() if line.strip())
