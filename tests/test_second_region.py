"""A second region proves the code is everyone's: make ny-region writes a repository for a fictional
"Region Exempelland", which validates, builds strictly with ProperDocs and with the Zensical canary, passes
axe on every page, names nothing of this repository's region anywhere in its built site, and passes its own
fast tests. Then that region changes its content and configuration while this repository changes its code
and its own content, and taking the new code is a merge without conflicts.

The repositories are made from this checkout as it is now (its tracked files, committed in a copy), so the
test checks the working tree, and this repository's branches are never touched.
"""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from sitebuild import ROOT, html_pages, serve
from sweeps import walk

from macros.model.region import belongs_to_region
from macros.model.region_file import load_region

pytestmark = pytest.mark.langsam

NAME, COUNTY, MUNICIPALITIES = "Region Exempelland", "Exempellands län", "Ankeby, Bergby, Dalby"
OWN_COLOUR = "#6b2c91"  # the second region's header: white text on it has a contrast of 8.8:1
PNG = bytes.fromhex(  # a 1×1 image in the region's colour
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c63c8d699f81f0004"
    "5602287b98cc560000000049454e44ae426082"
)


def run(args: list[str], cwd: Path, **env: str) -> subprocess.CompletedProcess:
    environment = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "PYTHONPATH": str(cwd),  # the repository's own code, not this checkout's
        "HOME": os.environ.get("HOME", "/tmp"),
        **env,
    }
    return subprocess.run(args, cwd=cwd, env=environment, capture_output=True, text=True, encoding="utf-8")


def git(repo: Path, *args: str) -> str:
    done = run(["git", "-c", "user.name=Test", "-c", "user.email=test@example.invalid", *args], repo)
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout.strip()


def this_checkout_as_a_repository(target: Path) -> Path:
    listed = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True).stdout
    for rel in filter(None, listed.decode("utf-8").split("\0")):
        source, copy = ROOT / rel, target / rel
        if not source.exists() and not source.is_symlink():
            continue  # deleted in the working tree
        copy.parent.mkdir(parents=True, exist_ok=True)
        if source.is_symlink():
            copy.symlink_to(os.readlink(source))
        else:
            shutil.copy2(source, copy)
    git(target, "init", "-q", "-b", "main")
    git(target, "add", "-A")
    git(target, "commit", "-q", "-m", "Kunskapsbanken som den är nu")
    return target


@pytest.fixture(scope="module")
def repositories(tmp_path_factory):
    """(upstream, region): this checkout as a repository, and the region's, made by make ny-region from it."""
    tmp = tmp_path_factory.mktemp("regioner")
    upstream = this_checkout_as_a_repository(tmp / "kunskapsbanken")
    region = tmp / "exempelland"
    made = run(
        [sys.executable, "scripts/new_region.py", "--namn", NAME, "--lan", COUNTY, "--kommuner", MUNICIPALITIES]
        + ["--kallkod", "https://github.com/exempel/kunskapsbank", "--mal", str(region)],
        upstream,
    )
    assert made.returncode == 0, made.stdout + made.stderr
    assert "Ett nytt förråd för Region Exempelland" in made.stdout
    settings = region / "region.yml"  # the region's own colours, as its developers would set them
    settings.write_text(settings.read_text(encoding="utf-8").replace('primar: "#00566b"', f'primar: "{OWN_COLOUR}"'))
    (region / "docs" / "logotyp.png").write_bytes(PNG)  # and its logo
    settings.write_text(
        settings.read_text(encoding="utf-8").replace("\n  sokexempel:", "\n  logotyp: docs/logotyp.png\n  sokexempel:")
    )
    git(region, "add", "-A")
    git(region, "commit", "-q", "-m", "Regionens färger och logotyp")
    (region / ".cache").mkdir()  # what make cms installs there (.cache is not in git): this checkout's
    (region / ".cache" / "cms").symlink_to((ROOT / ".cache" / "cms").resolve())
    return upstream, region


