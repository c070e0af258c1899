"""The accessibility statement names a real feedback route, taken from the configuration (DOS-lagen).

The route is the repository's issue list and the e-mail address the publishing organisation sets
(KB_SYNPUNKTER_EPOST, extra.synpunkter_epost in mkdocs.yml); without an address the page says none is
given instead of inventing one, and nothing points at a link "at the top of the page" that is not there.
"""

import shutil

import pytest
from sitebuild import FIXTURES, ROOT, make_fixture_project

from macros.generate.staging import write_staging
from macros.model.settings import from_environment


def statement(tmp_path, email: str | None) -> str:
    environment = {} if email is None else {"KB_SYNPUNKTER_EPOST": email}  # what mkdocs.yml's !ENV reads
    project = make_fixture_project(tmp_path, FIXTURES / "base")
    shutil.copy(ROOT / "docs" / "om" / "tillganglighet.md", project / "docs" / "om")  # the page every region shares
    write_staging(project, tmp_path / "staging", settings=from_environment(environment))
    return (tmp_path / "staging" / "docs" / "om" / "tillganglighet.md").read_text(encoding="utf-8")


def test_the_configured_address_is_the_feedback_route(tmp_path):
    text = statement(tmp_path, "tillganglighet@region.example")
    assert "[tillganglighet@region.example](mailto:tillganglighet@region.example)" in text
    assert "/issues/new)" in text and "längst ned" in text
    assert "längst upp" not in text and "den som gav dig tillgång" not in text
    assert "inte angiven" not in text


def test_without_an_address_the_statement_says_so(tmp_path):
    text = statement(tmp_path, None)
    assert "mailto:" not in text
    assert "Någon e-postadress för synpunkter är inte angiven" in text
    assert "/issues/new)" in text


@pytest.mark.parametrize("email", ["a@b.se](javascript:alert(1))", "<img src=x onerror=alert(1)>@x.se"])
def test_a_hostile_address_stays_text(tmp_path, email):
    text = statement(tmp_path, email)
    assert "](javascript:" not in text and "<img" not in text
