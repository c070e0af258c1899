"""Journeys (introduktionsspår) on a fixture site: the step-by-step page, the step box, the start page.

The fixture (tests/fixtures/sites/journeys) lays two published journeys and one draft over the base site:
- socialchef: 3 steps over kommunalt-forum + reko, bast-for-esther, k2 + trygg-hemgang (20 + 10 + 65 min);
- skolchef: 2 steps over k2, esther; so k2 is in two journeys;
- utkast-spar (draft): 1 step over r2, seen only in the preview.
"""

import datetime
import re
import shutil
from urllib.parse import urljoin, urlparse

import pytest
from sitebuild import FIXTURES, search_entries, unexpected_warnings
from sitebuild import article_of as article

from macros.content.build import Build
from macros.content.catalog import load_catalog
from macros.views import journey_routes, journeys

JOURNEYS = FIXTURES / "sites" / "journeys"
TODAY = "2026-11-23"


def resolves(site, page, href) -> bool:
    """Does a relative link on a built page lead to a built page (and, with #anchor, to that id)?"""
    url = urlparse(urljoin(f"http://x/{page}/", href))
    target = site / url.path.lstrip("/") / "index.html"
    if not target.exists():
        return False
    return not url.fragment or f'id="{url.fragment}"' in target.read_text(encoding="utf-8")


def step_boxes(html) -> list[str]:
    return re.findall(r'<nav[^>]*class="kb-stegruta".*?</nav>', html, re.S)


@pytest.fixture(scope="module")
def project(fixture_sites):
    return fixture_sites.get("base", "sites/journeys", today=TODAY).project


@pytest.fixture(scope="module")
def site(fixture_sites):
    built = fixture_sites.get("base", "sites/journeys", today=TODAY)  # the same build test_journeys_browser.py serves
    result = built.result
    assert result.returncode == 0, result.stdout + result.stderr
    assert unexpected_warnings(result.stdout + result.stderr) == []
    return built.site


@pytest.fixture(scope="module")
def preview_site(fixture_sites):
    built = fixture_sites.get("base", "sites/journeys", preview=True, today=TODAY)
    result = built.result
    assert result.returncode == 0, result.stdout + result.stderr
    return built.site


@pytest.fixture(scope="module")
def catalog(project):
    found = load_catalog(project, datetime.date.fromisoformat(TODAY))
    assert [p for p in found.problems if p.severity == "fel"] == []
    return found


# --- Pure functions ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "minutes,text",
    [
        (1, "1 minut"),
        (45, "45 minuter"),
        (60, "1 timme"),
        (61, "1 timme 1 minut"),
        (95, "1 timme 35 minuter"),
        (120, "2 timmar"),
        (150, "2 timmar 30 minuter"),
    ],
)
def test_duration_reads_as_swedish(minutes, text):
    assert journey_routes.duration(minutes) == text


def test_step_keys_are_stable_slugs_and_unique():
    journey = type(
        "J",
        (),
        {"data": {"steg": [{"titel": "Så styrs samverkan"}, {"titel": "Så styrs samverkan"}, {"titel": "Möt Esther"}]}},
    )()
    assert journey_routes.step_keys(journey) == ["sa-styrs-samverkan", "sa-styrs-samverkan-2", "mot-esther"]


def test_route_visits_every_page_once_in_reading_order(catalog):
    way = journey_routes.route(catalog.items["socialchef"], catalog)
    assert [(s.page.id, s.step, s.index_in_step, s.pages_in_step) for s in way.stops] == [
        ("kommunalt-forum", 1, 1, 2),
        ("reko", 1, 2, 2),
        ("bast-for-esther", 2, 1, 1),
        ("k2", 3, 1, 2),
        ("trygg-hemgang", 3, 2, 2),
    ]
    assert way.steps == 3


def build_of(catalog, preview: bool = False) -> Build:
    return Build(catalog.root, catalog, preview, {})


