from datetime import timedelta
from typing import TYPE_CHECKING

import pytest
import time_machine
from django.contrib.auth import SESSION_KEY
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from baken.accounts.models import RoleGrant, User
from baken.audit.models import AuditEntry, AuditEvent, AuditOutcome
from baken.testing import TEST_PASSWORD, Cast, log_in_verified

if TYPE_CHECKING:
    from django.test.client import _MonkeyPatchedWSGIResponse as Response

pytestmark = pytest.mark.django_db


def current_code(user: User) -> str:
    device = TOTPDevice.objects.get(user=user, confirmed=True)
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{totp.token():06d}"


def give_password(client: Client, username: str, password: str = TEST_PASSWORD) -> "Response":
    return client.post(reverse("accounts:login"), {"username": username, "password": password})


def test_password_then_authenticator_code_logs_in_and_is_audited(
    client: Client, cast: Cast
) -> None:
    response = give_password(client, "worker_a")
    assert response["Location"] == reverse("accounts:second_factor")

    response = client.post(
        reverse("accounts:second_factor"), {"token": current_code(cast.worker_a)}
    )

    assert response["Location"] == reverse("home")
    home = client.get(reverse("home"))
    assert home.status_code == 200
    assert "Welkom, Worker" in home.content.decode()
    entry = AuditEntry.objects.get(event=AuditEvent.LOGIN)
    assert entry.user == cast.worker_a
    assert entry.organisation_name == "Instelling A"
    assert entry.role == "youth_worker"
    assert entry.ip_address == "127.0.0.1"


def test_no_page_with_data_is_reachable_with_only_a_password(client: Client, cast: Cast) -> None:
    give_password(client, "privacy_a")

    for name in ["home", "audit:log", "accounts:password_change"]:
        response = client.get(reverse(name))
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("accounts:login"))
    assert not AuditEntry.objects.filter(event=AuditEvent.LOGIN).exists()


def test_a_session_without_second_factor_is_logged_out(client: Client, cast: Cast) -> None:
    client.force_login(cast.privacy_officer)  # as Django admin's own log-in form would

    response = client.get(reverse("audit:log"))

    assert response["Location"] == reverse("accounts:login")
    assert "_auth_user_id" not in client.session


def test_wrong_password_is_refused_and_audited(client: Client, cast: Cast) -> None:
    response = give_password(client, "worker_a", "wrong password")

    assert response.status_code == 200
    assert "komen niet overeen" in response.content.decode()
    entry = AuditEntry.objects.get(event=AuditEvent.LOGIN_FAILED)
    assert entry.username == "worker_a"
    assert entry.outcome == AuditOutcome.FAILED
    assert entry.user is None


def test_wrong_second_factor_code_is_refused_and_audited(client: Client, cast: Cast) -> None:
    give_password(client, "worker_a")
    good = current_code(cast.worker_a)
    wrong = f"{(int(good) + 1) % 1_000_000:06d}"

    response = client.post(reverse("accounts:second_factor"), {"token": wrong})

    assert response.status_code == 200
    assert "_auth_user_id" not in client.session
    entry = AuditEntry.objects.get(event=AuditEvent.LOGIN_FAILED)
    assert entry.user == cast.worker_a
    assert entry.detail == "wrong second-factor code"


def test_repeated_wrong_passwords_lock_the_account(client: Client, cast: Cast) -> None:
    for _attempt in range(5):
        give_password(client, "worker_a", "wrong password")

    response = give_password(client, "worker_a")  # now even the right password is refused

    assert response.status_code == 429
    assert "tijdelijk geblokkeerd" in response.content.decode()
    assert "pending_user_id" not in client.session
    last = AuditEntry.objects.filter(event=AuditEvent.LOGIN_FAILED).first()
    assert last is not None and last.outcome == AuditOutcome.DENIED
    # Another account is not affected.
    assert give_password(Client(), "officer_a")["Location"] == reverse("accounts:second_factor")


def test_first_log_in_enrols_an_authenticator_and_issues_recovery_codes(
    client: Client, cast: Cast
) -> None:
    TOTPDevice.objects.filter(user=cast.worker_a).delete()
    assert give_password(client, "worker_a")["Location"] == reverse("accounts:enrol")

    page = client.get(reverse("accounts:enrol"))
    assert "<svg" in page.content.decode()  # the QR code
    device = TOTPDevice.objects.get(user=cast.worker_a, confirmed=False)
    code = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift).token()
    response = client.post(reverse("accounts:enrol"), {"token": f"{code:06d}"})

    assert response.status_code == 200
    device.refresh_from_db()
    assert device.confirmed
    codes = response.context["codes"]
    assert len(codes) == 10
    assert StaticToken.objects.filter(device__user=cast.worker_a).count() == 10
    assert client.get(reverse("home")).status_code == 200


