/*
 * Swedish search over the prebuilt, split index: Material's search worker, replaced.
 *
 * Material's worker downloads the whole search index and builds a lunr.js index from it on the
 * first search of every visit, so its cost grows with every page. The build instead scores every
 * word once (macros/generate/search_shards.py) and writes it in shards by its first two letters,
 * and each page's entries (address, title, text) in a file of their own. This worker speaks
 * Material's worker protocol (SETUP -> READY, QUERY -> RESULT), so Material's search box, result
 * list and highlighting work as before, but a query downloads only the shards of its words and the
 * entries of the pages it lists (at most MAX_PAGES, best first).
 *
 * The steps and the arithmetic are those of macros/adapters/offline_search.py, in the same order,
 * so scripts/search.py ranks as this worker does (tests/test_search.py compares them):
 * - each query word becomes "stem^100 stem": the exact stem, boosted, and the stem as a prefix
 *   (compounds, inflections); stems come from lunr.sv's Snowball stemmer (loaded below from
 *   Material's own copy) applied until nothing changes, never below four letters, as in the index;
 * - a word's score in an entry is its boost in the query times its weight there (lunr's BM25,
 *   computed at build), summed over the query's words; Material's re-ranking then favours pages
 *   over sections and entries that match every query word (its search/_/index.ts);
 * - the text shown is highlighted as Material highlights it (its internal/highlight).
 * Material for MkDocs is MIT licensed; the parts ported from it are marked.
 */
