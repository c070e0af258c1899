"""After an engine has built a staging tree (macros/generate/staging.py): the HTML allow-list and the
Content-Security-Policy, engine-neutral.

This step reads every built page, finds the page's own HTML between the markers
partials/content.html writes with the build's nonce, and cleans it by region
(sanitize.clean_page_reporting: the author's parts with the strict list, ours with the wider one).
The table of contents, printed beside the article from the headings, becomes text. What is removed
is reported naming the source file a person edits; a page the sanitizer cannot find its markers in
is an error, never published uncleaned. Then every HTML file of the site, content page or not (the
404 page, redirects), gets its policy (macros/generate/csp.py); a page with an inline script the
theme does not write is an error too, and is not published.
"""

import re
from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path

from macros.content.catalog import directory_url
from macros.generate import csp
from macros.views import sanitize


def content_markers(nonce: str) -> tuple[str, str]:
    return f"<!--kb-content-start-{nonce}-->", f"<!--kb-content-end-{nonce}-->"


# The table of contents (Material's and Zensical's partials/toc-item.html): each title in a span.
TOC = re.compile(r'(<nav class="md-nav md-nav--secondary".*?</nav>\s*</div>)', re.S)
TOC_TITLE = re.compile(r'(<span class="md-ellipsis">)(.*?)(</span>)', re.S)


@dataclass
class SanitizeReport:
    pages: int = 0
    removed: list = field(default_factory=list)  # Swedish messages naming the source file
    errors: list = field(default_factory=list)


def _clean_toc(page_html: str) -> str:
    def titles(match):
        return TOC_TITLE.sub(lambda m: m.group(1) + sanitize.text_only(m.group(2)) + m.group(3), match.group(1))

    return TOC.sub(titles, page_html)


def sanitize_page(page_html: str, nonce: str, sanitized: bool) -> tuple[str, list[str]] | None:
    """The built page with its own HTML cleaned, and what was removed; None if the markers are missing."""
    start, end = content_markers(nonce)
    if page_html.count(start) != 1 or page_html.count(end) != 1:
        return None
    before, rest = page_html.split(start, 1)
    content, after = rest.split(end, 1)
    if sanitized:
        content, removed = sanitize.clean_page_reporting(content, nonce)
    else:  # a developer page that runs macros: trusted, but the build's markers never reach a reader
        author_start, author_end = sanitize.author_region(nonce)
        content, removed = content.replace(author_start, "").replace(author_end, ""), []
    return _clean_toc(before) + content + after, removed


def sanitize_site(site_dir: Path, nonce: str, pages: dict, rendered: Collection[str] | None = None) -> SanitizeReport:
    """Clean every built page of a staging build; `pages` maps staged src_uri -> generate.PageSource.

    `rendered`: the pages the engine wrote in this build, when it wrote only some (make serve rebuilds the
    changed pages alone); the others were cleaned when they were written. Every page must exist either way."""
    report = SanitizeReport()
    for src_uri, source in pages.items():
        path = Path(site_dir) / directory_url(src_uri) / "index.html"
        if not path.is_file():
            report.errors.append(f"{source.rel_path}: sidan byggdes inte ({path.relative_to(site_dir)} saknas).")
            continue
        if rendered is not None and src_uri not in rendered:
            continue
        result = sanitize_page(path.read_text(encoding="utf-8"), nonce, source.sanitized)
        if result is None:
            report.errors.append(
                f"{source.rel_path}: sidans markeringar för rensningen saknas i den byggda sidan; "
                f"den kan inte publiceras säkert (har partials/content.html ändrats?)."
            )
            continue
        cleaned, removed = result
        if _write_protected(path, cleaned, source.rel_path, report):
            report.pages += 1
        for what in dict.fromkeys(removed):
            report.removed.append(
                f"{source.rel_path}: {what} togs bort ur sidan, eftersom det inte är tillåtet i "
                f"innehåll. Kör make validate för raden och hur du rättar."
            )
    pages_done = {Path(site_dir) / directory_url(src_uri) / "index.html" for src_uri in pages}
    for path in sorted(Path(site_dir).rglob("*.html")):
        if path not in pages_done:
            _write_protected(path, path.read_text(encoding="utf-8"), path.relative_to(site_dir).as_posix(), report)
    return report


# Written in place of a page that cannot be published safely, so the engine's HTML never stays.
PLACEHOLDER = (
    '<!doctype html>\n<html lang="sv"><meta charset="utf-8"><title>Sidan kunde inte byggas</title>'
    "<p>Sidan kunde inte byggas säkert. Bygg om webbplatsen.</p></html>\n"
)


def _write_protected(path: Path, page_html: str, name: str, report: SanitizeReport) -> bool:
    """Write the page with its Content-Security-Policy; False (and an error) if it runs an unknown inline script."""
    protected, unknown = csp.protect(page_html)
    if unknown:
        path.write_text(PLACEHOLDER, encoding="utf-8")
        report.errors.append(
            f"{name}: sidan har ett inline-skript som temat inte skriver ('{unknown[0]}'); den "
            f"publiceras inte. Skript hör hemma i egna filer (extra_javascript i mkdocs.yml)."
        )
        return False
    path.write_text(protected, encoding="utf-8")
    return True
