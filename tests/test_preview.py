"""A pull request's preview: the pages it changes (the validator's mapping), their screenshots in a phone and
a desktop, the job summary that lists them, and the workflow that uploads the site and the pictures."""

import datetime
import os
import re
import struct
import subprocess
import sys

import pytest
import yaml
from screenshots import VIEWPORTS
from sitebuild import FIXTURES, ROOT, make_fixture_project

from macros.content.catalog import load_catalog
from macros.views.github_annotations import job_summary
from macros.views.github_preview import Page, key_pages, pages_to_photograph, preview_summary, shot_stem

pytestmark = pytest.mark.langsam  # screenshots in a browser

TODAY = datetime.date(2026, 11, 23)
DRAFT = """---
titel: Ny berättelse som utkast
beskrivning: En berättelse som ännu inte är publicerad.
slag: illustrativ
kommuner: [hela-lanet]
forfattare: Testredaktionen
status: utkast
ansvarig: Testredaktionen
skapad: 2026-11-20
kallor:
  - text: Egen berättelse
---

Text.
"""
HOSTILE_TITLE = "Rubrik | med\n| rad <script>x</script> och `kod`"


@pytest.fixture(scope="module")
def catalog():
    return load_catalog(FIXTURES / "base", TODAY)


def sources(pages):
    return [page.source or page.url for page in pages]


def test_a_changed_story_is_its_page_and_code_elsewhere_is_not_a_page(catalog):
    pages, skipped = pages_to_photograph(
        catalog, ["stories/trygg-hemgang.md", "tests/test_x.py", "README.md"], key_pages(catalog)
    )
    assert pages == [Page("berattelser/trygg-hemgang/", "Trygg hemgång för Esther", "stories/trygg-hemgang.md")]
    assert skipped == []


def test_the_pages_are_the_ones_the_validators_summary_lists(catalog):
    changed = ["strategies/k2.md", "stories/trygg-hemgang.md", "stories/borttagen.md", "strategies/k2.md"]
    pages, _ = pages_to_photograph(catalog, changed, key_pages(catalog))
    summary = job_summary([], changed, {item.rel_path: "/" + item.url for item in catalog.items.values()})
    listed = re.findall(r"^- (\S+): ", summary.split("### Sidor som ändras")[1], flags=re.M)
    assert sources(pages) == listed == ["strategies/k2.md", "stories/trygg-hemgang.md"]


def test_code_or_styling_adds_the_key_pages_and_unbuilt_pages_are_named(catalog):
    built = {"", "berattelser/trygg-hemgang/", "strategier/k2/"}
    pages, skipped = pages_to_photograph(
        catalog,
        ["stories/trygg-hemgang.md", "docs/assets/kunskapsbanken.css"],
        key_pages(catalog),
        is_built=lambda url: url in built,
    )
    assert sources(pages) == ["stories/trygg-hemgang.md", "", "strategier/k2/"]
    assert [page.title for page in pages[1:]] == ["Testwebbplatsen", "K2 · Samverkan och kontinuitet"]
    missing = [page.url for page, why in skipped]
    assert missing == [url for url in key_pages(catalog).values() if url not in built]
    assert all("finns inte i bygget" in why for _, why in skipped)


def test_nothing_changed_on_a_page_shows_the_key_pages(catalog):
    pages, _ = pages_to_photograph(catalog, ["tests/test_x.py"], {"startsida": "", "strategi": "strategier/k2/"})
    assert [(page.url, page.source) for page in pages] == [("", ""), ("strategier/k2/", "")]


def test_more_pages_than_the_limit_are_listed_without_pictures(catalog):
    pages, skipped = pages_to_photograph(catalog, ["strategies/k2.md", "strategies/r2.md"], key_pages(catalog), limit=1)
    assert sources(pages) == ["strategies/k2.md"]
    assert [(page.source, why) for page, why in skipped] == [("strategies/r2.md", "fler än 1 sidor ändras")]


