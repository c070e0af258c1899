"""Forged commit dates: a change is dated by the day it reached the main line, never by its own dates.

A commit's author and committer dates are whatever its author set. Each test builds a tiny git
repository with GIT_AUTHOR_DATE and GIT_COMMITTER_DATE set as a contributor could set them (2099, 1990,
only one of the two), merges it as GitHub would, and reads what the site gets: the history, the Build,
Nytt och ändrat, the feed, the built page, and the validator's report.
"""

import datetime
import subprocess
import sys
import xml.etree.ElementTree as ET

import pytest
from sitebuild import FIXTURES, REGION_ENV, ROOT, build, make_fixture_project, text_of, unexpected_warnings
from test_history import Repo, historik, noted, story

from macros.content import history, landed_dates
from macros.content.build import load_build
from macros.model.settings import from_environment
from macros.views import feed, start_page

TODAY = datetime.date(2026, 11, 23)
ATOM = "{http://www.w3.org/2005/Atom}"


class ForgingRepo(Repo):
    """A Repo whose commits can carry a different author and committer date, and merge branches.

    Every story it writes carries a new reader's note (the `andring` field), so each commit that writes
    one is a change the page's history, Nytt och ändrat and the feed tell of (change_notes.py).
    """

    written = 0

    def write(self, rel: str, text: str) -> None:
        self.written += 1
        super().write(rel, noted(text, f"Ändring {self.written}") if rel.startswith("stories/") else text)

    def commit(self, message: str, date: str, authored: str | None = None) -> str:
        self.git("add", "-A")
        self.run_dated(["commit", "-q", "-m", message], date, authored)
        return self.git("rev-parse", "--short", "HEAD").strip()

    def merge(self, branch: str, date: str) -> None:
        self.run_dated(["merge", "-q", "--no-ff", "-m", f"Merge {branch}", branch], date)

    def run_dated(self, args: list, date: str, authored: str | None = None) -> None:
        env = dict(self.env, GIT_AUTHOR_DATE=authored or date, GIT_COMMITTER_DATE=date)
        subprocess.run(["git", *args], cwd=self.path, env=env, check=True, capture_output=True)


def day(past, rel: str) -> str:
    return past.latest(rel).commit.date.isoformat()


# --- (a) a commit dated 2099 on a merged branch: the merge's date, everywhere ---------------------


def future_branch_project(tmp):
    """Three stories; the one on a branch is committed as 2099 and merged on 10 March.

    1  2026-03-01  everything added (main)
    2  2099-01-01  framtidsgrenen.md changed (branch framtid)
    3  2026-03-05  huvudlinjen.md changed (main)
    4  2026-03-10  merge of framtid (main)
    5  2026-03-12  senast.md changed (main)
    """
    project = make_fixture_project(tmp, FIXTURES / "base")
    repo = ForgingRepo(project)
    for name, title in (
        ("framtidsgrenen", "Framtidsgrenen"),
        ("huvudlinjen", "Huvudlinjen"),
        ("senast", "Senast på main"),
    ):
        repo.write(f"stories/{name}.md", story(title))
    start = project / "docs" / "index.md"
    start.write_text(
        start.read_text(encoding="utf-8") + "\n## Nytt och ändrat\n\n{{ nytt_och_andrat(antal=3) }}\n", encoding="utf-8"
    )
    repo.commit("Första versionen", "2026-03-01T12:00:00+01:00")
    repo.git("checkout", "-q", "-b", "framtid")
    repo.write("stories/framtidsgrenen.md", story("Framtidsgrenen", body="Ändrad på grenen."))
    repo.commit("Daterad långt fram", "2099-01-01T12:00:00+01:00")
    repo.git("checkout", "-q", "main")
    repo.write("stories/huvudlinjen.md", story("Huvudlinjen", body="Ändrad på main."))
    repo.commit("På main", "2026-03-05T12:00:00+01:00")
    repo.merge("framtid", "2026-03-10T12:00:00+01:00")
    repo.write("stories/senast.md", story("Senast på main", body="Ändrad sist."))
    repo.commit("Senast", "2026-03-12T12:00:00+01:00")
    return project


@pytest.fixture(scope="module")
def future_branch(tmp_path_factory):
    return future_branch_project(tmp_path_factory.mktemp("future-branch"))


