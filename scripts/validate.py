"""Kontrollera innehållet: front matter, fält, hänvisningar, personuppgifter och datum.

Har en sida bytt namn (enligt git-historiken) listas varje fil som fortfarande hänvisar till det
gamla namnet, med rad och det nya id:t.

En commit som är daterad efter dagens datum ger en varning: webbplatsen visar i stället dagen då
ändringen kom in i huvudgrenen (main).

Skriver alla problem på en gång, ett per rad som sökväg:rad: meddelande.
Avslutas med 1 om något fel hittades, annars 0 (varningar stoppar inte).

I GitHub Actions (GITHUB_ACTIONS=true) skrivs problemen också som anteckningar på raderna, och en
sammanfattning på svenska läggs i GITHUB_STEP_SUMMARY: vad som är fel, hur det rättas och vilka sidor
som ändras (filerna från --andrade eller KB_CHANGED_FILES, en per rad).
"""

import argparse
import os
import sys
from pathlib import Path

from macros.content import history, landed_dates
from macros.content.catalog import load_catalog
from macros.generate.cms_page import form_address
from macros.model.problems import errors, report
from macros.model.settings import from_environment
from macros.views import link_report, sanitize_report
from macros.views.github_annotations import github_annotations, job_summary, page_addresses, without_commands

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="*", help="filer att rapportera om (standard: allt innehåll)")
    parser.add_argument("--rot", type=Path, default=ROOT, help="repots rotmapp")
    parser.add_argument(
        "--andrade",
        nargs="*",
        metavar="FIL",
        default=None,
        help="filer som ändras i pull requesten, för sammanfattningen (standard: KB_CHANGED_FILES)",
    )
    args = parser.parse_args(argv)
    root = args.rot.resolve()
    try:
        settings = from_environment(os.environ)  # KB_TODAY, as the build reads it
    except ValueError as error:
        print(f"fel: {error}", file=sys.stderr)
        return 1
    today = settings.day()
    paths = None
    if args.paths:
        paths = []
        for given in args.paths:
            path = Path(given).resolve()
            if not path.is_file():
                print(f"{given}: fel: filen finns inte.", file=sys.stderr)
                return 1
            paths.append(path.relative_to(root).as_posix())
    # Renames in git history: whatever still names a renamed page by its old id or old file is
    # reported with the files to update (macros/content/renames.py). Without git, nothing is known of renames.
    past = history.read(root, today)
    catalog = load_catalog(root, today, paths=paths, renames=past.renames)
    # A commit dated after today: the site shows when it reached main instead, and says so here.
    catalog.problems.extend(landed_dates.future_dated(past, today, paths))
    # Every page is rendered once, as the build's Markdown does: what the sanitizer would remove from the
    # pages asked about, and their links, checked against every page's anchors.
    rendered, raws = {}, {}
    for item in catalog.items.values():
        try:
            html = sanitize_report.render(item)
        except sanitize_report.TooDeep:
            html = None
        if html is not None:
            rendered[item] = html
        if paths is None or item.rel_path in paths:
            raws[item] = (root / item.rel_path).read_text(encoding="utf-8", errors="replace")
            catalog.problems.extend(sanitize_report.problems_for(item, raws[item], html))
    catalog.problems.extend(link_report.problems(catalog, rendered, raws, past.renames))
    catalog.problems.sort()
    if os.environ.get("GITHUB_ACTIONS") == "true":
        # Messages quote contributed values: in Actions the plain report must not be read as commands.
        print(without_commands(report(catalog.problems)))
        if catalog.problems:
            print(github_annotations(catalog.problems))
    else:
        print(report(catalog.problems))
    summary_file = os.environ.get("GITHUB_STEP_SUMMARY")
    if summary_file:
        changed = args.andrade if args.andrade is not None else settings.changed_files
        with open(summary_file, "a", encoding="utf-8") as summary:
            summary.write(
                job_summary(
                    catalog.problems,
                    [c.strip() for c in changed if c.strip()],
                    page_addresses(catalog, settings.site_url),
                    form_address(settings.site_url),
                )
            )
    return 1 if errors(catalog.problems) else 0


if __name__ == "__main__":
    sys.exit(main())
