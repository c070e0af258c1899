"""Nytt och ändrat as an Atom 1.0 feed (RFC 4287), so staff can follow it in Outlook or any reader.

The same pages as the start page's Nytt och ändrat block (listed pages, overview pages left out),
newest first, at most MAX_ENTRIES. Dates come from the build's one read of git (the newest commit of
each file, dated with its time by when it reached the main line, never by the date its author gave it:
macros/content/landed_dates.py), falling back to the front-matter dates as "Senast ändrad" does. Every
address is absolute, from site_url. Each change is its own entry (its id names the commit), so a
reader shows a page again when it changes again.

Titles, descriptions and commit messages are contributed text: they are XML-escaped, and characters
XML 1.0 cannot carry are dropped, so no value can break the feed or add markup to it.
"""

import datetime
import re
import urllib.parse

from macros.content.catalog import directory_url
from macros.content.workflow import is_listed
from macros.views.markdown import display_title

FEED_PATH = "nytt.xml"
MAX_ENTRIES = 30
FEED_TITLE = "Nytt och ändrat"
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff\ud800-\udfff]")
XML_ESCAPES = {ord("&"): "&amp;", ord("<"): "&lt;", ord(">"): "&gt;", ord('"'): "&quot;", ord("'"): "&#39;"}


def xml_text(value) -> str:
    """Contributed text for XML character data or a quoted attribute value."""
    return NOT_XML.sub("", " ".join(str(value).split())).translate(XML_ESCAPES)


def absolute(site_url: str, path: str) -> str:
    base = site_url if site_url.endswith("/") else site_url + "/"
    return base + urllib.parse.quote(path, safe="/")


def _midnight(day) -> datetime.datetime:
    return datetime.datetime(day.year, day.month, day.day, tzinfo=datetime.UTC)


def _timestamp(value: datetime.datetime) -> str:
    return value.isoformat().replace("+00:00", "Z")


def entries(catalog, history, preview: bool, count: int = MAX_ENTRIES) -> list:
    """(item, when, is_new, change or None) for the `count` pages changed last, newest first."""
    found = []
    for item in catalog.items.values():
        if not is_listed(item, catalog.today, preview) or item.src_uri.endswith("index.md"):
            continue
        change = history.latest(item.rel_path) if history is not None else None
        if change is not None:
            found.append((item, change.commit.when, change.status == "A", change))
            continue
        reviewed, created = item.data.get("senast_granskad"), item.data.get("skapad")
        day = reviewed or created
        if hasattr(day, "year"):
            found.append(
                (item, _midnight(day), not reviewed or (hasattr(created, "year") and reviewed <= created), None)
            )
    found.sort(key=lambda e: (e[1], display_title(e[0])), reverse=True)
    return found[:count]


def atom_feed(catalog, history, site_url: str, site_name: str, preview: bool = False, count: int = MAX_ENTRIES) -> str:
    """The feed document as text (UTF-8), deterministic for the same content and history."""
    chosen = entries(catalog, history, preview, count)
    feed_url = absolute(site_url, FEED_PATH)
    updated = chosen[0][1] if chosen else _midnight(catalog.today)
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="sv">',
        f"  <id>{xml_text(feed_url)}</id>",
        f"  <title>{xml_text(FEED_TITLE + ' – ' + site_name)}</title>",
        "  <subtitle>Nya och ändrade berättelser och sidor i kunskapsbanken.</subtitle>",
        f"  <updated>{_timestamp(updated)}</updated>",
        f'  <link rel="self" type="application/atom+xml" href="{xml_text(feed_url)}"/>',
        f'  <link rel="alternate" type="text/html" href="{xml_text(absolute(site_url, ""))}"/>',
        f"  <author><name>{xml_text(site_name)}</name></author>",
    ]
    for item, when, is_new, change in chosen:
        url = absolute(site_url, directory_url(item.src_uri))
        # One entry per change: the commit names it, else the date the page gives.
        mark = change.commit.hash[:12] if change is not None else when.date().isoformat()
        kind = item.type.name
        what = f"{'Nytt' if is_new else 'Ändrat'} · {kind[:1].upper() + kind[1:]}"
        # What changed, as the page's history says it (the reader's note), then what the page is about.
        said = change.note if change is not None and not is_new else ""
        summary = " ".join(part for part in (what + ".", said, str(item.data.get("beskrivning") or "")) if part)
        lines += [
            "  <entry>",
            f"    <id>{xml_text(url)}#andring-{xml_text(mark)}</id>",
            f"    <title>{xml_text(display_title(item))}</title>",
            f"    <updated>{_timestamp(when)}</updated>",
            f'    <link rel="alternate" type="text/html" href="{xml_text(url)}"/>',
            f'    <category term="{xml_text(item.type.key)}" label="{xml_text(kind)}"/>',
            f"    <summary>{xml_text(summary)}</summary>",
            "  </entry>",
        ]
    return "\n".join(lines + ["</feed>", ""])
