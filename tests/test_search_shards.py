"""The prebuilt index (macros/generate/search_shards.py) weighs every word as lunr builds it.

lunr.py, the port of lunr.js that Material's worker used to build the index in the browser, builds the
same entries here; each word's weight in each entry, summed over the fields, must come out the same.
"""

import json
import re
import shutil
from pathlib import Path

import material
from lunr import builder

from macros.adapters.offline_search import BrowserSearch
from macros.generate.search_shards import indexed_words, root, swedish_stop_words, weights, write_shards

THEME = Path(material.__file__).parent / "templates"  # the built site's assets come from here
STOP = swedish_stop_words(THEME)

CONFIG = {
    "lang": ["sv"],
    "separator": r"""[\s\-–—,:;!?=\[\]()"”“’']+|\.(?!\d)""",
    "pipeline": ["stemmer", "stopWordFilter"],
    "fields": {"title": {"boost": 1000}, "text": {"boost": 1}, "sokord": {"boost": 800}, "tags": {"boost": 1}},
}
DOCS = [
    {"location": "a/", "title": "Trygg hemgång", "text": "<p>Esther kom hem från sjukhuset.</p>", "sokord": ["sip"]},
    {"location": "a/#vad", "title": "Vad hände?", "text": "<p>Hemgången planerades i en SIP, hemma hos Esther.</p>"},
    {"location": "b/", "title": "Vårdcentralerna", "text": "<p>Vårdcentralen och hemsjukvården.</p>", "boost": 0.5},
    {"location": "a/#sen", "title": "Efteråt", "text": "<p>Uppföljning av hemgången efter två veckor.</p>"},
]


def lunr_weights(docs: list[dict]) -> dict[str, dict[str, float]]:
    separator = re.compile(CONFIG["separator"])
    lunr_builder = builder.Builder()
    lunr_builder.b(0)
    lunr_builder.metadata_whitelist = []
    lunr_builder.ref("location")
    for name, spec in CONFIG["fields"].items():
        lunr_builder.field(
            name, boost=spec["boost"], extractor=lambda doc, name=name: indexed_words(doc.get(name), separator, STOP)
        )
    for doc in docs:
        lunr_builder.add(doc, {"boost": doc["boost"]} if "boost" in doc else None)
    index = lunr_builder.build()
    word_of = {posting["_index"]: word for word, posting in index.inverted_index.items()}
    found: dict[str, dict[str, float]] = {}
    for field_ref, vector in index.field_vectors.items():
        location = field_ref.split("/", 1)[1]
        for number, weight in zip(vector.elements[::2], vector.elements[1::2], strict=True):
            row = found.setdefault(word_of[number], {})
            row[location] = row.get(location, 0) + weight
    return found


def test_every_weight_is_lunrs():
    separator = re.compile(CONFIG["separator"])
    ours = weights(DOCS, CONFIG["fields"], separator, STOP)
    expected = lunr_weights(DOCS)
    assert set(ours) == set(expected) and "hemgång" in ours and "och" not in ours  # a stop word is not indexed
    for word, row in expected.items():
        assert {DOCS[n]["location"]: w for n, w in ours[word].items()} == row, word


def test_the_split_index_reads_back_and_ranks_pages_with_their_sections(tmp_path):
    (tmp_path / "search").mkdir()
    lunr = THEME / "assets" / "javascripts" / "lunr"
    shutil.copytree(lunr, tmp_path / "assets" / "javascripts" / "lunr")
    index = {"config": CONFIG, "docs": DOCS, "options": {"suggest": False}}
    (tmp_path / "search" / "search_index.json").write_text(json.dumps(index, ensure_ascii=False), encoding="utf-8")
    assert write_shards(tmp_path) > 3
    stub = json.loads((tmp_path / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert stub["docs"] == [] and stub["config"]["kb"]["pages"] == 2
    offline = BrowserSearch.from_site(tmp_path)
    # a page's sections follow it, whatever the order Material wrote them in
    assert [e["location"] for e in offline.entries()] == ["a/", "a/#vad", "a/#sen", "b/"]
    assert [h.location for h in offline.search("hemgången")] == ["a/"]
    assert [h.location for h in offline.search("vårdcentral")] == ["b/"]  # inflected: vårdcentralerna
    assert [h.location for h in offline.search("hem")] == ["a/", "b/"]  # a prefix: hemsjukvården
    assert offline.search("och") == [] and "och" in STOP
    assert root("esthers") == root("esther") == "esth"
