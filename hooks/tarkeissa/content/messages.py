"""Every problem the checks can report, in English, Finnish and Swedish: rules as data.

RULES maps a stable rule id to (message, hint) per language; PHRASES are the parts that a
message takes as a parameter and that need translating too (what a value is, where a field
is allowed). Both are str.format templates with named parameters, the same names in every
language (tests/test_messages.py checks it). Field names and vocabulary slugs are never
translated: they are what the editor writes.
"""

from __future__ import annotations

import string
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

LANGS = ("en", "fi", "sv")
DEFAULT_LANG = "fi"  # the site's default language: files that are no page of a language

# The hint that most SVG problems share.
_SVG_EN = "Export the image again without scripts, links, animation or embedded web content, or save it as PNG."
_SVG_FI = (
    "Vie kuva uudelleen piirto-ohjelmasta ilman skriptejä, linkkejä, animaatiota ja upotettua verkkosisältöä, tai "
    "tallenna se PNG-kuvaksi."
)
_SVG_SV = "Exportera bilden på nytt utan skript, länkar, animation och inbäddat webbinnehåll, eller spara den som PNG."


def _svg(en: str, fi: str, sv: str) -> dict[str, tuple[str, str]]:
    return {"en": (en, _SVG_EN), "fi": (fi, _SVG_FI), "sv": (sv, _SVG_SV)}


