"""The search index, shaped after the build: what each result shows and how each page weighs.

Material's search plugin writes search/search_index.json, one entry per page and per section.
`enrich_index` then, in place:
- puts each page's keywords (`sokord`, a strategy's code) into the field `sokord`. Material
  ranks every configured field but renders only `tags`, as chips, so keywords go unseen;
- gives a page whose text starts with a heading its `beskrivning` as text, so every result has a
  sentence to show;
- drops the tag listing pages (they hold nothing but other pages' titles) and weighs down the
  pages that gather other pages and the contributor guide, so content ranks first;
- gives the glossary one paragraph per term, with the terms and abbreviations as keywords of
  their letter's section, so "SKR" shows the line that explains it;
- squeezes runs of white space, which lunr and the result list ignore anyway.
scripts/search.py searches the same file (macros/adapters/offline_search.py).
"""

import html
import json
import re
from html.parser import HTMLParser
from pathlib import Path

from macros.content.items import directory_url
from macros.content.workflow import is_listed
from macros.views.facets import is_listing

# Same as mkdocs.yml `plugins.search.separator`.
SEPARATOR = re.compile(r"""[\s\-–—,:;!?=\[\]()"”“’']+|\.(?!\d)""")
KEYWORD_FIELD = "sokord"  # must be a field in mkdocs.yml `plugins.search.fields`

GLOSSARY = "docs/ordlista.md"
ABBREVIATIONS = Path("docs", "_ordlista", "forkortningar.md")
GLOSSARY_WEIGHT = 4  # a letter's section competes with whole pages, which Material ranks higher, and with titles
LISTING_WEIGHT = 0.5  # a folder's start page, which lists the pages under it
GUIDE_WEIGHT = 0.3  # the contributor guide: for those who write, not for those who look something up
GUIDE_FOLDER = "docs/bidra/"
LISTING_FOLDERS = (
    "docs/berattelser/",
    "docs/strategier/",
    "docs/personas/",
    "docs/indikatorer/",
    "docs/kartor/",
    "docs/amnen/",
)

# The result list prints keywords as text: a keyword that could be markup is no keyword.
MARKUP_CHARS = frozenset("<>&\"'`")


def keywords(item) -> list[str]:
    words = [str(w) for w in (item.data.get("sokord") or []) if str(w).strip()]
    if item.type.key == "strategy" and item.data.get("kod"):
        words.append(str(item.data["kod"]))
    return words


def split_words(phrases) -> list[str]:
    """Phrases as single lower-case words, once each: "samordnad individuell plan" is three keywords."""
    words = [
        w
        for phrase in phrases
        for w in SEPARATOR.split(str(phrase).lower())
        if len(w) > 1 and not MARKUP_CHARS & set(w)
    ]
    return list(dict.fromkeys(words))


def keyword_words(item) -> list[str]:
    return split_words(keywords(item))


def search_weight(item) -> float | None:
    """How much a page's entries weigh in search (lunr's document boost); None: not in search."""
    if is_listing(item):
        return None
    if item.rel_path.startswith(GUIDE_FOLDER):
        return GUIDE_WEIGHT
    if item.rel_path == "docs/index.md" or (
        item.rel_path.startswith(LISTING_FOLDERS) and item.rel_path.endswith("/index.md")
    ):
        return LISTING_WEIGHT  # the start page too: its text is the top tasks, other pages' names
    if item.type.key == "journey":  # a guided tour of other pages, whose titles it lists step by step
        return LISTING_WEIGHT
    return 1


def search_plan(build) -> dict:
    """What enrich_index needs to know of each listed page, computed by the generator from the Build and
    written beside the staging tree, so the step after the engine needs no catalog."""
    catalog = build.catalog
    listed = [item for item in catalog.items.values() if is_listed(item, catalog.today)]
    glossary = next((i for i in listed if i.rel_path == GLOSSARY), None)
    return {
        "pages": {
            item.url: {
                "weight": search_weight(item),
                "keywords": keyword_words(item),
                "description": str(item.data.get("beskrivning", "")),
            }
            for item in listed
        },
        "glossary_url": glossary.url if glossary else None,
        "abbreviations": abbreviations(Path(build.root) / ABBREVIATIONS),
    }


LAST_INDEX = "search_index_last.json"  # in the staging folder: Material's index as the last build left it


def complete_index(site_dir: Path, last: Path, pages: dict) -> int:
    """Material's index with an entry for every page of the site, as Material wrote it (before
    `enrich_index`). A build of `make serve` renders only the pages that changed, and Material's index then
    holds those alone: the other pages' entries are taken from the last build's index, in their places.
    Returns the entries taken over (0 after a build of every page)."""
    path = Path(site_dir) / "search" / "search_index.json"
    if not path.exists():
        return 0
    index = json.loads(path.read_text(encoding="utf-8"))
    fresh: dict[str, list] = {}
    for entry in index["docs"]:
        fresh.setdefault(entry["location"].split("#")[0], []).append(entry)
    site_pages = {directory_url(src_uri) for src_uri in pages}
    docs, taken, placed = [], 0, set()
    if last.exists():
        for entry in json.loads(last.read_text(encoding="utf-8"))["docs"]:
            page = entry["location"].split("#")[0]
            if page in fresh:  # rendered now: its new entries, in the place of its first old one
                docs += fresh.pop(page)
                placed.add(page)
            elif page in site_pages and page not in placed:
                docs.append(entry)
                taken += 1
    index["docs"] = docs + [entry for entries in fresh.values() for entry in entries]
    text = json.dumps(index, ensure_ascii=False, separators=(",", ":"))
    last.write_text(text, encoding="utf-8")
    if taken:
        path.write_text(text, encoding="utf-8")
    return taken


