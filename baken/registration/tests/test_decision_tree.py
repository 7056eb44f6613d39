"""The registration decision tree: tasks from confirmed suspicions, deadlines, consent by age,
lawful basis, objection, and the note in the youth's file."""

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from baken.accounts.models import User
from baken.cases.models import Youth
from baken.cases.testing import make_youth
from baken.home.timeline import build_timeline
from baken.registration import services
from baken.registration.consent import GUARDIAN, YOUTH
from baken.registration.deadlines import add_working_days
from baken.registration.models import DeliveryStatus, RegistrationTask, TaskStatus
from baken.screening import services as screening
from baken.signalling.services import conclude_consultation, request_consultation
from baken.testing import Cast

pytestmark = pytest.mark.django_db
ClientFor = Callable[[User], Client]


@pytest.fixture(autouse=True)
def pseudonym_key(settings: Any) -> None:
    settings.BAKEN_PSEUDONYM_KEY = "the-key-shared-by-registering-organisations-42"


def youth_born(cast: Cast, born: str) -> Youth:
    return make_youth(cast.worker_a, teams=[cast.team_a1], born=born)


def task_for(youth: Youth) -> RegistrationTask:
    return services.open_registration_task(youth=youth, trigger="meldcode", trigger_id=1)


def test_an_elevated_screening_opens_a_task_due_in_ten_working_days(cast: Cast) -> None:
    youth = youth_born(cast, "2010-05-17")
    with time_machine.travel(date(2026, 11, 27), tick=False):  # a Friday
        screening_row = screening.start_screening(
            youth=youth, by=cast.worker_a, request=None, reason="intake"
        )
        screening.save_answers(
            screening=screening_row,
            by=cast.worker_a,
            request=None,
            answers={"sd-paid-sex": "yes"},
            complete=True,
        )
    task = RegistrationTask.objects.get()
    assert task.trigger == "screening" and task.due_on == date(2026, 12, 11)
    assert add_working_days(date(2026, 11, 27), 1) == date(2026, 11, 30)


def test_a_consultation_concluding_meldcode_opens_one_task(cast: Cast) -> None:
    youth = youth_born(cast, "2010-05-17")
    for _ in range(2):
        consultation = request_consultation(
            youth=youth, by=cast.worker_a, request=None, addressed_to=cast.officer_a, question="?"
        )
        conclude_consultation(
            consultation=consultation,
            by=cast.officer_a,
            request=None,
            participants=[],
            external_participants="",
            conclusion="Vermoeden bevestigd",
            next_step="meldcode",
        )
    assert RegistrationTask.objects.filter(youth=youth, status=TaskStatus.OPEN).count() == 1


def test_the_task_stays_until_registered_or_a_reason_is_recorded(cast: Cast) -> None:
    task = task_for(youth_born(cast, "2010-05-17"))
    with pytest.raises(ValidationError):
        services.decide_not_to_register(
            task=task, by=cast.officer_a, request=None, reason_kind="other", reason="nee"
        )
    with pytest.raises(ValidationError):
        services.decide_not_to_register(
            task=task,
            by=cast.officer_a,
            request=None,
            reason_kind="",
            reason="Geen aanwijzing voor mensenhandel na gesprek met de politie.",
        )
    assert task.status == TaskStatus.OPEN
    services.decide_not_to_register(
        task=task,
        by=cast.officer_a,
        request=None,
        reason_kind="not_confirmed",
        reason="Geen aanwijzing voor mensenhandel na gesprek met de politie.",
    )
    assert task.status == TaskStatus.NOT_REGISTERED
    assert task.reason_not_kind == "not_confirmed"
    assert [i.kind for i in build_timeline(task.youth)] == ["not_registered"]


@pytest.mark.parametrize(
    ("born", "who"),
    [("2016-01-01", [GUARDIAN]), ("2012-01-01", [GUARDIAN, YOUTH]), ("2009-01-01", [YOUTH])],
)
def test_who_consents_is_recorded_by_age_at_the_time(cast: Cast, born: str, who: list[str]) -> None:
    task = task_for(youth_born(cast, born))
    with time_machine.travel(date(2026, 6, 1), tick=False):
        outbound = services.submit_registration(
            task=task,
            by=cast.officer_a,
            request=None,
            consent="given",
            dossier_type="statistical",
            forms=["labour"],
        )
    assert outbound.consent_from == who and outbound.lawful_basis == "consent"