RULES: dict[str, dict[str, tuple[str, str]]] = {
    # --- reading a file -----------------------------------------------------------------------
    "file.unreadable": {
        "en": ("cannot be read: {reason}.", "Check the file's permissions."),
        "fi": ("ei ole luettavissa: {reason}.", "Tarkista tiedoston käyttöoikeudet."),
        "sv": ("kan inte läsas: {reason}.", "Kontrollera filens behörigheter."),
    },
    "file.not-utf8": {
        "en": (
            "is not UTF-8 text (byte 0x{byte} cannot be read).",
            "Save the file as UTF-8 in your editor (in VS Code: 'Save with Encoding' > 'UTF-8').",
        ),
        "fi": (
            "ei ole UTF-8-tekstiä (tavua 0x{byte} ei voi lukea).",
            "Tallenna tiedosto editorissa UTF-8-muodossa (VS Codessa: 'Save with Encoding' > 'UTF-8').",
        ),
        "sv": (
            "är inte UTF-8-text (byten 0x{byte} kan inte läsas).",
            "Spara filen som UTF-8 i din editor (i VS Code: 'Save with Encoding' > 'UTF-8').",
        ),
    },
    "file.nul-character": {
        "en": (
            "contains a NUL character (byte 0), which text files do not have.",
            (
                "Delete it (it often comes with text pasted from another program), or save the file again "
                "as UTF-8 text in a text editor."
            ),
        ),
        "fi": (
            "sisältää NUL-merkin (tavu 0), jota tekstitiedostoissa ei ole.",
            (
                "Poista merkki (se tulee usein toisesta ohjelmasta liitetyn tekstin mukana) tai tallenna "
                "tiedosto uudelleen UTF-8-tekstinä tekstieditorissa."
            ),
        ),
        "sv": (
            "innehåller ett NUL-tecken (byte 0), som textfiler inte har.",
            (
                "Ta bort det (det följer ofta med text som klistrats in från ett annat program) eller spara "
                "filen på nytt som UTF-8-text i en textredigerare."
            ),
        ),
    },
    "file.build-bug": {
        "en": (
            "could not be read: {error}. This is a bug in the site's build, not in your file.",
            "Tell the site's developers; attach this file.",
        ),
        "fi": (
            "ei ole luettavissa: {error}. Vika on sivuston koontiohjelmassa, ei tiedostossasi.",
            "Kerro asiasta sivuston kehittäjille ja liitä mukaan tämä tiedosto.",
        ),
        "sv": (
            "kan inte läsas: {error}. Felet finns i webbplatsens byggprogram, inte i din fil.",
            "Meddela webbplatsens utvecklare och bifoga den här filen.",
        ),
    },
    "file.too-deep": {
        "en": ("is nested too deeply to be read.", "Use at most a few levels of lists inside each other."),
        "fi": ("on liian syvälle sisäkkäinen luettavaksi.", "Käytä enintään muutamaa sisäkkäistä luettelotasoa."),
        "sv": ("är för djupt kapslad för att kunna läsas.", "Använd högst några nivåer av listor i varandra."),
    },
    # --- front matter ---------------------------------------------------------------------------
    "front-matter.missing": {
        "en": (
            "is missing: the file must start with a '---' line.",
            (
                "Put the fields between two '---' lines at the very top of the file, for example:\n"
                "    ---\n    title: ...\n    ---"
            ),
        ),
        "fi": (
            "puuttuu: tiedoston pitää alkaa rivillä '---'.",
            (
                "Kirjoita kentät tiedoston alkuun kahden '---'-rivin väliin, esimerkiksi:\n"
                "    ---\n    title: ...\n    ---"
            ),
        ),
        "sv": (
            "saknas: filen ska börja med en rad '---'.",
            "Skriv fälten allra först i filen mellan två '---'-rader, till exempel:\n    ---\n    title: ...\n    ---",
        ),
    },
    "front-matter.not-closed": {
        "en": (
            "is not closed: no second '---' line was found.",
            "Add a line with only '---' after the last field, before the story begins.",
        ),
        "fi": (
            "ei pääty: toista '---'-riviä ei löytynyt.",
            "Lisää viimeisen kentän jälkeen, ennen varsinaista tekstiä, rivi, jolla on vain '---'.",
        ),
        "sv": (
            "avslutas inte: ingen andra '---'-rad hittades.",
            "Lägg till en rad med bara '---' efter det sista fältet, innan själva texten börjar.",
        ),
    },
    "front-matter.empty": {
        "en": ("is empty.", "Write the required fields between the '---' lines (see the field reference page)."),
        "fi": ("on tyhjä.", "Kirjoita pakolliset kentät '---'-rivien väliin (katso kenttäopas)."),
        "sv": ("är tomt.", "Skriv de obligatoriska fälten mellan '---'-raderna (se fältguiden)."),
    },
    "front-matter.too-long": {
        "en": (
            "is {size:,} characters long; the site reads at most {limit:,} (64 KB).",
            (
                "Keep only the fields between the '---' lines and put long text in the story below them; "
                "check that the closing '---' line is where you meant it."
            ),
        ),
        "fi": (
            "on {size:,} merkkiä pitkä; sivusto lukee enintään {limit:,} merkkiä (64 kt).",
            (
                "Jätä '---'-rivien väliin vain kentät ja siirrä pitkä teksti niiden alle; tarkista, että "
                "päättävä '---'-rivi on oikeassa kohdassa."
            ),
        ),
        "sv": (
            "är {size:,} tecken långt; webbplatsen läser högst {limit:,} tecken (64 kB).",
            (
                "Ha bara fälten mellan '---'-raderna och flytta lång text under dem; kontrollera att den "
                "avslutande '---'-raden står där du menade."
            ),
        ),
    },
    "front-matter.not-a-mapping": {
        "en": (
            "is {kind}, not a set of 'field: value' lines.",
            "Write each field on its own line as 'name: value', for example 'title: My act'.",
        ),
        "fi": (
            "on {kind} eikä 'kenttä: arvo' -rivejä.",
            "Kirjoita jokainen kenttä omalle rivilleen muodossa 'nimi: arvo', esimerkiksi 'title: Tekomme'.",
        ),
        "sv": (
            "är {kind} och inte rader med 'fält: värde'.",
            "Skriv varje fält på en egen rad som 'namn: värde', till exempel 'title: Vår gärning'.",
        ),
    },
    "front-matter.yaml-syntax": {
        "en": ("YAML syntax error: {error}.", "{advice}"),
        "fi": ("YAML-kielioppivirhe: {error}.", "{advice}"),
        "sv": ("YAML-syntaxfel: {error}.", "{advice}"),
    },
    "front-matter.control-character": {
        "en": (
            "contains the control character U+{code}, which YAML does not allow.",
            (
                "Delete it: such characters come with text copied from other programs. If you cannot see it, "
                "retype the value."
            ),
        ),
        "fi": (
            "sisältää ohjausmerkin U+{code}, jota YAML ei salli.",
            (
                "Poista merkki: sellaiset tulevat toisista ohjelmista kopioidun tekstin mukana. Jos et näe "
                "sitä, kirjoita arvo uudelleen."
            ),
        ),
        "sv": (
            "innehåller styrtecknet U+{code}, som YAML inte tillåter.",
            (
                "Ta bort det: sådana tecken följer med text som kopierats från andra program. Om du inte ser "
                "det, skriv värdet på nytt."
            ),
        ),
    },
    "front-matter.long-number": {
        "en": (
            "has a number {length:,} characters long; the site reads numbers of at most {limit}.",
            "No field takes so long a number (a year has four digits). If the value is text, put it in double quotes.",
        ),
        "fi": (
            "sisältää {length:,} merkin pituisen luvun; sivusto lukee enintään {limit} merkin lukuja.",
            (
                "Mikään kenttä ei tarvitse näin pitkää lukua (vuosiluvussa on neljä numeroa). Jos arvo on "
                "tekstiä, kirjoita se lainausmerkkeihin."
            ),
        ),
        "sv": (
            "har ett tal som är {length:,} tecken långt; webbplatsen läser tal på högst {limit} tecken.",
            (
                "Inget fält behöver så långa tal (ett årtal har fyra siffror). Om värdet är text, skriv det "
                "inom citattecken."
            ),
        ),
    },
    "front-matter.unreadable-tag": {
        "en": (
            "'{value}' cannot be read as {what}.",
            "Write {what}, or remove the tag (the word starting with '!!') before it.",
        ),
        "fi": (
            "arvoa '{value}' ei voi lukea: sen pitäisi olla {what}.",
            "Kirjoita arvoksi {what} tai poista sen edestä merkintä, joka alkaa '!!'.",
        ),
        "sv": (
            "'{value}' kan inte läsas som {what}.",
            "Skriv värdet som {what} eller ta bort taggen (ordet som börjar med '!!') framför det.",
        ),
    },
    "front-matter.unreadable": {
        "en": (
            "cannot be read ({error}).",
            "Write the fields as plain 'name: value' lines (see the field reference page).",
        ),
        "fi": (
            "ei ole luettavissa ({error}).",
            "Kirjoita kentät tavallisina 'nimi: arvo' -riveinä (katso kenttäopas).",
        ),
        "sv": ("kan inte läsas ({error}).", "Skriv fälten som vanliga rader med 'namn: värde' (se fältguiden)."),
    },
    "front-matter.yaml-anchor": {
        "en": (
            "uses a YAML anchor or alias (&name / *name), which the site does not support.",
            (
                "Editors never need them: write the value out. A value that starts with & or * goes in double "
                'quotes: title: "*Tärkeä* asia".'
            ),
        ),
        "fi": (
            "käyttää YAML-ankkuria tai -viittausta (&nimi / *nimi), joita sivusto ei tue.",
            (
                "Niitä ei tarvita: kirjoita arvo kokonaan. Arvo, joka alkaa merkillä & tai *, kirjoitetaan "
                'lainausmerkkeihin: title: "*Tärkeä* asia".'
            ),
        ),
        "sv": (
            "använder ett YAML-ankare eller en YAML-referens (&namn / *namn), som webbplatsen inte stöder.",
            (
                "De behövs aldrig: skriv ut värdet. Ett värde som börjar med & eller * skrivs inom "
                'citattecken: title: "*Viktig* sak".'
            ),
        ),
    },
    "front-matter.too-deep": {
        "en": (
            "nests lists or groups of fields more than {limit} levels deep.",
            (
                "No field needs more than three levels (awards: - year: ...). Check the brackets [ ] {{ }} and "
                "the indentation on this line and above it."
            ),
        ),
        "fi": (
            "sisältää luetteloita tai kenttäryhmiä sisäkkäin yli {limit} tasoa.",
            (
                "Mikään kenttä ei tarvitse yli kolmea tasoa (awards: - year: ...). Tarkista sulkeet [ ] {{ }} "
                "ja sisennykset tällä rivillä ja sen yläpuolella."
            ),
        ),
        "sv": (
            "har listor eller grupper av fält i varandra i mer än {limit} nivåer.",
            (
                "Inget fält behöver mer än tre nivåer (awards: - year: ...). Kontrollera hakparenteserna "
                "[ ] {{ }} och indragen på den här raden och ovanför den."
            ),
        ),
    },
    # --- fields ---------------------------------------------------------------------------------
    "field.duplicate": {
        "en": ("is given twice; only the last one would count.", "Delete one of the two lines."),
        "fi": ("on annettu kahdesti; vain jälkimmäinen jäisi voimaan.", "Poista toinen riveistä."),
        "sv": ("anges två gånger; bara det sista skulle gälla.", "Ta bort den ena raden."),
    },
    "field.unknown": {
        "en": ("is not a known field.", "{suggestion}Fields allowed {where}: {fields}."),
        "fi": ("ei ole tunnettu kenttä.", "{suggestion}Sallitut kentät {where}: {fields}."),
        "sv": ("är inget känt fält.", "{suggestion}Tillåtna fält {where}: {fields}."),
    },
    "field.empty": {
        "en": ("is empty.", "Give it a value, e.g. {field}: {example}."),
        "fi": ("on tyhjä.", "Anna kentälle arvo, esimerkiksi {field}: {example}."),
        "sv": ("är tomt.", "Ge fältet ett värde, till exempel {field}: {example}."),
    },
    "field.required": {
        "en": ("is required but missing.", "Add a line '{field}: {example}' between the '---' lines."),
        "fi": ("on pakollinen, mutta puuttuu.", "Lisää '---'-rivien väliin rivi '{field}: {example}'."),
        "sv": ("är obligatoriskt men saknas.", "Lägg till raden '{field}: {example}' mellan '---'-raderna."),
    },
    "field.date-order": {
        "en": ("{value} is before {other} {other_value}.", "Give a date on or after {other}, or remove '{field}'."),
        "fi": (
            "{value} on ennen kentän {other} päivää {other_value}.",
            "Anna päivä, joka on sama tai myöhempi kuin {other}, tai poista '{field}'.",
        ),
        "sv": (
            "{value} är före {other} {other_value}.",
            "Ange ett datum som är samma som eller senare än {other}, eller ta bort '{field}'.",
        ),
    },
    "field.not-text": {
        "en": ("must be text, not {actual}.", 'Put the value in double quotes: {field}: "{value}".'),
        "fi": ("pitää olla tekstiä, ei {actual}.", 'Kirjoita arvo lainausmerkkeihin: {field}: "{value}".'),
        "sv": ("ska vara text, inte {actual}.", 'Skriv värdet inom citattecken: {field}: "{value}".'),
    },
    "field.too-long": {
        "en": ("is {length} characters long; it must be {range} characters.", "Shorten it."),
        "fi": ("on {length} merkkiä pitkä; pituuden pitää olla {range} merkkiä.", "Lyhennä tekstiä."),
        "sv": ("är {length} tecken lång; längden ska vara {range} tecken.", "Korta texten."),
    },
    "field.too-short": {
        "en": ("is {length} characters long; it must be {range} characters.", "Write a little more."),
        "fi": ("on {length} merkkiä pitkä; pituuden pitää olla {range} merkkiä.", "Kirjoita hieman enemmän."),
        "sv": ("är {length} tecken lång; längden ska vara {range} tecken.", "Skriv lite mer."),
    },
    "field.markup": {
        "en": (
            "must be plain text, but contains markup '{markup}'.",
            "Remove HTML tags and Markdown characters (*, _, `, #, [..](..)); write plain sentences.",
        ),
        "fi": (
            "pitää olla pelkkää tekstiä, mutta siinä on muotoilumerkintä '{markup}'.",
            "Poista HTML-tagit ja Markdown-merkit (*, _, `, #, [..](..)); kirjoita tavallisia lauseita.",
        ),
        "sv": (
            "ska vara ren text, men innehåller formateringen '{markup}'.",
            "Ta bort HTML-taggar och Markdown-tecken (*, _, `, #, [..](..)); skriv vanliga meningar.",
        ),
    },
    "field.prefix": {
        "en": ("must start with '{prefix}'.", 'Write it as {field}: "{suggestion}" (with the quotes).'),
        "fi": (
            "pitää alkaa merkillä '{prefix}'.",
            'Kirjoita se muodossa {field}: "{suggestion}" (lainausmerkkeineen).',
        ),
        "sv": ("ska börja med '{prefix}'.", 'Skriv det som {field}: "{suggestion}" (med citattecknen).'),
    },
    "field.invalid-slug": {
        "en": (
            "'{value}' is not a valid address part.",
            "Use lowercase letters a-z, digits and '-' only, for example '{example}'.",
        ),
        "fi": (
            "'{value}' ei kelpaa osoitteen osaksi.",
            "Käytä vain pieniä kirjaimia a-z, numeroita ja merkkiä '-', esimerkiksi '{example}'.",
        ),
        "sv": (
            "'{value}' duger inte som del av en adress.",
            "Använd bara små bokstäver a-z, siffror och '-', till exempel '{example}'.",
        ),
    },
    "field.invalid-campaign-id": {
        "en": (
            "'{value}' is not a campaign id.",
            "Use the campaign page's file name without the language, e.g. 'tarkein-sijoitus'.",
        ),
        "fi": (
            "'{value}' ei ole kampanjan tunniste.",
            "Käytä kampanjasivun tiedostonimeä ilman kieltä, esimerkiksi 'tarkein-sijoitus'.",
        ),
        "sv": (
            "'{value}' är inte ett kampanj-id.",
            "Använd kampanjsidans filnamn utan språket, till exempel 'tarkein-sijoitus'.",
        ),
    },
    "field.invalid-email": {
        "en": (
            "'{value}' is not a valid e-mail address.",
            (
                "Write the address only, e.g. {example}: letters a-z, digits and . _ + - before the @, at most "
                "254 characters."
            ),
        ),
        "fi": (
            "'{value}' ei ole kelvollinen sähköpostiosoite.",
            (
                "Kirjoita pelkkä osoite, esimerkiksi {example}: ennen @-merkkiä kirjaimia a-z, numeroita ja "
                "merkkejä . _ + -, yhteensä enintään 254 merkkiä."
            ),
        ),
        "sv": (
            "'{value}' är ingen giltig e-postadress.",
            "Skriv bara adressen, till exempel {example}: bokstäver a-z, siffror och . _ + - före @, högst 254 tecken.",
        ),
    },
    "field.not-https": {
        "en": (
            "'{value}' is not an https:// address.",
            "Give the full address starting with https://, e.g. https://www.ttl.fi/.",
        ),
        "fi": (
            "'{value}' ei ole https://-osoite.",
            "Anna koko osoite, joka alkaa https://, esimerkiksi https://www.ttl.fi/.",
        ),
        "sv": (
            "'{value}' är ingen https://-adress.",
            "Ange hela adressen med https:// först, till exempel https://www.ttl.fi/.",
        ),
    },
    "field.not-a-list": {
        "en": (
            "must be a list, not {actual}.",
            "Write it as {field}: [first, second] or as '- item' lines under '{field}:'.",
        ),
        "fi": (
            "pitää olla luettelo, ei {actual}.",
            "Kirjoita se muodossa {field}: [ensimmäinen, toinen] tai '- kohta' -riveinä rivin '{field}:' alle.",
        ),
        "sv": (
            "ska vara en lista, inte {actual}.",
            "Skriv det som {field}: [första, andra] eller som '- punkt'-rader under '{field}:'.",
        ),
    },
    "field.ids-not-a-list": {
        "en": ("must be a list of ids, not {actual}.", "Write it as {field}: [{value}] even for one id."),
        "fi": (
            "pitää olla luettelo tunnisteista, ei {actual}.",
            "Kirjoita se muodossa {field}: [{value}] silloinkin, kun tunnisteita on yksi.",
        ),
        "sv": ("ska vara en lista med id:n, inte {actual}.", "Skriv det som {field}: [{value}] även för ett enda id."),
    },
    "field.terms-not-a-list": {
        "en": ("must be a list of terms, not {actual}.", "Write it as {field}: [{value}] even for one term."),
        "fi": (
            "pitää olla luettelo termeistä, ei {actual}.",
            "Kirjoita se muodossa {field}: [{value}] silloinkin, kun termejä on yksi.",
        ),
        "sv": (
            "ska vara en lista med termer, inte {actual}.",
            "Skriv det som {field}: [{value}] även för en enda term.",
        ),
    },
    "field.invalid-id": {
        "en": (
            "'{value}' is not an id.",
            (
                "Give the former file name without the language and '.md': lowercase a-z, 0-9 and '-', "
                "3–80 characters, e.g. 'jamsa-asiakaspalvelu'."
            ),
        ),
        "fi": (
            "'{value}' ei ole tunniste.",
            (
                "Anna aiempi tiedostonimi ilman kieltä ja päätettä '.md': pieniä kirjaimia a-z, numeroita 0-9 "
                "ja merkkiä '-', 3–80 merkkiä, esimerkiksi 'jamsa-asiakaspalvelu'."
            ),
        ),
        "sv": (
            "'{value}' är inget id.",
            (
                "Ange det tidigare filnamnet utan språket och '.md': små bokstäver a-z, siffror 0-9 och '-', "
                "3–80 tecken, till exempel 'jamsa-asiakaspalvelu'."
            ),
        ),
    },
    "field.repeated-id": {
        "en": ("lists '{value}' twice.", "Remove the repeated id."),
        "fi": ("sisältää tunnisteen '{value}' kahdesti.", "Poista toistuva tunniste."),
        "sv": ("innehåller '{value}' två gånger.", "Ta bort det upprepade id:t."),
    },
    "field.repeated-term": {
        "en": ("lists '{value}' twice.", "Remove the repeated term."),
        "fi": ("sisältää termin '{value}' kahdesti.", "Poista toistuva termi."),
        "sv": ("innehåller '{value}' två gånger.", "Ta bort den upprepade termen."),
    },
    "field.too-many-terms": {
        "en": ("has {count} terms; it must have {range}.", "Keep only the terms that describe it best."),
        "fi": (
            "sisältää {count} termiä; termejä pitää olla {range}.",
            "Jätä vain termit, jotka kuvaavat sitä parhaiten.",
        ),
        "sv": ("har {count} termer; det ska ha {range}.", "Behåll bara de termer som beskriver det bäst."),
    },
    "field.too-few-terms": {
        "en": ("has {count} terms; it must have {range}.", "Add a term."),
        "fi": ("sisältää {count} termiä; termejä pitää olla {range}.", "Lisää termi."),
        "sv": ("har {count} termer; det ska ha {range}.", "Lägg till en term."),
    },
    "field.date-with-time": {
        "en": ("must be a date without a time.", "Write only the date: {field}: {date}."),
        "fi": ("pitää olla päivämäärä ilman kellonaikaa.", "Kirjoita vain päivämäärä: {field}: {date}."),
        "sv": ("ska vara ett datum utan klockslag.", "Skriv bara datumet: {field}: {date}."),
    },
    "field.impossible-date": {
        "en": ("'{value}' is not a real date.", "Check the month (01-12) and the day of the month."),
        "fi": ("'{value}' ei ole todellinen päivämäärä.", "Tarkista kuukausi (01–12) ja kuukauden päivä."),
        "sv": ("'{value}' är inget verkligt datum.", "Kontrollera månaden (01–12) och dagen i månaden."),
    },
    "field.not-a-date": {
        "en": ("'{value}' is not a date in the form YYYY-MM-DD.", "Write it as {field}: 2024-05-16 (year-month-day)."),
        "fi": (
            "'{value}' ei ole päivämäärä muodossa VVVV-KK-PP.",
            "Kirjoita se muodossa {field}: 2024-05-16 (vuosi-kuukausi-päivä).",
        ),
        "sv": ("'{value}' är inget datum i formen ÅÅÅÅ-MM-DD.", "Skriv det som {field}: 2024-05-16 (år-månad-dag)."),
    },
    "field.future-date": {
        "en": (
            "{value} is in the future (the build date is {today}).",
            (
                "Give the date it was or will be published, no later than today; to prepare it in advance, "
                "add 'draft: true'."
            ),
        ),
        "fi": (
            "{value} on tulevaisuudessa (koontipäivä on {today}).",
            "Anna julkaisupäivä, joka on viimeistään tänään; jos valmistelet sisältöä etukäteen, lisää 'draft: true'.",
        ),
        "sv": (
            "{value} ligger i framtiden (byggdatum är {today}).",
            "Ange publiceringsdatumet, senast i dag; om du förbereder innehållet i förväg, lägg till 'draft: true'.",
        ),
    },
    "field.not-a-year": {
        "en": ("must be a year as a number, not {actual}.", "Write it as {field}: 2019."),
        "fi": ("pitää olla vuosiluku numeroina, ei {actual}.", "Kirjoita se muodossa {field}: 2019."),
        "sv": ("ska vara ett årtal i siffror, inte {actual}.", "Skriv det som {field}: 2019."),
    },
    "field.year-range": {
        "en": ("{value} is outside {low}–{high}.", "Give a year from {low} to {high}."),
        "fi": ("{value} ei ole välillä {low}–{high}.", "Anna vuosi väliltä {low}–{high}."),
        "sv": ("{value} ligger utanför {low}–{high}.", "Ange ett år mellan {low} och {high}."),
    },
    "field.not-boolean": {
        "en": ("must be true or false, not {actual}.", "Write {field}: true or {field}: false."),
        "fi": ("pitää olla true tai false, ei {actual}.", "Kirjoita {field}: true tai {field}: false."),
        "sv": ("ska vara true eller false, inte {actual}.", "Skriv {field}: true eller {field}: false."),
    },
    "field.constant": {
        "en": ("must be '{constant}'.", "Write {field}: {constant}."),
        "fi": ("pitää olla '{constant}'.", "Kirjoita {field}: {constant}."),
        "sv": ("ska vara '{constant}'.", "Skriv {field}: {constant}."),
    },
    "field.not-a-group": {
        "en": ("must be a group of fields, not {actual}.", "Write it as {field}: {shape}"),
        "fi": ("pitää olla kenttäryhmä, ei {actual}.", "Kirjoita se muodossa {field}: {shape}"),
        "sv": ("ska vara en grupp av fält, inte {actual}.", "Skriv det som {field}: {shape}"),
    },
    "field.not-a-list-of-groups": {
        "en": ("must be a list, not {actual}.", "Write it as {field}: [{shape}]"),
        "fi": ("pitää olla luettelo, ei {actual}.", "Kirjoita se muodossa {field}: [{shape}]"),
        "sv": ("ska vara en lista, inte {actual}.", "Skriv det som {field}: [{shape}]"),
    },
    "field.item-not-a-group": {
        "en": ("item {number} must be a group of fields, not {actual}.", "Write it as {field}: [{shape}]"),
        "fi": ("kohdan {number} pitää olla kenttäryhmä, ei {actual}.", "Kirjoita se muodossa {field}: [{shape}]"),
        "sv": ("punkt {number} ska vara en grupp av fält, inte {actual}.", "Skriv det som {field}: [{shape}]"),
    },
    "field.one-term": {
        "en": ("takes one term, not a list.", "Keep one term: {field}: {term}."),
        "fi": ("saa sisältää yhden termin, ei luetteloa.", "Jätä yksi termi: {field}: {term}."),
        "sv": ("tar en term, inte en lista.", "Behåll en term: {field}: {term}."),
    },
    "field.term-not-text": {
        "en": ("must be a term of {vocabulary}, not {actual}.", "Use one of: {terms}."),
        "fi": ("pitää olla sanaston {vocabulary} termi, ei {actual}.", "Käytä jotakin näistä: {terms}."),
        "sv": ("ska vara en term i {vocabulary}, inte {actual}.", "Använd någon av: {terms}."),
    },
    "field.unknown-term": {
        "en": (
            "'{value}' is not a term of {vocabulary}.",
            "{suggestion}The terms are listed under '{vocabulary}' in content/vocabularies.yml.",
        ),
        "fi": (
            "'{value}' ei ole sanaston {vocabulary} termi.",
            "{suggestion}Termit on lueteltu kohdassa '{vocabulary}' tiedostossa content/vocabularies.yml.",
        ),
        "sv": (
            "'{value}' är ingen term i {vocabulary}.",
            "{suggestion}Termerna finns under '{vocabulary}' i content/vocabularies.yml.",
        ),
    },
    "field.file-elsewhere": {
        "en": (
            "'{value}' must be a file name beside the content file.",
            "Put the image in the same folder as this file and give its name, e.g. {example}.",
        ),
        "fi": (
            "'{value}' pitää olla sisältötiedoston vieressä olevan tiedoston nimi.",
            "Laita kuva samaan kansioon tämän tiedoston kanssa ja anna sen nimi, esimerkiksi {example}.",
        ),
        "sv": (
            "'{value}' ska vara namnet på en fil bredvid innehållsfilen.",
            "Lägg bilden i samma mapp som den här filen och ange dess namn, till exempel {example}.",
        ),
    },
    "field.not-an-image": {
        "en": ("'{value}' is not an image file.", "Use a .jpg, .png, .webp, .gif, .avif or .svg file."),
        "fi": ("'{value}' ei ole kuvatiedosto.", "Käytä .jpg-, .png-, .webp-, .gif-, .avif- tai .svg-tiedostoa."),
        "sv": ("'{value}' är ingen bildfil.", "Använd en .jpg-, .png-, .webp-, .gif-, .avif- eller .svg-fil."),
    },
    "field.file-missing": {
        "en": (
            "the file '{value}' does not exist beside this file.",
            "Add the image to {folder}/ or correct the name (it is case-sensitive).",
        ),
        "fi": (
            "tiedostoa '{value}' ei ole tämän tiedoston vieressä.",
            "Lisää kuva kansioon {folder}/ tai korjaa nimi (isot ja pienet kirjaimet ovat eri merkkejä).",
        ),
        "sv": (
            "filen '{value}' finns inte bredvid den här filen.",
            "Lägg bilden i {folder}/ eller rätta namnet (stora och små bokstäver räknas som olika).",
        ),
    },
    # --- file names, pages and links between files -------------------------------------------------
    "file.invalid-name": {
        "en": ("'{name}' is not a valid name.", "{advice}"),
        "fi": ("'{name}' ei ole kelvollinen nimi.", "{advice}"),
        "sv": ("'{name}' är inget giltigt namn.", "{advice}"),
    },
    "file.unknown-language": {
        "en": ("'{name}' does not end in .fi.md or .sv.md, so its language is unknown.", "{advice}"),
        "fi": ("'{name}' ei pääty .fi.md tai .sv.md, joten sen kieltä ei tiedetä.", "{advice}"),
        "sv": ("'{name}' slutar inte på .fi.md eller .sv.md, så dess språk är okänt.", "{advice}"),
    },
    "file.campaign-id-taken": {
        "en": ("campaign id '{id}' is also used by {other}.", "Give every campaign page its own file name."),
        "fi": (
            "kampanjan tunniste '{id}' on käytössä myös tiedostossa {other}.",
            "Anna jokaiselle kampanjasivulle oma tiedostonimi.",
        ),
        "sv": ("kampanj-id:t '{id}' används också av {other}.", "Ge varje kampanjsida ett eget filnamn."),
    },
    "page.unknown-type": {
        "en": ("'{value}' is not a page type.", "Write 'type: campaign' for a campaign page, or remove the line."),
        "fi": ("'{value}' ei ole sivutyyppi.", "Kirjoita kampanjasivulle 'type: campaign' tai poista rivi."),
        "sv": ("'{value}' är ingen sidtyp.", "Skriv 'type: campaign' för en kampanjsida eller ta bort raden."),
    },
    "campaign.unknown": {
        "en": (
            "no campaign page has the id '{campaign}'.",
            "Use the file name of a campaign page in docs/ without its language: {campaigns}.",
        ),
        "fi": (
            "millään kampanjasivulla ei ole tunnistetta '{campaign}'.",
            "Käytä kansiossa docs/ olevan kampanjasivun tiedostonimeä ilman kieltä: {campaigns}.",
        ),
        "sv": (
            "ingen kampanjsida har id:t '{campaign}'.",
            "Använd filnamnet på en kampanjsida i docs/ utan språket: {campaigns}.",
        ),
    },
    "translation.differs": {
        "en": ("differs from the Finnish version ({other}).", "Make '{field}' the same in both language versions."),
        "fi": (
            "poikkeaa suomenkielisestä versiosta ({other}).",
            "Tee kentästä '{field}' sama molemmissa kieliversioissa.",
        ),
        "sv": ("skiljer sig från den finska versionen ({other}).", "Gör '{field}' likadant i båda språkversionerna."),
    },
    "redirect.own-id": {
        "en": ("is this file's own id.", "Remove '{old_id}' from redirect_from: its address already shows {item}."),
        "fi": (
            "on tämän tiedoston oma tunniste.",
            "Poista '{old_id}' kentästä redirect_from: sen osoitteessa näkyy jo {item}.",
        ),
        "sv": ("är den här filens eget id.", "Ta bort '{old_id}' ur redirect_from: dess adress visar redan {item}."),
    },
    "redirect.existing-id": {
        "en": (
            "'{old_id}' is the id of {existing} ({other}).",
            "Remove '{old_id}' from redirect_from: its address already shows {item}.",
        ),
        "fi": (
            "'{old_id}' on {existing} tunniste ({other}).",
            "Poista '{old_id}' kentästä redirect_from: sen osoitteessa näkyy jo {item}.",
        ),
        "sv": (
            "'{old_id}' är id för {existing} ({other}).",
            "Ta bort '{old_id}' ur redirect_from: dess adress visar redan {item}.",
        ),
    },
    "redirect.claimed": {
        "en": (
            "'{old_id}' is also a former id of {other}.",
            "An old address can lead to one page only: keep it in one file.",
        ),
        "fi": (
            "'{old_id}' on myös tiedoston {other} aiempi tunniste.",
            "Vanha osoite voi johtaa vain yhdelle sivulle: pidä se yhdessä tiedostossa.",
        ),
        "sv": (
            "'{old_id}' är också ett tidigare id för {other}.",
            "En gammal adress kan leda till en enda sida: ha den i en fil.",
        ),
    },
    "site.required-page": {
        "en": ("is missing: every language needs this page.", "Create {path} with at least a title."),
        "fi": ("puuttuu: jokainen kieli tarvitsee tämän sivun.", "Luo tiedosto {path}, jossa on ainakin otsikko."),
        "sv": ("saknas: varje språk behöver den här sidan.", "Skapa {path} med åtminstone en rubrik."),
    },
    "address.taken": {
        "en": ("gives the address {address}, which {owner} already has.", "Choose another slug."),
        "fi": ("antaa osoitteen {address}, joka on jo käytössä: {owner}.", "Valitse toinen slug."),
        "sv": ("ger adressen {address}, som redan används av {owner}.", "Välj en annan slug."),
    },
    "address.taken-by-page-name": {
        "en": (
            "gives the address {address}, which {owner} already has.",
            "Rename the file, or give the page another address with 'slug:'.",
        ),
        "fi": (
            "antaa osoitteen {address}, joka on jo käytössä: {owner}.",
            "Nimeä tiedosto uudelleen tai anna sivulle toinen osoite kentällä 'slug:'.",
        ),
        "sv": (
            "ger adressen {address}, som redan används av {owner}.",
            "Byt namn på filen eller ge sidan en annan adress med 'slug:'.",
        ),
    },
    "address.taken-by-file-name": {
        "en": (
            "gives the address {address}, which {owner} already has.",
            "Rename the file: its name is the page's address.",
        ),
        "fi": (
            "antaa osoitteen {address}, joka on jo käytössä: {owner}.",
            "Nimeä tiedosto uudelleen: sen nimi on sivun osoite.",
        ),
        "sv": (
            "ger adressen {address}, som redan används av {owner}.",
            "Byt namn på filen: dess namn är sidans adress.",
        ),
    },
    "address.redirect-taken": {
        "en": (
            "'{old_id}' would redirect from {address}, the address of {owner}.",
            "Remove '{old_id}' from redirect_from: that address shows another page now.",
        ),
        "fi": (
            "'{old_id}' ohjaisi osoitteesta {address}, joka on jo käytössä: {owner}.",
            "Poista '{old_id}' kentästä redirect_from: osoitteessa näkyy nyt toinen sivu.",
        ),
        "sv": (
            "'{old_id}' skulle leda vidare från {address}, som redan används av {owner}.",
            "Ta bort '{old_id}' ur redirect_from: den adressen visar nu en annan sida.",
        ),
    },
    "address.reserved": {
        "en": (
            "gives the address /{address}, inside /{folder}, which the site's own files use.",
            "Choose another slug or file name.",
        ),
        "fi": (
            "antaa osoitteen /{address} kansion /{folder} sisältä, jota sivuston omat tiedostot käyttävät.",
            "Valitse toinen slug tai tiedostonimi.",
        ),
        "sv": (
            "ger adressen /{address} i /{folder}, som webbplatsens egna filer använder.",
            "Välj en annan slug eller ett annat filnamn.",
        ),
    },
    # --- the vocabularies file --------------------------------------------------------------------
    "vocabulary.unreadable": {
        "en": ("cannot be read: {error}.", "Restore content/vocabularies.yml as UTF-8 text."),
        "fi": ("ei ole luettavissa: {error}.", "Palauta content/vocabularies.yml UTF-8-tekstinä."),
        "sv": ("kan inte läsas: {error}.", "Återställ content/vocabularies.yml som UTF-8-text."),
    },
    "vocabulary.missing": {
        "en": ("is missing or is not a mapping of terms.", "Add '{name}:' with terms as 'slug: {{fi: ..., sv: ...}}'."),
        "fi": (
            "puuttuu tai ei ole termien luettelo.",
            "Lisää '{name}:' ja sen alle termit muodossa 'slug: {{fi: ..., sv: ...}}'.",
        ),
        "sv": (
            "saknas eller är ingen förteckning över termer.",
            "Lägg till '{name}:' med termer som 'slug: {{fi: ..., sv: ...}}'.",
        ),
    },
    "vocabulary.invalid-slug": {
        "en": ("is not a valid slug.", "Use lowercase a-z, 0-9 and '-' only."),
        "fi": ("ei ole kelvollinen slug.", "Käytä vain pieniä kirjaimia a-z, numeroita 0-9 ja merkkiä '-'."),
        "sv": ("är ingen giltig slug.", "Använd bara små bokstäver a-z, siffror 0-9 och '-'."),
    },
    "vocabulary.labels": {
        "en": ("needs a Finnish and a Swedish label.", "Write it as '{slug}: {{fi: Suomeksi, sv: På svenska}}'."),
        "fi": (
            "tarvitsee suomen- ja ruotsinkielisen nimen.",
            "Kirjoita se muodossa '{slug}: {{fi: Suomeksi, sv: På svenska}}'.",
        ),
        "sv": (
            "behöver en finsk och en svensk benämning.",
            "Skriv det som '{slug}: {{fi: Suomeksi, sv: På svenska}}'.",
        ),
    },
    "vocabulary.label-without-letters": {
        "en": (
            "'{label}' has no letters or digits, so the term's page would have no address of its own.",
            "Write a label with letters, e.g. '{lang}: {example}'.",
        ),
        "fi": (
            "nimessä '{label}' ei ole kirjaimia eikä numeroita, joten termin sivulla ei olisi omaa osoitetta.",
            "Kirjoita nimi kirjaimin, esimerkiksi '{lang}: {example}'.",
        ),
        "sv": (
            "'{label}' har inga bokstäver eller siffror, så termens sida skulle inte få en egen adress.",
            "Skriv en benämning med bokstäver, till exempel '{lang}: {example}'.",
        ),
    },
    "vocabulary.same-label": {
        "en": ("has the same {lang} label as '{other}'.", "Give every term its own label in both languages."),
        "fi": ("on saman nimen ({lang}) kuin '{other}'.", "Anna jokaiselle termille oma nimi molemmilla kielillä."),
        "sv": ("har samma benämning ({lang}) som '{other}'.", "Ge varje term en egen benämning på båda språken."),
    },
    "vocabulary.unknown": {
        "en": ("is not a known vocabulary.", "Vocabularies are: {names}."),
        "fi": ("ei ole tunnettu sanasto.", "Sanastot ovat: {names}."),
        "sv": ("är ingen känd vokabulär.", "Vokabulärerna är: {names}."),
    },
    # --- files and folders under content/ and docs/ --------------------------------------------
    "folder.symbolic-link": {
        "en": (
            "is a symbolic link; the site never follows links.",
            "Make it a folder of the repository, not a link to one.",
        ),
        "fi": (
            "on symbolinen linkki; sivusto ei koskaan seuraa linkkejä.",
            "Tee siitä repositorion kansio, ei linkkiä kansioon.",
        ),
        "sv": (
            "är en symbolisk länk; webbplatsen följer aldrig länkar.",
            "Gör den till en mapp i repositoriet, inte en länk till en.",
        ),
    },
    "file.symbolic-link": {
        "en": (
            "is a symbolic link; the site never follows links.",
            "Put the file itself here (a copy), not a link to it.",
        ),
        "fi": (
            "on symbolinen linkki; sivusto ei koskaan seuraa linkkejä.",
            "Laita tähän itse tiedosto (kopio), ei linkkiä siihen.",
        ),
        "sv": (
            "är en symbolisk länk; webbplatsen följer aldrig länkar.",
            "Lägg själva filen här (en kopia), inte en länk till den.",
        ),
    },
    "folder.unreadable": {
        "en": ("cannot be read: {reason}.", "Check the folder's permissions."),
        "fi": ("ei ole luettavissa: {reason}.", "Tarkista kansion käyttöoikeudet."),
        "sv": ("kan inte läsas: {reason}.", "Kontrollera mappens behörigheter."),
    },
    "folder.unknown": {
        "en": ("is a folder the site does not read.", "{suggestion}Acts go in content/acts/, tools in content/tools/."),
        "fi": (
            "on kansio, jota sivusto ei lue.",
            "{suggestion}Teot kuuluvat kansioon content/acts/, työkalut kansioon content/tools/.",
        ),
        "sv": (
            "är en mapp som webbplatsen inte läser.",
            "{suggestion}Gärningar hör till content/acts/, verktyg till content/tools/.",
        ),
    },
    "folder.nested": {
        "en": (
            "is a folder; files in folders under {folder}/ are not read.",
            "Move its files up into {folder}/ and delete the folder.",
        ),
        "fi": (
            "on kansio; kansion {folder}/ alikansioissa olevia tiedostoja ei lueta.",
            "Siirrä sen tiedostot kansioon {folder}/ ja poista kansio.",
        ),
        "sv": (
            "är en mapp; filer i mappar under {folder}/ läses inte.",
            "Flytta upp dess filer till {folder}/ och ta bort mappen.",
        ),
    },
    "folder.page-name": {
        "en": ("is a folder with a page's name.", "Rename the folder, or move the page out of it."),
        "fi": ("on kansio, jolla on sivun nimi.", "Nimeä kansio uudelleen tai siirrä sivu pois siitä."),
        "sv": ("är en mapp med en sidas namn.", "Byt namn på mappen eller flytta ut sidan ur den."),
    },
    "file.in-build-folder": {
        "en": (
            "is inside docs/{folder}/, which the build fills itself.",
            "Move it to another folder, for example docs/images/.",
        ),
        "fi": (
            "on kansiossa docs/{folder}/, jonka koonti täyttää itse.",
            "Siirrä se toiseen kansioon, esimerkiksi docs/images/.",
        ),
        "sv": (
            "ligger i docs/{folder}/, som bygget fyller själv.",
            "Flytta den till en annan mapp, till exempel docs/images/.",
        ),
    },
    "file.extension-in-capitals": {
        "en": (
            "has its extension in capitals ('{suffix}').",
            "Rename it to end in '{lower}' (and change the name where it is used).",
        ),
        "fi": (
            "tiedostopääte on kirjoitettu isoin kirjaimin ('{suffix}').",
            (
                "Nimeä tiedosto uudelleen niin, että se päättyy '{lower}' (ja muuta nimi myös siellä, missä sitä "
                "käytetään)."
            ),
        ),
        "sv": (
            "har filändelsen med stora bokstäver ('{suffix}').",
            "Byt namn så att den slutar på '{lower}' (och ändra namnet där filen används).",
        ),
    },
    "file.too-large": {
        "en": (
            "is {size:.1f} MB; the limit is {limit} MB.",
            "Save it smaller (images: at most about 2000 pixels wide).",
        ),
        "fi": (
            "on {size:.1f} Mt; enimmäiskoko on {limit} Mt.",
            "Tallenna se pienempänä (kuvat: leveys enintään noin 2000 pikseliä).",
        ),
        "sv": ("är {size:.1f} MB; gränsen är {limit} MB.", "Spara den mindre (bilder: högst cirka 2000 pixlar breda)."),
    },
    "file.wrong-type": {
        "en": (
            "is not a {type} file, though its name ends in '{suffix}'.",
            "Save it again as {type} from an image program, or give it the ending of its real type.",
        ),
        "fi": (
            "ei ole {type}-tiedosto, vaikka sen nimi päättyy '{suffix}'.",
            (
                "Tallenna se uudelleen {type}-muodossa kuvankäsittelyohjelmasta tai anna sille sen todellisen tyypin "
                "pääte."
            ),
        ),
        "sv": (
            "är ingen {type}-fil, fast namnet slutar på '{suffix}'.",
            "Spara den på nytt som {type} i ett bildprogram eller ge den ändelsen för dess verkliga typ.",
        ),
    },
    "file.markdown-extension": {
        "en": (
            "ends in '{suffix}', so the site does not read it.",
            "Rename it to end in lowercase '.md': {stem}.md (for example x.fi.md).",
        ),
        "fi": (
            "päättyy '{suffix}', joten sivusto ei lue sitä.",
            "Nimeä se uudelleen niin, että se päättyy pienin kirjaimin '.md': {stem}.md (esimerkiksi x.fi.md).",
        ),
        "sv": (
            "slutar på '{suffix}', så webbplatsen läser den inte.",
            "Byt namn så att den slutar på '.md' med små bokstäver: {stem}.md (till exempel x.fi.md).",
        ),
    },
    "file.misplaced-page": {
        "en": ("is a page or an item in a place the site does not read.", "{advice}"),
        "fi": ("on sivu tai sisältö paikassa, jota sivusto ei lue.", "{advice}"),
        "sv": ("är en sida eller ett innehåll på en plats som webbplatsen inte läser.", "{advice}"),
    },
    "file.type-not-published": {
        "en": ("is a file of a type the site does not publish ('{suffix}').", "{advice}"),
        "fi": ("on tiedostotyyppiä, jota sivusto ei julkaise ('{suffix}').", "{advice}"),
        "sv": ("är en fil av en typ som webbplatsen inte publicerar ('{suffix}').", "{advice}"),
    },
    # --- bodies --------------------------------------------------------------------------------------
    "body.too-long": {
        "en": (
            "is {length:,} characters long; the limit is {limit:,}.",
            "Split the text into shorter pages, or link to a PDF file beside this one.",
        ),
        "fi": (
            "on {length:,} merkkiä pitkä; enimmäispituus on {limit:,}.",
            "Jaa teksti lyhyemmiksi sivuiksi tai linkitä tämän tiedoston viereen tallennettuun PDF-tiedostoon.",
        ),
        "sv": (
            "är {length:,} tecken lång; gränsen är {limit:,}.",
            "Dela upp texten i kortare sidor eller länka till en PDF-fil bredvid den här filen.",
        ),
    },
    "body.too-slow": {
        "en": (
            "took more than {seconds:g} seconds to convert from Markdown, so it was stopped.",
            "Look for long runs of the same punctuation ([, <, *, >) and remove them.",
        ),
        "fi": (
            "ei muuntunut Markdownista {seconds:g} sekunnissa, joten muuntaminen keskeytettiin.",
            "Etsi pitkiä samojen välimerkkien jonoja ([, <, *, >) ja poista ne.",
        ),
        "sv": (
            "tog mer än {seconds:g} sekunder att konvertera från Markdown, så det avbröts.",
            "Leta efter långa rader av samma skiljetecken ([, <, *, >) och ta bort dem.",
        ),
    },
    "body.too-deep": {
        "en": (
            "is nested too deeply (lists or quotes inside each other).",
            "Use at most a few levels of lists and quotes inside each other.",
        ),
        "fi": (
            "on liian syvälle sisäkkäinen (luetteloita tai lainauksia toistensa sisällä).",
            "Käytä enintään muutamaa sisäkkäistä luettelo- tai lainaustasoa.",
        ),
        "sv": (
            "är för djupt kapslad (listor eller citat i varandra).",
            "Använd högst några nivåer av listor och citat i varandra.",
        ),
    },
    "body.refused-redirecting-element": {
        "en": (
            "contains the element <{tag}>, which the site does not allow.",
            "Remove it: a page cannot send readers elsewhere or change where its links lead.",
        ),
        "fi": (
            "sisältää elementin <{tag}>, jota sivusto ei salli.",
            "Poista se: sivu ei voi ohjata lukijoita muualle eikä muuttaa sitä, minne sen linkit vievät.",
        ),
        "sv": (
            "innehåller elementet <{tag}>, som webbplatsen inte tillåter.",
            "Ta bort det: en sida kan inte skicka läsare någon annanstans eller ändra vart dess länkar leder.",
        ),
    },
    "body.refused-code-element": {
        "en": (
            "contains the element <{tag}>, which the site does not allow.",
            "Remove it: pages may not run code. Describe the thing in text, or link to it with https://.",
        ),
        "fi": (
            "sisältää elementin <{tag}>, jota sivusto ei salli.",
            "Poista se: sivut eivät saa ajaa koodia. Kuvaile asia tekstinä tai linkitä siihen https://-osoitteella.",
        ),
        "sv": (
            "innehåller elementet <{tag}>, som webbplatsen inte tillåter.",
            "Ta bort det: sidor får inte köra kod. Beskriv saken i text eller länka till den med https://.",
        ),
    },
    "body.refused-form-element": {
        "en": (
            "contains the element <{tag}>, which the site does not allow.",
            "Remove it: forms and styles belong to the site itself. Link to a form with https:// instead.",
        ),
        "fi": (
            "sisältää elementin <{tag}>, jota sivusto ei salli.",
            "Poista se: lomakkeet ja tyylit kuuluvat sivustolle itselleen. Linkitä lomakkeeseen https://-osoitteella.",
        ),
        "sv": (
            "innehåller elementet <{tag}>, som webbplatsen inte tillåter.",
            "Ta bort det: formulär och stilar hör till webbplatsen själv. Länka i stället till ett formulär med https://.",
        ),
    },
    "body.refused-element": {
        "en": (
            "contains the element <{tag}>, which the site does not allow.",
            (
                "Remove it or use Markdown instead: bodies may use headings, paragraphs, lists, links, images, "
                "tables, quotes and embeds from {hosts}."
            ),
        ),
        "fi": (
            "sisältää elementin <{tag}>, jota sivusto ei salli.",
            (
                "Poista se tai käytä Markdownia: tekstissä voi olla otsikoita, kappaleita, luetteloita, linkkejä, "
                "kuvia, taulukoita, lainauksia ja upotuksia palveluista {hosts}."
            ),
        ),
        "sv": (
            "innehåller elementet <{tag}>, som webbplatsen inte tillåter.",
            (
                "Ta bort det eller använd Markdown: texten får ha rubriker, stycken, listor, länkar, bilder, "
                "tabeller, citat och inbäddningar från {hosts}."
            ),
        ),
    },
    "body.refused-event-handler": {
        "en": (
            "contains an event-handler attribute '{name}' on <{tag}>, which the site does not allow.",
            "Remove the '{name}' attribute: pages may not run code.",
        ),
        "fi": (
            "sisältää elementissä <{tag}> tapahtumankäsittelijän '{name}', jota sivusto ei salli.",
            "Poista määrite '{name}': sivut eivät saa ajaa koodia.",
        ),
        "sv": (
            "innehåller händelseattributet '{name}' på <{tag}>, som webbplatsen inte tillåter.",
            "Ta bort attributet '{name}': sidor får inte köra kod.",
        ),
    },
    "body.refused-link": {
        "en": (
            "contains the address '{address}' in '{name}' on <{tag}>, which the site does not allow.",
            "Link to an address starting with https:// (or mailto: or tel:), or to a page or file of this site.",
        ),
        "fi": (
            "sisältää elementin <{tag}> määritteessä '{name}' osoitteen '{address}', jota sivusto ei salli.",
            (
                "Linkitä osoitteeseen, joka alkaa https:// (tai mailto: tai tel:), "
                "tai tämän sivuston sivulle tai tiedostoon."
            ),
        ),
        "sv": (
            "innehåller adressen '{address}' i '{name}' på <{tag}>, som webbplatsen inte tillåter.",
            (
                "Länka till en adress som börjar med https:// (eller mailto: eller tel:) "
                "eller till en sida eller fil på den här webbplatsen."
            ),
        ),
    },
    "body.refused-embed": {
        "en": (
            "contains an <iframe> from '{address}', which the site does not allow.",
            "Embeds may come from {hosts} only; otherwise link to the page instead of embedding it.",
        ),
        "fi": (
            "sisältää upotuksen (<iframe>) osoitteesta '{address}', jota sivusto ei salli.",
            "Upotuksia voi tehdä vain palveluista {hosts}; muuten linkitä sivulle upottamisen sijaan.",
        ),
        "sv": (
            "innehåller en <iframe> från '{address}', som webbplatsen inte tillåter.",
            "Inbäddningar får bara komma från {hosts}; länka annars till sidan i stället för att bädda in den.",
        ),
    },
    "body.refused-source": {
        "en": (
            "contains the address '{address}' in 'src' on <{tag}>, which the site does not allow.",
            "Put the file beside this one and give its name: readers' browsers load nothing from other sites.",
        ),
        "fi": (
            "sisältää elementin <{tag}> määritteessä 'src' osoitteen '{address}', jota sivusto ei salli.",
            (
                "Laita tiedosto tämän tiedoston viereen ja anna sen nimi: lukijoiden selaimet eivät lataa mitään "
                "muilta sivustoilta."
            ),
        ),
        "sv": (
            "innehåller adressen '{address}' i 'src' på <{tag}>, som webbplatsen inte tillåter.",
            "Lägg filen bredvid den här och ange dess namn: läsarnas webbläsare hämtar inget från andra webbplatser.",
        ),
    },
    "body.refused-id": {
        "en": (
            "contains the id '{value}' on <{tag}>, which the site does not allow.",
            "Ids are lowercase letters, digits, '-' and '_', and do not start with '__'.",
        ),
        "fi": (
            "sisältää elementissä <{tag}> tunnisteen (id) '{value}', jota sivusto ei salli.",
            (
                "Tunnisteessa voi olla pieniä kirjaimia, numeroita sekä merkit '-' ja '_', "
                "eikä se saa alkaa merkeillä '__'."
            ),
        ),
        "sv": (
            "innehåller id:t '{value}' på <{tag}>, som webbplatsen inte tillåter.",
            "Ett id består av små bokstäver, siffror, '-' och '_' och börjar inte med '__'.",
        ),
    },
    "body.refused-class": {
        "en": (
            "contains the class '{value}' on <{tag}>, which the site does not allow.",
            "Remove it: only the admonition classes ({classes}) and code languages (```python) are allowed.",
        ),
        "fi": (
            "sisältää elementissä <{tag}> luokan '{value}', jota sivusto ei salli.",
            "Poista se: vain huomautuslaatikoiden luokat ({classes}) ja koodin kielet (```python) ovat sallittuja.",
        ),
        "sv": (
            "innehåller klassen '{value}' på <{tag}>, som webbplatsen inte tillåter.",
            "Ta bort den: bara klasserna för faktarutor ({classes}) och kodspråk (```python) är tillåtna.",
        ),
    },
    "body.refused-data-attribute": {
        "en": (
            "contains the attribute '{name}' on <{tag}>, which the site does not allow.",
            "Remove it: data- attributes belong to the site's own scripts.",
        ),
        "fi": (
            "sisältää elementissä <{tag}> määritteen '{name}', jota sivusto ei salli.",
            "Poista se: data-määritteet kuuluvat sivuston omille skripteille.",
        ),
        "sv": (
            "innehåller attributet '{name}' på <{tag}>, som webbplatsen inte tillåter.",
            "Ta bort det: data-attribut hör till webbplatsens egna skript.",
        ),
    },
    "body.refused-attribute": {
        "en": (
            "contains the attribute '{name}' on <{tag}>, which the site does not allow.",
            "Remove the '{name}' attribute: it is not one the site allows on <{tag}>.",
        ),
        "fi": (
            "sisältää elementissä <{tag}> määritteen '{name}', jota sivusto ei salli.",
            "Poista määrite '{name}': sivusto ei salli sitä elementissä <{tag}>.",
        ),
        "sv": (
            "innehåller attributet '{name}' på <{tag}>, som webbplatsen inte tillåter.",
            "Ta bort attributet '{name}': webbplatsen tillåter det inte på <{tag}>.",
        ),
    },
    "body.refused-markup": {
        "en": (
            "contains markup, which the site does not allow.",
            "Remove the HTML that is not allowed (see the field reference).",
        ),
        "fi": ("sisältää HTML-merkintää, jota sivusto ei salli.", "Poista HTML, jota ei sallita (katso kenttäopas)."),
        "sv": (
            "innehåller HTML som webbplatsen inte tillåter.",
            "Ta bort den HTML som inte är tillåten (se fältguiden).",
        ),
    },
    # --- SVG images ------------------------------------------------------------------------------
    "svg.too-large": {
        "en": (
            "is {size:.1f} MB; an SVG image may be at most 2 MB.",
            "Simplify the drawing, or save it as PNG or JPEG.",
        ),
        "fi": (
            "on {size:.1f} Mt; SVG-kuva saa olla enintään 2 Mt.",
            "Yksinkertaista piirrosta tai tallenna se PNG- tai JPEG-kuvaksi.",
        ),
        "sv": (
            "är {size:.1f} MB; en SVG-bild får vara högst 2 MB.",
            "Förenkla teckningen eller spara den som PNG eller JPEG.",
        ),
    },
    "svg.too-many-problems": _svg(
        "has more problems; checking stopped after {limit}.",
        "sisältää enemmän ongelmia; tarkistus lopetettiin {limit} ongelman jälkeen.",
        "har fler problem; kontrollen avbröts efter {limit}.",
    ),
    "svg.encoding": {
        "en": (
            "is saved in the '{encoding}' character encoding; an SVG image must be UTF-8.",
            "Save the image again as UTF-8 (plain SVG).",
        ),
        "fi": (
            "on tallennettu merkistökoodauksella '{encoding}'; SVG-kuvan pitää olla UTF-8-muodossa.",
            "Tallenna kuva uudelleen UTF-8-muodossa (tavallinen SVG).",
        ),
        "sv": (
            "är sparad med teckenkodningen '{encoding}'; en SVG-bild ska vara UTF-8.",
            "Spara bilden på nytt som UTF-8 (vanlig SVG).",
        ),
    },
    "svg.doctype": {
        "en": (
            "has a <!DOCTYPE> declaration, which is not allowed in an SVG image.",
            "Export the image again as plain SVG (without a DOCTYPE), or save it as PNG.",
        ),
        "fi": (
            "sisältää <!DOCTYPE>-määrittelyn, jota SVG-kuvassa ei sallita.",
            "Vie kuva uudelleen tavallisena SVG-kuvana (ilman DOCTYPE-määrittelyä) tai tallenna se PNG-kuvaksi.",
        ),
        "sv": (
            "har en <!DOCTYPE>-deklaration, som inte är tillåten i en SVG-bild.",
            "Exportera bilden på nytt som vanlig SVG (utan DOCTYPE) eller spara den som PNG.",
        ),
    },
    "svg.stylesheet-instruction": _svg(
        "has a <?{target}?> instruction, which could load a style sheet from another site.",
        "sisältää <?{target}?>-ohjeen, joka voisi ladata tyylitiedoston toiselta sivustolta.",
        "har en <?{target}?>-instruktion, som kunde hämta en stilmall från en annan webbplats.",
    ),
    "svg.instruction": _svg(
        "has a <?{target}?> instruction, which is not allowed.",
        "sisältää <?{target}?>-ohjeen, jota ei sallita.",
        "har en <?{target}?>-instruktion, som inte är tillåten.",
    ),
    "svg.not-svg": {
        "en": (
            "does not start with an <svg> element in the SVG namespace (it starts with <{element}>).",
            'Open the image in a drawing program and export it as SVG (with xmlns="{namespace}"), or save it as PNG.',
        ),
        "fi": (
            "ei ala SVG-nimiavaruuden <svg>-elementillä (se alkaa elementillä <{element}>).",
            'Avaa kuva piirto-ohjelmassa ja vie se SVG-muotoon (xmlns="{namespace}") tai tallenna se PNG-kuvaksi.',
        ),
        "sv": (
            "börjar inte med ett <svg>-element i SVG-namnrymden (det börjar med <{element}>).",
            (
                'Öppna bilden i ett ritprogram och exportera den som SVG (med xmlns="{namespace}") '
                "eller spara den som PNG."
            ),
        ),
    },
    "svg.element": _svg(
        "has a <{element}> element, which is not allowed in a published image.",
        "sisältää <{element}>-elementin, jota julkaistavassa kuvassa ei sallita.",
        "har ett <{element}>-element, som inte är tillåtet i en publicerad bild.",
    ),
    "svg.element-in-style": _svg(
        "has a <{element}> element inside <style>, which is not allowed in a published image.",
        "sisältää <style>-elementin sisällä <{element}>-elementin, jota julkaistavassa kuvassa ei sallita.",
        "har ett <{element}>-element inuti <style>, som inte är tillåtet i en publicerad bild.",
    ),
    "svg.foreign-element": _svg(
        "has a <{element}> element that is not SVG, which is not allowed in a published image.",
        "sisältää <{element}>-elementin, joka ei ole SVG:tä; sitä ei sallita julkaistavassa kuvassa.",
        "har ett <{element}>-element som inte är SVG, vilket inte är tillåtet i en publicerad bild.",
    ),
    "svg.event-handler": _svg(
        "has an event handler '{name}' on <{element}>, which could run code.",
        "sisältää elementissä <{element}> tapahtumankäsittelijän '{name}', joka voisi ajaa koodia.",
        "har händelsehanteraren '{name}' på <{element}>, som kunde köra kod.",
    ),
    "svg.linking-attribute": _svg(
        "has the attribute '{name}' on <{element}>, which could link to another site.",
        "sisältää elementissä <{element}> määritteen '{name}', joka voisi linkittää toiselle sivustolle.",
        "har attributet '{name}' på <{element}>, som kunde länka till en annan webbplats.",
    ),
    "svg.attribute": _svg(
        "has the attribute '{name}' on <{element}>, which is not allowed in a published image.",
        "sisältää elementissä <{element}> määritteen '{name}', jota julkaistavassa kuvassa ei sallita.",
        "har attributet '{name}' på <{element}>, som inte är tillåtet i en publicerad bild.",
    ),
    "svg.external-image": _svg(
        "has an <image> that loads '{address}'; only PNG, JPEG, GIF or WebP pictures embedded in the file "
        "(data:image/...;base64) are allowed.",
        "sisältää <image>-elementin, joka lataa osoitteen '{address}'; vain tiedostoon upotetut PNG-, JPEG-, "
        "GIF- tai WebP-kuvat (data:image/...;base64) ovat sallittuja.",
        "har en <image> som hämtar '{address}'; bara PNG-, JPEG-, GIF- eller WebP-bilder inbäddade i filen "
        "(data:image/...;base64) är tillåtna.",
    ),
    "svg.link": _svg(
        "has a link to '{address}' on <{element}>; only references to parts of the same image ('#id' on <use>, "
        "<textPath>, gradients, patterns and filters) are allowed.",
        "sisältää elementissä <{element}> linkin osoitteeseen '{address}'; vain viittaukset saman kuvan osiin "
        "('#id' elementeissä <use> ja <textPath>, liukuvärit, kuviot ja suodattimet) ovat sallittuja.",
        "har en länk till '{address}' på <{element}>; bara hänvisningar till delar av samma bild ('#id' på <use>, "
        "<textPath>, övertoningar, mönster och filter) är tillåtna.",
    ),
    "svg.style-property": _svg(
        "has the style property '{name}' in {where}, which is not allowed in a published image.",
        "sisältää tyyliominaisuuden '{name}' ({where}), jota julkaistavassa kuvassa ei sallita.",
        "har stilegenskapen '{name}' i {where}, som inte är tillåten i en publicerad bild.",
    ),
    "svg.hiding-character": _svg(
        "has a '\\', '<' or '@' in {where}, which could hide a link to another site.",
        "sisältää merkin '\\', '<' tai '@' ({where}), joka voisi kätkeä linkin toiselle sivustolle.",
        "har ett '\\', '<' eller '@' i {where}, som kunde dölja en länk till en annan webbplats.",
    ),
    "svg.outside-url": _svg(
        "has url(...) pointing outside the image in {where}; only url(#id) is allowed.",
        "sisältää kuvan ulkopuolelle osoittavan url(...)-viittauksen ({where}); vain url(#id) on sallittu.",
        "har url(...) som pekar utanför bilden i {where}; bara url(#id) är tillåtet.",
    ),
    "svg.style-function": _svg(
        "uses the style function '{name}(' in {where}, which is not allowed in a published image.",
        "käyttää tyylifunktiota '{name}(' ({where}), jota julkaistavassa kuvassa ei sallita.",
        "använder stilfunktionen '{name}(' i {where}, som inte är tillåten i en publicerad bild.",
    ),
    "svg.stylesheet-at-rule": _svg(
        "has a '\\', '<' or an @-rule (such as @import) in <style>, which could load files from another site.",
        "sisältää <style>-elementissä merkin '\\', '<' tai @-säännön (kuten @import), joka voisi ladata "
        "tiedostoja toiselta sivustolta.",
        "har ett '\\', '<' eller en @-regel (som @import) i <style>, som kunde hämta filer från en annan webbplats.",
    ),
    "svg.stylesheet-text": _svg(
        "has text in <style> that is not plain 'selector {{ property: value }}' rules.",
        "sisältää <style>-elementissä tekstiä, joka ei ole tavallisia 'valitsin {{ ominaisuus: arvo }}' -sääntöjä.",
        "har text i <style> som inte är vanliga regler av formen 'selektor {{ egenskap: värde }}'.",
    ),
    "svg.invalid": {
        "en": (
            "is not a valid SVG file: {error}.",
            "Open the image in a drawing program and export it again as plain SVG (UTF-8), or save it as PNG.",
        ),
        "fi": (
            "ei ole kelvollinen SVG-tiedosto: {error}.",
            (
                "Avaa kuva piirto-ohjelmassa ja vie se uudelleen tavallisena SVG-kuvana (UTF-8) tai tallenna se "
                "PNG-kuvaksi."
            ),
        ),
        "sv": (
            "är ingen giltig SVG-fil: {error}.",
            "Öppna bilden i ett ritprogram och exportera den på nytt som vanlig SVG (UTF-8) eller spara den som PNG.",
        ),
    },
    # --- bodies: added with footnotes, files beside content and the text check ---------------------
    "body.unknown-admonition": {
        "en": (
            "has the admonition type '{value}', which the site does not style.",
            "{suggestion}Use one of: {types}.",
        ),
        "fi": (
            "sisältää huomautuslaatikon tyypin '{value}', jolle sivustolla ei ole tyyliä.",
            "{suggestion}Käytä jotakin näistä: {types}.",
        ),
        "sv": (
            "har faktarutetypen '{value}', som webbplatsen inte har någon stil för.",
            "{suggestion}Använd någon av: {types}.",
        ),
    },
    "body.braces-in-text": {
        "en": (
            "ends a line with '{{…}}', which Markdown reads as attributes ({{#id .class}}), not as text.",
            "To show the braces as text, write them with a backslash: \\{{2019–2021\\}}, or use parentheses.",
        ),
        "fi": (
            "päättää rivin merkintään '{{…}}', jonka Markdown lukee määritteiksi ({{#id .luokka}}), ei tekstiksi.",
            (
                "Jos aaltosulkeiden pitää näkyä tekstinä, kirjoita ne kenoviivan kanssa: \\{{2019–2021\\}}, tai käytä "
                "kaarisulkeita."
            ),
        ),
        "sv": (
            "slutar en rad med '{{…}}', som Markdown läser som attribut ({{#id .klass}}), inte som text.",
            (
                "Om klamrarna ska synas som text, skriv dem med omvänt snedstreck: \\{{2019–2021\\}}, eller använd "
                "parenteser."
            ),
        ),
    },
    "body.link-not-found": {
        "en": (
            "links to '{address}', but there is no such file beside it.",
            (
                "Put the file ({types}) in the same folder as this file, or correct the name; a page is linked by its "
                "file name (toinen-teko.fi.md)."
            ),
        ),
        "fi": (
            "linkittää tiedostoon '{address}', mutta sellaista tiedostoa ei ole sen vieressä.",
            (
                "Tallenna tiedosto ({types}) samaan kansioon kuin tämä tiedosto tai korjaa nimi; "
                "sivuun linkitetään sen "
                "tiedostonimellä (toinen-teko.fi.md)."
            ),
        ),
        "sv": (
            "länkar till '{address}', men någon sådan fil finns inte bredvid den.",
            (
                "Lägg filen ({types}) i samma mapp som den här filen eller rätta namnet; en sida länkas med sitt "
                "filnamn (annan-garning.sv.md)."
            ),
        ),
    },
    "body.refused-comment": {
        "en": (
            "contains an HTML comment or processing instruction ('{text}'), which is not published.",
            "Remove it: a comment would be dropped without a trace; write notes for other editors in the pull request.",
        ),
        "fi": (
            "sisältää HTML-kommentin tai käsittelyohjeen ('{text}'), jota ei julkaista.",
            (
                "Poista se: kommentti jäisi sivulta pois jälkiä jättämättä; kirjoita huomiot muille muokkaajille pull "
                "requestiin."
            ),
        ),
        "sv": (
            "innehåller en HTML-kommentar eller bearbetningsinstruktion ('{text}'), som inte publiceras.",
            (
                "Ta bort den: en kommentar skulle försvinna spårlöst; skriv anteckningar till andra redaktörer i pull "
                "requesten."
            ),
        ),
    },
    "body.text-lost": {
        "en": (
            "contains text ('{text}') that would not be published, inside markup the site does not allow.",
            "Write the text as plain Markdown, without the surrounding HTML element.",
        ),
        "fi": (
            (
                "sisältää tekstiä ('{text}'), joka ei julkaistuisi, koska se on HTML-merkinnän sisällä, "
                "jota sivusto ei "
                "salli."
            ),
            "Kirjoita teksti tavallisena Markdownina ilman sitä ympäröivää HTML-elementtiä.",
        ),
        "sv": (
            (
                "innehåller text ('{text}') som inte skulle publiceras, eftersom den står i HTML som webbplatsen inte "
                "tillåter."
            ),
            "Skriv texten som vanlig Markdown, utan HTML-elementet runt den.",
        ),
    },
    "front-matter.comment": {
        "en": (
            "has a comment (#), which the web editor and `tarkeissa format` cannot keep.",
            (
                "Move the note into the text below the front matter, or into the pull request; a value that "
                'starts with # goes in double quotes: hashtag: "#tärkeinsijoitus".'
            ),
        ),
        "fi": (
            "sisältää kommentin (#), jota verkkoeditori ja `tarkeissa format` eivät voi säilyttää.",
            (
                "Siirrä huomautus etusivutietojen alla olevaan tekstiin tai pull requestiin; #-merkillä alkava "
                'arvo kirjoitetaan lainausmerkkeihin: hashtag: "#tärkeinsijoitus".'
            ),
        ),
        "sv": (
            "har en kommentar (#), som webbredigeraren och `tarkeissa format` inte kan behålla.",
            (
                "Flytta anteckningen till texten under rubrikfälten eller till pull requesten; ett värde som "
                'börjar med # skrivs inom citattecken: hashtag: "#tärkeinsijoitus".'
            ),
        ),
    },
}

