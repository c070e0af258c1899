"""Indicator charts, their tables, the matrix and Indikatorer i korthet, in the real built site and Chromium.

What a reader sees: chart text that stays readable on a phone, no page that scrolls sideways, tables
that say when they scroll and can be scrolled from the keyboard, matrix heads with short and full
names, and an overview whose values match the catalog (read here, not written into the test).
"""

import re

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from sitebuild import ROOT
from sweeps import axe_each, each_loaded

from macros.content.catalog import load_catalog
from macros.content.workflow import is_listed
from macros.views import charts, sanitize

pytestmark = pytest.mark.innehall  # this repository's indicators, on its own site

PHONE, DESKTOP = {"width": 390, "height": 844}, {"width": 1366, "height": 768}
YEAR = re.compile(r"(?<!\d)(19|20)\d{2}(?!\d)")

# Every element in the chart that holds text of its own, with its computed font size in px.
CHART_TEXT_SIZES = """() => [...document.querySelectorAll('figure.kb-diagram, figure.kb-diagram *')]
  .filter(e => [...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim()))
  .map(e => [e.textContent.trim().slice(0, 40), parseFloat(getComputedStyle(e).fontSize)])"""


@pytest.fixture(scope="module")
def catalog():
    return load_catalog(ROOT)


@pytest.fixture(scope="module")
def indicators(catalog):
    return sorted((i for i in catalog.of_type("indicator") if is_listed(i, catalog.today)), key=lambda i: i.title)


def values(item) -> list[dict]:
    return [p for p in item.data.get("serie") or [] if isinstance(p.get("varde"), (int, float))]


@pytest.fixture(scope="module")
def charted(indicators):
    found = [i for i in indicators if values(i)]
    if not found:  # a new region's repository before its first values (make ny-region): said, never passed
        pytest.skip("inga indikatorer med värden i katalogen ännu: testet har inget att pröva")
    return found


def open_page(browser, site_url, path, viewport):
    context = browser.new_context(locale="sv-SE", viewport=viewport)
    tab = context.new_page()
    tab.goto(site_url + path, wait_until="load")
    return context, tab


def each_page(browser, site_url, paths, viewport):
    """Each path in turn at the given size, loaded (the next ones load meanwhile in a second tab)."""
    context = browser.new_context(locale="sv-SE", viewport=viewport)
    try:
        yield from each_loaded(context, site_url, paths, wait_until="load")
    finally:
        context.close()


def wait_until(tab, condition: str, element, timeout: float = 5000) -> None:
    """Wait (no longer than needed) for condition(element) in the page; the assertion after it says what failed."""
    try:
        tab.wait_for_function(condition, arg=element.element_handle(), timeout=timeout)
    except PlaywrightTimeout:
        pass


def digits(text: str) -> str:
    return re.sub(r"\s", "", text)


def indicator_pages(indicators) -> list[str]:
    return [i.url for i in indicators] + ["indikatorer/", "kartor/matris/"]


def test_chart_text_stays_readable_on_a_phone(browser, site_url, charted):
    small = []
    for path, tab in each_page(browser, site_url, [i.url for i in charted], PHONE):
        sizes = tab.evaluate(CHART_TEXT_SIZES)
        assert sizes, f"/{path}: inget diagram med text"
        small += [f"/{path}: ”{text}” {size} px" for text, size in sizes if size < 12]
    assert small == [], "Text i diagram under 12 px på en 390 px bred skärm:\n" + "\n".join(small)


def test_periods_say_when_the_source_names_no_year(built_site, charted):
    for item in charted:
        html = (built_site / item.url / "index.html").read_text(encoding="utf-8")
        chart = re.search(r'<figure class="kb-diagram">.*?</figure>', html, re.S).group(0)
        table = re.search(r'<table class="kb-tabell">.*?</table>', html, re.S).group(0)
        undated = [p for p in values(item) if not YEAR.search(str(p["period"]))]
        assert ("Källan anger inte vilka år" in chart) == bool(undated), item.url
        for point in undated:
            cell = (
                "Anges inte i källan"
                if "anges inte" in point["period"].lower()
                else f"{point['period']} (källan anger inte vilket år)"
            )
            assert f"<td>{cell}</td>" in table, (item.url, cell)
        assert "Förra året</td>" not in table and "I år</td>" not in table  # never a bare relative period


