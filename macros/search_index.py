"""Search helpers shared by the site build and scripts/search.py.

Everyday words, abbreviations and synonyms live in each item's `sokord`; they are added
to the page's entry in Material's search index (the `tags` field, which outranks body
text), so "SIP" finds the page about samordnad individuell plan.
"""

import json
import re
from pathlib import Path

from .workflow import is_listed


# Same as mkdocs.yml `plugins.search.separator`.
SEPARATOR = re.compile(r"""[\s\-–—,:;!?=\[\]()"”“’']+|\.(?!\d)""")


def keyword_words(item) -> list[str]:
    """The keywords as single words: lunr.js takes each list element as one token, so the phrase
    "samordnad individuell plan" must be split, or no query could ever match it."""
    words = [w for keyword in keywords(item) for w in SEPARATOR.split(keyword.lower())
             if len(w) > 1 and not MARKUP_CHARS & set(w)]
    return list(dict.fromkeys(words))


# The search page prints keywords into its results: a keyword that could be markup is no keyword.
MARKUP_CHARS = frozenset("<>&\"'`")


def keywords(item) -> list[str]:
    words = [str(w) for w in (item.data.get("sokord") or []) if str(w).strip()]
    if item.type.key == "strategy" and item.data.get("kod"):
        words.append(str(item.data["kod"]))
    return words


def material_worker_name(theme_dirs) -> str:
    """File name of Material's search worker (hashed per release), for our Swedish wrapper to load."""
    found = sorted(w for d in theme_dirs for w in Path(d, "assets", "javascripts", "workers").glob("search.*.min.js"))
    if not found:
        raise RuntimeError("Material's search worker was not found; has the theme layout changed?")
    return found[0].name


def enrich_index(site_dir: Path, catalog) -> int:
    """Make the `tags` field hold each page's keywords, on its page entry only.

    Material fills `tags` from the facet tags on every section; those are for browsing
    (every story in Äldre would otherwise match "äldre" at keyword weight), so they are
    replaced by the page's own keywords. Returns how many entries got keywords.
    """
    path = Path(site_dir) / "search" / "search_index.json"
    if not path.exists():
        return 0
    index = json.loads(path.read_text(encoding="utf-8"))
    by_url = {item.url: item for item in catalog.items.values() if is_listed(item, catalog.today)}
    changed = 0
    for entry in index["docs"]:
        entry.pop("tags", None)
        item = by_url.get(entry["location"])
        words = keyword_words(item) if item is not None else []
        if words:
            entry["tags"] = words
            changed += 1
    path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return changed
