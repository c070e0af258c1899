"""make serve renders only the pages a change touches (ProperDocs --dirty), and Material's search index then
may hold those pages alone: `complete_index` fills in the others from the last build's index, in their
places, without a page twice and without the pages that are gone."""

import json

from macros.generate.search_index import complete_index

PAGES = {"index.md": None, "berattelser/a.md": None, "berattelser/b.md": None}  # staged src_uri -> source


def entry(location: str, title: str) -> dict:
    return {"location": location, "title": title, "text": ""}


def write_index(site, docs) -> None:
    (site / "search").mkdir(parents=True, exist_ok=True)
    (site / "search" / "search_index.json").write_text(json.dumps({"config": {}, "docs": docs}), encoding="utf-8")


def docs_of(site) -> list:
    return [
        (d["location"], d["title"]) for d in json.loads((site / "search" / "search_index.json").read_text())["docs"]
    ]


OLD = [
    entry("", "Start"),
    entry("berattelser/a/", "A"),
    entry("berattelser/a/#del", "A del"),
    entry("berattelser/b/", "B"),
    entry("berattelser/gone/", "Gone"),
]


def test_a_build_of_every_page_is_kept_as_it_is_and_remembered(tmp_path):
    write_index(tmp_path / "site", OLD[:4])
    assert complete_index(tmp_path / "site", tmp_path / "last.json", PAGES) == 0
    assert docs_of(tmp_path / "site") == [(d["location"], d["title"]) for d in OLD[:4]]
    assert json.loads((tmp_path / "last.json").read_text())["docs"] == OLD[:4]


def test_a_page_rendered_alone_takes_its_place_and_the_others_come_from_the_last_build(tmp_path):
    (tmp_path / "last.json").write_text(json.dumps({"config": {}, "docs": OLD}), encoding="utf-8")
    write_index(tmp_path / "site", [entry("berattelser/a/", "A ny")])
    assert complete_index(tmp_path / "site", tmp_path / "last.json", PAGES) == 2
    assert docs_of(tmp_path / "site") == [("", "Start"), ("berattelser/a/", "A ny"), ("berattelser/b/", "B")]


def test_again_and_again_the_index_does_not_grow(tmp_path):
    (tmp_path / "last.json").write_text(json.dumps({"config": {}, "docs": OLD}), encoding="utf-8")
    for round_ in range(3):
        write_index(tmp_path / "site", [entry("berattelser/a/", f"A {round_}"), entry("berattelser/a/#del", "del")])
        complete_index(tmp_path / "site", tmp_path / "last.json", PAGES)
        assert len(docs_of(tmp_path / "site")) == 4


def test_a_new_page_comes_last(tmp_path):
    (tmp_path / "last.json").write_text(json.dumps({"config": {}, "docs": OLD[:2]}), encoding="utf-8")
    write_index(tmp_path / "site", [entry("berattelser/b/", "B")])
    complete_index(tmp_path / "site", tmp_path / "last.json", PAGES)
    assert docs_of(tmp_path / "site") == [("", "Start"), ("berattelser/a/", "A"), ("berattelser/b/", "B")]
