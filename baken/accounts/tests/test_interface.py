import os
import subprocess
import sys
from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse

from baken.accounts.models import Division, Region, Role, RoleGrant, User
from baken.testing import Cast

pytestmark = pytest.mark.django_db

ClientFor = Callable[[User], Client]


def test_home_is_in_dutch_by_default_and_shows_the_role_panel(
    client_for: ClientFor, cast: Cast
) -> None:
    page = client_for(cast.privacy_officer).get(reverse("home")).content.decode()

    assert '<html lang="nl">' in page
    assert "Privacyfunctionaris" in page
    assert "Zoeken in het auditlog" in page
    assert "Jeugdhulpverlener" not in page


def test_switching_to_english(client_for: ClientFor, cast: Cast) -> None:
    client = client_for(cast.worker_a)

    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    page = client.get(reverse("home")).content.decode()

    assert '<html lang="en">' in page
    assert "Welcome, Worker" in page


def test_login_page_has_labels_and_landmarks(client: Client) -> None:
    page = client.get(reverse("accounts:login")).content.decode()

    assert '<label class="utrecht-form-label" for="id_username">' in page
    assert '<main id="main"' in page
    assert 'href="#main"' in page


def test_all_municipalities_of_2025_are_loaded_with_their_regions() -> None:
    assert Region.objects.filter(division=Division.MUNICIPALITY).count() == 342
    assert Region.objects.filter(division=Division.POLICE_UNIT).count() == 10
    rotterdam = Region.objects.get(division=Division.MUNICIPALITY, code="GM0599")
    regions = {r.division: r.name for r in rotterdam.containing_regions.all()}
    assert regions[Division.POLICE_UNIT] == "Rotterdam"
    assert regions[Division.VEILIG_THUIS] == "Rotterdam-Rijnmond"


def test_production_settings_pass_the_deploy_check() -> None:
    env = {
        **os.environ,
        "BAKEN_SECRET_KEY": "a-real-production-secret-with-more-than-fifty-characters-0123456789",
        "BAKEN_ALLOWED_HOSTS": "baken.example.nl",
        "DATABASE_URL": "postgres://baken@db.invalid/baken",
        "BAKEN_AUDIT_CHECKPOINT_DIR": "/var/lib/baken-audit-checkpoints",
        "BAKEN_AUDIT_KEY": "an-audit-key-of-its-own-kept-apart-from-the-database-0123456789",
        "BAKEN_FIELD_KEY_SALTS": "a-random-field-salt-of-this-deployment-9876",
        "BAKEN_BLIND_INDEX_KEY": "a-blind-index-key-of-its-own-for-searching-names-2468",
    }
    for name in ("BAKEN_DEBUG", "BAKEN_DEMO_MODE", "BAKEN_HTTPS", "DJANGO_ALLOW_ASYNC_UNSAFE"):
        env.pop(name, None)

    result = subprocess.run(
        [sys.executable, "-m", "baken.cli", "check", "--deploy", "--fail-level", "WARNING"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )

    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_dutch_even_when_the_browser_prefers_english(client: Client) -> None:
    page = client.get(reverse("accounts:login"), headers={"accept-language": "en-US,en;q=0.9"})

    assert '<html lang="nl">' in page.content.decode()
    assert "Inloggen bij Baken" in page.content.decode()


def test_pages_load_no_script_and_no_inline_style(client_for: ClientFor, cast: Cast) -> None:
    """Forms work without JavaScript, and the Content-Security-Policy allows no inline style."""
    from baken.cases.testing import make_youth

    youth = make_youth(cast.worker_a, teams=[cast.team_a1])
    client = client_for(cast.worker_a)
    for url in [reverse("home"), reverse("home:youth_print", args=[youth.pseudonym])]:
        page = client.get(url).content.decode()
        assert "<script" not in page and "<style" not in page and "style=" not in page, url


def test_the_main_menu_follows_the_roles_and_the_language_at_the_next_click(
    client_for: ClientFor, cast: Cast
) -> None:
    """The menu's HTML is kept per roles, organisation kind, language and URL conf
    (baken/lib/menu.py): a change of any of them shows at once."""
    client = client_for(cast.worker_a)
    youths, audit_log = reverse("cases:list"), reverse("audit:log")

    def menu() -> str:
        page = client.get(reverse("home")).content.decode()
        return page[page.index('<nav class="baken-nav"') : page.index("</nav>")]

    assert f'href="{youths}">Jongeren<' in menu()
    assert f'href="{audit_log}"' not in menu()

    RoleGrant.objects.create(user=cast.worker_a, role=Role.PRIVACY_OFFICER)
    assert f'href="{audit_log}">Auditlog<' in menu()

    RoleGrant.objects.filter(user=cast.worker_a, role=Role.YOUTH_WORKER).delete()
    assert f'href="{youths}"' not in menu()

    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    assert f'href="{audit_log}">Audit log<' in menu()
