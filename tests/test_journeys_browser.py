"""Journeys in headless Chromium, as a new manager would use them.

Most tests use the fixture site (base + tests/fixtures/sites/journeys), built and served here, so
they do not depend on the real content, which other people keep changing. The sweeps at the end run
over every page of the real site, so a new page or journey is covered without new test code.
"""

import re
from urllib.parse import urlencode, urlparse

import pytest
from axe_playwright_python.sync_playwright import Axe
from sitebuild import serve, unexpected_warnings
from sweeps import SHOWN_JS, each_loaded  # SHOWN_JS: what a reader can see of the journey machinery

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
JOURNEY = "introduktion/socialchef/"
STATUS = "[data-kb-framsteg]"
VISIBLE_BOX = "nav.kb-stegruta:visible"
CURRENT = "kb-introduktion:aktuellt"


@pytest.fixture(scope="module")
def url(fixture_sites):
    built = fixture_sites.get("base", "sites/journeys", today="2026-11-23")  # the build test_journeys.py reads
    result = built.result
    assert result.returncode == 0, result.stdout + result.stderr
    assert unexpected_warnings(result.stdout + result.stderr) == []
    base, shutdown = serve(built.site)
    yield base
    shutdown()


def path_of(page, base) -> str:
    return urlparse(page.url).path[len(urlparse(base).path) :]


def status_text(page) -> str:
    return page.locator(STATUS).inner_text()


def checked(page) -> list[bool]:
    return page.eval_on_selector_all(".kb-steg input[type=checkbox]", "els => els.map(e => e.checked)")


def stored(page, journey="socialchef"):
    return page.evaluate(f"() => localStorage.getItem('kb-introduktion:klara:{journey}')")


def tab_to(page, selector: str, key: str = "Tab", limit: int = 200) -> None:
    """Press Tab (or Shift+Tab) until the element matching selector has focus, as a keyboard user would."""
    for _ in range(limit):
        if page.evaluate("s => document.activeElement && document.activeElement.matches(s)", selector):
            return
        page.keyboard.press(key)
    raise AssertionError(f"{selector} never got focus with {key}")


def shown(page) -> dict:
    return page.evaluate(SHOWN_JS)


def errors_of(page) -> list[str]:
    """Collects script errors and console errors from now on."""
    found: list[str] = []
    page.on("pageerror", lambda e: found.append(f"pageerror: {e}"))
    page.on("console", lambda m: found.append(f"console: {m.text}") if m.type == "error" else None)
    return found


def axe_violations(page) -> list[str]:
    result = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]})
    return [
        f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes'][:3]]}" for v in result.response["violations"]
    ]


def test_follow_a_journey_from_start_to_end_with_next(page, url):
    page.goto(url + JOURNEY, wait_until="load")
    with page.expect_navigation(wait_until="load"):  # wait for the next page, not just the click
        page.locator("#steg-1 ~ ul a").first.click()
    visited = []
    for _ in range(10):
        path = path_of(page, url)
        if path == JOURNEY:
            break
        box = page.locator(VISIBLE_BOX)
        box.first.wait_for(state="visible", timeout=5000)
        assert box.count() == 1, path  # k2 is in two journeys: ?spar= keeps us on this one
        visited.append((path, re.search(r"Steg \d av \d", box.inner_text()).group(0)))
        with page.expect_navigation(wait_until="load"):
            box.locator("a[rel=next], a:has-text('Sista steget')").first.click()
    assert visited == [
        ("styrning/kommunalt-forum/", "Steg 1 av 3"),
        ("styrning/reko/", "Steg 1 av 3"),
        ("principer/bast-for-esther/", "Steg 2 av 3"),
        ("strategier/k2/", "Steg 3 av 3"),
        ("berattelser/trygg-hemgang/", "Steg 3 av 3"),
    ]
    assert path_of(page, url) == JOURNEY and urlparse(page.url).fragment == "steg-3"


def test_back_links_walk_the_journey_backwards(page, url):
    page.goto(url + "berattelser/trygg-hemgang/?spar=socialchef", wait_until="load")
    visited = []
    while path_of(page, url) != JOURNEY and len(visited) < 10:
        visited.append(path_of(page, url))
        with page.expect_navigation(wait_until="load"):
            page.locator(VISIBLE_BOX).locator("a[rel=prev]").click()
    assert visited == [
        "berattelser/trygg-hemgang/",
        "strategier/k2/",
        "principer/bast-for-esther/",
        "styrning/reko/",
        "styrning/kommunalt-forum/",
    ]


def test_a_fresh_reader_sees_no_box_and_no_checkbox(page, url):
    for path in ("strategier/k2/", "styrning/reko/", "personas/esther/"):
        page.goto(url + path, wait_until="load")
        assert shown(page) == {"boxes": [], "visible": [], "checkboxes": []}, path
        assert page.locator("nav.kb-stegruta").count() >= 1, path  # there, waiting: not missing