def test_screenshot_names_use_only_safe_characters():
    for url in ("", "berattelser/trygg-hemgang/", "../../etc/passwd", "a b/<script>/`x`|y/", "åäö/" * 40):
        stem = shot_stem(3, Page(url, "x"))
        assert re.fullmatch(r"03-[a-z0-9-]{1,60}", stem), stem
    assert shot_stem(1, Page("", "Start")) == "01-startsida"


def test_summary_lists_each_page_with_its_address_and_pictures():
    shots = [
        (Page("berattelser/a/", "Berättelse A", "stories/a.md"), "01-berattelser-a"),
        (Page("", "Startsida"), "02-startsida"),
    ]
    summary = preview_summary(
        shots,
        [(Page("x/", "X", "stories/x.md"), "sidan finns inte i bygget")],
        VIEWPORTS,
        "https://exempel.github.io/kb",
    )
    assert summary.startswith("## Förhandsvisning\n")
    assert "| Sida | Ändrad fil | Adress när sidan är publicerad | Mobil | Dator |" in summary
    assert (
        "| Berättelse A | stories/a.md | https://exempel.github.io/kb/berattelser/a/ | 01-berattelser-a-mobil.png"
        " | 01-berattelser-a-dator.png |"
    ) in summary
    assert "| Startsida | nyckelsida | https://exempel.github.io/kb/ |" in summary
    assert "- X (stories/x.md): sidan finns inte i bygget" in summary
    assert "**skarmbilder**" in summary and "**webbplats**" in summary and "mobil (390×844)" in summary
    assert "utkast inräknade" in summary
    assert "utkast inräknade" not in preview_summary(shots, [], VIEWPORTS, drafts=False)


def test_a_hostile_title_or_file_name_stays_inside_its_cell():
    page = Page("berattelser/a/", HOSTILE_TITLE, "stories/a|b\n| c.md")
    row = next(
        line for line in preview_summary([(page, "01-a")], [], VIEWPORTS).split("\n") if line.startswith("| Rubrik")
    )
    assert row.count("|") == 6  # five cells
    assert "<script>" not in row and "&#60;script&#62;" in row


