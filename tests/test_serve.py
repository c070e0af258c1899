"""`make serve` runs `properdocs serve`: the preview shows drafts with their banner, in Swedish."""

import socket
import subprocess
import time
import urllib.request

from engine import engine_env, serve_command
from sitebuild import FIXTURES, make_fixture_project


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


def test_serve_previews_drafts_in_swedish(tmp_path):
    project = make_fixture_project(tmp_path, FIXTURES / "base", FIXTURES / "sites" / "workflow")
    port = free_port()
    env = engine_env()
    env.pop("KB_PREVIEW", None)
    server = subprocess.Popen(serve_command(project, f"127.0.0.1:{port}"), cwd=project, env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        start = fetch(f"http://127.0.0.1:{port}/", deadline)
        assert '<html lang="sv"' in start
        draft = fetch(f"http://127.0.0.1:{port}/berattelser/utkast-berattelse/", deadline)
        assert "Hemligt utkast om hemgång" in draft and '<p class="admonition-title">Utkast</p>' in draft
    finally:
        server.terminate()
        server.wait(timeout=20)
