"""Answer first, on every page: title and a sentence of text on the first phone screen, nothing wider
than the screen, and the anatomy in its order (lead, body, Kopplingar, Om källorna, foot).

The browser tests walk every built page, so a new page is covered without new code.
"""

import re

import pytest
from sitebuild import FIXTURES, build, make_fixture_project, text_of, unexpected_warnings
from sweeps import DESKTOP, each_loaded

PHONE = {"width": 390, "height": 844}

# The first paragraph of the page's own text: the lead if it has one, else the first paragraph in the
# article that is not inside a box, a list of cards or the breadcrumb.
FIRST_SCREEN = """() => {
  const article = document.querySelector('article.md-content__inner');
  const h1 = article && article.querySelector('h1');
  const paragraphs = [...article.querySelectorAll('p')].filter(p =>
    p.textContent.trim().length > 20 && !p.closest('.admonition, details, nav, .md-path') && p.offsetParent !== null);
  const first = paragraphs[0];
  return {
    h1: h1 ? h1.getBoundingClientRect().top + window.scrollY : null,
    paragraph: first ? first.getBoundingClientRect().top + window.scrollY : null,
    text: first ? first.textContent.trim().slice(0, 60) : '',
  };
}"""
WIDTH = "() => [document.documentElement.scrollWidth, window.innerWidth]"


def _walk(browser, site_url, pages, viewport, check):
    context = browser.new_context(
        viewport=viewport, locale="sv-SE", is_mobile=viewport is PHONE, has_touch=viewport is PHONE
    )
    # Layout is all these checks read: the search index (the largest download) is not needed.
    context.route("**/search/search_index.json", lambda route: route.abort())
    failures = []
    try:
        # Material's scripts run after the stylesheets have loaded, so layout is final at domcontentloaded.
        for path, tab in each_loaded(context, site_url, pages, wait_until="domcontentloaded"):
            problem = check(tab)
            if problem:
                failures.append(f"/{path}: {problem}")
    finally:
        context.close()
    return failures


def test_every_page_on_a_phone_shows_title_and_first_sentence_on_the_first_screen_and_fits(browser, site_url, pages):
    def check(tab):
        if too_wide(tab):
            return too_wide(tab)
        found = tab.evaluate(FIRST_SCREEN)
        if found["h1"] is None:
            return "ingen rubrik (h1)"
        if found["h1"] > 0.4 * PHONE["height"]:
            return f"rubriken börjar {found['h1']:.0f} px ner"
        if found["paragraph"] is None or found["paragraph"] > PHONE["height"]:
            return f"första stycket börjar {found['paragraph']} px ner ({found['text']!r})"
        return None

    failures = _walk(browser, site_url, pages, PHONE, check)
    assert not failures, "\n".join(failures)


def too_wide(tab):
    scroll, inner = tab.evaluate(WIDTH)
    return f"sidan är {scroll} px bred i ett {inner} px brett fönster" if scroll > inner else None


def test_no_page_is_wider_than_a_desktop_screen(real_site_visits, pages):
    """Read from the one walk of the real site (tests/sweeps.py), which loads every page at DESKTOP."""
    failures = []
    for path in pages:
        scroll, inner = real_site_visits.visits[path].width
        assert inner == DESKTOP["width"], f"/{path}: fönstret var {inner} px brett"
        if scroll > inner:
            failures.append(f"/{path}: sidan är {scroll} px bred i ett {inner} px brett fönster")
    assert not failures, "\n".join(failures)


def _article(html: str) -> str:
    return html[html.index("<article") : html.index("</article>")]


