"""Karta in a real browser (the real site): lines, selection, the phone layout, filters, contrast, keyboard.

Expected values are read from the page's own data (each node's data-links), never written in here,
so the tests follow the content as it grows.
"""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe

pytestmark = pytest.mark.langsam  # builds and browses

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
DESKTOP, PHONE = (1366, 768), (390, 844)
WORDS = {
    "story": ("berättelse", "berättelser"),
    "strategy": ("strategi", "strategier"),
    "indicator": ("indikator", "indikatorer"),
}


def open_map(browser, site_url, size, phone=False):
    context = browser.new_context(
        viewport={"width": size[0], "height": size[1]}, locale="sv-SE", is_mobile=phone, has_touch=phone
    )
    tab = context.new_page()
    tab.goto(site_url + "kartor/karta/", wait_until="load")
    return context, tab


@pytest.fixture
def desktop(browser, site_url):
    context, tab = open_map(browser, site_url, DESKTOP)
    yield tab
    context.close()


@pytest.fixture
def phone(browser, site_url):
    context, tab = open_map(browser, site_url, PHONE, phone=True)
    yield tab
    context.close()


def graph(tab) -> dict:
    """id -> {typ, links, href, name, visible} as the page declares them."""
    return tab.evaluate("""() => Object.fromEntries([...document.querySelectorAll('.kb-nod')].map(n => [n.dataset.id, {
        typ: n.dataset.typ, owner: n.dataset.owner, links: (n.dataset.links || '').split(' ').filter(Boolean), href: n.dataset.href,
        name: n.querySelector(':scope > button').textContent, visible: !n.hidden}]))""")


def pairs(nodes) -> set[frozenset]:
    return {frozenset((a, b)) for a, node in nodes.items() for b in node["links"]}


def node_button(tab, node_id):
    return tab.locator(f'.kb-nod[data-id="{node_id}"] > button')


def busiest(nodes, typ):
    return max((i for i in nodes if nodes[i]["typ"] == typ), key=lambda i: len(nodes[i]["links"]))


def lines_with(tab, state) -> set[frozenset]:
    return {
        frozenset(p)
        for p in tab.evaluate(
            f"() => [...document.querySelectorAll('.kb-linje.{state}')].map(p => [p.dataset.fran, p.dataset.till])"
        )
    }


def second_degree(nodes, selected) -> set[frozenset]:
    """Along strategy → story → indicator: the selected node's stories' links to the third type."""
    typ = nodes[selected]["typ"]
    if typ == "story":
        return set()
    return {
        frozenset((story, other))
        for story in nodes[selected]["links"]
        if nodes[story]["typ"] == "story"
        for other in nodes[story]["links"]
        if nodes[other]["typ"] not in ("story", typ)
    }


def summary(nodes, selected, visible_only=True) -> str:
    linked = [nodes[i]["typ"] for i in nodes[selected]["links"] if nodes[i]["visible"] or not visible_only]
    parts = [
        f"{linked.count(t)} {WORDS[t][linked.count(t) != 1]}"
        for t in ("story", "strategy", "indicator")
        if linked.count(t)
    ]
    return f"{nodes[selected]['name']}: {', '.join(parts) or 'inga kopplingar'}."


def test_every_link_is_a_line_from_node_to_node(desktop):
    nodes = graph(desktop)
    drawn = desktop.evaluate("""() => [...document.querySelectorAll('.kb-karta__linjer path')].map(p => {
        const m = p.getScreenCTM(), len = p.getTotalLength();
        const at = d => { const q = p.getPointAtLength(d); return [q.x * m.a + q.y * m.c + m.e, q.x * m.b + q.y * m.d + m.f]; };
        return {from: p.dataset.fran, to: p.dataset.till, start: at(0), end: at(len)};
    })""")
    assert len(drawn) == len(pairs(nodes)) > 0
    assert {frozenset((d["from"], d["to"])) for d in drawn} == pairs(nodes)
    boxes = {i: node_button(desktop, i).bounding_box() for i in nodes}
    for line in drawn:  # each end touches the side of its node's box, at its middle height
        for end, node_id, side in ((line["start"], line["from"], "right"), (line["end"], line["to"], "left")):
            box = boxes[node_id]
            x = box["x"] + (box["width"] if side == "right" else 0)
            assert abs(end[0] - x) < 3 and abs(end[1] - (box["y"] + box["height"] / 2)) < 3, (line, box)


