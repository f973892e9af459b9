// Loaded before decap-cms.js: Decap then waits for CMS.init() below instead of starting by itself.
"use strict";
window.CMS_MANUAL_INIT = true;

// Decap has no Finnish interface: the words an editor meets, over the English ones for the rest.
const FINNISH = {
  auth: {login: "Kirjaudu", loggingIn: "Kirjaudutaan...", loginWithGitHub: "Kirjaudu GitHub-tunnuksella"},
  app: {
    header: {content: "Sisällöt", workflow: "Työnkulku", media: "Kuvat", quickAdd: "Luo uusi"},
    app: {errorHeader: "Asetusten lataus epäonnistui", configErrors: "Virheet asetuksissa",
          checkConfigYml: "Tarkista config.yml.", loadingConfig: "Ladataan asetuksia...",
          waitingBackend: "Odotetaan palvelinta..."},
    notFoundPage: {header: "Sivua ei löydy"},
  },
  collection: {
    sidebar: {collections: "Kokoelmat", allCollections: "Kaikki kokoelmat", searchAll: "Hae kaikista",
              searchIn: "Hae kokoelmasta"},
    collectionTop: {sortBy: "Järjestä", viewAs: "Näytä", viewAsList: "Luettelona", viewAsGrid: "Ruudukkona",
                    newButton: "+ %{collectionLabel}", newButtonAriaLabel: "Luo uusi: %{collectionLabel}",
                    ascending: "Nousevasti", descending: "Laskevasti", filterBy: "Rajaa", groupBy: "Ryhmittele",
                    searchResults: "Hakutulokset: \"%{searchTerm}\"",
                    searchResultsInCollection: "Hakutulokset: \"%{searchTerm}\" kokoelmassa %{collection}"},
    entries: {loadingEntries: "Ladataan...", cachingEntries: "Ladataan...", longerLoading: "Tämä voi kestää minuutteja",
              noEntries: "Ei sisältöjä", unpublishedHeader: "Julkaisemattomat"},
    defaultFields: {author: {label: "Tekijä"}, updatedOn: {label: "Päivitetty"}},
  },
  editor: {
    editorControl: {field: {optional: "vapaaehtoinen", widgetLabel: "kenttä %{widgetLabel}"}},
    editorControlPane: {
      widget: {
        required: "%{fieldLabel} on pakollinen.",
        // cms_bundle.py passes the text's length as smart_count: too long or too short says by how much
        regexPattern: "%{fieldLabel}: %{pattern}. Nyt %{smart_count} merkki. |||| %{fieldLabel}: %{pattern}. Nyt %{smart_count} merkkiä.",
        processing: "%{fieldLabel}: käsitellään.",
        range: "%{fieldLabel}: %{minValue}–%{maxValue}.",
        min: "%{fieldLabel}: vähintään %{minValue}.",
        max: "%{fieldLabel}: enintään %{maxValue}.",
        rangeCount: "%{fieldLabel}: %{minCount}–%{maxCount} kpl.",
        rangeCountExact: "%{fieldLabel}: tasan %{count} kpl.",
        rangeMin: "%{fieldLabel}: vähintään %{minCount} kpl.",
        rangeMax: "%{fieldLabel}: enintään %{maxCount} kpl.",
        invalidPath: "'%{path}' ei ole kelvollinen polku",
        pathExists: "Tiedosto '%{path}' on jo olemassa",
      },
      i18n: {writingInLocale: "Kieli: %{locale}", copyFromLocale: "Täytä toisesta kieliversiosta",
             copyFromLocaleConfirm: "Täytetäänkö kieliversiosta %{locale}?\nNykyinen sisältö korvataan."},
    },
    editor: {
      onLeavePage: "Haluatko varmasti poistua sivulta?",
      onUpdatingWithUnsavedChanges: "Tallenna muutokset ennen tilan vaihtamista.",
      onPublishingNotReady: "Vaihda tilaksi \"Valmis\" ennen julkaisua.",
      onPublishingWithUnsavedChanges: "Tallenna muutokset ennen julkaisua.",
      onPublishing: "Julkaistaanko tämä?",
      onUnpublishing: "Perutaanko julkaisu?",
      onDeleteWithUnsavedChanges: "Poistetaanko julkaistu sisältö ja tallentamattomat muutokset?",
      onDeletePublishedEntry: "Poistetaanko julkaistu sisältö?",
      onDeleteUnpublishedChangesWithUnsavedChanges: "Poistetaanko julkaisemattomat ja tallentamattomat muutokset?",
      onDeleteUnpublishedChanges: "Julkaisemattomat muutokset poistetaan. Jatketaanko?",
      loadingEntry: "Ladataan...",
      confirmLoadBackup: "Tästä sisällöstä löytyi paikallinen varmuuskopio. Otetaanko se käyttöön?",
    },
    editorInterface: {toggleI18n: "Näytä kieliversiot", togglePreview: "Esikatselu", toggleScrollSync: "Vieritä yhdessä"},
    editorToolbar: {
      publishing: "Julkaistaan...", publish: "Julkaise", published: "Julkaistu", unpublish: "Peru julkaisu",
      duplicate: "Kopioi", unpublishing: "Perutaan...", publishAndCreateNew: "Julkaise ja luo uusi",
      publishAndDuplicate: "Julkaise ja kopioi", deleteUnpublishedChanges: "Poista julkaisemattomat muutokset",
      deleteUnpublishedEntry: "Poista julkaisematon", deletePublishedEntry: "Poista julkaistu",
      deleteEntry: "Poista", saving: "Tallennetaan...", save: "Tallenna", deleting: "Poistetaan...",
      updating: "Päivitetään...", status: "Tila: %{status}", backCollection: " Kokoelma: %{collectionLabel}",
      unsavedChanges: "Tallentamattomia muutoksia", changesSaved: "Muutokset tallennettu", draft: "Luonnos",
      inReview: "Tarkastettavana", ready: "Valmis", publishNow: "Julkaise nyt",
      statusInfoTooltipDraft: "Luonnos. Kun olet valmis, vaihda tilaksi Tarkastettavana.",
      statusInfoTooltipInReview: "Tarkastettavana: muuta ei tarvita, mutta voit yhä muokata.",
      deployPreviewPendingButtonLabel: "Esikatselu tulossa", deployPreviewButtonLabel: "Näytä esikatselu",
      deployButtonLabel: "Näytä sivustolla", statusInfoTooltipReady: "Valmis julkaistavaksi.",
    },
    editorWidgets: {
      markdown: {bold: "Lihavointi", italic: "Kursiivi", strikethrough: "Yliviivaus", code: "Koodi", link: "Linkki",
                 linkPrompt: "Linkin osoite", headings: "Otsikot", quote: "Lainaus", bulletedList: "Luettelo",
                 numberedList: "Numeroitu luettelo", addComponent: "Lisää osa", richText: "Muotoiltu teksti",
                 markdown: "Markdown", toggleMode: {rich: "Muotoiltu teksti", markdown: "Markdown-tila"}},
      image: {choose: "Valitse kuva", chooseDifferent: "Valitse toinen kuva", remove: "Poista kuva"},
      datetime: {now: "Nyt", clear: "Tyhjennä", setToNow: "Aseta %{fieldLabel} tähän päivään"},
      list: {add: "Lisää %{item}", addType: "Lisää %{item}", counts: /*COUNTS_FI*/{}},
      object: {expand: "Avaa", collapse: "Sulje"},
    },
  },
  mediaLibrary: {
    mediaLibraryCard: {draft: "Luonnos", copy: "Kopioi", copyUrl: "Kopioi osoite", copyPath: "Kopioi polku",
                       copyName: "Kopioi nimi", copied: "Kopioitu"},
    mediaLibrary: {onDelete: "Poistetaanko valitut kuvat?",
                   fileTooLarge: "Tiedosto on liian suuri.\nSuurin sallittu koko on %{size} kt."},
    mediaLibraryModal: {loading: "Ladataan...", close: "Sulje", noResults: "Ei tuloksia.", noImagesFound: "Ei kuvia.",
                        noAssetsFound: "Ei tiedostoja.", private: "Yksityinen ", mediaAssets: "Kuvat ja tiedostot",
                        download: "Lataa omalle koneelle",
                        images: "Kuvat", search: "Hae...", uploading: "Ladataan...", upload: "Lataa kuva",
                        deleting: "Poistetaan...", deleteSelected: "Poista valitut", chooseSelected: "Valitse"},
  },
  ui: {
    default: {goBackToSite: "Takaisin sivustolle"},
    settingsDropdown: {logOut: "Kirjaudu ulos", account: "Tili"},
    toast: {missingRequiredField: "Pakollinen kenttä puuttuu: täytä se ennen tallennusta.", entrySaved: "Tallennettu",
            entryPublished: "Julkaistu", entryUnpublished: "Julkaisu peruttu", entryUpdated: "Tila päivitetty",
            onFailToPersist: "Tallennus epäonnistui: %{details}",
            onLoggedOut: "Sinut on kirjattu ulos: kopioi tekstisi talteen ja kirjaudu uudelleen"},
  },
  workflow: {
    workflow: {loading: "Ladataan työnkulkua", workflowHeading: "Työnkulku", newPost: "Uusi",
               description: "%{smart_count} tarkastettavana, %{readyCount} valmiina julkaistavaksi.", dateFormat: "D.M."},
    workflowList: {draftHeader: "Luonnokset", inReviewHeader: "Tarkastettavana", readyHeader: "Valmiit",
                   currentEntries: "%{smart_count} kpl"},
  },
};

