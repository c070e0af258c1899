"""Privacy: no built page makes a request to any host but 127.0.0.1 (no Google Fonts, no CDN).

The requests are those of the one walk over the real site (tests/sweeps.py): every request a page made
from its load until the network was idle.
"""

import re
from urllib.parse import urlparse

EXTERNAL_ASSET = re.compile(
    r"""<(?:script|img|iframe|source|audio|video|embed)\b[^>]*\ssrc=["']?(?:https?:)?//"""
    r"""|<link\b[^>]*\bhref=["']?(?:https?:)?//[^"' >]*["']?[^>]*>"""
    r"""|url\(\s*["']?(?:https?:)?//|@import\s+["']?(?:https?:)?//""",
    re.I,
)
ALLOWED_LINK_REL = re.compile(r"""rel=["']?(?:canonical|alternate)""", re.I)


def test_no_page_requests_another_host(real_site_visits, pages):
    offenders = []
    for path in pages:
        for url in real_site_visits.visits[path].requests:
            host = urlparse(url).hostname
            if url.startswith(("data:", "blob:")) or host == "127.0.0.1":
                continue
            offenders.append(f"{path or '/'} -> {url}")
    assert offenders == [], "Sidor som hämtar från andra värdar:\n" + "\n".join(offenders)


def test_no_external_asset_references_in_built_files(built_site):
    offenders = []
    for path in sorted(built_site.rglob("*")):
        if path.suffix not in (".html", ".css", ".js") or not path.is_file():
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        for match in EXTERNAL_ASSET.finditer(text):
            if ALLOWED_LINK_REL.search(match.group(0)):
                continue
            offenders.append(f"{path.relative_to(built_site)}: {match.group(0)[:120]}")
    assert offenders == [], "Externa resurser i byggda filer:\n" + "\n".join(offenders)
