"""The form editor's configuration is generated from the schema and the catalog (macros/generate/cms_config.py)."""

import json
import re
import shutil
import subprocess

import pytest
from sitebuild import FIXTURES, ROOT, node_json

from macros.content import scaffold
from macros.content.catalog import load_catalog
from macros.generate import cms_bundle, cms_config
from macros.model import vocabularies as v
from macros.model.schema import STORY, is_required
from macros.model.settings import Settings
from macros.views import story_choices
from macros.views.markdown import display_title

REPO_URL = "https://github.com/kunskapsbanken/nara-vard-jonkoping"


@pytest.fixture(scope="module")
def catalog():
    return load_catalog(FIXTURES / "base")


@pytest.fixture(scope="module")
def fields(catalog):
    collection = cms_config.decap_config(catalog, REPO_URL)["collections"][0]
    return {f["name"]: f for f in collection["fields"]}


def test_the_form_asks_what_the_scaffolder_asks_and_the_other_links(fields):
    assert set(scaffold.ASKED) <= set(fields)
    shown = [name for name in fields if name not in ("status", "kb_info", "body")]
    assert shown == [f.name for f in STORY.all_fields if f.name in shown], "fälten ska stå i schemats ordning"
    assert {"principer", "indikatorer", "personas", "strategier"} <= set(fields)
    assert fields["status"] == {"name": "status", "label": "Status", "widget": "hidden", "default": "utkast"}
    assert fields["body"]["widget"] == "kb-markdown" and fields["body"]["default"] == scaffold.skeleton()


def test_labels_hints_and_required_come_from_the_schema(fields):
    for name, widget in fields.items():
        if name in ("status", "kb_info", "body"):  # a hidden draft status, the states explained, and the text
            continue
        f = STORY.field(name)
        assert widget["label"] == f.title
        assert widget["hint"].startswith(f.description)
        assert widget["required"] == (is_required(STORY, f) and name not in cms_config.FILLED_IN), name
    assert fields["forfattare"]["label"] == "Författare" and fields["sokord"]["label"] == "Sökord"
    assert fields["ansvarig"]["required"] is False  # the scaffolder takes it from the author


def test_vocabularies_are_select_lists_of_their_labels(fields):
    assert fields["kommuner"]["options"] == [{"label": label, "value": key} for key, label in v.MUNICIPALITIES.items()]
    assert fields["kommuner"]["multiple"] is True and fields["kommuner"]["min"] == 1
    assert fields["slag"]["multiple"] is False
    assert {o["value"] for o in fields["taggar"]["options"]} == set(v.TAGS)


def test_strategies_principles_personas_indicators_show_titles_and_store_ids(fields, catalog):
    for name, type_key in (
        ("strategier", "strategy"),
        ("principer", "principle"),
        ("personas", "persona"),
        ("indikatorer", "indicator"),
    ):
        offered = {o["value"]: o["label"] for o in fields[name]["options"]}
        assert offered == {i.id: display_title(i) for i in story_choices.linkable(catalog, type_key)}, name
        assert offered, name
    assert {"label": "K2 · Samverkan och kontinuitet", "value": "k2"} in fields["strategier"]["options"]


def test_text_fields_have_the_schemas_pattern_and_the_title_needs_a_letter(fields):
    assert fields["beskrivning"]["pattern"][0] == r"\S"
    pattern, message = fields["titel"]["pattern"]
    assert re.search(pattern, "Trygg hemgång") and not re.search(pattern, "!!! ???")
    assert message.startswith("Titeln behöver innehålla bokstäver eller siffror")


def test_swedish_ui_editorial_workflow_and_the_github_repository(catalog):
    config = cms_config.decap_config(catalog, REPO_URL + ".git", branch="main", oauth_url="https://auth.example.org/")
    assert config["locale"] == "sv" and config["publish_mode"] == "editorial_workflow"
    backend = {key: value for key, value in config["backend"].items() if key != "commit_messages"}
    assert backend == {
        "name": "github",
        "repo": "kunskapsbanken/nara-vard-jonkoping",
        "branch": "main",
        "base_url": "https://auth.example.org",
    }
    assert "local_backend" not in config
    assert config["collections"][0]["folder"] == "stories" and config["collections"][0]["format"] == "kb-berattelse"
    assert config["collections"][0]["publish"] is False  # no Publicera button: publishing is the reviewer's
    assert cms_config.branch_of("edit/main/docs/") == "main"
    with pytest.raises(ValueError, match="repots adress på GitHub"):
        cms_config.github_repo("https://gitlab.com/a/b")