// Decap's Swedish leaves words in English and speaks of "inlägg": the same words in Swedish, over Decap's own.
const SWEDISH = {
  auth: {login: "Logga in", loggingIn: "Loggar in...", loginWithGitHub: "Logga in med GitHub"},
  app: {
    header: {content: "Innehåll", workflow: "Arbetsflöde", media: "Bilder", quickAdd: "Skapa ny"},
    app: {errorHeader: "Inställningarna kunde inte laddas", configErrors: "Fel i inställningarna",
          checkConfigYml: "Kontrollera config.yml.", loadingConfig: "Laddar inställningar...",
          waitingBackend: "Väntar på servern..."},
    notFoundPage: {header: "Sidan finns inte"},
  },
  collection: {
    sidebar: {collections: "Samlingar", allCollections: "Alla samlingar", searchAll: "Sök i alla",
              searchIn: "Sök i samlingen"},
    collectionTop: {sortBy: "Sortera", viewAs: "Visa", viewAsList: "Som lista", viewAsGrid: "Som rutnät",
                    newButton: "+ %{collectionLabel}", newButtonAriaLabel: "Skapa ny: %{collectionLabel}",
                    ascending: "Stigande", descending: "Fallande", filterBy: "Avgränsa", groupBy: "Gruppera",
                    searchResults: "Sökresultat: \"%{searchTerm}\"",
                    searchResultsInCollection: "Sökresultat: \"%{searchTerm}\" i samlingen %{collection}"},
    entries: {loadingEntries: "Laddar...", cachingEntries: "Laddar...", longerLoading: "Det här kan ta några minuter",
              noEntries: "Inget innehåll", unpublishedHeader: "Opublicerade"},
    groups: {other: "Övriga", negateLabel: "Inte %{label}"},
    defaultFields: {author: {label: "Författare"}, updatedOn: {label: "Uppdaterad"}},
  },
  editor: {
    editorControl: {field: {optional: "frivilligt", widgetLabel: "fältet %{widgetLabel}"}},
    editorControlPane: {
      widget: {
        required: "%{fieldLabel} är obligatoriskt.",
        regexPattern: "%{fieldLabel}: %{pattern}. Nu %{smart_count} tecken. |||| %{fieldLabel}: %{pattern}. Nu %{smart_count} tecken.",
        processing: "%{fieldLabel}: bearbetas.",
        range: "%{fieldLabel}: %{minValue}–%{maxValue}.",
        min: "%{fieldLabel}: minst %{minValue}.",
        max: "%{fieldLabel}: högst %{maxValue}.",
        rangeCount: "%{fieldLabel}: %{minCount}–%{maxCount} st.",
        rangeCountExact: "%{fieldLabel}: exakt %{count} st.",
        rangeMin: "%{fieldLabel}: minst %{minCount} st.",
        rangeMax: "%{fieldLabel}: högst %{maxCount} st.",
        invalidPath: "'%{path}' är inte en giltig sökväg",
        pathExists: "Filen '%{path}' finns redan",
      },
      i18n: {writingInLocale: "Språk: %{locale}", copyFromLocale: "Fyll i från den andra språkversionen",
             copyFromLocaleConfirm: "Fylla i från språkversionen %{locale}?\nDet nuvarande innehållet ersätts."},
    },
    editor: {
      onLeavePage: "Vill du verkligen lämna sidan?",
      onUpdatingWithUnsavedChanges: "Spara ändringarna innan du byter status.",
      onPublishingNotReady: "Byt status till \"Klar\" innan du publicerar.",
      onPublishingWithUnsavedChanges: "Spara ändringarna innan du publicerar.",
      onPublishing: "Publicera det här?",
      onUnpublishing: "Avpublicera det här?",
      onDeleteWithUnsavedChanges: "Radera det publicerade innehållet och de osparade ändringarna?",
      onDeletePublishedEntry: "Radera det publicerade innehållet?",
      onDeleteUnpublishedChangesWithUnsavedChanges: "Radera de opublicerade och osparade ändringarna?",
      onDeleteUnpublishedChanges: "De opublicerade ändringarna raderas. Fortsätta?",
      loadingEntry: "Laddar...",
      confirmLoadBackup: "En lokal säkerhetskopia av det här innehållet hittades. Använda den?",
    },
    editorInterface: {toggleI18n: "Visa språkversionerna", togglePreview: "Förhandsvisning",
                      toggleScrollSync: "Rulla tillsammans"},
    editorToolbar: {
      publishing: "Publicerar...", publish: "Publicera", published: "Publicerat", unpublish: "Avpublicera",
      duplicate: "Kopiera", unpublishing: "Avpublicerar...", publishAndCreateNew: "Publicera och skapa ny",
      publishAndDuplicate: "Publicera och kopiera", deleteUnpublishedChanges: "Radera opublicerade ändringar",
      deleteUnpublishedEntry: "Radera opublicerat", deletePublishedEntry: "Radera publicerat",
      deleteEntry: "Radera", saving: "Sparar...", save: "Spara", deleting: "Raderar...",
      updating: "Uppdaterar...", status: "Status: %{status}", backCollection: " Samling: %{collectionLabel}",
      unsavedChanges: "Osparade ändringar", changesSaved: "Ändringarna sparade", draft: "Utkast",
      inReview: "Under granskning", ready: "Klar", publishNow: "Publicera nu",
      statusInfoTooltipDraft: "Utkast. När du är klar, byt status till Under granskning.",
      statusInfoTooltipInReview: "Under granskning: inget mer behövs, men du kan fortfarande redigera.",
      statusInfoTooltipReady: "Klar att publiceras.",
      deployPreviewPendingButtonLabel: "Förhandsvisning på väg", deployPreviewButtonLabel: "Visa förhandsvisning",
      deployButtonLabel: "Visa på webbplatsen",
    },
    editorWidgets: {
      markdown: {bold: "Fetstil", italic: "Kursiv", strikethrough: "Genomstrykning", code: "Kod", link: "Länk",
                 linkPrompt: "Länkens adress", headings: "Rubriker", quote: "Citat", bulletedList: "Punktlista",
                 numberedList: "Numrerad lista", addComponent: "Lägg till del", richText: "Formaterad text",
                 markdown: "Markdown", toggleMode: {rich: "Formaterad text", markdown: "Markdown-läge"}},
      image: {choose: "Välj en bild", chooseDifferent: "Välj en annan bild", remove: "Ta bort bilden"},
      datetime: {now: "Nu", clear: "Töm", setToNow: "Sätt %{fieldLabel} till i dag"},
      list: {add: "Lägg till %{item}", addType: "Lägg till %{item}", counts: /*COUNTS_SV*/{}},
      object: {expand: "Öppna", collapse: "Stäng"},
    },
  },
  mediaLibrary: {
    mediaLibraryCard: {draft: "Utkast", copy: "Kopiera", copyUrl: "Kopiera adressen", copyPath: "Kopiera sökvägen",
                       copyName: "Kopiera namnet", copied: "Kopierat"},
    mediaLibrary: {onDelete: "Radera de valda bilderna?",
                   fileTooLarge: "Filen är för stor.\nDen största tillåtna storleken är %{size} kB."},
    mediaLibraryModal: {loading: "Laddar...", close: "Stäng", noResults: "Inga resultat.", noImagesFound: "Inga bilder.",
                        noAssetsFound: "Inga filer.", private: "Privat ", mediaAssets: "Bilder och filer",
                        download: "Ladda ner till datorn",
                        images: "Bilder", search: "Sök...", uploading: "Laddar upp...", upload: "Ladda upp en bild",
                        deleting: "Raderar...", deleteSelected: "Radera de valda", chooseSelected: "Välj"},
  },
  ui: {
    default: {goBackToSite: "Tillbaka till webbplatsen"},
    settingsDropdown: {logOut: "Logga ut", account: "Konto"},
    toast: {missingRequiredField: "Ett obligatoriskt fält saknas: fyll i det innan du sparar.", entrySaved: "Sparat",
            entryPublished: "Publicerat", entryUnpublished: "Avpublicerat", entryUpdated: "Status uppdaterad",
            onFailToPersist: "Det gick inte att spara: %{details}",
            onLoggedOut: "Du har loggats ut: kopiera din text och logga in på nytt"},
  },
  workflow: {
    workflow: {loading: "Laddar arbetsflödet", workflowHeading: "Arbetsflöde", newPost: "Ny",
               description: "%{smart_count} under granskning, %{readyCount} klara att publiceras.", dateFormat: "D.M."},
    workflowList: {draftHeader: "Utkast", inReviewHeader: "Under granskning", readyHeader: "Klara",
                   currentEntries: "%{smart_count} st."},
  },
};

