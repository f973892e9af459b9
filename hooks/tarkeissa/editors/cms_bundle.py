"""Decap CMS's bundle as the site serves it: the pinned file with a few small changes, each found exactly
once or the build stops (a new Decap version must be looked at again, not patched blindly).

Decap's i18n (multiple_files) groups an entry under its default language's file: an act that has only
the other language's file was listed as `<id>.sv`, opened empty and could not be saved. With these
changes such an entry opens under its id with its text in its language's pane (admin-cms.js,
TTDefaultEntry), and a language holding no text of its own is not written (TTNoText), so saving a
one-language act writes that one file only. An entry is marked unsaved only when what would be written differs
from what was read, in any language (TTChanged): Decap's own test read the second language's data with
get(...path), which reads one key, so every untouched entry was marked. The media library lists the entries'
folder: it shows only the files `check` takes as media (TTIsMedia, from file_policy.ASSET_TYPES), so it never
shows, and so never deletes, an entry's file, under the GitHub backend as under `make cms`.
"""

from __future__ import annotations

from pathlib import Path

from .cms_config import BUNDLE_DIR

PATCHES = (
    (
        "let i=r.find(e=>e.locale===n);i||(i=r[0],console.warn(`Could not locale entry for default locale '${n}'`));",
        "let i=r.find(e=>e.locale===n);i||(i=window.TTDefaultEntry(e,n,r),r=[i,...r]);",
    ),
    (
        'raw:c.get("data")?r(c):""',
        'raw:c.get("data")&&!window.TTNoText(i,c.get("data").toJS())?r(c):""',
    ),
    (
        'e.set("hasChanged",!o.some(e=>c.equals(e.get(...u)))||!o.some(e=>d.equals(e.get("meta"))))',
        'e.set("hasChanged",window.TTChanged(e.get("entry"),o,e.get("hasChanged")))',
    ),
    (  # a language with no file has no data to serialize: an empty one, which TTNoText then leaves unwritten
        "t=t.setIn(r,n(t.getIn(r)))",
        "t=t.setIn(r,n(t.getIn(r)||(0,Rr.Map)()))",
    ),
    (  # selectMediaFiles, where every media library view (header and widget, any backend) takes its files
        'else a=n.get("files")||[];return a}',
        'else a=n.get("files")||[];return a.filter(e=>window.TTIsMedia(e.path||e.name||""))}',
    ),
    # The select boxes' own words (react-select's defaults) in the interface's language (admin-cms.js).
    (
        'noOptionsMessage:function(){return"No options"}',
        'noOptionsMessage:function(){return window.TTPhrase("noOptions")}',
    ),
    (
        'loadingMessage:function(){return"Loading..."}',
        'loadingMessage:function(){return window.TTPhrase("loading")}',
    ),
    ('placeholder:"Select..."', 'placeholder:window.TTPhrase("select")'),
    # A date without a time has no time zone to name: "UTC" beside it only puzzled.
    (
        'this.isUtc&&Rn("span",{css:cTe,children:"UTC"})',
        'this.isUtc&&"date"!==l&&Rn("span",{css:cTe,children:"UTC"})',
    ),
    # A list's count from the locale's plural phrase for that field ("1 palkinto", "2 palkintoa"),
    # Decap's own "<count> <label>" where none is given.
    (
        "heading:`${l.size} ${d}`",
        'heading:i(`editor.editorWidgets.list.counts.${n.get("name")}`,{smart_count:l.size,_:`${l.size} ${d}`})',
    ),
    # Names for assistive technology from the field's label, not its widget or internal name
    # ("kenttä string", "Aseta published tähän päivään"), and the select's remove button in our words.
    (
        'A("editor.editorControl.field.widgetLabel",{widgetLabel:F})',
        'A("editor.editorControl.field.widgetLabel",{widgetLabel:i.get("label",i.get("name"))})',
    ),
    ('fieldName:t.get("name"),handleChange', 'fieldName:t.get("label",t.get("name")),handleChange'),
    ('"aria-label":"Remove ".concat(t||"option")', '"aria-label":window.TTPhrase("remove").concat(t||"")'),
    # A text that breaks its field's rules: the message says its length too (smart_count, in the locale).
    (
        "pattern:i.last()})}}:{error:!1}}",
        "pattern:i.last(),smart_count:String(t).length})}}:{error:!1}}",
    ),
)


class BundleChanged(RuntimeError):
    pass


def patched(path: Path | None = None) -> str:
    text = (path or BUNDLE_DIR / "decap-cms.js").read_text(encoding="utf-8")
    for old, new in PATCHES:
        if text.count(old) != 1:
            raise BundleChanged(f"decap-cms.js: {old[:60]}… found {text.count(old)} times, not once")
        text = text.replace(old, new)
    return text