def test_the_page_allows_its_own_host_and_the_github_api_and_nothing_else(catalog, tmp_path):
    files = cms_config.site_files(catalog, REPO_URL)
    page = files["redigera/index.html"]
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page).group(1).replace("&#x27;", "'")
    directives = dict(d.strip().split(" ", 1) for d in csp.split(";"))
    assert directives["default-src"] == "'none'"
    assert directives["connect-src"] == "'self' https://api.github.com"
    hosts = set(re.findall(r"https?://[^\s;']+", csp))
    assert hosts == {"https://api.github.com"}
    assert "<script>" not in page and 'src="decap-cms.js"' in page  # self-hosted, no inline script
    assert not re.search(r"""(?:src|href)=["']?(?:https?:)?//""", page)


def test_without_a_sign_in_service_the_page_explains_instead_of_sending_people_to_netlify(catalog):
    settings = json.loads(cms_config.site_files(catalog, REPO_URL)["redigera/installningar.json"])
    assert settings["signin"] is False and "base_url" not in settings["decap"]["backend"]
    notice = settings["notice"]["lines"]
    assert "administratören" in " ".join(line["text"] for line in notice)
    links = {link["href"] for line in notice for link in line["links"]}
    assert REPO_URL + "/issues/new?template=berattelse.yml" in links  # the issue form, and the web editor
    assert any(href.startswith(REPO_URL + "/new/main/stories?filename=") for href in links)
    ready = json.loads(
        cms_config.site_files(catalog, REPO_URL, settings=Settings(cms_oauth_url="https://a.example.org"))[
            "redigera/installningar.json"
        ]
    )
    assert ready["signin"] is True and ready["decap"]["backend"]["base_url"] == "https://a.example.org"


def test_a_missing_bundle_stops_the_build_with_the_make_command(catalog, tmp_path):
    with pytest.raises(cms_bundle.EditorBundleMissing) as error:
        cms_config.site_files(catalog, REPO_URL, settings=Settings(cms_dir=tmp_path / "tom"))
    message = str(error.value)
    assert message.startswith("Formulärredigeraren saknas") and "make cms" in message
    assert cms_bundle.pin("cms", "decap-cms") in message  # the version npm/cms/package.json asks for


def test_a_bundle_of_another_version_is_refused(catalog, tmp_path):
    packages = tmp_path / "cms" / "node_modules"
    shutil.copytree(cms_bundle.bundle_dir(ROOT) / "js-yaml", packages / "js-yaml")
    (packages / "decap-cms" / "dist").mkdir(parents=True)
    (packages / "decap-cms" / "dist" / "decap-cms.js").write_text("", encoding="utf-8")
    (packages / "decap-cms" / "package.json").write_text('{"version": "3.0.0"}', encoding="utf-8")
    with pytest.raises(cms_bundle.EditorBundleMissing, match=re.escape(cms_bundle.DECAP_CMS)):
        cms_config.site_files(catalog, REPO_URL, settings=Settings(cms_dir=tmp_path / "cms"))


INSTALLS = ("cms", "decap-server", "vnu", "lighthouse")  # npm/<folder>/, installed into .cache/<folder>/


@pytest.mark.parametrize("folder", INSTALLS)
def test_each_npm_install_is_pinned_exactly_and_locked(folder):
    """package.json asks for exact versions and the committed lockfile resolves each to that version."""
    lock = json.loads((cms_bundle.NPM / folder / "package-lock.json").read_text(encoding="utf-8"))
    pinned = cms_bundle.pins(folder)
    assert pinned and all(re.fullmatch(r"\d+\.\d+\.\d+", version) for version in pinned.values()), pinned
    assert lock["packages"][""]["dependencies"] == pinned
    assert {name: lock["packages"][f"node_modules/{name}"]["version"] for name in pinned} == pinned


