"""Browser tests: Playwright for Python driving Debian's Chromium (its own download is not used)."""

import os
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from playwright.sync_api import Page

    from baken.accounts.models import User

CHROMIUM = os.environ.get("BAKEN_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args: dict[str, Any]) -> dict[str, Any]:
    # No Accept-Language preference: the app's own default (Dutch) must show.
    return {**browser_context_args, "locale": "en-US", "viewport": {"width": 1280, "height": 900}}


def log_in(page: "Page", base_url: str, user: "User") -> None:
    """Log in through the real screens: password, then the current authenticator code."""
    from django_otp.oath import TOTP
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from baken.testing import TEST_PASSWORD

    page.goto(f"{base_url}/accounts/login/")
    page.get_by_label("Gebruikersnaam").fill(user.username)
    page.get_by_label("Wachtwoord").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Volgende").click()
    device = TOTPDevice.objects.get(user=user, confirmed=True)
    # A code is accepted once (replay protection); a second log-in of the same user within the
    # same 30 seconds would otherwise be refused, as it should be for a real person.
    TOTPDevice.objects.filter(pk=device.pk).update(last_t=-1)
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    page.get_by_label("Code").fill(f"{totp.token():06d}")
    page.get_by_role("button", name="Inloggen").click()


# Reference data that data migrations load. Browser tests run in transactions that are committed
# (the live server must see the data), and Django empties every table after each such test, so the
# data is loaded again before each browser test by the same migration functions.
REFERENCE_DATA = [
    ("baken.accounts.migrations.0002_load_regions_2025", "load_regions", "accounts.Region"),
    ("baken.cases.migrations.0002_load_risk_factors", "load", "cases.RiskFactor"),
    ("e2e.conftest", "load_catalogue_now", "signalling.Indicator"),
    ("baken.screening.migrations.0002_load_instrument_2026_1", "load", "screening.Instrument"),
    ("baken.partners.migrations.0002_load_sharing_guidance", "load", "partners.SharingGuidance"),
]


def load_catalogue_now(apps: Any, schema_editor: None) -> None:
    """The catalogue migration's load, with today's models (the forms of exploitation have moved
    to cases since that migration)."""
    from baken.signalling.catalogue import FIRST_CATALOGUE, load_catalogue, read_catalogue_file

    load_catalogue(
        read_catalogue_file(FIRST_CATALOGUE),
        form_model=apps.get_model("cases", "ExploitationForm"),
        catalogue_model=apps.get_model("signalling", "IndicatorCatalogue"),
        indicator_model=apps.get_model("signalling", "Indicator"),
        make_current=True,
    )


@pytest.fixture(autouse=True)
def reference_data(transactional_db: None) -> None:
    from importlib import import_module

    from django.apps import apps

    for module_name, function_name, model_label in REFERENCE_DATA:
        if not apps.get_model(model_label).objects.exists():
            getattr(import_module(module_name), function_name)(apps, None)