def test_not_asked_needs_a_reason_a_justification_and_the_officers_confirmation(cast: Cast) -> None:
    task = task_for(youth_born(cast, "2009-01-01"))
    base: dict[str, Any] = {
        "task": task,
        "request": None,
        "consent": "not_asked",
        "forms": ["sexual-domestic"],
    }
    with pytest.raises(ValidationError) as missing:
        services.submit_registration(by=cast.officer_a, **base)
    assert "not_asked_reason" in missing.value.message_dict
    reason: dict[str, Any] = {
        "not_asked_reason": "psychological_harm",
        "justification": "Vragen zou haar nu ernstig ontregelen (behandelaar).",
    }
    with pytest.raises(ValidationError) as unconfirmed:
        services.submit_registration(by=cast.officer_a, confirmed=False, **base, **reason)
    assert "confirmed" in unconfirmed.value.message_dict
    outbound = services.submit_registration(by=cast.officer_a, confirmed=True, **base, **reason)
    assert (
        outbound.lawful_basis == "statistics_exception" and outbound.confirmed_by == cast.officer_a
    )
    assert outbound.payload["dossier_type"] == "statistical" and "contact" not in outbound.payload


def test_without_consent_no_request_for_shelter(cast: Cast) -> None:
    task = task_for(youth_born(cast, "2009-01-01"))
    with pytest.raises(ValidationError) as refused:
        services.submit_registration(
            task=task,
            by=cast.officer_a,
            request=None,
            consent="refused",
            dossier_type="shelter",
            forms=["labour"],
            contact={"name": "X"},
        )
    assert "dossier_type" in refused.value.message_dict
    outbound = services.submit_registration(
        task=task,
        by=cast.officer_a,
        request=None,
        consent="refused",
        dossier_type="statistical",
        forms=["labour"],
    )
    assert outbound.lawful_basis == "pseudonymised_statistics"


def test_an_objection_is_respected_unless_the_privacy_officer_allows_statistics(cast: Cast) -> None:
    task = task_for(youth_born(cast, "2009-01-01"))
    with pytest.raises(ValidationError, match="bezwaar"):
        services.submit_registration(
            task=task,
            by=cast.officer_a,
            request=None,
            consent="refused",
            objection=True,
            forms=["labour"],
        )
    policy = services.policy_for(cast.institution_a)
    policy.statistical_after_objection = True
    policy.save()
    outbound = services.submit_registration(
        task=task,
        by=cast.officer_a,
        request=None,
        consent="refused",
        objection=True,
        forms=["labour"],
    )
    assert outbound.objection and outbound.dossier_type == "statistical"


def test_only_the_registrar_role_registers(cast: Cast) -> None:
    task = task_for(youth_born(cast, "2009-01-01"))
    with pytest.raises(ValidationError):
        services.submit_registration(
            task=task, by=cast.worker_a, request=None, consent="given", forms=["labour"]
        )


def test_the_decision_goes_into_the_youths_file_and_the_officers_list(
    client_for: ClientFor, cast: Cast
) -> None:
    youth = youth_born(cast, "2009-01-01")
    task = task_for(youth)
    client = client_for(cast.officer_a)
    assert task in client.get(reverse("home")).context["registration_tasks"]

    response = client.post(
        reverse("registration:task", args=[task.pk]),
        {
            "suspicion": "yes",
            "consent": "refused",
            "dossier_type": "statistical",
            "forms_of_exploitation": ["criminal"],
            "cross_border": "no",
        },
    )

    assert response["Location"] == reverse("home:youth", args=[youth.pseudonym])
    outbound = youth.registrations.get()
    assert outbound.status == DeliveryStatus.QUEUED and outbound.payload["cross_border"] is False
    page = client.get(reverse("home:youth", args=[youth.pseudonym])).content.decode()
    assert "pseudonymised_statistics" in page
    assert [i.kind for i in build_timeline(youth)] == ["registration"]
    assert timezone.localdate() <= task.due_on