@pytest.mark.parametrize("folder", INSTALLS)
def test_what_is_installed_is_what_the_lockfile_says(folder):
    """Every package npm ci installed into .cache/<folder>/ has the lockfile's version (a folder that is not
    installed here, lighthouse say, is skipped: the Makefile installs it when a target needs it)."""
    modules = ROOT / ".cache" / folder / "node_modules"
    if not modules.is_dir():
        pytest.skip(f".cache/{folder}/ är inte installerad")
    lock = json.loads((cms_bundle.NPM / folder / "package-lock.json").read_text(encoding="utf-8"))
    for name, version in cms_bundle.pins(folder).items():
        assert cms_bundle.installed_version(modules, f"{name}@{version}") == f"{name}@{version}"
    installed = {
        path: meta["version"]
        for path, meta in lock["packages"].items()
        if path and "version" in meta and (ROOT / ".cache" / folder / path / "package.json").is_file()
    }
    wrong = {
        path: version
        for path, version in installed.items()
        if json.loads((ROOT / ".cache" / folder / path / "package.json").read_text(encoding="utf-8"))["version"]
        != version
    }
    assert wrong == {}


@pytest.mark.parametrize(
    ("target", "folders"),
    [("build", ["cms"]), ("serve", ["cms"]), ("test", ["cms", "decap-server", "vnu"]), ("lighthouse", ["lighthouse"])],
)
def test_make_installs_the_locked_packages_a_target_needs(target, folders):
    """What a dry run of the Makefile (`make -n`) runs when a lockfile is newer than its install: npm ci from it."""
    for folder in folders:
        lockfile = f"npm/{folder}/package-lock.json"
        plan = subprocess.run(
            ["make", "-n", "-W", lockfile, target], cwd=ROOT, capture_output=True, text=True, check=True
        ).stdout
        assert f"npm ci --silent --no-audit --no-fund --prefix .cache/{folder}" in plan, (target, folder)
        assert f"npm/{folder}/package.json {lockfile} .cache/{folder}/" in plan


LOCALES = """
const fs = require('fs'), path = require('path');
function load(file) {
  const src = fs.readFileSync(file, 'utf8').replace(/export default \\w+;?/, '').replace(/^const (\\w+) =/m, 'return');
  return new Function(src)();
}
function leaves(o, p, out) {
  for (const [k, v] of Object.entries(o)) { const key = p ? p + '.' + k : k;
    if (v && typeof v === 'object') leaves(v, key, out); else out[key] = v; }
  return out;
}
const dir = path.join(process.argv[1], 'decap-cms-locales', 'src');
console.log(JSON.stringify({en: leaves(load(path.join(dir, 'en', 'index.js')), '', {}),
                            sv: leaves(load(path.join(dir, 'sv', 'index.js')), '', {})}));
"""


def leaves(tree: dict, prefix: str = "") -> dict:
    out = {}
    for key, value in tree.items():
        name = f"{prefix}.{key}" if prefix else key
        out.update(leaves(value, name) if isinstance(value, dict) else {name: value})
    return out


def decap_locales() -> dict:
    """Decap's own locale tables, English and Swedish, as its bundle holds them (read with Node)."""
    return node_json(["node", "-e", LOCALES, str(cms_bundle.bundle_dir(ROOT))])


def test_every_text_of_decaps_english_ui_has_a_swedish_one():
    """Decap 3.16.3's sv locale translates 200 of its 248 English texts; ours (cms_config.LOCALE) the rest."""
    locales = decap_locales()
    english, decaps, ours = locales["en"], locales["sv"], leaves(cms_config.LOCALE)
    missing = [key for key in english if key not in decaps and key not in ours]
    assert missing == []
    assert set(ours) - set(english) == set(), "översättningar av texter som Decap inte har"
    assert len(decaps) < len(english)  # else cms_config.LOCALE may be outdated: recount for the README