// Words of the select boxes (react-select's defaults, read by the bundle through cms_bundle.py) and of the
// screen reader's announcements there, in the interface's language.
const PHRASES = {
  fi: {noOptions: "Ei vaihtoehtoja", loading: "Ladataan...", select: "Valitse...", remove: "Poista "},
  sv: {noOptions: "Inga alternativ", loading: "Laddar...", select: "Välj...", remove: "Ta bort "},
};

// Each kind's fields in the schema's order and the fields both languages share, from schema.py (cms_config.py
// writes them in when it builds the site).
const LAYOUTS = /*LAYOUTS*/{};
const SHARED = /*SHARED*/{};
const KINDS = {acts: "act", tools: "tool", campaigns: "campaign"};

function kindOf(path) {
  return path.startsWith("content/acts/") ? "act" : path.startsWith("content/tools/") ? "tool" : "campaign";
}

function blank(value) {
  return value === null || value === undefined || value === "" || value === false ||
    (Array.isArray(value) && value.every(blank)) ||
    (typeof value === "object" && !Array.isArray(value) && Object.values(value).every(blank));
}

// Decap's bundle asks these (cms_bundle.py). A language version holding nothing of its own (no field but the
// shared ones, no text) is not written: the other language's file is then the only one, as `check` wants it.
window.TTNoText = (path, data) => {
  const shared = new Set([...(SHARED[kindOf(path)] || []), "type"]);
  return Object.entries(data).every(([name, value]) => shared.has(name) || blank(value));
};