# Parts of messages that are themselves translated: a rule's parameter may be a Phrase of these.
PHRASES: dict[str, dict[str, str]] = {
    # what a value is, after "must be text, not ..." (Finnish: partitive, as after "ei")
    "actual.boolean": {"en": "true/false ({value})", "fi": "totuusarvoa ({value})", "sv": "sant/falskt ({value})"},
    "actual.number": {"en": "a number ({value})", "fi": "lukua ({value})", "sv": "ett tal ({value})"},
    "actual.datetime": {"en": "a date and time", "fi": "päivämäärää ja kellonaikaa", "sv": "ett datum med klockslag"},
    "actual.date": {"en": "a date ({value})", "fi": "päivämäärää ({value})", "sv": "ett datum ({value})"},
    "actual.list": {"en": "a list", "fi": "luetteloa", "sv": "en lista"},
    "actual.group": {"en": "a group of fields", "fi": "kenttäryhmää", "sv": "en grupp av fält"},
    "actual.text": {"en": "text ('{value}')", "fi": "tekstiä ('{value}')", "sv": "text ('{value}')"},
    # front matter that is no mapping (Finnish: nominative, "on luettelo")
    "yaml.list": {"en": "a list", "fi": "luettelo", "sv": "en lista"},
    "yaml.single-value": {"en": "a single value", "fi": "yksittäinen arvo", "sv": "ett enda värde"},
    # what an explicit YAML tag (!!int) asks for
    "yaml.int": {"en": "a whole number", "fi": "kokonaisluku", "sv": "ett heltal"},
    "yaml.float": {"en": "a number", "fi": "luku", "sv": "ett tal"},
    "yaml.bool": {"en": "true or false", "fi": "true tai false", "sv": "true eller false"},
    "range.between": {"en": "{low}–{high}", "fi": "{low}–{high}", "sv": "{low}–{high}"},
    "range.at-least": {"en": "at least {low}", "fi": "vähintään {low}", "sv": "minst {low}"},
    "range.at-most": {"en": "at most {high}", "fi": "enintään {high}", "sv": "högst {high}"},
    "suggest.field": {
        "en": "Did you mean '{name}'? ",
        "fi": "Tarkoititko kenttää '{name}'? ",
        "sv": "Menade du '{name}'? ",
    },
    "suggest.term": {"en": "Did you mean {terms}? ", "fi": "Tarkoititko {terms}? ", "sv": "Menade du {terms}? "},
    "suggest.terms-or": {"en": "{first} or {second}", "fi": "{first} tai {second}", "sv": "{first} eller {second}"},
    "suggest.use-one-of": {
        "en": "Use one of: {terms}. ",
        "fi": "Käytä jotakin näistä: {terms}. ",
        "sv": "Använd någon av: {terms}. ",
    },
    "suggest.folder": {
        "en": "Did you mean content/{folder}/? ",
        "fi": "Tarkoititko kansiota content/{folder}/? ",
        "sv": "Menade du content/{folder}/? ",
    },
    "where.act": {"en": "in an act file", "fi": "teon tiedostossa", "sv": "i en fil för en gärning"},
    "where.tool": {"en": "in a tool file", "fi": "työkalun tiedostossa", "sv": "i en fil för ett verktyg"},
    "where.campaign": {
        "en": "in a campaign file",
        "fi": "kampanjasivun tiedostossa",
        "sv": "i en fil för en kampanjsida",
    },
    "where.page": {"en": "in a page file", "fi": "sivun tiedostossa", "sv": "i en fil för en sida"},
    "where.group": {"en": "in {group}", "fi": "kentässä {group}", "sv": "i {group}"},
    "none-yet": {"en": "(none yet)", "fi": "(ei vielä yhtään)", "sv": "(inga ännu)"},
    "that.act": {"en": "that act", "fi": "kyseinen teko", "sv": "den gärningen"},
    "that.tool": {"en": "that tool", "fi": "kyseinen työkalu", "sv": "det verktyget"},
    "existing.act": {"en": "an existing act", "fi": "olemassa olevan teon", "sv": "en befintlig gärning"},
    "existing.tool": {"en": "an existing tool", "fi": "olemassa olevan työkalun", "sv": "ett befintligt verktyg"},
    "advice.item-name": {
        "en": "Name it <id>.fi.md or <id>.sv.md: the id in lowercase a-z, 0-9 and '-', 3–80 characters, "
        "not starting or ending with '-'.",
        "fi": "Nimeä se <tunniste>.fi.md tai <tunniste>.sv.md: tunnisteessa pieniä kirjaimia a-z, numeroita "
        "0-9 ja merkkiä '-', 3–80 merkkiä, ei '-' alussa eikä lopussa.",
        "sv": "Ge den namnet <id>.fi.md eller <id>.sv.md: id:t med små bokstäver a-z, siffror 0-9 och '-', "
        "3–80 tecken, inte med '-' först eller sist.",
    },
    "advice.page-name": {
        "en": "Name it <name>.fi.md or <name>.sv.md.",
        "fi": "Nimeä se <nimi>.fi.md tai <nimi>.sv.md.",
        "sv": "Ge den namnet <namn>.fi.md eller <namn>.sv.md.",
    },
    "advice.content-folder": {
        "en": "Acts go in content/acts/, tools in content/tools/.",
        "fi": "Teot kuuluvat kansioon content/acts/, työkalut kansioon content/tools/.",
        "sv": "Gärningar hör till content/acts/, verktyg till content/tools/.",
    },
    "advice.beside-act": {
        "en": "Beside an act only its images ({assets}) may stand.",
        "fi": "Teon vieressä voi olla vain sen kuvia ({assets}).",
        "sv": "Bredvid en gärning får bara dess bilder ({assets}) finnas.",
    },
    "advice.beside-tool": {
        "en": "Beside a tool only its images ({assets}) may stand.",
        "fi": "Työkalun vieressä voi olla vain sen kuvia ({assets}).",
        "sv": "Bredvid ett verktyg får bara dess bilder ({assets}) finnas.",
    },
    "advice.docs-folder": {
        "en": "Pages are <name>.fi.md / <name>.sv.md; besides them docs/ holds images and documents ({assets}). "
        "Scripts and styles are the site's code, in docs/assets/javascripts/ and docs/assets/stylesheets/.",
        "fi": "Sivut ovat muotoa <nimi>.fi.md / <nimi>.sv.md; niiden lisäksi kansiossa docs/ voi olla kuvia ja "
        "asiakirjoja ({assets}). Skriptit ja tyylit ovat sivuston koodia kansioissa docs/assets/javascripts/ "
        "ja docs/assets/stylesheets/.",
        "sv": "Sidor heter <namn>.fi.md / <namn>.sv.md; utöver dem rymmer docs/ bilder och dokument ({assets}). "
        "Skript och stilar är webbplatsens kod, i docs/assets/javascripts/ och docs/assets/stylesheets/.",
    },
    # advice for a YAML syntax error, by what the parser said
    # what the YAML parser found, said in the editor's words (source.yaml_problem picks one)
    "parser.colon-in-value": {
        "en": "a second ':' on a line, or a line indented too far",
        "fi": "rivillä on toinen ':' tai rivi on sisennetty liian pitkälle",
        "sv": "ett andra ':' på en rad, eller en rad med för stort indrag",
    },
    "parser.ends-in-value": {
        "en": "the front matter ends in the middle of a value",
        "fi": "'---'-rivien väliset kentät loppuvat kesken arvon",
        "sv": "fälten mellan '---'-raderna slutar mitt i ett värde",
    },
    "parser.list-not-closed": {
        "en": "a list in [ ] is not closed",
        "fi": "hakasulkeissa [ ] oleva luettelo jää auki",
        "sv": "en lista inom [ ] stängs inte",
    },
    "parser.group-not-closed": {
        "en": "a group in {{ }} is not closed",
        "fi": "aaltosulkeissa {{ }} oleva ryhmä jää auki",
        "sv": "en grupp inom {{ }} stängs inte",
    },
    "parser.cannot-start": {
        "en": "a character that cannot begin a value (a tab, @ or `)",
        "fi": "merkki, jolla arvo ei voi alkaa (sarkain, @ tai `)",
        "sv": "ett tecken som ett värde inte kan börja med (tabb, @ eller `)",
    },
    "parser.unknown-escape": {
        "en": "an unknown \\ sequence inside double quotes",
        "fi": "tuntematon \\-merkintä lainausmerkkien sisällä",
        "sv": "en okänd \\-sekvens inom citattecken",
    },
    "parser.unexpected-line": {
        "en": "a line that is not 'name: value' and does not continue the value above",
        "fi": "rivi, joka ei ole muotoa 'nimi: arvo' eikä jatka yläpuolella olevaa arvoa",
        "sv": "en rad som inte är 'namn: värde' och inte fortsätter värdet ovanför",
    },
    "parser.missing-colon": {"en": "a line without ':'", "fi": "rivi, jolta puuttuu ':'", "sv": "en rad utan ':'"},
    "parser.other": {
        "en": "{text}",
        "fi": "jäsennin ilmoitti englanniksi: {text}",
        "sv": "tolken meddelade på engelska: {text}",
    },
    "yaml.quote-colon": {
        "en": "A value contains ': '. Put the whole value in double quotes: title: \"Kunta: uusi malli\".",
        "fi": "Arvossa on ': '. Kirjoita koko arvo lainausmerkkeihin: title: \"Kunta: uusi malli\".",
        "sv": "Värdet innehåller ': '. Skriv hela värdet inom citattecken: title: \"Kommunen: en ny modell\".",
    },
    "yaml.tabs": {
        "en": "Indent with spaces, not tabs.",
        "fi": "Sisennä välilyönneillä, älä sarkaimilla.",
        "sv": "Gör indrag med mellanslag, inte med tabbar.",
    },
    "yaml.missing-colon": {
        "en": "Each line needs 'name: value'. Check the line above for a missing ':' or quote.",
        "fi": (
            "Jokaisella rivillä pitää olla 'nimi: arvo'. Tarkista, puuttuuko yläpuolella olevalta riviltä ':' tai "
            "lainausmerkki."
        ),
        "sv": "Varje rad behöver 'namn: värde'. Kontrollera om raden ovanför saknar ':' eller ett citattecken.",
    },
    "yaml.star-or-ampersand": {
        "en": "A value starts with '*' or '&'. Put it in double quotes.",
        "fi": "Arvo alkaa merkillä '*' tai '&'. Kirjoita se lainausmerkkeihin.",
        "sv": "Ett värde börjar med '*' eller '&'. Skriv det inom citattecken.",
    },
    "yaml.unclosed-quote": {
        "en": 'A quote is not closed. Check that every " has a partner on the same value.',
        "fi": 'Lainausmerkki jää auki. Tarkista, että jokaisella "-merkillä on pari samassa arvossa.',
        "sv": 'Ett citattecken stängs inte. Kontrollera att varje " har en partner i samma värde.',
    },
    "yaml.other": {
        "en": "Check the quotes, colons and indentation on this line and the line above it.",
        "fi": "Tarkista lainausmerkit, kaksoispisteet ja sisennykset tällä ja edellisellä rivillä.",
        "sv": "Kontrollera citattecken, kolon och indrag på den här raden och raden ovanför.",
    },
    # things that own an address, in a collision (Finnish: nominative after "käytössä:")
    "owner.search-page": {"en": "the search page", "fi": "hakusivu", "sv": "söksidan"},
    "owner.listing": {"en": "a generated listing", "fi": "sivuston tekemä luettelosivu", "sv": "en genererad lista"},
    "owner.field-reference": {"en": "the field reference", "fi": "kenttäopas", "sv": "fältguiden"},
    "owner.feed": {"en": "the feed of acts", "fi": "tekojen syöte", "sv": "flödet med gärningar"},
    "owner.filter-data": {
        "en": "the data of the acts filter",
        "fi": "tekojen suodattimen tiedot",
        "sv": "gärningsfiltrets data",
    },
    "owner.sitemap": {"en": "the sitemap", "fi": "sivukartta", "sv": "webbplatskartan"},
    "owner.term-page": {
        "en": "the page of the term '{slug}' in {vocabulary} ({path})",
        "fi": "sanaston {vocabulary} termin '{slug}' sivu ({path})",
        "sv": "sidan för termen '{slug}' i {vocabulary} ({path})",
    },
    "owner.term-page-n": {
        "en": "page {number} of the term '{slug}' in {vocabulary} ({path})",
        "fi": "sanaston {vocabulary} termin '{slug}' sivu {number} ({path})",
        "sv": "sida {number} för termen '{slug}' i {vocabulary} ({path})",
    },
    "owner.campaign-acts": {
        "en": "the list of acts of the campaign {source}",
        "fi": "kampanjan {source} tekojen luettelo",
        "sv": "listan över kampanjens {source} gärningar",
    },
    "owner.redirect": {
        "en": "the redirect from '{old_id}' in {source}",
        "fi": "tiedoston {source} uudelleenohjaus tunnisteesta '{old_id}'",
        "sv": "omdirigeringen från '{old_id}' i {source}",
    },
    # where in an SVG a style value stands
    "svg-where.style-of": {
        "en": "the style of <{element}>",
        "fi": "elementin <{element}> tyyli",
        "sv": "stilen för <{element}>",
    },
    "svg-where.attribute": {
        "en": "'{name}' on <{element}>",
        "fi": "'{name}' elementissä <{element}>",
        "sv": "'{name}' på <{element}>",
    },
    "svg-where.property": {"en": "'{name}' in {where}", "fi": "'{name}': {where}", "sv": "'{name}' i {where}"},
    "svg-where.style-element": {"en": "<style>", "fi": "<style>", "sv": "<style>"},
}