def test_selecting_a_node_highlights_exactly_its_lines_and_lists_its_connections(desktop):
    nodes = graph(desktop)
    for typ in ("strategy", "story", "indicator"):
        chosen = busiest(nodes, typ)
        node_button(desktop, chosen).click()
        assert node_button(desktop, chosen).get_attribute("aria-pressed") == "true"
        assert lines_with(desktop, "kb-linje--vald") == {frozenset((chosen, other)) for other in nodes[chosen]["links"]}
        assert lines_with(desktop, "kb-linje--via") == second_degree(nodes, chosen) - lines_with(
            desktop, "kb-linje--vald"
        )
        assert desktop.locator(".kb-karta__status").text_content() == summary(nodes, chosen)
        panel = desktop.locator("#kb-karta-detalj")
        assert panel.locator("h3").text_content() == nodes[chosen]["name"]
        for t, heading in (("story", "Berättelser"), ("strategy", "Strategier"), ("indicator", "Indikatorer")):
            expected = sorted(nodes[i]["href"] for i in nodes[chosen]["links"] if nodes[i]["typ"] == t)
            group = panel.locator(".kb-karta__grupp", has=desktop.locator("h4", has_text=re.compile(rf"^{heading} \(")))
            if not expected:
                assert group.count() == 0
                continue
            assert group.locator("h4").text_content() == f"{heading} ({len(expected)})"
            assert sorted(a.get_attribute("href") for a in group.locator("a").all()) == expected
        # Panel beside the map, and it follows the reader down (sticky).
        map_box, panel_box = desktop.locator(".kb-karta__karta").bounding_box(), panel.bounding_box()
        assert panel_box["x"] >= map_box["x"] + map_box["width"]
    node_button(desktop, chosen).click()  # again: deselected
    assert desktop.locator(".kb-nod--vald").count() == 0 and desktop.locator(".kb-linje--vald").count() == 0


def test_on_a_phone_the_connections_open_right_under_the_tapped_item(phone):
    width = lambda: phone.evaluate("Math.max(document.documentElement.scrollWidth, document.body.scrollWidth)")  # noqa: E731
    assert width() <= PHONE[0]
    assert phone.locator(".kb-karta__linjer").is_hidden()
    nodes = graph(phone)
    for typ in ("indicator", "strategy"):
        chosen = busiest(nodes, typ)
        button = node_button(phone, chosen)
        button.tap()
        panel = phone.locator("#kb-karta-detalj")
        assert panel.is_visible()
        below, box = button.bounding_box(), panel.bounding_box()
        assert 0 <= box["y"] - (below["y"] + below["height"]) < 20 and box["x"] >= below["x"] - 1
        hrefs = sorted(
            a.get_attribute("href") for a in panel.locator(".kb-karta__grupp a").all()[: len(nodes[chosen]["links"])]
        )
        assert hrefs == sorted(nodes[i]["href"] for i in nodes[chosen]["links"])
        assert width() <= PHONE[0]
    assert len(phone.locator(".kb-karta__status").text_content()) < 90  # a short line, not a paragraph of names


def test_filters_update_the_counts_keep_or_clear_the_selection_and_reset_restores(desktop):
    nodes = graph(desktop)
    totals = {t: sum(1 for n in nodes.values() if n["typ"] == t) for t in WORDS}
    region_strategy = next(i for i, n in nodes.items() if n["typ"] == "strategy" and n["owner"] == "region")
    municipal_strategy = next(i for i, n in nodes.items() if n["typ"] == "strategy" and n["owner"] == "kommunerna")
    node_button(desktop, region_strategy).click()
    desktop.select_option('[data-kb-filter="owner"]', "region")
    shown = graph(desktop)
    assert not shown[municipal_strategy]["visible"] and shown[region_strategy]["visible"]
    for t in WORDS:
        visible = sum(1 for n in shown.values() if n["typ"] == t and n["visible"])
        assert desktop.locator(f'.kb-karta__antal[data-typ="{t}"]').text_content() == f"({visible} av {totals[t]})"
    status = desktop.locator(".kb-karta__status").text_content()
    assert status.startswith(f"Visar {sum(n['visible'] for n in shown.values())} av {len(nodes)}.")
    assert node_button(desktop, region_strategy).get_attribute("aria-pressed") == "true"  # still visible: kept
    assert summary(shown, region_strategy) in status
    hidden_lines = {
        frozenset(p)
        for p in desktop.evaluate(
            "() => [...document.querySelectorAll('.kb-linje--dold')].map(p => [p.dataset.fran, p.dataset.till])"
        )
    }
    assert hidden_lines == {p for p in pairs(nodes) if not all(shown[i]["visible"] for i in p)}

    desktop.select_option('[data-kb-filter="owner"]', "kommunerna")  # now the selected strategy is filtered out
    assert desktop.locator(".kb-nod--vald").count() == 0
    assert (
        f"Markeringen av {nodes[region_strategy]['name']} togs bort"
        in desktop.locator(".kb-karta__status").text_content()
    )

    desktop.locator("[data-kb-reset]").click()
    assert all(n["visible"] for n in graph(desktop).values())
    for t in WORDS:
        assert desktop.locator(f'.kb-karta__antal[data-typ="{t}"]').text_content() == f"({totals[t]})"
    assert desktop.locator('[data-kb-filter="owner"]').input_value() == ""
    assert desktop.locator(".kb-linje--dold").count() == 0