def test_every_page_follows_the_anatomy_in_order(built_site, pages):
    """Nothing between breadcrumb and title; lead, Kopplingar, Om källorna and the foot in that order."""
    failures = []
    for path in pages:
        article = _article(text_of(built_site, path))
        h1 = article.find("<h1")
        before = re.sub(r"<!--.*?-->|\s", "", article[article.index(">") + 1 : h1])
        if h1 < 0 or before:
            failures.append(f"/{path}: något står före rubriken: {before[:80]}")
            continue
        order = [
            article.find(marker)
            for marker in (
                'class="kb-ingress"',
                'id="kopplingar"',
                'id="om-kallorna"',
                'class="kb-granskning"',
                'class="kb-foreslå"',
            )
        ]
        present = [at for at in order if at >= 0]
        if present != sorted(present) or (present and present[0] < h1):
            failures.append(f"/{path}: delarna står i fel ordning {order}")
        if '<nav class="md-tags"' in article or "md-content__button" in article:
            failures.append(f"/{path}: ämnesord eller redigeringsknappar ovanför innehållet")
    assert not failures, "\n".join(failures)


def test_source_caveats_are_collected_under_om_kallorna(built_site, pages):
    """Every kalla box of every page sits inside the one Om källorna section, none in the body."""
    boxes = 0
    for path in pages:
        article = _article(text_of(built_site, path))
        section = article.find('id="om-kallorna"')
        for match in re.finditer(r'class="admonition kalla"', article):
            boxes += 1
            assert 0 <= section < match.start(), f"/{path}: en källnotis står i brödtexten"
            assert article.rfind('<details class="kb-kallor"', 0, match.start()) > section, path
    assert boxes > 20  # the content has dozens; zero would mean the boxes were lost, not moved


def _top_level_labels(html: str) -> list[str]:
    """Labels of the first level of Material's primary menu (nested lists skipped)."""
    from html.parser import HTMLParser

    class Menu(HTMLParser):
        def __init__(self):
            super().__init__()
            self.depth, self.labels, self.want = 0, [], False

        def handle_starttag(self, tag, attrs):
            self.depth += tag == "ul"
            if tag == "li" and self.depth == 1 and "md-nav__item" in (dict(attrs).get("class") or ""):
                self.want = True

        def handle_endtag(self, tag):
            self.depth -= tag == "ul"

        def handle_data(self, data):
            if self.want and data.strip():
                self.labels.append(data.strip())
                self.want = False

    menu = Menu()
    menu.feed(html[html.index("md-nav--primary") : html.index("md-sidebar--secondary")])
    return menu.labels


def test_the_menu_has_at_most_nine_entries_and_starts_with_the_start_page(built_site):
    labels = _top_level_labels(text_of(built_site, "strategier/k2"))
    assert labels[0] == "Startsida" and 5 <= len(labels) <= 9, labels
    # Editors' pages are under Om kunskapsbanken, out of the readers' path.
    assert "Bidra" not in labels and "Att granska" not in labels


def test_the_start_page_offers_the_top_tasks_a_search_field_and_whats_new(built_site):
    article = _article(text_of(built_site, ""))
    for task, target in (
        ("Ny här", "introduktion/"),
        ("Strategierna", "strategier/"),
        ("Vem beslutar vad", "styrning/"),
        ("Resultat och indikatorer", "indikatorer/"),
        ("Berättelser", "berattelser/"),
        ("Kartor", "kartor/"),
        ("Ordlista", "ordlista/"),
    ):
        assert re.search(rf'<a href="{re.escape(target)}">{task}</a>', article), task
    assert re.search(r'<form class="kb-startsok" action="./" method="get" role="search"', article)
    assert re.search(r'<input id="kb-startsok-falt" name="q" type="search"', article)
    news = article[article.index('id="nytt-och-andrat"') :]
    news = news[: news.index("</ul>")]
    assert len(re.findall(r"<li><a href=", news)) == 6


def test_the_start_page_search_field_opens_the_search_with_results(browser, site_url):
    context = browser.new_context(viewport=PHONE, locale="sv-SE")
    tab = context.new_page()
    try:
        tab.goto(site_url, wait_until="load")
        tab.fill("#kb-startsok-falt", "utskrivningsklara")
        tab.press("#kb-startsok-falt", "Enter")
        tab.wait_for_selector(".md-search-result__item", timeout=15000)
        assert tab.input_value(".md-search__input") == "utskrivningsklara"
    finally:
        context.close()


