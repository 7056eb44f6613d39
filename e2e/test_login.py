"""A new user's first minute: log in with password and authenticator code, Dutch home page,
switch to English, log out."""

import re

import pytest
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer

from baken.accounts.models import User
from baken.audit.models import AuditEntry, AuditEvent
from baken.cases.testing import make_youth
from baken.testing import TEST_PASSWORD, make_cast
from e2e.conftest import log_in


def authenticator_code(user: User) -> str:
    device = TOTPDevice.objects.get(user=user, confirmed=True)
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{totp.token():06d}"


@pytest.mark.django_db(transaction=True)
def test_log_in_with_two_factors_switch_language_and_log_out(
    page: Page, live_server: LiveServer
) -> None:
    cast = make_cast()

    page.goto(f"{live_server.url}/")
    expect(page).to_have_url(re.compile(r"/accounts/login/"))
    expect(page.locator("html")).to_have_attribute("lang", "nl")
    page.get_by_label("Gebruikersnaam").fill("officer_a")
    page.get_by_label("Wachtwoord").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Volgende").click()

    expect(page.get_by_role("heading", name="Verificatiecode")).to_be_visible()
    page.get_by_label("Code").fill(authenticator_code(cast.officer_a))
    page.get_by_role("button", name="Inloggen").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Welkom, Officer")
    expect(page.get_by_role("heading", name="Aandachtfunctionaris")).to_be_visible()

    page.get_by_role("button", name="English").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Welcome, Officer")
    expect(page.locator("html")).to_have_attribute("lang", "en")

    page.get_by_role("button", name="Log out").click()
    expect(page.get_by_text("You have been logged out.")).to_be_visible()
    page.goto(f"{live_server.url}/")
    expect(page).to_have_url(re.compile(r"/accounts/login/"))

    events = list(AuditEntry.objects.order_by("sequence").values_list("event", "username"))
    assert (AuditEvent.LOGIN, "officer_a") in events
    assert (AuditEvent.LOGOUT, "officer_a") in events


@pytest.mark.django_db(transaction=True)
def test_pages_fit_a_phone_screen(page: Page, live_server: LiveServer) -> None:
    cast = make_cast()
    youth = make_youth(cast.worker_a, teams=[cast.team_a1])
    page.set_viewport_size({"width": 360, "height": 740})

    log_in(page, live_server.url, cast.worker_a)
    for path in ["/", f"/youths/{youth.pseudonym}/", f"/signals/youth/{youth.pseudonym}/signal/"]:
        page.goto(f"{live_server.url}{path}")
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 360, path
