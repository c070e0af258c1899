"""Git history in the build: one reader (macros/content/history.py), the Historik section, redirects from
old addresses, the Atom feed, and the validator's report on renamed pages.

A temporary git repository holds the small base fixture site; the tests commit, rename (git mv) and
delete in it as a contributor would, then build it as `make build` does (generate, then ProperDocs)
and once with Zensical from the same staging tree, and read what a reader gets: the built HTML, the
feed parsed as XML, and a real browser following an old address.
"""

import datetime
import html
import json
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest
from sitebuild import (
    ATOM_ELEMENTS,
    FIXTURES,
    REGION_ENV,
    ROOT,
    build,
    make_fixture_project,
    serve,
    text_of,
    unexpected_warnings,
)

from macros.content import history

# A reader's note (the `andring` field) and a commit subject with markup, a link, Jinja and XML in it; what
# the validator's guards would refuse (<script>, javascript:) is tested with the guards.
HOSTILE_MESSAGE = '<b>fet</b> [x](https://example.org/) {{ 7*7 }} {% endraw %} ]]> & "citat"'
HOSTILE_TITLE = 'Fet <b>rubrik</b> & "citat" ]]> {{ 7*7 }}'
ATOM = "{http://www.w3.org/2005/Atom}"


def noted(text: str, note: str) -> str:
    """A content file's text with its reader's note (the `andring` field) set to `note`."""
    lines = [line for line in text.split("\n") if not line.startswith("andring:")]
    return "\n".join([lines[0], f"andring: {json.dumps(note, ensure_ascii=False)}", *lines[1:]])


def story(title: str, description: str = "En berättelse för historiktesterna.", body: str = "Berättelsen.") -> str:
    """A valid story (the base fixture's fields), with its own title and text."""
    quoted = title.replace("\\", "\\\\").replace('"', '\\"')
    return f"""---
titel: "{quoted}"
beskrivning: {description}
slag: illustrativ
personas: [esther]
strategier: [K2]
kommuner: [hela-lanet]
forfattare: Testredaktionen
status: publicerad
ansvarig: Testredaktionen
skapad: 2026-01-10
senast_granskad: 2026-01-10
nasta_granskning: 2099-01-10
kallor:
  - dokument: kommunernas-plan
    avsnitt: Strategi 2
---

{body}
"""


class Repo:
    """A git repository a test commits in, with fixed dates so the history is the same every run."""

    def __init__(self, path: Path):
        self.path = path
        self.env = dict(
            os.environ,
            GIT_AUTHOR_NAME="Test",
            GIT_AUTHOR_EMAIL="test@example.org",
            GIT_COMMITTER_NAME="Test",
            GIT_COMMITTER_EMAIL="test@example.org",
            GIT_CONFIG_GLOBAL="/dev/null",
            GIT_CONFIG_NOSYSTEM="1",
        )
        self.git("init", "-q", "-b", "main")

    def git(self, *args: str, date: str = "2026-03-01T12:00:00+01:00") -> str:
        env = dict(self.env, GIT_AUTHOR_DATE=date, GIT_COMMITTER_DATE=date)
        return subprocess.run(
            ["git", *args], cwd=self.path, env=env, check=True, capture_output=True, text=True, encoding="utf-8"
        ).stdout

    def commit(self, message: str, date: str) -> None:
        self.git("add", "-A")
        self.git("commit", "-q", "-m", message, date=date)

    def write(self, rel: str, text: str) -> None:
        (self.path / rel).parent.mkdir(parents=True, exist_ok=True)
        (self.path / rel).write_text(text, encoding="utf-8")


