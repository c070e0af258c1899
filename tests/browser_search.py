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
    page.keyboard.type(query)  # Material listens to key events; fill() alone does not search
    page.wait_for_function(
        "() => { const m = document.querySelector('.md-search-result__meta'); "
        "return m && /\\d|Inga|No matching/.test(m.textContent); }", timeout=10000)
    page.wait_for_timeout(50)
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
