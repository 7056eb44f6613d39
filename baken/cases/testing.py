"""Test support for the institution side: a youth opened through the real service."""

from datetime import date

from baken.accounts.models import Team, User
from baken.cases.models import CareForm, Sex, Youth
from baken.cases.services import open_case_file


def make_youth(
    by: User,
    *,
    teams: list[Team],
    given_names: str = "Lisa",
    family_name: str = "de Boer",
    born: str = "2010-05-17",
) -> Youth:
    """A youth opened through the real service (so the name index and audit entry exist)."""
    return open_case_file(
        by=by,
        request=None,
        given_names=given_names,
        family_name=family_name,
        date_of_birth=date.fromisoformat(born),
        sex=Sex.FEMALE,
        nationality="Nederlandse",
        country_of_birth="Nederland",
        care_form=CareForm.RESIDENTIAL,
        care_start=date(2026, 1, 5),
        teams=teams,
    )
