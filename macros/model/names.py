"""Names made from titles: ids and file names are plain ASCII, lower case, hyphenated."""

import re
import unicodedata


def slugify(text: str) -> str:
    """A file name from a title: å/ä -> a, ö -> o, spaces -> hyphens."""
    plain = unicodedata.normalize("NFKD", text.lower()).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-")[:80].strip("-") or "namnlos"
