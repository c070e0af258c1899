/*
 * Swedish search: stem each query word before Material's search worker sees it.
 *
 * Material for MkDocs indexes Swedish text through the Snowball stemmer (lunr.sv), but it
 * searches every query word as a prefix (word*), and lunr skips the stemmer for such words.
 * So "vårdcentralerna" would look for tokens starting with "vårdcentralerna" while the index
 * holds "vårdcentral". Stemming the word first ("vårdcentral*") makes inflected queries hit,
 * and the prefix still finds compounds ("vård*" finds "vårdcentral").
 *
 * This file wraps Material's worker (named in the query string) and changes only the query.
 */
(function () {
  "use strict";
  var QUERY = 2; // Material's message type for a search query
  var WORD = /[\p{L}\p{N}]+/gu;
  var OPERATOR_OR_FIELD = /(^|\s)[+\-~^]|:/;

  function stemWord(word) {
    var lunr = self.lunr;
    if (!lunr || !lunr.sv || !lunr.sv.stemmer) return word;
    var stem = function (text) { return lunr.sv.stemmer(new lunr.Token(text)).toString(); };
    // First as the index stems ("länet" -> "län"), then until nothing changes while four
    // letters remain ("esthers" -> "esther" -> "esth", as the index stems "Esther").
    var current = stem(word.toLowerCase());
    for (var i = 0; i < 2; i++) {
      var next = stem(current);
      if (next === current || next.length < 4) break;
      current = next;
    }
    return current;
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
  importScripts(material);
})();
