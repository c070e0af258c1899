"""Every key fact of the source documents stays on the site, on the page where a reader looks.

tests/facts/*.yml lists, per source, short verbatim strings (numbers, names, dates) and the
repository file of the page that states them; a later edit cannot lose one silently.
"""

import html
import re
from pathlib import Path

import yaml

from sitebuild import ROOT

FACT_FILES = sorted((ROOT / "tests" / "facts").glob("*.yml"))


def visible_text(path: Path) -> str:
    page = path.read_text(encoding="utf-8")
    body = page[page.index("<article"):page.index("</article>")]
    body = re.sub(r"<(script|style)\b.*?</\1>", " ", body, flags=re.S)
    body = re.sub(r"</?(?:a|abbr|em|strong|span|code|b|i|small|sup|sub)\b[^>]*>", "", body)  # inline: no gap
    text = html.unescape(re.sub(r"<[^>]+>", " ", body))
    return re.sub(r"\s+", " ", text.replace("\u00ad", ""))


def built_page(site: Path, repo_path: str) -> Path:
    from macros.content.catalog import directory_url, site_path

    return site / directory_url(site_path(repo_path)) / "index.html"


def test_fact_files_exist_and_name_their_sources():
    assert FACT_FILES, "tests/facts/*.yml saknas"
    for path in FACT_FILES:
        for entry in yaml.safe_load(path.read_text(encoding="utf-8")):
            assert entry.get("source") and entry.get("fact") and entry.get("page"), (path.name, entry)


def test_every_key_fact_appears_on_its_page(built_site):
    missing = []
    cache: dict = {}
    for path in FACT_FILES:
        for entry in yaml.safe_load(path.read_text(encoding="utf-8")):
            page = built_page(built_site, entry["page"])
            if page not in cache:
                cache[page] = visible_text(page) if page.exists() else ""
            fact = re.sub(r"\s+", " ", str(entry["fact"]))
            if fact not in cache[page]:
                missing.append(f"{path.name}: {entry['page']}: {fact!r} ({entry['source']})")
    assert missing == [], "Fakta som saknas på webbplatsen:\n" + "\n".join(missing)
