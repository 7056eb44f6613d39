"""A deployment serves one side (BAKEN_SIDE): an institution's workers never load the registry's
pages nor the libraries behind them, and the registry serves no case files. The demo serves both."""

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest
from django.test import Client

from baken.accounts.models import Role, User
from baken.cases.testing import make_youth
from baken.testing import Cast, make_user
from baken.urls import patterns_for

pytestmark = pytest.mark.django_db

ClientFor = Callable[[User], Client]
REGISTRY_LIBRARIES = ("pandas", "scipy", "statsmodels", "reportlab", "openpyxl", "splink", "duckdb")


@pytest.fixture
def serve_side(settings: object) -> Callable[[str], None]:
    """serve_side(name): the URL conf that BAKEN_SIDE=name gives."""

    def serve(side: str) -> None:
        urls = ModuleType(f"baken_urls_{side}")
        urls.urlpatterns = patterns_for(side)  # type: ignore[attr-defined]
        settings.ROOT_URLCONF = urls  # type: ignore[attr-defined]

    return serve


def test_the_institution_side_serves_case_files_and_nothing_of_the_registry(
    client_for: ClientFor, cast: Cast, serve_side: Callable[[str], None]
) -> None:
    serve_side("institution")
    youth = make_youth(cast.worker_a, teams=[cast.team_a1])

    page = client_for(cast.worker_a).get("/youths/")

    assert youth.full_name in page.content.decode()
    assert client_for(cast.analyst).get("/registry/").status_code == 404
    assert Client().get("/api/openapi.json").status_code == 404


def test_the_registry_side_serves_the_registry_and_no_case_files(
    client_for: ClientFor, cast: Cast, serve_side: Callable[[str], None]
) -> None:
    serve_side("registry")
    make_youth(cast.worker_a, teams=[cast.team_a1])

    assert client_for(cast.analyst).get("/registry/").status_code == 200
    assert Client().get("/api/openapi.json").status_code == 200
    assert client_for(cast.worker_a).get("/youths/").status_code == 404


def test_the_registry_privacy_officer_gets_a_home_page_without_institution_links(
    client_for: ClientFor, cast: Cast, serve_side: Callable[[str], None]
) -> None:
    serve_side("registry")
    privacy = make_user("privacy_r", cast.registry, [Role.PRIVACY_OFFICER])

    page = client_for(privacy).get("/")

    assert page.status_code == 200
    assert "/audit/" in page.content.decode()
    assert "/youths/emergency-access/" not in page.content.decode()


def test_the_demo_serves_both_sides(
    client_for: ClientFor, cast: Cast, serve_side: Callable[[str], None]
) -> None:
    serve_side("both")

    assert client_for(cast.worker_a).get("/youths/").status_code == 200
    assert client_for(cast.analyst).get("/registry/").status_code == 200


def test_an_institution_worker_process_loads_none_of_the_registry_libraries() -> None:
    code = (
        "import json, sys, django; django.setup();"
        "from django.urls import get_resolver; get_resolver().url_patterns;"
        f"print(json.dumps([m for m in {REGISTRY_LIBRARIES!r} if m in sys.modules]))"
    )
    env = {**os.environ, "BAKEN_SIDE": "institution", "DJANGO_SETTINGS_MODULE": "baken.settings"}
    result = subprocess.run(  # noqa: S603 - fixed argument list
        [sys.executable, "-c", code],
        env=env,
        cwd=Path(__file__).resolve().parents[3],
        capture_output=True,
        text=True,
        check=True,
    )
    assert json.loads(result.stdout) == []


def test_an_unknown_side_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    from baken.lib.env import env_choice

    monkeypatch.setenv("BAKEN_SIDE", "instelling")
    with pytest.raises(ValueError, match="institution, registry, both"):
        env_choice("BAKEN_SIDE", ("institution", "registry", "both"), "both")
    monkeypatch.setenv("BAKEN_SIDE", " Registry ")
    assert env_choice("BAKEN_SIDE", ("institution", "registry", "both"), "both") == "registry"
