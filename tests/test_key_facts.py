"""Every key fact of the source documents stays on the site, on the page where a reader looks, and no
sentence that once claimed more than its source comes back.

tests/facts/*.yml lists, per source, short verbatim strings (numbers, names, dates) and the
repository file of the page that states them (`fact`); a later edit cannot lose one silently.
`refuted` entries are sentences corrected because they said more than the source: none may stand on
any page of the site again. `link` entries are source addresses the page must link to.
"""

import html
import re
from pathlib import Path

import pytest
import yaml
from sitebuild import ROOT

pytestmark = pytest.mark.innehall  # this repository's facts (tests/facts/), on its own site

FACT_FILES = sorted((ROOT / "tests" / "facts").glob("*.yml"))


def visible_text(path: Path) -> str:
    page = path.read_text(encoding="utf-8")
    body = page[page.index("<article") : page.index("</article>")]
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
            kinds = [k for k in ("fact", "refuted", "link") if entry.get(k)]
            assert entry.get("source") and len(kinds) == 1 and entry.get("page"), (path.name, entry)


def test_every_key_fact_appears_on_its_page(built_site):
    missing = []
    cache: dict = {}
    for path in FACT_FILES:
        for entry in yaml.safe_load(path.read_text(encoding="utf-8")):
            if "fact" not in entry:
                continue
            page = built_page(built_site, entry["page"])
            if page not in cache:
                cache[page] = visible_text(page) if page.exists() else ""
            fact = re.sub(r"\s+", " ", str(entry["fact"]))
            if fact not in cache[page]:
                missing.append(f"{path.name}: {entry['page']}: {fact!r} ({entry['source']})")
    assert missing == [], "Fakta som saknas på webbplatsen:\n" + "\n".join(missing)


def entries(kind: str) -> list:
    return [
        (path.name, e) for path in FACT_FILES for e in yaml.safe_load(path.read_text(encoding="utf-8")) if e.get(kind)
    ]


def test_no_corrected_claim_stands_on_any_page_again(built_site):
    refuted = entries("refuted")
    assert refuted, "tests/facts/ lists the corrected claims"
    texts = {
        page: visible_text(page)
        for page in built_site.rglob("index.html")
        if "<article" in page.read_text(encoding="utf-8")
    }
    found = [
        f"{name}: {entry['refuted']!r} står på {page.relative_to(built_site).parent}/"
        for name, entry in refuted
        for page, text in texts.items()
        if re.sub(r"\s+", " ", entry["refuted"]) in text
    ]
    assert found == [], "Rättade påståenden som står kvar:\n" + "\n".join(found)


def test_every_source_link_stands_on_its_page(built_site):
    missing = []
    for name, entry in entries("link"):
        page = built_page(built_site, entry["page"]).read_text(encoding="utf-8")
        if f'href="{html.escape(entry["link"])}"' not in page and f'href="{entry["link"]}"' not in page:
            missing.append(f"{name}: {entry['page']}: {entry['link']}")
    assert missing == [], "Länkar till källor som saknas:\n" + "\n".join(missing)
