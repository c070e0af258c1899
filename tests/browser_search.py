"""Type a query into the built site's real search box and read the results, as a person would."""

from urllib.parse import urljoin, urlparse

RESULT_LINKS = ".md-search-result__item > .md-search-result__link"
META = ".md-search-result__meta"


def open_search(page, site_url: str) -> None:
    page.goto(site_url, wait_until="load")
    page.click("input.md-search__input")
    # The worker builds the index in the browser; "Skriv för att söka" means it is ready.
    page.wait_for_function(
        "() => { const m = document.querySelector('.md-search-result__meta'); "
        "return m && !/Initialiserar|Initializing/i.test(m.textContent); }", timeout=30000)


def search(page, site_url: str, query: str, limit: int = 3) -> list[str]:
    """Site paths (e.g. 'strategier/k2/') of the top result pages for a query, best first."""
    box = page.locator("input.md-search__input")
    box.fill("")
    page.wait_for_function("() => document.querySelectorAll('.md-search-result__item').length === 0",
                           timeout=10000)
    box.click()
    # The whole query at once, then one key press: Material searches on key events, and typing
    # letter by letter would race the results of shorter prefixes against the final query.
    box.fill(query)
    box.press("End")
    page.wait_for_function(
        "() => { const m = document.querySelector('.md-search-result__meta'); "
        "return m && /\\d|Inga|No matching/.test(m.textContent); }", timeout=10000)
    previous = None
    for _ in range(20):  # until two reads agree: the worker may still be answering
        current = page.eval_on_selector_all(RESULT_LINKS, "els => els.map(e => e.href).join(' ')")
        if current == previous:
            break
        previous = current
        page.wait_for_timeout(60)
    hrefs = page.eval_on_selector_all(RESULT_LINKS, "els => els.map(e => e.href)")
    paths = []
    for href in hrefs:
        path = urlparse(urljoin(site_url, href)).path
        base = urlparse(site_url).path
        rel = path[len(base):] if path.startswith(base) else path.lstrip("/")
        rel = rel.split("#")[0]
        if rel not in paths:
            paths.append(rel)
    return paths[:limit]