# The report's own words.
SUMMARY = {
    "en": "{problems} problem(s) in {files} file(s).",
    "fi": "Ongelmia {problems}, tiedostoja {files}.",
    "sv": "Problem: {problems}, filer: {files}.",
}
FIX = {"en": "fix", "fi": "korjaa", "sv": "åtgärd"}
GITHUB_FIX = {"en": "Fix", "fi": "Korjaa", "sv": "Åtgärd"}

# What the command line says to an editor besides problems (`check`, `new`), in the same languages.
COMMAND_TEXT: dict[str, dict[str, str]] = {
    "check.ok": {
        "en": "{files} file(s) checked, no problems.",
        "fi": "Tiedostoja tarkistettu {files}, ei ongelmia.",
        "sv": "Filer kontrollerade: {files}, inga problem.",
    },
    "check.untranslated": {
        "en": (
            "{path}: has no text of its own yet (only shared fields), so it is no page; the other language is "
            "published."
        ),
        "fi": (
            "{path}: tiedostossa ei ole vielä omaa tekstiä (vain yhteiset kentät), joten siitä ei tule sivua; toinen "
            "kieliversio julkaistaan."
        ),
        "sv": (
            "{path}: filen har ännu ingen egen text (bara gemensamma fält) och blir ingen sida; den andra "
            "språkversionen publiceras."
        ),
    },
    "new.created": {"en": "created {path}", "fi": "luotiin {path}", "sv": "skapade {path}"},
    "new.next": {
        "en": "Fill in the empty fields, then run `tarkeissa check`: it names each one with an example.",
        "fi": "Täytä tyhjät kentät ja aja sitten `tarkeissa check`: se nimeää jokaisen ja antaa esimerkin.",
        "sv": "Fyll i de tomma fälten och kör sedan `tarkeissa check`: det nämner vart och ett med ett exempel.",
    },
    "new.unknown-kind": {
        "en": "unknown kind '{kind}': use act, tool or campaign.",
        "fi": "tuntematon laji '{kind}': käytä act, tool tai campaign.",
        "sv": "okänd typ '{kind}': använd act, tool eller campaign.",
    },
    "new.unknown-language": {
        "en": "unknown language '{code}': use fi or sv.",
        "fi": "tuntematon kieli '{code}': käytä fi tai sv.",
        "sv": "okänt språk '{code}': använd fi eller sv.",
    },
    "new.bad-id": {
        "en": "the id '{key}' made from the title is not valid: it needs 3–80 characters a-z, 0-9 and '-'. "
        "Give a longer title or an id with --id.",
        "fi": "otsikosta tehty tunniste '{key}' ei kelpaa: siinä on oltava 3–80 merkkiä a-z, 0-9 ja '-'. "
        "Anna pidempi otsikko tai tunniste valitsimella --id.",
        "sv": "id:t '{key}' som gjordes av rubriken duger inte: det behöver 3–80 tecken a-z, 0-9 och '-'. "
        "Ge en längre rubrik eller ett id med --id.",
    },
    "new.exists": {
        "en": "{path} already exists; nothing was written. Edit that file, or choose another title or --id.",
        "fi": (
            "{path} on jo olemassa; mitään ei kirjoitettu. Muokkaa sitä tiedostoa tai valitse toinen otsikko tai --id."
        ),
        "sv": "{path} finns redan; inget skrevs. Redigera den filen eller välj en annan rubrik eller --id.",
    },
}


