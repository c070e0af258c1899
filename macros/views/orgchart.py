"""Styrning as an organisation chart, generated from each governance body's `overordnad` field.

The chart is a nested list of links drawn as a tree by CSS, so it is its own text twin:
a screen reader hears the same hierarchy that the eye sees.
"""

from html import escape

from macros.content.workflow import is_listed
from macros.model import vocabularies as v
from macros.views.markdown import url_to


def _children(catalog, preview):
    bodies = [b for b in catalog.of_type("body") if is_listed(b, catalog.today, preview)]
    children = {b.id: [] for b in bodies}
    roots = []
    for body in sorted(bodies, key=lambda b: b.title):
        parent = catalog.refs(body, "overordnad")
        if parent and parent[0].id in children:
            children[parent[0].id].append(body)
        else:
            roots.append(body)
    return roots, children


def _node(body, children, from_src, depth) -> str:
    level = v.GOVERNANCE_LEVELS.get(body.data.get("niva"), "")
    inner = "".join(_node(c, children, from_src, depth + 1) for c in children[body.id])
    nested = f"<ul>{inner}</ul>" if inner else ""
    return (
        f'<li><a class="kb-org__nod kb-org__nod--{escape(body.data.get("niva", ""))}" '
        f'href="{url_to(body, from_src)}">{escape(body.title)}<small>{escape(level)}</small></a>{nested}</li>'
    )


def org_chart(catalog, preview: bool, from_src: str) -> str:
    roots, children = _children(catalog, preview)
    if not roots:
        return "*Inga styrorgan finns ännu.*"
    items = "".join(_node(r, children, from_src, 0) for r in roots)
    return f'<nav class="kb-org" aria-label="Organisationsschema för ledningssystemet"><ul>{items}</ul></nav>'
