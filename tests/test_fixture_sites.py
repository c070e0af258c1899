"""Whole-build behaviour on tiny fixture sites: workflow, Jinja safety, strict failures, relations."""

import json
import re
import shutil

import pytest
from sitebuild import (
    FIXTURES,
    article_of,
    build,
    make_fixture_project,
    search_entries,
    search_files_text,
    text_of,
    unexpected_warnings,
)

BASE = FIXTURES / "base"
WORKFLOW = FIXTURES / "sites" / "workflow"


def search_locations(site):
    return {d["location"].split("#")[0] for d in search_entries(site)}


@pytest.fixture(scope="module")
def production(fixture_sites):
    built = fixture_sites.get("base", "sites/workflow")
    result = built.result
    assert result.returncode == 0, result.stdout + result.stderr
    assert unexpected_warnings(result.stdout + result.stderr) == []
    return built.site, result.stdout + result.stderr


@pytest.fixture(scope="module")
def preview(fixture_sites):
    built = fixture_sites.get("base", "sites/workflow", preview=True)
    result = built.result
    assert result.returncode == 0, result.stdout + result.stderr
    return built.site


def test_drafts_are_absent_from_the_production_build(production):
    site, log = production
    assert not (site / "berattelser" / "utkast-berattelse").exists()
    assert "Hemligt utkast" not in text_of(site, "berattelser")
    assert "Hemligt utkast" not in text_of(site, "strategier/k2")
    assert "Hemligt utkast" not in search_files_text(site)
    assert "Utkast som inte publiceras i det här bygget: 1" in log


def test_drafts_are_previewed_with_a_banner(preview):
    page = text_of(preview, "berattelser/utkast-berattelse")
    assert "Hemligt utkast om hemgång" in page
    assert re.search(r'admonition warning">\s*<p class="admonition-title">Utkast</p>', page)


def test_pages_under_review_carry_a_badge_and_stay_listed(production):
    site, _ = production
    page = text_of(site, "berattelser/granskad-berattelse")
    assert '<p class="admonition-title">Under granskning</p>' in page
    assert "Berättelse under granskning" in text_of(site, "berattelser")


@pytest.mark.parametrize("slug,banner", [("arkiverad-berattelse", "Arkiverad"), ("utgangen-berattelse", "Har upphört")])
def test_archived_and_expired_pages_stay_reachable_but_leave_listings_and_search(production, slug, banner):
    site, _ = production
    page = text_of(site, f"berattelser/{slug}")
    assert f'<p class="admonition-title">{banner}</p>' in page
    title = re.search(r"<title>(.*?) - ", page).group(1)
    assert title not in text_of(site, "berattelser")
    assert title not in text_of(site, "strategier/k2")
    assert f"berattelser/{slug}/" not in search_locations(site)


def test_jinja_in_a_story_is_shown_as_text_and_never_runs(production):
    site, _ = production
    page = text_of(site, "berattelser/trygg-hemgang")
    assert "{{ 7 * 7 }}" in page and "{% if true %}detta{% endif %}" in page
    assert "Esther kommer hem och 49" not in page


def test_links_appear_in_both_directions(production):
    site, _ = production
    story = article_of(site, "berattelser/trygg-hemgang")
    assert 'href="../../strategier/k2/"' in story
    assert 'href="../../personas/esther/"' in story
    assert 'href="../../indikatorer/kontinuitet/"' in story
    assert 'href="../../berattelser/trygg-hemgang/"' in article_of(site, "strategier/k2")
    assert 'href="../../berattelser/trygg-hemgang/"' in article_of(site, "indikatorer/kontinuitet")
    assert 'href="../../berattelser/trygg-hemgang/"' in article_of(site, "personas/esther")
    assert 'href="../r2/"' in article_of(site, "strategier/k2")  # only r2 names k2 as its counterpart
    assert 'href="../k2/"' in article_of(site, "strategier/r2")
    assert 'href="../reko/"' in article_of(site, "styrning/kommunalt-forum")  # the parent lists its child