def command_text(text_key: str, lang: str, /, **params: Any) -> str:
    return COMMAND_TEXT[text_key][lang if lang in LANGS else DEFAULT_LANG].format(**params)


# The field reference's list of rules (its other words are in ui_text.py).
RULE_LIST = {
    "fi": {
        "title": "Tarkistusten säännöt",
        "col_rule": "Sääntö",
        "col_message": "Ilmoitus",
        "col_hint": "Korjausohje",
        "intro": "Jokaisella ilmoituksella, jonka tarkistus (tarkeissa check) tai sivuston koonti antaa, on pysyvä "
        "tunniste. Kohta … täydentyy ilmoituksessa tiedostosi tiedoilla.",
    },
    "sv": {
        "title": "Kontrollernas regler",
        "col_rule": "Regel",
        "col_message": "Meddelande",
        "col_hint": "Åtgärd",
        "intro": "Varje meddelande som kontrollen (tarkeissa check) eller webbplatsens bygge ger har ett bestående "
        "id. Stället … fylls i meddelandet med uppgifter ur din fil.",
    },
}


@dataclass(frozen=True)
class Phrase:
    """A translated part of a message, rendered in the message's language."""

    id: str
    params: tuple[tuple[str, Any], ...] = ()


def phrase(id: str, **params: Any) -> Phrase:
    assert id in PHRASES, id
    return Phrase(id, tuple(sorted(params.items())))


