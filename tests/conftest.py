"""Session fixtures: the real site built once, served on 127.0.0.1, the fixture sites built once each,
and one headless Chromium for the session (a fresh context and page per test)."""

import pytest

from sitebuild import ROOT, FixtureSites, build_command, html_pages, serve, unexpected_warnings


def pytest_addoption(parser):
    parser.addoption("--update-golden", action="store_true",
                     help="write the generator's output to tests/golden/ instead of comparing with it")


@pytest.fixture(scope="session")
def update_golden(request) -> bool:
    return request.config.getoption("--update-golden")


CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic"]


@pytest.fixture(scope="session")
def built_site(tmp_path_factory):
    """The real site, built by the engine's own command as `make build` runs it."""
    site_dir = tmp_path_factory.mktemp("site")
    result = build_command(ROOT, site_dir)
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
