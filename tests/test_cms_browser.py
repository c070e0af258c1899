"""The form editor in headless Chromium: a communicator adds a story through the form.

Decap CMS runs against decap-server (`make test` installs it, tests/cms/): the local stand-in for
GitHub, in git mode on a temporary copy of the base fixture, so saving does what it does on GitHub
in editorial workflow: the story is committed on its own branch, cms/stories/<name>, for review.
Real sign-in with GitHub cannot be tested here; what the GitHub page may talk to is (last tests).
"""

import datetime
import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlparse

import pytest
from axe_playwright_python.sync_playwright import Axe
from sitebuild import FIXTURES, ROOT, search_entries, serve

from macros.content import scaffold
from macros.content.catalog import load_catalog
from macros.generate import cms_config
from macros.model.settings import Settings

REPO_URL = "https://github.com/kunskapsbanken/nara-vard-jonkoping"
DECAP_SERVER = ROOT / ".cache" / "decap-server" / "node_modules" / "decap-server" / "dist" / "index.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
TITLE = "Hemma igen: Esthers första vecka"
SLUG = "hemma-igen-esthers-forsta-vecka"
BODY = "Esther kom hem en tisdag.\n\n## Vad gjorde skillnad?\n\nAlla visste vem som skulle ringa."
ANSWERS = {
    "titel": TITLE,
    "beskrivning": "Esther kommer hem och vet vem hon ska ringa.",
    "strategier": ["k2", "r2"],
    "personas": ["esther"],
    "slag": "illustrativ",
    "kommuner": ["vetlanda"],
    "forfattare": "Kommunikatör, Vetlanda kommun",
}


def git(repo: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "-C", str(repo), *args], capture_output=True, text=True, encoding="utf-8", check=True
    ).stdout


def fresh_repo(path: Path) -> Path:
    shutil.copytree(FIXTURES / "base", path)
    return path


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def answers_server(url: str) -> bool:
    request = urllib.request.Request(
        url, data=b'{"action": "info", "params": {}}', headers={"Content-Type": "application/json"}
    )
    try:
        with urllib.request.urlopen(request, timeout=2) as response:
            return response.status == 200
    except OSError:
        return False


def write_site(folder: Path, files: dict) -> Path:
    for rel, content in files.items():
        target = folder / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, Path):
            shutil.copy(content, target)
        else:
            target.write_text(content, encoding="utf-8")
    (folder / "assets").mkdir(exist_ok=True)
    shutil.copy(ROOT / "macros" / "templates" / "assets" / "kunskapsbanken.css", folder / "assets")
    return folder


