"""The story template on the guide's pages and links to GitHub for a new story: the copyable template
(the same text the scaffolder writes, macros/content/scaffold.py), the ids a story may name as a table,
and the addresses of the stories folder, a new file with the template and the issue form.
"""

import posixpath
from urllib.parse import quote

from macros.content.catalog import Catalog
from macros.content.scaffold import ASKED, is_list, story_text
from macros.model.schema import STORY, TYPE_BY_NAME
from macros.views import github_issue_form
from macros.views.markdown import display_title, link_to, md_text
from macros.views.story_choices import choices, linkable


def example_values(catalog: Catalog) -> dict[str, object]:
    """The guide's sample answers: each asked field's schema example (or description), valid ids only."""
    values: dict[str, object] = {}
    for name in ASKED:
        f = STORY.field(name)
        if f is None:
            raise KeyError(f"ASKED names '{name}', which is no field of STORY")
        valid = choices(f, catalog)
        if valid is not None:
            examples = f.example if isinstance(f.example, list) else [f.example]
            picked = [x for x in examples if x in valid]
            values[name] = picked if is_list(f) else (picked or list(valid))[0]
        else:
            values[name] = f.example or f.description
    return values


def template(catalog: Catalog) -> str:
    return story_text(example_values(catalog), catalog.today)


def template_block(catalog: Catalog, preview: bool, from_src: str) -> str:
    """The guide's copyable template: the same text the scaffolder writes, with sample answers."""
    return "```markdown\n" + template(catalog) + "```"


def github_url(catalog: Catalog, repo_url: str, edit_uri: str, what: str) -> str:
    """The stories folder on GitHub ("mapp"), a new file there with the template filled in ("ny"), or the
    issue form that proposes a story ("formular")."""
    branch = edit_uri.strip("/").split("/")[1]  # edit/main/docs/ -> main
    base = repo_url.rstrip("/")
    if what == "mapp":
        return f"{base}/tree/{branch}/{STORY.folder}"
    if what == "ny":
        return (
            f"{base}/new/{branch}/{STORY.folder}?filename=min-berattelse.md&value={quote(template(catalog), safe='')}"
        )
    if what == "formular":
        return f"{base}/issues/new?template={quote(posixpath.basename(github_issue_form.FILE))}"
    raise ValueError(f"github_adress(): okänt val '{what}'. Välj mapp, ny eller formular.")


def id_table(catalog: Catalog, preview: bool, from_src: str, typ: str) -> str:
    """A table of the ids a story may name for one content type (Swedish name), each linked to its page."""
    items = linkable(catalog, TYPE_BY_NAME[typ].key)
    if not items:
        return "*Inga ännu.*"
    rows = ["| Id | Titel |", "| --- | --- |"]
    # The guide is a developer page, which skips the sanitizer: contributed titles must stay text here.
    rows += [f"| `{i.id}` | [{md_text(display_title(i))}]({link_to(i, from_src)}) |" for i in items]
    return "\n".join(rows)
