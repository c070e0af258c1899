"""Type a query into the built site's real search box and read the results, as a person would.

Shared by tests/test_search.py and `make bench`.
"""

from urllib.parse import urljoin, urlparse

RESULT_LINKS = ".md-search-result__item > .md-search-result__link"
META = ".md-search-result__meta"

# What each result shows outside its folded "more" part: the page's title, the sentences under
# it (a teaser of the page or of its best sections) and any chips (Material's tag elements).
SHOWN_RESULTS = """() => [...document.querySelectorAll('.md-search-result__item')].map(item => {
  const articles = [...item.querySelectorAll(':scope > a > article')];
  const teaser = a => [...a.children]
    .filter(c => !/^H[12]$/.test(c.tagName) && !c.matches('.md-search-result__icon, .md-search-result__terms, nav'))
    .map(c => c.textContent.trim()).join(' ').trim();
  return {
    href: item.querySelector('a').href,
    title: articles[0].querySelector('h1').textContent.trim(),
    texts: articles.map(teaser).filter(t => t),
    chips: item.querySelectorAll('.md-tag, nav.md-tags').length,
  };
})"""


def open_search(page, site_url: str) -> None:
    page.goto(site_url, wait_until="load")
    page.click("input.md-search__input")
    # The worker builds the index in the browser; "Skriv för att söka" means it is ready.
    page.wait_for_function(
        "() => { const m = document.querySelector('.md-search-result__meta'); "
        "return m && !/Initialiserar|Initializing/i.test(m.textContent); }",
        timeout=30000,
    )


def search(page, site_url: str, query: str, limit: int = 3) -> list[str]:
    """Site paths (e.g. 'strategier/k2/') of the top result pages for a query, best first."""
    box = page.locator("input.md-search__input")
    box.fill("")
    page.wait_for_function("() => document.querySelectorAll('.md-search-result__item').length === 0", timeout=10000)
    box.click()
    # The whole query at once, then one key press: Material searches on key events, and typing
    # letter by letter would race the results of shorter prefixes against the final query.
    box.fill(query)
    box.press("End")
    page.wait_for_function(
        "() => { const m = document.querySelector('.md-search-result__meta'); "
        "return m && /\\d|Inga|No matching/.test(m.textContent); }",
        timeout=10000,
    )
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
        rel = site_path(site_url, href)
        if rel not in paths:
            paths.append(rel)
    return paths[:limit]


def site_path(site_url: str, href: str) -> str:
    path = urlparse(urljoin(site_url, href)).path
    base = urlparse(site_url).path
    rel = path[len(base) :] if path.startswith(base) else path.lstrip("/")
    return rel.split("#")[0]


def shown_results(page) -> list[dict]:
    """The results on screen after `search`: title, visible teaser texts, number of chips."""
    return page.evaluate(SHOWN_RESULTS)
