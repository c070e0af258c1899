/*
 * Swedish search: one stem per word, in the index and in the query.
 *
 * Material for MkDocs indexes Swedish text through lunr.sv's Snowball stemmer, which does not
 * always reach the same stem for two forms of a word: "insats" becomes "insat" but "insatser" and
 * "insatserna" "insats". So before Material builds its index, lunr.sv's stemmer is replaced by one
 * that stems again while the word changes and keeps four letters: every form above then meets the
 * others exactly.
 *
 * Material also searches every query word as a prefix (word*), and lunr skips the stemmer for
 * such words, so each query word is stemmed here first: "vårdcentralerna" looks for
 * "vårdcentral" exactly and "vårdcentral*" as a prefix (compounds).
 *
 * This file wraps Material's worker (named in the query string); macros/adapters/offline_search.py
 * repeats the same steps for scripts/search.py.
 */
(function () {
  "use strict";
  var QUERY = 2; // Material's message type for a search query
  var WORD = /[\p{L}\p{N}]+/gu;
  var OPERATOR_OR_FIELD = /(^|\s)[+\-~^]|:/;
  var SHORTEST_STEM = 4;

  // lunr.sv's stemmer, applied until nothing changes, never below four letters. Applying it to its
  // own result changes nothing, which matters: lunr stems the query's exact words once more.
  function stableStemmer(lunr) {
    var once = lunr.sv.stemmer;
    function root(word) {
      var current = word;
      for (;;) {
        var next = once(current);
        if (next === current || next.length < SHORTEST_STEM) return current;
        current = next;
      }
    }
    var stemmer = function (token) {
      return typeof token.update === "function" ? token.update(root) : root(token);
    };
    lunr.Pipeline.registerFunction(stemmer, "stemmer-sv-stabil");
    stemmer.root = root;
    return stemmer;
  }

  // Material loads lunr.sv with importScripts when it sets up the index: swap the stemmer then.
  var importScriptsOfWorker = self.importScripts;
  self.importScripts = function () {
    importScriptsOfWorker.apply(self, arguments);
    var lunr = self.lunr;
    if (lunr && lunr.sv && lunr.sv.stemmer && !lunr.sv.stemmer.root) lunr.sv.stemmer = stableStemmer(lunr);
  };

  function stemWord(word) {
    var lunr = self.lunr;
    if (!lunr || !lunr.sv || !lunr.sv.stemmer || !lunr.sv.stemmer.root) return word;
    return lunr.sv.stemmer.root(word.toLowerCase());
  }

  // lunr.sv follows an older Snowball that keeps the definite "-et" ("rådet", "arbetet"), so
  // "e-hälsorådet" would never reach "hälsoråd". The prefix search drops it; the exact term keeps it.
  function prefixOf(stem) {
    return stem.length >= 5 && stem.slice(-2) === "et" ? stem.slice(0, -2) : stem;
  }

  function isStopWord(word) {
    var lunr = self.lunr;
    return !!(lunr && lunr.sv && lunr.sv.stopWordFilter) && !lunr.sv.stopWordFilter(word.toLowerCase());
  }

  // Each word becomes "stem^100 stem": Material leaves a boosted term as it is (exact match,
  // ranked first) and adds its wildcard to the plain one (prefix match: compounds, inflections).
  // Stop words ("vad", "är", "för") and single letters would match nearly everything as prefixes.
  function stemQuery(query) {
    if (OPERATOR_OR_FIELD.test(query)) return query; // advanced syntax is left alone
    var words = query.match(WORD) || [];
    var kept = words.filter(function (word) { return word.length > 1 && !isStopWord(word); });
    if (kept.length === 0) return query;
    return kept.map(function (word) {
      var stem = stemWord(word);
      return stem + "^100 " + prefixOf(stem);
    }).join(" ");
  }

  self.addEventListener("message", function (event) {
    var message = event.data;
    if (message && message.type === QUERY && typeof message.data === "string") {
      message.data = stemQuery(message.data);
    }
  });

  var material = new URLSearchParams(self.location.search).get("material");
  importScriptsOfWorker(material);
})();
