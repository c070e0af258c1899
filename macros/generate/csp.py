"""The last line of defence: a Content-Security-Policy on every built page, engine-neutral.

Escaping by context and the allow-list sanitizer keep contributed text from becoming markup. Should
one of them ever miss, the policy still stops script: only files from the site itself run, plus the
theme's own inline scripts, each allowed by the sha256 of its exact text. The theme's inline scripts
are recognised against an allow-list (THEME_INLINE_SCRIPTS); an inline script that is not on it is
never hashed, and the build stops naming the page, so a script that slipped into a page can neither
run nor be published silently.

A meta policy cannot forbid framing (frame-ancestors) or be reported; the README gives the response
headers a web server should add (nginx example tested in tests/test_security_headers.py).
"""

import base64
import hashlib
import re

# Material's (and Zensical's classic theme's) inline scripts, whole. The first one's text depends on how
# deep the page lies (new URL("../..", location)), so its hash differs per folder level; the 404 page,
# which can be served at any address, names the site's own path (new URL("/", location)).
_SCOPE = (r'__md_scope=new URL\("(?:\.|\.\.(?:/\.\.)*|/[A-Za-z0-9._~%/-]{0,200})",location\),'
          r'__md_hash=e=>\[\.\.\.e\]\.reduce\(\(\(e,_\)=>\(e<<5\)-e\+_\.charCodeAt\(0\)\),0\),'
          r'__md_get=\(e,_=localStorage,t=__md_scope\)=>JSON\.parse\(_\.getItem\(t\.pathname\+"\."\+e\)\),'
          r'__md_set=\(e,_,t=localStorage,a=__md_scope\)=>\{try\{t\.setItem\(a\.pathname\+"\."\+e,JSON\.stringify\(_\)\)\}'
          r'catch\(e\)\{\}\}')
_PALETTE = (r'var palette=__md_get\("__palette"\);if\(palette&&palette\.color\)\{[^<]{0,2000}\}')
_TABBED = (r'var target=document\.getElementById\(location\.hash\.slice\(1\)\);target&&target\.name&&'
           r'\(target\.checked=target\.name\.startsWith\("__tabbed_"\)\)')
THEME_INLINE_SCRIPTS = tuple(re.compile(pattern) for pattern in (_SCOPE, _PALETTE, _TABBED))

SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.S | re.I)
SCRIPT_TYPE = re.compile(r"""\btype\s*=\s*["']?([^"'\s>]+)""", re.I)
HAS_SRC = re.compile(r"\bsrc\s*=", re.I)
# Data blocks, which a browser never runs: the policy need not allow them.
DATA_TYPES = {"application/json", "application/ld+json"}
META = re.compile(r'<meta\s+http-equiv="Content-Security-Policy"', re.I)
HEAD = re.compile(r"<head\b[^>]*>", re.I)
CHARSET = re.compile(r'<meta\s+charset="[^"]*"\s*/?>', re.I)


def policy(script_hashes: list[str]) -> str:
    """The policy of a reading page that runs the given inline scripts (sha256 sources)."""
    scripts = " ".join(["'self'", *(f"'{h}'" for h in script_hashes)])
    return "; ".join([
        "default-src 'self'", f"script-src {scripts}", "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:", "font-src 'self' data:", "connect-src 'self'", "worker-src 'self'",
        "manifest-src 'self'", "frame-src 'self'", "object-src 'none'", "base-uri 'none'", "form-action 'self'",
    ])


def sha256_source(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


def inline_scripts(page_html: str):
    """The text of every inline script a browser would run (no src, a JavaScript type)."""
    for match in SCRIPT.finditer(page_html):
        attributes, body = match.group(1), match.group(2)
        kind = SCRIPT_TYPE.search(attributes)
        if HAS_SRC.search(attributes) or (kind and kind.group(1).lower() in DATA_TYPES):
            continue
        yield body


def protect(page_html: str) -> tuple[str, list[str]]:
    """The page with its policy in the head, and the inline scripts it refused to allow (shortened).

    A page that carries a policy of its own (the form editor's) is left as it is.
    """
    if META.search(page_html):
        return page_html, []
    hashes, unknown = [], []
    for body in inline_scripts(page_html):
        if any(pattern.fullmatch(body) for pattern in THEME_INLINE_SCRIPTS):
            hashes.append(sha256_source(body))
        else:
            unknown.append(" ".join(body.split())[:80])
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy(list(dict.fromkeys(hashes)))}">'
    # Before anything that loads or runs: right after the charset (which must come first), or the head.
    anchor = CHARSET.search(page_html) or HEAD.search(page_html)
    if anchor is None:
        return f"{meta}\n{page_html}", unknown
    return page_html[:anchor.end()] + meta + page_html[anchor.end():], unknown