def test_a_commit_dated_2099_on_a_merged_branch_carries_the_merge_date(future_branch):
    past = history.read(future_branch, TODAY)
    change = past.latest("stories/framtidsgrenen.md")
    assert change.commit.subject == "Daterad långt fram"
    assert change.commit.when == datetime.datetime.fromisoformat("2026-03-10T12:00:00+01:00")
    assert change.commit.committed.year == 2099  # its own date is kept, apart, and never shown
    assert day(past, "stories/huvudlinjen.md") == "2026-03-05" and day(past, "stories/senast.md") == "2026-03-12"
    built = load_build(future_branch, preview=False, today=TODAY)
    assert built.changed["stories/framtidsgrenen.md"].isoformat() == "2026-03-10"
    titles = [i.title for i in start_page.latest(built.catalog, built.changed, False, 3)]
    assert titles == ["Senast på main", "Framtidsgrenen", "Huvudlinjen"]


@pytest.fixture(scope="module")
def future_site(future_branch, tmp_path_factory):
    site_dir = tmp_path_factory.mktemp("future-site")
    result = build(future_branch, site_dir, today=TODAY.isoformat())
    assert result.returncode == 0, result.stdout + result.stderr
    assert unexpected_warnings(result.stdout + result.stderr) == []
    return site_dir


def test_the_built_page_start_page_and_feed_show_the_merge_date_not_2099(future_site):
    section = historik(future_site, "berattelser/framtidsgrenen")
    assert "10 mars 2026" in section and "2099" not in section
    assert '<p class="kb-historik-mer">Datumet är dagen då ändringen kom in i huvudgrenen (main). <a ' in section
    start = text_of(future_site, "")
    listed = start[start.index("Nytt och ändrat") : start.index('id="historik"')]
    order = [listed.index(title) for title in ("Senast på main", "Framtidsgrenen", "Huvudlinjen")]
    assert order == sorted(order) and "10 mars 2026" in listed and "2099" not in listed
    entries = ET.parse(future_site / "nytt.xml").getroot().findall(f"{ATOM}entry")
    dated = [(e.findtext(f"{ATOM}title"), e.findtext(f"{ATOM}updated")) for e in entries]
    assert dated[:3] == [
        ("Senast på main", "2026-03-12T12:00:00+01:00"),
        ("Framtidsgrenen", "2026-03-10T12:00:00+01:00"),
        ("Huvudlinjen", "2026-03-05T12:00:00+01:00"),
    ]


# --- (b) a commit dated in the future made directly on main: today, and never after a newer one --


def test_a_future_commit_on_main_is_clamped_to_today_then_to_the_next_commit_on_main(tmp_path):
    repo = ForgingRepo(tmp_path)
    repo.write("stories/a.md", "a")
    repo.write("stories/b.md", "b")
    repo.commit("Första", "2026-03-01T12:00:00+01:00")
    repo.write("stories/a.md", "a2")
    repo.commit("Direkt på main, daterad 2099", "2099-06-01T12:00:00+01:00")
    past = history.read(tmp_path, TODAY)
    assert day(past, "stories/a.md") == TODAY.isoformat()  # not after the build's today
    assert past.latest("stories/a.md").commit.when.date() <= TODAY
    repo.write("stories/b.md", "b2")
    repo.commit("Nyare på main", "2026-03-05T12:00:00+01:00")
    past = history.read(tmp_path, TODAY)
    assert day(past, "stories/a.md") == "2026-03-05"  # not after the newer commit on main
    assert day(past, "stories/b.md") == "2026-03-05"
    assert [c.commit.subject for c in past.of("stories/a.md")] == ["Direkt på main, daterad 2099", "Första"]


def test_without_a_pinned_day_the_clamp_is_the_build_day(tmp_path):
    repo = ForgingRepo(tmp_path)
    repo.write("stories/a.md", "a")
    repo.commit("Daterad långt fram", "2099-06-01T12:00:00+01:00")
    assert day(history.read(tmp_path), "stories/a.md") == datetime.date.today().isoformat()
    pinned = from_environment({"KB_TODAY": "2026-11-23"})  # as a command line reads KB_TODAY
    assert day(history.read(tmp_path, pinned.day()), "stories/a.md") == "2026-11-23"


# --- (c) a commit back-dated to 1990 on a merged branch: the merge's date, not buried -------------


