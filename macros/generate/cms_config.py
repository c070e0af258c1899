"""The form editor at /redigera/ (Decap CMS), generated from the schema and the catalog.

Communicators who have never used git add a story through a form: Decap CMS, self-hosted from
the pinned npm bundle in .cache/cms/ (`make cms`), saves each new story on its own branch and
opens a pull request (editorial workflow), so every story is still reviewed and checked.

Everything the form knows comes from the one schema: which fields it shows (the scaffolder's
questions and the other links a story may make), labels (Field.title) and hints (the field
descriptions), what is required, patterns, the allow-listed values of vocabularies as select
lists, and the strategies, principles, personas and indicators a story may name as select
lists that show titles and store ids (the items the scaffolder offers, from the catalog at build
time). The file the form writes is the scaffolder's (macros/content/scaffold.py): macros/generate/cms_story.js
serializes entries from the format description `story_format()` gives it, and a test holds the
two to the same bytes. The personnummer check in the form uses the validator's own pattern
and character tables (macros/content/guards.py).

`site_files()` returns {site path: content} like schema_export.site_files(); the page's
Content-Security-Policy lets it talk to its own host and the GitHub API, nothing else.
"""

import json
from pathlib import Path
from urllib.parse import urlparse

from macros.content import reviewers, scaffold, workflow
from macros.generate.cms_bundle import EDITOR, bundle_files
from macros.generate.cms_locale import LOCALE, SCREEN_READER, UNTRANSLATED
from macros.generate.cms_page import content_security_policy, index_html, not_set_up, too_narrow
from macros.generate.cms_rules import guard_rules
from macros.model.names import MAX_NAME
from macros.model.schema import FORM_ASKS, STORY, is_required
from macros.model.settings import Settings
from macros.views import story_choices
from macros.views.story_template import github_url

OWN_SCRIPT = Path(__file__).with_name("cms_editor.js")
STORY_SCRIPT = Path(__file__).with_name("cms_story.js")  # the file format and the guards, shared with Node
SITE_NAME = "Kunskapsbanken för God och nära vård"
STYLESHEET = "assets/kunskapsbanken.css"  # the site's own stylesheet, for the preview pane

SHOWN = set(FORM_ASKS)  # the fields the form shows (macros/model/story_type.py records each entry point's)
HINTS = {
    "ansvarig": " Lämna tomt för organisationen i Författare.",
    # A new story's history says it was published; the note is for changing a story that is there.
    "andring": " Lämna tomt när du skriver en ny berättelse.",
}
FILLED_IN = {"ansvarig"} | set(scaffold.DEFAULTS)
# The file name is the title, cut (names.slugify cuts at MAX_NAME): Decap's truncate filter keeps MAX_NAME
# characters and adds "-", which its slug cleaning then drops with any other trailing hyphen.
SLUG_TEMPLATE = (
    "{{titel | truncate(" + str(MAX_NAME) + ", '-')}}"
)  # required in the file, but the scaffolder fills them in


def branch_of(edit_uri: str) -> str:
    """The branch the site is published from, as mkdocs.yml's edit_uri names it (edit/main/docs/ -> main)."""
    parts = (edit_uri or "").strip("/").split("/")
    return parts[1] if len(parts) > 1 and parts[0] in ("edit", "blob") else "main"


def github_repo(repo_url: str) -> str:
    """ "owner/name" from the repository's GitHub address (mkdocs.yml repo_url, or KB_REPO_URL)."""
    parsed = urlparse(repo_url or "")
    parts = [p for p in parsed.path.split("/") if p]
    if parsed.hostname != "github.com" or len(parts) < 2:
        raise ValueError(
            f"Formulärredigeraren behöver repots adress på GitHub (repo_url i mkdocs.yml eller "
            f"KB_REPO_URL), till exempel https://github.com/organisation/repo, men fick '{repo_url}'."
        )
    return f"{parts[0]}/{parts[1].removesuffix('.git')}"


# --- the form ------------------------------------------------------------------------------------


def _options(choices: dict) -> list:
    return [{"label": label, "value": key} for key, label in choices.items()]


