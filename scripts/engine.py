"""Serving a built site for the tests and scripts, plainly or compressed as a web server would.

The engine itself (generate, then build with ProperDocs) is macros/adapters/properdocs.py; its build
is imported here so the scripts and tests have one place to get both.
"""

import functools
import http.server
import threading
from pathlib import Path

from macros.adapters.properdocs import build, engine_env  # noqa: F401


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
