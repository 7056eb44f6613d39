"""A registration task and a registration in the outbox move only along their tables; any other
move is refused."""

from typing import Any

import pytest
from django.core.exceptions import ValidationError

from baken.cases.testing import make_youth
from baken.registration import services
from baken.registration.models import (
    DELIVERY_TRANSITIONS,
    DISCLOSURE_TRANSITIONS,
    TASK_TRANSITIONS,
    DeliveryStatus,
    DisclosureStatus,
    TaskStatus,
    check_delivery_transition,
    check_disclosure_transition,
)
from baken.registration.testing import open_task, register_with_consent
from baken.testing import Cast

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def pseudonym_key(settings: Any) -> None:
    settings.BAKEN_PSEUDONYM_KEY = "the-key-shared-by-registering-organisations-42"


def test_every_status_has_its_moves() -> None:
    assert set(TASK_TRANSITIONS) == set(TaskStatus.values)
    assert set(DELIVERY_TRANSITIONS) == set(DeliveryStatus.values)
    assert set(DISCLOSURE_TRANSITIONS) == set(DisclosureStatus.values)


def test_a_decided_task_is_not_decided_again(cast: Cast) -> None:
    youth = make_youth(cast.worker_a, teams=[cast.team_a1], born="2009-01-01")
    task = open_task(youth)
    register_with_consent(task, cast.officer_a)

    with pytest.raises(ValidationError, match="al beslist"):
        services.decide_not_to_register(
            task=task,
            by=cast.officer_a,
            request=None,
            reason_kind="other",
            reason="Toch niet: het gaat om smokkel, niet om mensenhandel.",
        )
    task.refresh_from_db()
    assert task.status == TaskStatus.REGISTERED


@pytest.mark.parametrize(
    ("current", "new"),
    [
        (DeliveryStatus.DELIVERED, DeliveryStatus.QUEUED),
        (DeliveryStatus.QUEUED, DeliveryStatus.DELIVERED),
        (DeliveryStatus.NEEDS_CORRECTION, DeliveryStatus.DELIVERED),
    ],
)
def test_a_registration_skips_no_step_of_its_delivery(current: str, new: str) -> None:
    with pytest.raises(ValidationError):
        check_delivery_transition(current, new)


@pytest.mark.parametrize(
    ("current", "new"),
    [
        (DisclosureStatus.WITHDRAWN, DisclosureStatus.DECIDED),  # a withdrawal is final
        (DisclosureStatus.DECLINED, DisclosureStatus.DECIDED),
        (DisclosureStatus.PROPOSED, DisclosureStatus.WITHDRAWN),
    ],
)
def test_a_decision_on_disclosure_moves_only_along_its_table(current: str, new: str) -> None:
    with pytest.raises(ValidationError):
        check_disclosure_transition(current, new)


def test_a_delivered_registration_is_never_cancelled() -> None:
    with pytest.raises(ValidationError):
        check_delivery_transition(DeliveryStatus.DELIVERED, DeliveryStatus.CANCELLED)
