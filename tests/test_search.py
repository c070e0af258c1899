"""Swedish search, measured: the real search box in Chromium and scripts/search.py, same queries.

Each query is typed into the real search box once per session (`searched`); the tests read the
results and what each result shows from there, as many of the first results as they need.
"""

import subprocess
import sys

import pytest
import yaml
from browser_search import open_search, search, shown_results
from search_quality import load_queries, score
from sitebuild import ROOT

TARGET_BROWSER_TOP3 = 0.95
RANKING = yaml.safe_load((ROOT / "tests" / "search_ranking.yml").read_text(encoding="utf-8"))
GLOSSARY = "ordlista/"
# Pages that gather or list other pages, and the contributor guide: never above the content they lead to.
GATHERING = ("amnen/", "bidra/", "berattelser/", "strategier/", "personas/", "indikatorer/", "kartor/")


def is_gathering(path: str) -> bool:
    return path in GATHERING or path.startswith(("amnen/", "bidra/"))


def abbreviations() -> list[str]:
    from macros.generate.search_index import ABBREVIATIONS
    from macros.generate.search_index import abbreviations as read

    return read(ROOT / ABBREVIATIONS)


@pytest.fixture(scope="module")
def search_page(browser, site_url):
    context = browser.new_context(locale="sv-SE")
    tab = context.new_page()
    open_search(tab, site_url)
    yield tab
    context.close()


@pytest.fixture(scope="module")
def searched(search_page, site_url):
    """searched(query) -> (the result pages, best first, as the search box lists them; what each result shows)."""
    found = {}

    def run(query: str):
        if query not in found:
            paths = search(search_page, site_url, query, limit=10_000)  # every result the list shows
            found[query] = paths, shown_results(search_page)
        return found[query]

    return run


@pytest.fixture(scope="module")
def offline(built_site):
    from macros.adapters.offline_search import BrowserSearch

    return BrowserSearch.from_site(built_site)


def all_queries() -> list[str]:
    return list(
        dict.fromkeys(
            [q["fraga"] for q in load_queries()]
            + [c["fraga"] for c in RANKING["titelord"]]
            + abbreviations()
            + RANKING["utdrag"]
        )
    )


def test_query_file_is_big_enough_and_points_at_real_pages(pages):
    queries = load_queries()
    assert len(queries) >= 40
    unknown = [p for q in queries for p in q["topp3"] if p not in pages]
    unknown += [c["forst"] for c in RANKING["titelord"] if c["forst"] not in pages]
    assert unknown == [], unknown


def test_browser_search_finds_the_right_pages(searched):
    queries = load_queries()
    results = {q["fraga"]: searched(q["fraga"])[0][:3] for q in queries}
    rates = score(queries, results)
    assert rates["top3"] >= TARGET_BROWSER_TOP3, "\n".join(rates["misses"])


# lunr's query syntax, which the search box passes on unstemmed: required, prohibited, wildcards.
OPERATOR_QUERIES = ["+trygg +hemgång", "hemgång -esther", "vård*", "*plan", "samordnad individuell plan^10"]


def test_command_line_ranks_exactly_like_the_browser(searched, offline):
    differ = []
    assert offline.search("hemgång -esther") != offline.search("hemgång")  # the operators do something
    for query in all_queries() + OPERATOR_QUERIES:
        in_browser = searched(query)[0][:5]
        on_command_line = [hit.location for hit in offline.search(query, 5)]
        if in_browser != on_command_line:
            differ.append(f"{query!r}: webbläsaren {in_browser}, kommandoraden {on_command_line}")
    assert differ == [], "\n".join(differ)


def test_every_result_shows_a_sentence_and_no_chips(searched):
    problems = []
    for query in RANKING["utdrag"] + [q["fraga"] for q in load_queries()]:
        results = searched(query)[1]
        assert results, f"inga träffar för {query!r}"
        for result in results:
            sentences = [t for t in result["texts"] if len(t) >= 20 and t != result["title"]]
            if not sentences or result["chips"]:
                problems.append(f"{query!r}: {result['title']} visar {result['texts']} och {result['chips']} etiketter")
    assert problems == [], "\n".join(problems)