class _Formatter(string.Formatter):
    def __init__(self, lang: str):
        self.lang = lang

    def format_field(self, value: Any, format_spec: str) -> str:
        if isinstance(value, Phrase):
            return render(PHRASES[value.id][self.lang], value.params, self.lang)
        text = format(value, format_spec)
        if self.lang != "en" and isinstance(value, (int, float)) and not isinstance(value, bool):
            text = text.translate({ord(","): "\u00a0", ord("."): ","})  # 200 000, 1,5 Mt
        return text


def render(template: str, params: tuple[tuple[str, Any], ...], lang: str) -> str:
    return _Formatter(lang).vformat(template, (), dict(params))


def rule_text(rule: str, params: tuple[tuple[str, Any], ...], lang: str) -> tuple[str, str]:
    message, hint = RULES[rule][lang]
    return render(message, params, lang), render(hint, params, lang)


def file_language(path: str) -> str:
    """The language a file's problems speak by default: its own, or the site's default."""
    for lang in ("sv", "fi"):
        if path.endswith(f".{lang}.md"):
            return lang
    return DEFAULT_LANG


def template_fields(template: str) -> set[str]:
    return {name.split(".")[0].split("[")[0] for _, name, _, _ in string.Formatter().parse(template) if name}


class _Placeholders(string.Formatter):
    def get_value(self, key: int | str, args: Sequence[Any], kwargs: Mapping[str, Any]) -> str:
        return "…"

    def format_field(self, value: Any, format_spec: str) -> Any:
        return value


def rule_list(lang: str) -> list[dict[str, str]]:
    """Every rule with its message and hint in lang, each parameter shown as '…'."""
    shown = _Placeholders()
    return [
        {"id": rule, "message": shown.format(texts[lang][0]), "hint": shown.format(texts[lang][1])}
        for rule, texts in sorted(RULES.items())
    ]
