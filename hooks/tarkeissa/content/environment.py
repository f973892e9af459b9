"""What an editor's check and a build read from the environment about content: the day it is, and the
language to report problems in. The build's own settings are build.settings."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping


def build_date_from_environment(environ: Mapping[str, str] | None = None) -> dt.date:
    """SOURCE_DATE_EPOCH (the reproducible-builds convention) or TT_BUILD_DATE, else today (UTC)."""
    environ = os.environ if environ is None else environ
    if environ.get("TT_BUILD_DATE"):
        return dt.date.fromisoformat(environ["TT_BUILD_DATE"])
    if environ.get("SOURCE_DATE_EPOCH"):
        return dt.datetime.fromtimestamp(int(environ["SOURCE_DATE_EPOCH"]), dt.UTC).date()
    return dt.datetime.now(dt.UTC).date()


def report_language(environ: dict[str, str] | None = None) -> str | None:
    """TT_LANG: the one language of the build's problem report; unset, each file's own language.
    Not a BuildSettings field: it changes no page, so it must not touch the pages' fingerprints."""
    lang = (os.environ if environ is None else environ).get("TT_LANG") or None
    if lang not in (None, "fi", "sv", "en"):
        raise ValueError(f"TT_LANG must be 'fi', 'sv' or 'en', not {lang!r}")
    return lang