def test_arriving_through_the_journey_page_shows_exactly_that_journey(page, url):
    page.goto(url + "introduktion/skolchef/", wait_until="load")
    with page.expect_navigation(wait_until="load"):
        page.locator("#steg-1 ~ ul a").first.click()
    assert path_of(page, url) == "strategier/k2/"
    assert shown(page) == {"boxes": ["skolchef"], "visible": ["skolchef"], "checkboxes": ["kb-ruta-skolchef-1"]}
    assert "Steg 1 av 2 i Introduktion för skolchefer" in page.locator(VISIBLE_BOX).inner_text()


def test_a_page_in_two_journeys_shows_only_the_current_one(page, url):
    page.goto(url + "introduktion/skolchef/", wait_until="load")  # opening a journey makes it current
    page.goto(url + "strategier/k2/", wait_until="load")
    assert shown(page)["visible"] == ["skolchef"]
    page.goto(url + "strategier/k2/?spar=socialchef", wait_until="load")  # the link's journey wins ...
    assert shown(page)["visible"] == ["socialchef"]
    page.goto(url + "strategier/k2/", wait_until="load")  # ... and becomes the current one
    assert shown(page)["visible"] == ["socialchef"]
    assert page.evaluate(f"() => localStorage.getItem('{CURRENT}')") == "socialchef"


def test_after_ticking_in_one_journey_a_page_only_in_another_shows_nothing(page, url):
    page.goto(url + JOURNEY, wait_until="load")
    page.get_by_label("Steg 1 är klart").check()
    page.goto(url + "styrning/reko/", wait_until="load")  # in socialchef: its box
    assert shown(page)["visible"] == ["socialchef"]
    page.goto(url + "personas/esther/", wait_until="load")  # only in skolchef
    assert shown(page) == {"boxes": [], "visible": [], "checkboxes": []}
    page.goto(url + "strategier/k2/", wait_until="load")  # in both: only the current one
    assert shown(page)["visible"] == ["socialchef"]


HOSTILE = [
    "finns-inte",
    "",
    "socialchef ",
    "SOCIALCHEF",
    '"]><img src=x onerror=alert(1)>',
    "*",
    "__proto__",
    "constructor",
    "toString",
    "socialchef'] , [data-kb-stegruta",
    "%00",
    "<script>alert(1)</script>",
]


@pytest.mark.parametrize("current", [None, "skolchef"])
def test_a_bogus_or_hostile_journey_in_the_link_shows_nothing_and_breaks_nothing(page, url, current):
    errors = errors_of(page)
    page.on("dialog", lambda d: errors.append(f"dialog: {d.message}") or d.dismiss())
    if current:
        page.goto(url + f"introduktion/{current}/", wait_until="load")
    for value in HOSTILE:
        page.goto(url + "strategier/k2/?" + urlencode({"spar": value}), wait_until="load")
        assert shown(page)["visible"] == ([current] if current else []), value
        assert page.locator("img[src=x], nav.kb-stegruta img").count() == 0
        assert page.evaluate(f"() => localStorage.getItem('{CURRENT}')") == current, value
    page.evaluate(f"() => localStorage.setItem('{CURRENT}', '\"]><b>')")  # storage is the reader's to change too
    page.goto(url + "strategier/k2/", wait_until="load")
    assert shown(page)["visible"] == []
    assert errors == []


def test_leaving_the_journey_hides_the_box_and_forgets_it(page, url):
    page.goto(url + "styrning/reko/?spar=socialchef", wait_until="load")
    box = page.locator(VISIBLE_BOX)
    box.get_by_role("button", name="Lämna spåret").click()
    assert shown(page) == {"boxes": [], "visible": [], "checkboxes": []}
    note = page.locator(".kb-stegruta-lamnad")
    assert note.is_visible() and "Du har lämnat introduktionsspåret." in note.inner_text()
    assert note.evaluate("n => n === document.activeElement")  # the keyboard is not dropped at the top
    assert page.evaluate(f"() => localStorage.getItem('{CURRENT}')") is None
    page.goto(url + "strategier/k2/", wait_until="load")
    assert shown(page)["visible"] == []
    page.goto(url + "styrning/reko/", wait_until="load")
    assert shown(page)["visible"] == [] and not page.locator(".kb-stegruta-lamnad").is_visible()


def test_leaving_works_from_the_keyboard(page, url):
    page.goto(url + "styrning/reko/?spar=socialchef", wait_until="load")
    tab_to(page, "[data-kb-lamna]")
    page.keyboard.press("Enter")
    assert shown(page)["visible"] == []
    assert page.evaluate(f"() => localStorage.getItem('{CURRENT}')") is None