@pytest.fixture
def local_editor(tmp_path):
    """(editor URL, repository) with decap-server in git mode on a fresh git copy of the base fixture."""
    if not DECAP_SERVER.is_file():
        pytest.fail("decap-server saknas: kör make test (installerar det med npm till .cache/decap-server/)")
    repo = fresh_repo(tmp_path / "repo")
    git(repo, "init", "-q", "-b", "main")
    git(repo, "config", "user.name", "Test")
    git(repo, "config", "user.email", "test@example.org")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "Berättelser")
    port = free_port()
    api = f"http://127.0.0.1:{port}/api/v1"
    env = dict(
        os.environ, MODE="git", GIT_REPO_DIRECTORY=str(repo), PORT=str(port), BIND_HOST="127.0.0.1", LOG_LEVEL="error"
    )
    server = subprocess.Popen(
        ["node", str(DECAP_SERVER)], env=env, cwd=repo, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        for _ in range(100):  # until it listens (not a timing assertion: it only waits)
            if answers_server(api) or server.poll() is not None:
                break
            time.sleep(0.2)
        assert server.poll() is None and answers_server(api), "decap-server startade inte"
        files = cms_config.site_files(load_catalog(repo), REPO_URL, local_backend=api)
        url, shutdown = serve(write_site(tmp_path / "site", files))
        yield url + "redigera/", repo
        shutdown()
    finally:
        server.terminate()
        server.wait(timeout=30)


def field_id(page, label: str) -> str:
    return page.evaluate(
        "text => Array.from(document.querySelectorAll('label')).find(l => l.textContent === text).htmlFor", label
    )


def fill(page, label: str, text: str):
    page.locator("#" + field_id(page, label)).fill(text)


def choose(page, label: str, *options: str):
    box = page.locator("#" + field_id(page, label))
    for option in options:
        box.click()
        box.fill(option)
        page.keyboard.press("Enter")


def open_new_story(page, url: str):
    page.goto(url, wait_until="load")
    page.get_by_role("button", name="Logga in").click()
    page.get_by_text("Berättelser").first.wait_for()
    page.goto(url + "#/collections/stories/new", wait_until="load")
    page.get_by_role("textbox", name="Berättelsen").wait_for()


def hosts_of(requests: list) -> set:
    return {urlparse(r).hostname for r in requests if not r.startswith(("data:", "blob:"))}


def test_a_story_made_in_the_form_is_the_scaffolders_file_and_validates(page, local_editor, tmp_path):
    url, repo = local_editor
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    open_new_story(page, url)
    fill(page, "Titel", ANSWERS["titel"])
    fill(page, "Beskrivning", ANSWERS["beskrivning"])
    choose(page, "Strategier (frivillig)", "K2", "R2")
    choose(page, "Personas (frivillig)", "Esther")
    choose(page, "Slag av berättelse", "Illustrativ")
    choose(page, "Kommuner", "Vetlanda")
    fill(page, "Författare", ANSWERS["forfattare"])
    page.get_by_role("textbox", name="Berättelsen").fill(BODY)
    today = page.evaluate(
        "() => { const d = new Date(); return [d.getFullYear(), d.getMonth() + 1, d.getDate()]"
        ".map(n => String(n).padStart(2, '0')).join('-'); }"
    )
    page.get_by_role("button", name="Spara").click()
    page.get_by_text("Sparat", exact=True).wait_for()

    branch = f"cms/stories/{SLUG}"
    assert branch in git(repo, "branch", "--list", branch)  # editorial workflow: its own branch, for review
    saved = git(repo, "show", f"{branch}:stories/{SLUG}.md")
    # main is untouched until the review is done (decap-server checks branches out in the folder as it works,
    # so ask git, not the folder)
    assert f"stories/{SLUG}.md" not in git(repo, "ls-tree", "-r", "--name-only", "main").split()
    assert saved == scaffold.story_text(ANSWERS, datetime.date.fromisoformat(today), BODY)

    scaffolded = fresh_repo(tmp_path / "scaffolded")
    flags = [
        "--titel",
        TITLE,
        "--beskrivning",
        ANSWERS["beskrivning"],
        "--strategi",
        "k2",
        "--strategi",
        "r2",
        "--persona",
        "esther",
        "--slag",
        "illustrativ",
        "--kommun",
        "vetlanda",
        "--forfattare",
        ANSWERS["forfattare"],
    ]
    made = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "new_story.py"), "--rot", str(scaffolded), "--idag", today, *flags],
        capture_output=True,
        text=True,
        encoding="utf-8",
    )
    assert made.returncode == 0, made.stdout + made.stderr
    written = (scaffolded / "stories" / f"{SLUG}.md").read_text(encoding="utf-8")
    end = len("---\n") + written[4:].index("\n---\n") + len("\n---\n")
    assert saved[:end] == written[:end]  # the same front matter, byte for byte
    assert saved[end:] == "\n" + BODY + "\n"  # and the text as written in the form

    checked = fresh_repo(tmp_path / "checked")
    (checked / "stories" / f"{SLUG}.md").write_text(saved, encoding="utf-8")
    validation = subprocess.run(
        [
            sys.executable,
            str(ROOT / "scripts" / "validate.py"),
            "--rot",
            str(checked),
            str(checked / "stories" / f"{SLUG}.md"),
        ],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=dict(os.environ, KB_TODAY=today),
    )
    assert validation.returncode == 0 and validation.stdout.strip() == "0 fel, 0 varningar.", validation.stdout

    assert hosts_of(requests) == {"127.0.0.1"}  # the page and decap-server, nothing else


