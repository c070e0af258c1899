"""Journeys in headless Chromium, as a new manager would use them, on the journeys fixture site.

The fixture site (base + tests/fixtures/sites/journeys) is built and served here, so these tests
do not depend on the real content, which other people keep changing.
"""

import re
from urllib.parse import urlparse

import pytest
from axe_playwright_python.sync_playwright import Axe

from sitebuild import FIXTURES, build, make_fixture_project, serve, unexpected_warnings

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
JOURNEY = "introduktion/socialchef/"
STATUS = "[data-kb-framsteg]"
VISIBLE_BOX = "nav.kb-stegruta:visible"


@pytest.fixture(scope="module")
def url(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("journeys-browser")
    project = make_fixture_project(tmp, FIXTURES / "base", FIXTURES / "sites" / "journeys")
    result = build(project, tmp / "site", today="2026-11-23")
    assert result.returncode == 0, result.stdout + result.stderr
    assert unexpected_warnings(result.stdout + result.stderr) == []
    base, shutdown = serve(tmp / "site")
    yield base
    shutdown()


def path_of(page, base) -> str:
    return urlparse(page.url).path[len(urlparse(base).path):]


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


def axe_violations(page) -> list[str]:
    result = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS},
                                      "resultTypes": ["violations"]})
    return [f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes'][:3]]}"
            for v in result.response["violations"]]


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
    assert visited == [("styrning/kommunalt-forum/", "Steg 1 av 3"), ("styrning/reko/", "Steg 1 av 3"),
                       ("principer/bast-for-esther/", "Steg 2 av 3"), ("strategier/k2/", "Steg 3 av 3"),
                       ("berattelser/trygg-hemgang/", "Steg 3 av 3")]
    assert path_of(page, url) == JOURNEY and urlparse(page.url).fragment == "steg-3"


def test_back_links_walk_the_journey_backwards(page, url):
    page.goto(url + "berattelser/trygg-hemgang/?spar=socialchef", wait_until="load")
    visited = []
    while path_of(page, url) != JOURNEY and len(visited) < 10:
        visited.append(path_of(page, url))
        with page.expect_navigation(wait_until="load"):
            page.locator(VISIBLE_BOX).locator("a[rel=prev]").click()
    assert visited == ["berattelser/trygg-hemgang/", "strategier/k2/", "principer/bast-for-esther/",
                       "styrning/reko/", "styrning/kommunalt-forum/"]


def test_a_page_in_two_journeys_shows_the_one_the_reader_follows(page, url):
    page.goto(url + "strategier/k2/", wait_until="load")
    assert page.locator(VISIBLE_BOX).count() == 2  # nothing known yet: show both, one line each
    assert page.get_by_text("Sidan ingår i 2 introduktionsspår:").is_visible()
    assert page.locator(".kb-stegruta a[rel=next]:visible").count() == 2
    assert page.locator(".kb-stegruta a[rel=prev]:visible").count() == 0
    assert page.locator(".kb-stegruta input:visible").count() == 0
    page.goto(url + "introduktion/skolchef/", wait_until="load")
    page.goto(url + "strategier/k2/", wait_until="load")
    assert page.locator(VISIBLE_BOX).count() == 1
    assert "Steg 1 av 2 i Introduktion för skolchefer" in page.locator(VISIBLE_BOX).inner_text()
    assert not page.get_by_text("Sidan ingår i 2 introduktionsspår:").is_visible()
    assert page.locator(VISIBLE_BOX).locator("a[rel=prev]").is_visible()
    assert page.locator(VISIBLE_BOX).get_by_label("Steg 1 är klart").is_visible()
    page.goto(url + "strategier/k2/?spar=socialchef", wait_until="load")
    assert "Introduktion för socialchefer" in page.locator(VISIBLE_BOX).inner_text()
    page.goto(url + "strategier/k2/", wait_until="load")  # the link's journey is remembered
    assert "Introduktion för socialchefer" in page.locator(VISIBLE_BOX).inner_text()
    page.goto(url + "strategier/k2/?spar=finns-inte", wait_until="load")
    assert "Introduktion för socialchefer" in page.locator(VISIBLE_BOX).inner_text()


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
        "a => getComputedStyle(a, '::after').content")
    assert after == f'" – {url}styrning/kommunalt-forum/"'  # the address, without ?spar=
    page.goto(url + "strategier/k2/", wait_until="load")
    assert not page.locator("nav.kb-stegruta").first.is_visible()  # no use on paper


def test_without_script_every_box_shows_and_nothing_pretends_to_work(browser, url):
    context = browser.new_context(java_script_enabled=False, locale="sv-SE")
    page = context.new_page()
    try:
        page.goto(url + "strategier/k2/", wait_until="load")
        assert page.locator(VISIBLE_BOX).count() == 2
        assert not page.locator(".kb-stegruta__klar").first.is_visible()
        page.goto(url + JOURNEY, wait_until="load")
        assert not page.locator("[data-kb-verktyg]").is_visible()
        assert page.locator(".kb-steg input[type=checkbox]").count() == 3
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


@pytest.mark.parametrize("path", [JOURNEY, "introduktion/", "strategier/k2/", "styrning/reko/?spar=socialchef"])
def test_axe_finds_nothing_on_journey_pages(page, url, path):
    if path == "introduktion/":
        page.goto(url + JOURNEY, wait_until="load")
        page.get_by_label("Steg 1 är klart").check()  # so the start page shows its progress line too
    page.goto(url + path, wait_until="load")
    if path == JOURNEY:
        page.get_by_label("Steg 2 är klart").check()
        page.locator("summary").first.click()  # an answer open
    assert axe_violations(page) == []
