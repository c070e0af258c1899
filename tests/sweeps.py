"""One visit per page of the real site for every check that reads a page as a reader first opens it.

Three tests used to walk all pages of the real site, each in its own fresh browser context at the
default size: axe-core (test_browser_accessibility.py), the hosts the page requests
(test_browser_privacy.py) and the journey boxes a fresh reader sees (test_journeys_browser.py). They
read the same page in the same state, so one walk serves them all (conftest: real_site_visits), and the
contributor guide's axe test reads its page from the same walk. The walk runs at a desktop size
(DESKTOP) and records each page's width there, so the checks that no page scrolls sideways on a
desktop read it too instead of walking the site again. Each page is loaded, its journey
machinery read at once, then axe-core runs; before the tab moves on, the network has been idle (as
wait_until="networkidle" waits). Requests and script errors are recorded per page.

Two tabs take turns: while axe-core works in one tab's renderer, the next page loads in the other, so
both cores work. The pages under introduktion/ come last: opening a journey is the one thing that
writes to the reader's storage, and the fresh-reader check reads the storage before them.
"""

from collections import deque
from dataclasses import dataclass, field

from axe_playwright_python.sync_playwright import Axe

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}
JOURNEYS = "introduktion/"
CURRENT = "kb-introduktion:aktuellt"  # the journey the reader follows, in localStorage
# What a reader can see of the journey machinery on a page: boxes and their step checkboxes.
SHOWN_JS = """() => ({
  boxes: Array.from(document.querySelectorAll('.kb-stegruta:not([hidden])'))
    .map(b => b.getAttribute('data-kb-stegruta')),
  visible: Array.from(document.querySelectorAll('.kb-stegruta'))
    .filter(b => b.checkVisibility()).map(b => b.getAttribute('data-kb-stegruta')),
  checkboxes: Array.from(document.querySelectorAll('.md-content input[type=checkbox]'))
    .filter(e => e.checkVisibility()).map(e => e.id),
})"""
MEMBER_JS = "() => document.querySelectorAll('.kb-stegruta').length > 0"
WIDTH_JS = "() => [document.documentElement.scrollWidth, window.innerWidth]"
DESKTOP = {"width": 1366, "height": 768}


AXE_SCRIPT = Axe().axe_script


def start_axe(tab) -> None:
    """axe-core injected as axe_playwright_python's Axe.run injects it (after the load), and started: it runs
    on in the tab's renderer while this process turns to another tab. axe_violations(tab) waits for it."""
    tab.evaluate(AXE_SCRIPT)
    tab.evaluate("options => { window.kbAxeRun = axe.run(options); }", AXE_OPTIONS)


def axe_violations(tab) -> list:
    """The violations of the run start_axe began in this tab (Axe.run(...).response["violations"])."""
    return tab.evaluate("() => window.kbAxeRun")["violations"]


def each_loaded(context, site_url: str, paths: list[str], wait_until: str = "load", tabs=2):
    """(path, tab) for each path in order, the page loaded as page.goto(url, wait_until=…) loads it; while a
    page is checked the next ones already load in the context's other tabs. A tab is the caller's until
    the next (path, tab) is asked for. tabs: how many to open, or the open tabs to use."""
    queue, loading = deque(paths), deque()
    if isinstance(tabs, int):
        tabs = [context.new_page() for _ in range(min(tabs, len(queue)))]

    def start(tab):
        path = queue.popleft()
        tab.goto(site_url + path, wait_until="commit")  # the new document is there; it loads on by itself
        loading.append((path, tab))

    for tab in tabs[: len(queue)]:
        start(tab)
    while loading:
        path, tab = loading.popleft()
        tab.wait_for_load_state(wait_until)
        yield path, tab
        if queue:
            start(tab)


def axe_each(context, site_url: str, paths: list[str], tabs: int = 2) -> dict:
    """axe-core's violations on each page (loaded as wait_until="load"), two tabs taking turns."""
    found, running = {}, {}
    pool = [context.new_page() for _ in range(min(tabs, len(paths)))]
    for number, path in enumerate(paths):
        tab = pool[number % len(pool)]
        if tab in running:
            found[running.pop(tab)] = axe_violations(tab)
        tab.goto(site_url + path, wait_until="load")
        start_axe(tab)
        running[tab] = path
    for tab, path in running.items():
        found[path] = axe_violations(tab)
    return {path: found[path] for path in paths}


@dataclass
class Visit:
    path: str
    shown: dict = field(default_factory=dict)  # SHOWN_JS right after the load
    member: bool = False  # the page is a step of some journey (it carries a step box)
    violations: list = field(default_factory=list)  # axe-core's response["violations"]
    requests: list = field(default_factory=list)  # every URL the page requested until the network was idle
    errors: list = field(default_factory=list)  # script errors and console errors
    width: tuple = (0, 0)  # (the page's scroll width, the window's width) at DESKTOP, right after the load


@dataclass
class Walk:
    visits: dict  # site path -> Visit, in the order of `pages`
    current_before_journeys: object  # localStorage[CURRENT] after every page outside introduktion/


def walk(browser, site_url: str, pages: list[str], tabs: int = 2) -> Walk:
    order = [p for p in pages if not p.startswith(JOURNEYS)] + [p for p in pages if p.startswith(JOURNEYS)]
    visits = {path: Visit(path) for path in pages}
    context = browser.new_context(locale="sv-SE", viewport=DESKTOP)
    current, running = {}, {}  # tab -> the path it shows; tab -> the path whose axe-core run is under way

    def listen(tab):
        tab.on("request", lambda request: visits[current[tab]].requests.append(request.url))
        tab.on("pageerror", lambda error: visits[current[tab]].errors.append(f"pageerror: {error}"))
        tab.on(
            "console",
            lambda message: (
                visits[current[tab]].errors.append(f"console: {message.text}") if message.type == "error" else None
            ),
        )

    def finish(tab):
        path = running.pop(tab)
        visits[path].violations = axe_violations(tab)
        tab.wait_for_load_state("networkidle")

    try:
        open_tabs = [context.new_page() for _ in range(tabs)]
        for tab in open_tabs:
            listen(tab)
        current_before = None
        for number, path in enumerate(order):
            if path.startswith(JOURNEYS) and (number == 0 or not order[number - 1].startswith(JOURNEYS)):
                for tab in list(running):
                    finish(tab)
                current_before = open_tabs[0].evaluate(f"() => localStorage.getItem('{CURRENT}')")
            tab = open_tabs[number % tabs]
            if tab in running:
                finish(tab)
            current[tab] = path
            tab.goto(site_url + path, wait_until="load")
            visits[path].shown = tab.evaluate(SHOWN_JS)
            visits[path].member = tab.evaluate(MEMBER_JS)
            visits[path].width = tuple(tab.evaluate(WIDTH_JS))
            start_axe(tab)
            running[tab] = path
        for tab in list(running):
            finish(tab)
        if not any(p.startswith(JOURNEYS) for p in order):
            current_before = open_tabs[0].evaluate(f"() => localStorage.getItem('{CURRENT}')")
    finally:
        context.close()
    return Walk(visits, current_before)
