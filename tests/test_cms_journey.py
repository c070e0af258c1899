"""A communicator's way through the form in Chromium, at a phone's and a computer's size (issue 28):
where a story is (no way to publish past the review), what the form says after saving, Swedish
everywhere, and what a phone or a site without sign-in shows instead of the form.

With KB_GRANSKNING_SKARMBILDER set, the states' screenshots are also written to
.github/granskning/nummer-28/ for the review (they are taken either way, so the steps run the same).
"""

import os
import re
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from sitebuild import FIXTURES, ROOT, serve
from test_cms_browser import ANSWERS, REPO_URL, WCAG_TAGS, choose, fill, git, local_editor, open_new_story, write_site  # noqa: F401
from test_cms_config import decap_locales

from macros.content.catalog import load_catalog
from macros.generate import cms_config

PHONE, COMPUTER = {"width": 390, "height": 844}, {"width": 1366, "height": 768}
SHOTS = ROOT / ".github" / "granskning" / "nummer-28"
# English words that are not also Swedish ones: any of them in the form's visible text is an untranslated string.
ENGLISH_WORDS = {
    "the",
    "and",
    "of",
    "no",
    "options",
    "loading",
    "entry",
    "entries",
    "save",
    "saved",
    "publish",
    "published",
    "delete",
    "draft",
    "review",
    "ready",
    "new",
    "oops",
    "please",
    "changes",
    "unsaved",
    "january",
    "february",
    "march",
    "may",
    "june",
    "july",
    "august",
    "october",
    "login",
    "logout",
    "preview",
    "collection",
    "workflow",
    "quick",
    "add",
    "view",
    "sort",
    "with",
    "search",
    "edit",
    "back",
    "close",
    "choose",
    "select",
    "field",
    "required",
    "is",
    "are",
    "your",
    "you",
    "log",
}


def shoot(page, name: str, tmp_path: Path):
    target = SHOTS if os.environ.get("KB_GRANSKNING_SKARMBILDER") else tmp_path
    target.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(target / f"{name}.png"))


def axe_problems(page, where: str) -> list:
    result = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]})
    return [f"{where}: {v['id']}: {[n['target'] for n in v['nodes'][:3]]}" for v in result.response["violations"]]


def no_sideways_scrolling(page) -> bool:
    return page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")


def fill_valid_story(page, title: str):
    fill(page, "Titel", title)
    fill(page, "Beskrivning", ANSWERS["beskrivning"])
    choose(page, "Slag av berättelse", "Illustrativ")
    choose(page, "Kommuner", "Vetlanda")
    fill(page, "Författare", ANSWERS["forfattare"])


def test_no_publish_button_and_the_status_is_the_reviews(page, local_editor, tmp_path):
    """Decap's third status (ready to publish) and its Publicera button are the reviewer's: the form offers
    Utkast and Under granskning, explains the three states, and the file stays a draft (status: utkast) until
    the reviewer publishes it in the pull request."""
    url, repo = local_editor
    page.set_viewport_size(COMPUTER)
    open_new_story(page, url)
    states = " ".join(p.inner_text() for p in page.locator(".kb-info p").all())
    for state in cms_config.STATES:
        assert f"{state['term']}: {state['text']}" in states
    fill_valid_story(page, "Status i formuläret")
    page.get_by_role("button", name="Spara").click()
    page.locator("#kb-sparad").wait_for()
    shoot(page, "dator-sparad", tmp_path)
    assert page.get_by_role("button", name=re.compile("Publicera")).count() == 0
    page.get_by_role("button", name=re.compile("^Status:")).click()
    offered = [item.inner_text() for item in page.locator("[class*='-StatusDropdownItem']").all() if item.is_visible()]
    assert offered == ["Utkast", "Under granskning"]
    shoot(page, "dator-status", tmp_path)
    page.locator("[class*='-StatusDropdownItem']", has_text="Under granskning").click()
    page.get_by_role("button", name="Status: Under granskning").wait_for()
    page.goto(url + "#/workflow", wait_until="load")
    column = page.locator("[class*='-WorkflowListContainer'] > *").nth(1)
    column.get_by_text("Status i formuläret").wait_for()
    headers = [h.inner_text() for h in page.locator("[class*='-ColumnHeader']").all() if h.is_visible()]
    assert headers == ["Utkast", "Under granskning"], headers
    assert page.get_by_text("Publicera", exact=False).count() == 0
    shoot(page, "dator-arbetsflode", tmp_path)
    saved = git(repo, "show", "cms/stories/status-i-formularet:stories/status-i-formularet.md")
    assert "\nstatus: utkast " in saved  # the file says draft until the reviewer publishes


