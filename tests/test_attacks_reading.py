"""Attacks on the reading side: every place a contributed value is printed, and the author's footnotes.

The hostile values are written with YAML escapes (\\x3c for <, \\x20 before an event handler), so the
validator's patterns on the raw file do not see them and the build must keep them text by itself,
also on the developer pages, which run Jinja and skip the sanitizer.
"""

import html
import html.parser
import re

import pytest
from sitebuild import (
    ATOM_ELEMENTS,
    FIXTURES,
    build,
    build_strict_and_lenient,
    make_fixture_project,
    serve,
    text_of,
    unexpected_warnings,
)

from macros.views import sanitize


def payload(n: int) -> str:
    """A YAML double-quoted string that becomes markup (calling kbPwn(n)) if printed unescaped."""
    return (
        '"' + f"Fientlig \\x3cimg src=x\\x20onerror=kbPwn({n})\\x3e \\x22\\x3e\\x3csvg\\x20onload=kbPwn({n})\\x3e"
        f"\\x3c/script\\x3e\\x3cscript\\x3ekbPwn({n})\\x3c/script\\x3e \\x3cdiv class=\\x22kb-amnen-slot\\x22\\x3e"
        f"\\x3c/div\\x3e \\x3ca href=java\\x73cript:kbPwn({n})\\x3elänk\\x3c/a\\x3e [l](java\\x73cript:kbPwn({n}))"
        + '"'
    )


def title_payload(n: int) -> str:
    """The same attack within a story title's length limit (120 characters): a broken-out attribute, an
    element with a handler, a script element and a javascript: link, each calling kbPwn(n)."""
    return (
        '"' + f"\\x3cimg src=x\\x20onerror=kbPwn({n})\\x3e\\x22\\x3e\\x3cscript\\x3ekbPwn({n})\\x3c/script\\x3e "
        f"[l](java\\x73cript:kbPwn({n}))" + '"'
    )


STORY = f"""---
titel: {title_payload(1)}
beskrivning: {payload(2)}
slag: illustrativ
personas: [esther, fientlig-persona]
strategier: [K2]
indikatorer: [fientlig-indikator]
kommuner: [hela-lanet]
forfattare: {payload(3)}
sokord: [{payload(4)}]
status: publicerad
ansvarig: {payload(5)}
skapad: 2026-01-10
tidslinje:
  - ar: 2020
    handelse: {payload(6)}
kallor:
  - text: {payload(7)}
  - dokument: kommunernas-plan
    avsnitt: {payload(8)}
---

Texten.
"""

INDICATOR = f"""---
titel: {payload(20)}
beskrivning: {payload(21)}
definition: {payload(22)}
enhet: {payload(23)}
riktning: hogre-ar-battre
dataagare: {payload(24)}
mal: {payload(25)}
strategier: [K2]
serie:
  - period: {payload(26)}
    varde: 40
    omfattning: {payload(27)}
    kalla: {payload(28)}
  - period: "2024 {payload(29)[1:]}
    varde: 45
    omfattning: {payload(27)}
status: publicerad
ansvarig: Test
skapad: 2026-01-10
kallor:
  - text: Test
---

Indikatortext.
"""

PERSONA = f"""---
titel: {payload(30)}
beskrivning: {payload(31)}
fragan: {payload(32)}
status: publicerad
ansvarig: Test
skapad: 2026-01-10
kallor:
  - text: Test
---

Persona.
"""

# The developer pages, which run Jinja and skip the sanitizer: every macro that prints titles.
DEVELOPER_PAGES = {
    "index.md": ('{{ nytt_och_andrat(antal=20) }}\n\n{{ sokruta() }}\n\n!!! kalla "Förbehåll"\n    Källan är gammal.'),
    "bidra/index.md": (
        '{{ giltiga_id("strategi") }}\n\n{{ giltiga_id("indikator") }}\n\n{{ giltiga_id("persona") }}\n\n'
        '{{ lista(typ="berättelse", visning="lista", gruppera="strategi") }}\n\n'
        '{{ lista(typ="berättelse", visning="tabell") }}'
    ),
    "bidra/falt.md": '{{ faltoversikt("berättelse") }}\n\n{{ faltreferens("berättelse") }}',
    "kartor/karta.md": "{{ karta() }}\n\n{{ karta_som_text() }}",
    "kartor/matris.md": '{{ matris(rader="berättelse") }}\n\n{{ matris(rader="indikator") }}',
    "kartor/tackning.md": "{{ tackning() }}",
    "kartor/tidslinje.md": "{{ tidslinje() }}",
    "indikatorer/index.md": "{{ indikatorer_i_korthet() }}",
}