def form_field(f, catalog) -> dict:
    """One schema field as a Decap CMS field: widget, Swedish label and hint, required, pattern, choices."""
    many = f.kind.is_list
    widget = {
        "name": f.name,
        "label": f.title,
        "hint": f.description + HINTS.get(f.name, ""),
        "required": is_required(STORY, f) and f.name not in FILLED_IN,
    }
    choices = story_choices.choices(f, catalog)
    if choices is not None:  # a vocabulary or the items a story may name: titles shown, ids stored
        widget.update(widget="kb-select", options=_options(choices), multiple=many)
        if many and widget["required"]:
            widget["min"] = 1
    else:
        shown = f.kind.form_widget(many)  # the kind knows its widget (macros/model/kinds.py)
        if shown is None:
            raise ValueError(f"Formulärredigeraren kan inte visa fältet '{f.name}' ({f.kind!r}).")
        widget["hint"] += shown.pop("hint", "")
        widget.update(shown)
        if widget["widget"] == "kb-boolean":
            widget["default"] = scaffold.DEFAULTS.get(f.name, False)
    if f.name == "titel":  # the file name comes from the title, as in scripts/new_story.py
        widget["pattern"] = [
            "[A-Za-z0-9ÅÄÖåäöÉéÜü]",
            "Titeln behöver innehålla bokstäver eller siffror, så att filen får ett namn.",
        ]
    return widget


def story_fields(catalog) -> list:
    """The story form: status as a hidden draft, the shown fields in schema order, then the text."""
    fields = [
        {"name": "status", "label": "Status", "widget": "hidden", "default": scaffold.DEFAULTS["status"]},
        {"name": "kb_info", "label": "Så går det till", "widget": "kb-info", "required": False},
    ]
    fields += [form_field(f, catalog) for f in STORY.all_fields if f.name in SHOWN]
    fields.append(
        {
            "name": "body",
            "label": "Berättelsen",
            "widget": "kb-markdown",
            "required": True,
            "modes": ["raw"],
            "editor_components": [],
            "sanitize_preview": True,
            "default": scaffold.skeleton(),
            "hint": scaffold.SKELETON[0][1] + " Tipsen mellan <!-- och --> visas aldrig för läsarna.",
        }
    )
    return fields


def decap_config(catalog, repo_url: str, branch: str = "main", oauth_url: str = "", local_backend: str = "") -> dict:
    """The whole Decap CMS configuration (CMS.init({config})), in Swedish, with editorial workflow."""
    backend = {
        "name": "github",
        "repo": github_repo(repo_url),
        "branch": branch,
        "commit_messages": {
            "create": "Ny berättelse: {{slug}}",
            "update": "Uppdaterar berättelsen {{slug}}",
            "delete": "Tar bort berättelsen {{slug}}",
        },
    }
    if oauth_url:  # the region's OAuth proxy (see README); without it Decap would use Netlify's
        backend["base_url"] = oauth_url.rstrip("/")
    config = {
        "load_config_file": False,
        "locale": "sv",
        "backend": backend,
        "publish_mode": "editorial_workflow",
        "media_folder": "docs/bilder",  # required by Decap; the story form has no image button
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
        "collections": [
            {
                "name": "stories",
                "label": "Berättelser",
                "label_singular": "berättelse",
                "description": STORY.description + " En ny berättelse sparas som utkast och läses av en granskare "
                "innan den publiceras.",
                "folder": STORY.folder,
                "extension": "md",
                "format": "kb-berattelse",
                "create": True,
                "delete": False,
                "slug": SLUG_TEMPLATE,
                "publish": False,  # no Publicera button: a story is published when its review is merged on GitHub "identifier_field": "titel",
                "summary": "{{titel}}",
                "sortable_fields": ["titel"],
                "fields": story_fields(catalog),
            }
        ],
    }
    if local_backend:  # tests (tests/test_cms_browser.py): decap-server on this machine instead of GitHub
        config["local_backend"] = {"url": local_backend, "allowed_hosts": [urlparse(local_backend).hostname]}
    return config


# --- the file format (macros/generate/cms_story.js writes what scaffold.story_text writes) --------------


def story_format() -> dict:
    """What macros/generate/cms_story.js needs to write a story exactly as scaffold.story_text does."""
    return {
        "fields": [
            {
                "name": f.name,
                "yaml": f.kind.yaml_style(),
                "date": f.kind.is_date,
                "comment": f.description if f.name in scaffold.DEFAULTS else "",
            }
            for f in STORY.all_fields
        ],
        "defaults": scaffold.DEFAULTS,
        "author": "forfattare",
        "owner": "ansvarig",
        "created": "skapad",
        "sources": "kallor",
        "source_prefix": "Egen berättelse, skriven av ",
        "more_fields": "# Fler fält finns i bidragsguiden: ",
    }


