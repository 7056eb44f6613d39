"""A refused request: a 403, logged as denied in the audit log, one line without a traceback in
the server log; and roles count only in an organisation of the page's kind."""

import logging
from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse

from baken.accounts.models import Role, User
from baken.audit.models import AuditEntry, AuditOutcome
from baken.testing import Cast, make_user

pytestmark = pytest.mark.django_db
ClientFor = Callable[[User], Client]


def test_a_refused_request_is_logged_as_denied_without_a_traceback(
    client_for: ClientFor, cast: Cast, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING, logger="django.request"):
        response = client_for(cast.worker_a).get(reverse("accounts:user_list"))

    assert response.status_code == 403
    entry = AuditEntry.objects.get(user=cast.worker_a)
    assert (entry.outcome, entry.object_id) == (AuditOutcome.DENIED, "accounts:user_list")
    refusals = [r for r in caplog.records if r.name == "django.request"]
    assert [r.getMessage() for r in refusals] == ["Forbidden (Permission denied): /accounts/users/"]
    assert refusals[0].exc_info is None


@pytest.mark.parametrize(
    "url_name", ["partners:directory", "partners:guidance", "screening:policy", "meldcode:policy"]
)
@pytest.mark.parametrize("role", [Role.FUNCTIONAL_ADMIN, Role.PRIVACY_OFFICER])
def test_registry_staff_do_not_reach_the_institution_settings_or_directory(
    client_for: ClientFor, cast: Cast, url_name: str, role: Role
) -> None:
    registry_staff = make_user(f"registry_{role}", cast.registry, [role])

    assert client_for(registry_staff).get(reverse(url_name)).status_code == 403
