"""Which files under the content folders are content, and what may not be published as it stands.

Every file and folder is read as contributed text: symlinks, subfolders of the flat folders, other
endings, names against the naming rule and addresses the site owns are reported, never skipped silently.
"""

import re
from pathlib import Path

from macros.content import change_notes
from macros.model.names import (
    DOCS_ASSET_SUFFIXES,
    GLOSSARY_FOLDER,
    name_problem,
    printable,
    reserved_problem,
    slugify,
)
from macros.model.problems import Problem
from macros.model.schema import site_path

CONTENT_ROOTS = ("docs", "stories", "strategies")
FLAT_ROOTS = ("stories", "strategies")  # one Markdown file per item, no subfolders
ABBREVIATION = re.compile(r"^\*\[[^\]\n]{1,40}\]: [^<>\n]{1,300}$")


def glossary_problems(rel: str, text: str) -> list[Problem]:
    """The glossary is appended to every page after the sanitizer's fence: only abbreviation lines."""
    return [
        Problem(
            rel,
            number,
            f"Raden '{line[:40]}' är ingen förkortning. Skriv varje rad som *[FÖRK]: förklaring, utan HTML.",
        )
        for number, line in enumerate(text.split("\n"), 1)
        if line.strip() and not ABBREVIATION.match(line)
    ]


def content_files(root: Path, problems: list[Problem] | None = None) -> list[str]:
    """Every Markdown content file, repository-relative; folders starting with _ or . hold snippets.

    What cannot be published safely is reported in `problems`, never skipped silently: symlinks,
    files in subfolders of stories/ and strategies/, files with other endings, and every file or
    folder whose name breaks the one naming rule or lies at an address the site owns
    (macros/model/names.py). A file with a bad name is still read, so its other problems are
    reported at once too; the build stops on the name before anything is rendered.
    """
    problems = [] if problems is None else problems
    found: list[str] = []
    for top in CONTENT_ROOTS:
        base = root / top
        if not base.is_dir():
            continue
        for path in sorted(base.rglob("*")):
            rel = path.relative_to(root).as_posix()
            shown = printable(rel)
            if path.is_symlink():
                problems.append(
                    Problem(
                        shown,
                        1,
                        f"'{shown}' är en symbolisk länk. Länkar är inte tillåtna i "
                        f"innehållsmapparna; lägg in själva filen i stället.",
                    )
                )
                continue
            parts = rel.split("/")
            if path.is_dir():
                if not any(part.startswith(("_", ".")) for part in parts[1:-1]):
                    problem = name_problem(top, parts[1:], is_file=False)
                    if problem and not parts[-1].startswith(("_", ".")):
                        problems.append(Problem(shown, 1, problem))
                continue
            if top in FLAT_ROOTS:
                if len(parts) > 2:
                    problems.append(
                        Problem(
                            shown,
                            1,
                            f"Filen ligger i en undermapp. Flytta filen till {top}/ "
                            f"(till exempel {top}/{printable(path.name)}).",
                        )
                    )
                    continue
                if path.suffix != ".md":
                    fixed = slugify(path.stem if path.suffix.lower() in (".md", ".markdown") else path.name)
                    problems.append(
                        Problem(
                            shown,
                            1,
                            f"Filen '{printable(path.name)}' är ingen sida: filer i {top}/ "
                            f"ska sluta på .md. Döp om till {fixed}.md.",
                        )
                    )
                    continue
            elif any(part.startswith(("_", ".")) for part in parts[1:]):
                if parts[1] == GLOSSARY_FOLDER and len(parts) == 3 and path.suffix == ".md":
                    problems.extend(glossary_problems(rel, path.read_text(encoding="utf-8", errors="replace")))
                elif Path(rel) == change_notes.REGISTER:  # notes for the history, never published
                    problems.extend(
                        Problem(rel, line, message) for line, message in change_notes.register_problems(root)
                    )
                else:
                    problems.append(
                        Problem(
                            shown,
                            1,
                            (
                                f"Filen ligger i en mapp som börjar med _ eller . och kan inte publiceras säkert. Flytta den "
                                f"till en vanlig mapp under {top}/ (bara {top}/{GLOSSARY_FOLDER}/ är till för förkortningar)."
                            ),
                        )
                    )
                continue
            elif path.suffix != ".md" and path.suffix.lower() not in DOCS_ASSET_SUFFIXES:
                problems.append(
                    Problem(
                        shown,
                        1,
                        (
                            f"Filen '{printable(path.name)}' kan inte publiceras: i {top}/ får bara sidor (.md) och bilder eller "
                            f"dokument ({', '.join(DOCS_ASSET_SUFFIXES)}) ligga. Döp om sidan till "
                            f"{slugify(path.stem)}.md, eller ta bort filen."
                        ),
                    )
                )
                continue
            for problem in (name_problem(top, parts[1:], is_file=True), reserved_problem(site_path(rel))):
                if problem:
                    problems.append(Problem(shown, 1, problem))
            if path.suffix == ".md":
                found.append(rel)
    return found
