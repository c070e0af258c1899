"""The real site, built once: strict, Swedish, every page footed by the accessibility statement."""

import re

from sitebuild import ROOT

FOOTER_LINK = re.compile(r'<a href="[./]*/om/tillganglighet/">Tillgänglighetsredogörelse</a>')


def read(site, path):
    return (site / path / "index.html").read_text(encoding="utf-8")


def test_every_page_is_swedish_and_links_the_accessibility_statement(built_site, pages):
    missing = [p for p in pages if not FOOTER_LINK.search(read(built_site, p))]
    not_swedish = [p for p in pages if '<html lang="sv"' not in read(built_site, p)]
    assert missing == [] and not_swedish == [], (missing, not_swedish)


def test_accessibility_statement_has_the_fields_digg_requires(built_site):
    page = read(built_site, "om/tillganglighet")
    for heading in (
        "Hur tillgänglig är webbplatsen?",
        "Innehåll som inte är tillgängligt",
        "Hur vi testat webbplatsen",
        "Rapportera brister",
        "Tillsyn",
    ):
        assert f">{heading}<" in page, heading
    assert "delvis förenlig" in page
    assert 'href="https://www.digg.se/tdosanmalan"' in page
    assert re.search(r"\d{1,2} \w+ 20\d\d", page)  # when it was assessed


def test_start_page_says_where_to_begin(built_site):
    page = read(built_site, "")
    for target in ("introduktion/", "strategier/", "styrning/", "berattelser/", "bidra/"):
        assert f'href="{target}"' in page, target
    assert 'placeholder="Sök"' in page


def test_every_story_and_strategy_file_is_published_at_its_url(built_site):
    for folder, prefix in (("stories", "berattelser"), ("strategies", "strategier")):
        for path in (ROOT / folder).glob("*.md"):
            text = path.read_text(encoding="utf-8")
            if "status: utkast" in text:
                continue
            page = read(built_site, f"{prefix}/{path.stem}")
            assert f"/edit/main/{folder}/{path.stem}.md" in page


def test_stories_stay_out_of_the_menu(built_site):
    start = read(built_site, "")
    menu = start[start.index("md-sidebar--primary") : start.index("md-sidebar--secondary")]
    assert "berattelser/" in menu  # the stories' index page is in the menu
    for path in (ROOT / "stories").glob("*.md"):
        assert f"berattelser/{path.stem}/" not in menu


def test_the_engine_is_properdocs(built_site):
    """ProperDocs builds the site (it names itself in the generator tag); `make build` and `make serve`
    go through our ProperDocs adapter (generate, then build), never plain mkdocs."""
    assert re.search(r'<meta name="generator" content="mkdocs-ProperDocs [\d.]+,', read(built_site, ""))
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    for command in ("bygg", "visa"):
        assert re.search(rf"^\t\$\(BIN\)/python -m macros\.adapters\.properdocs {command} ", makefile, flags=re.M), (
            command
        )
    assert "/mkdocs " not in makefile and "properdocs build" not in makefile
    assert 'ENGINE = [sys.executable, "-m", "properdocs"]' in (ROOT / "macros/adapters/properdocs.py").read_text(
        encoding="utf-8"
    )