// Has the entry been changed? Decap compared only the language just edited, and the second language with
// Immutable's get(...path), which reads one key: every widget that reports its value on opening (a
// relation, an empty list) marked an untouched entry as unsaved and asked before leaving it. Changed here
// means what would be written differs from what was read, in any language, empty values (which the
// writer leaves out) left out of the comparison too. A widget reporting while the editor moves to another
// entry (whose original is not loaded yet) changes nothing: only a new entry has no original.
function written(entry) {
  const js = entry.toJS();
  const path = String(js.path || (js.meta && js.meta.path) || "");
  const part = (data) => (window.TTNoText(path, data || {}) ? {} : TTFormat.withoutEmpty(data || {}));
  const parts = {"": part(js.data)};  // a language with no text of its own is not written (TTNoText)
  Object.entries(js.i18n || {}).forEach(([locale, version]) => {
    parts[locale] = part(version && version.data);
  });
  return parts;
}

function sameValue(a, b) {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => key in b && sameValue(a[key], b[key]));
}

window.TTChanged = (draft, originals, before) => {
  if (originals.length === 0) return draft.get("newRecord") ? true : before;
  const mine = written(draft);
  const sameData = originals.some((original) => {
    const theirs = written(original);
    return Object.keys({...mine, ...theirs}).every((part) => sameValue(mine[part] || {}, theirs[part] || {}));
  });
  const meta = draft.get("meta");
  const sameMeta = originals.some((original) => (meta && meta.equals ? meta.equals(original.get("meta")) : meta === original.get("meta")));
  return !sameData || !sameMeta;
};
// The media library shows only what `check` takes as media (file_policy.ASSET_TYPES): never an entry's file,
// which the library would otherwise list (it lists the entries' folder) and could delete.
const ASSETS = /*ASSETS*/[];
window.TTIsMedia = (path) => ASSETS.some((suffix) => path.toLowerCase().endsWith(suffix));

