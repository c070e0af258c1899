"""The README's web-server example (scripts/webbserver/nginx.conf), run in a real nginx on 127.0.0.1.

What a meta policy cannot say (frame-ancestors: no framing of the form editor; nosniff) comes from
the server's headers. The example is the file the README points to; this test lays it into a minimal
nginx configuration, with only its address and folder changed, and reads the answers.
"""

import re
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request

import pytest
from sitebuild import ROOT

EXAMPLE = ROOT / "scripts" / "webbserver" / "nginx.conf"
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def nginx_site(fixture_sites, tmp_path_factory):
    if not shutil.which(NGINX):
        pytest.fail("nginx saknas: make test installerar det (apt-get install nginx-light)")
    tmp = tmp_path_factory.mktemp("nginx")
    port = free_port()
    server = EXAMPLE.read_text(encoding="utf-8")
    server, listens = re.subn(r"listen 80;", f"listen 127.0.0.1:{port};", server)
    server, roots = re.subn(r"root /var/www/kunskapsbanken/site;", f"root {fixture_sites.get('base').site};", server)
    assert listens == roots == 1, "the example's listen and root lines are what this test replaces"
    (tmp / "server.conf").write_text(server, encoding="utf-8")
    (tmp / "nginx.conf").write_text(
        f"""
user root;
worker_processes 1;
pid {tmp}/nginx.pid;
error_log {tmp}/error.log;
daemon off;
events {{ worker_connections 64; }}
http {{
  include /etc/nginx/mime.types;
  access_log off;
  client_body_temp_path {tmp}/body; proxy_temp_path {tmp}/proxy; fastcgi_temp_path {tmp}/fastcgi;
  uwsgi_temp_path {tmp}/uwsgi; scgi_temp_path {tmp}/scgi;
  include {tmp}/server.conf;
}}
""",
        encoding="utf-8",
    )
    check = subprocess.run([NGINX, "-t", "-c", str(tmp / "nginx.conf"), "-p", str(tmp)], capture_output=True, text=True)
    assert check.returncode == 0, check.stderr
    process = subprocess.Popen(
        [NGINX, "-c", str(tmp / "nginx.conf"), "-p", str(tmp)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    url = f"http://127.0.0.1:{port}/"
    for _ in range(100):  # until it listens (waits only; asserts nothing about time)
        try:
            urllib.request.urlopen(url, timeout=1)
            break
        except OSError:
            time.sleep(0.1)
    yield url
    process.terminate()
    process.wait(timeout=30)


def fetch(url: str):
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.headers, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode("utf-8", "replace")


@pytest.mark.parametrize(
    "path, status", [("", 200), ("berattelser/trygg-hemgang/", 200), ("redigera/", 200), ("finns-inte/", 404)]
)
def test_every_answer_forbids_framing_and_sniffing(nginx_site, path, status):
    code, headers, body = fetch(nginx_site + path)
    assert code == status
    assert "frame-ancestors 'none'" in headers["Content-Security-Policy"]
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert 'http-equiv="Content-Security-Policy"' in body  # the page's own policy still applies with the header's
