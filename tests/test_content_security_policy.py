"""No script runs on a reading page unless the site itself wrote it, even where escaping would miss.

Every HTML file of a build carries a Content-Security-Policy (macros/generate/csp.py): scripts from
the site's own files, the theme's inline scripts by their sha256, nothing inline otherwise, no
plugins, no <base>, forms only to the site. The browser tests plant script in a built page after the
build, as an escaping miss would, and show it does not run with the policy and does run without it
(so the test can fail).
"""

import re
import shutil

import pytest
from sitebuild import serve

from macros.generate import csp

POLICY = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">')
# What an escaping miss could put into a page: an event handler, an inline script, a javascript: link.
PLANTED = (
    '<img id="kb-planted" src="ingen-bild.png" onerror="window.kbRan = (window.kbRan || 0) + 1">'
    "<script>window.kbRan = (window.kbRan || 0) + 10</script>"
    '<a id="kb-planted-link" href="javascript:window.kbRan = (window.kbRan || 0) + 100">länk</a>'
)


def directives(policy: str) -> dict:
    return {part.split()[0]: part.split()[1:] for part in policy.split(";") if part.strip()}


def test_every_page_of_the_real_site_carries_a_strict_policy(built_site):
    checked = 0
    for path in sorted(built_site.rglob("*.html")):
        text = path.read_text(encoding="utf-8")
        found = POLICY.findall(text)
        assert len(found) == 1, f"{path.relative_to(built_site)}: {len(found)} policies"
        rules = directives(found[0].replace("&#x27;", "'"))
        assert (
            "'unsafe-inline'" not in rules["script-src"]
            and "'unsafe-eval'" not in rules["script-src"]
            or path.relative_to(built_site).parts[0] == "redigera"
        ), path
        assert rules["object-src"] == ["'none'"] and rules["base-uri"] == ["'none'"], path
        assert text.index("Content-Security-Policy") < text.find("<script") or "<script" not in text, path
        checked += 1
    assert checked > 100


def test_the_policy_allows_exactly_the_inline_scripts_of_the_theme(built_site):
    """Each page's script-src names the hash of every inline script on it, and nothing more."""
    page = built_site / "berattelser" / "esthers-berattelse" / "index.html"
    text = page.read_text(encoding="utf-8")
    hashes = {h.strip("'") for h in directives(POLICY.search(text).group(1))["script-src"][1:]}
    assert hashes == {csp.sha256_source(body) for body in csp.inline_scripts(text)}
    assert len(hashes) == 3


@pytest.mark.parametrize(
    "script, allowed",
    [
        (
            '__md_scope=new URL("../..",location),__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)-e+_.charCodeAt(0)),0),'
            '__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem(t.pathname+"."+e)),__md_set=(e,_,t=localStorage,'
            'a=__md_scope)=>{try{t.setItem(a.pathname+"."+e,JSON.stringify(_))}catch(e){}}',
            True,
        ),
        ('__md_scope=new URL("../..",location),alert(1)', False),
        ('__md_scope=new URL("x\\"),alert(1),(\\"",location)', False),
        ("alert(document.domain)", False),
        (
            "var target=document.getElementById(location.hash.slice(1));target&&target.name&&"
            '(target.checked=target.name.startsWith("__tabbed_"));alert(1)',
            False,
        ),
    ],
)
def test_only_the_theme_s_inline_scripts_are_hashed(script, allowed):
    page = f'<html><head><meta charset="utf-8"><script>{script}</script></head><body></body></html>'
    protected, unknown = csp.protect(page)
    assert (unknown == []) is allowed
    assert (csp.sha256_source(script) in protected) is allowed


def test_a_page_with_an_unknown_inline_script_is_not_published(fixture_sites, tmp_path):
    """The step after the engine refuses a page that runs an inline script the theme does not write."""
    from macros.generate import postbuild

    site = tmp_path / "site"
    shutil.copytree(fixture_sites.get("base").site, site)
    page = site / "kallor" / "index.html"
    text = page.read_text(encoding="utf-8").replace('<meta http-equiv="Content-Security-Policy"', '<meta name="x"')
    page.write_text(text.replace("</body>", "<script>alert(1)</script></body>"), encoding="utf-8")
    report = postbuild.SanitizeReport()
    assert not postbuild._write_protected(page, page.read_text(encoding="utf-8"), "docs/kallor.md", report)
    assert "alert(1)" not in page.read_text(encoding="utf-8")
    assert report.errors and "docs/kallor.md: sidan har ett inline-skript" in report.errors[0]


def planted_site(fixture_sites, tmp_path, with_policy: bool):
    site = tmp_path / ("med-policy" if with_policy else "utan-policy")
    shutil.copytree(fixture_sites.get("base").site, site)
    page = site / "berattelser" / "trygg-hemgang" / "index.html"
    text = page.read_text(encoding="utf-8")
    if not with_policy:
        text = POLICY.sub("", text)
    page.write_text(text.replace("<article", PLANTED + "<article", 1), encoding="utf-8")
    return site


@pytest.mark.parametrize("with_policy", [True, False], ids=["med-policy", "utan-policy"])
def test_planted_script_does_not_run_under_the_policy(fixture_sites, tmp_path, browser, with_policy):
    url, shutdown = serve(planted_site(fixture_sites, tmp_path, with_policy))
    context = browser.new_context(locale="sv-SE")
    tab = context.new_page()
    violations = []
    tab.on("console", lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None)
    try:
        tab.goto(url + "berattelser/trygg-hemgang/", wait_until="load")
        tab.click("#kb-planted-link")
        tab.wait_for_timeout(300)
        ran = tab.evaluate("() => window.kbRan || 0")
        theme_ran = tab.evaluate("() => typeof window.__md_get === 'function' && typeof document$ === 'object'")
    finally:
        context.close()
        shutdown()
    if with_policy:
        assert ran == 0 and len(violations) >= 3, violations
    else:
        assert ran == 111, "utan policyn ska det inplanterade skriptet köras, annars bevisar testet ingenting"
    assert theme_ran  # the theme's own scripts, inline and from files, run either way


def test_no_page_of_the_real_site_breaks_its_own_policy(real_site_visits, pages):
    """The walk over every page (tests/sweeps.py) records console errors: none is a policy violation."""
    broken = {
        path: [e for e in real_site_visits.visits[path].errors if "Content Security Policy" in e] for path in pages
    }
    assert {p: e for p, e in broken.items() if e} == {}