// An entry whose default language's file is missing opens under its id: that language's pane holds the
// shared fields only, and the file's own text stays in its own language's pane.
window.TTDefaultEntry = (collection, locale, values) => {
  const found = values[0];
  const data = {};
  collection.get("fields").forEach((field) => {
    const name = field.get("name");
    if (field.get("i18n") === "duplicate" && name in found.value.data) data[name] = found.value.data[name];
  });
  const path = found.value.path.replace(new RegExp(`\\.${found.locale}\\.md$`), `.${locale}.md`);
  return {locale, value: {...found.value, data, path}};
};

function merged(base, over) {
  const result = {...base};
  for (const [key, value] of Object.entries(over)) {
    result[key] = typeof value === "object" ? merged(base[key] || {}, value) : value;
  }
  return result;
}

// The interface language: ?lang=sv|fi, else the browser's first of the two, else Finnish. The Swedish
// configuration has Swedish labels and Swedish as the default language of new entries.
const asked = new URLSearchParams(location.search).get("lang");
const language = ["fi", "sv"].includes(asked) ? asked
  : (navigator.languages || []).map((tag) => tag.slice(0, 2)).find((code) => code === "fi" || code === "sv") || "fi";
document.documentElement.lang = language;
window.TTPhrase = (key) => PHRASES[language][key];
if (language === "sv") {
  const link = document.createElement("link");
  link.rel = "cms-config-url";
  link.type = "text/yaml";
  link.href = "config.sv.yml";
  document.head.append(link);
}

