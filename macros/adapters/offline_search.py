"""The site's search in Python: the built search index, searched step by step as the browser does.

Used by scripts/search.py (communicators checking whether a story exists), by the tests and by
`make bench`. The browser runs Material's search worker: lunr.js over search/search_index.json,
Swedish Snowball stemming (lunr.sv), our query stemmer (sok-sv.js) and Material's re-ranking.
This module repeats each step with lunr.py, a port of lunr.js, so the command line ranks the same
pages in the same order; tests/test_search.py compares the two on every test query.
"""

import json
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from lunr import builder
from lunr.pipeline import Pipeline
from lunr.stop_word_filter import stop_word_filter as english_stop_word_filter

LUNR_SV = ("templates", "assets", "javascripts", "lunr", "min", "lunr.sv.min.js")


# --- lunr.sv's Swedish stemmer ---------------------------------------------------------------
# lunr.sv is generated from the first Snowball Swedish algorithm; the snowballstemmer package
# follows a later one ("rådet" -> "råd" there, "rådet" in the browser). Ported line by line so
# both sides stem every word alike (tests/test_search.py checks every word of the index).

_VOWELS = frozenset("aeiouyäåö")
_S_ENDING = frozenset("bcdfghjklmnoprtvy")  # letters before a final "s" that lets it go
_MAIN_SUFFIXES = sorted(
    (
        "a",
        "arna",
        "erna",
        "heterna",
        "orna",
        "ad",
        "e",
        "ade",
        "ande",
        "arne",
        "are",
        "aste",
        "en",
        "anden",
        "aren",
        "heten",
        "ern",
        "ar",
        "er",
        "heter",
        "or",
        "s",
        "as",
        "arnas",
        "ernas",
        "ornas",
        "es",
        "ades",
        "andes",
        "ens",
        "arens",
        "hetens",
        "erns",
        "at",
        "andet",
        "het",
        "ast",
    ),
    key=len,
    reverse=True,
)
_CONSONANT_PAIRS = ("dd", "gd", "nn", "dt", "gt", "kt", "tt")
_OTHER_SUFFIXES = {"fullt": "full", "löst": "lös", "lig": "", "els": "", "ig": ""}


def _region_start(word: str) -> int:
    """Snowball's R1: after the first non-vowel that follows a vowel, at least 3 letters in."""
    i = 0
    while i < len(word) and word[i] not in _VOWELS:
        i += 1
    if i >= len(word):
        return len(word)
    while i < len(word) and word[i] in _VOWELS:
        i += 1
    if i >= len(word):
        return len(word)
    return max(i + 1, 3)


def _longest_suffix(word: str, suffixes, start: int):
    return next((s for s in suffixes if word.endswith(s) and len(word) - len(s) >= start), None)


def stem(word: str) -> str:
    r1 = _region_start(word)
    if r1 > len(word):
        return word
    suffix = _longest_suffix(word, _MAIN_SUFFIXES, r1)
    if suffix == "s":
        if len(word) >= 2 and word[-2] in _S_ENDING:  # the letter before may lie outside R1
            word = word[:-1]
    elif suffix:
        word = word[: -len(suffix)]
    if len(word) >= r1 and _longest_suffix(word, _CONSONANT_PAIRS, r1) and len(word) > r1:
        word = word[:-1]
    if len(word) >= r1:
        suffix = _longest_suffix(word, sorted(_OTHER_SUFFIXES, key=len, reverse=True), r1)
        if suffix:
            word = word[: -len(suffix)] + _OTHER_SUFFIXES[suffix]
    return word


SHORTEST_STEM = 4


@cache
def root(word: str) -> str:
    """lunr.sv's stem, applied until nothing changes, never below four letters: as sok-sv.js
    stems both the index and the query, so "insats" and "insatser" both become "insat"."""
    current = word
    while True:
        following = stem(current)
        if following == current or len(following) < SHORTEST_STEM:
            return current
        current = following


@lru_cache(maxsize=1)
def swedish_stop_words() -> frozenset:
    """Read the list the browser uses, from Material's lunr.sv, so the two cannot differ."""
    import material

    script = Path(material.__file__).parent.joinpath(*LUNR_SV).read_text(encoding="utf-8")
    words = re.search(r'generateStopWordFilter\("([^"]+)"', script).group(1)
    return frozenset(words.split())


