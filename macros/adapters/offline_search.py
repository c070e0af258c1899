"""The site's search in Python: the prebuilt, split index, searched as the browser searches it.

Used by scripts/search.py (communicators checking whether a story exists), by the tests and by
`make bench`. The build writes the index in shards (macros/generate/search_shards.py); the browser's
search worker (templates/assets/javascripts/workers/sok-sv.js) reads the shards a query needs and
scores them. This module does each step as the worker does, with the same arithmetic in the same
order, so the command line ranks the same pages in the same order; tests/test_search.py compares the
two on every test query.
"""

import json
import re
from dataclasses import dataclass
from pathlib import Path

from macros.generate.search_shards import FOLDER, root, shard_key, shard_name

MAX_PAGES = 10  # pages a search lists, best first (sok-sv.js: MAX_PAGES)


# --- Our query stemmer, sok-sv.js ------------------------------------------------------------

_WORD = re.compile(r"[^\W_]+")
_OPERATOR_OR_FIELD = re.compile(r"(^|\s)[+\-~^]|:")


def _prefix_of(word_stem: str) -> str:
    return word_stem[:-2] if len(word_stem) >= 5 and word_stem.endswith("et") else word_stem


def stemmed_query(query: str, stop_words: frozenset) -> str:
    if _OPERATOR_OR_FIELD.search(query):
        return query
    kept = [w for w in _WORD.findall(query) if len(w) > 1 and w.lower() not in stop_words]
    if not kept:
        return query
    return " ".join(f"{root(w.lower())}^100 {_prefix_of(root(w.lower()))}" for w in kept)


def material_query(query: str, separator: re.Pattern) -> str:
    """Material's transformSearchQuery for plain words: split, and a trailing wildcard unless boosted."""
    terms = []
    for part in query.strip().split():
        head, boost = re.match(r"^([^\^~]*)(.*)$", part).groups()
        terms += [piece + boost for piece in separator.split(head) if piece]
    return " ".join(t if re.search(r"(^[+-]|[~^]\d+$)", t) else t + "*" for t in terms)


# --- The query's clauses, as lunr's query parser reads the few forms the search box sends ---

_CLAUSE = re.compile(r"^([+-]?)(?:[^\s:*^~]+:)?(\*?)([^\s*^~]*)(\*?)(?:\^(\d+(?:\.\d+)?))?(?:~\d+)?$")


@dataclass
class Clause:
    term: str
    presence: str  # "", "+" (required) or "-" (prohibited)
    leading: bool  # *term
    trailing: bool  # term*
    boost: float


def clauses_of(lunr_query: str) -> list[Clause]:
    """Clauses of a query in lunr's syntax; a field name is read but not kept (all fields are searched),
    an edit distance (~1) is ignored. A clause without a wildcard is stemmed, as lunr's search pipeline does."""
    found = []
    for part in lunr_query.split():
        match = _CLAUSE.match(part.lower())
        if match is None or not match.group(3):
            continue
        presence, leading, term, trailing, boost = match.groups()
        if not leading and not trailing:
            term = root(term)
        found.append(Clause(term, presence, bool(leading), bool(trailing), float(boost) if boost else 1.0))
    return found


# --- The index and Material's re-ranking -------------------------------------------------------


@dataclass
class Hit:
    location: str  # the page, e.g. "strategier/k2/"
    title: str
    score: float


