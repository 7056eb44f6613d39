"""Every organisation policy (screening, meldcode, registration, training) has one shape: read
without creating a row (the defaults until someone sets one), changed only through an audited
service."""

from collections.abc import Callable
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.db.models import Model
from django.test import Client
from django.urls import reverse

from baken.accounts.models import Organisation, User
from baken.audit.models import AuditEntry, AuditEvent
from baken.learning import services as learning
from baken.learning.models import TrainingPolicy
from baken.meldcode import services as meldcode
from baken.meldcode.models import MeldcodePolicy
from baken.registration import services as registration
from baken.registration.models import RegistrationPolicy
from baken.screening import services as screening
from baken.screening.models import Instrument, ScreeningPolicy
from baken.testing import Cast

pytestmark = pytest.mark.django_db
ClientFor = Callable[[User], Client]

REGISTRATION: dict[str, Any] = {
    "registrar": "youth_worker",
    "deadline_working_days": 5,
    "send_count": True,
    "basis_without_consent": "6(1)(f)",
}
POLICIES: list[tuple[Any, type[Model], str, Callable[[], dict[str, Any]]]] = [
    (
        screening,
        ScreeningPolicy,
        "screening_policy",
        lambda: {"instrument": Instrument.objects.first(), "interval_days": 60},
    ),
    (
        meldcode,
        MeldcodePolicy,
        "meldcode_policy",
        lambda: {"framework_in_step": 4, "response_days": 7},
    ),
    (registration, RegistrationPolicy, "registration_policy", lambda: REGISTRATION),
    (
        learning,
        TrainingPolicy,
        "training_policy",
        lambda: {"mandatory_modules": ["meldcode"], "new_staff_days": 30, "refresher_months": 6},
    ),
]


@pytest.mark.parametrize(("app", "model", "object_type", "values"), POLICIES)
def test_a_policy_is_read_without_a_row_and_changed_with_an_audit_entry(
    cast: Cast, app: Any, model: type[Model], object_type: str, values: Callable[[], Any]
) -> None:
    organisation: Organisation = cast.institution_a

    default = app.policy_for(organisation)
    assert default.pk is None and not model._default_manager.exists()

    changed = app.set_policy(organisation=organisation, by=cast.officer_a, request=None, **values())

    assert app.policy_for(organisation).pk == changed.pk
    assert AuditEntry.objects.filter(
        event=AuditEvent.UPDATE, object_type=object_type, user=cast.officer_a
    ).exists()


def test_only_the_privacy_officer_decides_on_the_count_and_nobody_on_an_objection(
    cast: Cast,
) -> None:
    with pytest.raises(ValidationError):
        registration.set_policy(
            organisation=cast.institution_a,
            by=cast.officer_a,
            request=None,
            **{**REGISTRATION, "send_count": False},
        )
    registration.set_policy(
        organisation=cast.institution_a,
        by=cast.privacy_officer,
        request=None,
        **{**REGISTRATION, "send_count": False},
    )
    assert not registration.policy_for(cast.institution_a).send_count
    with pytest.raises(TypeError):  # no setting lets a registration follow an objection
        registration.set_policy(  # type: ignore[call-arg]
            organisation=cast.institution_a,
            by=cast.privacy_officer,
            request=None,
            statistical_after_objection=True,
            **REGISTRATION,
        )


@pytest.mark.parametrize(
    ("url_name", "data", "object_type"),
    [
        ("meldcode:policy", {"framework_in_step": "4", "response_days": "7"}, "meldcode_policy"),
        (
            "registration:policy",
            {**REGISTRATION, "send_count": "on"},
            "registration_policy",
        ),
    ],
)
def test_the_settings_pages_save_through_the_audited_service(
    client_for: ClientFor, cast: Cast, url_name: str, data: dict[str, Any], object_type: str
) -> None:
    response = client_for(cast.officer_a).post(reverse(url_name), data)

    assert response.status_code == 302
    assert AuditEntry.objects.filter(object_type=object_type, user=cast.officer_a).exists()