def luminance(rgb):
    channels = [c / 255 for c in rgb]
    return sum(
        w * (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4)
        for w, c in zip((0.2126, 0.7152, 0.0722), channels, strict=True)
    )


def contrast(a, b):
    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_faded_and_highlighted_nodes_keep_text_contrast_of_at_least_4_5(desktop):
    nodes = graph(desktop)
    node_button(desktop, busiest(nodes, "story")).click()
    styles = desktop.evaluate("""() => [...document.querySelectorAll('.kb-nod > button')].map(b => {
        let opacity = 1;
        for (let e = b; e; e = e.parentElement) opacity *= parseFloat(getComputedStyle(e).opacity);
        const s = getComputedStyle(b);
        return {state: b.parentElement.className, color: s.color, background: s.backgroundColor, opacity};
    })""")
    states = {s["state"] for s in styles}
    assert (
        "kb-nod" in states and "kb-nod kb-nod--vald" in states and "kb-nod kb-nod--kopplad" in states
    )  # faded, chosen, linked
    rgb = lambda text: [int(x) for x in re.findall(r"\d+", text)[:3]]  # noqa: E731
    for style in styles:
        assert style["opacity"] == 1 and not style["background"].startswith("rgba"), style
        assert contrast(rgb(style["color"]), rgb(style["background"])) >= 4.5, style


def test_skip_link_lands_on_the_map_and_tab_reaches_the_first_node_soon(desktop):
    desktop.keyboard.press("Tab")
    assert desktop.evaluate("document.activeElement.classList.contains('md-skip')")
    desktop.keyboard.press("Enter")
    assert desktop.evaluate("location.hash") == "#kartan"
    first = desktop.locator(".kb-nod > button").first
    for presses in range(1, 8):  # noqa: B007 - read after the loop
        desktop.keyboard.press("Tab")
        if first.evaluate("b => b === document.activeElement"):
            break
    else:
        pytest.fail("Tab nådde inte kartans första nod efter hoppet")
    assert presses <= 6  # first the heading's permalink, the three filters and the reset button
    desktop.keyboard.press("Enter")
    assert first.get_attribute("aria-pressed") == "true"
    desktop.keyboard.press("Tab")
    desktop.keyboard.press("Space")
    second = desktop.locator(".kb-nod > button").nth(1)
    assert second.get_attribute("aria-pressed") == "true" and first.get_attribute("aria-pressed") == "false"
    desktop.keyboard.press("Escape")
    assert second.get_attribute("aria-pressed") == "false"
    assert second.evaluate("b => b === document.activeElement")


def test_phone_keyboard_goes_from_the_item_into_its_connections(phone):
    first = phone.locator(".kb-nod > button").first
    first.focus()
    phone.keyboard.press("Enter")
    phone.keyboard.press("Tab")
    assert phone.evaluate("document.activeElement.closest('#kb-karta-detalj') !== null")


@pytest.mark.parametrize("device", ["desktop", "phone"])
def test_axe_finds_nothing_with_a_node_selected(device, request):
    tab = request.getfixturevalue(device)
    nodes = graph(tab)
    node_button(tab, busiest(nodes, "strategy")).click()
    tab.select_option('[data-kb-filter="owner"]', "kommunerna")
    result = Axe().run(tab, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]})
    problems = [f"{v['id']}: {[n['target'] for n in v['nodes'][:3]]}" for v in result.response["violations"]]
    assert problems == []


def test_without_script_the_lines_and_the_text_twin_remain_and_no_dead_controls_show(browser, site_url):
    context = browser.new_context(viewport={"width": DESKTOP[0], "height": DESKTOP[1]}, java_script_enabled=False)
    tab = context.new_page()
    tab.goto(site_url + "kartor/karta/")
    assert tab.locator(".kb-karta__linjer").is_visible() and tab.locator("#kartan-som-text").is_visible()
    for dead in (".kb-karta__filter", ".kb-karta__status", "#kb-karta-detalj"):
        assert tab.locator(dead).is_hidden(), dead
    context.close()
