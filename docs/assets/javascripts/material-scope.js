/* Material for MkDocs 9.8.1's inline start-up helpers (partials/javascripts/base.html), loaded as
   a file so that the Content-Security-Policy can forbid inline scripts. */
var __md_scope = new URL(document.currentScript.dataset.scope, location),
  __md_hash = function (e) { return [].concat(...e).reduce(function (e, _) { return (e << 5) - e + _.charCodeAt(0); }, 0); },
  __md_get = function (e, _, t) { _ = _ || localStorage; t = t || __md_scope; return JSON.parse(_.getItem(t.pathname + "." + e)); },
  __md_set = function (e, _, t, a) { t = t || localStorage; a = a || __md_scope; try { t.setItem(a.pathname + "." + e, JSON.stringify(_)); } catch (e) {} };
