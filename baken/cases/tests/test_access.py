"""Who sees which youth: team, organisation, other organisation, registry, break-the-glass."""

from collections.abc import Callable
from datetime import timedelta

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from baken.accounts.models import User
from baken.audit.access import youth_access_overview
from baken.audit.models import AuditEntry, AuditEvent, AuditOutcome
from baken.cases.access import get_youth_for_user
from baken.cases.models import EmergencyAccess, Youth
from baken.cases.testing import make_youth
from baken.testing import Cast

pytestmark = pytest.mark.django_db

ClientFor = Callable[[User], Client]


@pytest.fixture
def youth(cast: Cast) -> Youth:
    return make_youth(cast.worker_a, teams=[cast.team_a1])


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("worker_a", 200),  # own team
        ("officer_a", 200),  # whole organisation
        ("worker_a2", 404),  # other team, no break-the-glass
        ("worker_b", 404),  # other organisation
        ("admin_a", 403),  # functional administrator: no youth data
        ("privacy_officer", 403),  # privacy officer: the log, not the file
        ("analyst", 403),  # registry
    ],
)
def test_access_to_a_case_file(
    client_for: ClientFor, cast: Cast, youth: Youth, who: str, status: int
) -> None:
    user = getattr(cast, who)

    response = client_for(user).get(reverse("home:youth", args=[youth.pseudonym]))

    assert response.status_code == status
    read = AuditEntry.objects.filter(
        event=AuditEvent.READ, user=user, youth_pseudonym=youth.pseudonym
    )
    assert read.exists() == (status == 200)


def test_a_missing_youth_and_another_organisations_youth_look_the_same(
    client_for: ClientFor, cast: Cast
) -> None:
    other = make_youth(cast.worker_b, teams=[cast.team_b1])
    client = client_for(cast.officer_a)

    assert client.get(reverse("home:youth", args=[other.pseudonym])).status_code == 404
    assert client.get(reverse("home:youth", args=["J-NONE-XIST"])).status_code == 404


def test_list_shows_only_own_team_to_a_worker(
    client_for: ClientFor, cast: Cast, youth: Youth
) -> None:
    other_team = make_youth(cast.officer_a, teams=[cast.team_a2], given_names="Kevin")

    listed = client_for(cast.worker_a).get(reverse("cases:list")).context["youths"]

    assert youth in listed
    assert other_team not in listed


def test_break_the_glass_needs_a_reason(client_for: ClientFor, cast: Cast, youth: Youth) -> None:
    client = client_for(cast.worker_a2)

    response = client.post(
        reverse("cases:break_the_glass", args=[youth.pseudonym]), {"reason": "nodig"}
    )

    assert response.status_code == 200
    assert response.context["form"].errors["reason"]
    assert not EmergencyAccess.objects.exists()
    assert client.get(reverse("home:youth", args=[youth.pseudonym])).status_code == 404


def test_break_the_glass_opens_the_file_for_a_limited_time_and_is_logged(
    client_for: ClientFor, cast: Cast, youth: Youth
) -> None:
    client = client_for(cast.worker_a2)
    start = timezone.now()
    with time_machine.travel(start, tick=False) as clock:
        reason = "Lisa is weggelopen en belt mij; haar eigen team is niet bereikbaar."
        response = client.post(
            reverse("cases:break_the_glass", args=[youth.pseudonym]), {"reason": reason}
        )
        assert response["Location"] == reverse("home:youth", args=[youth.pseudonym])

        assert client.get(response["Location"]).status_code == 200
        entry = AuditEntry.objects.filter(youth_pseudonym=youth.pseudonym, user=cast.worker_a2)
        assert entry.filter(event=AuditEvent.EMERGENCY_ACCESS, object_type="youth").exists()
        assert EmergencyAccess.objects.get().reason == reason

        clock.move_to(start + timedelta(hours=13))
        client = client_for(cast.worker_a2)  # a fresh session: the old one timed out
        assert client.get(reverse("home:youth", args=[youth.pseudonym])).status_code == 404


def test_break_the_glass_does_not_cross_organisations(cast: Cast, client_for: ClientFor) -> None:
    other = make_youth(cast.worker_b, teams=[cast.team_b1])
    response = client_for(cast.worker_a).post(
        reverse("cases:break_the_glass", args=[other.pseudonym]),
        {"reason": "Ik wil dit dossier graag inzien."},
    )
    assert response.status_code == 404


def test_privacy_officer_reviews_emergency_access(
    client_for: ClientFor, cast: Cast, youth: Youth
) -> None:
    from baken.cases.services import break_the_glass

    access = break_the_glass(
        youth=youth, by=cast.worker_a2, request=None, reason="Crisis in de nacht, collega ziek."
    )
    client = client_for(cast.privacy_officer)

    listed = client.get(reverse("cases:emergency_review_list")).context["accesses"]
    client.post(reverse("cases:emergency_review", args=[access.pk]), {"note": "Terecht."})

    assert list(listed) == [access]
    access.refresh_from_db()
    assert access.reviewed_by == cast.privacy_officer
    assert access.review_note == "Terecht."


def test_reads_through_the_access_function_are_logged(cast: Cast, youth: Youth) -> None:
    before = AuditEntry.objects.count()
    get_youth_for_user(cast.officer_a, youth.pseudonym, request=None)
    assert AuditEntry.objects.count() == before + 1


def test_a_denied_read_is_logged_as_denied_naming_only_the_key_asked_for(
    client_for: ClientFor, cast: Cast, youth: Youth
) -> None:
    response = client_for(cast.worker_b).get(reverse("home:youth", args=[youth.pseudonym]))

    assert response.status_code == 404
    entry = AuditEntry.objects.get(user=cast.worker_b)
    assert (entry.outcome, entry.object_id, entry.youth_pseudonym) == (
        AuditOutcome.DENIED,
        youth.pseudonym,
        "",
    )


def test_the_youth_list_logs_one_entry_naming_the_youths_shown(
    client_for: ClientFor, cast: Cast, youth: Youth
) -> None:
    kim = make_youth(cast.worker_a, teams=[cast.team_a1], given_names="Kim")
    make_youth(cast.worker_a, teams=[cast.team_a2], given_names="Other team")
    before = AuditEntry.objects.count()

    client_for(cast.worker_a).get(reverse("cases:list"))

    entry = AuditEntry.objects.get(sequence__gt=before)
    assert (entry.event, entry.object_type, entry.object_id) == ("read", "youth_list", "cases:list")
    assert entry.detail.split() == sorted([youth.pseudonym, kim.pseudonym])
    overview = youth_access_overview(cast.privacy_officer, kim.pseudonym)
    assert entry in overview
