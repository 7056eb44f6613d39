"""In demo mode, and only there, the log-in page lists the demo users and their password, and the
code page shows the current second-factor code: no terminal or phone needed to try Baken."""

import pytest
from django.test import Client
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice
from pytest_django.fixtures import Settings as SettingsWrapper

from baken.accounts.demo import DEMO_PASSWORD
from baken.testing import TEST_PASSWORD, Cast


def _code_page(client: Client, username: str) -> str:
    client.post(reverse("accounts:login"), {"username": username, "password": TEST_PASSWORD})
    return client.get(reverse("accounts:second_factor")).content.decode()


def _current_code(cast: Cast) -> str:
    device = TOTPDevice.objects.get(user=cast.worker_a, confirmed=True)
    return (
        f"{TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift).token():06d}"
    )


@pytest.mark.django_db
def test_demo_log_in_page_lists_the_users_roles_and_password(
    client: Client, cast: Cast, settings: SettingsWrapper
) -> None:
    settings.DEMO_MODE = True

    page = client.get(reverse("accounts:login")).content.decode()

    assert DEMO_PASSWORD in page
    assert "officer_a" in page and "worker_b" in page and "analyst" in page
    assert "Aandachtfunctionaris" in page
    assert "Instelling B" in page


@pytest.mark.django_db
def test_demo_code_page_shows_the_current_code_and_the_command(
    client: Client, cast: Cast, settings: SettingsWrapper
) -> None:
    settings.DEMO_MODE = True

    page = _code_page(client, "worker_a")

    assert _current_code(cast) in page
    assert "uv run baken otp worker_a" in page


@pytest.mark.django_db
def test_outside_demo_mode_no_log_in_code_or_password_is_shown(
    client: Client, cast: Cast, settings: SettingsWrapper
) -> None:
    settings.DEMO_MODE = False

    login_page = client.get(reverse("accounts:login")).content.decode()
    code_page = _code_page(client, "worker_a")

    assert DEMO_PASSWORD not in login_page
    assert "officer_a" not in login_page and "baken-demo" not in login_page
    assert _current_code(cast) not in code_page
    assert "baken otp" not in code_page and "baken-demo" not in code_page