def test_edit_link_points_at_the_real_story_file(production):
    site, _ = production
    assert re.search(r'href="[^"]+/edit/main/stories/trygg-hemgang\.md"', text_of(site, "berattelser/trygg-hemgang"))
    assert re.search(r'href="[^"]+/edit/main/strategies/k2\.md"', text_of(site, "strategier/k2"))
    assert re.search(r'href="[^"]+/edit/main/docs/personas/esther\.md"', text_of(site, "personas/esther"))


def test_json_schemas_are_published(production):
    site, _ = production
    schema = json.loads((site / "schemas" / "berattelse.json").read_text(encoding="utf-8"))
    assert schema["properties"]["strategigrupper"]["items"]["enum"] == [
        "barn-och-unga",
        "aldre",
        "psykiatri-och-missbruk",
    ]
    assert "titel" in schema["required"] and "kommuner" in schema["required"]


@pytest.mark.langsam
def test_bad_content_stops_the_build_with_the_validators_messages(tmp_path):
    project = make_fixture_project(tmp_path, BASE, FIXTURES / "validator" / "every-problem-reported-at-once" / "files")
    result = build(project, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode == 1
    assert "Traceback" not in output
    assert "Innehållet har fel som måste rättas" in output
    assert "stories/a.md:6: fel: Ogiltigt värde 'aldr'" in output and "stories/b.md:" in output


@pytest.mark.langsam
def test_broken_front_matter_is_never_silently_dropped(tmp_path):
    project = make_fixture_project(tmp_path, BASE)
    shutil.copy(
        FIXTURES / "validator" / "colon-in-unquoted-value" / "files" / "stories" / "a.md", project / "stories" / "a.md"
    )
    result = build(project, tmp_path / "site")
    assert result.returncode == 1
    assert "stories/a.md:2: fel: Front matter är inte giltig YAML" in result.stdout + result.stderr


@pytest.mark.langsam
def test_last_changed_comes_from_git_with_front_matter_as_fallback(tmp_path):
    import os
    import subprocess

    project = make_fixture_project(tmp_path, BASE)
    env = dict(
        os.environ,
        GIT_AUTHOR_NAME="t",
        GIT_AUTHOR_EMAIL="t@example.org",
        GIT_COMMITTER_NAME="t",
        GIT_COMMITTER_EMAIL="t@example.org",
        GIT_COMMITTER_DATE="2026-03-05T12:00:00",
        GIT_AUTHOR_DATE="2026-03-05T12:00:00",
    )
    for command in (["git", "init", "-q"], ["git", "add", "stories"], ["git", "commit", "-qm", "berättelser"]):
        subprocess.run(command, cwd=project, env=env, check=True)
    result = build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    story = text_of(tmp_path / "site", "berattelser/trygg-hemgang")
    assert "Senast ändrad: 5 mars 2026" in story
    strategy = text_of(tmp_path / "site", "strategier/k2")  # not committed: falls back to senast_granskad
    assert "Senast ändrad: 10 januari 2026" in strategy


def test_the_edit_link_is_at_the_foot_beside_a_link_to_the_contributor_guide(production):
    site, _ = production
    html = text_of(site, "berattelser/trygg-hemgang")
    article = html[html.index("<article") : html.index("</article>")]
    foot = re.search(
        r'<a href="[^"]+/edit/main/stories/trygg-hemgang\.md" rel="edit">Föreslå en ändring</a>.*?'
        r'<a href="../../bidra/">',
        article,
        re.S,
    )
    assert foot, "the edit link goes to the story's own file, with the guide beside it"
    # Editors' tools are out of the reader's way: nothing between the title and the lead.
    assert article.index("<h1") < article.index('class="kb-ingress"') < foot.start()
    assert "md-content__button" not in html
