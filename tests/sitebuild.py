"""Build a site (the real one or a tiny fixture site) the way `make build` does, and serve it."""

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
MKDOCS = [sys.executable, "-m", "mkdocs"]


def build(project: Path, site_dir: Path, preview: bool = False, today: str | None = None, strict: bool = True):
    """Strict build (unless told otherwise); returns the finished process."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    env.pop("KB_PREVIEW", None)
    if preview:
        env["KB_PREVIEW"] = "1"
    if today:
        env["KB_TODAY"] = today
    return subprocess.run(MKDOCS + ["build"] + (["--strict"] if strict else []) + ["--clean", "-f", str(project / "mkdocs.yml"),
                                    "-d", str(site_dir)],
                          cwd=project, env=env, capture_output=True, text=True, encoding="utf-8")


def make_fixture_project(tmp: Path, *contents: Path) -> Path:
    """A tiny project: the real config, templates and macros, with fixture content laid on in order."""
    project = tmp / "project"
    project.mkdir()
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(ROOT / "macros", project / "macros", ignore=shutil.ignore_patterns("__pycache__"))
    for folder in ("docs", "stories", "strategies"):
        (project / folder).mkdir()
        for content in contents:
            if (content / folder).is_dir():
                shutil.copytree(content / folder, project / folder, dirs_exist_ok=True)
    for needed in ("_ordlista/forkortningar.md",):
        target = project / "docs" / needed
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(ROOT / "docs" / needed, target)
    return project


def unexpected_warnings(output: str) -> list[str]:
    return [line for line in output.splitlines() if line.startswith(("WARNING", "ERROR"))]


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


class CompressingHandler(QuietHandler):
    """Sends file.gz with Content-Encoding: gzip when it exists and the client accepts it, as
    nginx's gzip_static does with the files scripts/precompress.py writes."""

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        packed = path.with_name(path.name + ".gz")
        if "gzip" not in self.headers.get("Accept-Encoding", "") or not packed.is_file():
            return super().send_head()
        body = packed.open("rb")
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(packed.stat().st_size))
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        return body


def serve(directory: Path, compressed: bool = False):
    """Serve a folder on 127.0.0.1 on a free port; returns (base_url, shutdown)."""
    handler = functools.partial(CompressingHandler if compressed else QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return f"http://127.0.0.1:{server.server_address[1]}/", server.shutdown


def html_pages(site_dir: Path) -> list[str]:
    """Site paths of every built page (directory URLs), except the 404 page."""
    pages = []
    for path in sorted(site_dir.rglob("index.html")):
        rel = path.parent.relative_to(site_dir).as_posix()
        pages.append("" if rel == "." else rel + "/")
    return pages


def text_of(site: Path, path: str) -> str:
    """The built HTML of the page at a site path ('' for the start page)."""
    return (site / path / "index.html").read_text(encoding="utf-8")


def article_of(site: Path, path: str) -> str:
    """Only the page's own content, so a link in the menu cannot make a content test pass."""
    html = text_of(site, path)
    return html[html.index("<article"):html.index("</article>")]