def test_membership_is_computed_once_per_build_not_per_page(catalog, monkeypatch):
    calls = []
    real = journey_routes.route
    monkeypatch.setattr(journey_routes, "route", lambda j, c: calls.append(j.id) or real(j, c))
    production = build_of(catalog)
    for item in catalog.items.values():
        journeys.step_box_markdown(item, production)
    assert sorted(calls) == ["skolchef", "socialchef"]  # once per listed journey, for all pages together
    preview = build_of(catalog, preview=True)
    for item in catalog.items.values():
        journeys.step_box_markdown(item, preview)
    assert sorted(calls[2:]) == ["skolchef", "socialchef", "utkast-spar"]  # the preview is its own build


def test_step_box_markdown_names_position_and_neighbours(catalog):
    text = journeys.step_box_markdown(catalog.items["reko"], build_of(catalog))
    assert (
        "**Steg 1 av 3** (sida 2 av 2) i [Introduktion för socialchefer](../introduktion/socialchef.md#steg-1)" in text
    )
    assert "Föregående: Kommunalt forum (steg 1, sida 1 av 2)" in text
    assert "(kommunalt-forum.md?spar=socialchef)" in text
    assert "Nästa: Bäst för Esther (steg 2)" in text and "(../principer/bast-for-esther.md?spar=socialchef)" in text
    assert journeys.step_box_markdown(catalog.items["r2"], build_of(catalog)) == ""  # only a draft names it


def test_journey_markdown_is_empty_for_other_pages(catalog):
    assert journeys.journey_markdown(catalog.items["k2"], catalog, False) == ""
    assert journeys.journey_markdown(catalog.items["index"], catalog, False) == ""


def test_a_step_naming_a_missing_page_is_reported_with_the_valid_ids(tmp_path):
    shutil.copytree(FIXTURES / "base", tmp_path, dirs_exist_ok=True)
    target = tmp_path / "docs" / "introduktion"
    target.mkdir(parents=True)
    text = (JOURNEYS / "docs" / "introduktion" / "skolchef.md").read_text(encoding="utf-8")
    (target / "skolchef.md").write_text(text.replace("sidor: [esther]", "sidor: [finns-inte]"), encoding="utf-8")
    found = load_catalog(tmp_path, datetime.date.fromisoformat(TODAY))
    messages = [p.message for p in found.problems if p.path == "docs/introduktion/skolchef.md"]
    assert any("'finns-inte'" in m and "Giltiga id:" in m and "esther" in m for m in messages), messages


# --- The built journey page --------------------------------------------------------------------


def test_journey_page_renders_every_step_with_number_title_and_time(site):
    html = article(site, "introduktion/socialchef")
    headings = re.findall(
        r'<h2 data-search-exclude(?:="")? id="steg-(\d)">.*?</span></span> (.*?)<a class="headerlink"', html
    )
    assert headings == [
        ("1", "Så styrs samverkan"),
        ("2", "Principen Bäst för Esther"),
        ("3", "Strategin K2 i praktiken"),
    ]
    assert "<strong>3 steg</strong>, cirka <strong>1 timme 35 minuter</strong>" in html
    assert "<strong>För:</strong> Socialchef eller förvaltningschef i en kommun" in html
    assert html.count('class="kb-steg__tid"') == 3 and "cirka 1 timme 5 minuter" in html
    assert html.index("Det här spåret tar dig igenom") < html.index('id="steg-1"')  # the author's intro first


def test_every_read_link_leads_to_a_built_page_and_carries_the_journey(site):
    html = article(site, "introduktion/socialchef")
    steps = re.split(r'<h2 data-search-exclude(?:="")? id="steg-\d">', html)[1:]
    links = [re.findall(r'<li><a href="([^"]+)">', s[: s.index("kb-steg__klar")]) for s in steps]
    assert [len(x) for x in links] == [2, 1, 2]
    for href in sum(links, []):
        assert href.endswith("?spar=socialchef") and resolves(site, "introduktion/socialchef", href), href
    assert links[2][0] == "../../strategier/k2/?spar=socialchef"