class BrowserSearch:
    """The built site's split search index, searched as the browser's worker searches it."""

    def __init__(self, site_dir: Path):
        self.folder = Path(site_dir) / "search"
        stub = json.loads((self.folder / "search_index.json").read_text(encoding="utf-8"))
        self.config = stub["config"]
        self.manifest = self.config["kb"]
        self.separator = re.compile(self.config["separator"])
        self.stop_words = frozenset(self.manifest["stopWords"])
        self.english_stop_words = frozenset(self.manifest["englishStopWords"])
        self._shards: dict[str, dict] = {}
        self._pages: dict[int, list] = {}

    @classmethod
    def from_site(cls, site_dir: Path) -> "BrowserSearch":
        return cls(site_dir)

    def shard(self, key: str) -> dict:
        if key not in self._shards:
            path = self.folder / FOLDER / "t" / f"{shard_name(key)}.json"
            self._shards[key] = json.loads(path.read_text(encoding="utf-8"))
        return self._shards[key]

    def page(self, number: int) -> list:
        """[[address, title, text], ...]: the page first, then its sections."""
        if number not in self._pages:
            path = self.folder / FOLDER / "s" / f"{number}.json"
            self._pages[number] = json.loads(path.read_text(encoding="utf-8"))
        return self._pages[number]

    def entries(self) -> list[dict]:
        """Every entry of the index (address, title, text), page by page."""
        return [
            {"location": e[0], "title": e[1], "text": e[2]} for p in range(self.manifest["pages"]) for e in self.page(p)
        ]

    def shards_for(self, clause: Clause) -> list[str]:
        if clause.leading or len(clause.term) < self.manifest["prefix"]:
            return [k for k in self.manifest["shards"] if clause.leading or k.startswith(clause.term)]
        key = shard_key(clause.term)
        return [key] if key in self.manifest["shards"] else []

    def expand(self, clause: Clause) -> list[str]:
        """The index's words a clause matches: itself, or every word it begins (term*) or ends (*term)."""
        words = [w for key in self.shards_for(clause) for w in self.shard(key)]
        if clause.leading:
            return sorted(w for w in words if (clause.term in w if clause.trailing else w.endswith(clause.term)))
        if clause.trailing:
            return sorted(w for w in words if w.startswith(clause.term))
        return [clause.term] if clause.term in words else []

    def postings(self, word: str) -> dict[tuple[int, int], float]:
        """(page, section) -> the word's weight there."""
        values, flat = self.shard(shard_key(word))[word]
        found, page = {}, 0
        for i in range(0, len(flat), 3):
            page += flat[i]
            found[(page, flat[i + 1])] = values[flat[i + 2]]
        return found

    def ranked(self, query: str) -> list[tuple[tuple[int, int], float, dict]]:
        """Every matching entry, best first: ((page, section), score, terms as Material reports them)."""
        clauses = clauses_of(material_query(stemmed_query(query, self.stop_words), self.separator))
        boosts: dict[str, float] = {}  # lunr's query vector: a word's boosts summed over the clauses
        required: list[set] = []
        prohibited: set = set()
        for clause in clauses:
            words = self.expand(clause)
            if clause.presence == "-":
                prohibited.update(e for w in words for e in self.postings(w))
                continue
            if clause.presence == "+":
                required.append({e for w in words for e in self.postings(w)})
            for word in words:
                boosts[word] = boosts.get(word, 0) + clause.boost
        scores: dict[tuple[int, int], float] = {}
        matched: dict[tuple[int, int], list[str]] = {}
        for word, boost in boosts.items():
            for entry, weight in self.postings(word).items():
                scores[entry] = scores.get(entry, 0) + boost * weight
                matched.setdefault(entry, []).append(word)
        kept = [c for c in clauses if c.presence != "-"]
        ranked = []
        for entry in sorted(scores):
            if entry in prohibited or any(entry not in r for r in required):
                continue
            terms = material_terms(kept, matched[entry], self.english_stop_words)
            share = sum(terms.values()) / len(terms) if terms else 0
            boost = int(entry[1] == 0) + share
            ranked.append((entry, scores[entry] * (1 + boost * boost), terms))
        ranked.sort(key=lambda row: -row[1])
        return ranked

    def search(self, query: str, limit: int = MAX_PAGES) -> list[Hit]:
        """Pages best first, as the browser lists them (at most MAX_PAGES)."""
        pages: dict[int, float] = {}
        for (page, _), score, _ in self.ranked(query):
            pages.setdefault(page, score)
        best = list(pages.items())[: min(limit, MAX_PAGES)]
        return [Hit(self.page(p)[0][0], self.page(p)[0][1], score) for p, score in best]


def material_terms(clauses: list[Clause], words: list[str], english_stop_words: frozenset) -> dict[str, bool]:
    """Material's getSearchQueryTerms: which clauses a result matched; an unmatched clause counts as
    missing unless it is an English stop word (lunr's own list, as Material checks it)."""
    terms: dict[str, bool] = {}
    remaining = list(clauses)
    for word in words:
        for clause in list(remaining):
            if word.startswith(clause.term):
                terms[clause.term] = True
                remaining.remove(clause)
    for clause in remaining:
        if clause.term not in english_stop_words:
            terms.setdefault(clause.term, False)
    return terms
