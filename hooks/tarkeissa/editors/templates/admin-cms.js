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
                    newButton: "＋ %{collectionLabel}", newButtonAriaLabel: "Luo uusi: %{collectionLabel}",
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
        regexPattern: "%{fieldLabel}: %{pattern}.",
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
    },
    editorWidgets: {
      markdown: {bold: "Lihavointi", italic: "Kursiivi", strikethrough: "Yliviivaus", code: "Koodi", link: "Linkki",
                 linkPrompt: "Linkin osoite", headings: "Otsikot", quote: "Lainaus", bulletedList: "Luettelo",
                 numberedList: "Numeroitu luettelo", addComponent: "Lisää osa", richText: "Muotoiltu teksti",
                 markdown: "Markdown", toggleMode: {rich: "Muotoiltu teksti", markdown: "Markdown-tila"}},
      image: {choose: "Valitse kuva", chooseDifferent: "Valitse toinen kuva", remove: "Poista kuva"},
      datetime: {now: "Nyt", clear: "Tyhjennä", setToNow: "Aseta %{fieldLabel} tähän päivään"},
      list: {add: "Lisää %{item}", addType: "Lisää %{item}"},
      object: {expand: "Avaa", collapse: "Sulje"},
    },
  },
  mediaLibrary: {
    mediaLibraryModal: {loading: "Ladataan...", close: "Sulje", noResults: "Ei tuloksia.", noImagesFound: "Ei kuvia.",
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
if (language === "sv") {
  const link = document.createElement("link");
  link.rel = "cms-config-url";
  link.type = "text/yaml";
  link.href = "config.sv.yml";
  document.head.append(link);
}

document.addEventListener("DOMContentLoaded", () => {
  window.CMS.registerLocale("fi", merged(window.CMS.getLocale("en"), FINNISH));
  // `make cms` serves decap-server's API beside the site (cms_local.py), so the policy's 'self' covers it.
  const loopback = ["localhost", "127.0.0.1", "[::1]"].includes(location.hostname);
  window.CMS.init(loopback ? {config: {local_backend: {url: location.origin + "/api/v1"}}} : undefined);
});