def test_a_commit_back_dated_to_1990_on_a_merged_branch_is_not_buried(tmp_path):
    project = make_fixture_project(tmp_path, FIXTURES / "base")
    repo = ForgingRepo(project)
    repo.write("stories/gammal-gren.md", story("Bakåtdaterad"))
    repo.write("stories/main-sida.md", story("Main-sidan"))
    repo.commit("Första versionen", "2026-03-01T12:00:00+01:00")
    repo.git("checkout", "-q", "-b", "gammal")
    repo.write("stories/gammal-gren.md", story("Bakåtdaterad", body="Ändrad på grenen."))
    repo.commit("Daterad 1990", "1990-01-01T12:00:00+01:00")
    repo.git("checkout", "-q", "main")
    repo.write("stories/main-sida.md", story("Main-sidan", body="Ändrad på main."))
    repo.commit("På main", "2026-03-05T12:00:00+01:00")
    repo.merge("gammal", "2026-03-10T12:00:00+01:00")
    built = load_build(project, preview=False, today=TODAY)
    changes = built.history.of("stories/gammal-gren.md")
    assert [c.commit.subject for c in changes] == ["Daterad 1990", "Första versionen"]
    assert changes[0].commit.date.isoformat() == "2026-03-10"
    assert [i.title for i in start_page.latest(built.catalog, built.changed, False, 2)] == [
        "Bakåtdaterad",
        "Main-sidan",
    ]
    first = feed.entries(built.catalog, built.history, False, 1)[0]
    assert first[0].title == "Bakåtdaterad" and first[1].isoformat() == "2026-03-10T12:00:00+01:00"


# --- (d) the validator warns about a commit dated in the future, in Swedish, with the file -----------


def validate(root, today: str):
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "validate.py"), "--rot", str(root)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={"KB_TODAY": today, "PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT), **REGION_ENV},
    )
    return result.returncode, result.stdout + result.stderr


def test_the_validator_warns_about_commits_dated_in_the_future(tmp_path):
    """Today pinned ahead of the clock (2090-01-01), so what counts as the future does not move with it."""
    project = make_fixture_project(tmp_path, FIXTURES / "base")
    repo = ForgingRepo(project)
    for name in ("framtid", "forfattare", "imorgon", "overmorgon"):
        repo.write(f"stories/{name}.md", story(name.capitalize()))
    repo.commit("Första versionen", "2026-03-01T12:00:00+01:00")
    repo.git("checkout", "-q", "-b", "gren")
    repo.write("stories/framtid.md", story("Framtid", body="Ändrad."))
    future = repo.commit("Daterad långt fram", "2099-01-01T12:00:00+01:00")
    repo.write("stories/forfattare.md", story("Forfattare", body="Ändrad."))
    authored = repo.commit(
        "Bara författardatum i framtiden", "2026-03-02T12:00:00+01:00", authored="2095-05-06T12:00:00+02:00"
    )
    repo.write("stories/imorgon.md", story("Imorgon", body="Ändrad."))
    tomorrow = repo.commit("I morgon, en tidszon bort", "2090-01-02T01:00:00+14:00")
    repo.write("stories/overmorgon.md", story("Overmorgon", body="Ändrad."))
    repo.write("stories/framtid.md", story("Framtid", body="Ändrad igen."))
    later = repo.commit("I övermorgon", "2090-01-03T09:00:00+01:00")
    repo.git("checkout", "-q", "main")
    repo.merge("gren", "2026-03-10T12:00:00+01:00")
    code, output = validate(project, "2090-01-01")
    assert code == 0 and "Traceback" not in output, output
    assert (
        f"stories/framtid.md:1: varning: Commit {future} är daterad 2099-01-01, efter dagens datum "
        "(2090-01-01), och ändrar stories/framtid.md. Webbplatsen bortser från datumet och visar i stället "
        "dagen då ändringen kom in i huvudgrenen (main). Rätta datumet med git commit --amend"
    ) in output
    assert f"stories/forfattare.md:1: varning: Commit {authored} är daterad 2095-05-06" in output
    assert (
        f"Commit {later} är daterad 2090-01-03, efter dagens datum (2090-01-01), och ändrar "
        "stories/framtid.md, stories/overmorgon.md." in output
    )
    assert tomorrow not in output  # a day ahead is a time zone, not a forgery
    assert output.rstrip().endswith("0 fel, 3 varningar."), output


# --- (e) renames on a merged branch still followed; a shallow clone of merges still read --------


