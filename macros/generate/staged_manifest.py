"""What a staging tree holds besides its pages: where each staged page came from, the nonce and the search
plan (staging.json), read by the steps after the engine; and the engine's messages with every staging path
replaced by the source file a person edits.
"""

import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from macros.generate.staged_config import STAGED_DOCS

MANIFEST = "staging.json"  # what the steps after the engine need: pages and their sources, nonce, search


class GenerationError(Exception):
    """A problem generating the staging tree, as `source-file:line: message` in Swedish."""


@dataclass
class PageSource:
    rel_path: str  # the repository file a reader's page comes from
    body_line: int  # its body's first line, so a line in the body maps back to the file
    # False only for the developer pages that run macros (trusted, reviewed code).
    sanitized: bool
    staged_body_line: int = 0  # where the author's body starts in the staging copy (0: not found as written)
    body_lines: int = 0

    def source_line(self, staged_line: int) -> int:
        """A line of the staging copy as the line of the source file (the body's first line if generated)."""
        offset = staged_line - self.staged_body_line
        if self.staged_body_line and 0 <= offset < self.body_lines:
            return self.body_line + offset
        return self.body_line


@dataclass
class StagingResult:
    out: Path
    flavour: str
    config_file: Path
    nonce: str
    pages: dict = field(default_factory=dict)  # staged src_uri (berattelser/x.md) -> PageSource
    drafts_left_out: list = field(default_factory=list)  # repository paths
    seconds: float = 0.0
    search: dict = field(default_factory=dict)  # search_index.search_plan, for the step after the engine
    notices: list = field(default_factory=list)  # Swedish lines for the build log: warnings, drafts left out
    config_changed: bool = True  # the engine's config (the menu among it) differs from the last one written

    def source_of(self, src_uri: str) -> str:
        page = self.pages.get(src_uri)
        return page.rel_path if page else src_uri

    def translate(self, output: str) -> str:
        """An engine's messages with every staging path replaced by the source file a person edits."""
        staged_docs = str(self.out / STAGED_DOCS)
        output = output.replace(staged_docs + os.sep, "").replace(staged_docs, "docs")
        # Longest first, so berattelser/index.md is not half-replaced by a shorter path.
        for src_uri in sorted(self.pages, key=len, reverse=True):
            output = _replace_path(output, src_uri, self.pages[src_uri])
        return output


def _replace_path(text: str, src_uri: str, source) -> str:
    """src_uri replaced where it stands as a whole path (not inside docs/…, which is already a source),
    and a line number after it (`path:12` or `path:12:5`, as Zensical writes) mapped to the source file."""
    pattern = re.compile(r"(?<![\w/\\.-])" + re.escape(src_uri) + r"(?::(\d+)(?::\d+)?)?")

    def replace(match):
        line = f":{source.source_line(int(match.group(1)))}" if match.group(1) else ""
        return source.rel_path + line

    return pattern.sub(replace, text)


def read_manifest(out: Path) -> StagingResult:
    """The staging tree's manifest as written by write_staging (for the steps after the engine)."""
    data = json.loads((Path(out) / MANIFEST).read_text(encoding="utf-8"))
    config = "mkdocs.yml" if data["flavour"] == "mkdocs" else "zensical.yml"
    result = StagingResult(
        Path(out),
        data["flavour"],
        Path(out) / config,
        data["nonce"],
        {k: PageSource(**v) for k, v in data["pages"].items()},
        data["drafts_left_out"],
    )
    result.search = data["search"]
    return result
