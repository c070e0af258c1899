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

# The theme's inline scripts, each exactly as the theme writes it (minified upstream): Material 9.8's and
# Zensical's (its classic variant). The first one's text depends on how deep the page lies
# (new URL("../..", location)), so its hash differs per folder level; the 404 page, which can be served at
# any address, names the site's own path (new URL("/", location)). Anything else inline is not the theme's.
SCOPE = "{scope}"
SCOPE_PATTERN = r"(?:\.|\.\.(?:/\.\.)*|/[A-Za-z0-9._~%/-]{0,200})"
_TARGET = (
    "var target=document.getElementById(location.hash.slice(1));target&&target.name&&"
    '(target.checked=target.name.startsWith("__tabbed_"))'
)
_PALETTE = (
    'var palette=__md_get("__palette");if(palette&&palette.color){if("(prefers-color-scheme)"===palette.color.'
    'media){var media=matchMedia("(prefers-color-scheme: light)"),input=document.querySelector(media.matches?'
    "\"[data-md-color-media='(prefers-color-scheme: light)']\":\"[data-md-color-media='(prefers-color-scheme: "
    'dark)\']");palette.color.media=input.getAttribute("data-md-color-media"),palette.color.scheme=input.'
    'getAttribute("data-md-color-scheme"),palette.color.primary=input.getAttribute("data-md-color-primary"),'
    'palette.color.accent=input.getAttribute("data-md-color-accent")}for(var[key,value]of Object.entries('
    'palette.color))document.body.setAttribute("data-md-color-"+key,value)}'
)
THEME_INLINE_SCRIPT_TEXTS = (
    # Material 9.8 (templates/base.html)
    '__md_scope=new URL("{scope}",location),__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)-e+_.charCodeAt(0)),0),'
    '__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem(t.pathname+"."+e)),__md_set=(e,_,t='
    'localStorage,a=__md_scope)=>{try{t.setItem(a.pathname+"."+e,JSON.stringify(_))}catch(e){}}',
    _PALETTE,
    _TARGET,
    # Zensical (templates/partials/javascripts/base.html and content.html)
    '__md_scope=new URL("{scope}",location),__md_scope.pathname.endsWith("/")||(__md_scope=new URL(__md_scope.'
    'pathname+"/",location)),__md_hash=e=>[...e].reduce(((e,t)=>(e<<5)-e+t.charCodeAt(0)),0),__md_get=(e,t='
    'localStorage,_=__md_scope)=>JSON.parse(t.getItem(_.pathname+"."+e)),__md_set=(e,t,_=localStorage,a=__md_scope)'
    '=>{try{_.setItem(a.pathname+"."+e,JSON.stringify(t))}catch(e){}},document.documentElement.setAttribute('
    '"data-platform",navigator.platform)',
    'var tabs=__md_get("__tabs");if(Array.isArray(tabs))e:for(var set of document.querySelectorAll(".tabbed-set"))'
    '{var labels=set.querySelector(".tabbed-labels");for(var tab of tabs)for(var label of labels.getElementsByTagName('
    '"label"))if(label.innerText.trim()===tab){var input=document.getElementById(label.htmlFor);input.checked=!0;'
    "continue e}}",
)
THEME_INLINE_SCRIPTS = tuple(
    re.compile(re.escape(text).replace(re.escape(SCOPE), SCOPE_PATTERN)) for text in THEME_INLINE_SCRIPT_TEXTS
)

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
    return "; ".join(
        [
            "default-src 'self'",
            f"script-src {scripts}",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data:",
            "font-src 'self' data:",
            "connect-src 'self'",
            "worker-src 'self'",
            "manifest-src 'self'",
            "frame-src 'self'",
            "object-src 'none'",
            "base-uri 'none'",
            "form-action 'self'",
        ]
    )


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
    return page_html[: anchor.end()] + meta + page_html[anchor.end() :], unknown