def png_size(path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def test_screenshots_of_the_changed_pages_of_a_small_site(tmp_path):
    """The script against a built fixture: a new draft story, a stylesheet change (which adds the key pages)
    and a limit of two pages, in a real Chromium; the summary names the files it wrote. It runs as a child
    process, as in CI: Playwright's sync API refuses to start inside the suite's shared browser."""
    project = make_fixture_project(tmp_path, FIXTURES / "base")
    (project / "stories" / "ny-berattelse.md").write_text(DRAFT, encoding="utf-8")
    summary = tmp_path / "summary.md"
    env = dict(
        os.environ,
        GITHUB_STEP_SUMMARY=str(summary),
        KB_TODAY=TODAY.isoformat(),
        KB_CHANGED_FILES="stories/ny-berattelse.md\ndocs/assets/kunskapsbanken.css\n",
    )
    out, site = tmp_path / "bilder", tmp_path / "webbplats"
    run = subprocess.run(
        [
            sys.executable,
            str(ROOT / "scripts" / "screenshots.py"),
            "--rot",
            str(project),
            "--forhandsvisning",
            "--andrade",
            "--webbplats",
            str(site),
            "--ut",
            str(out),
            "--max",
            "2",
        ],
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert (site / "berattelser" / "ny-berattelse" / "index.html").is_file()  # the site is kept for the artifact
    pictures = sorted(p.name for p in out.iterdir())
    assert pictures == [
        "01-berattelser-ny-berattelse-dator.png",
        "01-berattelser-ny-berattelse-mobil.png",
        "02-startsida-dator.png",
        "02-startsida-mobil.png",
    ]
    assert png_size(out / "01-berattelser-ny-berattelse-mobil.png") == VIEWPORTS["mobil"]
    assert png_size(out / "02-startsida-dator.png") == VIEWPORTS["dator"]
    text = summary.read_text(encoding="utf-8")
    assert all(name in text for name in pictures)
    assert "| Ny berättelse som utkast | stories/ny-berattelse.md | /berattelser/ny-berattelse/ |" in text
    assert "- K2 · " in text and "fler än 2 sidor ändras" in text  # the third page, over the limit


def workflows() -> dict:
    found = {}
    for path in sorted((ROOT / ".github" / "workflows").glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        data["on"] = data.pop(True)  # YAML 1.1 reads the key `on` as true
        found[path.name] = data
    return found


def test_no_workflow_puts_an_expression_into_a_script_or_runs_on_pull_request_target():
    """Branch names, titles and file names are hostile: they reach scripts through env, never as ${{ }}."""
    for name, data in workflows().items():
        assert "pull_request_target" not in data["on"], name
        for job_name, job in data["jobs"].items():
            for step in job["steps"]:
                assert "${{" not in step.get("run", ""), (name, job_name, step.get("name"))


def test_a_pull_request_gets_the_built_site_and_the_screenshots_as_artifacts():
    data = workflows()["test.yml"]
    assert data["permissions"] == {"contents": "read"}
    job = data["jobs"]["forhandsvisning"]
    assert job["if"] == "github.event_name == 'pull_request'"
    assert job.get("permissions", {"contents": "read"}) == {"contents": "read"}
    checkout = next(s for s in job["steps"] if s.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["persist-credentials"] is False and checkout["with"]["fetch-depth"] == 0
    run = next(s for s in job["steps"] if "make preview" in s.get("run", ""))
    assert set(run["env"]) == {"BASE_REF", "KB_SITE_URL"}
    uploads = {s["with"]["name"]: s for s in job["steps"] if s.get("uses", "").startswith("actions/upload-artifact@")}
    assert set(uploads) == {"skarmbilder", "webbplats"}
    assert {s["uses"] for s in uploads.values()} == {"actions/upload-artifact@v7"}  # a pinned major version
    assert uploads["skarmbilder"]["with"]["path"] == "skarmbilder/"
    assert uploads["webbplats"]["with"]["path"] == "forhandsvisning/"
    links = next(s for s in job["steps"] if "artifact-url" in str(s.get("env", "")))
    assert all("steps." in value for value in links["env"].values())


def test_make_preview_builds_with_drafts_and_photographs_the_changed_pages():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(
        r"^preview: .*## .+\n\t\$\(BIN\)/python scripts/screenshots\.py --forhandsvisning --webbplats "
        r"forhandsvisning --andrade --ut skarmbilder$",
        makefile,
        flags=re.M,
    )


def test_the_guide_and_the_pull_request_template_name_the_preview_check_as_github_shows_it():
    name = workflows()["test.yml"]["jobs"]["forhandsvisning"]["name"]
    guide = (ROOT / "docs" / "bidra" / "index.md").read_text(encoding="utf-8")
    preview = guide[guide.index("{ #forhandsvisning }") :]
    assert f"kontrollen **{name}**" in preview[: preview.index("\n## ")]
    assert f"kontrollen *{name}*" in (ROOT / ".github" / "PULL_REQUEST_TEMPLATE.md").read_text(encoding="utf-8")


def test_the_key_pages_are_the_regions_own_one_of_each_kind(catalog):
    """Found in the content, not named in the code: each content type by its first published page."""
    pages = key_pages(catalog)
    assert pages["startsida"] == "" and pages["karta"] == "kartor/karta/"
    for name, content_type in (("strategi", "strategy"), ("berattelse", "story"), ("indikator", "indicator")):
        item = next(i for i in catalog.items.values() if i.url == pages[name])
        assert item.type.key == content_type and item.data.get("status") == "publicerad"
