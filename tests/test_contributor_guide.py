"""The contributor guide (docs/bidra/index.md) built into a fixture site, and the repository files for GitHub.

The guide's tables and template come from the schema and the catalog; these tests compare what
was built with the schema, the validator and the scaffolder, so the guide cannot drift from them.
"""

import html
import re
import shlex
import shutil
import subprocess
import sys
import urllib.parse

import pytest
import yaml
from sitebuild import FIXTURES, ROOT, article_of
from test_new_story import TODAY, new_story, run_script
from test_review_page import build_with_guide, rows, section

from macros.model.schema import STORY
from macros.model.vocabularies import STORY_KINDS

GITHUB = ROOT / ".github"


def plain(part: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", part))


@pytest.fixture(scope="module")
def guide(fixture_sites):
    _, site = build_with_guide(fixture_sites)
    return article_of(site, "bidra")


@pytest.fixture
def repo(tmp_path):
    root = tmp_path / "repo"
    shutil.copytree(FIXTURES / "base", root)
    return root


def template_in(guide_html: str) -> str:
    return plain(re.search(r"<pre.*?</pre>", section(guide_html, "Mallen"), flags=re.S).group(0))


def test_guide_offers_the_easy_routes_first_and_is_honest_about_the_account(guide):
    headings = re.findall(r'<h2 id="([^"]+)"', guide)
    routes = [headings.index(anchor) for anchor in ("formular", "github-formular", "steg-for-steg", "kommando")]
    assert routes == sorted(routes)
    overview = rows(guide[: guide.index('<h2 id="formular"')])
    assert [r[0] for r in overview] == [
        "Föreslå en berättelse i ett formulär",
        "Föreslå en berättelse i ett formulär på GitHub",
        "Skapa filen i GitHubs webbredigerare",
        "Skapa filen med ett kommando",
    ]
    text = plain(guide)
    assert "Alla sätt kräver ett konto på GitHub" in text and "Har du inget GitHub-konto?" in text


def test_form_editor_button_leads_to_the_editor_under_redigera(guide):
    form = section(guide, "Föreslå en berättelse i ett formulär")
    assert re.search(r'<a class="md-button md-button--primary" href="\.\./redigera/">Öppna formuläret</a>', form)


def test_form_editor_link_resolves_in_the_real_site(built_site):
    page = (built_site / "bidra" / "index.html").read_text(encoding="utf-8")
    assert 'href="../redigera/"' in page
    if not (built_site / "redigera").is_dir():
        pytest.skip("formulärredigeraren (/redigera/) finns inte i den här versionen av repot ännu")
    assert (built_site / "redigera" / "index.html").is_file()


def test_issue_form_button_opens_the_form_in_the_repository(guide):
    link = html.unescape(
        re.search(
            r'href="([^"]+/issues/new\?[^"]+)"', section(guide, "Föreslå en berättelse i ett formulär på GitHub")
        ).group(1)
    )
    template = urllib.parse.parse_qs(urllib.parse.urlsplit(link).query)["template"]
    assert template == ["berattelse.yml"] and (GITHUB / "ISSUE_TEMPLATE" / template[0]).is_file()


def test_guide_links_to_the_field_reference_instead_of_a_table(guide):
    part = section(guide, "Alla fält i en berättelse")
    assert 'href="falt/"' in part and "<table" not in part


@pytest.fixture(scope="module")
def field_page(fixture_sites):
    _, site = build_with_guide(fixture_sites)
    return article_of(site, "bidra/falt")


def test_field_overview_lists_every_field_with_label_and_whether_it_is_required(field_page):
    table = rows(section(field_page, "Översikt"))
    assert table == [[f.name, f.title, "ja" if f.required else "nej", f.kind.label] for f in STORY.all_fields]
    for f in STORY.all_fields:
        assert f'href="#{f.name}"' in field_page and f'id="{f.name}"' in field_page, f.name


def test_every_field_of_every_type_has_a_title():
    from macros.model.schema import CONTENT_TYPES

    def fields(of):
        for f in of:
            yield f
            yield from fields(f.fields)

    assert [f.name for t in CONTENT_TYPES for f in fields(t.all_fields) if not f.title.strip()] == []


def field_section(page_html: str, name: str) -> str:
    start = page_html.index(f'<h3 id="{name}"')
    end = page_html.find("<h3", start + 1)
    return plain(page_html[start : end if end > 0 else len(page_html)])


def test_each_field_says_kind_requirement_allowed_values_and_example(field_page):
    for f in STORY.all_fields:
        text = field_section(field_page, f.name)
        assert f.title in text and f.description in text, f.name
        assert f"Krävs: {'ja' if f.required else 'nej'}" in text and f"Sort: {f.kind.label}" in text, f.name
        assert f.example is not None, f"fältet {f.name} saknar exempel i macros/model/schema.py"
        assert "Exempel:" in text and f"{f.name}:" in text.split("Exempel:")[1], f.name
    slag = field_section(field_page, "slag")
    assert all(f"{key} ({title})" in slag for key, title in STORY_KINDS.items())
    # References list the ids of the fixture's linkable items, with their titles
    assert re.search(r"Tillåtna värden: k2 \(K2 · [^)]+\), r2 \(R2 · [^)]+\)", field_section(field_page, "strategier"))
    assert "esther (" in field_section(field_page, "personas")
    assert "Tillåtna värden" not in field_section(field_page, "titel")  # free text
    assert "Varje källa anger precis ett av" in field_section(field_page, "kallor")  # the record's rules


def test_every_example_on_the_field_page_is_accepted_by_the_validator(field_page):
    from macros.model.fields import FieldChecker
    from macros.views.field_reference import example_yaml

    for f in STORY.all_fields:
        written = example_yaml(f)
        assert written.strip().splitlines()[0] in field_section(field_page, f.name), f.name
        value = yaml.safe_load(written)[f.name]
        assert f.kind.check(value, (f.name,), FieldChecker("stories/x.md", {})) == [], (f.name, value)


def test_guide_template_validates_and_is_what_the_scaffolder_writes(guide, repo):
    text = template_in(guide)
    (repo / "stories" / "mall.md").write_text(text, encoding="utf-8")
    check = run_script("validate.py", repo, str(repo / "stories" / "mall.md"))
    assert check.returncode == 0 and check.stdout.strip() == "0 fel, 0 varningar.", check.stdout
    values = yaml.safe_load(text.split("---")[1])
    flags = [
        "--titel",
        values["titel"],
        "--beskrivning",
        values["beskrivning"],
        "--slag",
        values["slag"],
        "--forfattare",
        values["forfattare"],
    ]
    for name, flag in (
        ("personas", "persona"),
        ("strategier", "strategi"),
        ("strategigrupper", "strategigrupp"),
        ("kommuner", "kommun"),
    ):
        flags += [x for value in values[name] for x in (f"--{flag}", value)]
    assert new_story(repo, *flags).returncode == 0
    assert (repo / "stories" / "trygg-hemgang-for-esther.md").read_text(encoding="utf-8") == text


def test_id_tables_list_linkable_items_with_links(guide):
    strategies = section(guide, "Strategier", level=3)
    assert [r[0] for r in rows(strategies)] == ["k2", "r2"]
    assert 'href="../strategier/k2/"' in strategies
    personas = section(guide, "Personas", level=3)
    assert [r[0] for r in rows(personas)] == ["esther"]  # the draft persona is not offered
    assert "bast-for-esther" in plain(section(guide, "Principer", level=3))
    assert "kontinuitet" in plain(section(guide, "Indikatorer", level=3))


def test_example_error_in_the_guide_is_what_the_validator_says(guide, repo):
    example = plain(re.search(r"<pre.*?</pre>", section(guide, "När kontrollen hittar fel"), flags=re.S).group(0))
    story = template_in(guide).replace("strategigrupper: [aldre]", "strategigrupper: [aldr]")
    (repo / "stories" / "min-berattelse.md").write_text(story, encoding="utf-8")
    check = run_script("validate.py", repo)
    assert check.returncode == 1
    assert example.strip() in check.stdout.splitlines()


def test_new_file_button_opens_github_with_the_template(guide):
    link = html.unescape(re.search(r'href="([^"]+/new/main/stories\?[^"]+)"', guide).group(1))
    query = urllib.parse.parse_qs(urllib.parse.urlsplit(link).query)
    assert query["filename"] == ["min-berattelse.md"]
    assert query["value"] == [template_in(guide)]
    assert re.search(r'href="https://github\.com/[^"]+/tree/main/stories"', guide)


def test_start_page_links_the_guide():
    assert "(bidra/index.md)" in (ROOT / "docs" / "index.md").read_text(encoding="utf-8")


def workflow(name: str) -> dict:
    data = yaml.safe_load((GITHUB / "workflows" / name).read_text(encoding="utf-8"))
    data["on"] = data.pop(True)  # YAML 1.1 reads the key `on` as true
    return data


def steps(job: dict) -> str:
    return "\n".join(str(step.get("run", step.get("uses", ""))) for step in job["steps"])


def test_tests_run_on_every_pull_request_in_debian():
    data = workflow("test.yml")
    assert "pull_request" in data["on"] and "push" in data["on"]
    job = data["jobs"]["test"]
    assert job["container"] == "debian:bookworm"
    assert "python3-venv" in steps(job) and "make validate" in steps(job) and "make test" in steps(job)
    assert steps(job).index("git") < steps(job).index("actions/checkout")  # git first: checkout keeps history


def test_pages_publishes_the_strict_build_from_main():
    data = workflow("pages.yml")
    assert data["on"]["push"]["branches"] == ["main"]
    build_job, deploy_job = data["jobs"]["build"], data["jobs"]["deploy"]
    # The build runs contributed content, so it holds no token that can publish; only deploy can.
    assert data["permissions"] == {"contents": "read"} and build_job["permissions"] == {"contents": "read"}
    assert deploy_job["permissions"] == {"pages": "write", "id-token": "write"}
    checkout = next(s for s in build_job["steps"] if "actions/checkout" in s.get("uses", ""))
    assert checkout["with"]["persist-credentials"] is False
    assert "make build" in steps(build_job) and "actions/upload-pages-artifact" in steps(build_job)
    build_step = next(s for s in build_job["steps"] if s.get("run") == "make build")
    assert set(build_step["env"]) == {"KB_SITE_URL", "KB_REPO_URL"}
    assert next(s for s in build_job["steps"] if "upload-pages-artifact" in s.get("uses", ""))["with"]["path"] == "site"
    assert deploy_job["needs"] == "build" and "actions/deploy-pages" in steps(deploy_job)


def test_pull_request_template_asks_for_the_checks():
    text = (GITHUB / "PULL_REQUEST_TEMPLATE.md").read_text(encoding="utf-8")
    boxes = re.findall(r"^- \[ \] (.+)$", text, flags=re.M)
    assert len(boxes) >= 3
    assert any("avidentifierad" in b for b in boxes) and any("samtycke" in b for b in boxes)
    assert "## Vad visar berättelsen?" in text


def test_codeowners_gives_content_to_communicators_and_the_rest_to_developers():
    rules = [
        line.split()
        for line in (ROOT / "CODEOWNERS").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    assert rules[0] == ["*", "@ORGANISATION/utvecklare"]  # first, so that later content rules win
    assert ["/stories/", "@ORGANISATION/kommunikatorer"] in rules


def test_contributing_points_to_the_guide():
    assert "docs/bidra/index.md" in (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")


def test_make_new_story_runs_the_scaffolder():
    assert re.search(
        r"^new-story: .*## .+\n\t\$\(BIN\)/python scripts/new_story\.py$",
        (ROOT / "Makefile").read_text(encoding="utf-8"),
        flags=re.M,
    )


def commands_in(code_blocks: list[str]) -> list[str]:
    """Each command line in the code blocks, with backslash continuations joined."""
    lines = "\n".join(code_blocks).replace("\\\n", " ").splitlines()
    return [" ".join(line.split()) for line in lines if line.strip()]


def fenced_blocks(markdown: str) -> list[str]:
    return re.findall(r"^```(?:sh|bash|console|shell)\n(.*?)^```", markdown, flags=re.S | re.M)


def code_blocks_in(guide_html: str) -> list[str]:
    return [plain(block) for block in re.findall(r'<div class="highlight"><pre.*?</pre>', guide_html, flags=re.S)]


@pytest.fixture
def real_repo(tmp_path):
    """A copy of this repository's content, where a communicator runs the commands."""
    root = tmp_path / "kunskapsbanken"
    shutil.copytree(ROOT, root, ignore=shutil.ignore_patterns(".venv", ".cache", ".git", "site", "__pycache__"))
    return root


def test_every_scaffolder_command_in_the_guide_and_readme_works_as_written(guide, real_repo):
    commands = commands_in(code_blocks_in(guide))
    for source in ("README.md", "CONTRIBUTING.md", "docs/introduktion/kommunikator.md"):
        commands += commands_in(fenced_blocks((ROOT / source).read_text(encoding="utf-8")))
    scaffolds = [c for c in commands if "scripts/new_story.py" in c]
    assert scaffolds, "bidragsguiden visar inget kommando med scripts/new_story.py"
    for command in scaffolds:
        words = shlex.split(command)
        assert words[0] == ".venv/bin/python", f"{command!r} fungerar bara i projektets virtuella miljö"
        result = subprocess.run(
            [sys.executable, *words[1:], "--rot", str(real_repo), "--idag", TODAY],
            cwd=real_repo,
            capture_output=True,
            text=True,
            encoding="utf-8",
            stdin=subprocess.DEVNULL,
        )
        assert result.returncode == 0, f"{command}\n{result.stdout}{result.stderr}"
        assert "0 fel, 0 varningar." in result.stdout


def test_every_make_command_in_the_guide_is_a_make_target(guide):
    targets = set(re.findall(r"^([a-z-]+):", (ROOT / "Makefile").read_text(encoding="utf-8"), flags=re.M))
    makes = [c.split()[1] for c in commands_in(code_blocks_in(guide)) if c.startswith("make ")]
    assert "new-story" in makes
    assert [m for m in makes if m not in targets] == []


def test_guide_never_tells_to_run_plain_python():
    text = (ROOT / "docs" / "bidra" / "index.md").read_text(encoding="utf-8")
    assert re.findall(r"(?<![/\w])python3? scripts/", text) == []


def test_the_guide_explains_each_state_in_the_forms_words_and_names_the_reviewers_from_codeowners(guide):
    from macros.content.workflow import FORM_STATES

    form = plain(section(guide, "Föreslå en berättelse i ett formulär"))
    for state in FORM_STATES:
        assert f"{state['term']}: {state['text']}" in form, state["term"]
    # The fixture site has no CODEOWNERS of its own: the guide says where the reviewers are set, not a placeholder.
    assert "vilka det är ställer administratören in i filen CODEOWNERS" in form
    assert "@ORGANISATION" not in form and "OAuth" not in form  # the administrator's setup has its own page
    assert "Klicka inte på **Publicera**" not in form


def test_reviewers_are_read_from_codeowners_and_a_placeholder_is_not_presented_as_fact(tmp_path):
    from macros.content import reviewers

    assert reviewers.owners(ROOT) == ["@ORGANISATION/kommunikatorer"]
    assert "platshållare" in reviewers.story_reviewers(ROOT)
    (tmp_path / "CODEOWNERS").write_text(
        "*  @region/utvecklare\n/stories/  @region/kommunikation  # berättelser\n/macros/  @region/utvecklare\n",
        encoding="utf-8",
    )
    assert reviewers.story_reviewers(tmp_path) == "@region/kommunikation (enligt filen CODEOWNERS)"


def test_the_administrators_page_holds_the_sign_in_setup():
    text = (ROOT / "docs" / "bidra" / "administrator.md").read_text(encoding="utf-8")
    assert "KB_CMS_OAUTH_URL" in text and "CODEOWNERS" in text and "OAuth-app" in text
    guide = (ROOT / "docs" / "bidra" / "index.md").read_text(encoding="utf-8")
    assert "KB_CMS_OAUTH_URL" not in guide and "(administrator.md)" in guide
