"""Session fixtures: the real site built once, served on 127.0.0.1, the fixture sites built once each,
and one headless Chromium for the session (a fresh context and page per test).

Two tiers. A test that builds a site with an engine or opens a browser is `langsam` (slow): marked
here when it asks for one of SLOW_FIXTURES, or by its own `pytest.mark.langsam`. `make test-snabb`
runs the rest (`-m "not langsam"`), and there the engine and the browser are switched off, so a test
that builds or browses without saying so fails with the reason instead of making the tier slow.
"""

import os
from pathlib import Path

# The code's tests run on the tests' own region, tests/fixtures/region.yml (here a link to this repository's
# region.yml; in the code branch a copy), so they pass unchanged in every region's repository. The tests of
# this repository's own content (`innehall`) run in a session of their own with KB_REGION=region.yml (the
# Makefile). Set before any of our modules is imported: the region is read once per process.
os.environ.setdefault("KB_REGION", str(Path(__file__).resolve().parent / "fixtures" / "region.yml"))

import pytest  # noqa: E402
from sitebuild import ROOT, FixtureSites, build, html_pages, serve, unexpected_warnings  # noqa: E402

# Fixtures that build a site or open the browser: the session's, and the modules' own built sites.
SLOW_FIXTURES = {
    "built_site",
    "fixture_sites",
    "pages",
    "site_url",
    "browser",
    "page",
    "real_site_visits",
    "site",
    "staged_site",
    "hostile_site",
    "hostile_url",
    "footnote_builds",
    "sanitized_build",
    "future_site",
    "zensical_site",
}
# Fixtures that stand for this repository's own content (its built site): tests that use one are `innehall`.
CONTENT_FIXTURES = {"built_site", "pages", "site_url", "real_site_visits"}


def pytest_configure(config):
    config.addinivalue_line(
        "markers", "langsam: builds a site with an engine or opens a browser (make test-snabb leaves it out)"
    )
    config.addinivalue_line(
        "markers",
        "innehall: checks this repository's own content, with its own region (KB_REGION=region.yml); the other "
        "tests check the code on the fixtures, with the tests' region",
    )


def pytest_collection_modifyitems(config, items):
    for item in items:
        if SLOW_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.langsam)
        if CONTENT_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.innehall)


def fast_tier(config) -> bool:
    return "not langsam" in (config.getoption("markexpr") or "")


@pytest.fixture(autouse=True, scope="session")
def no_engine_in_the_fast_tier(request):
    """In the fast tier, building with an engine or starting Chromium fails and says how to mark the test.
    Session-wide, so a module's shared build is caught as well as a test's own."""
    if not fast_tier(request.config):
        yield
        return

    def refuse(*args, **kwargs):
        pytest.fail(
            "Testet bygger en webbplats med en motor eller öppnar en webbläsare: markera det med "
            "@pytest.mark.langsam (eller modulen med pytestmark), så körs det av make test men inte "
            "av make test-snabb."
        )

    import engine
    import sitebuild

    from macros.adapters import properdocs, zensical

    with pytest.MonkeyPatch.context() as patch:
        for module, name in (
            (engine, "build"),
            (properdocs, "build"),
            (properdocs, "run_engine_in_process"),
            (zensical, "build_staged"),
            (sitebuild, "build_command"),
        ):
            patch.setattr(module, name, refuse)
        patch.setattr(sitebuild, "engine", type("NoEngine", (), {"build": staticmethod(refuse)}))
        yield


def pytest_addoption(parser):
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="write the generator's output to tests/golden/ instead of comparing with it",
    )


@pytest.fixture(scope="session")
def update_golden(request) -> bool:
    return request.config.getoption("--update-golden")


CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


@pytest.fixture(scope="session")
def built_site(tmp_path_factory):
    """The real site, built as `make build` builds it."""
    site_dir = tmp_path_factory.mktemp("site")
    result = build(ROOT, site_dir)
    assert result.returncode == 0, result.stdout + result.stderr
    assert unexpected_warnings(result.stdout + result.stderr) == []
    return site_dir


@pytest.fixture(scope="session")
def fixture_sites(tmp_path_factory) -> FixtureSites:
    """fixture_sites.get("base", "sites/journeys", preview=…): a fixture site built once for the session."""
    return FixtureSites(tmp_path_factory)


@pytest.fixture(scope="session")
def pages(built_site):
    return html_pages(built_site)


@pytest.fixture(scope="session")
def site_url(built_site):
    url, shutdown = serve(built_site)
    yield url
    shutdown()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def real_site_visits(browser, site_url, pages):
    """Every page of the real site visited once at the default size (tests/sweeps.py): axe-core's findings,
    the requests, script errors and journey boxes of each page."""
    from sweeps import walk

    return walk(browser, site_url, pages)


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="sv-SE")
    tab = context.new_page()
    yield tab
    context.close()
