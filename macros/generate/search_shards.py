"""The search index prebuilt and split, so that a search downloads only what its words need.

Material's search worker downloads the whole search/search_index.json and builds a lunr.js index
from it in the browser on every visit's first search: the cost grows with every page. Here, after
`enrich_index` (search_index.py) has shaped that file, `write_shards` scores every word of every
entry once, as lunr.js scores them when it builds its index (Material's tokenizer and separator, the
Swedish stop words and stemmer, BM25 with b = 0, the field boosts of mkdocs.yml, each entry's boost,
rounded to three decimals), and writes:

- search/kb/t/<first two letters as hex>.json: for each word (as the index stems it) whose first two
  letters those are, the entries that hold it and its weight in each (summed over the fields);
- search/kb/s/<page>.json: each page's entries (address, title, text), what a result shows;
- search/search_index.json, replaced by Material's config with a manifest of the files above (`kb`):
  what Material's bundle sends to the search worker when the reader first searches, a few kilobytes.

The worker (templates/assets/javascripts/workers/sok-sv.js) and scripts/search.py
(macros/adapters/offline_search.py) read these files and score a query with the same arithmetic, so
the command line ranks as the browser does by construction.
"""

import hashlib
import json
import math
import re
import shutil
from collections import Counter
from functools import cache
from pathlib import Path

from lunr.stop_word_filter import WORDS as ENGLISH_STOP_WORDS

LUNR_SV = ("assets", "javascripts", "lunr", "min", "lunr.sv.min.js")  # in the built site, from Material
FOLDER = "kb"  # under search/
PREFIX = 2  # letters of a word that name its shard
K1 = 1.2  # lunr's BM25 k1; b is 0 (Material)
FORMAT = 1  # of the files below; in the manifest, for the worker


# --- lunr.sv's Swedish stemmer ---------------------------------------------------------------
# lunr.sv is generated from the first Snowball Swedish algorithm; the snowballstemmer package
# follows a later one ("rådet" -> "råd" there, "rådet" in the browser). Ported line by line so
# both sides stem every word alike (tests/test_search.py checks every word of the index).