// What Decap's markup misses for assistive technology, put right as it renders: a menu's list is only its
// container (the items belong to the menu itself), and an unnamed button takes its title as its name,
// and a picture whose name is written beside it is decorative.
function repair() {
  for (const list of document.querySelectorAll("[role=menu] > ul:not([role])")) list.setAttribute("role", "none");
  for (const button of document.querySelectorAll("button[title]:not([aria-label]), [role=button][title]:not([aria-label])")) {
    if (!button.textContent.trim()) button.setAttribute("aria-label", button.title);
  }
  // a media card's picture beside its file name: the name says it
  for (const image of document.querySelectorAll("img[class*=CardImage]:not([alt])")) image.alt = "";
}

document.addEventListener("DOMContentLoaded", () => {
  for (const kind of Object.values(KINDS)) {
    window.CMS.registerCustomFormat(`tt-${kind}`, "md", window.TTFormat.formatter(LAYOUTS[kind], window.jsyaml));
  }
  window.CMS.registerLocale("fi", merged(window.CMS.getLocale("en"), FINNISH));
  window.CMS.registerLocale("sv", merged(merged(window.CMS.getLocale("en"), window.CMS.getLocale("sv")), SWEDISH));
  new MutationObserver(repair).observe(document.body, {childList: true, subtree: true});
  // `make cms` serves decap-server's API beside the site (cms_local.py), so the policy's 'self' covers it.
  const loopback = ["localhost", "127.0.0.1", "[::1]"].includes(location.hostname);
  window.CMS.init(loopback ? {config: {local_backend: {url: location.origin + "/api/v1"}}} : undefined);
});
