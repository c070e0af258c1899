"""Maps built from the catalog: karta, matris, täckning, organisation chart, timeline and charts."""

import re
from urllib.parse import urljoin, urlparse

import pytest
from sitebuild import FIXTURES, make_fixture_project, unexpected_warnings
from sitebuild import article_of as article


@pytest.fixture(scope="module")
def site(fixture_sites):
    built = fixture_sites.get("base", "sites/workflow", "sites/maps", real_docs=("kartor", "amnen"))
    result = built.result
    assert result.returncode == 0, result.stdout + result.stderr
    assert unexpected_warnings(result.stdout + result.stderr) == []
    return built.site


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
    twin = html[html.index('id="kartan-som-text"') :]
    k2 = twin[twin.index("K2 · Samverkan") : twin.index("R2 · ")]
    assert "Trygg hemgång för Esther" in k2 and "Kontinuitet och fast läkarkontakt" in k2
    # The map draws the story–indicator line too; the twin says it.
    stories = twin[twin.index("Berättelser och indikatorerna de tar upp") :]
    assert re.search(r"Trygg hemgång för Esther</a>: <a[^>]*>Kontinuitet och fast läkarkontakt</a>", stories)


def map_links(html) -> set[frozenset]:
    """Every link the nodes declare (data-links), as unordered pairs."""
    return {
        frozenset((a, b))
        for a, targets in re.findall(r'<li class="kb-nod" data-id="([^"]+)"[^>]*data-links="([^"]*)"', html)
        for b in targets.split()
    }


def test_map_draws_one_line_per_link_between_its_two_nodes(site):
    html = article(site, "kartor/karta")
    svg = re.search(r'<svg class="kb-karta__linjer"[^>]*>.*?</svg>', html, re.S).group(0)
    assert 'aria-hidden="true"' in svg and 'viewBox="0 0 ' in svg and 'preserveAspectRatio="none"' in svg
    lines = re.findall(r'<path class="kb-linje" data-fran="([^"]+)" data-till="([^"]+)" d="M [^"]+"', svg)
    links = map_links(html)
    assert {
        frozenset(("k2", "trygg-hemgang")),
        frozenset(("k2", "kontinuitet")),
        frozenset(("trygg-hemgang", "kontinuitet")),
    } <= links
    assert len(lines) == len(links) and {frozenset(pair) for pair in lines} == links


def test_story_indicator_lines_cross_the_strategy_column_between_strategies(site):
    from macros.views.map_layout import EDGES, HEIGHT

    html = article(site, "kartor/karta")
    path = re.search(r'data-fran="trygg-hemgang" data-till="kontinuitet" d="([^"]+)"', html).group(1)
    # ... C ... left,y L right,y C ...: straight across the strategy column at one height y
    across = re.search(rf"{EDGES['strategy_left']} ([\d.]+) L {EDGES['strategy_right']} ([\d.]+) C", path)
    assert across and across.group(1) == across.group(2)
    strategies = re.findall(r'<li class="kb-nod" [^>]*data-typ="strategy"', html)
    centres = [(i + 0.5) / len(strategies) * HEIGHT for i in range(len(strategies))]
    assert min(abs(float(across.group(1)) - c) for c in centres) > HEIGHT / len(strategies) / 4


class _Tags(__import__("html.parser").parser.HTMLParser):
    """Start tags with their attributes, names lower-cased, in document order."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, sorted((name, value or "") for name, value in attrs)))


def start_tags(html):
    parser = _Tags()
    parser.feed(html)
    return parser.tags


def test_the_generated_map_passes_the_sanitizer_untouched(site):
    """The map's markup (SVG included) is all on the generated allow-list: nothing would be stripped."""
    from macros.views.sanitize import clean_generated

    html = article(site, "kartor/karta")
    block = html[html.index('<div class="kb-karta"') : html.index('id="kartan-som-text"')]
    block = block[: block.rindex("</div>") + 6]
    assert "<svg" in block and "<button" in block and "<select" in block
    assert start_tags(clean_generated(block)) == start_tags(block)