def test_the_generator_stops_with_the_message_when_the_bundle_is_missing(tmp_path):
    from sitebuild import make_fixture_project

    from macros.generate import staging

    project = make_fixture_project(tmp_path, FIXTURES / "base")
    with pytest.raises(staging.GenerationError, match="Installera den med: make cms"):
        staging.write_staging(
            project, tmp_path / "staging", today="2026-11-23", settings=Settings(cms_dir=tmp_path / "tom")
        )


def test_the_generator_publishes_the_editor_beside_the_pages(tmp_path):
    from sitebuild import make_fixture_project

    from macros.generate import staging

    project = make_fixture_project(tmp_path, FIXTURES / "base")
    staging.write_staging(project, tmp_path / "staging", today="2026-11-23")
    editor = tmp_path / "staging" / "docs" / "redigera"
    assert (editor / "decap-cms.js").stat().st_size == (
        cms_bundle.bundle_dir(ROOT) / "decap-cms" / "dist" / "decap-cms.js"
    ).stat().st_size
    settings = json.loads((editor / "installningar.json").read_text(encoding="utf-8"))
    repo_url = staging.read_config(project)["repo_url"]  # mkdocs.yml's, or KB_REPO_URL
    assert settings["decap"]["backend"]["repo"] == cms_config.github_repo(repo_url)
    assert settings["decap"]["backend"]["branch"] == "main"


def test_hints_are_in_a_communicators_words(fields):
    """No true/false, no field names from the file (verkliga_personer) and no stored ids (hela-lanet) in what
    the form shows under its fields."""
    for name, widget in fields.items():
        hint = widget.get("hint", "")
        assert not re.findall(r"\b[a-z]+_[a-z_]+\b|\btrue\b|\bfalse\b|\b[a-z]+-[a-z]+-[a-z]+\b", hint), (name, hint)
    assert "kommatecken" in fields["sokord"]["hint"] and "kommatecken" in fields["kontaktuppgifter"]["hint"]


def test_the_file_name_is_the_title_cut_where_the_validator_cuts_it(catalog):
    from macros.model.names import MAX_NAME

    collection = cms_config.decap_config(catalog, REPO_URL)["collections"][0]
    assert collection["slug"] == "{{titel | truncate(" + str(MAX_NAME) + ", '-')}}" and collection["publish"] is False


def test_python_patterns_are_written_for_javascripts_unicode_mode():
    from macros.generate.cms_rules import js_pattern

    assert (
        js_pattern(r"\b\w+@") == r"(?:(?<=[\p{L}\p{N}_])(?![\p{L}\p{N}_])|(?<![\p{L}\p{N}_])(?=[\p{L}\p{N}_]))"
        r"[\p{L}\p{N}_]+@"
    )
    assert js_pattern(r"[\w.+-]{1,64}") == r"[\p{L}\p{N}_.+-]{1,64}"
    assert js_pattern(r"(?<![\d\w+])\d") == r"(?<![\d\p{L}\p{N}_+])\d"


def test_changing_a_story_in_the_form_asks_what_changed_for_the_reader(fields):
    """The page's history tells readers only what a note says (macros/content/change_notes.py): the form asks
    for the note, optional, with the schema's label and a hint that a new story needs none."""
    note = fields["andring"]
    assert note["label"].startswith("Vad har ändrats?") and note.get("required") is False
    assert "historik" in note["hint"] and "ny berättelse" in note["hint"]


@pytest.mark.parametrize(
    "path", ["README.md", "macros/generate/cms_locale.py", "macros/generate/cms_editor.css"], ids=str
)
def test_where_a_decap_version_is_named_it_is_the_pinned_one(path):
    """The README's comparison with Sveltia and the Swedish texts and style fixes made for one version of
    Decap CMS name that version: a new pin in npm/cms/package.json must bring them up to date."""
    text = (ROOT / path).read_text(encoding="utf-8")
    named = set(re.findall(r"Decap CMS (\d+\.\d+\.\d+)", text))
    assert named == {cms_bundle.pins("cms")["decap-cms"]}
