"""An analyst reviews an uncertain pair, decides it is the same person, and sees the number of
persons on the registry's overview go down by one."""

import pytest
from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer

from baken.registry.models import CandidatePair, Registration, Source
from baken.registry.persons import recluster
from baken.registry.tokens import issue_source
from baken.testing import make_cast
from e2e.conftest import log_in


def registration(source_name: str, number: int) -> Registration:
    source = Source.objects.filter(name=source_name).first()
    if source is None:
        source, _token = issue_source(name=source_name, kind="police")
    return Registration.objects.create(
        source=source,
        idempotency_key=f"e2e-{number}",
        dossier_type="statistical",
        key_version="k1",
        k_name=f"{number:032x}",
        birth_year=2008,
        sex="female",
        nationality="NG",
        forms=["sexual-cross-border"],
        reported_on="2026-10-01",
    )


@pytest.mark.django_db(transaction=True)
def test_an_analyst_accepts_an_uncertain_pair_and_the_person_count_drops(
    page: Page, live_server: LiveServer
) -> None:
    cast = make_cast()
    first = registration("Politie Rotterdam", 1)
    second = registration("Zorgcoördinatie Rijnmond", 2)
    registration("Politie Rotterdam", 3)
    recluster()
    CandidatePair.objects.create(
        left=first,
        right=second,
        match_probability=0.62,
        levels={
            "name": "names sound alike or Dice >= 0.7",
            "birth": "same year, full date known on one side only",
            "sex": "same sex",
        },
    )

    log_in(page, live_server.url, cast.analyst)
    page.get_by_role("link", name="Registratiecentrum", exact=True).click()
    persons = page.locator("[data-figure=persons]")
    expect(persons).to_have_text("3")
    page.get_by_role("link", name="Onzekere paren beoordelen").click()
    page.get_by_role("link", name="Beoordeling", exact=True).click()

    expect(page.get_by_role("heading", name="Zelfde persoon?")).to_be_visible()
    expect(page.get_by_text("namen klinken gelijk of lijken op elkaar (≥ 0,7)")).to_be_visible()
    expect(page.get_by_role("cell", name="Zorgcoördinatie Rijnmond")).to_be_visible()
    page.get_by_role("button", name="Zelfde persoon").click()

    expect(page.get_by_text("Vastgelegd: zelfde persoon.")).to_be_visible()
    expect(page.get_by_text("Niets te beoordelen.")).to_be_visible()
    page.get_by_role("link", name="Registratiecentrum", exact=True).click()
    expect(persons).to_have_text("2")