def test_no_page_scrolls_sideways_on_a_phone(browser, site_url, indicators):
    viewport = PHONE
    wide = []
    for path, tab in each_page(browser, site_url, indicator_pages(indicators), viewport):
        width = tab.evaluate("document.documentElement.scrollWidth")
        if width > viewport["width"]:
            wide.append(f"/{path}: {width} px")
    assert wide == [], f"Sidor bredare än {viewport['width']} px:\n" + "\n".join(wide)


def test_no_page_scrolls_sideways_on_a_desktop(real_site_visits, indicators):
    """At 1366 px from the one walk of the real site (tests/sweeps.py), which loads every page at that size."""
    viewport = DESKTOP
    wide = []
    for path in indicator_pages(indicators):
        width, inner = real_site_visits.visits[path].width
        assert inner == viewport["width"], path
        if width > viewport["width"]:
            wide.append(f"/{path}: {width} px")
    assert wide == [], f"Sidor bredare än {viewport['width']} px:\n" + "\n".join(wide)


BOXES = """() => [...document.querySelectorAll('.kb-tabellrulle')].map(box => {
  const hint = box.querySelector('.kb-rullhint');
  return {overflows: box.scrollWidth > box.clientWidth + 1, tabindex: box.getAttribute('tabindex'),
          role: box.getAttribute('role'), name: box.getAttribute('aria-label') || '',
          hint: hint ? hint.getBoundingClientRect().height > 0 && getComputedStyle(hint).visibility !== 'hidden' : false};
})"""


def test_table_scroll_boxes_say_when_they_scroll_and_take_the_keyboard(browser, site_url, charted):
    overflowing = 0
    for path, tab in each_page(browser, site_url, [i.url for i in charted] + ["kartor/matris/"], PHONE):
        boxes = tab.evaluate(BOXES)
        assert boxes, f"/{path}: ingen tabell i en rullruta"
        for box in boxes:
            assert box["tabindex"] == "0" and box["role"] == "region" and box["name"].strip(), (path, box)
            # The cue shows exactly when there is more to see.
            assert box["hint"] == box["overflows"], (path, box)
            overflowing += box["overflows"]
        if any(b["overflows"] for b in boxes):
            scroller = tab.locator(".kb-tabellrulle").nth([b["overflows"] for b in boxes].index(True))
            scroller.focus()
            tab.keyboard.press("ArrowRight")
            wait_until(tab, "e => e.scrollLeft > 0", scroller)
            assert scroller.evaluate("e => e.scrollLeft") > 0, f"/{path}: tabellen rullar inte med tangentbordet"
    assert overflowing, "ingen tabell var bredare än sin ruta: ledtråden prövades aldrig"


def test_matrix_keeps_its_first_column_and_names_each_strategy_in_full(browser, site_url, catalog):
    strategies = [s for s in catalog.of_type("strategy") if is_listed(s, catalog.today)]
    k2 = catalog.items["k2"]
    full = f"{k2.data['kod']} {k2.title}"
    context, tab = open_page(browser, site_url, "kartor/matris/", DESKTOP)
    # All columns fit at 1366 px: nothing is clipped after R1.
    fits = tab.evaluate(
        "[...document.querySelectorAll('.kb-matris-rulle')].map(b => b.scrollWidth <= b.clientWidth + 1)"
    )
    assert fits and all(fits)
    heads = tab.locator(".kb-matris-rulle").first.locator("thead th.kb-matris-strategi")
    assert heads.count() == len(strategies)
    head = heads.filter(has_text="K2").first
    assert re.sub(r"\s+", " ", head.inner_text()).strip() == f"K2 {k2.data['kortnamn']}"
    assert tab.get_by_role("columnheader", name=full).count() == 2  # both tables, the full name for screen readers
    names = tab.locator(".kb-matris-namn").first
    head.hover()
    assert names.get_by_text(full).is_visible()
    tab.mouse.move(0, 0)
    assert not names.get_by_text(full).is_visible()
    head.locator("a").focus()
    assert names.get_by_text(full).is_visible()
    context.close()

    context, tab = open_page(browser, site_url, "kartor/matris/", PHONE)
    box = tab.locator(".kb-matris-rulle").first
    row_head = box.locator("tbody th[scope=row]").first
    before = row_head.bounding_box()["x"]
    box.evaluate("b => b.scrollLeft = 300")
    wait_until(tab, "b => b.scrollLeft > 0", box)
    assert box.evaluate("b => b.scrollLeft") > 0 and abs(row_head.bounding_box()["x"] - before) < 1
    context.close()


