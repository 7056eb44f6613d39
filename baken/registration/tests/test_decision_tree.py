"""The registration decision tree: a task follows a confirmed suspicion (a meldcode decision or the
designated officer's conclusion), once per youth; a registered youth gets no second task but a
correction; the task stays until decided; the decision goes into the youth's file."""

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from baken.accounts.models import Role, User
from baken.cases.models import Youth
from baken.cases.testing import make_youth
from baken.home.timeline import build_timeline
from baken.meldcode import services as meldcode
from baken.meldcode.models import Trajectory
from baken.registration import services
from baken.registration.deadlines import add_working_days
from baken.registration.models import RegistrationTask, TaskStatus
from baken.registration.testing import open_task, register_with_consent
from baken.screening import services as screening
from baken.signalling.services import conclude_consultation, request_consultation
from baken.testing import Cast, make_user

pytestmark = pytest.mark.django_db
ClientFor = Callable[[User], Client]


@pytest.fixture(autouse=True)
def pseudonym_key(settings: Any) -> None:
    settings.BAKEN_PSEUDONYM_KEY = "the-key-shared-by-registering-organisations-42"


def youth_born(cast: Cast, born: str) -> Youth:
    return make_youth(cast.worker_a, teams=[cast.team_a1], born=born)


def test_an_elevated_screening_score_alone_opens_no_task(cast: Cast) -> None:
    youth = youth_born(cast, "2010-05-17")
    row = screening.start_screening(youth=youth, by=cast.worker_a, request=None, reason="intake")
    screening.save_answers(
        screening=row,
        by=cast.worker_a,
        request=None,
        answers={"sd-paid-sex": "yes"},
        complete=True,
    )
    row.refresh_from_db()
    assert row.overall in ("elevated", "high")
    assert not RegistrationTask.objects.exists()


def conclude(cast: Cast, youth: Youth, by: User, *, next_step: str, confirmed: bool) -> None:
    consultation = request_consultation(
        youth=youth, by=cast.worker_a, request=None, addressed_to=cast.officer_a, question="?"
    )
    conclude_consultation(
        consultation=consultation,
        by=by,
        request=None,
        participants=[],
        external_participants="",
        conclusion="Vermoeden van criminele uitbuiting.",
        next_step=next_step,
        suspicion_confirmed=confirmed,
    )


def test_the_designated_officer_confirming_the_suspicion_opens_one_task(cast: Cast) -> None:
    youth = youth_born(cast, "2010-05-17")
    with time_machine.travel(date(2026, 11, 27), tick=False):  # a Friday
        conclude(cast, youth, cast.officer_a, next_step="monitor", confirmed=False)
        assert not RegistrationTask.objects.exists()
        conclude(cast, youth, cast.officer_a, next_step="monitor", confirmed=True)
        conclude(cast, youth, cast.officer_a, next_step="screen", confirmed=True)

    task = RegistrationTask.objects.get(youth=youth)
    assert task.trigger == "consultation" and task.due_on == date(2026, 12, 11)
    assert add_working_days(date(2026, 11, 27), 1) == date(2026, 11, 30)


def test_only_the_designated_officer_confirms_a_suspicion(cast: Cast) -> None:
    youth = youth_born(cast, "2010-05-17")
    scientist = make_user("scientist_a", cast.institution_a, [Role.BEHAVIOURAL_SCIENTIST])
    with pytest.raises(ValidationError) as refused:
        conclude(cast, youth, scientist, next_step="monitor", confirmed=True)
    assert "suspicion_confirmed" in refused.value.message_dict
    assert not RegistrationTask.objects.exists()


