/* Site search on the search page, with Pagefind. Pagefind picks the index of the page's
   <html lang>, so results come only from this language, stemmed for it, and only the index
   chunks a query needs are downloaded. Results are built as DOM nodes: text stays text. */
(function () {
  "use strict";
  // The site's root is where this script itself was loaded from (assets/javascripts/): the index
  // is only ever loaded from under it, whatever a page says.
  var root = new URL("../../", document.currentScript.src);
  var form = document.getElementById("ttSearch");
  if (!form) return;
  var PAGE = 5;  // each result's excerpt is a separate download: a first query fetches few
  var input = form.elements.q;
  var status = document.querySelector(".tt-search__status");
  var list = document.querySelector(".tt-search__results");
  var more = document.querySelector(".tt-search__more");
  var selects = Array.prototype.slice.call(form.querySelectorAll("select[data-filter]"));
  // The folders of search_index.bundle_folder and part_folder (a browser test finds every part's results).
  var bundle = new URL((document.documentElement.lang === "sv" ? "sv/" : "") + "pagefind/pagefind.js", root);
  // A large language's index comes in parts (part-2/, part-3/, ...), merged here: one search over
  // all of them. Each part also holds a page of the language's every word, which no search shows.
  var partCount = Math.min(Number(form.dataset.pagefindParts) || 1, 100);  // how many parts in all
  var parts = [];
  for (var number = 2; number <= partCount; number++) parts.push("part-" + number + "/");
  var vocabulary = form.dataset.pagefindVocabulary;
  var engine = null, results = [], shown = 0, run = 0;

  function pagefind() {
    if (!engine) {
      engine = import(bundle.href).then(function (pf) {
        // results link under the site's own base path, wherever it is deployed
        var base = new URL("..", bundle).pathname;
        return pf.options({ baseUrl: base, excerptLength: 24 }).then(function () {
          return Promise.all(parts.map(function (part) {
            return pf.mergeIndex(new URL(part, bundle).pathname, { baseUrl: base, excerptLength: 24 });
          }));
        }).then(function () {
          return pf;
        });
      });
    }
    return engine;
  }

  function excerpt(html) {
    // Pagefind's excerpt is escaped text with <mark> around matches: keep exactly that.
    var parsed = new DOMParser().parseFromString("<p>" + html + "</p>", "text/html").body.firstChild;
    var paragraph = document.createElement("p");
    paragraph.className = "tt-search__excerpt";
    parsed.childNodes.forEach(function (node) {
      if (node.nodeName === "MARK") {
        var mark = document.createElement("mark");
        mark.textContent = node.textContent;
        paragraph.appendChild(mark);
      } else {
        paragraph.appendChild(document.createTextNode(node.textContent));
      }
    });
    return paragraph;
  }

  function item(data) {
    var li = document.createElement("li");
    li.className = "tt-search__result";
    var kind = document.createElement("p");
    kind.className = "tt-search__kind";
    kind.textContent = data.meta.kind || "";
    var title = document.createElement("h2");
    title.className = "tt-search__title";
    var link = document.createElement("a");
    link.href = data.url;
    link.textContent = data.meta.title || data.url;
    title.appendChild(link);
    li.appendChild(title);
    li.appendChild(kind);
    li.appendChild(excerpt(data.excerpt || ""));
    return li;
  }

  function showMore() {
    var batch = results.slice(shown, shown + PAGE);
    var mine = run;
    shown += batch.length;
    list.setAttribute("aria-busy", "true");
    return Promise.all(batch.map(function (r) { return r.data(); })).then(function (all) {
      if (mine !== run) return;  // a newer search replaced these results while they loaded
      all.forEach(function (data) { list.appendChild(item(data)); });
      more.hidden = shown >= results.length;
      list.setAttribute("aria-busy", "false");
    });
  }

  function search() {
    var query = input.value.trim();
    var filters = {};
    selects.forEach(function (select) { if (select.value) filters[select.dataset.filter] = select.value; });
    var chosen = Object.keys(filters).length;
    if (vocabulary) {
      filters.not = {};
      filters.not[vocabulary] = "1";
    }
    var mine = ++run;
    list.setAttribute("aria-busy", "true");  // until this search's results are in the list
    if (!query && !chosen) {
      list.setAttribute("aria-busy", "false");
      list.textContent = "";
      status.textContent = "";
      more.hidden = true;
      return;
    }
    pagefind().then(function (pf) {
      return pf.search(query || null, { filters: filters });
    }).then(function (response) {
      if (mine !== run) return;  // a newer search has started
      results = response.results;
      shown = 0;
      list.textContent = "";
      status.textContent = results.length ? form.dataset.results.replace("{count}", results.length) : form.dataset.none;
      return showMore();
    });
    var params = new URLSearchParams();
    if (query) params.set("q", query);
    selects.forEach(function (select) { if (select.value) params.set(select.dataset.filter, select.value); });
    history.replaceState(null, "", "?" + params.toString());
  }

  var typing = null;
  input.addEventListener("input", function () { clearTimeout(typing); typing = setTimeout(search, 250); });
  form.addEventListener("submit", function (event) { event.preventDefault(); clearTimeout(typing); search(); });
  selects.forEach(function (select) { select.addEventListener("change", search); });
  more.addEventListener("click", showMore);
  var params = new URLSearchParams(location.search);
  input.value = params.get("q") || "";
  selects.forEach(function (select) { if (params.get(select.name)) select.value = params.get(select.name); });
  if (input.value || selects.some(function (select) { return select.value; })) search();
})();