def test_a_missing_title_and_a_personnummer_are_refused_in_swedish(page, local_editor):
    url, repo = local_editor
    open_new_story(page, url)
    fill(page, "Beskrivning", "En berättelse utan titel.")
    choose(page, "Slag av berättelse", "Illustrativ")
    choose(page, "Kommuner", "Vetlanda")
    fill(page, "Författare", "Redaktionen")
    page.get_by_role("textbox", name="Berättelsen").fill("Esther, 19121212-1212, kom hem.")
    page.get_by_role("button", name="Spara").click()
    page.get_by_text("Titel är obligatoriskt.").wait_for()
    page.get_by_text(
        "Texten ser ut att innehålla ett personnummer eller samordningsnummer ('191…'). Ta bort det; "
        "en region publicerar aldrig personnummer"
    ).wait_for()
    fill(page, "Titel", "!!!")
    page.get_by_role("button", name="Spara").click()
    page.get_by_text("Titeln behöver innehålla bokstäver eller siffror, så att filen får ett namn.").wait_for()
    assert git(repo, "branch", "--format=%(refname:short)").split() == ["main"]  # nothing was saved


def test_the_editor_passes_axe_on_sign_in_list_and_form(page, local_editor):
    """Decap's own colours and two unnamed elements are fixed in cms_editor.css and cms_editor.js."""
    url, _ = local_editor
    axe, problems = Axe(), []

    def check(where):
        result = axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]})
        problems.extend(
            f"{where}: {v['id']} ({v['impact']}): {[n['target'] for n in v['nodes'][:3]]}"
            for v in result.response["violations"]
        )

    page.goto(url, wait_until="load")
    page.get_by_role("button", name="Logga in").wait_for()
    check("inloggning")
    page.get_by_role("button", name="Logga in").click()
    page.get_by_text("Trygg hemgång för Esther").wait_for()
    check("lista")
    page.goto(url + "#/collections/stories/new", wait_until="load")
    page.get_by_role("textbox", name="Berättelsen").wait_for()
    page.get_by_role("button", name="Spara").click()
    page.get_by_text("Titel är obligatoriskt.").wait_for()
    check("formulär med fel")
    assert problems == [], "Tillgänglighetsfel i redigeraren:\n" + "\n".join(problems)


@pytest.fixture
def github_editor(tmp_path):
    """The editor as published with a sign-in service: GitHub backend, no local backend."""
    catalog = load_catalog(FIXTURES / "base")
    files = cms_config.site_files(
        catalog, REPO_URL, settings=Settings(cms_oauth_url="https://inloggning.example.invalid")
    )
    url, shutdown = serve(write_site(tmp_path / "site", files))
    yield url + "redigera/"
    shutdown()


def test_the_github_editor_talks_to_the_github_api_and_nothing_else(browser, github_editor):
    """Every request is recorded: the page's own host, api.github.com (answered here, refusing the
    test's token), and the sign-in service, opened in its own window. The Content-Security-Policy
    blocks anything else, which the page then reports."""
    context = browser.new_context(locale="sv-SE")
    outside = []

    def route(request_route):
        request = request_route.request
        host = urlparse(request.url).hostname
        if host == "127.0.0.1":
            return request_route.continue_()
        outside.append(request.url)
        if host == "api.github.com":
            return request_route.fulfill(
                status=401,
                content_type="application/json",
                body='{"message": "Bad credentials"}',
                headers={
                    "Access-Control-Allow-Origin": "*",
                    "Access-Control-Allow-Headers": "authorization, content-type",
                },
            )
        return request_route.abort()

    context.route("**/*", route)
    context.add_init_script("""
        localStorage.setItem('decap-cms-user', JSON.stringify({backendName: 'github', token: 'test-token'}));
        window.__blocked = [];
        document.addEventListener('securitypolicyviolation', e => window.__blocked.push(e.blockedURI));
    """)
    page = context.new_page()
    try:
        page.goto(github_editor, wait_until="load")
        page.get_by_role("button", name="Logga in med GitHub").wait_for()  # the token was refused
        assert hosts_of(outside) == {"api.github.com"}, outside
        assert page.evaluate("fetch('https://example.org/').then(() => 'hämtad', () => 'stoppad')") == "stoppad"
        assert "https://example.org/" in page.evaluate("window.__blocked")
        assert hosts_of(outside) == {"api.github.com"}  # the policy stopped it before the network
        with page.expect_popup():  # the sign-in window, stopped here (aborted) at the service's address
            page.get_by_role("button", name="Logga in med GitHub").click()
        assert [u for u in outside if u.startswith("https://inloggning.example.invalid/auth?provider=github")]
        assert hosts_of(outside) == {"api.github.com", "inloggning.example.invalid"}
    finally:
        context.close()