def test_after_saving_the_form_says_what_happens_next_and_where(page, local_editor, tmp_path):
    url, repo = local_editor
    page.set_viewport_size(COMPUTER)
    open_new_story(page, url)
    fill_valid_story(page, "Vad händer sedan")
    page.get_by_role("button", name="Spara").click()
    note = page.locator("#kb-sparad")
    note.wait_for()
    text = note.inner_text()
    assert "grenen cms/stories/vad-hander-sedan" in text  # the local backend: the branch, no GitHub links
    assert "Under granskning" in text and "CODEOWNERS" in text and "formuläret igen" in text
    assert note.get_attribute("role") == "status"
    problems = axe_problems(page, "sparad")
    assert problems == []


def test_the_github_links_after_saving_name_the_pull_request_and_its_check():
    settings = cms_config.editor_settings(
        load_catalog(FIXTURES / "base"), REPO_URL, "main", "https://a.example.org", ""
    )
    links = [link["href"].replace("{branch}", "cms/stories/x") for link in settings["next"]["links"]]
    assert links == [
        "https://github.com/kunskapsbanken/nara-vard-jonkoping/pulls?q=is%3Apr+head%3Acms/stories/x",
        "https://github.com/kunskapsbanken/nara-vard-jonkoping/actions?query=branch%3Acms/stories/x",
    ]


def english_locale() -> list:
    texts = decap_locales()["en"].values()
    return [t for t in texts if isinstance(t, str) and len(t.split()) >= 2 and "%{" not in t]


def test_every_text_the_form_shows_is_swedish(page, local_editor):
    url, _ = local_editor
    page.set_viewport_size(COMPUTER)
    seen = []
    page.goto(url, wait_until="load")
    page.get_by_role("button", name="Logga in").wait_for()
    seen.append(("inloggning", page.inner_text("body")))
    assert not page.locator("[class*='DecapLogo']").is_visible()  # no Decap logo; the form's name instead
    assert "formuläret för nya berättelser" in page.evaluate(
        "() => getComputedStyle(document.querySelector('[class*=AuthenticationPage]'), '::before').content"
    )
    page.get_by_role("button", name="Logga in").click()
    page.get_by_text("Trygg hemgång för Esther").wait_for()
    seen.append(("lista", page.inner_text("body")))
    open_new_story(page, url)
    page.get_by_role("button", name="Spara").click()
    page.get_by_text("Titel är obligatoriskt.").wait_for()
    seen.append(("formulär med fel", page.inner_text("body")))
    box = page.locator(
        "#"
        + page.evaluate(
            "() => Array.from(document.querySelectorAll('label')).find(l => l.textContent === 'Kommuner').htmlFor"
        )
    )
    box.click()
    box.fill("Gnosjöö")
    page.get_by_text("Inga val passar").wait_for()
    seen.append(("lista utan val", page.inner_text("body")))
    page.keyboard.press("Escape")
    fill_valid_story(page, "Bara svenska")
    page.get_by_role("button", name="Spara").click()
    page.locator("#kb-sparad").wait_for()
    seen.append(("sparad", page.inner_text("body")))
    page.goto(url + "#/workflow", wait_until="load")
    page.get_by_text("Bara svenska").wait_for()
    seen.append(("arbetsflöde", page.inner_text("body")))
    english = english_locale()
    found = []
    for where, text in seen:
        words = set(re.findall(r"[A-Za-z]+", text.replace("<!--", " ")))
        found += [f"{where}: ord {w}" for w in words if w.lower() in ENGLISH_WORDS]
        found += [f"{where}: {t}" for t in english if t in text]
    assert found == [], "\n".join(found)
    assert not re.search(
        r"\b(January|February|March|April|May|June|July|August|September|October|November|"
        r"December) \d",
        " ".join(text for _, text in seen),
    )  # Decap's "December 8"
    assert all("Decap" not in text for _, text in seen)


