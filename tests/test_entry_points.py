"""The schema records which story fields each entry point asks (macros/model/story_type.py), and the
scaffolder, the form editor and the GitHub issue form read those lists rather than keeping their own."""

import pytest

from macros.content import scaffold
from macros.generate import cms_config
from macros.model import schema
from macros.views import github_issue_form as issue_form


@pytest.mark.parametrize("asked", [schema.SCAFFOLD_ASKS, schema.FORM_ASKS, schema.ISSUE_FORM_ASKS])
def test_every_asked_field_is_a_story_field_once(asked):
    names = [f.name for f in schema.STORY.all_fields]
    assert set(asked) <= set(names) and len(set(asked)) == len(asked)


def test_the_entry_points_read_the_schemas_lists():
    assert scaffold.ASKED is schema.SCAFFOLD_ASKS and issue_form.ASKED is schema.ISSUE_FORM_ASKS
    assert cms_config.SHOWN == set(schema.FORM_ASKS) and set(schema.SCAFFOLD_ASKS) <= cms_config.SHOWN
