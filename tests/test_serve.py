"""`make serve` (kb-visa): the preview shows drafts with their banner, in Swedish, and follows edits."""

import json
import socket
import subprocess
import sys
import time
import urllib.request

import pytest
from engine import engine_env
from sitebuild import FIXTURES, make_fixture_project

pytestmark = pytest.mark.langsam  # runs the preview server and the engine


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str, deadline: float) -> str:
    while True:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                return response.read().decode("utf-8")
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.3)


def fetch_until(url: str, text: str, deadline: float) -> str:
    while True:
        page = fetch(url, deadline)
        if text in page or time.monotonic() > deadline:
            return page
        time.sleep(0.5)


def test_serve_previews_drafts_in_swedish(tmp_path):
    project = make_fixture_project(tmp_path, FIXTURES / "base", FIXTURES / "sites" / "workflow")
    port = free_port()
    env = engine_env()
    env.pop("KB_PREVIEW", None)
    command = [
        sys.executable,
        "-m",
        "macros.adapters.properdocs",
        "visa",
        "--rot",
        str(project),
        "--adress",
        f"127.0.0.1:{port}",
    ]
    log = tmp_path / "serve.log"
    server = subprocess.Popen(command, cwd=project, env=env, stdout=log.open("w"), stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/berattelser/utkast-berattelse/"
    try:
        deadline = time.monotonic() + 60
        start = fetch(f"http://127.0.0.1:{port}/", deadline)
        assert '<html lang="sv"' in start
        draft = fetch(url, deadline)
        assert "Hemligt utkast om hemgång" in draft and '<p class="admonition-title">Utkast</p>' in draft
        search = f"http://127.0.0.1:{port}/search/search_index.json"
        pages_searched = json.loads(fetch(search, deadline))["config"]["kb"]["pages"]

        # An edit is regenerated and rebuilt; a broken file is reported in Swedish and the last good page stays.
        story = project / "stories" / "utkast-berattelse.md"
        story.write_text(
            story.read_text(encoding="utf-8").replace("Hemligt utkast om hemgång", "Ändrat utkast om hemgång"),
            encoding="utf-8",
        )
        assert "Ändrat utkast om hemgång" in fetch_until(url, "Ändrat utkast", time.monotonic() + 60)
        # A rebuild renders the changed pages only (--dirty), yet every page shows the new title in its menu
        # and the search still holds every page, the unchanged ones from the last build.
        sibling = fetch_until(
            f"http://127.0.0.1:{port}/berattelser/trygg-hemgang/", "Ändrat utkast", time.monotonic() + 30
        )
        assert "Ändrat utkast om hemgång" in sibling  # the menu of another story, not rendered for the edit
        assert json.loads(fetch(search, time.monotonic() + 10))["config"]["kb"]["pages"] == pages_searched
        story.write_text("---\ntitel: [trasig\n---\nText\n", encoding="utf-8")
        deadline = time.monotonic() + 30
        while "Förhandsvisningen visar den senaste felfria versionen" not in log.read_text(encoding="utf-8"):
            assert time.monotonic() < deadline, log.read_text(encoding="utf-8")
            time.sleep(0.3)
        assert "stories/utkast-berattelse.md" in log.read_text(encoding="utf-8")
        assert "Ändrat utkast om hemgång" in fetch(url, time.monotonic() + 10)
    finally:
        server.terminate()
        server.wait(timeout=20)