def renamed_project(tmp: Path) -> Path:
    """The base fixture in git, with a hostile commit message, renames, a chain, a deletion and a reuse.

    1  everything added
    2  trygg-hemgang.md and the start page changed, with a hostile commit message
    3  trygg-hemgang → trygg-hemgang-hemma, gammal-a → gammal-b, borttagen → borttagen-2,
       upptagen → ny-plats
    4  gammal-b → gammal-c, borttagen-2 deleted, a new story at upptagen.md
    """
    project = make_fixture_project(tmp, FIXTURES / "base")
    repo = Repo(project)
    repo.write("stories/gammal-a.md", story("Kedjan"))
    repo.write("stories/borttagen.md", story("Borttagen"))
    repo.write("stories/upptagen.md", story("Den första på platsen"))
    repo.write("stories/fientlig-titel.md", story(HOSTILE_TITLE, "Beskrivning med <i>kursiv</i> & ]]> {{ 7*7 }}"))
    start = project / "docs" / "index.md"  # a developer page (runs macros): Nytt och ändrat, and its own Historik
    start.write_text(
        start.read_text(encoding="utf-8") + "\n## Nytt och ändrat\n\n{{ nytt_och_andrat(antal=3) }}\n", encoding="utf-8"
    )
    repo.commit("Första versionen", "2026-03-01T12:00:00+01:00")
    path = project / "stories" / "trygg-hemgang.md"
    path.write_text(
        noted(path.read_text(encoding="utf-8").replace("Esther kommer hem", "Esther kommer hem igen"), HOSTILE_MESSAGE),
        encoding="utf-8",
    )
    start.write_text(
        noted(start.read_text(encoding="utf-8").replace("Start.", "Start här."), HOSTILE_MESSAGE), encoding="utf-8"
    )
    repo.commit(HOSTILE_MESSAGE + "\n\nBrödtexten syns inte.", "2026-03-02T12:00:00+01:00")
    for old, new in (
        ("trygg-hemgang", "trygg-hemgang-hemma"),
        ("gammal-a", "gammal-b"),
        ("borttagen", "borttagen-2"),
        ("upptagen", "ny-plats"),
    ):
        repo.git("mv", f"stories/{old}.md", f"stories/{new}.md")
    repo.commit("Nya filnamn", "2026-03-03T12:00:00+01:00")
    repo.git("mv", "stories/gammal-b.md", "stories/gammal-c.md")
    repo.write("stories/gammal-c.md", noted(story("Kedjan"), "Kedjan fick ett nytt namn och en ny mening."))
    repo.git("rm", "-q", "stories/borttagen-2.md")
    # Different enough that git does not take the deleted file and the new one for a rename.
    repo.write(
        "stories/upptagen.md",
        story(
            "Den andra på platsen",
            "Helt annan.",
            "\n\n".join(f"Stycke {n} om något helt annat än de andra berättelserna i testet." for n in range(40)),
        ),
    )
    repo.commit("Kedjan fortsätter, en borttagen, en ny på den gamla platsen", "2026-03-04T12:00:00+01:00")
    return project


# --- the reader, in process ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    return renamed_project(tmp_path_factory.mktemp("history"))


def test_one_read_gives_each_file_its_commits_newest_first_across_renames(project):
    past = history.read(project)
    assert past.available and past.complete
    subjects = [c.commit.subject for c in past.of("stories/trygg-hemgang-hemma.md")]
    assert subjects == ["Nya filnamn", HOSTILE_MESSAGE, "Första versionen"]  # the subject line only
    assert [c.status for c in past.of("stories/trygg-hemgang-hemma.md")] == ["R", "M", "A"]
    assert [c.status for c in past.of("stories/gammal-c.md")] == ["R", "R", "A"]
    assert past.dates["stories/gammal-c.md"].isoformat() == "2026-03-04"
    # What a reader is told: the note the commit gave the file, the publication; a rename alone is not a change.
    assert [c.note for c in past.of("stories/trygg-hemgang-hemma.md")] == ["", HOSTILE_MESSAGE, "Sidan publicerades."]
    assert [c.note for c in past.for_readers("stories/trygg-hemgang-hemma.md")] == [
        HOSTILE_MESSAGE,
        "Sidan publicerades.",
    ]
    assert past.dates["stories/trygg-hemgang-hemma.md"].isoformat() == "2026-03-02"
    # The new file at a reused path has only its own history; the old one's went with it to ny-plats.
    assert [c.commit.subject for c in past.of("stories/upptagen.md")] == [
        "Kedjan fortsätter, en borttagen, en ny på den gamla platsen"
    ]
    assert len(past.of("stories/ny-plats.md")) == 2


