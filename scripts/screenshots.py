"""Ta skärmbilder av webbplatsens sidor i mobil (390×844) och dator (1366×768).

Bilderna är till för granskare: de visar hur en ändring ser ut för en läsare utan att någon
behöver bygga webbplatsen själv. Webbplatsen byggs strikt och visas på 127.0.0.1; inget hämtas
från något annat ställe. Utan --andrade tas bilder av nyckelsidorna.

Med --andrade tas bilder av sidorna som de ändrade filerna blir (filerna efter flaggan, eller en per
rad i KB_CHANGED_FILES), samma sidor som make validate listar under "Sidor som ändras". Ändras kod eller
utseende (macros/, docs/assets/, mkdocs.yml) tas nyckelsidorna med. I GitHub Actions läggs en lista över
bilderna och sidornas adresser i jobbets sammanfattning (GITHUB_STEP_SUMMARY).

Exempel: .venv/bin/python scripts/screenshots.py --ut skarmbilder
         .venv/bin/python scripts/screenshots.py --forhandsvisning --webbplats forhandsvisning \\
             --andrade stories/min-berattelse.md
"""

import argparse
import os
import sys
import tempfile
from pathlib import Path
from urllib.parse import quote

from engine import build, serve  # scripts/engine.py, beside this script

from macros.content.catalog import load_catalog
from macros.model.settings import from_environment
from macros.views.github_preview import MAX_PAGES, Page, key_pages, pages_to_photograph, preview_summary, shot_stem

ROOT = Path(__file__).resolve().parent.parent

CHROMIUM = "/usr/bin/chromium"
VIEWPORTS = {"mobil": (390, 844), "dator": (1366, 768)}


def shoot(site_url: str, out: Path, pages: list[tuple[str, str]], full_page: bool) -> list[Path]:
    """A picture per page and device, `<stem>-<device>.png`; `pages` are (stem, site path)."""
    from playwright.sync_api import sync_playwright

    written = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=["--no-sandbox"])
        for device, (width, height) in VIEWPORTS.items():
            phone = device == "mobil"
            context = browser.new_context(
                viewport={"width": width, "height": height},
                locale="sv-SE",
                device_scale_factor=1,
                is_mobile=phone,
                has_touch=phone,
            )
            tab = context.new_page()
            for name, path in pages:
                tab.goto(site_url + quote(path), wait_until="networkidle")
                target = out / f"{name}-{device}.png"
                tab.screenshot(path=str(target), full_page=full_page)
                written.append(target)
            context.close()
        browser.close()
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument(
        "--ut", type=Path, default=ROOT / "skarmbilder", help="mapp för bilderna (standard skarmbilder/)"
    )
    parser.add_argument("--hela-sidan", action="store_true", help="hela sidan, inte bara första skärmen")
    parser.add_argument(
        "--andrade",
        nargs="*",
        metavar="FIL",
        default=None,
        help="bilder av sidorna som de här filerna blir (utan filer: KB_CHANGED_FILES, en per rad)",
    )
    parser.add_argument(
        "--forhandsvisning", action="store_true", help="bygg med utkast, som make serve, så att en ny berättelse syns"
    )
    parser.add_argument(
        "--webbplats",
        type=Path,
        metavar="MAPP",
        help="bygg webbplatsen hit och behåll den (standard: en tillfällig mapp)",
    )
    parser.add_argument("--max", type=int, default=MAX_PAGES, help=f"högst så många sidor (standard {MAX_PAGES})")
    parser.add_argument("--rot", type=Path, default=ROOT, help="repots rotmapp")
    args = parser.parse_args(argv)
    root = args.rot.resolve()
    settings = from_environment(os.environ)  # the one place the environment is read
    args.ut.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        site_dir = args.webbplats.resolve() if args.webbplats else Path(tmp) / "site"
        result = build(root, site_dir, preview=args.forhandsvisning, settings=settings)
        if result.returncode != 0:
            print("Webbplatsen gick inte att bygga:\n" + result.stdout + result.stderr, file=sys.stderr)
            return 1
        catalog = load_catalog(root, settings.day())
        if args.andrade is None:
            shots, skipped = [(Page(url, name), name) for name, url in key_pages(catalog).items()], []
        else:
            changed = args.andrade or settings.changed_files
            pages, skipped = pages_to_photograph(
                catalog,
                [c.strip() for c in changed if c.strip()],
                key_pages(catalog),
                lambda url: (site_dir / url / "index.html").is_file(),
                args.max,
            )
            shots = [(page, shot_stem(index, page)) for index, page in enumerate(pages, start=1)]
        url, shutdown = serve(site_dir)
        try:
            written = shoot(url, args.ut, [(stem, page.url) for page, stem in shots], args.hela_sidan)
        finally:
            shutdown()
    for path in written:
        print(path)
    for page, why in skipped:
        print(f"Ingen bild av {page.source or page.url}: {why}")
    summary_file = os.environ.get("GITHUB_STEP_SUMMARY")
    if summary_file and args.andrade is not None:
        with open(summary_file, "a", encoding="utf-8") as summary:
            summary.write(preview_summary(shots, skipped, VIEWPORTS, settings.site_url, args.forhandsvisning))
    return 0


if __name__ == "__main__":
    sys.exit(main())
