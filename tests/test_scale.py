"""Pages stay readable at any size: above the thresholds in macros/views/paging.py, lists are cut newest
first with a link to their whole list, whole lists are paged, and the map opens on an overview.

The fixture site is the base fixture with 60 generated stories (made here, not committed), so every
threshold is crossed: K2 has 41 stories, Esther 61, the indicator 31, the group Äldre 41.
"""

import datetime
import re
import shutil
from urllib.parse import urljoin, urlparse

import pytest
from sitebuild import (
    FIXTURES,
    ROOT,
    TODAY,
    article_of,
    build,
    html_pages,
    make_fixture_project,
    search_entries,
    serve,
    unexpected_warnings,
)

from macros.content.build import load_build
from macros.views import full_lists, paging, strategy_map

STORY = """---
titel: Skalberättelse {n:02d}
beskrivning: Berättelse {n} om samordning.
slag: illustrativ
personas: [esther]
strategier: {strategies}
{indicators}strategigrupper: [{group}]
kommuner: [eksjo]
forfattare: Test
status: publicerad
ansvarig: Test
skapad: {day}
kallor:
  - text: Test
---

Text om samordning nummer {n}.
"""
COUNT = 60
STORY_LINK = re.compile(r'href="(?:\.\./)*(?:berattelser/)?(s\d\d)/"')


def strategies_of(n: int) -> str:
    return ["[k2, r2]", "[k2]", "[r2]"][n % 3]


def write_stories(project):
    for n in range(COUNT):
        day = datetime.date(2026, 1, 1) + datetime.timedelta(days=n)
        (project / "stories" / f"s{n:02d}.md").write_text(
            STORY.format(
                n=n,
                strategies=strategies_of(n),
                indicators="indikatorer: [kontinuitet]\n" if n % 2 == 0 else "",
                group="aldre" if n < 40 else "barn-och-unga",
                day=day.isoformat(),
            ),
            encoding="utf-8",
        )


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("skala")
    project = make_fixture_project(tmp, FIXTURES / "base", FIXTURES / "sites" / "maps")
    for folder in ("kartor", "amnen", "berattelser"):
        shutil.copytree(ROOT / "docs" / folder, project / "docs" / folder, dirs_exist_ok=True)
    write_stories(project)
    result = build(project, tmp / "site", today=TODAY)
    assert result.returncode == 0, result.stdout + result.stderr
    assert unexpected_warnings(result.stdout + result.stderr) == []
    return tmp / "site"


def story_numbers(html: str) -> list[int]:
    """The synthetic stories an article links to, in order, once each."""
    return [int(n[1:]) for n in dict.fromkeys(STORY_LINK.findall(html))]


def resolve(site, page: str, href: str):
    return site / urlparse(urljoin(f"http://x/{page}", href)).path.lstrip("/") / "index.html"


def test_no_page_lists_more_stories_than_a_page_of_a_whole_list(site):
    sizes = {}
    for page in html_pages(site):
        html = (site / page / "index.html").read_text(encoding="utf-8")
        sizes[page] = len(html.encode())
        assert len(story_numbers(article_of(site, page))) <= paging.LIST_PAGE_SIZE, page
    assert max(sizes.values()) < 300_000, max(sizes, key=sizes.get)


def test_relation_lists_are_cut_newest_first_with_a_link_to_the_whole_list(site):
    html = article_of(site, "strategier/k2")
    section = html[
        html.index('id="berattelser-som-visar-strategin"') : html.index('id="indikatorer-som-mater-strategin"')
    ]
    shown = story_numbers(section)
    k2 = sorted((n for n in range(COUNT) if "k2" in strategies_of(n)), reverse=True)
    assert shown == k2[: paging.MAX_LISTED]  # the newest 25, newest first
    assert "Visar 25 av 41, de nyaste." in section
    href = re.search(r'<a href="([^"]+)">Visa alla 41 berättelser</a>', section).group(1)
    whole = resolve(site, "strategier/k2/", href)
    assert whole == site / "strategier" / "k2" / "berattelser" / "index.html"
    listed = whole.read_text(encoding="utf-8")
    listed = listed[listed.index("<article") : listed.index("</article>")]
    assert story_numbers(listed) == k2 and "trygg-hemgang" in listed  # all 41, newest first
    assert "Nästa sida" not in listed and "Föregående sida" not in listed  # one page
    indicator = article_of(site, "indikatorer/kontinuitet")
    assert "Visar 25 av 31, de nyaste." in indicator and 'href="berattelser/">Visa alla 31 berättelser' in indicator


def test_tag_pages_cut_each_value_and_link_to_its_whole_list(site):
    html = article_of(site, "amnen/strategigrupper")
    aldre = html[html.index('id="tag:strategigrupp/äldre"') :]
    aldre = aldre[: aldre.index("<h2", 10)] if "<h2" in aldre[10:] else aldre
    assert story_numbers(aldre) == list(range(39, 39 - paging.MAX_LISTED, -1))
    href = re.search(r'<a href="([^"]+)">Visa alla 41 berättelser</a>', aldre).group(1)
    whole = resolve(site, "amnen/strategigrupper/", href)
    assert whole == site / "amnen" / "strategigrupper" / "aldre" / "index.html"
    assert len(story_numbers(whole.read_text(encoding="utf-8"))) == 40  # and trygg-hemgang
    # A persona's (or strategy's) tag links to the item's own whole list, which holds the same stories.
    personas = article_of(site, "amnen/personas")
    assert re.search(r'<a href="\.\./\.\./personas/esther/berattelser/">Visa alla 61 berättelser</a>', personas)
    assert not (site / "amnen" / "personas" / "esther").exists()