def test_an_abbreviation_finds_the_glossary_among_the_first_three(searched):
    own_pages = set(RANKING["forkortningar_med_egna_sidor"])
    checked = [a for a in abbreviations() if a not in own_pages]
    assert len(checked) >= 10
    misses = {a: top for a in checked if GLOSSARY not in (top := searched(a)[0][:3])}
    assert misses == {}


def test_a_title_word_in_another_form_ranks_its_page_first(searched):
    misses = {c["fraga"]: top for c in RANKING["titelord"] if (top := searched(c["fraga"])[0][:1]) != [c["forst"]]}
    assert misses == {}


def test_gathering_pages_never_outrank_the_content_they_lead_to(searched):
    problems = []
    for query in load_queries():
        expected = query["topp3"][0]
        if is_gathering(expected):
            continue
        top = searched(query["fraga"])[0][:10]
        above = top[: top.index(expected)] if expected in top else top
        problems += [f"{query['fraga']!r}: {p} före {expected}" for p in above if is_gathering(p)]
    assert problems == [], "\n".join(problems)


def test_tag_listing_pages_leave_the_index_and_keywords_are_weighed_as_keywords(offline):
    locations = {e["location"].split("#")[0] for e in offline.entries()}
    assert "amnen/" in locations  # the browse page itself stays, weighed down
    assert not [x for x in locations if x.startswith("amnen/") and x != "amnen/"]
    sip = "indikatorer/sip-upplevd-delaktighet/"
    page = next(e for e in offline.entries() if e["location"] == sip)
    assert "patientkontrakt" not in (page["title"] + page["text"]).lower()  # a keyword only (sokord)
    number = next(p for p in range(offline.manifest["pages"]) if offline.page(p)[0][0] == sip)
    # the keyword field's boost (800) against body text's (1): a keyword weighs like a title word
    from macros.generate.search_shards import root

    assert offline.postings(root("patientkontrakt"))[(number, 0)] > 100


def test_a_page_and_its_sections_are_listed_once_with_the_page_first(offline):
    entries = offline.entries()
    assert len({e["location"] for e in entries}) == len(entries)
    pages = [e["location"] for e in entries if "#" not in e["location"]]
    assert len(pages) == offline.manifest["pages"] and "ordlista/" in pages


def test_the_command_line_stemmer_is_the_browsers(search_page, site_url, built_site):
    """Every word of the index, stemmed by lunr.sv in Chromium and by the Python port."""
    import re

    from macros.adapters.offline_search import BrowserSearch
    from macros.generate.search_shards import stem, words_of

    offline = BrowserSearch.from_site(built_site)
    separator = re.compile(offline.config["separator"])
    words = sorted({w for d in offline.entries() for f in ("title", "text") for w in words_of(d.get(f), separator)})
    assert len(words) > 2000
    worker = next((built_site / "assets" / "javascripts" / "workers").glob("search.*.min.js")).name
    for script in (
        f"assets/javascripts/workers/{worker}",
        "assets/javascripts/lunr/min/lunr.stemmer.support.min.js",
        "assets/javascripts/lunr/min/lunr.sv.min.js",
    ):
        search_page.add_script_tag(url=site_url + script)
    in_browser = search_page.evaluate("ws => ws.map(w => lunr.sv.stemmer(w))", words)
    differ = [(w, b, stem(w)) for w, b in zip(words, in_browser, strict=True) if b != stem(w)]
    assert differ == []


def test_command_line_prints_title_type_and_path(built_site):
    out = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "search.py"), "hjärtsvikt", "--webbplats", str(built_site)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=True,
    ).stdout
    first = out.splitlines()[0]
    assert first == (
        "1. Vårddagar på sjukhus vid hjärtsvikt  [indikator]  docs/indikatorer/vardagar-vid-hjartsvikt.md  "
        "(/indikatorer/vardagar-vid-hjartsvikt/)"
    )
