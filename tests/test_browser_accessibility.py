"""Accessibility (DOS-lagen, WCAG 2.1 AA): axe-core finds nothing on any built page.

axe-core runs on each page in the one walk over the real site (tests/sweeps.py), at the default size.
"""


def test_axe_finds_no_violation_on_any_page(real_site_visits, pages):
    problems = []
    for path in pages:
        for violation in real_site_visits.visits[path].violations:
            targets = ", ".join(str(n["target"]) for n in violation["nodes"][:3])
            problems.append(f"/{path}: {violation['id']} ({violation['impact']}): {targets}")
    assert problems == [], "Tillgänglighetsfel:\n" + "\n".join(problems)
