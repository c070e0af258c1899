"""The site's search, offline: the same catalog, Swedish stemmer, stop words and boosts as the browser.

Used by scripts/search.py (communicators checking whether a story exists) and by tests.
The browser (Material + lunr.js + our query stemmer) indexes per section; this indexes per
page, so the two agree on the best page for most queries rather than on every rank.
"""

import re
from functools import lru_cache
from pathlib import Path

import snowballstemmer
from lunr import builder
from lunr.pipeline import Pipeline
from lunr.query import Query
from markdown_it import MarkdownIt

from .search_index import SEPARATOR, keyword_words
from .workflow import is_listed

# Same as mkdocs.yml `plugins.search.fields`.
BOOSTS = {"title": 100, "text": 1, "tags": 1000}
EXACT_BOOST = 100  # an exact stem outranks the many longer words it is a prefix of
LUNR_SV = ("material", "templates", "assets", "javascripts", "lunr", "min", "lunr.sv.min.js")

_stemmer = snowballstemmer.stemmer("swedish")
_markdown = MarkdownIt("commonmark").enable("table")


@lru_cache(maxsize=1)
def swedish_stop_words() -> frozenset:
    """Read the list the browser uses, from Material's lunr.sv, so the two cannot differ."""
    import material

    script = Path(material.__file__).parent.joinpath(*LUNR_SV[1:]).read_text(encoding="utf-8")
    words = re.search(r'generateStopWordFilter\("([^"]+)"', script).group(1)
    return frozenset(words.split())


def stem_query_word(word: str) -> str:
    """Stem as the index does, then further while the stem keeps four letters: as sok-sv.js does."""
    current = _stemmer.stemWord(word.lower())
    for _ in range(2):
        following = _stemmer.stemWord(current)
        if following == current or len(following) < 4:
            break
        current = following
    return current


def _stem(token, i, tokens):
    return token.update(lambda text, metadata: _stemmer.stemWord(text))


def _drop_stop_words(token, i, tokens):
    return None if str(token) in swedish_stop_words() else token


Pipeline.register_function(_stem, "stemmer-sv-offline")
Pipeline.register_function(_drop_stop_words, "stopWordFilter-sv-offline")


def _tokenize(text: str):
    return [t for t in SEPARATOR.split(text.lower()) if t]


def plain_text(markdown: str) -> str:
    html = _markdown.render(markdown)
    return re.sub(r"<[^>]+>", " ", html)


def build_index(catalog):
    index_builder = builder.Builder()
    index_builder.b(0)  # no length normalisation, as Material configures lunr.js
    index_builder.pipeline.add(_drop_stop_words, _stem)
    index_builder.ref("ref")
    for name, boost in BOOSTS.items():
        index_builder.field(name, boost=boost)
    for item in catalog.items.values():
        if not is_listed(item, catalog.today):
            continue
        index_builder.add({
            "ref": item.id,
            "title": _tokenize(item.title),
            "text": _tokenize(" ".join([item.data.get("beskrivning", ""), plain_text(item.body)])),
            "tags": keyword_words(item),
        })
    return index_builder.build()


def search(index, catalog, query: str, limit: int = 10):
    """Items best first, each query word stemmed, matched exactly and as a prefix, as in the browser."""
    words = [stem_query_word(w) for w in _tokenize(query) if w not in swedish_stop_words()]
    if not words:
        return []

    query_object = index.create_query()
    for word in words:
        query_object.term(word, wildcard=Query.WILDCARD_TRAILING, use_pipeline=False)
    results = index.query(query_object)
    return [(catalog.items[r["ref"]], r["score"]) for r in results[:limit]]