def test_concluding_with_the_meldcode_starts_the_meldcode_not_a_task(cast: Cast) -> None:
    youth = youth_born(cast, "2010-05-17")
    consultation = request_consultation(
        youth=youth, by=cast.worker_a, request=None, addressed_to=cast.officer_a, question="?"
    )

    trajectory = meldcode.conclude_consultation(
        consultation=consultation,
        by=cast.officer_a,
        request=None,
        participants=[],
        external_participants="",
        conclusion="Zorgen over loverboy; meldcode volgen.",
        next_step="meldcode",
    )

    assert trajectory is not None and trajectory.origin_consultation == consultation
    assert Trajectory.objects.get(youth=youth) == trajectory
    assert not RegistrationTask.objects.exists()


def test_the_conclusion_page_starts_the_meldcode(client_for: ClientFor, cast: Cast) -> None:
    youth = youth_born(cast, "2010-05-17")
    consultation = request_consultation(
        youth=youth, by=cast.worker_a, request=None, addressed_to=cast.officer_a, question="?"
    )
    client = client_for(cast.officer_a)
    page = client.get(reverse("signalling:consultation", args=[consultation.pk]))
    action = reverse("meldcode:conclude_consultation", args=[consultation.pk])
    assert f'action="{action}"' in page.content.decode()

    response = client.post(action, {"conclusion": "Meldcode volgen.", "next_step": "meldcode"})

    trajectory = Trajectory.objects.get(youth=youth)
    assert response["Location"] == reverse("meldcode:trajectory", args=[trajectory.pk])
    assert (
        client.post(reverse("signalling:consultation", args=[consultation.pk])).status_code == 405
    )


def test_a_registered_youth_gets_no_second_task(cast: Cast) -> None:
    youth = youth_born(cast, "2009-01-01")
    register_with_consent(open_task(youth), cast.officer_a)

    conclude(cast, youth, cast.officer_a, next_step="monitor", confirmed=True)

    assert services.open_registration_task(youth=youth, trigger="meldcode", trigger_id=9) is None
    assert RegistrationTask.objects.filter(youth=youth).count() == 1
    assert not RegistrationTask.objects.filter(status=TaskStatus.OPEN).exists()


def test_the_task_page_shows_the_existing_registration_and_offers_a_correction(
    client_for: ClientFor, cast: Cast
) -> None:
    youth = youth_born(cast, "2009-01-01")
    disclosure = register_with_consent(open_task(youth), cast.officer_a)
    outbound = disclosure.registration
    assert outbound is not None
    # A task from before this rule (or opened while the registration was on its way).
    old = RegistrationTask.objects.create(
        youth=youth, trigger="screening", trigger_id=1, due_on=date(2026, 12, 1)
    )

    page = client_for(cast.officer_a).get(reverse("registration:task", args=[old.pk]))

    text = page.content.decode()
    assert "Deze jongere is al geregistreerd." in text
    assert reverse("registration:resend", args=[outbound.pk]) in text


def test_the_task_stays_until_registered_or_a_reason_is_recorded(cast: Cast) -> None:
    task = open_task(youth_born(cast, "2010-05-17"))
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


def test_only_the_registrar_role_registers(cast: Cast) -> None:
    task = open_task(youth_born(cast, "2009-01-01"))
    with pytest.raises(ValidationError):
        register_with_consent(task, cast.worker_a)


def test_confirming_the_suspicion_of_a_registered_youth_points_to_the_registration(
    client_for: ClientFor, cast: Cast
) -> None:
    youth = youth_born(cast, "2009-01-01")
    register_with_consent(open_task(youth), cast.officer_a)
    consultation = request_consultation(
        youth=youth, by=cast.worker_a, request=None, addressed_to=cast.officer_a, question="?"
    )

    response = client_for(cast.officer_a).post(
        reverse("meldcode:conclude_consultation", args=[consultation.pk]),
        {"conclusion": "Nieuwe signalen.", "next_step": "monitor", "suspicion_confirmed": "on"},
        follow=True,
    )

    assert "Deze jongere is al geregistreerd: geen tweede registratie." in (
        response.content.decode()
    )
    assert not RegistrationTask.objects.filter(status=TaskStatus.OPEN).exists()