def test_renames_resolve_chains_and_leave_deleted_files_out(project):
    renames = history.read(project).renames
    assert renames["stories/trygg-hemgang.md"] == "stories/trygg-hemgang-hemma.md"
    assert renames["stories/gammal-a.md"] == renames["stories/gammal-b.md"] == "stories/gammal-c.md"
    assert "stories/borttagen.md" not in renames and "stories/borttagen-2.md" not in renames
    assert renames["stories/upptagen.md"] == "stories/ny-plats.md"  # the redirect step sees the new page there


def test_without_git_the_history_is_unavailable_and_nothing_fails(tmp_path):
    (tmp_path / "stories").mkdir()
    past = history.read(tmp_path)
    assert not past.available and past.changes == {} and past.renames == {}


def test_a_shallow_clone_drops_the_cut_off_commit_and_says_it_is_incomplete(project, tmp_path):
    clone = tmp_path / "clone"
    subprocess.run(
        ["git", "clone", "-q", "--depth", "2", f"file://{project}", str(clone)], check=True, capture_output=True
    )
    past = history.read(clone)
    assert past.available and not past.complete
    # Depth 2: commits 4 and 3; commit 3 is the cut-off, which git shows as adding every file.
    assert [c.commit.subject for c in past.of("stories/gammal-c.md")] == [
        "Kedjan fortsätter, en borttagen, en ny på den gamla platsen"
    ]
    assert past.of("stories/trygg-hemgang-hemma.md") == []


def test_a_forged_record_in_a_commit_message_is_text(tmp_path):
    """A subject that looks like the log's own record separators cannot add a file or a rename."""
    repo = Repo(tmp_path)
    repo.write("stories/a.md", "a")
    repo.commit("x\x1fy", "2026-03-01T12:00:00+01:00")
    repo.write("stories/a.md", "b")
    forged = "kb-0000\x1f" + "0" * 40 + "\x1f0000000\x1f2026-01-01T00:00:00+00:00\x1f\x1ffalsk\tR100"
    repo.commit(forged, "2026-03-02T12:00:00+01:00")
    past = history.read(tmp_path)
    assert list(past.changes) == ["stories/a.md"] and past.renames == {}
    assert [c.commit.subject for c in past.of("stories/a.md")][1] == "x y"  # control characters become spaces


# --- the build (generate, then ProperDocs): redirects, Historik, feed --------------------------


@pytest.fixture(scope="module")
def site(project, tmp_path_factory):
    site_dir = tmp_path_factory.mktemp("history-site")
    result = build(project, site_dir, today="2026-11-23")
    assert result.returncode == 0, result.stdout + result.stderr
    assert unexpected_warnings(result.stdout + result.stderr) == []
    return site_dir


