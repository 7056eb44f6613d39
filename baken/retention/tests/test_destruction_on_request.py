"""Destruction on request (Jeugdwet art. 7.3.9): the privacy officer destroys a youth's file
before its term, after confirming that no exception applies; the act is logged."""

from datetime import date
from io import StringIO

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command

from baken.accounts.models import Role
from baken.audit.models import AuditEntry
from baken.cases.models import Guardian, Youth
from baken.cases.services import add_guardian
from baken.cases.testing import make_youth
from baken.retention.services import destroy_case_file_on_request
from baken.signalling import services as signalling
from baken.signalling.models import Signal
from baken.testing import Cast, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def youth(cast: Cast) -> Youth:
    youth = make_youth(cast.worker_a, teams=[cast.team_a1])
    add_guardian(
        youth=youth,
        by=cast.worker_a,
        request=None,
        name="Moeder de Boer",
        relationship="moeder",
        has_parental_authority=True,
        phone="",
        email="",
    )
    signalling.record_signal(
        youth=youth,
        by=cast.worker_a,
        request=None,
        observed_on=date(2026, 1, 6),
        context="school",
        source="seen",
        concern="low",
        indicators=[],
        note="niet pluis",
    )
    return youth


def test_the_privacy_officer_destroys_the_file_on_request(cast: Cast, youth: Youth) -> None:
    removed = destroy_case_file_on_request(
        youth=youth,
        by=cast.privacy_officer,
        request=None,
        received_on=date(2026, 1, 10),
        requested_by="youth",
        no_exception_applies=True,
    ).removed

    assert removed["youth"] == 1 and removed["signal"] == 1 and removed["guardian"] == 1
    assert not Youth.objects.exists() and not Signal.objects.exists()
    assert not Guardian.objects.exists()
    entry = AuditEntry.objects.get(event="delete", youth_pseudonym=youth.pseudonym)
    assert entry.user == cast.privacy_officer
    assert "on request (Jeugdwet art. 7.3.9) of the youth, received 2026-01-10" in entry.detail
    assert "de Boer" not in entry.detail
    call_command("audit", "verify", stdout=StringIO())


def test_nothing_is_destroyed_unless_no_exception_applies(cast: Cast, youth: Youth) -> None:
    with pytest.raises(ValidationError, match="aanmerkelijk belang"):
        destroy_case_file_on_request(
            youth=youth,
            by=cast.privacy_officer,
            request=None,
            received_on=date(2026, 1, 10),
            requested_by="parent",
            no_exception_applies=False,
        )
    assert Youth.objects.filter(pk=youth.pk).exists()


@pytest.mark.parametrize("who", ["officer_a", "worker_a", "admin_a", "privacy_officer_b"])
def test_only_the_privacy_officer_of_the_youths_organisation_may(
    cast: Cast, youth: Youth, who: str
) -> None:
    if who == "privacy_officer_b":
        user = make_user("privacy_b", cast.institution_b, [Role.PRIVACY_OFFICER])
    else:
        user = getattr(cast, who)
    with pytest.raises(ValidationError, match="privacyfunctionaris"):
        destroy_case_file_on_request(
            youth=youth,
            by=user,
            request=None,
            received_on=date(2026, 1, 10),
            requested_by="youth",
            no_exception_applies=True,
        )
    assert Youth.objects.filter(pk=youth.pk).exists()
