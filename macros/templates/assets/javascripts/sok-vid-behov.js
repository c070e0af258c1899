/*
 * The search index only when the reader searches.
 *
 * Material for MkDocs 9.8.1 fetches search/search_index.json as soon as a page opens: its bundle sends
 * the index to the search worker at start-up, and (with search.highlight) subscribes to it for ?h=
 * links. That file is now only the split index's manifest (macros/generate/search_shards.py), a few
 * kilobytes, but it is what starts our worker (workers/sok-sv.js) loading its stemmer, and the
 * shards come only with a query; so a page view that does not search fetches nothing of the index. It has no hook to defer that (no
 * `window.__search.index` in this version), so this script, loaded before the bundle
 * (macros/templates/main.html, block scripts), holds back the one request for the index until the
 * reader first reaches for search: focus in the search field or anywhere in Material's search, the
 * search toggle (#__search, the magnifier in the header), or a page opened with ?q= (the start
 * page's own search field sends its query that way) or ?h= (highlighting). The held request is then
 * sent as Material made it, so search works as before, only later. No other request is touched.
 */
(function () {
  "use strict";

  var INDEX = /\/search\/search_index\.json(?:[?#]|$)/;
  var proto = XMLHttpRequest.prototype;
  var open = proto.open;
  var send = proto.send;
  var held = [];
  var released = false;

  function release() {
    if (released) return;
    released = true;
    held.splice(0).forEach(function (request) { send.apply(request[0], request[1]); });
  }

  proto.open = function (method, url) {
    this.kbSearchIndex = INDEX.test(String(url));
    return open.apply(this, arguments);
  };
  proto.send = function () {
    if (this.kbSearchIndex && !released) {
      held.push([this, arguments]);
      return undefined;
    }
    return send.apply(this, arguments);
  };

  var params = new URLSearchParams(window.location.search);
  if (params.has("q") || params.has("h")) {
    release();
    return;
  }
  function reachesForSearch(target) {
    return target instanceof Element &&
      !!target.closest(".md-search, form[name=search], label[for=__search], .kb-startsok");
  }
  document.addEventListener("focusin", function (event) {
    if (reachesForSearch(event.target)) release();
  }, true);
  document.addEventListener("pointerdown", function (event) {
    if (reachesForSearch(event.target)) release();
  }, true);
  document.addEventListener("change", function (event) {
    if (event.target instanceof Element && event.target.id === "__search" && event.target.checked) release();
  }, true);
})();
