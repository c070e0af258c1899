"""A page view that does not search downloads no search index (macros/templates/assets/javascripts/sok-vid-behov.js).

Material 9.8.1 fetches search/search_index.json (now the split index's manifest) at start-up; our
script, loaded before its bundle, holds that one request back until the reader first reaches for
search, and the worker (workers/sok-sv.js) fetches the shards of a query's words only when it is
asked. In Chromium: open a page and record every request under search/; open search, type, see
results; the manifest was requested exactly once, and only a few of the index's files.
"""

import pytest
from sitebuild import serve

INDEX = "search/search_index.json"
SEARCH_FILES = "/search/"


SITES = {}


@pytest.fixture(scope="module")
def small_site_url(fixture_sites):
    built = fixture_sites.get("base")
    assert built.result.returncode == 0, built.result.stdout + built.result.stderr
    url, stop = serve(built.site)
    SITES[url] = built.site
    yield url
    stop()


def built_files(url) -> list[str]:
    return [p.as_posix() for p in (SITES[url] / "search").rglob("*.json")]


def index_requests(tab) -> list:
    """The manifest's requests; every request for a file of the index is in `tab.search_files`."""
    found, files = [], []
    tab.on("request", lambda request: found.append(request.url) if INDEX in request.url else None)
    tab.on("request", lambda request: files.append(request.url) if SEARCH_FILES in request.url else None)
    tab.search_files = files
    return found


def wait_for_results(tab) -> None:
    tab.wait_for_selector(".md-search-result__item", timeout=30000)


@pytest.mark.langsam
def test_a_page_view_without_search_requests_no_index_and_search_fetches_it_once(browser, small_site_url):
    context = browser.new_context(locale="sv-SE")
    tab = context.new_page()
    requested = index_requests(tab)
    tab.goto(small_site_url + "berattelser/trygg-hemgang/", wait_until="networkidle")
    tab.wait_for_timeout(500)
    assert requested == [] and tab.search_files == []
    tab.click("input.md-search__input")
    tab.keyboard.type("hemgång")
    wait_for_results(tab)
    assert len(requested) == 1
    shards = [u for u in tab.search_files if "/search/kb/t/" in u]
    pages = [u for u in tab.search_files if "/search/kb/s/" in u]
    assert shards and pages and len(set(tab.search_files)) == len(tab.search_files)  # each file once
    every_file = [p for p in built_files(small_site_url) if "/kb/" in p]
    assert len(set(shards + pages)) < len(every_file) / 4  # a query reads a small part of the index
    assert "Trygg hemgång" in tab.inner_text(".md-search-result")
    context.close()


@pytest.mark.langsam
def test_the_search_toggle_on_a_phone_releases_the_index(browser, small_site_url):
    context = browser.new_context(locale="sv-SE", viewport={"width": 390, "height": 844})
    tab = context.new_page()
    requested = index_requests(tab)
    tab.goto(small_site_url, wait_until="networkidle")
    assert requested == []
    tab.click("label[for=__search]")
    tab.keyboard.type("Esther")
    wait_for_results(tab)
    assert len(requested) == 1
    context.close()


@pytest.mark.langsam
def test_a_q_link_opens_the_search_with_results_at_once(browser, small_site_url):
    context = browser.new_context(locale="sv-SE")
    tab = context.new_page()
    requested = index_requests(tab)
    tab.goto(small_site_url + "?q=hemg%C3%A5ng")
    wait_for_results(tab)
    assert len(requested) == 1 and "Trygg hemgång" in tab.inner_text(".md-search-result")
    context.close()
