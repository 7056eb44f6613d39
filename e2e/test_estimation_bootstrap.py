"""An analyst opens the statistics, goes on to the estimate of the unregistered, starts the
bootstrap interval from the page, and sees the result once the worker has computed it."""

import pytest
from django.test import override_settings
from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer

from baken.registry.bootstrap_jobs import run_due_jobs
from baken.registry.models import BootstrapJob, BootstrapStatus
from baken.registry.releases import publish
from baken.registry.tests.test_estimation_page import register_2022
from baken.testing import make_cast
from e2e.conftest import log_in


@pytest.mark.django_db(transaction=True)
@override_settings(REGISTRY_BOOTSTRAP_REPLICATES=60)
def test_an_analyst_starts_the_bootstrap_from_the_estimation_page_and_sees_the_result(
    page: Page, live_server: LiveServer
) -> None:
    cast = make_cast()
    register_2022()
    publish()

    log_in(page, live_server.url, cast.analyst)
    page.get_by_role("link", name="Registratiecentrum", exact=True).click()
    page.get_by_role("link", name="Cijfers", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Cijfers")
    page.get_by_role("link", name="Schatting van niet-geregistreerde slachtoffers").click()

    row = page.locator("tr[data-year='2022']")
    expect(row.locator("[data-figure=registered]")).to_have_text("78")
    expect(row.locator("[data-figure=unregistered]")).to_contain_text("naar schatting ongeveer")
    expect(page.get_by_role("heading", name="Methode")).to_be_visible()

    page.get_by_role("button", name="Bereken een betrouwbaarder interval (bootstrap)").click()
    expect(page.get_by_text("Het bootstrapinterval wordt berekend")).to_be_visible()
    progress = page.locator("[data-bootstrap='2022']")
    expect(progress).to_contain_text("Bootstrap 2022: 0 van 60 herhalingen")

    assert run_due_jobs(workers=1) == 1  # the worker (`baken run_bootstrap_jobs`)
    assert BootstrapJob.objects.get().status == BootstrapStatus.DONE
    # The page refreshes itself while a bootstrap runs.
    expect(row.locator("[data-figure=unregistered]")).to_contain_text("(bootstrap)", timeout=15_000)
    expect(page.get_by_text("2022: geschat totaal tussen")).to_contain_text("BCa-bootstrapinterval")
    expect(progress).to_have_count(0)
