"""Generate, then build: the staging tree (macros/generate/staging.py) built strictly by Zensical.

Zensical runs none of our hooks and no unknown plugin. Built from the generated tree, every page,
story, strategy, tag page and schema must still be there, with the same article text as the hook
build, no draft, no raw Jinja, Swedish titles intact, and the author's HTML cleaned after the build
(macros/generate/postbuild.py). Zensical is installed from requirements-test.txt (0.0.73: the newest that
installs from the package index here; 0.0.74 and 0.1.x need a zensical-ui release it lacks).

Article text is compared with markup removed: tags, the ¶ of heading permalinks, the contents of
<svg>, <script> and <style>, and runs of white space. The two engines write different markup around
the same text (attribute order, `rel` on headerlinks, entity spelling such as &para; or ¶).
"""

import html
import json
import re
import shutil
import sys
from pathlib import Path

import pytest
from sitebuild import FIXTURES, ROOT, article_of, html_pages, make_fixture_project, text_of

from macros.adapters.zensical import build_staged
from macros.content import catalog as catalog_module
from macros.content.build import load_build
from macros.model import schema_export
from macros.views.markdown import display_title

ZENSICAL = Path(sys.executable).parent / "zensical"


@pytest.fixture(scope="module", autouse=True)
def zensical_installed():
    assert ZENSICAL.exists(), f"Zensical saknas ({ZENSICAL}): installera requirements-test.txt (make test gör det)."


HOSTILE = FIXTURES / "validator" / "what-the-sanitizer-removes-is-reported" / "files" / "stories" / "a.md"


@pytest.fixture(scope="module")
def zensical_site(tmp_path_factory):
    result = build_staged(ROOT, tmp_path_factory.mktemp("zensical"))
    assert result.returncode == 0, "\n".join(result.problems) + result.output
    assert "No issues found" in result.output, result.output
    return result


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    """The base fixtures with a draft and a story whose body the sanitizer must clean."""
    tmp = tmp_path_factory.mktemp("zensical-fixture")
    project = make_fixture_project(tmp, FIXTURES / "base", FIXTURES / "sites" / "workflow")
    shutil.copy(HOSTILE, project / "stories" / "fientlig.md")
    return build_staged(project, tmp / "staging", today="2026-11-23")


def plain_text(site: Path, path: str) -> str:
    article = article_of(site, path)
    article = re.sub(r"<(script|style|svg)\b.*?</\1>", " ", article, flags=re.S)
    article = html.unescape(re.sub(r"<[^>]+>", " ", article)).replace("¶", " ")
    return " ".join(article.split())


def test_every_published_page_story_strategy_and_tag_page_is_built(zensical_site):
    site = zensical_site.site_dir
    built = set(html_pages(site))
    expected = {catalog_module.directory_url(src) for src in zensical_site.staging.pages}
    assert expected - built == set()
    sources = {p.rel_path for p in zensical_site.staging.pages.values()}
    assert {p.relative_to(ROOT).as_posix() for p in (ROOT / "stories").glob("*.md")} <= sources
    assert {p.relative_to(ROOT).as_posix() for p in (ROOT / "strategies").glob("*.md")} <= sources
    for story in (ROOT / "stories").glob("*.md"):
        assert f"berattelser/{story.stem}/" in built
    for tags_page in ("amnen/strategier/", "amnen/personas/", "amnen/kommuner/", "amnen/amnen/"):
        assert 'class="md-tag"' in article_of(site, tags_page), tags_page
        assert article_of(site, tags_page).count("<li") > 5, tags_page


def test_the_json_schemas_are_published(zensical_site):
    for name, content in schema_export.site_files().items():
        assert json.loads((zensical_site.site_dir / name).read_text(encoding="utf-8")) == json.loads(content), name


def test_no_page_shows_raw_jinja_or_the_build_s_markers(zensical_site):
    nonce = zensical_site.staging.nonce
    for path in html_pages(zensical_site.site_dir):
        page = text_of(zensical_site.site_dir, path)
        article = article_of(zensical_site.site_dir, path)
        assert "{{" not in article and "{%" not in article, path
        assert nonce not in page, path


def test_titles_keep_swedish_letters(zensical_site):
    state_pages = zensical_site.staging.pages

    catalog = load_build(ROOT, False).catalog
    checked = 0
    for src_uri in state_pages:
        item = catalog.item_at(src_uri)
        title = display_title(item)
        if not set("åäöÅÄÖ") & set(title) or src_uri == "index.md":
            continue
        page = text_of(zensical_site.site_dir, catalog_module.directory_url(src_uri))
        assert f"<title>{html.escape(title)} - " in page, src_uri
        assert f"<h1>{html.escape(title)}</h1>" in page, src_uri
        checked += 1
    assert checked > 10


def test_article_text_equals_the_hook_build_s(zensical_site, built_site):
    differing = [
        path
        for path in html_pages(built_site)
        if plain_text(built_site, path) != plain_text(zensical_site.site_dir, path)
    ]
    assert differing == []


def test_edit_links_point_at_the_real_source_file(zensical_site):
    # MiniJinja's escape writes '/' as &#x2f;, which a browser reads as '/'.
    page = html.unescape(text_of(zensical_site.site_dir, "berattelser/esthers-berattelse"))
    assert (
        'href="https://github.com/kunskapsbanken/nara-vard-jonkoping/edit/main/stories/esthers-berattelse.md"' in page
    )


def test_the_post_build_sanitizer_cleans_the_author_s_html_and_names_the_source(hostile_site):
    assert hostile_site.returncode == 1
    assert any(p.startswith('stories/fientlig.md: attributet class="md-dialog"') for p in hostile_site.problems), (
        hostile_site.problems
    )
    article = article_of(hostile_site.site_dir, "berattelser/fientlig")
    assert "Falsk dialog" in article
    assert "md-dialog" not in article and "srcset" not in article and "spion.png" not in article


def test_drafts_are_left_out(hostile_site):
    site = hostile_site.site_dir
    assert "stories/utkast-berattelse.md" in hostile_site.staging.drafts_left_out
    assert not (site / "berattelser" / "utkast-berattelse").exists()
    for path in html_pages(site):
        assert "Hemligt utkast" not in text_of(site, path), path
    assert "Hemligt utkast" not in (site / "search.json").read_text(encoding="utf-8")


def test_engine_warnings_name_the_source_file_and_line(tmp_path):
    project = make_fixture_project(tmp_path, FIXTURES / "base")
    story = (project / "stories" / "trygg-hemgang.md").read_text(encoding="utf-8")
    lines = story.rstrip("\n").split("\n") + ["", "Se [en sida som inte finns](finns-inte.md)."]
    (project / "stories" / "trygg-hemgang.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = build_staged(project, tmp_path / "staging")
    assert result.returncode != 0
    assert f"stories/trygg-hemgang.md:{len(lines)}" in result.output, result.output
    assert "berattelser/trygg-hemgang.md" not in result.output


@pytest.mark.innehall  # the generator on this repository's content, in a process of its own
def test_the_generator_imports_no_engine(tmp_path):
    script = (
        "import sys; from pathlib import Path; from macros.generate import staging; "
        f"staging.write_staging(Path({str(ROOT)!r}), Path({str(tmp_path)!r}), flavour='zensical'); "
        "engines = {'mkdocs', 'material', 'properdocs', 'zensical', 'mkdocs_macros'}; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in engines))"
    )
    import subprocess

    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, encoding="utf-8")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
    assert "{{" not in (tmp_path / "docs" / "kartor" / "matris.md").read_text(encoding="utf-8")