@pytest.fixture
def renamed_on_branch(tmp_path):
    (tmp_path / "repo").mkdir()
    repo = ForgingRepo(tmp_path / "repo")
    repo.write("stories/a.md", "\n".join(f"Rad {n} i berättelsen." for n in range(20)))
    repo.write("stories/b.md", "b")
    repo.commit("Första", "2026-03-01T12:00:00+01:00")
    repo.git("checkout", "-q", "-b", "namn")
    repo.git("mv", "stories/a.md", "stories/a-nytt.md")
    repo.commit("Nytt namn, daterat 2099", "2099-01-01T12:00:00+01:00")
    repo.git("checkout", "-q", "main")
    repo.write("stories/b.md", "b2")
    repo.commit("På main", "2026-03-05T12:00:00+01:00")
    repo.merge("namn", "2026-03-10T12:00:00+01:00")
    return repo.path


def test_a_rename_on_a_merged_branch_is_followed_and_dated_by_the_merge(renamed_on_branch):
    past = history.read(renamed_on_branch, TODAY)
    assert past.renames == {"stories/a.md": "stories/a-nytt.md"}
    assert [(c.status, c.commit.date.isoformat()) for c in past.of("stories/a-nytt.md")] == [
        ("R", "2026-03-10"),
        ("A", "2026-03-01"),
    ]


def test_a_shallow_clone_of_merges_is_read_and_never_dated_after_today(renamed_on_branch, tmp_path):
    clone = tmp_path / "clone"
    # Depth 3: the merge, its two parents (the rename among them), and the first commit as the cut-off.
    subprocess.run(
        ["git", "clone", "-q", "--depth", "3", f"file://{renamed_on_branch}", str(clone)],
        check=True,
        capture_output=True,
    )
    past = history.read(clone, TODAY)
    assert past.available and not past.complete
    assert [(c.status, c.commit.date.isoformat()) for c in past.of("stories/a-nytt.md")] == [("R", "2026-03-10")]
    assert all(c.commit.date <= TODAY for changes in past.changes.values() for c in changes)
    assert "2099" not in repr([c.commit.when for changes in past.changes.values() for c in changes])


# --- the landed dates alone: a branch merged twice, a long history -------------------------------


def at(text: str) -> datetime.datetime:
    return datetime.datetime.fromisoformat(text + "T12:00:00+00:00")


def test_a_branch_merged_twice_dates_each_commit_by_the_first_merge_that_brought_it():
    # main: H1 - M1 - M2 ; branch: H1 - B1 - B2 ; M1 merges B1, M2 merges B2.
    graph = landed_dates.Graph(
        "M2",
        {"M2": ["M1", "B2"], "M1": ["H1", "B1"], "B2": ["B1"], "B1": ["H1"], "H1": []},
        {
            "M2": at("2026-03-10"),
            "M1": at("2026-03-05"),
            "B2": at("1990-01-01"),
            "B1": at("2099-01-01"),
            "H1": at("2026-03-01"),
        },
    )
    dates = landed_dates.landed(graph, TODAY)
    assert {h: d.date().isoformat() for h, d in dates.items()} == {
        "H1": "2026-03-01",
        "B1": "2026-03-05",
        "M1": "2026-03-05",
        "B2": "2026-03-10",
        "M2": "2026-03-10",
    }


def test_the_main_line_dates_are_a_running_minimum_from_the_newest():
    graph = landed_dates.Graph(
        "C", {"C": ["B"], "B": ["A"], "A": []}, {"C": at("2026-03-10"), "B": at("2099-01-01"), "A": at("2026-04-01")}
    )
    dates = landed_dates.landed(graph, TODAY)
    assert [dates[h].date().isoformat() for h in "CBA"] == ["2026-03-10", "2026-03-10", "2026-03-10"]


@pytest.mark.langsam
def test_a_long_history_is_dated_without_recursion():
    count = 200_000
    parents = {f"c{n}": [f"c{n - 1}"] if n else [] for n in range(count)}
    parents["m"] = [f"c{count - 1}"]
    side = {f"s{n}": [f"s{n - 1}"] if n else ["c0"] for n in range(count)}
    parents["head"] = ["m", f"s{count - 1}"]
    parents.update(side)
    committed = {h: at("2026-03-01") for h in parents}
    dates = landed_dates.landed(landed_dates.Graph("head", parents, committed), TODAY)
    assert len(dates) == len(parents)
