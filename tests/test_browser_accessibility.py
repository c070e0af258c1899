"""Accessibility (DOS-lagen, WCAG 2.1 AA): axe-core finds nothing on any built page."""

from axe_playwright_python.sync_playwright import Axe

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def test_axe_finds_no_violation_on_any_page(page, site_url, pages):
    axe = Axe()
    problems = []
    for path in pages:
        page.goto(site_url + path, wait_until="load")
        result = axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS},
                                        "resultTypes": ["violations"]})
        for violation in result.response["violations"]:
            targets = ", ".join(str(n["target"]) for n in violation["nodes"][:3])
            problems.append(f"/{path}: {violation['id']} ({violation['impact']}): {targets}")
    assert problems == [], "Tillgänglighetsfel:\n" + "\n".join(problems)
