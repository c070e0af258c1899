"""A page view that does not search downloads no search index (macros/templates/assets/javascripts/sok-vid-behov.js).

Material 9.8.1 fetches search/search_index.json at start-up; our script, loaded before its bundle,
holds that one request back until the reader first reaches for search. In Chromium: open a page and
record every request; open search, type, see results; the index was requested exactly once.
"""

import pytest
from sitebuild import serve

INDEX = "search/search_index.json"


@pytest.fixture(scope="module")
def small_site_url(fixture_sites):
    built = fixture_sites.get("base")
    assert built.result.returncode == 0, built.result.stdout + built.result.stderr
    url, stop = serve(built.site)
    yield url
    stop()


def index_requests(tab) -> list:
    found = []
    tab.on("request", lambda request: found.append(request.url) if INDEX in request.url else None)
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
    assert requested == []
    tab.click("input.md-search__input")
    tab.keyboard.type("hemgång")
    wait_for_results(tab)
    assert len(requested) == 1
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