def hostile_project(tmp):
    project = make_fixture_project(tmp, FIXTURES / "base")
    (project / "stories" / "fientlig.md").write_text(STORY, encoding="utf-8")
    (project / "docs" / "indikatorer" / "fientlig-indikator.md").write_text(INDICATOR, encoding="utf-8")
    (project / "docs" / "personas" / "fientlig-persona.md").write_text(PERSONA, encoding="utf-8")
    strategy = project / "strategies" / "k2.md"
    text = strategy.read_text(encoding="utf-8")
    for number, name in enumerate(("titel", "kortnamn", "beskrivning"), start=40):
        text = re.sub(
            rf"^{name}: .*$",
            lambda m, name=name, number=number: f"{name}: {payload(number)}",
            text,
            count=1,
            flags=re.M,
        )
    strategy.write_text(text, encoding="utf-8")
    for path, body in DEVELOPER_PAGES.items():
        target = project / "docs" / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(
            f"---\ntitel: Sida\nbeskrivning: Utvecklarsida.\nkallor:\n  - text: Test\n---\n\n{body}\n", encoding="utf-8"
        )
    return project


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("hostile-reading")
    result = build(hostile_project(tmp), tmp / "site", today="2026-11-23")
    assert result.returncode == 0, result.stdout + result.stderr
    assert unexpected_warnings(result.stdout + result.stderr) == []
    return tmp / "site"