class Links(HTMLParser):
    """The page's meta refresh, canonical link, links and script elements, as a browser parses them."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.refresh = self.canonical = None
        self.links, self.scripts = [], 0
        self._href, self._text = None, []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta" and attrs.get("http-equiv") == "refresh":
            self.refresh = attrs.get("content")
        elif tag == "link" and attrs.get("rel") == "canonical":
            self.canonical = attrs.get("href")
        elif tag == "a":
            self._href, self._text = attrs.get("href"), []
        elif tag == "script":
            self.scripts += 1

    def handle_data(self, data):
        if self._href is not None:
            self._text.append(data)

    def handle_endtag(self, tag):
        if tag == "a" and self._href is not None:
            self.links.append((self._href, "".join(self._text)))
            self._href = None


def parsed(html_text: str) -> Links:
    parser = Links()
    parser.feed(html_text)
    parser.close()
    return parser


@pytest.mark.parametrize(
    "old, new", [("trygg-hemgang", "trygg-hemgang-hemma"), ("gammal-a", "gammal-c"), ("gammal-b", "gammal-c")]
)
def test_an_old_address_leads_to_the_page_it_became(site, old, new):
    page = parsed(text_of(site, f"berattelser/{old}"))
    assert page.refresh == f"0; url=../{new}/"
    assert page.canonical == f"http://127.0.0.1:8000/berattelser/{new}/"
    assert (f"../{new}/", "Trygg hemgång för Esther" if old == "trygg-hemgang" else "Kedjan") in page.links
    assert page.scripts == 0
    assert "Sidan har flyttat" in text_of(site, f"berattelser/{old}")
    assert "Esther kommer hem igen" in text_of(site, f"berattelser/{new}") or new == "gammal-c"


def test_a_deleted_page_gets_no_redirect_and_a_reused_address_keeps_its_page(site):
    assert not (site / "berattelser" / "borttagen").exists()
    assert not (site / "berattelser" / "borttagen-2").exists()
    reused = text_of(site, "berattelser/upptagen")
    assert "Den andra på platsen" in reused and 'http-equiv="refresh"' not in reused
    assert "Den första på platsen" in text_of(site, "berattelser/ny-plats")


def test_a_browser_following_the_old_address_lands_on_the_new_page(site, page):
    url, shutdown = serve(site)
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    try:
        page.goto(url + "berattelser/trygg-hemgang/")
        page.wait_for_url(url + "berattelser/trygg-hemgang-hemma/")
        assert page.locator("h1").first.inner_text() == "Trygg hemgång för Esther"
    finally:
        shutdown()
    assert [r for r in requests if not r.startswith(url)] == []


def historik(site, path: str) -> str:
    html_text = text_of(site, path)
    start = html_text.index('id="historik"')
    return html_text[start : html_text.index('class="kb-granskning"', start)]


def test_story_pages_list_their_history_with_hostile_messages_as_text(site):
    section = historik(site, "berattelser/trygg-hemgang-hemma")
    page = parsed(section)
    base = "https://github.com/kunskapsbanken/nara-vard-jonkoping"
    commits = [(href, text) for href, text in page.links if "/commit/" in href]
    assert [text for _, text in commits] == [HOSTILE_MESSAGE, "Sidan publicerades."]  # no subject, no rename
    assert all(href.startswith(base + "/commit/") and len(href) == len(base) + 8 + 40 for href, _ in commits)
    assert (f"{base}/commits/main/stories/trygg-hemgang-hemma.md", "Se sidans historik på GitHub") in page.links
    assert page.scripts == 0 and "javascript:" not in "".join(href for href, _ in page.links)
    assert "&lt;b&gt;" in section and "Brödtexten" not in section and "Nya filnamn" not in section  # text
    assert "2 mars 2026" in section and "1 mars 2026" in section and "3 mars 2026" not in section


def test_the_feed_is_atom_newest_first_with_absolute_links_and_escaped_titles(site):
    raw = (site / "nytt.xml").read_text(encoding="utf-8")
    feed = ET.fromstring(raw)
    assert feed.tag == f"{ATOM}feed"
    for name in ("id", "title", "updated", "author"):
        assert feed.find(f"{ATOM}{name}") is not None, name
    entries = feed.findall(f"{ATOM}entry")
    assert 0 < len(entries) <= 30
    updated = [e.findtext(f"{ATOM}updated") for e in entries]
    assert updated == sorted(updated, reverse=True)
    titles = [e.findtext(f"{ATOM}title") for e in entries]
    assert set(titles[:2]) == {"Kedjan", "Den andra på platsen"}  # commit 4, the newest
    first = {e.findtext(f"{ATOM}title"): e for e in entries}
    assert first["Den andra på platsen"].findtext(f"{ATOM}summary").startswith("Nytt · Berättelse.")
    assert first["Kedjan"].findtext(f"{ATOM}summary").startswith("Ändrat · Berättelse.")
    for entry in entries:
        link = entry.find(f"{ATOM}link[@rel='alternate']").get("href")
        assert link.startswith("http://127.0.0.1:8000/") and link.endswith("/")
        assert entry.findtext(f"{ATOM}id").startswith(link + "#andring-")
    assert first[HOSTILE_TITLE].findtext(f"{ATOM}summary").endswith("Beskrivning med <i>kursiv</i> & ]]> {{ 7*7 }}")
    assert "<b>" not in raw and "<i>" not in raw  # text, not markup, in the document itself
    assert {element.tag for element in feed.iter()} <= {f"{ATOM}{name}" for name in ATOM_ELEMENTS}


def test_the_start_page_and_every_page_head_point_to_the_feed(site):
    start = text_of(site, "")
    assert '<a href="nytt.xml">Följ Nytt och ändrat i Outlook eller en annan flödesläsare</a>' in start
    head = '<link rel="alternate" type="application/atom+xml" title="Nytt och ändrat" href="{}nytt.xml">'
    assert head.format("") in start
    assert head.format("../../") in text_of(site, "berattelser/trygg-hemgang-hemma")


def test_a_developer_page_prints_hostile_messages_as_text_too(site):
    """The start page runs macros: its Historik is generated after them, so no message runs as Jinja."""
    links = parsed(historik(site, "")).links
    assert HOSTILE_MESSAGE in [text for _, text in links]


# --- the other engine: the same staging tree built by Zensical (macros/adapters/zensical.py) -------


@pytest.fixture(scope="module")
def staged_site(project, tmp_path_factory):
    from macros.adapters.zensical import build_staged

    result = build_staged(project, tmp_path_factory.mktemp("history-zensical"), today="2026-11-23")
    assert result.returncode == 0, "\n".join(result.problems) + result.output
    return result.site_dir


def test_zensical_copies_the_same_redirects_feed_and_history(site, staged_site):
    for old in ("trygg-hemgang", "gammal-a", "gammal-b"):
        assert text_of(staged_site, f"berattelser/{old}") == text_of(site, f"berattelser/{old}")
    assert not (staged_site / "berattelser" / "borttagen").exists()
    assert 'http-equiv="refresh"' not in text_of(staged_site, "berattelser/upptagen")
    titles = [e.findtext(f"{ATOM}title") for e in ET.parse(staged_site / "nytt.xml").getroot().iter(f"{ATOM}entry")]
    assert titles == [e.findtext(f"{ATOM}title") for e in ET.parse(site / "nytt.xml").getroot().iter(f"{ATOM}entry")]
    # For Zensical the generator runs the start page's macros itself; for ProperDocs mkdocs-macros runs
    # them after the generator: either way the Historik is printed as text, even a message with {% endraw %}.
    assert HOSTILE_MESSAGE in [text for _, text in parsed(historik(staged_site, "")).links]
    # MiniJinja's escape writes '/' as &#x2f;, which a browser reads as '/'.
    assert (
        '<link rel="alternate" type="application/atom+xml" title="Nytt och ändrat" href="../../nytt.xml">'
        in html.unescape(text_of(staged_site, "berattelser/gammal-c"))
    )
    assert [t for _, t in parsed(historik(staged_site, "berattelser/trygg-hemgang-hemma")).links] == [
        t for _, t in parsed(historik(site, "berattelser/trygg-hemgang-hemma")).links
    ]


# --- the validator: a renamed story that other files still name ----------------------------------


def test_the_validator_lists_every_file_that_still_names_a_renamed_story(tmp_path):
    root = tmp_path / "repo"
    shutil.copytree(FIXTURES / "base", root)
    shutil.copytree(FIXTURES / "history" / "referrers", root, dirs_exist_ok=True)
    repo = Repo(root)
    repo.commit("Berättelsen och två sidor som hänvisar till den", "2026-03-01T12:00:00+01:00")
    repo.git("mv", "stories/trygg-hemgang.md", "stories/trygg-hemgang-i-vetlanda.md")
    repo.commit("Nytt namn på berättelsen", "2026-03-02T12:00:00+01:00")
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "validate.py"), "--rot", str(root)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={"KB_TODAY": "2026-11-23", "PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT), **REGION_ENV},
    )
    output = result.stdout + result.stderr
    assert result.returncode == 1 and "Traceback" not in output, output
    assert (
        "docs/introduktion/socialchef.md:16: fel: 'sidor' hänvisar till 'trygg-hemgang', men "
        "stories/trygg-hemgang.md har bytt namn till stories/trygg-hemgang-i-vetlanda.md, så id:t är nu "
        "'trygg-hemgang-i-vetlanda'. Byt 'trygg-hemgang' mot 'trygg-hemgang-i-vetlanda'."
    ) in output
    assert (
        "docs/personas/esther.md:16: fel: Länken '../berattelser/trygg-hemgang.md' går till "
        "stories/trygg-hemgang.md, som har bytt namn till stories/trygg-hemgang-i-vetlanda.md. Ändra länken "
        "till '../berattelser/trygg-hemgang-i-vetlanda.md'."
    ) in output
    assert "docs/personas/esther.md:19: fel: Länken '../berattelser/trygg-hemgang.md#borjan'" in output
    assert (
        "stories/trygg-hemgang-i-vetlanda.md:1: fel: Filen hette tidigare stories/trygg-hemgang.md "
        "(id 'trygg-hemgang') och har bytt namn till stories/trygg-hemgang-i-vetlanda.md (id "
        "'trygg-hemgang-i-vetlanda'). 2 filer hänvisar fortfarande till det gamla namnet och behöver "
        "uppdateras: docs/introduktion/socialchef.md (rad 16), docs/personas/esther.md (rad 16), "
        "docs/personas/esther.md (rad 19)."
    ) in output
    assert "men det finns ingen" not in output  # the rename is named instead of an unknown id
    assert output.rstrip().endswith("4 fel, 0 varningar.")


# --- small cases, in process: what a file name or a missing history can do ----------------------


def base_catalog():
    from macros.content.catalog import load_catalog

    return load_catalog(FIXTURES / "base", datetime.date(2026, 11, 23))


@pytest.mark.parametrize(
    "old",
    [
        'stories/Ond"<x>.md',
        "stories/a b.md",
        "stories/../docs/x.md",
        "stories/_dold.md",
        "stories/sub/a.md",
        "docs/.git/a.md",
        "stories/a.MD",
        "stories/x.md.md",
        "stories/å.md",
        "other/a.md",
        "stories/trygg-hemgang.md",
    ],
)
def test_only_slug_addresses_that_no_page_has_become_redirects(old):
    from macros.generate import redirects

    catalog = base_catalog()
    published = list(catalog.items.values())
    past = history.History(
        available=True, renames={old: "stories/trygg-hemgang.md", "stories/bra-namn.md": "stories/trygg-hemgang.md"}
    )
    assert [r.old_url for r in redirects.redirects(catalog, past, published)] == ["berattelser/bra-namn/"]


def test_a_redirect_page_prints_the_title_as_text():
    from macros.generate import redirects

    catalog = base_catalog()
    item = catalog.items["trygg-hemgang"]
    item.data["titel"] = '"><script>alert(1)</script>'
    page = redirects.redirect_page(
        redirects.Redirect("stories/gammal.md", "berattelser/gammal/", item),
        'http://intranat.example/"kb/',
        "Kunskapsbanken",
    )
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert parsed(page).canonical == 'http://intranat.example/"kb/berattelser/trygg-hemgang/'  # escaped, intact
    assert redirects.is_redirect_page(page)


def test_without_history_or_repository_address_the_page_says_nothing_or_links_nothing():
    from macros.views import page_history

    item = base_catalog().items["trygg-hemgang"]
    repo = page_history.Repo.from_config("https://github.com/kunskapsbanken/nara-vard-jonkoping", "edit/main/docs/")
    assert page_history.history_markdown(item, history.History(), repo) == ""
    commit = history.Commit("a" * 40, "aaaaaaa", datetime.datetime(2026, 3, 1, tzinfo=datetime.UTC), "Ändrat")
    many = history.History(available=True, changes={item.rel_path: [history.Change(commit, "M", note="Ändrat")] * 7})
    quiet = history.History(available=True, changes={item.rel_path: [history.Change(commit, "M")] * 7})
    assert page_history.history_markdown(item, quiet, repo) == ""  # changes with no note for readers are not told
    text = page_history.history_markdown(item, many, repo)
    assert text.count("\n- 1 mars 2026: [Ändrat](") == 5 and "Visar 5 av 7 ändringar." in text
    odd = page_history.Repo.from_config("javascript:alert(1)//github.com/x", "edit/main/docs/")
    assert "](" not in page_history.history_markdown(item, many, odd)  # no address to trust: no links
    shallow = history.History(available=True, complete=False)
    assert "bara en del av historiken" in page_history.history_markdown(item, shallow, repo)
