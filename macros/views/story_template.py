"""The story template on the guide's pages and links to GitHub for a new story: the copyable template
(the same text the scaffolder writes, macros/content/scaffold.py), the ids a story may name as a table,
and the addresses of the stories folder, a new file with the template and the issue form.
"""

import posixpath
from urllib.parse import quote

from macros.content.catalog import Catalog, display_title
from macros.content.scaffold import linkable, template
from macros.model.schema import STORY, TYPE_BY_NAME
from macros.views import github_issue_form
from macros.views.markdown import link_to, md_text


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