def test_the_whole_list_of_stories_is_paged_and_its_pages_link_to_each_other(site):
    first, second = article_of(site, "berattelser/alla"), article_of(site, "berattelser/alla/sida-2")
    assert story_numbers(first) == list(range(59, 59 - paging.LIST_PAGE_SIZE, -1))
    assert story_numbers(second) == list(range(59 - paging.LIST_PAGE_SIZE, -1, -1))  # the rest, and trygg-hemgang
    assert "Sida 1 av 2" in first and "Sida 2 av 2" in second
    assert re.search(r'<a href="sida-2/">Nästa sida →</a>', first) and "Föregående sida" not in first
    assert re.search(r'<a href="\.\./">← Föregående sida</a>', second) and "Nästa sida" not in second
    index = article_of(site, "berattelser")
    assert re.search(r'<a href="alla/">Alla 61 berättelser, de nyaste först</a>', index)
    grouped = index[index.index("Äldre (41)") :]
    assert "Visa alla 41" in grouped


def test_the_map_opens_on_an_overview_with_counts_and_its_twin_lists_everything_it_shows(site):
    html = article_of(site, "kartor/karta")
    overview = html[html.index('class="kb-karta__oversikt"') : html.index('class="kb-karta__filter"')]
    assert re.search(
        r"K2 · [^<]*</a>: 41 berättelser, 1 indikator\. <a href=\"\.\./\.\./strategier/k2/berattelser/\">"
        r"Visa alla 41 berättelser</a>",
        overview,
    )
    assert re.search(r"Kontinuitet[^<]*</a>: 31 berättelser\.", overview)
    nodes = re.findall(r'<li class="kb-nod" data-id="([^"]+)" data-typ="story"', html)
    assert len(nodes) == 2 * paging.MAP_STORIES_PER_STRATEGY  # the newest three of K2, then of R2
    assert nodes[:3] == ["s58", "s57", "s55"]
    twin = html[html.index('id="kartan-som-text"') :]
    for href in re.findall(r'<li class="kb-nod"[^>]*data-href="([^"]+)"', html):
        assert f'href="{href}"' in twin, href  # every node of the map is in its text twin
    assert "Visa alla 41 berättelser" in twin and "Visa alla 40 berättelser" in twin
    matrix = article_of(site, "kartor/matris")
    assert len(story_numbers(matrix)) <= paging.MATRIX_MAX_ROWS


def test_whole_lists_are_left_out_of_search(site):
    locations = [e["location"] for e in search_entries(site)]
    assert locations and not [x for x in locations if x.startswith(("berattelser/alla/", "strategier/k2/berattelser/"))]


@pytest.mark.langsam
def test_axe_finds_nothing_on_the_overview_and_the_lists_and_they_fit_a_phone(site, browser):
    from axe_playwright_python.sync_playwright import Axe
    from sweeps import AXE_OPTIONS

    url, stop = serve(site)
    try:
        context = browser.new_context(locale="sv-SE", viewport={"width": 390, "height": 844})
        tab = context.new_page()
        tab.goto(url + "kartor/karta/")
        tab.click('li.kb-nod[data-id="k2"] > button')  # on a phone the panel opens under the strategy
        more = tab.locator("[data-kb-detalj] .kb-karta__alla a")
        assert more.inner_text() == "Visa alla 41 berättelser"
        assert more.get_attribute("href") == "../../strategier/k2/berattelser/"
        violations = Axe().run(tab, options=AXE_OPTIONS).response["violations"]
        assert violations == [], [v["id"] for v in violations]
        for path in (
            "kartor/karta/",
            "berattelser/alla/",
            "berattelser/alla/sida-2/",
            "amnen/strategigrupper/",
            "strategier/k2/berattelser/",
            "berattelser/",
        ):
            tab.goto(url + path)
            violations = Axe().run(tab, options=AXE_OPTIONS).response["violations"]
            assert violations == [], (path, [v["id"] for v in violations])
            assert tab.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth"), path
        context.close()
    finally:
        stop()


@pytest.mark.innehall
def test_todays_site_crosses_no_threshold():
    """The real site (ten stories) gets no whole lists, and its map shows every story."""
    state = load_build(ROOT, False, TODAY)
    assert full_lists.whole_lists(state) == {}
    columns, links = strategy_map.map_graph(state.catalog, False)
    assert strategy_map.overview(columns, links) is None


def test_an_ungrouped_story_list_without_max_is_cut_too(tmp_path):
    """lista() of stories without max= shows the newest 25 and links to every story (no engine needed)."""
    from macros.views import macro_library

    project = make_fixture_project(tmp_path, FIXTURES / "base")
    (project / "docs" / "berattelser").mkdir()
    (project / "docs" / "berattelser" / "index.md").write_text(
        "---\ntitel: Berättelser\nbeskrivning: Alla.\n---\n", encoding="utf-8"
    )
    write_stories(project)
    state = load_build(project, False, TODAY)
    lista = macro_library.macros(state, lambda: "berattelser/index.md", "", "")["lista"]
    text = lista(typ="berättelse", visning="lista", sortering="titel")
    assert [int(n) for n in re.findall(r"\]\(s(\d\d)\.md\)", text)] == list(range(59, 34, -1))  # newest first
    assert text.endswith("Visar 25 av 61, de nyaste. [Alla 61 berättelser](alla.md).")
    pages = {src for src, _, _ in full_lists.site_pages(state)}
    assert {
        "berattelser/alla.md",
        "berattelser/alla/sida-2.md",
        "strategier/k2/berattelser.md",
        "personas/esther/berattelser.md",
        "indikatorer/kontinuitet/berattelser.md",
    } <= pages