def enrich_index(site_dir: Path, plan: dict) -> int:
    """Reshape search/search_index.json as the module docstring says. Returns the entries kept."""
    path = Path(site_dir) / "search" / "search_index.json"
    if not path.exists():
        return 0
    index = json.loads(path.read_text(encoding="utf-8"))
    pages = plan["pages"]
    if plan["glossary_url"] is not None:  # first: it reads the notes as Material wrote them
        _shape_glossary(index["docs"], plan["glossary_url"], Path(site_dir), plan["abbreviations"])
    kept = []
    for entry in index["docs"]:
        entry.pop("tags", None)  # Material's facet tags: for browsing, and shown as chips
        page = pages.get(entry["location"].split("#")[0])
        weight = page["weight"] if page is not None else 1
        if weight is None:
            continue
        if weight != 1:
            entry["boost"] = weight
        entry["text"] = loose_text_in_paragraphs(re.sub(r"\s+", " ", entry["text"]).replace("> <", "><").strip())
        if page is not None and not entry["text"]:
            entry["text"] = f"<p>{html.escape(page['description'])}</p>"
        if page is not None and "#" not in entry["location"] and page["keywords"]:
            entry[KEYWORD_FIELD] = page["keywords"]
        kept.append(entry)
    index["docs"] = kept
    path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return len(kept)


_BLOCKS = ("p", "ul", "ol", "pre")
_TAG_PATTERN = re.compile(r"<(/?)(\w+)[^>]*>")


def loose_text_in_paragraphs(text: str) -> str:
    """Wrap text that stands outside any block (tables: Material's index drops their tags) in <p>.

    Material shows the matched blocks of a result's text; loose text is cut into a block per
    inline tag, so a table row matching "R4" would show as "r4 R4 r5". One paragraph reads.
    """
    out, loose, depth, position = [], [], 0, 0
    for tag in _TAG_PATTERN.finditer(text):
        closing, name = tag.group(1), tag.group(2).lower()
        before = text[position : tag.start()]
        (loose if depth == 0 else out).append(before)
        position = tag.end()
        if name in _BLOCKS:
            if depth == 0 and not closing and "".join(loose).strip():
                out.append(f"<p>{''.join(loose).strip()}</p>")
            if depth == 0 and not closing:
                loose = []
            depth += -1 if closing else 1
            out.append(tag.group(0))
        else:
            (loose if depth == 0 else out).append(tag.group(0))
    (loose if depth == 0 else out).append(text[position:])
    if "".join(loose).strip():
        out.append(f"<p>{''.join(loose).strip()}</p>")
    return "".join(out)


# --- The glossary ------------------------------------------------------------------------------


class _DefinitionLists(HTMLParser):
    """Term and definition pairs of a page, per section (the id of the h2 above them)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.sections: dict[str, list[tuple[str, str]]] = {}
        self.section, self.inside, self.buffer, self.term = None, None, [], ""

    def handle_starttag(self, tag, attrs):
        if tag == "h2":
            self.section = dict(attrs).get("id")
        elif tag in ("dt", "dd"):
            self.inside, self.buffer = tag, []

    def handle_endtag(self, tag):
        if tag != self.inside:
            return
        text = re.sub(r"\s+", " ", "".join(self.buffer)).strip()
        if tag == "dt":
            self.term = text
        elif self.section:
            self.sections.setdefault(self.section, []).append((self.term, text))
        self.inside = None

    def handle_data(self, data):
        if self.inside:
            self.buffer.append(data)


def abbreviations(path: Path) -> list[str]:
    """The abbreviations of docs/_ordlista/forkortningar.md (`*[SKR]: Sveriges …`)."""
    if not path.exists():
        return []
    return re.findall(r"^\*\[([^\]]+)\]:", path.read_text(encoding="utf-8"), flags=re.M)


def _mentions(text: str, word: str) -> bool:
    return word.lower() in split_words([re.sub(r"<[^>]+>", " ", text)])


def _shape_glossary(entries: list[dict], glossary_url: str, site_dir: Path, abbreviation_list: list) -> None:
    page = site_dir / glossary_url / "index.html"
    if not page.exists():
        return
    parser = _DefinitionLists()
    parser.feed(page.read_text(encoding="utf-8"))
    sections = {e["location"].partition("#")[2]: e for e in entries if e["location"].startswith(glossary_url + "#")}
    for anchor, pairs in parser.sections.items():
        entry = sections.get(anchor)
        if entry is None:
            continue
        # The definition list is bare text in Material's index; the paragraphs after it are notes.
        notes = "".join(re.findall(r"<p>.*?</p>", entry["text"]))
        entry["text"] = "".join(f"<p>{html.escape(term)}: {html.escape(text)}</p>" for term, text in pairs) + notes
        entry[KEYWORD_FIELD] = split_words(term for term, _ in pairs)
        entry["boost"] = GLOSSARY_WEIGHT
    for abbreviation in abbreviation_list:
        candidates = [e for e in sections.values() if _mentions(e["text"], abbreviation)]
        defined = [e for e in candidates if _mentions(" ".join(e.get(KEYWORD_FIELD, [])), abbreviation)]
        by_letter = [e for e in candidates if e["title"].lower() == abbreviation[0].lower()]
        target = (defined or by_letter or candidates or [None])[0]
        if target is not None:
            target[KEYWORD_FIELD] = list(dict.fromkeys(target.get(KEYWORD_FIELD, []) + split_words([abbreviation])))