def test_skip_link_lands_on_the_map(site):
    page = (site / "kartor" / "karta" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<a href="#kartan" class="md-skip">', page)
    html = article(site, "kartor/karta")
    heading = html.index('id="kartan"')
    assert heading < html.index('<div class="kb-karta"') and "<button" not in html[:heading]


def test_matrix_marks_linked_cells(site):
    html = article(site, "kartor/matris")
    row = re.search(r'<tr><th scope="row"[^>]*><a[^>]*>Trygg hemgång för Esther</a></th>(.*?)</tr>', html, re.S).group(
        1
    )
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
    from macros.views import sanitize

    html = article(site, "kartor/matris")
    for table in re.findall(r'<div class="kb-matris-ram">.*?</table></div></div>', html, re.S):
        assert sanitize.removals(table, generated=True) == []


def test_coverage_lists_what_is_missing(site):
    html = article(site, "kartor/tackning")
    missing_story = html[html.index('id="strategier-utan-berattelse"') : html.index('id="strategier-utan-indikator"')]
    assert "R2 " in missing_story and "K2 " not in missing_story
    assert "Alla indikatorer har mätvärden." in html


def test_org_chart_nests_bodies_under_their_parent(site):
    html = article(site, "kartor/styrning")
    forum = html[html.index("Kommunalt forum") :]
    assert re.search(r"Kommunalt forum<small>Politisk nivå</small></a><ul><li><a[^>]*>ReKo", forum)


def test_timeline_lists_dated_events_by_year(site):
    html = article(site, "kartor/tidslinje")
    assert re.search(
        r'<h2 id="1997">1997.*?Esther-arbetet började som ett projekt\. \(<a href="../../personas/esther/">', html, re.S
    )


def test_indicator_page_has_an_accessible_chart_and_its_data_table(site):
    html = article(site, "indikatorer/kontinuitet")
    chart = re.search(r'<figure class="kb-diagram">.*?</figure>', html, re.S).group(0)
    assert "<figcaption" in chart and "Enhet: procent" in chart and '<span class="kb-stapel-varde">45,5</span>' in chart
    assert re.search(r'<svg class="kb-stapel-yta" aria-hidden="true"[^>]*><rect width="91.0%"', chart)
    table = re.search(
        r'<div class="kb-tabellrulle" role="region" tabindex="0" aria-label="[^"]+">.*?</table>', html, re.S
    )
    assert table and '<td class="kb-tal">45,5</td>' in table.group(0)


def test_tag_pages_list_items_under_each_facet_value(site):
    html = article(site, "amnen/strategigrupper")
    older = html[html.index("Äldre") :]
    assert "Trygg hemgång för Esther" in older
    assert "Gammal arkiverad berättelse" not in html and "Hemligt utkast" not in html
    strategies = article(site, "amnen/strategier")
    assert "K2 · Samverkan och kontinuitet" in strategies and "Kontinuitet och fast läkarkontakt" in strategies


def test_story_page_shows_its_facet_tags(site):
    html = (site / "berattelser" / "trygg-hemgang" / "index.html").read_text(encoding="utf-8")
    # Under Kopplingar, grouped by facet with short labels: <dt>Facet</dt><dd><a href=…>value</a></dd>.
    listing = html[html.index('id="kopplingar"') :]
    listing = listing[listing.index('<dl class="kb-amnen">') : listing.index("</dl>")]
    tags, facet = [], None
    for kind, value, href, label in re.findall(r'<(dt)>([^<]+)</dt>|<dd><a href="([^"]+)">([^<]+)</a></dd>', listing):
        facet = value if kind else facet
        if not kind:
            tags.append((href, f"{facet}/{label}"))
    assert ("../../amnen/strategigrupper/#tag:strategigrupp/äldre", "Strategigrupp/Äldre") in tags
    assert ("../../amnen/personas/#tag:persona/esther", "Persona/Esther") in tags
    assert any(name.startswith("Strategi/K2 · ") for _, name in tags)
    assert "md-tag" not in html[: html.index('id="kopplingar"')]  # no chips above the content


def test_a_tag_outside_the_allow_list_stops_the_build_naming_file_and_line(tmp_path):
    """Tags come from checked fields; if one is not on the allow-list (the vocabularies and the content
    disagree) the generator stops with every such tag, in Swedish, at the field's line."""
    from macros.content.build import load_build
    from macros.views import facets

    project = make_fixture_project(tmp_path, FIXTURES / "base")
    state = load_build(project, False, "2026-11-23")
    esther = next(i for i in state.published_items() if i.id == "trygg-hemgang")
    allowed = facets.allowed_tags(state.catalog) - {"Persona/Esther"}
    problems = facets.tag_problems(state, allowed)
    line = esther.line("personas")
    assert f"stories/trygg-hemgang.md:{line}: ämnesordet 'Persona/Esther' (från fältet 'personas')" in "\n".join(
        problems
    )
    assert facets.tag_problems(state) == []


def test_a_tag_page_naming_an_unknown_facet_stops_the_build(tmp_path):
    from macros.generate import staging

    project = make_fixture_project(tmp_path, FIXTURES / "base")
    (project / "docs" / "amnen").mkdir()
    (project / "docs" / "amnen" / "x.md").write_text(
        "---\ntitel: X\nbeskrivning: X.\n---\n\n<!-- material/tags { include: [Okänd] } -->\n", encoding="utf-8"
    )
    with pytest.raises(staging.GenerationError) as error:
        staging.write_staging(project, tmp_path / "staging", today="2026-11-23")
    assert "docs/amnen/x.md:6: ämnessidan listar Okänd" in str(error.value)