(function () {
  "use strict";
  var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3; // Material's SearchMessageType
  var MAX_PAGES = 10; // offline_search.py: MAX_PAGES
  var WORD = /[\p{L}\p{N}]+/gu;
  var OPERATOR_OR_FIELD = /(^|\s)[+\-~^]|:/;
  var CLAUSE = /^([+-]?)(?:[^\s:*^~]+:)?(\*?)([^\s*^~]*)(\*?)(?:\^(\d+(?:\.\d+)?))?(?:~\d+)?$/;
  var SHORTEST_STEM = 4;

  // lunr.sv and its Snowball support expect lunr; they need only these two of it. Loaded when
  // Material starts this worker (8 kB, 3 kB compressed, none of it index), so that the first search
  // waits only for the index's files.
  self.lunr = {
    Pipeline: { registerFunction: function () {} },
    generateStopWordFilter: function (words) {
      var stop = new Set(typeof words === "string" ? words.split(" ") : words);
      return function (token) { return stop.has(String(token)) ? undefined : token; };
    },
  };
  self.importScripts("../lunr/min/lunr.stemmer.support.min.js", "../lunr/min/lunr.sv.min.js");
  var lunr = self.lunr;

  var roots = new Map();
  function root(word) {
    var known = roots.get(word);
    if (known !== undefined) return known;
    var current = word;
    for (;;) {
      var next = lunr.sv.stemmer(current);
      if (next === current || next.length < SHORTEST_STEM) break;
      current = next;
    }
    roots.set(word, current);
    return current;
  }
  function isStopWord(word) { return !lunr.sv.stopWordFilter(word); }

  // --- The query: our stemmer, Material's transform, lunr's clauses (offline_search.py) ---------

  // lunr.sv follows an older Snowball that keeps the definite "-et" ("rådet", "arbetet"), so
  // "e-hälsorådet" would never reach "hälsoråd". The prefix search drops it; the exact term keeps it.
  function prefixOf(stem) {
    return stem.length >= 5 && stem.slice(-2) === "et" ? stem.slice(0, -2) : stem;
  }

  function stemmedQuery(query) {
    if (OPERATOR_OR_FIELD.test(query)) return query; // advanced syntax is left alone
    var kept = (query.match(WORD) || []).filter(function (word) {
      return word.length > 1 && !isStopWord(word.toLowerCase());
    });
    if (kept.length === 0) return query;
    return kept.map(function (word) {
      var stem = root(word.toLowerCase());
      return stem + "^100 " + prefixOf(stem);
    }).join(" ");
  }

  function materialQuery(query, separator) {
    var terms = [];
    query.trim().split(/\s+/).forEach(function (part) {
      if (!part) return;
      var match = /^([^\^~]*)(.*)$/.exec(part);
      match[1].split(separator).forEach(function (piece) { if (piece) terms.push(piece + match[2]); });
    });
    return terms.map(function (t) { return /(^[+-]|[~^]\d+$)/.test(t) ? t : t + "*"; }).join(" ");
  }

  function clausesOf(lunrQuery) {
    var found = [];
    lunrQuery.split(/\s+/).forEach(function (part) {
      var match = CLAUSE.exec(part.toLowerCase());
      if (!part || !match || !match[3]) return;
      var leading = !!match[2], trailing = !!match[4];
      found.push({
        term: leading || trailing ? match[3] : root(match[3]),
        presence: match[1],
        leading: leading,
        trailing: trailing,
        boost: match[5] ? parseFloat(match[5]) : 1,
      });
    });
    return found;
  }

  // --- The index files --------------------------------------------------------------------------

  var config = null, manifest = null, separator = null, englishStopWords = null;
  var base = new URL("../../../search/kb/", self.location.href);
  var files = new Map();

  function hex(text) {
    return Array.from(new TextEncoder().encode(text), function (b) { return b.toString(16).padStart(2, "0"); }).join("");
  }
  function load(path) {
    if (!files.has(path)) {
      files.set(path, fetch(new URL(path + "?v=" + manifest.version, base)).then(function (response) {
        if (!response.ok) throw new Error(response.status + " " + path);
        return response.json();
      }));
    }
    return files.get(path);
  }
  function shardKeysFor(clause) {
    if (clause.leading || clause.term.length < manifest.prefix) {
      return manifest.shards.filter(function (k) { return clause.leading || k.indexOf(clause.term) === 0; });
    }
    var key = Array.from(clause.term).slice(0, manifest.prefix).join("");
    return manifest.shards.indexOf(key) === -1 ? [] : [key];
  }
  function shardOf(word) { return shards.get(Array.from(word).slice(0, manifest.prefix).join("")); }
  var shards = new Map(); // loaded shards by key

  function expand(clause) {
    var words = [];
    shardKeysFor(clause).forEach(function (key) { words = words.concat(Object.keys(shards.get(key))); });
    if (clause.leading) {
      return words.filter(function (w) {
        return clause.trailing ? w.indexOf(clause.term) !== -1 : w.slice(-clause.term.length) === clause.term;
      }).sort(byCodePoint);
    }
    if (clause.trailing) return words.filter(function (w) { return w.indexOf(clause.term) === 0; }).sort(byCodePoint);
    return words.indexOf(clause.term) === -1 ? [] : [clause.term];
  }
  // Python sorts strings by code point; so must this.
  function byCodePoint(a, b) {
    var x = Array.from(a), y = Array.from(b);
    for (var i = 0; i < Math.min(x.length, y.length); i++) {
      if (x[i] !== y[i]) return x[i].codePointAt(0) - y[i].codePointAt(0);
    }
    return x.length - y.length;
  }

  // [page, section, weight] per entry that holds the word, in the index's order.
  function postings(word) {
    var row = shardOf(word)[word], values = row[0], flat = row[1], found = [], page = 0;
    for (var i = 0; i < flat.length; i += 3) {
      page += flat[i];
      found.push([page, flat[i + 1], values[flat[i + 2]]]);
    }
    return found;
  }

  // --- Scoring, as offline_search.py's BrowserSearch.ranked ----------------------------------------

  function materialTerms(clauses, words) {
    var terms = {}, remaining = clauses.slice();
    words.forEach(function (word) {
      remaining.slice().forEach(function (clause) {
        if (word.indexOf(clause.term) === 0) {
          terms[clause.term] = true;
          remaining.splice(remaining.indexOf(clause), 1);
        }
      });
    });
    remaining.forEach(function (clause) {
      if (!englishStopWords.has(clause.term) && !(clause.term in terms)) terms[clause.term] = false;
    });
    return terms;
  }

  function ranked(clauses) {
    var boosts = new Map(), required = [], prohibited = new Set();
    var key = function (p) { return p[0] + "/" + p[1]; };
    clauses.forEach(function (clause) {
      var words = expand(clause);
      if (clause.presence === "-") {
        words.forEach(function (w) { postings(w).forEach(function (p) { prohibited.add(key(p)); }); });
        return;
      }
      if (clause.presence === "+") {
        var set = new Set();
        words.forEach(function (w) { postings(w).forEach(function (p) { set.add(key(p)); }); });
        required.push(set);
      }
      words.forEach(function (w) { boosts.set(w, (boosts.get(w) || 0) + clause.boost); });
    });
    var entries = new Map();
    boosts.forEach(function (boost, word) {
      postings(word).forEach(function (p) {
        var k = key(p), entry = entries.get(k);
        if (!entry) entries.set(k, entry = { page: p[0], section: p[1], score: 0, words: [] });
        entry.score += boost * p[2];
        entry.words.push(word);
      });
    });
    var kept = clauses.filter(function (c) { return c.presence !== "-"; });
    var list = Array.from(entries.values()).filter(function (e) {
      var k = e.page + "/" + e.section;
      return !prohibited.has(k) && required.every(function (set) { return set.has(k); });
    });
    list.sort(function (a, b) { return a.page - b.page || a.section - b.section; });
    list.forEach(function (e) {
      e.terms = materialTerms(kept, e.words);
      var names = Object.keys(e.terms);
      var share = names.length ? names.filter(function (t) { return e.terms[t]; }).length / names.length : 0;
      var boost = (e.section === 0 ? 1 : 0) + share;
      e.score = e.score * (1 + boost * boost);
    });
    return list.sort(function (a, b) { return b.score - a.score; }); // stable, as Python's sort
  }

  // --- Highlighting, ported from Material (internal/extract, internal/_, internal/tokenize, -----
  // --- internal/highlight): the matched words marked, the text cut to its matched blocks ------

  function extract(input, fn) {
    var block = 0, start = 0, end = 0, stack = 0;
    for (; end < input.length; end++) {
      if (input.charAt(end) === "<" && end > start) {
        fn(block, 1, start, start = end);
      } else if (input.charAt(end) === ">") {
        if (input.charAt(start + 1) === "/") {
          if (--stack === 0) fn(block++, 2, start, end + 1);
        } else if (input.charAt(end - 1) !== "/") {
          if (stack++ === 0) fn(block, 0, start, end + 1);
        }
        start = end + 1;
      }
    }
    if (end > start) fn(block, 1, start, end);
  }

  function split(input, pattern, fn) {
    var regex = new RegExp(pattern.source, "g"), match, index = 0;
    do {
      match = regex.exec(input);
      var until = match ? match.index : input.length;
      if (index < until) fn(index, until);
      if (match) {
        index = match.index + match[0].length;
        if (match[0].length === 0) regex.lastIndex = match.index + 1;
      }
    } while (match);
  }

  // Positions (block << 20 | index in block) of the words of `input` that the index holds as `words`.
  function positionsOf(input, table, words) {
    var positions = [];
    extract(input, function (block, type, start, end) {
      table[block] = table[block] || [];
      if (type !== 1) {
        table[block].push(start << 12 | end - start << 2 | type);
        return;
      }
      var section = input.slice(start, end);
      split(section, separator, function (index, until) {
        table[block].push(start + index << 12 | until - index << 2 | type);
        var word = section.slice(index, until).toLowerCase();
        if (!isStopWord(word) && words.has(root(word))) positions.push(block << 20 | table[block].length - 1);
      });
    });
    return positions;
  }

  function highlight(input, table, positions, full) {
    var mapping = [0];
    for (var t = 1; t < table.length; t++) {
      var prev = table[t - 1], next = table[t];
      var p = prev[prev.length - 1] >>> 2 & 0x3FF, q = next[0] >>> 12;
      mapping.push(+(p > q) + mapping[mapping.length - 1]);
    }
    var cursor = 0, blocks = new Map();
    positions.sort(function (a, b) { return a - b; }).forEach(function (position) {
      var index = position & 0xFFFFF, block = position >>> 20;
      if (mapping[block] !== 0) return;
      if (!blocks.has(block)) blocks.set(block, []);
      blocks.get(block).push(index);
    });
    if (blocks.size === 0) return input;
    var slices = [];
    for (var [block, indexes] of blocks) {
      var row = table[block];
      var start = row[0] >>> 12, end = row[row.length - 1] >>> 12, length = row[row.length - 1] >>> 2 & 0x3FF;
      if (full && start > cursor) slices.push(input.slice(cursor, start));
      var slice = input.slice(start, end + length);
      indexes.sort(function (a, b) { return b - a; }).forEach(function (j) {
        var from = (row[j] >>> 12) - start, to = (row[j] >>> 2 & 0x3FF) + from;
        slice = slice.slice(0, from) + "<mark>" + slice.slice(from, to) + "</mark>" + slice.slice(to);
      });
      cursor = end + length;
      if (slices.push(slice) === 2) break;
    }
    if (full && cursor < input.length) slices.push(input.slice(cursor));
    return slices.join("");
  }

  function shown(entry, words, full) {
    var table = [];
    var positions = positionsOf(entry, table, words);
    return positions.length ? highlight(entry, table, positions, full) : entry;
  }

  // --- A query, answered ------------------------------------------------------------------------

  function search(query) {
    var clauses = clausesOf(materialQuery(stemmedQuery(query), separator));
    var keys = new Set();
    clauses.forEach(function (c) { shardKeysFor(c).forEach(function (k) { keys.add(k); }); });
    var wanted = Array.from(keys).filter(function (k) { return !shards.has(k); });
    return Promise.all(wanted.map(function (k) {
      return load("t/" + hex(k) + ".json").then(function (shard) { shards.set(k, shard); });
    })).then(function () {
      var groups = new Map();
      ranked(clauses).forEach(function (entry) {
        if (!groups.has(entry.page)) {
          if (groups.size === MAX_PAGES) return;
          groups.set(entry.page, []);
        }
        groups.get(entry.page).push(entry);
      });
      var pages = Array.from(groups.keys());
      return Promise.all(pages.map(function (p) { return load("s/" + p + ".json"); })).then(function (loaded) {
        var items = pages.map(function (p, i) {
          var entries = loaded[i];
          var group = groups.get(p).map(function (e) {
            var words = new Set(e.words), doc = entries[e.section];
            return {
              location: doc[0],
              title: shown(doc[1], words, true),
              text: shown(doc[2], words, false),
              score: e.score,
              terms: e.terms,
            };
          });
          if (!groups.get(p).some(function (e) { return e.section === 0; })) {
            group.push({ location: entries[0][0], title: entries[0][1], text: entries[0][2], score: 0, terms: {} });
          }
          return group;
        });
        return { items: items };
      });
    });
  }

  // Queries come with every key press: answer the latest, in order, one at a time.
  var pending = null, busy = false;
  function next() {
    if (busy || pending === null || manifest === null) return;
    var query = pending;
    pending = null;
    busy = true;
    search(query).catch(function (error) {
      console.warn("Sökningen misslyckades: " + query, error);
      return { items: [] };
    }).then(function (result) {
      self.postMessage({ type: RESULT, data: result });
      busy = false;
      next();
    });
  }

  self.addEventListener("message", function (event) {
    var message = event.data;
    if (message && message.type === SETUP) {
      config = message.data.config;
      manifest = config.kb;
      separator = new RegExp(config.separator);
      englishStopWords = new Set(manifest.englishStopWords);
      self.postMessage({ type: READY });
      next();
    } else if (message && message.type === QUERY) {
      pending = String(message.data);
      next();
    }
  });
})();
