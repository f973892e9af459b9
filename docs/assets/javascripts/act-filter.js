/* Tekojen tori filter: theme, sector and region together. The form is in the page as sent (a GET
   form to this page, so nothing moves when this script comes); the script filters in place, and
   without it the term pages reach every act. The data loads on first use only (or when the
   address already holds choices). Each option says how many acts it leaves given the other choices;
   the choices are in the address (?themes=…&sectors=…&regions=…), so a list can be shared and the
   back button returns to the previous one. */
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
  var status = form.querySelector(".tt-filter__status");
  var list = form.querySelector(".tt-filter__results");
  var more = form.querySelector(".tt-filter__more");
  var data = null, matches = [], shown = 0;
  var NAMES = ["themes", "sectors", "regions"];

  function load() {
    if (data) return Promise.resolve(data);
    status.textContent = form.dataset.loading;
    list.setAttribute("aria-busy", "true");  // until apply() has written the list
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
    // an act's page is its id in its language's section: this one's, or the other language's
    var target = new URL((row[7] === form.dataset.lang ? "" : form.dataset.otherBase) + encodeURIComponent(row[0]) + "/", source);
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

  function matching(row, chosen, except) {  // does the row pass every choice but `except`'s?
    return (except === "regions" || chosen.regions < 0 || row[3] === chosen.regions) &&
      (except === "sectors" || chosen.sectors < 0 || row[4] === chosen.sectors) &&
      (except === "themes" || chosen.themes < 0 || row[5].indexOf(chosen.themes) >= 0);
  }

  function showCounts(chosen) {
    // One pass: a row counts for a facet's terms when it passes the other two facets' choices.
    var counts = {}, totals = {};
    NAMES.forEach(function (name) { counts[name] = data.terms[name].map(function () { return 0; }); totals[name] = 0; });
    data.acts.forEach(function (row) {
      NAMES.forEach(function (name) {
        if (!matching(row, chosen, name)) return;
        totals[name]++;
        var terms = name === "regions" ? [row[3]] : name === "sectors" ? [row[4]] : row[5];
        terms.forEach(function (term) { counts[name][term]++; });
      });
    });
    NAMES.forEach(function (name) {
      Array.prototype.forEach.call(form.elements[name].options, function (option) {
        var number = option.value === "" ? totals[name] : counts[name][data.terms[name].indexOf(option.value)] || 0;
        option.textContent = option.dataset.label + " (" + number + ")";  // text, never markup
        option.disabled = number === 0 && !option.selected;  // shown, with its 0, but not chosen into an empty list
      });
    });
  }

  function apply() {
    list.setAttribute("aria-busy", "false");
    var chosen = {themes: wanted("themes"), sectors: wanted("sectors"), regions: wanted("regions")};
    list.textContent = "";
    shown = 0;
    showCounts(chosen);
    if (chosen.themes < 0 && chosen.sectors < 0 && chosen.regions < 0) {
      matches = [];
      status.textContent = "";
      more.hidden = true;
      return;
    }
    matches = data.acts.filter(function (row) { return matching(row, chosen, null); });
    status.textContent = form.dataset.results.replace("{count}", matches.length);
    showMore();
  }

  function address() {  // this page's address with the chosen filters as its query
    var query = new URLSearchParams();
    NAMES.forEach(function (name) { if (form.elements[name].value) query.set(name, form.elements[name].value); });
    var text = query.toString();
    return location.pathname + (text ? "?" + text : "");
  }

  function fromAddress() {  // choose what the address says; a value that is no option is left out
    var query = new URLSearchParams(location.search), any = false;
    NAMES.forEach(function (name) {
      var select = form.elements[name], value = query.get(name) || "";
      var known = Array.prototype.some.call(select.options, function (option) { return option.value === value; });
      select.value = known ? value : "";
      any = any || select.value !== "";
    });
    return any;
  }

  form.addEventListener("change", function () {
    history.pushState(null, "", address());
    load().then(apply);
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    history.pushState(null, "", address());
    load().then(apply);
  });
  form.addEventListener("reset", function () {
    setTimeout(function () {
      if (location.search) history.pushState(null, "", address());
      if (data) apply();
    }, 0);
  });
  window.addEventListener("popstate", function () {
    if (fromAddress() || data) load().then(apply);
  });
  more.addEventListener("click", showMore);
  if (fromAddress()) load().then(apply);
})();
