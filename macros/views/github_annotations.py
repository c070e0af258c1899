"""The validator's problems for GitHub Actions: annotations on the changed lines and a Swedish job summary.

Messages quote contributed values, so everything printed here is hostile data: an annotation is one line
that GitHub reads as a workflow command, and a newline left in a value would start a second command of
the contributor's choosing. The summary is Markdown, so values are escaped as table cells.
"""

import re
import secrets
from collections.abc import Iterable, Mapping

from macros.content.catalog import Catalog
from macros.model.problems import ERROR, Problem, errors, warnings
from macros.views.markdown import md_text

TITLES = {ERROR: "Fel i innehållet", "varning": "Varning i innehållet"}


def escape_data(text: object) -> str:
    """A workflow command's message: GitHub decodes %25, %0D and %0A back to %, CR and LF."""
    return str(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: object) -> str:
    """A workflow command's property value: also no ':' or ',', which would end the value."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(problem: Problem) -> str:
    command = "error" if problem.severity == ERROR else "warning"
    title = TITLES.get(problem.severity, TITLES[ERROR])
    return (
        f"::{command} file={escape_property(problem.path)},line={int(problem.line)},"
        f"title={escape_property(title)}::{escape_data(problem.message)}"
    )


def github_annotations(problems: Iterable[Problem]) -> str:
    """One `::error` or `::warning` workflow command per problem, so it shows on the file and line."""
    return "\n".join(annotation(p) for p in sorted(problems))


def without_commands(text: str) -> str:
    """Text printed in Actions with workflow commands switched off, so no line of it is read as one.

    The token is random per run: a contributed value cannot guess it to switch commands back on."""
    token = secrets.token_hex(16)
    return f"::stop-commands::{token}\n{text}\n::{token}::"


# The first sentence of a message says what is wrong, the rest how to fix it. A sentence ends at '. '
# before a capital letter, never inside a quoted value ('…'), which is contributed text.
SENTENCE_END = re.compile(r"\.\s+(?=[A-ZÅÄÖ])")


def split_message(message: str) -> tuple[str, str]:
    """(what is wrong, how to fix it); the fix is empty when the message is a single sentence."""
    for match in SENTENCE_END.finditer(message):
        if message.count("'", 0, match.start()) % 2 == 0:
            return message[: match.start() + 1], message[match.end() :]
    return message, ""


def cell(text: object) -> str:
    """A table cell: md_text escapes |, <, & and turns newlines into spaces; an empty cell gets a dash."""
    return md_text(text) if str(text).strip() else "–"


def page_addresses(catalog: Catalog, site_url: str = "") -> dict[str, str]:
    """Each content file's page address: absolute under `site_url` (KB_SITE_URL), else from the site root."""
    base = site_url.strip().rstrip("/") + "/" if site_url.strip() else "/"
    return {item.rel_path: base + item.url for item in catalog.items.values()}


def changed_pages(changed_files: Iterable[str], addresses: Mapping[str, str]) -> list[tuple[str, str]]:
    """(file, address) of each changed file that is a page, in the order given, each once. Changed files
    that are not pages (code, styling, deleted pages) have no address and are left out."""
    return [(path, addresses[path]) for path in dict.fromkeys(changed_files) if path in addresses]


STORY_FILE = re.compile(r"^stories/([a-z0-9]+(?:-[a-z0-9]+)*)\.md$")


def form_lines(problems: Iterable[Problem], form_url: str) -> list[str]:
    """For a story with errors: that it can be changed in the form, with a link to it there (the form at
    `form_url` opens a story being reviewed under its file name)."""
    slugs = sorted({m.group(1) for p in problems for m in [STORY_FILE.match(p.path)] if m})
    if not slugs or not form_url:
        return []
    base = form_url.rstrip("/") + "/"
    lines = [
        "",
        "Skrev du berättelsen i formuläret? Då ändrar du den där: öppna den, rätta det som står i tabellen "
        "och spara, så läser kontrollen den igen.",
    ]
    return lines + [
        f"- [Öppna {md_text(slug)} i formuläret]({base}#/collections/stories/entries/{slug})" for slug in slugs
    ]


def job_summary(
    problems: Iterable[Problem],
    changed_files: Iterable[str],
    addresses: Mapping[str, str] | None = None,
    form_url: str = "",
) -> str:
    """Swedish Markdown for the job summary: the verdict, a table of problems and the pages that change.

    `addresses` maps a content file's repository path to its site address; changed files without one
    (code, deleted pages) are not pages and are left out."""
    problems = sorted(problems)
    addresses = addresses or {}
    n_errors, n_warnings = len(errors(problems)), len(warnings(problems))
    lines = ["## Kontroll av innehållet", ""]
    if not problems:
        lines.append("Allt ser bra ut: inga fel och inga varningar.")
    else:
        verdict = f"{n_errors} fel och {n_warnings} {'varning' if n_warnings == 1 else 'varningar'}."
        if n_errors:
            verdict += " Felen måste rättas innan ändringen kan tas in; varningar stoppar inte."
        lines += [verdict, "", "| Fil | Rad | Vad är fel | Så rättar du |", "| --- | ---: | --- | --- |"]
        for p in problems:
            what, fix = split_message(p.message)
            prefix = "Varning: " if p.severity != ERROR else ""
            lines.append(f"| {cell(p.path)} | {int(p.line)} | {cell(prefix + what)} | {cell(fix)} |")
        lines += form_lines([p for p in errors(problems)], form_url)
    pages = changed_pages(changed_files, addresses)
    lines += ["", "### Sidor som ändras", ""]
    if pages:
        lines += [f"- {md_text(path)}: {md_text(address)}" for path, address in pages]
    else:
        lines.append("Inga sidor ändras.")
    return "\n".join(lines) + "\n"