class LiveMarkup(html.parser.HTMLParser):
    """What a browser would run or treat as the site's own markup, found in parsed HTML."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found, self.open = [], []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"<{tag} {name}={value}>")
            if value and re.match(r"\s*javascript:", value, re.I):
                self.found.append(f"<{tag} {name}={value}>")
        if tag == "div" and "kb-amnen-slot" in (dict(attrs).get("class") or ""):
            self.found.append("a template slot")
        self.open.append(tag)

    def handle_endtag(self, tag):
        while self.open and self.open.pop() != tag:
            pass

    def handle_data(self, data):
        if self.open and self.open[-1] == "script" and "kbPwn" in data:
            self.found.append(f"<script>{data[:40]}")


def live_markup(text: str) -> list[str]:
    parser = LiveMarkup()
    parser.feed(text)
    return parser.found


def test_the_hostile_values_really_are_in_the_site(hostile_site):
    """So the next test cannot pass on a site where the payloads never arrived."""
    assert "kbPwn(1)" in text_of(hostile_site, "berattelser/fientlig")
    for n in (1, 20, 30, 41):
        assert f"kbPwn({n})" in text_of(hostile_site, "kartor/karta")
    assert "kbPwn(41)" in text_of(hostile_site, "bidra")
    fields = html.unescape(text_of(hostile_site, "bidra/falt"))
    assert all(f"kbPwn({n})" in fields for n in (20, 30, 41))  # the field reference's allowed values
    assert live_markup('<p><img src=x onerror="kbPwn(1)"><a href="javascript:kbPwn(1)">x</a></p>')  # the scan finds it


def test_no_contributed_value_becomes_markup_on_any_page(hostile_site):
    """Titles, short names, descriptions, units, periods, scopes, sources and timeline text stay text
    everywhere: content pages, tag pages, and the developer pages that skip the sanitizer."""
    found = {}
    for path in sorted(hostile_site.rglob("*.html")):
        markup = live_markup(path.read_text(encoding="utf-8"))
        if markup:
            found[path.relative_to(hostile_site).as_posix()] = markup[:3]
    assert found == {}


def test_no_page_shows_the_build_s_secret_markers(hostile_site):
    """The nonce that fences the author's text is secret to the build; developer pages skip the sanitizer,
    which otherwise removes the markers, so they are taken out there too."""
    assert "Källan är gammal." in text_of(hostile_site, "")  # under Om källorna, which is fenced
    for path in sorted(hostile_site.rglob("*.html")):
        assert "kb-author-" not in path.read_text(encoding="utf-8"), path


def test_the_search_index_holds_no_markup_from_contributed_values(hostile_site):
    from macros.adapters.offline_search import BrowserSearch

    offline = BrowserSearch.from_site(hostile_site)
    entries = offline.entries()
    assert any("kbPwn(1)" in entry["title"] for entry in entries)
    for entry in entries:
        assert live_markup(entry["title"]) == [] and live_markup(entry["text"]) == [], entry["location"]
        assert not re.search(r"<(?:img|svg|script|div|a)\b", entry["title"] + entry["text"]), entry["location"]
    words = [w for key in offline.manifest["shards"] for w in offline.shard(key)]
    assert words and all(not set("<>\"'`") & set(word) for word in words)


def test_the_atom_feed_carries_hostile_titles_and_descriptions_as_text(hostile_site):
    """nytt.xml parses, and each hostile value comes back from the XML exactly as written: text, never
    elements (the start page's feed link is on a developer page, which runs macros)."""
    import xml.etree.ElementTree as ET

    atom = "{http://www.w3.org/2005/Atom}"
    feed = ET.parse(hostile_site / "nytt.xml").getroot()
    entries = {e.findtext(f"{atom}title"): e for e in feed.iter(f"{atom}entry")}
    title = next(t for t in entries if "kbPwn(1)" in t)
    assert "<img src=x onerror=kbPwn(1)>" in title and "[l](javascript:kbPwn(1))" in title
    assert "<img src=x onerror=kbPwn(2)>" in entries[title].findtext(f"{atom}summary")
    assert {e.tag for e in feed.iter()} <= {f"{atom}{n}" for n in ATOM_ELEMENTS}
    assert '<a href="nytt.xml">Följ Nytt och ändrat' in text_of(hostile_site, "")


MARK_CALLS = "window.kbPwn = n => { (window.kbCalled = window.kbCalled || []).push(n); }"
INJECTED = (
    "() => [...document.querySelectorAll('img[onerror], svg[onload], [onerror], [onload], "
    'a[href^="javascript"], .md-search-result .kb-amnen-slot, .md-search-result img, .md-search-result svg\')]'
    ".map(e => e.outerHTML.slice(0, 80))"
)


@pytest.fixture(scope="module")
def hostile_url(hostile_site):
    url, shutdown = serve(hostile_site)
    yield url
    shutdown()


def test_searching_for_a_hostile_title_shows_it_as_text_in_chromium(page, hostile_url):
    from browser_search import open_search, search

    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.add_init_script(MARK_CALLS)
    open_search(page, hostile_url)
    for query in ("Fientlig", "onerror", "kbPwn", "script", "javascript"):
        assert search(page, hostile_url, query), query
        shown = page.eval_on_selector_all(".md-search-result__item", "els => els.map(e => e.textContent).join(' ')")
        assert "onerror=kbPwn" in shown, query  # the payload is there, as text
        assert page.evaluate(INJECTED) == [], query
    assert page.evaluate("window.kbCalled || null") is None and dialogs == []


def test_a_hostile_node_in_the_map_fills_the_detail_panel_with_text(page, hostile_url):
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.add_init_script(MARK_CALLS)
    page.set_viewport_size({"width": 1366, "height": 768})
    page.goto(hostile_url + "kartor/karta/")
    for node in ("fientlig", "k2", "fientlig-indikator"):
        page.click(f'.kb-nod[data-id="{node}"] > button')
        assert "onerror=kbPwn" in page.text_content("[data-kb-detalj]"), node
        assert page.evaluate(INJECTED) == [], node
    assert page.evaluate("window.kbCalled || null") is None and dialogs == []


# --- The author's footnotes -------------------------------------------------------------------------

FOOTNOTE_STORY = """
Text med fotnot.[^1]

[^1]: Fotnotens text. <p class="md-dialog md-dialog--active" id="__search" data-md-component="dialog">Falsk dialog</p>
    <label hidden role="alert">etikett</label> <nav class="md-header">meny</nav> <a href="#x" data-kb-lamna>l</a>
"""


def test_footnotes_are_cleaned_as_the_author_s_text():
    """Markdown writes the footnotes after the whole page, outside every author fence: they are still
    the author's, so the strict allow-list applies, not the wider one for the build's own markup."""
    start, end = sanitize.author_region("n")
    footnotes = (
        '<div class="footnote"><hr><ol><li id="fn:1"><p>Text <a href="https://example.org/">källa</a>'
        '<span class="md-dialog" data-md-component="dialog" role="alert">x</span><input type="checkbox">'
        '&nbsp;<a class="footnote-backref" href="#fnref:1" title="Tillbaka">↩</a></p></li></ol></div>'
    )
    page = (
        f'{start}<p>Text<sup id="fnref:1"><a class="footnote-ref" href="#fn:1">1</a></sup></p>{end}'
        f'<p class="kb-granskning" data-kb-x="1">Granskad</p>{footnotes}'
    )
    cleaned, removed = sanitize.clean_page_reporting(page, "n")
    assert '<p class="kb-granskning" data-kb-x="1">Granskad</p>' in cleaned  # the build's own part, as before
    assert "md-dialog" not in cleaned and "data-md-component" not in cleaned and "role=" not in cleaned
    assert "<input" not in cleaned
    assert '<a class="footnote-backref" href="#fnref:1" title="Tillbaka" rel="noopener noreferrer">↩</a>' in cleaned
    assert '<li id="fn:1">' in cleaned and 'href="https://example.org/"' in cleaned
    assert any('attributet class="md-dialog"' in what for what in removed)


@pytest.fixture(scope="module")
def footnote_builds(tmp_path_factory):
    story = (FIXTURES / "base" / "stories" / "trygg-hemgang.md").read_text(encoding="utf-8")
    return build_strict_and_lenient(
        tmp_path_factory.mktemp("footnotes"), {"fotnot.md": story.split("\n---\n")[0] + "\n---\n" + FOOTNOTE_STORY}
    )


def test_the_strict_build_stops_on_markup_in_a_footnote(footnote_builds):
    strict, _ = footnote_builds
    assert strict.returncode != 0
    assert 'stories/fotnot.md: attributet class="md-dialog md-dialog--active" på <p> togs bort' in strict.stderr
    assert "stories/fotnot.md: HTML-taggen <nav> togs bort" in strict.stderr


def test_a_footnote_cannot_dress_up_as_the_interface(footnote_builds):
    page = text_of(footnote_builds[1], "berattelser/fotnot")
    footnotes = page[page.index('<div class="footnote">') : page.index("</article>")]
    assert "Fotnotens text." in footnotes and "Falsk dialog" in footnotes
    for gone in ("md-dialog", 'id="__search"', "data-md-component", "data-kb-lamna", "<label", "<nav", "role="):
        assert gone not in footnotes, gone
    assert 'class="footnote-backref"' in footnotes


LEAD_CASES = [  # a contributed value printed at the start of a Markdown line (the lead, the short name)
    ("snippet line", '--8<-- "mkdocs.yml"'),
    ("jinja", "{{ 7*7 }} {% raw %}"),
    ("link syntax", "](javascript:alert(1)) [x](https://example.com)"),
    ("markup", '<img src=x onerror="alert(1)"> "citat"'),
    ("list and heading syntax", "# Rubrik\n- punkt"),
]


@pytest.mark.parametrize("name,value", LEAD_CASES, ids=[c[0] for c in LEAD_CASES])
def test_a_hostile_description_or_short_name_renders_as_plain_text(name, value):
    """The lead and a strategy's full-name line start a Markdown line: nothing in them may act as syntax."""
    from types import SimpleNamespace

    import markdown

    from macros.views.page_anatomy import lead_markdown

    item = SimpleNamespace(
        type=SimpleNamespace(key="strategy"), title=value, data={"beskrivning": value, "kortnamn": "Kort"}
    )
    html = markdown.markdown(
        lead_markdown(item),
        extensions=["attr_list", "pymdownx.snippets"],
        extension_configs={"pymdownx.snippets": {"base_path": ["/nonexistent"]}},
    )
    assert re.findall(r"<(\w+)", html) == ["p", "em", "p"], html  # two paragraphs, nothing else
    text = re.sub(r"<[^>]+>", "", html)
    import html as entities

    assert " ".join(value.split()) in entities.unescape(text)
