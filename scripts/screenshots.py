"""Ta skärmbilder av webbplatsens viktigaste sidor i mobil (390×844) och dator (1366×768).

Bilderna är till för granskare: de visar hur en ändring ser ut för en läsare utan att någon
behöver bygga webbplatsen själv. Webbplatsen byggs strikt till en tillfällig mapp och visas
på 127.0.0.1; inget hämtas från något annat ställe.
Exempel: python scripts/screenshots.py --ut skarmbilder
"""

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from engine import build, serve  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
VIEWPORTS = {"mobil": (390, 844), "dator": (1366, 768)}
# The pages a reviewer looks at first: one of each kind a reader meets.
KEY_PAGES = {
    "startsida": "",
    "berattelse": "berattelser/britt-marie-och-tillsammansprogrammet/",
    "strategi": "strategier/k2/",
    "karta": "kartor/karta/",
    "introduktion": "introduktion/vardcentralschef/",
    "indikator": "indikatorer/utskrivningsklara/",
    "matris": "kartor/matris/",
}


def shoot(site_url: str, out: Path, full_page: bool) -> list[Path]:
    from playwright.sync_api import sync_playwright

    written = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=["--no-sandbox"])
        for device, (width, height) in VIEWPORTS.items():
            context = browser.new_context(viewport={"width": width, "height": height}, locale="sv-SE",
                                          device_scale_factor=1, is_mobile=device == "mobil", has_touch=device == "mobil")
            tab = context.new_page()
            for name, path in KEY_PAGES.items():
                tab.goto(site_url + path, wait_until="networkidle")
                target = out / f"{name}-{device}.png"
                tab.screenshot(path=str(target), full_page=full_page)
                written.append(target)
            context.close()
        browser.close()
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--ut", type=Path, default=ROOT / "skarmbilder", help="mapp för bilderna (standard skarmbilder/)")
    parser.add_argument("--hela-sidan", action="store_true", help="hela sidan, inte bara första skärmen")
    args = parser.parse_args(argv)
    args.ut.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        result = build(ROOT, Path(tmp) / "site")
        if result.returncode != 0:
            print("Webbplatsen gick inte att bygga:\n" + result.stdout + result.stderr, file=sys.stderr)
            return 1
        url, shutdown = serve(Path(tmp) / "site")
        try:
            written = shoot(url, args.ut, args.hela_sidan)
        finally:
            shutdown()
    for path in written:
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
