/* Tekojen tori filter: theme, sector and region together. The form stays hidden without
   JavaScript; the term pages reach every act anyway. The data loads on first use only. */
(function () {
  "use strict";
  var PAGE = 50;
  var root = new URL("../../", document.currentScript.src);  // the site's root, from where this script is
  var form = document.getElementById("ttFilter");
  if (!form) return;
  // Only the site's own filter data, and only links into the site: nothing a page says can point elsewhere.
  var source = new URL(form.dataset.source, location.href);
  if (source.origin !== root.origin || source.pathname.indexOf(root.pathname) !== 0 ||
      !/\/filter-data\.json$/.test(source.pathname)) return;
  form.hidden = false;
  var status = form.querySelector(".tt-filter__status");
  var list = form.querySelector(".tt-filter__results");
  var more = form.querySelector(".tt-filter__more");
  var data = null, matches = [], shown = 0;

  function load() {
    if (data) return Promise.resolve(data);
    status.textContent = form.dataset.loading;
    return fetch(source.href).then(function (r) { return r.json(); }).then(function (d) { data = d; return d; });
  }

  function wanted(name) {
    var value = form.elements[name].value;
    return value === "" ? -1 : data.terms[name].indexOf(value);
  }

  function card(row) {
    var item = document.createElement("li");
    item.className = "tt-card";
    var title = document.createElement("h3");
    title.className = "tt-card__title";
    var link = document.createElement("a");
    var target = new URL(row[0], source);
    if (target.origin === root.origin) link.href = target.href;
    link.textContent = row[1];  // text, never markup
    title.appendChild(link);
    var meta = document.createElement("p");
    meta.className = "tt-card__meta";
    var day = row[6].split("-");
    meta.textContent = row[2] + " · " + Number(day[2]) + "." + Number(day[1]) + "." + day[0];
    if (row[7] !== form.dataset.lang) {
      item.lang = row[7];
      var language = document.createElement("span");
      language.lang = form.dataset.lang;
      language.textContent = " · " + form.dataset["language" + row[7].charAt(0).toUpperCase() + row[7].slice(1)];
      meta.appendChild(language);
    }
    item.appendChild(title);
    item.appendChild(meta);
    return item;
  }

  function showMore() {
    matches.slice(shown, shown + PAGE).forEach(function (row) { list.appendChild(card(row)); });
    shown = Math.min(matches.length, shown + PAGE);
    more.hidden = shown >= matches.length;
  }

  function apply() {
    var theme = wanted("themes"), sector = wanted("sectors"), region = wanted("regions");
    list.textContent = "";
    shown = 0;
    if (theme < 0 && sector < 0 && region < 0) {
      matches = [];
      status.textContent = "";
      more.hidden = true;
      return;
    }
    matches = data.acts.filter(function (row) {
      return (region < 0 || row[3] === region) && (sector < 0 || row[4] === sector) &&
        (theme < 0 || row[5].indexOf(theme) >= 0);
    });
    status.textContent = form.dataset.results.replace("{count}", matches.length);
    showMore();
  }

  form.addEventListener("change", function () { load().then(apply); });
  form.addEventListener("reset", function () { setTimeout(function () { if (data) apply(); }, 0); });
  more.addEventListener("click", showMore);
})();