def test_ticks_persist_across_reloads_progress_updates_and_reset_clears(page, url):
    page.goto(url + JOURNEY, wait_until="load")
    assert page.locator("[data-kb-verktyg]").is_visible()
    assert status_text(page) == "0 av 3 klara"
    page.get_by_label("Steg 1 är klart").check()
    assert status_text(page) == "1 av 3 klara"
    page.get_by_label("Steg 3 är klart").check()
    assert status_text(page) == "2 av 3 klara"
    assert page.locator("progress").evaluate("e => e.value") == 2
    assert page.locator(".kb-steg--klar").count() == 2
    page.reload(wait_until="load")
    assert checked(page) == [True, False, True]
    assert status_text(page) == "2 av 3 klara"
    assert stored(page) == '["sa-styrs-samverkan","strategin-k2-i-praktiken"]'
    page.get_by_label("Steg 2 är klart").check()
    assert status_text(page) == "3 av 3 klara. Du har gått igenom hela spåret."
    page.get_by_role("button", name="Börja om").click()
    assert checked(page) == [False, False, False]
    assert status_text(page) == "Alla bockar är borttagna. 0 av 3 klara"
    assert stored(page) is None
    page.reload(wait_until="load")
    assert checked(page) == [False, False, False] and status_text(page) == "0 av 3 klara"


def test_ticks_are_kept_per_journey(page, url):
    page.goto(url + JOURNEY, wait_until="load")
    page.get_by_label("Steg 1 är klart").check()
    page.goto(url + "introduktion/skolchef/", wait_until="load")
    assert checked(page) == [False, False] and status_text(page) == "0 av 2 klara"


def test_keyboard_alone_can_tick_and_reset(page, url):
    page.goto(url + JOURNEY, wait_until="load")
    tab_to(page, "#kb-klar-socialchef-2")
    page.keyboard.press("Space")
    assert checked(page) == [False, True, False] and status_text(page) == "1 av 3 klara"
    tab_to(page, "#kb-klar-socialchef-3")
    page.keyboard.press("Space")
    assert status_text(page) == "2 av 3 klara"
    tab_to(page, "[data-kb-borja-om]", key="Shift+Tab")
    page.keyboard.press("Enter")
    assert checked(page) == [False, False, False] and status_text(page).endswith("0 av 3 klara")
    tab_to(page, "#kb-klar-socialchef-1")
    page.keyboard.press("Space")
    tab_to(page, "[data-kb-borja-om]", key="Shift+Tab")
    page.keyboard.press("Space")  # a real button answers to Space as well as Enter
    assert checked(page) == [False, False, False]


def test_the_step_box_ticks_the_same_step_and_the_start_page_shows_progress(page, url):
    page.goto(url + "styrning/reko/?spar=socialchef", wait_until="load")
    page.locator(VISIBLE_BOX).get_by_label("Steg 1 är klart").check()
    page.goto(url + "styrning/kommunalt-forum/?spar=socialchef", wait_until="load")
    assert page.locator(VISIBLE_BOX).get_by_label("Steg 1 är klart").is_checked()
    page.goto(url + JOURNEY, wait_until="load")
    assert checked(page) == [True, False, False] and status_text(page) == "1 av 3 klara"
    page.goto(url + "introduktion/", wait_until="load")
    status = page.locator("[data-kb-spar-status=socialchef]")
    assert status.is_visible() and status.inner_text() == "Påbörjat: 1 av 3 klara."
    assert not page.locator("[data-kb-spar-status=skolchef]").is_visible()


def test_print_button_prints_and_the_print_shows_questions_with_answers_at_the_end(page, url):
    page.goto(url + JOURNEY, wait_until="load")
    page.evaluate("() => { window.__printed = 0; window.print = () => { window.__printed++; }; }")
    page.get_by_role("button", name="Skriv ut").click()
    assert page.evaluate("() => window.__printed") == 1
    assert not page.locator(".kb-spar__facit").is_visible()  # on screen the answers wait behind each question
    page.locator("summary", has_text="Vilket organ är politiskt?").click()
    page.emulate_media(media="print")
    for hidden in (".md-header", ".md-sidebar--primary", ".md-footer", "[data-kb-borja-om]", "[data-kb-skriv-ut]"):
        assert not page.locator(hidden).first.is_visible(), hidden
    assert page.locator("summary", has_text="Vilket organ är politiskt?").is_visible()
    assert not page.locator(".kb-steg details p", has_text="Kommunalt forum.").is_visible()
    assert page.locator(".kb-spar__facit").is_visible()
    assert "Kommunalt forum." in page.locator(".kb-spar__facit").inner_text()
    after = page.locator(".kb-steg a", has_text="Kommunalt forum").evaluate(
        "a => getComputedStyle(a, '::after').content"
    )
    assert after == f'" – {url}styrning/kommunalt-forum/"'  # the address, without ?spar=
    page.goto(url + "strategier/k2/?spar=socialchef", wait_until="load")
    page.emulate_media(media="screen")
    assert page.locator(VISIBLE_BOX).count() == 1
    page.emulate_media(media="print")
    assert page.locator(VISIBLE_BOX).count() == 0  # no use on paper


