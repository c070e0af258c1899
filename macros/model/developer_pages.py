"""The developer pages allowed to run Jinja (their macros): an allow-list kept in code.

The generator renders these pages' Jinja unsandboxed on the build machine (macros/generate/staging.py,
with mkdocs-macros' semantics), so whether a page runs it
is never decided by its own front matter. Changing this list is a code change that the
developers review (CODEOWNERS). Paths are repository paths.
"""

MACRO_PAGES = frozenset(
    {
        "docs/berattelser/index.md",
        "docs/index.md",
        "docs/bidra/att-granska.md",
        "docs/bidra/falt.md",
        "docs/bidra/index.md",
        "docs/indikatorer/index.md",
        "docs/kallor.md",
        "docs/kartor/karta.md",
        "docs/kartor/matris.md",
        "docs/kartor/styrning.md",
        "docs/kartor/tackning.md",
        "docs/kartor/tidslinje.md",
        "docs/om/tillganglighet.md",
        "docs/strategier/index.md",
    }
)


def runs_macros(rel_path: str) -> bool:
    return rel_path in MACRO_PAGES
