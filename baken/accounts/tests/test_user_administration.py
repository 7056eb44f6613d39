import re
from collections.abc import Callable
from typing import Any

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from baken.accounts.models import Role, User
from baken.audit.models import AuditEntry, AuditEvent
from baken.testing import Cast

pytestmark = pytest.mark.django_db

ClientFor = Callable[[User], Client]


def test_administrator_lists_only_users_of_own_organisation(
    client_for: ClientFor, cast: Cast
) -> None:
    response = client_for(cast.admin_a).get(reverse("accounts:user_list"))

    listed = {user.username for user in response.context["users"]}
    assert listed == {"worker_a", "worker_a2", "officer_a", "admin_a", "privacy_a"}
    assert "worker_b" not in response.content.decode()


@pytest.mark.parametrize("action", ["deactivate", "reset-2fa", "unlock", "activate"])
def test_administrator_cannot_change_users_of_another_organisation(
    client_for: ClientFor, cast: Cast, action: str
) -> None:
    client = client_for(cast.admin_a)

    assert client.get(reverse("accounts:user_edit", args=[cast.worker_b.pk])).status_code == 404
    url = reverse("accounts:user_action", args=[cast.worker_b.pk, action])
    assert client.post(url).status_code == 404
    cast.worker_b.refresh_from_db()
    assert cast.worker_b.is_active
    assert TOTPDevice.objects.filter(user=cast.worker_b).exists()


@pytest.mark.parametrize("who", ["worker_a", "officer_a", "privacy_officer", "analyst"])
def test_only_functional_administrators_manage_users(
    client_for: ClientFor, cast: Cast, who: str
) -> None:
    client = client_for(getattr(cast, who))
    assert client.get(reverse("accounts:user_list")).status_code == 403
    assert client.get(reverse("accounts:user_edit", args=[cast.worker_a.pk])).status_code == 403


def test_invited_user_gets_an_email_link_to_choose_a_password(
    client_for: ClientFor, cast: Cast, django_capture_on_commit_callbacks: Callable[..., Any]
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(cast.admin_a).post(
            reverse("accounts:user_invite"),
            {
                "username": "new_worker",
                "first_name": "Nina",
                "last_name": "Groen",
                "email": "nina@example.org",
                "roles": [Role.YOUTH_WORKER],
                "teams": [cast.team_a1.pk],
            },
        )

    assert response["Location"] == reverse("accounts:user_list")
    user = User.objects.get(username="new_worker")
    assert user.organisation == cast.institution_a
    assert user.role_set == {"youth_worker"}
    assert list(user.teams.all()) == [cast.team_a1]
    assert not user.has_usable_password()
    assert AuditEntry.objects.filter(
        event=AuditEvent.CREATE, object_type="user", object_id=str(user.pk), user=cast.admin_a
    ).exists()
    (message,) = mail.outbox
    assert message.to == ["nina@example.org"]
    link = re.search(r"http://testserver(/\S+)", str(message.body))
    assert link is not None

    anonymous = Client()
    form_page = anonymous.get(link.group(1), follow=True)
    new_password = "my own new passphrase 77"
    anonymous.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": new_password, "new_password2": new_password},
    )
    user.refresh_from_db()
    assert user.check_password(new_password)


def test_administrator_cannot_put_a_user_in_a_team_of_another_organisation(
    client_for: ClientFor, cast: Cast
) -> None:
    response = client_for(cast.admin_a).post(
        reverse("accounts:user_edit", args=[cast.worker_a.pk]),
        {"roles": [Role.YOUTH_WORKER], "teams": [cast.team_b1.pk]},
    )

    assert response.status_code == 200
    assert response.context["form"].errors["teams"]
    assert list(cast.worker_a.teams.all()) == [cast.team_a1]


def test_registry_roles_cannot_be_given_at_an_institution(
    client_for: ClientFor, cast: Cast
) -> None:
    response = client_for(cast.admin_a).post(
        reverse("accounts:user_edit", args=[cast.worker_a.pk]),
        {"roles": [Role.REGISTRY_ANALYST]},
    )

    assert response.status_code == 200
    assert not cast.worker_a.has_role(Role.REGISTRY_ANALYST)


def test_resetting_two_factor_makes_the_user_enrol_again(client_for: ClientFor, cast: Cast) -> None:
    client_for(cast.admin_a).post(
        reverse("accounts:user_action", args=[cast.worker_a.pk, "reset-2fa"])
    )

    assert not TOTPDevice.objects.filter(user=cast.worker_a).exists()
    fresh = Client()
    response = fresh.post(
        reverse("accounts:login"),
        {"username": "worker_a", "password": "correct horse battery staple"},
    )
    assert response["Location"] == reverse("accounts:enrol")
    assert AuditEntry.objects.filter(detail="two-factor authentication reset").exists()


def test_a_deactivated_user_cannot_log_in(client_for: ClientFor, cast: Cast) -> None:
    client_for(cast.admin_a).post(
        reverse("accounts:user_action", args=[cast.worker_a.pk, "deactivate"])
    )

    anonymous = Client()
    response = anonymous.post(
        reverse("accounts:login"),
        {"username": "worker_a", "password": "correct horse battery staple"},
    )
    assert response.status_code == 200
    assert "pending_user_id" not in anonymous.session


def test_administrator_cannot_deactivate_themselves(client_for: ClientFor, cast: Cast) -> None:
    client_for(cast.admin_a).post(
        reverse("accounts:user_action", args=[cast.admin_a.pk, "deactivate"])
    )
    cast.admin_a.refresh_from_db()
    assert cast.admin_a.is_active


def test_administrator_adds_a_team_to_own_organisation(client_for: ClientFor, cast: Cast) -> None:
    client = client_for(cast.admin_a)
    client.post(reverse("accounts:team_list"), {"name": "Crisisopvang"})
    duplicate = client.post(reverse("accounts:team_list"), {"name": "Crisisopvang"})

    assert cast.institution_a.teams.filter(name="Crisisopvang").count() == 1
    assert duplicate.context["form"].errors["name"]