def test_reflection_questions_and_self_checks_with_answers_on_request(site):
    html = article(site, "introduktion/socialchef")
    assert "<li>Var i din verksamhet syns K2 i dag?</li>" in html
    check = re.search(
        r'<details class="question">\s*<summary>Kontrollfråga: Vilket organ är politiskt\?</summary>'
        r"\s*<p>(.*?)</p>\s*</details>",
        html,
    )
    assert check and check.group(1) == "Kommunalt forum."
    assert "<details" in html and "<details open" not in html  # answers stay closed until asked for


def test_checklist_has_one_labelled_checkbox_per_step_and_tools_for_script(site):
    html = article(site, "introduktion/socialchef")
    boxes = re.findall(r'<input type="checkbox" id="(kb-klar-socialchef-\d)" data-kb-steg="([a-z0-9-]+)">', html)
    assert [b[1] for b in boxes] == ["sa-styrs-samverkan", "principen-bast-for-esther", "strategin-k2-i-praktiken"]
    for box_id, _ in boxes:
        assert f'<label for="{box_id}">' in html
    tools = re.search(r'<div class="kb-spar__verktyg"[^>]*>', html).group(0)
    assert "hidden" in tools  # shown by script: without it the buttons could do nothing
    # The sanitizer writes boolean attributes as name="" (the same attribute to a browser).
    assert re.search(r'<button type="button" class="md-button" data-kb-borja-om(="")?>Börja om</button>', html)
    assert re.search(r'<button type="button" class="md-button" data-kb-skriv-ut(="")?>Skriv ut</button>', html)
    assert re.search(r'<p[^>]*aria-live="polite"[^>]*>0 av 3 klara</p>', html)


def test_answer_key_for_print_is_kept_out_of_search(site):
    html = article(site, "introduktion/socialchef")
    key = html[html.index('class="kb-spar__facit"') :]
    assert "<strong>Steg 1. Vilket organ är politiskt?</strong> Kommunalt forum." in key
    index = search_entries(site)
    texts = " ".join(d["text"] for d in index)
    assert "Svar på kontrollfrågorna" not in texts and "Steg 1 är klart" not in texts
    assert "Steg 3 av 3" not in texts and "Börja om" not in texts
    locations = {d["location"] for d in index}
    assert "introduktion/socialchef/" in locations  # the journey is found by its title, intro and sokord,
    assert not [x for x in locations if x.startswith(("introduktion/socialchef/#", "introduktion/#"))]
    assert "Du behöver veta vem som beslutar vad." not in texts  # not by the pages its steps link to


# --- The step box on member pages --------------------------------------------------------------


def test_member_page_shows_its_step_with_links_back_and_forward(site):
    boxes = step_boxes(article(site, "styrning/reko"))
    assert len(boxes) == 1
    box = boxes[0]
    assert 'aria-label="Introduktionsspår: Introduktion för socialchefer"' in box
    assert "<strong>Steg 1 av 3</strong> (sida 2 av 2) i " in box
    assert '<a href="../../introduktion/socialchef/#steg-1">Introduktion för socialchefer</a>' in box
    assert 'href="../kommunalt-forum/?spar=socialchef" rel="prev"' in box
    assert 'href="../../principer/bast-for-esther/?spar=socialchef" rel="next"' in box
    for href in re.findall(r'href="([^"]+)"', box):
        assert resolves(site, "styrning/reko", href), href


def test_a_page_in_two_journeys_has_a_box_for_each_and_every_box_is_hidden(site):
    html = article(site, "strategier/k2")
    boxes = step_boxes(html)
    assert [re.search(r'data-kb-stegruta="([^"]+)"', b).group(1) for b in boxes] == ["socialchef", "skolchef"]
    assert "<strong>Steg 3 av 3</strong> (sida 1 av 2)" in boxes[0] and "<strong>Steg 1 av 2</strong>" in boxes[1]
    # Script shows the one the reader follows; a reader who follows neither sees none, without script too.
    for box in boxes:
        assert re.search(r"<nav[^>]*\shidden[\s=>]", box), box[:200]
    assert "Sidan ingår i" not in html and "kb-stegrutor" not in html  # no panel listing every journey


