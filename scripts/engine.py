"""The one place that knows which engine builds the site (ProperDocs), and how to serve a built site.

ProperDocs is the maintained continuation of MkDocs 1.6 with the same plugin and hook API.
Run through `python -m properdocs`, every `import mkdocs.*` (in Material, mkdocs-macros and
macros/hooks.py) gets ProperDocs' module, so one engine runs the whole build. The config is
always passed with -f: ProperDocs then reads mkdocs.yml without suggesting a rename.
Used by tests/sitebuild.py and the scripts; it imports nothing from tests/.
"""

import functools
import http.server
import os
import subprocess
import sys
import threading
from pathlib import Path

ENGINE = [sys.executable, "-m", "properdocs"]


def engine_env(**extra: str) -> dict:
    """The environment for a build: Material's notice about MkDocs 2 off, plus `extra`."""
    return dict(os.environ, NO_MKDOCS_2_WARNING="1", **extra)


def build_command(project: Path, site_dir: Path, strict: bool = True, quiet: bool = False) -> list[str]:
    return ENGINE + ["build", "--clean", "-f", str(project / "mkdocs.yml"), "-d", str(site_dir)] + \
        (["--strict"] if strict else []) + (["-q"] if quiet else [])


def serve_command(project: Path, address: str) -> list[str]:
    return ENGINE + ["serve", "--dev-addr", address, "-f", str(project / "mkdocs.yml")]


def build(project: Path, site_dir: Path, preview: bool = False, today: str | None = None, strict: bool = True):
    """The build `make build` runs (strict unless told otherwise), in a child process; returns it finished.

    preview: drafts included, as `make serve` shows them (KB_PREVIEW); today: the date the
    build takes as today (KB_TODAY, YYYY-MM-DD).
    """
    env = engine_env()
    env.pop("KB_PREVIEW", None)
    if preview:
        env["KB_PREVIEW"] = "1"
    if today:
        env["KB_TODAY"] = today
    return subprocess.run(build_command(project, site_dir, strict=strict),
                          cwd=project, env=env, capture_output=True, text=True, encoding="utf-8")


def in_process_builder():
    """The engine's build function, imported into this Python process (for timing and profiling).

    Returns build(config_file, site_dir), which builds as `properdocs build` does. Importing
    first keeps the imports out of a measurement.
    """
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    import properdocs.replacement  # noqa: F401  (before anything imports mkdocs.*)
    from properdocs.commands.build import build
    from properdocs.config import load_config

    return lambda config_file, site_dir: build(load_config(config_file, site_dir=site_dir))


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