_VOWELS = frozenset("aeiouyäåö")
_S_ENDING = frozenset("bcdfghjklmnoprtvy")  # letters before a final "s" that lets it go
_MAIN_SUFFIXES = sorted(
    "a arna erna heterna orna ad e ade ande arne are aste en anden aren heten ern ar er heter or s as arnas "
    "ernas ornas es ades andes ens arens hetens erns at andet het ast".split(),
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
    """lunr.sv's stem, applied until nothing changes, never below four letters, in the index and in
    the query alike (sok-sv.js), so "insats" and "insatser" both become "insat"."""
    current = word
    while True:
        following = stem(current)
        if following == current or len(following) < SHORTEST_STEM:
            return current
        current = following


def swedish_stop_words(site_dir: Path) -> frozenset:
    """Read the list the browser uses, from the built site's lunr.sv (Material's), so the two cannot differ."""
    script = Path(site_dir).joinpath(*LUNR_SV).read_text(encoding="utf-8")
    found = re.search(r'generateStopWordFilter\("([^"]+)"', script)
    if found is None:
        raise RuntimeError("lunr.sv's stop words were not found; has Material's layout changed?")
    return frozenset(found.group(1).split())


# --- Material's tokenizer: text between tags, split by the configured separator, lower case ---

_TAG = re.compile(r"<[^>]*>")


def words_of(value, separator: re.Pattern) -> list[str]:
    """A field's words as Material's tokenizer finds them, before the pipeline."""
    values = value if isinstance(value, list) else [value] if value else []
    return [piece.lower() for v in values for text in _TAG.split(str(v)) for piece in separator.split(text) if piece]


def indexed_words(value, separator: re.Pattern, stop: frozenset) -> list[str]:
    """A field's words after the index pipeline: Swedish stop words dropped, the rest stemmed."""
    return [root(word) for word in words_of(value, separator) if word not in stop]


# --- Writing the index -----------------------------------------------------------------------


def shard_key(term: str) -> str:
    return term[:PREFIX]


def shard_name(key: str) -> str:
    return key.encode("utf-8").hex()


def pages_of(docs: list[dict]) -> list[list[dict]]:
    """Entries grouped by page, as Material groups them: the first entry of an address is the page,
    later entries with the same address before '#' are its sections."""
    pages: dict[str, list[dict]] = {}
    for doc in docs:
        pages.setdefault(doc["location"].split("#")[0], []).append(doc)
    return list(pages.values())


def weights(docs: list[dict], fields: dict, separator: re.Pattern, stop: frozenset) -> dict[str, dict[int, float]]:
    """term -> {entry number: weight}: lunr.js's field vectors (BM25, b = 0, field and entry boosts,
    rounded to 3 decimals per field), summed over the fields. Entry numbers follow `docs`."""
    frequencies = [
        {name: Counter(indexed_words(doc.get(name), separator, stop)) for name in fields if doc.get(name) is not None}
        for doc in docs
    ]
    holders: Counter = Counter()  # lunr's idf counts an entry once per field that holds the word
    for per_field in frequencies:
        for counts in per_field.values():
            holders.update(counts.keys())
    count = len(docs)
    idf = {term: math.log(1 + abs((count - n + 0.5) / (n + 0.5))) for term, n in holders.items()}
    table: dict[str, dict[int, float]] = {}
    for number, (doc, per_field) in enumerate(zip(docs, frequencies, strict=True)):
        boost = doc.get("boost", 1)
        for name, counts in per_field.items():
            field_boost = fields[name].get("boost", 1)
            for term, tf in counts.items():
                score = idf[term] * ((K1 + 1) * tf) / (K1 + tf) * field_boost * boost
                row = table.setdefault(term, {})
                row[number] = row.get(number, 0) + round(score, 3)
    return table


def _dump(path: Path, data) -> bytes:
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    path.write_bytes(text)
    return text


def write_shards(site_dir: Path) -> int:
    """Split search/search_index.json as the module docstring says. Returns the number of shards."""
    path = Path(site_dir) / "search" / "search_index.json"
    if not path.exists():
        return 0
    index = json.loads(path.read_text(encoding="utf-8"))
    config = index["config"]
    separator = re.compile(config["separator"])
    pages = pages_of(index["docs"])
    docs = [doc for page in pages for doc in page]  # entry numbers: page by page, page first
    folder = path.parent / FOLDER
    shutil.rmtree(folder, ignore_errors=True)
    (folder / "t").mkdir(parents=True)
    (folder / "s").mkdir()
    digest = hashlib.sha256()
    # An entry is known by its page and its place on the page: [page, section].
    place = [(p, s) for p, page in enumerate(pages) for s in range(len(page))]
    for p, page in enumerate(pages):
        entries = [[doc["location"], doc["title"], doc["text"]] for doc in page]
        digest.update(_dump(folder / "s" / f"{p}.json", entries))
    shards: dict[str, dict] = {}
    stop = swedish_stop_words(site_dir)
    for term, row in sorted(weights(docs, config["fields"], separator, stop).items()):
        values = sorted(set(row.values()))
        position = {value: i for i, value in enumerate(values)}
        flat, previous = [], 0
        for number in sorted(row):
            page, section = place[number]
            flat += [page - previous, section, position[row[number]]]
            previous = page
        # [distinct weights, then per entry: page (from the previous one), section, weight's number]
        shards.setdefault(shard_key(term), {})[term] = [values, flat]
    for key, terms in shards.items():
        digest.update(_dump(folder / "t" / f"{shard_name(key)}.json", terms))
    index["docs"] = []
    config["kb"] = {  # in the config: Material's bundle passes on only the config to the worker
        "format": FORMAT,
        "version": digest.hexdigest()[:12],
        "prefix": PREFIX,
        "shards": sorted(shards),
        "pages": len(pages),
        "stopWords": sorted(stop),  # for scripts/search.py; the worker reads lunr.sv's own
        "englishStopWords": sorted(ENGLISH_STOP_WORDS),
    }
    _dump(path, index)
    return len(shards)
