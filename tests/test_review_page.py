"""The editors' page "Att granska", built from a fixture whose items each fall in one list or in none."""

import datetime
import html
import re

import pytest
from sitebuild import FIXTURES, article_of, make_fixture_project, unexpected_warnings

TODAY = "2026-11-23"
REVIEW = FIXTURES / "sites" / "review"


def build_with_guide(fixture_sites, preview: bool = False):
    """The base fixture, the review fixture and the real docs/bidra/ pages, built strictly (once a session)."""
    built = fixture_sites.get("base", "sites/review", real_docs=("bidra",), preview=preview, today=TODAY)
    result = built.result
    assert result.returncode == 0, result.stdout + result.stderr
    assert unexpected_warnings(result.stdout + result.stderr) == []
    return built.project, built.site


def section(page_html: str, heading: str, level: int = 2) -> str:
    """The HTML from a heading to the next heading of the same or a higher level."""
    start = re.search(rf"<h{level}[^>]*>{re.escape(heading)}", page_html)
    assert start, f"rubriken {heading!r} saknas"
    end = re.compile(rf"<h[1-{level}][\s>]").search(page_html, start.end())
    return page_html[start.end() : end.start() if end else len(page_html)]


def rows(part: str) -> list[list[str]]:
    """Table rows as lists of cell texts."""
    found = []
    for row in re.findall(r"<tr>(.*?)</tr>", part, flags=re.S):
        cells = re.findall(r"<td[^>]*>(.*?)</td>", row, flags=re.S)
        if cells:
            found.append([html.unescape(re.sub(r"<[^>]+>", "", c)).strip() for c in cells])
    return found


@pytest.fixture(scope="module")
def editors_page(fixture_sites):
    _, site = build_with_guide(fixture_sites)
    return site, article_of(site, "bidra/att-granska")


def test_each_list_shows_its_item_with_type_owner_and_date(editors_page):
    _, page = editors_page
    assert rows(section(page, "Under granskning")) == [
        ["Berättelse som väntar på granskning", "Berättelse", "Kommunikation Eksjö", "2 november 2026"]
    ]
    assert rows(section(page, "Granskningsdatum har passerat")) == [
        ["Berättelse med passerat granskningsdatum", "Berättelse", "Kommunikation Habo", "1 juni 2026"]
    ]
    assert rows(section(page, "Upphör inom 60 dagar")) == [
        ["Princip som upphör snart", "Princip", "Kommunal utveckling", "15 december 2026"]
    ]
    assert "Sammanställt 23 november 2026" in page


def test_items_needing_nothing_are_not_listed(editors_page):
    _, page = editors_page
    for title in (
        "Aktuell berättelse utan åtgärd",
        "Trygg hemgång för Esther",
        "Berättelse som redan har upphört",
        "Utkast med passerat granskningsdatum",
    ):  # the draft has no page in a production build
        assert title not in page


def test_links_lead_to_built_pages(editors_page):
    site, page = editors_page
    targets = re.findall(r'<td><a href="([^"]+)">', page)
    assert len(targets) == 3
    for target in targets:
        assert (site / "bidra" / "att-granska" / target / "index.html").resolve().is_file(), target


def test_preview_lists_overdue_drafts_too(fixture_sites):
    _, site = build_with_guide(fixture_sites, preview=True)
    overdue = rows(section(article_of(site, "bidra/att-granska"), "Granskningsdatum har passerat"))
    assert [r[0] for r in overdue] == [
        "Utkast med passerat granskningsdatum",
        "Berättelse med passerat granskningsdatum",
    ]


@pytest.mark.parametrize(
    "today,listed", [("2026-10-16", True), ("2026-10-15", False), ("2026-12-15", True), ("2026-12-16", False)]
)
def test_expiry_window_is_sixty_days_inclusive(tmp_path, today, listed):
    from macros.content.catalog import load_catalog
    from macros.views import review

    project = make_fixture_project(tmp_path, FIXTURES / "base", REVIEW)
    day = datetime.date.fromisoformat(today)
    page = review.page(load_catalog(project, day), False, "bidra/att-granska.md", day)
    expiring = page.split("## Upphör inom 60 dagar")[1]  # the last list on the page
    assert ("Princip som upphör snart" in expiring) is listed