STATES = workflow.FORM_STATES  # where a story is, one sentence each (the guide says the same)
# The preview pane as a story page: the site's stylesheet gives the colours and the font (its variables);
# these are Material's type sizes for the page's title, lead and text, which the preview has no theme for.
PREVIEW_CSS = """body { margin: 0; font-family: var(--md-text-font); color: rgba(0, 0, 0, .87); -webkit-font-smoothing: antialiased; }
.kb-forhandsvisning { font-size: 1rem; line-height: 1.6; padding: 1.2rem 1.6rem; max-width: 45rem; }
.kb-forhandsvisning h1 { font-size: 2em; font-weight: 300; line-height: 1.3; margin: 0 0 1.25em; color: rgba(0, 0, 0, .54); }
.kb-forhandsvisning h2 { font-size: 1.5625em; font-weight: 300; line-height: 1.4; margin: 1.6em 0 .64em; }
.kb-forhandsvisning .kb-ingress { font-size: 1.15em; }
.kb-forhandsvisning a { color: var(--md-typeset-a-color); }"""
NARROW = 700  # px: below this the form's fields and preview do not fit; the page offers the issue form instead


def next_steps(repo_url: str, root, local_backend: str) -> dict:
    """What the form says after saving: where the story is, who reviews it, and links to the review on GitHub
    (the pull request of the branch cms/stories/<slug>, and the check and preview that run on it)."""
    repo = github_repo(repo_url)
    text = (
        f"Den är sparad som utkast i en egen förslagsversion på GitHub (grenen {{branch}}) och syns inte på "
        f"webbplatsen ännu. När du är klar väljer du Status: Under granskning överst i formuläret. Då granskar "
        f"{reviewers.story_reviewers(root)} berättelsen. Den automatiska kontrollen läser den inom några "
        f"minuter, och en förhandsvisning med skärmbilder byggs."
    )
    links = (
        []
        if local_backend
        else [
            {
                "href": f"https://github.com/{repo}/pulls?q=is%3Apr+head%3A{{branch}}",
                "text": "Din berättelse på GitHub, där granskaren svarar (en pull request)",
            },
            {
                "href": f"https://github.com/{repo}/actions?query=branch%3A{{branch}}",
                "text": "Kontrollen och förhandsvisningen (grön bock: allt är i ordning)",
            },
        ]
    )
    return {
        "title": "Berättelsen är sparad",
        "text": text,
        "branch": "cms/stories/{slug}",
        "links": links,
        "fix": "Säger kontrollen att något behöver ändras, öppnar du berättelsen här i formuläret igen (under "
        "Arbetsflöde), ändrar och sparar; kontrollen läser den då igen.",
    }


def editor_settings(catalog, repo_url: str, branch: str, oauth_url: str, local_backend: str) -> dict:
    edit_uri = f"edit/{branch}/docs/"
    issue_form = github_url(catalog, repo_url, edit_uri, "formular")
    return {
        "decap": decap_config(catalog, repo_url, branch, oauth_url, local_backend),
        "signin": bool(oauth_url or local_backend),
        "notice": not_set_up(issue_form, github_url(catalog, repo_url, edit_uri, "ny")),
        "narrow": too_narrow(issue_form),
        "min_width": NARROW - 1,
        "site_name": SITE_NAME,
        "home": "../",
        "states": STATES,
        "next": next_steps(repo_url, catalog.root, local_backend),
        "format": story_format(),
        "guards": guard_rules(),
        "stylesheet": f"../{STYLESHEET}",
        "locale": LOCALE,
        "untranslated": UNTRANSLATED,
        "screen_reader": SCREEN_READER,
        "preview_css": PREVIEW_CSS,
    }


def site_files(
    catalog,
    repo_url: str,
    branch: str = "main",
    root: Path | None = None,
    settings: Settings = Settings(),
    local_backend: str = "",
) -> dict:
    """The editor's files as {site path: text, or the Path of a file to copy}: the page, its settings,
    our script and stylesheet, and the pinned bundle (as the staging tree takes them). settings: where the
    bundle is (cms_dir) and the sign-in proxy (cms_oauth_url), as the command line read them.

    Raises EditorBundleMissing (macros/generate/cms_bundle.py), in Swedish, when `make cms` has not installed it.
    """
    bundle = bundle_files(root or catalog.root, settings)  # first: a missing bundle stops with its message
    shown = editor_settings(catalog, repo_url, branch, settings.cms_oauth_url, local_backend)
    files: dict = {
        f"{EDITOR}/index.html": index_html(content_security_policy(local_backend)),
        f"{EDITOR}/installningar.json": json.dumps(shown, ensure_ascii=False, indent=1),
        f"{EDITOR}/cms_editor.js": OWN_SCRIPT.read_text(encoding="utf-8"),
        f"{EDITOR}/cms_story.js": STORY_SCRIPT.read_text(encoding="utf-8"),
        f"{EDITOR}/redigera.css": OWN_SCRIPT.with_suffix(".css").read_text(encoding="utf-8"),
    }
    files.update(bundle)  # 5 MB: copied as they are, not read into memory
    return files