def expected_change(item):
    """The latest change against the previous value in the same scope: (word, verdict, old, new) or None."""
    found = values(item)
    last = found[-1]
    before = [p for p in found[:-1] if p.get("omfattning") == last.get("omfattning")]
    if not before or before[-1]["varde"] == last["varde"]:
        return None
    old, new = before[-1]["varde"], last["varde"]
    better = {"hogre-ar-battre": new > old, "lagre-ar-battre": new < old}.get(item.data.get("riktning"))
    verdict = "" if better is None else ("åt rätt håll" if better else "åt fel håll")
    return ("Ökade" if new > old else "Minskade"), verdict, old, new


def number_text(value) -> str:
    """How the value reads with spaces removed and trailing decimal zeros dropped: 1113, 0,4, 45,5."""
    return f"{value}".replace(".", ",")


def test_overview_lists_every_indicator_with_its_latest_value(browser, site_url, indicators):
    context, tab = open_page(browser, site_url, "indikatorer/", PHONE)
    rows = tab.locator("table.kb-korthet tbody tr")
    assert rows.count() == len(indicators)
    seen = set()
    for index in range(rows.count()):
        row = rows.nth(index)
        title = row.locator("th[scope=row]").inner_text().strip()
        item = next(i for i in indicators if i.title == title)
        seen.add(item.id)
        cells = {c.get_attribute("data-rubrik"): c.inner_text() for c in row.locator("td").all()}
        found = values(item)
        if not found:
            assert cells["Senaste värde"].strip() == "inga värden i källorna", title
            continue
        last = found[-1]
        assert re.sub(r"(,\d*?)0+\b", r"\1", digits(cells["Senaste värde"])).startswith(number_text(last["varde"])), (
            title
        )
        assert str(item.data["enhet"]) in cells["Senaste värde"], title
        assert cells["Period"].startswith(str(last["period"])), title
        assert cells["Gäller"].strip() == str(last["omfattning"]), title
        change, direction = expected_change(item), cells["Riktning"]
        if change is None:
            assert "Ökade" not in direction and "Minskade" not in direction, (title, direction)
            continue
        word, verdict, old, new = change
        plain = re.sub(r"(,\d*?)0+\b", r"\1", digits(direction))
        assert f"{word}från{number_text(old)}till{number_text(new)}" in plain, (title, direction)
        assert (verdict in direction) if verdict else ("håll" not in direction), (title, direction)
    assert seen == {i.id for i in indicators}
    # On a phone each row is a card with its labels; the overview is as wide as the screen.
    assert tab.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    context.close()


def test_generated_chart_and_table_markup_passes_the_allow_list(charted):
    for item in charted:
        markup = charts.bar_chart(item) + charts.data_table(item)
        assert sanitize.removals(markup, generated=True) == [], item.url
        cleaned = sanitize.clean_generated(markup)
        assert cleaned.count('tabindex="0"') == 1 and cleaned.count("<rect width=") == len(values(item)), item.url


def test_axe_finds_nothing_on_charts_matrix_and_overview_on_a_phone(browser, site_url, charted):
    """The phone layouts (stacked bars, overview cards, sticky column); test_browser_accessibility.py checks
    every page at the default size."""
    problems = []
    context = browser.new_context(locale="sv-SE", viewport=PHONE)
    try:
        found = axe_each(context, site_url, [i.url for i in charted] + ["indikatorer/", "kartor/matris/"])
    finally:
        context.close()
    for path, violations in found.items():
        problems += [f"/{path}: {v['id']}: {[n['target'] for n in v['nodes'][:3]]}" for v in violations]
    assert problems == [], "Tillgänglighetsfel:\n" + "\n".join(problems)