def _stem_token(token, i, tokens):
    return token.update(lambda text, metadata: root(text))


def _drop_stop_words(token, i, tokens):
    return None if str(token) in swedish_stop_words() else token


Pipeline.register_function(_stem_token, "stemmer-sv-stabil")
Pipeline.register_function(_drop_stop_words, "stopWordFilter-sv")


# --- Material's tokenizer: text between tags, split by the configured separator, lower case ---

_TAG = re.compile(r"<[^>]*>")


def words_of(value, separator: re.Pattern) -> list[str]:
    """A field's words as Material's tokenizer finds them; lunr.py makes each one a token."""
    values = value if isinstance(value, list) else [value] if value else []
    return [piece.lower() for v in values for text in _TAG.split(str(v)) for piece in separator.split(text) if piece]


# --- Our query stemmer, sok-sv.js ------------------------------------------------------------

_WORD = re.compile(r"[^\W_]+")
_OPERATOR_OR_FIELD = re.compile(r"(^|\s)[+\-~^]|:")


def _prefix_of(word_stem: str) -> str:
    return word_stem[:-2] if len(word_stem) >= 5 and word_stem.endswith("et") else word_stem


def stemmed_query(query: str) -> str:
    if _OPERATOR_OR_FIELD.search(query):
        return query
    kept = [w for w in _WORD.findall(query) if len(w) > 1 and w.lower() not in swedish_stop_words()]
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


# --- The index and Material's re-ranking -------------------------------------------------------


@dataclass
class Hit:
    location: str  # the page, e.g. "strategier/k2/"
    title: str
    score: float


class BrowserSearch:
    """The built search index, searched as Material's worker searches it."""

    def __init__(self, index: dict):
        config = index["config"]
        self.separator = re.compile(config["separator"])
        self.docs = {d["location"]: d for d in index["docs"]}
        self.page_of = {}
        for doc in index["docs"]:
            page = doc["location"].split("#")[0]
            self.page_of[doc["location"]] = page if page in self.page_of else doc["location"]
        lunr_builder = builder.Builder()
        lunr_builder.pipeline.add(_drop_stop_words, _stem_token)
        lunr_builder.search_pipeline.add(_stem_token)
        lunr_builder.metadata_whitelist = []
        lunr_builder.b(0)
        lunr_builder.ref("location")
        for name, spec in config["fields"].items():
            lunr_builder.field(
                name,
                boost=spec.get("boost", 1),
                extractor=lambda doc, name=name: words_of(doc.get(name), self.separator),
            )
        for doc in index["docs"]:
            lunr_builder.add(doc, {"boost": doc["boost"]} if "boost" in doc else None)
        self.index = lunr_builder.build()

    @classmethod
    def from_site(cls, site_dir: Path) -> "BrowserSearch":
        path = Path(site_dir) / "search" / "search_index.json"
        return cls(json.loads(path.read_text(encoding="utf-8")))

    def search(self, query: str, limit: int = 10) -> list[Hit]:
        """Pages best first, as the browser lists them."""
        lunr_query = material_query(stemmed_query(query), self.separator)
        if not lunr_query:
            return []
        clause_terms = [re.sub(r"[\^~]\d+$", "", t).strip("*") for t in lunr_query.split() if not t.startswith("-")]
        ranked = []
        for result in self.index.search(lunr_query):
            location = result["ref"]
            matched = list(result["match_data"].metadata)
            terms = {}
            remaining = list(clause_terms)
            for term in matched:
                for clause in list(remaining):
                    if term.startswith(clause):
                        terms[clause] = True
                        remaining.remove(clause)
            for clause in remaining:
                if english_stop_word_filter(clause) is not None:
                    terms.setdefault(clause, False)
            is_page = self.page_of[location] == location
            share = sum(terms.values()) / len(terms) if terms else 0
            boost = int(is_page) + share
            ranked.append((result["score"] * (1 + boost**2), location))
        ranked.sort(key=lambda pair: -pair[0])
        pages = {}
        for score, location in ranked:
            page = self.page_of[location]
            pages.setdefault(page, score)
        return [Hit(page, self.docs[page]["title"], score) for page, score in list(pages.items())[:limit]]
