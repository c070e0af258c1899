"""Every built page is valid HTML by the Nu HTML Checker (vnu.jar), apart from Material's own markup.

`make test` installs vnu.jar from npm (vnu-jar); it runs on Java. Material's base template has two
known faults that are not ours to fix without copying its whole template (listed below, matched by
the exact element). Anything else the checker reports fails the test, with the page and line.
"""

import os
import re
import subprocess
from pathlib import Path

from sitebuild import ROOT

VNU = Path(
    os.environ.get("KB_VNU_JAR", ROOT / ".cache" / "vnu" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar")
)
# Material 9.8.1's own markup, in base.html and partials/toc.html: checkboxes that toggle the drawer,
# search and table of contents carry autocomplete="off", and the TOC title labels a hidden toggle.
MATERIAL_OWN = (
    re.compile(r"Attribute “autocomplete” is only allowed when the input type is"),
    re.compile(r"The value of the “for” attribute of the “label” element must be the ID of a non-hidden form control"),
)


def _material_own(line: str, site: Path) -> bool:
    if not any(p.search(line) for p in MATERIAL_OWN):
        return False
    found = re.match(r'"file:(?P<path>[^"]+)":(?P<line>\d+)', line)
    source = Path(found["path"]).read_text(encoding="utf-8").splitlines()[int(found["line"]) - 1]
    return bool(re.search(r'class="md-toggle"|data-md-toggle=|for="__(toc|drawer|search)"', source))


def test_every_page_is_valid_html_apart_from_materials_own_markup(built_site):
    assert VNU.is_file(), f"vnu.jar saknas ({VNU}); make test installerar det med npm"
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--skip-non-html", "--errors-only", "--format", "gnu", str(built_site)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,
    )
    errors = [line for line in result.stderr.splitlines() if ": error:" in line]
    ours = [line.replace(f"file:{built_site}", "") for line in errors if not _material_own(line, built_site)]
    assert not ours, "\n".join(ours[:40])
    assert result.returncode == (1 if errors else 0), result.stderr[-2000:]