def test_on_a_phone_the_form_says_it_needs_a_wider_screen_and_offers_the_issue_form(page, local_editor, tmp_path):
    url, _ = local_editor
    page.set_viewport_size(PHONE)
    page.goto(url, wait_until="load")
    page.get_by_role("heading", name="Formuläret behöver en större skärm").wait_for()
    link = page.get_by_role("link", name="Föreslå en berättelse i ett formulär på GitHub")
    assert link.get_attribute("href") == REPO_URL + "/issues/new?template=berattelse.yml"
    assert page.get_by_role("link", name="Kunskapsbanken för God och nära vård").get_attribute("href") == "../"
    assert page.evaluate("() => document.querySelector('#nc-root') === null")  # Decap never started
    assert no_sideways_scrolling(page)
    shoot(page, "mobil-formularet", tmp_path)
    assert axe_problems(page, "mobil") == []
    page.set_viewport_size(COMPUTER)  # the same address on a computer: the form (so the test can fail)
    page.goto(url, wait_until="load")
    page.get_by_role("button", name="Logga in").wait_for()
    shoot(page, "dator-inloggning", tmp_path)


@pytest.fixture
def editor_not_switched_on(tmp_path):
    files = cms_config.site_files(load_catalog(FIXTURES / "base"), REPO_URL)
    url, shutdown = serve(write_site(tmp_path / "site", files))
    yield url + "redigera/"
    shutdown()


@pytest.mark.parametrize("size", [PHONE, COMPUTER], ids=["mobil", "dator"])
def test_without_sign_in_the_page_looks_like_the_site_and_offers_the_other_ways(
    page, editor_not_switched_on, size, tmp_path
):
    page.set_viewport_size(size)
    page.goto(editor_not_switched_on, wait_until="load")
    page.get_by_role("heading", name="Formuläret för nya berättelser").wait_for()
    assert (
        page.get_by_role("link", name="Föreslå en berättelse i ett formulär på GitHub").get_attribute("href")
        == REPO_URL + "/issues/new?template=berattelse.yml"
    )
    assert (
        page.get_by_role("link", name="Skriv berättelsen med mallen på GitHub")
        .get_attribute("href")
        .startswith(REPO_URL + "/new/main/stories?filename=")
    )
    assert page.get_by_role("link", name="Slå på formuläret").get_attribute("href") == "../bidra/administrator/"
    header = page.locator(".kb-sidhuvud")
    assert header.inner_text() == "Kunskapsbanken för God och nära vård"
    assert header.evaluate("e => getComputedStyle(e).backgroundColor") == "rgb(0, 86, 107)"  # the site's colour
    assert page.evaluate("() => getComputedStyle(document.body).fontFamily").startswith("system-ui")
    assert no_sideways_scrolling(page)
    shoot(page, f"{'mobil' if size is PHONE else 'dator'}-inte-pakopplat", tmp_path)
    assert axe_problems(page, "inte påslaget") == []


def test_the_form_on_a_computer_and_its_errors(page, local_editor, tmp_path):
    """The form's main states at a computer's size, for the review's screenshots: the form with its errors."""
    url, _ = local_editor
    page.set_viewport_size(COMPUTER)
    open_new_story(page, url)
    fill(page, "Beskrivning", "Ring 070-123 45 67 efter tre.")
    page.get_by_role("button", name="Spara").click()
    page.get_by_text("Texten ser ut att innehålla ett telefonnummer ('070…')").first.wait_for()
    assert no_sideways_scrolling(page)
    preview = page.frame_locator("iframe[title='Förhandsvisning av berättelsen']")
    preview.locator(".kb-forhandsvisning").wait_for()
    font = preview.locator(".kb-forhandsvisning").evaluate("e => getComputedStyle(e).fontFamily")
    assert font.startswith("system-ui")  # the site's font (its stylesheet's --md-text-font), not the browser's serif
    shoot(page, "dator-formular-med-fel", tmp_path)


@pytest.mark.parametrize("address", ["", "berattelser/esthers-berattelse/", "strategier/k2/", "kallor/"])
def test_the_guide_is_one_tap_away_on_a_phone_from_every_kind_of_page(page, site_url, address, tmp_path):
    """The header's Bidra link, on the start page, a story, a strategy and a page; on a computer it says
    Bidra med en berättelse. No sideways scrolling with it in the header."""
    page.set_viewport_size(PHONE)
    page.goto(site_url + address, wait_until="load")
    assert no_sideways_scrolling(page)
    link = page.locator(".md-header__source a")
    assert link.inner_text() == "Bidra" and link.get_attribute("aria-label") == "Bidra med en berättelse"
    box = link.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"] and box["y"] + box["height"] <= 60
    link.click()  # the one tap
    page.get_by_role("heading", name="Bidra med en berättelse", level=1).wait_for()
    assert page.url == site_url + "bidra/"
    if not address:
        shoot(page, "mobil-guiden", tmp_path)
    page.set_viewport_size(COMPUTER)
    page.goto(site_url + address, wait_until="load")
    assert page.locator(".md-header__source a").inner_text() == "Bidra med en berättelse"