def test_the_published_editor_page_is_kept_out_of_search_and_menu_and_fetches_nothing_else(page, built_site, site_url):
    editor = built_site / "redigera" / "index.html"
    html = editor.read_text(encoding="utf-8")
    assert 'http-equiv="Content-Security-Policy"' in html and '<meta name="robots" content="noindex">' in html
    for name in (
        "decap-cms.js",
        "js-yaml.min.js",
        "cms_editor.js",
        "cms_story.js",
        "installningar.json",
        "redigera.css",
    ):
        assert (built_site / "redigera" / name).is_file(), name
    assert not [d["location"] for d in search_entries(built_site) if d["location"].startswith("redigera")]
    start = (built_site / "index.html").read_text(encoding="utf-8")
    nav = start[start.index('<nav class="md-nav md-nav--primary"') :]
    assert "redigera/" not in nav[: nav.index("</nav>")]

    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(site_url + "redigera/", wait_until="networkidle")
    if not json.loads((built_site / "redigera" / "installningar.json").read_text(encoding="utf-8"))["signin"]:
        page.get_by_role("heading", name="Formuläret för nya berättelser").wait_for()
        assert page.get_by_role("link", name="Bidra med en berättelse").get_attribute("href") == "../bidra/"
    assert hosts_of(requests) == {"127.0.0.1"}


def test_the_editor_never_starts_inside_another_site_s_frame(browser, github_editor, tmp_path):
    """Clickjacking: a page on another origin frames /redigera/. The form does not start there (no
    Decap, no sign-in button to be tricked into), and the frame offers a link that opens it whole.
    The same page opened on its own starts the form (so the test can fail)."""
    attacker = tmp_path / "angripare"
    attacker.mkdir()
    framed_url = github_editor.replace("127.0.0.1", "localhost")  # another origin, same server
    (attacker / "index.html").write_text(
        f'<!doctype html><title>x</title><iframe src="{framed_url}" width="800" height="600"></iframe>',
        encoding="utf-8",
    )
    url, shutdown = serve(attacker)
    context = browser.new_context(locale="sv-SE")
    tab = context.new_page()
    try:
        tab.goto(url, wait_until="load")
        frame = tab.frame_locator("iframe")
        frame.get_by_text("Formuläret kan inte visas inuti en annan sida").wait_for()
        link = frame.get_by_role("link", name="Öppna formuläret i ett eget fönster")
        assert link.get_attribute("target") == "_top"
        inner = next(f for f in tab.frames if f.url.startswith(framed_url))
        assert inner.evaluate("() => document.querySelector('#nc-root') === null && !window.CMS_CONFIGURED")
        assert inner.get_by_role("button", name="Logga in").count() == 0
        tab.goto(github_editor, wait_until="load")
        tab.get_by_role("button", name="Logga in").wait_for()
    finally:
        context.close()
        shutdown()


def test_a_reading_page_finds_no_sign_in_token_once_the_form_is_left(page, local_editor):
    """Decap keeps the signed-in user's token in localStorage, where any page of the site could read it:
    it is there while the form is open, and gone when the reader moves on to a reading page."""
    url, _ = local_editor
    page.goto(url, wait_until="load")
    page.get_by_role("button", name="Logga in").click()
    page.get_by_text("Berättelser").first.wait_for()
    assert page.evaluate("() => localStorage.getItem('decap-cms-user')") is not None  # so the test can fail
    page.goto(url.removesuffix("redigera/") + "assets/kunskapsbanken.css", wait_until="load")
    assert page.evaluate("() => localStorage.getItem('decap-cms-user')") is None
