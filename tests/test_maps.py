"""Maps built from the catalog: karta, matris, täckning, organisation chart, timeline and charts."""

import re
import shutil
from urllib.parse import urljoin, urlparse

import pytest

from sitebuild import FIXTURES, ROOT, build, make_fixture_project, serve, unexpected_warnings, article_of as article

MAPS = FIXTURES / "sites" / "maps"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("maps")
    project = make_fixture_project(tmp, FIXTURES / "base", FIXTURES / "sites" / "workflow", MAPS)
    for folder in ("kartor", "amnen"):
        shutil.copytree(ROOT / "docs" / folder, project / "docs" / folder)
    result = build(project, tmp / "site", today="2026-11-23")
    assert result.returncode == 0, result.stdout + result.stderr
    assert unexpected_warnings(result.stdout + result.stderr) == []
    return tmp / "site"


def node(html, node_id):
    return re.search(rf'<li class="kb-nod" data-id="{node_id}"[^>]*>', html).group(0)


def test_map_nodes_carry_links_in_both_directions_and_facets(site):
    html = article(site, "kartor/karta")
    k2 = node(html, "k2")
    assert "trygg-hemgang" in k2 and "kontinuitet" in k2 and 'data-owner="kommunerna"' in k2
    story = node(html, "trygg-hemgang")
    assert "k2" in story and "kontinuitet" in story and 'data-persona="esther"' in story
    assert 'data-group="aldre"' in story
    assert "arkiverad-berattelse" not in html and "utkast-berattelse" not in html


def test_every_link_in_the_map_and_org_chart_resolves(site):
    for page in ("kartor/karta", "kartor/styrning"):
        base = f"http://x/{page}/"
        for href in re.findall(r'href="([^"#]+)"', article(site, page)):
            if href.startswith("http"):
                continue
            target = urlparse(urljoin(base, href)).path.lstrip("/")
            assert (site / target / "index.html").exists(), (page, href)


def test_map_has_a_text_twin_with_the_same_links(site):
    html = article(site, "kartor/karta")
    twin = html[html.index('id="kartan-som-text"'):]
    k2 = twin[twin.index("K2 · Samverkan"):twin.index("R2 · ")]
    assert "Trygg hemgång för Esther" in k2 and "Kontinuitet och fast läkarkontakt" in k2


def test_matrix_marks_linked_cells(site):
    html = article(site, "kartor/matris")
    row = re.search(r'<tr><th scope="row"[^>]*><a[^>]*>Trygg hemgång för Esther</a></th>(.*?)</tr>', html, re.S).group(1)
    cells = re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)
    assert "kopplad" in cells[0] and "kopplad" not in cells[1]  # columns: K2, R2


def test_matrix_heads_show_short_names_and_name_the_full_strategy(site):
    html = article(site, "kartor/matris")
    head = re.search(r'<th scope="col" class="kb-matris-strategi">(.*?)</th>', html, re.S).group(1)
    assert 'aria-label="K2 Samverkan och kontinuitet för invånare med komplexa behov"' in head
    assert '<span class="kb-matris-kod">K2</span>' in head
    assert '<span class="kb-matris-kortnamn">Samverkan och kontinuitet</span>' in head


def test_matrix_markup_passes_the_generated_allow_list(site):
    """The matrix page runs macros and is not sanitized at build time: its markup must already be clean."""
    from macros import sanitize

    html = article(site, "kartor/matris")
    for table in re.findall(r'<div class="kb-matris-ram">.*?</table></div></div>', html, re.S):
        assert sanitize.removals(table, generated=True) == []


def test_coverage_lists_what_is_missing(site):
    html = article(site, "kartor/tackning")
    missing_story = html[html.index('id="strategier-utan-berattelse"'):html.index('id="strategier-utan-indikator"')]
    assert "R2 " in missing_story and "K2 " not in missing_story
    assert "Alla indikatorer har mätvärden." in html


def test_org_chart_nests_bodies_under_their_parent(site):
    html = article(site, "kartor/styrning")
    forum = html[html.index("Kommunalt forum"):]
    assert re.search(r"Kommunalt forum<small>Politisk nivå</small></a><ul><li><a[^>]*>ReKo", forum)


def test_timeline_lists_dated_events_by_year(site):
    html = article(site, "kartor/tidslinje")
    assert re.search(r'<h2 id="1997">1997.*?Esther-arbetet började som ett projekt\. \(<a href="../../personas/esther/">',
                     html, re.S)


def test_indicator_page_has_an_accessible_chart_and_its_data_table(site):
    html = article(site, "indikatorer/kontinuitet")
    chart = re.search(r'<figure class="kb-diagram">.*?</figure>', html, re.S).group(0)
    assert "<figcaption" in chart and "Enhet: procent" in chart and '<span class="kb-stapel-varde">45,5</span>' in chart
    assert re.search(r'<svg class="kb-stapel-yta" aria-hidden="true"[^>]*><rect width="91.0%"', chart)
    table = re.search(r'<div class="kb-tabellrulle" role="region" tabindex="0" aria-label="[^"]+">.*?</table>', html, re.S)
    assert table and '<td class="kb-tal">45,5</td>' in table.group(0)


def test_selecting_a_node_highlights_its_links_by_keyboard(site, browser):
    url, stop = serve(site)
    try:
        page = browser.new_page()
        page.goto(url + "kartor/karta/")
        button = page.locator('.kb-nod[data-id="k2"] button')
        button.focus()
        page.keyboard.press("Enter")
        assert button.get_attribute("aria-pressed") == "true"
        assert "kb-nod--kopplad" in page.locator('.kb-nod[data-id="trygg-hemgang"]').get_attribute("class")
        assert "kb-nod--kopplad" not in (page.locator('.kb-nod[data-id="r2"]').get_attribute("class") or "")
        assert "Trygg hemgång för Esther" in page.locator(".kb-karta__status").text_content()
        page.select_option('[data-kb-filter="owner"]', "region")
        assert page.locator('.kb-nod[data-id="k2"]').is_hidden()
        assert page.locator('.kb-nod[data-id="r2"]').is_visible()
        page.close()
    finally:
        stop()


def test_tag_pages_list_items_under_each_facet_value(site):
    html = article(site, "amnen/strategigrupper")
    older = html[html.index("Äldre"):]
    assert "Trygg hemgång för Esther" in older
    assert "Gammal arkiverad berättelse" not in html and "Hemligt utkast" not in html
    strategies = article(site, "amnen/strategier")
    assert "K2 · Samverkan och kontinuitet" in strategies and "Kontinuitet och fast läkarkontakt" in strategies


def test_story_page_shows_its_facet_tags(site):
    html = (site / "berattelser" / "trygg-hemgang" / "index.html").read_text(encoding="utf-8")
    tags = re.findall(r'<a href="([^"]+)" class="md-tag">([^<]+)</a>', html)
    assert ("../../amnen/strategigrupper/#tag:strategigrupp/äldre", "Strategigrupp/Äldre") in tags
    assert ("../../amnen/personas/#tag:persona/esther", "Persona/Esther") in tags
    assert any(name.startswith("Strategi/K2 ") for _, name in tags)
