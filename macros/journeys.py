"""Guided onboarding journeys (introduktionsspår): the journey page and the step box on member pages.

Placeholder until the journeys work lands: both functions return Markdown to add to a page.
"""


def journey_markdown(item, catalog, preview: bool) -> str:
    """The generated body of a journey page (its numbered steps), or ''."""
    return ""


def step_box_markdown(item, catalog, preview: bool) -> str:
    """The "Steg 3 av 7 i …" box for a page that belongs to one or more journeys, or ''."""
    return ""
