"""The demo: data to try every route, and a configuration that shows Baken's own pages."""

import os
import subprocess
import sys
from datetime import date

import pytest
from django.utils import timezone
from pytest_django.fixtures import Settings

from baken.cli import DEMO_PSEUDONYM_KEY, demo_environment
from baken.operations.demo_data import born_for_demo, load_demo_data


@pytest.mark.django_db
def test_demo_has_a_youth_of_12_to_15_whose_consent_needs_youth_and_both_parents(
    settings: Settings,
) -> None:
    from baken.cases.models import Youth

    settings.BAKEN_PSEUDONYM_KEY = DEMO_PSEUDONYM_KEY
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    load_demo_data()

    today = timezone.localdate()
    candidates = [
        youth
        for youth in Youth.objects.prefetch_related("guardians")
        if 12 <= (youth.age_on(today) or 0) <= 15
        and sum(g.has_parental_authority for g in youth.guardians.all()) >= 2
    ]
    assert [youth.given_names for youth in candidates] == ["Yara"]


def test_demo_ages_stay_those_the_demo_was_written_for() -> None:
    assert born_for_demo("2012-03-08", date(2026, 12, 1)) == date(2012, 3, 8)
    assert born_for_demo("2012-03-08", date(2029, 6, 1)) == date(2015, 3, 8)
    assert born_for_demo("2008-02-29", date(2027, 1, 1)) == date(2009, 2, 28)


def _env(extra: dict[str, str]) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("BAKEN_", "DATABASE_URL"))}
    return {**env, "DJANGO_SETTINGS_MODULE": "baken.settings", **extra}


SHOW_PAGES = """
import django
django.setup()
from django.test import Client
client = Client(HTTP_HOST="127.0.0.1")
for path in ("/no-such-page/", "/static/baken/baken.css", "/favicon.ico"):
    response = client.get(path)
    body = b"".join(response) if response.streaming else response.content
    print(path, response.status_code, b"Using the URLconf" in body, b"Niet gevonden" in body)
"""


def test_demo_shows_bakens_own_404_page_and_still_serves_static_files() -> None:
    result = subprocess.run(  # noqa: S603 - fixed argument list
        [sys.executable, "-c", SHOW_PAGES],
        env=_env(demo_environment()),
        capture_output=True,
        text=True,
        check=True,
    )

    lines = result.stdout.splitlines()
    assert lines == [
        "/no-such-page/ 404 False True",
        "/static/baken/baken.css 200 False False",
        "/favicon.ico 200 False False",
    ], result.stderr


def test_deploy_check_refuses_demo_mode() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "baken.cli", "check", "--deploy", "--fail-level", "ERROR"],
        env=_env({"BAKEN_DEMO_MODE": "1"}),
        capture_output=True,
        text=True,
        check=False,
    )

    assert result.returncode != 0
    assert "baken.E004" in result.stderr
