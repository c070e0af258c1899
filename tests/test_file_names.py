"""File and folder names are contributed text: one rule for all three content folders, and the site's
own addresses are not content's to take (macros/model/names.py).

The validator scenarios (tests/fixtures/validator/*names*, addresses-the-site-owns-are-refused) show
the messages; these tests show the build stops on the same files before anything is rendered, that a
name cannot forge a line of the report, and that the list of reserved addresses covers every name the
built site has at its top that no content file gave it.
"""

import shutil

import pytest
from sitebuild import FIXTURES, ROOT, build, make_fixture_project
from test_validator import run_validator

from macros.content.catalog import content_files, site_path
from macros.model.names import PAGE_SUFFIX, RESERVED_ADDRESSES, name_problem, valid_slug

PAGE = "---\ntitel: Sida\nbeskrivning: En sida.\n---\n\nText.\n"


@pytest.mark.parametrize(
    "rel_path",
    [
        'docs/"><img src=x onerror=alert(1)>.md',
        "stories/<svg onload=alert(1)>.md",
        "docs/om/a b.md",
        "docs/Ny Mapp/sida.md",
        "docs/assets/images/favicon.png",
        "docs/redigera/index.md",
        "docs/404.md",
    ],
)
@pytest.mark.langsam
def test_the_build_stops_on_a_name_the_validator_refuses_before_anything_renders(tmp_path, rel_path):
    project = make_fixture_project(tmp_path, FIXTURES / "base")
    target = project / rel_path
    target.parent.mkdir(parents=True, exist_ok=True)
    if rel_path.endswith(".png"):
        shutil.copy(
            FIXTURES
            / "validator"
            / "addresses-the-site-owns-are-refused"
            / "files"
            / "docs"
            / "assets"
            / "images"
            / "favicon.png",
            target,
        )
    else:
        target.write_text(
            PAGE
            if rel_path.startswith("docs")
            else (FIXTURES / "base" / "stories" / "trygg-hemgang.md").read_text(encoding="utf-8"),
            encoding="utf-8",
        )
    result = build(project, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "Innehållet har fel som måste rättas" in output and "Traceback" not in output
    assert "Byt namn på" in output or "tillhör webbplatsen själv" in output, output
    assert not (tmp_path / "site" / "index.html").exists()


def test_a_name_cannot_forge_a_line_of_the_report(tmp_path):
    root = tmp_path / "repo"
    shutil.copytree(FIXTURES / "base", root)
    (root / "docs" / "a\n0 fel, 0 varningar.\nb.md").write_text(PAGE, encoding="utf-8")
    result = run_validator(root)
    assert result.returncode == 1
    assert "docs/a\\x0a0 fel, 0 varningar.\\x0ab.md:1: fel: Filnamnet" in result.stdout
    assert "\n0 fel, 0 varningar." not in result.stdout


@pytest.mark.parametrize(
    "top, parts, is_file, fixed",
    [
        ("docs", ["Bilder"], False, "'bilder'"),
        ("docs", ["om", "Tillgänglighet.md"], True, "'tillganglighet.md'"),
        ("docs", ["rapport.PDF"], True, "'rapport.pdf'"),
        ("docs", ["sida.html"], True, "'sida.md'"),
        ("stories", ["bild.png"], True, "'bild.md'"),
        ("strategies", ["--k2--.md"], True, "'k2.md'"),
        ("docs", ["a" * 81 + ".md"], True, "'" + "a" * 80 + ".md'"),
    ],
)
def test_every_bad_name_is_told_with_the_name_to_use(top, parts, is_file, fixed):
    problem = name_problem(top, parts, is_file)
    assert problem is not None and fixed in problem


def test_every_name_in_the_real_content_follows_the_rule():
    problems: list = []
    content_files(ROOT, problems)
    assert problems == []


def test_the_reserved_addresses_cover_everything_the_site_writes_itself(built_site):
    """Every top-level name of the built site that no content file gave it is on the list."""
    from_content = set()
    for rel in content_files(ROOT):
        first = site_path(rel).split("/", 1)[0]
        from_content.add(first.removesuffix(PAGE_SUFFIX))
    for path in (ROOT / "docs").rglob("*"):
        if path.is_file() and not path.name.endswith(PAGE_SUFFIX):
            from_content.add(path.relative_to(ROOT / "docs").parts[0])
    own = set()
    for entry in built_site.iterdir():
        name = entry.name.split(".", 1)[0]  # sitemap.xml, sitemap.xml.gz, 404.html, nytt.xml
        if name not in from_content and name != "index":
            own.add(name)
    assert own, "the built site has files of its own (assets, search, …)"
    assert own <= set(RESERVED_ADDRESSES), sorted(own - set(RESERVED_ADDRESSES))
    assert all(valid_slug(name) for name in RESERVED_ADDRESSES)


def test_the_theme_s_images_come_from_the_developers_folder_not_from_content():
    """An image every page shows (logo, favicon) lives in the theme folder (macros/templates/, reviewed by
    developers), never under docs/, where a communicator's pull request could replace it."""
    import yaml

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    theme = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)["theme"]
    for key in ("logo", "favicon"):
        if theme.get(key):
            assert (ROOT / theme["custom_dir"] / theme[key]).is_file(), key
            assert not (ROOT / "docs" / theme[key]).exists(), key
    assert site_path("docs/assets/images/favicon.png").split("/")[0] in RESERVED_ADDRESSES