@pytest.fixture(scope="module")
def region_site(repositories, tmp_path_factory):
    _, region = repositories
    site = tmp_path_factory.mktemp("exempelland-site") / "site"
    done = run([sys.executable, "-m", "macros.adapters.properdocs", "bygg", "--webbplats", str(site)], region)
    assert done.returncode == 0, done.stdout + done.stderr
    return site


def forbidden_words() -> list[str]:
    """What names this repository's region: its name, county, municipalities and the ids that name them."""
    ours = load_region(ROOT / "region.yml")
    words = [ours.name, ours.county, *list(ours.municipalities.values())[1:], *list(ours.municipalities)[1:]]
    words += [p["label"] for p in ours.plans.values()] + [d["label"] for d in ours.source_documents.values()]
    words += [ours.repository.removeprefix("https://")] if ours.repository else []
    return sorted({w for w in words if len(w) >= 4})


def test_the_new_repository_is_the_code_branch_and_the_regions_own_files(repositories):
    upstream, region = repositories
    code = git(upstream, "rev-parse", "kod")
    assert git(region, "merge-base", "HEAD", "kunskapsbanken/kod") == code
    changed = git(region, "diff", "--name-only", code, "HEAD").splitlines()
    # The region's own files, and the README's opening, which names the region (the rest is the code's).
    assert changed and all(belongs_to_region(path) for path in changed if path != "README.md"), changed
    ours, theirs = (
        r.split("## Två kommandon", 1)
        for r in (git(upstream, "show", "kod:README.md"), (region / "README.md").read_text(encoding="utf-8"))
    )
    assert ours[1].strip() == theirs[1].strip() and "Region Exempelland" in theirs[0]
    assert load_region(region / "region.yml").name == NAME
    assert not list((region / "stories").glob("*.md"))[1:], "one example story, none of this repository's"


def test_the_second_region_validates_and_builds_strictly(repositories, region_site):
    _, region = repositories
    checked = run([sys.executable, "scripts/validate.py"], region)
    assert checked.returncode == 0 and checked.stdout.strip().endswith("0 fel, 0 varningar."), checked.stdout
    start = (region_site / "index.html").read_text(encoding="utf-8")
    assert "En sammanställning av dokument från Region Exempelland" in start  # the footer, from region.yml
    assert OWN_COLOUR in (region_site / "assets" / "kunskapsbanken.css").read_text(encoding="utf-8")
    assert 'src="assets/logotyp.png"' in start and (region_site / "assets" / "logotyp.png").read_bytes() == PNG
    story = (region_site / "berattelser" / "exempel-en-trygg-hemgang" / "index.html").read_text(encoding="utf-8")
    assert "Exempel: en trygg hemgång" in story


def test_the_zensical_canary_builds_the_second_region(repositories, tmp_path):
    _, region = repositories
    done = run([sys.executable, "-m", "macros.adapters.zensical", "--ut", str(tmp_path / "z")], region)
    assert done.returncode == 0, done.stdout + done.stderr
    assert (tmp_path / "z" / "site" / "berattelser" / "exempel-en-trygg-hemgang" / "index.html").is_file()


def test_no_word_of_this_repositorys_region_anywhere_in_the_second_site(region_site):
    words = forbidden_words()
    pattern = re.compile("|".join(re.escape(w) for w in words), re.I)
    found = {}
    for path in region_site.rglob("*"):
        if path.is_file() and path.suffix in (".html", ".json", ".xml", ".js", ".css", ".txt", ".yml"):
            hits = set(pattern.findall(path.read_text(encoding="utf-8", errors="replace")))
            if hits:
                found[path.relative_to(region_site).as_posix()] = sorted(hits)
    assert found == {}


def test_axe_finds_nothing_and_nothing_leaves_the_site_on_any_page_of_the_second_region(browser, region_site):
    url, shutdown = serve(region_site)
    try:
        visits = walk(browser, url, html_pages(region_site)).visits
    finally:
        shutdown()
    assert {p: [v["id"] for v in visit.violations] for p, visit in visits.items() if visit.violations} == {}
    assert {p: visit.errors for p, visit in visits.items() if visit.errors} == {}
    elsewhere = {p: [r for r in visit.requests if not r.startswith(url)] for p, visit in visits.items()}
    assert {p: r for p, r in elsewhere.items() if r} == {}