# --- the anatomy's parts, in-process: one small case per behaviour ---------------------------------

SOURCE_NOTE_CASES = [
    {
        "name": "one box between paragraphs",
        "markdown": 'Före.\n\n!!! kalla "Källan anger inte året"\n    Ingen källa anger året.\n\nEfter.',
        "notes": ['!!! kalla "Källan anger inte året"\n    Ingen källa anger året.'],
        "body": "Före. Efter.",
    },
    {
        "name": "two boxes keep their order",
        "markdown": '!!! kalla "A"\n    a\n\nText.\n\n!!! kalla "B"\n    b\n',
        "notes": ['!!! kalla "A"\n    a', '!!! kalla "B"\n    b'],
        "body": "Text.",
    },
    {
        "name": "a box shown in fenced code stays",
        "markdown": 'Så här:\n\n```markdown\n!!! kalla "Exempel"\n    text\n```\n\nSlut.',
        "notes": [],
        "body": 'Så här: ```markdown !!! kalla "Exempel" text ``` Slut.',
    },
    {
        "name": "a nested box stays with its parent",
        "markdown": '!!! note "Yttre"\n    !!! kalla "Inre"\n        text\n',
        "notes": [],
        "body": '!!! note "Yttre" !!! kalla "Inre" text',
    },
    {
        "name": "other notes stay in the body",
        "markdown": '!!! note "Förväxla inte"\n    Två program.\n',
        "notes": [],
        "body": '!!! note "Förväxla inte" Två program.',
    },
    {
        "name": "a box runs until the first unindented line",
        "markdown": '!!! kalla "A"\n    rad ett\n\n    rad två\nEfter.',
        "notes": ['!!! kalla "A"\n    rad ett\n\n    rad två'],
        "body": "Efter.",
    },
]


@pytest.mark.parametrize("case", SOURCE_NOTE_CASES, ids=[c["name"] for c in SOURCE_NOTE_CASES])
def test_source_notes_are_lifted_out_of_the_body(case):
    from macros.views.page_anatomy import split_source_notes

    body, notes = split_source_notes(case["markdown"])
    assert notes == case["notes"]
    assert body.split() == case["body"].split()


HOSTILE_NOTE = """---
titel: Källnotis med fientligt innehåll
beskrivning: En berättelse vars källnotis försöker låna webbplatsens egna gränssnitt.
status: publicerad
ansvarig: Test
slag: illustrativ
skapad: 2026-01-10
forfattare: Test
verkliga_personer: false
strategier: [k2]
kommuner: [hela-lanet]
kallor:
  - text: Test
---

Texten.

!!! kalla "Källan anger inte"
    <span data-md-component="search-query" role="button" hidden>Dold knapp</span>
"""


@pytest.mark.langsam
def test_a_moved_source_note_is_still_sanitized_as_contributed_text(tmp_path):
    """The build's own markup may carry data-, role and hidden attributes; a caveat moved beside it may not."""
    project = make_fixture_project(tmp_path, FIXTURES / "base")
    (project / "stories" / "fientlig-kalla.md").write_text(HOSTILE_NOTE, encoding="utf-8")
    result = build(project, tmp_path / "site", today="2026-11-23", strict=False)
    assert result.returncode == 0, result.stdout + result.stderr
    article = _article(text_of(tmp_path / "site", "berattelser/fientlig-kalla"))
    notes = article[article.index('id="om-kallorna"') : article.index("</details>")]
    assert "Dold knapp" in notes
    assert not re.search(r"data-md-component|role=|hidden", notes), notes
    assert any("togs bort" in line for line in unexpected_warnings(result.stdout + result.stderr))