def test_a_recovery_code_works_once(cast: Cast) -> None:

    device = StaticDevice.objects.create(user=cast.worker_a, name="recovery codes")
    device.token_set.create(token="abcd1234")
    first, second = Client(), Client()

    give_password(first, "worker_a")
    assert first.post(reverse("accounts:second_factor"), {"token": "abcd 1234"})[
        "Location"
    ] == reverse("home")
    give_password(second, "worker_a")
    assert second.post(reverse("accounts:second_factor"), {"token": "abcd1234"}).status_code == 200
    assert "_auth_user_id" not in second.session


def test_log_out_ends_the_session_and_is_audited(client: Client, cast: Cast) -> None:
    log_in_verified(client, cast.worker_a)

    client.post(reverse("accounts:logout"))

    assert client.get(reverse("home"))["Location"].startswith(reverse("accounts:login"))
    assert AuditEntry.objects.get(event=AuditEvent.LOGOUT).user == cast.worker_a


def test_passwords_are_hashed_with_argon2(cast: Cast, settings: object) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.Argon2PasswordHasher"]  # type: ignore[attr-defined]
    cast.worker_a.set_password("a new long password 42")
    assert cast.worker_a.password.startswith("argon2$")


def test_changing_the_password_ends_all_sessions(cast: Cast) -> None:
    phone, laptop = Client(), Client()
    log_in_verified(phone, cast.worker_a)
    log_in_verified(laptop, cast.worker_a)
    new_password = "a completely new passphrase 2026"

    response = laptop.post(
        reverse("accounts:password_change"),
        {
            "old_password": TEST_PASSWORD,
            "new_password1": new_password,
            "new_password2": new_password,
        },
    )

    assert response["Location"] == reverse("accounts:login")
    assert laptop.get(reverse("home")).status_code == 302
    assert phone.get(reverse("home")).status_code == 302
    assert AuditEntry.objects.filter(event=AuditEvent.UPDATE, object_type="password").exists()


def test_an_idle_session_ends_after_thirty_minutes(client: Client, cast: Cast) -> None:
    start = timezone.now()
    with time_machine.travel(start, tick=False) as clock:
        log_in_verified(client, cast.worker_a)
        clock.move_to(start + timedelta(minutes=29))
        assert client.get(reverse("home")).status_code == 200  # activity renews the session
        clock.move_to(start + timedelta(minutes=58))
        assert client.get(reverse("home")).status_code == 200
        clock.move_to(start + timedelta(minutes=89))
        assert client.get(reverse("home")).status_code == 302


def test_a_session_in_use_stays_and_ends_at_most_thirty_minutes_after_the_last_request(
    client: Client, cast: Cast
) -> None:
    start = timezone.now()
    with time_machine.travel(start, tick=False) as clock:
        log_in_verified(client, cast.worker_a)
        for minute in range(1, 60, 2):  # a request every two minutes for an hour
            clock.move_to(start + timedelta(minutes=minute))
            assert client.get(reverse("home")).status_code == 200
        clock.move_to(start + timedelta(minutes=59 + 30, seconds=1))
        assert client.get(reverse("home")).status_code == 302


def test_an_ordinary_request_does_not_write_the_session(client: Client, cast: Cast) -> None:
    log_in_verified(client, cast.worker_a)

    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse("accounts:password_change")).status_code == 200

    assert not [q for q in queries if "django_session" in q["sql"] and "UPDATE" in q["sql"]]


def test_a_logged_in_page_costs_two_queries_of_its_own(client: Client, cast: Cast) -> None:
    """The session; then the user with organisation, roles and the check of the second-factor
    device (a reset ends the session at once, a role change applies at once) in one query.
    Every page pays these."""
    log_in_verified(client, cast.worker_a)

    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse("accounts:password_change")).status_code == 200

    session, user = (q["sql"] for q in queries)
    assert 'FROM "django_session"' in session
    for table in ("accounts_user", "accounts_organisation", "accounts_rolegrant"):
        assert f'"{table}"' in user
    assert 'FROM "otp_totp_totpdevice"' in user


def test_a_reset_authenticator_or_a_removed_role_applies_at_the_next_request(
    client: Client, cast: Cast
) -> None:
    """The roles and the second-factor device come with the user in one query, still on every
    request: nothing about them is kept in the session."""
    log_in_verified(client, cast.worker_a)
    assert client.get(reverse("cases:list")).status_code == 200

    RoleGrant.objects.filter(user=cast.worker_a).delete()
    assert client.get(reverse("cases:list")).status_code == 403

    TOTPDevice.objects.filter(user=cast.worker_a).delete()
    response = client.get(reverse("home"))
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:login")
    assert SESSION_KEY not in client.session


def test_a_recovery_code_session_counts_as_verified(client: Client, cast: Cast) -> None:
    log_in_verified(client, cast.worker_a)
    device = StaticDevice.objects.create(user=cast.worker_a, name="recovery", confirmed=True)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    assert client.get(reverse("home")).status_code == 200

    StaticDevice.objects.filter(pk=device.pk).update(confirmed=False)
    assert client.get(reverse("home")).status_code == 302