def test_the_second_regions_own_fast_tests_pass(repositories):
    _, region = repositories
    code = run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-m", "not langsam and not innehall"], region
    )
    assert code.returncode == 0, code.stdout[-3000:]
    content = run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-m", "not langsam and innehall"],
        region,
        KB_REGION="region.yml",
    )
    assert content.returncode == 0, content.stdout[-3000:]


def test_a_new_version_of_the_code_is_a_merge_without_conflicts(repositories, tmp_path):
    upstream, region = repositories
    # The region adds a municipality and a story about it.
    settings = region / "region.yml"
    settings.write_text(
        settings.read_text(encoding="utf-8").replace('  dalby: "Dalby"', '  dalby: "Dalby"\n  ekby: "Ekby"')
    )
    story = (region / "stories" / "exempel-en-trygg-hemgang.md").read_text(encoding="utf-8")
    (region / "stories" / "hemma-i-ekby.md").write_text(
        story.replace('titel: "Exempel: en trygg hemgång"', 'titel: "Hemma i Ekby"').replace(
            "kommuner: [hela-lanet]", "kommuner: [ekby]"
        ),
        encoding="utf-8",
    )
    git(region, "add", "-A")
    git(region, "commit", "-q", "-m", "En berättelse från Ekby")
    # This repository changes its code (a label on the start page) and its own content, then its code branch.
    view = upstream / "macros" / "views" / "start_page.py"
    view.write_text(view.read_text(encoding="utf-8").replace("Vad letar du efter?", "Vad söker du?"))
    own_story = sorted((upstream / "stories").glob("*.md"))[0]
    own_story.write_text(own_story.read_text(encoding="utf-8") + "\nEtt nytt stycke.\n", encoding="utf-8")
    readme = upstream / "README.md"  # and its documentation, below the opening the region rewrote
    readme.write_text(readme.read_text(encoding="utf-8").replace("## Mappar\n", "## Mappar\n\nEn ny rad.\n", 1))
    git(upstream, "commit", "-q", "-am", "Startsidans sökruta frågar kortare; en berättelse och README får ett stycke")
    written = run([sys.executable, "scripts/code_branch.py"], upstream)
    assert written.returncode == 0 and "har en ny commit" in written.stdout, written.stdout + written.stderr
    # The region takes the new version.
    git(region, "fetch", "-q", "kunskapsbanken", "kod")
    merged = run(
        ["git", "-c", "user.name=T", "-c", "user.email=t@x.invalid", "merge", "--no-edit", "kunskapsbanken/kod"], region
    )
    assert merged.returncode == 0 and "CONFLICT" not in merged.stdout, merged.stdout + merged.stderr
    assert not (region / "stories" / own_story.name).exists()  # this repository's content stays here
    assert "En ny rad." in (region / "README.md").read_text(encoding="utf-8")
    site = tmp_path / "site"
    built = run([sys.executable, "-m", "macros.adapters.properdocs", "bygg", "--webbplats", str(site)], region)
    assert built.returncode == 0, built.stdout + built.stderr
    assert "Vad söker du?" in (site / "index.html").read_text(encoding="utf-8")  # the new code
    assert "Ekby" in (site / "berattelser" / "hemma-i-ekby" / "index.html").read_text(encoding="utf-8")


def test_the_reading_page_checks_pass_on_the_second_regions_site(repositories):
    """The checks of how every page reads (title and first sentence on a phone's first screen, no page wider
    than the screen, the page anatomy in order, the start page's top tasks), run in the region's repository
    on its own site. The checks that name this repository's pages are its content tests, left out here."""
    _, region = repositories
    generic = "phone_shows_title or wider_than_a_desktop or anatomy_in_order or offers_the_top_tasks"
    done = run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/test_reading_pages.py", "-k", generic],
        region,
        KB_REGION="region.yml",
    )
    assert done.returncode == 0 and "4 passed" in done.stdout, done.stdout[-3000:]