def test_the_box_has_the_step_tick_and_a_way_to_leave(site):
    box = step_boxes(article(site, "styrning/reko"))[0]
    assert re.search(r'<input type="checkbox" id="kb-ruta-socialchef-1" data-kb-steg="sa-styrs-samverkan">', box)
    assert '<label for="kb-ruta-socialchef-1">Steg 1 är klart</label>' in box
    assert re.search(r'<button type="button" class="md-button" data-kb-lamna(="")?>Lämna spåret</button>', box)
    note = re.search(r'<p class="kb-stegruta-lamnad"[^>]*>(.*?)</p>', article(site, "styrning/reko"), re.S)
    assert note and re.search(r"\shidden[\s=>]", note.group(0))
    assert (
        note.group(1)
        == 'Du har lämnat introduktionsspåret. Alla spår finns på <a href="../../introduktion/">Ny här?</a>.'
    )


def test_no_page_shows_a_box_without_script(site):
    """Every box the build writes is hidden: only script, knowing the reader's journey, shows one."""
    from sitebuild import html_pages, text_of

    found = 0
    for path in html_pages(site):
        for tag in re.findall(r'<nav[^>]*class="kb-stegruta"[^>]*>', text_of(site, path)):
            found += 1
            assert re.search(r"\shidden[\s=>]", tag), (path, tag)
    assert found == 7  # 5 pages in socialchef + 2 in skolchef (k2 in both)


def test_the_ends_lead_back_to_the_journey(site):
    first = step_boxes(article(site, "styrning/kommunalt-forum"))[0]
    assert re.search(r'<a href="../../introduktion/socialchef/" rel="prev">.*Till spårets början</a>', first)
    last = step_boxes(article(site, "berattelser/trygg-hemgang"))[0]
    assert re.search(r'<a href="../../introduktion/socialchef/#steg-3">Sista steget: tillbaka till spåret', last)


def test_box_comes_after_the_page_text_before_the_sources(site):
    html = article(site, "principer/bast-for-esther")
    assert (
        html.index("Principen.")
        < html.index('class="kb-stegruta"')
        < html.index('id="kopplingar"')
        < html.index('id="om-kallorna"')
    )


def test_drafts_give_no_box_and_no_card_in_production_but_do_in_the_preview(site, preview_site):
    assert step_boxes(article(site, "strategier/r2")) == []
    assert not (site / "introduktion" / "utkast-spar").exists()
    assert "Hemligt utkastspår" not in article(site, "introduktion")
    assert "Steg 1 av 1" in step_boxes(article(preview_site, "strategier/r2"))[0]
    assert "Hemligt utkastspår" in article(preview_site, "introduktion")


def test_pages_in_no_journey_have_no_box(site):
    for page in ("indikatorer/kontinuitet", "bidra", "introduktion", "introduktion/socialchef"):
        assert step_boxes(article(site, page)) == [], page


# --- The start page ----------------------------------------------------------------------------


def test_start_page_routes_by_role_with_steps_and_time(site):
    html = article(site, "introduktion")
    cards = re.findall(r'<div class="kb-spar-val__kort">(.*?)</div>', html, re.S)
    assert len(cards) == 2
    assert '<a href="socialchef/">Introduktion för socialchefer</a>' in cards[0]
    assert (
        "Socialchef eller förvaltningschef i en kommun" in cards[0] and "3 steg, cirka 1 timme 35 minuter" in cards[0]
    )
    assert '<a href="skolchef/">Introduktion för skolchefer</a>' in cards[1] and "2 steg, cirka 20 minuter" in cards[1]
    assert html.index("Välj den roll som passar dig bäst.") < html.index("kb-spar-val")