def test_without_script_no_box_shows_and_the_journey_page_is_the_way(browser, url):
    context = browser.new_context(java_script_enabled=False, locale="sv-SE")
    page = context.new_page()
    try:
        page.goto(url + "strategier/k2/?spar=socialchef", wait_until="load")
        assert page.locator(VISIBLE_BOX).count() == 0
        assert page.locator(".md-content input[type=checkbox]:visible").count() == 0
        page.goto(url + JOURNEY, wait_until="load")
        assert not page.locator("[data-kb-verktyg]").is_visible()
        assert page.locator(".kb-steg a[href*='?spar=socialchef']").count() == 5  # every step's pages
        assert page.locator("summary", has_text="Vilket organ är politiskt?").is_visible()
    finally:
        context.close()


def test_nothing_but_local_storage_is_used(page, url):
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(url + JOURNEY, wait_until="networkidle")
    page.get_by_label("Steg 1 är klart").check()
    page.get_by_role("button", name="Börja om").click()
    page.goto(url + "strategier/k2/?spar=socialchef", wait_until="networkidle")
    assert page.context.cookies() == []
    assert [r for r in requests if urlparse(r).hostname != "127.0.0.1" and not r.startswith("data:")] == []


@pytest.mark.parametrize(
    "path", [JOURNEY, "introduktion/", "strategier/k2/?spar=skolchef", "styrning/reko/?spar=socialchef"]
)
def test_axe_finds_nothing_on_journey_pages(page, url, path):
    if path == "introduktion/":
        page.goto(url + JOURNEY, wait_until="load")
        page.get_by_label("Steg 1 är klart").check()  # so the start page shows its progress line too
    page.goto(url + path, wait_until="load")
    if path == JOURNEY:
        page.get_by_label("Steg 2 är klart").check()
        page.locator("summary").first.click()  # an answer open
    else:
        assert path == "introduktion/" or page.locator(VISIBLE_BOX).count() == 1  # axe sees the box
    assert axe_violations(page) == []


def test_axe_finds_nothing_once_the_reader_has_left(page, url):
    page.goto(url + "styrning/reko/?spar=socialchef", wait_until="load")
    page.locator(VISIBLE_BOX).get_by_role("button", name="Lämna spåret").click()
    assert page.locator(".kb-stegruta-lamnad").is_visible()
    assert axe_violations(page) == []


# --- Sweeps over every page of the real site -----------------------------------------------------


def test_real_site_fresh_reader_sees_no_box_and_no_checkbox_outside_the_journeys(real_site_visits, pages):
    """Read from the walk over the real site (tests/sweeps.py), which opens the journeys last."""
    problems, members, errors = [], 0, []
    for path in pages:
        if path.startswith("introduktion/"):
            continue
        visit = real_site_visits.visits[path]
        seen = visit.shown
        if seen != {"boxes": [], "visible": [], "checkboxes": []}:
            problems.append(f"/{path}: {seen}")
        members += visit.member
        errors += visit.errors
    assert real_site_visits.current_before_journeys is None
    assert problems == [] and errors == []
    assert members > 0  # the sweep did meet pages that are steps


def test_real_site_every_step_link_shows_exactly_its_journey(browser, site_url, pages):
    context = browser.new_context(locale="sv-SE")
    page, second = context.new_page(), context.new_page()  # the links load in turns in both tabs
    errors, errors_second = errors_of(page), errors_of(second)
    problems, checked_links = [], 0
    try:
        for journey_path in [p for p in pages if p.startswith("introduktion/") and p != "introduktion/"]:
            page.goto(site_url + journey_path, wait_until="load")
            journey = page.locator("[data-kb-spar]").get_attribute("data-kb-spar")
            links = page.eval_on_selector_all(".kb-steg a[href*='?spar=']", "els => els.map(a => a.href)")
            for link, tab in each_loaded(context, "", list(dict.fromkeys(links)), tabs=[page, second]):
                checked_links += 1
                seen = shown(tab)
                if seen["visible"] != [journey] or len(seen["checkboxes"]) != 1:
                    problems.append(f"{journey} → {urlparse(link).path}: {seen}")
    finally:
        context.close()
    errors += errors_second
    assert problems == [] and errors == []
    assert checked_links > 0
