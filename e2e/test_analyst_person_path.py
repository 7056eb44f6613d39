"""The analyst's path through linkage: a source uploads registrations of a person the registry
already counts (the count stays right at once), the analyst opens the person, reviews an
uncertain pair from there, splits a link (one more person) and joins it again (back), then
reads the statistics and the estimate made after the last decision."""

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer

from baken.registry.models import CandidatePair, LinkageRun, Registration
from baken.registry.persons import rebuild
from baken.registry.tests.test_linking import load
from baken.registry.tests.test_upload_linking import copies_csv, registered_people
from baken.registry.tokens import issue_source
from baken.testing import make_cast
from e2e.conftest import log_in


def alone(registration: Registration) -> bool:
    return Registration.objects.filter(person_key=registration.person_key).count() == 1


@pytest.mark.django_db(transaction=True)
def test_upload_person_review_split_and_join(
    page: Page, live_server: LiveServer, tmp_path: Path
) -> None:
    cast = make_cast()
    load(tmp_path, 120)
    rebuild()
    original, stranger = [r for r in registered_people(40) if alone(r)][:2]
    issue_source(name="Opvang West", kind="shelter")
    upload_file = tmp_path / "opvang.csv"
    upload_file.write_bytes(copies_csv([original], prefix="west-"))
    # An uncertain pair of the person with somebody else, for the review.
    threshold = LinkageRun.objects.get().link_threshold
    CandidatePair.objects.filter(left=original, right=stranger).delete()
    CandidatePair.objects.create(
        left=original,
        right=stranger,
        match_probability=threshold - 0.05,
        levels={"name": "same surname, other given name", "sex": "same sex"},
    )

    log_in(page, live_server.url, cast.analyst)
    page.get_by_role("link", name="Registratiecentrum", exact=True).click()
    count = page.locator("[data-figure=persons]")
    persons = int(count.inner_text())

    # Upload: linked at once, the count does not rise.
    page.get_by_role("link", name="Registraties uploaden (CSV)").click()
    page.get_by_label("Bron").select_option(label="Opvang West")
    page.get_by_label("CSV-bestand (gemaakt met baken pseudonymise)").set_input_files(upload_file)
    page.get_by_role("button", name="Uploaden").click()
    expect(page.get_by_text(f"het registratiecentrum telt nu {persons} personen")).to_be_visible()
    copy = Registration.objects.get(idempotency_key="csv:west-0")

    # The person: both registrations, the evidence of their link in words.
    page.get_by_role("link", name=f"Persoon van {copy.reference}").click()
    expect(page.locator("[data-person-size]")).to_have_attribute("data-person-size", "2")
    expect(page.locator(f'[data-registration="{original.reference}"]')).to_be_visible()
    expect(page.get_by_text("Opvang West").first).to_be_visible()
    expect(page.get_by_text("sterke aanwijzing voor dezelfde persoon").first).to_be_visible()

    # Review the uncertain pair from the person: different people.
    page.get_by_role("link", name=f"{original.reference} / {stranger.reference}").click()
    expect(page.get_by_role("heading", name="Zelfde persoon?")).to_be_visible()
    expect(page.get_by_text("zelfde achternaam, andere voornaam")).to_be_visible()
    page.get_by_role("button", name="Verschillende personen").click()
    expect(page.get_by_text("Vastgelegd: verschillende personen.")).to_be_visible()
    page.goto(f"{live_server.url}/registry/review/{original.reference}/{stranger.reference}/")
    expect(page.get_by_text("Dit paar hoort niet meer bij de twijfelgevallen:")).to_be_visible()

    # Split the link of the upload: one more person.
    page.get_by_role("link", name=f"de persoon van {original.reference}").click()
    left, right = sorted([original, copy], key=lambda r: r.pk)
    page.get_by_role(
        "button", name=f"Niet dezelfde persoon: {left.reference} en {right.reference} splitsen"
    ).click()
    expect(page.get_by_text("zijn verschillende personen")).to_be_visible()
    expect(page.locator("[data-person-size]")).to_have_attribute("data-person-size", "1")
    page.get_by_role("link", name="Registratiecentrum", exact=True).first.click()
    expect(count).to_have_text(str(persons + 1))

    # Join them again from the person of the upload.
    page.goto(f"{live_server.url}/registry/persons/{copy.reference}/")
    page.get_by_label("Kenmerk van een registratie").fill(original.reference)
    page.get_by_role("button", name="Dezelfde persoon: samenvoegen").click()
    expect(page.locator("[data-person-size]")).to_have_attribute("data-person-size", "2")
    page.get_by_role("link", name="Registratiecentrum", exact=True).first.click()
    expect(count).to_have_text(str(persons))

    # Statistics and the estimate: from the release made after the last decision, with the same
    # number of persons, protected, and the estimate of the unregistered explained in words.
    page.get_by_role("link", name="Cijfers", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Cijfers")
    expect(page.get_by_text("Elke tabel is beschermd")).to_be_visible()
    expect(page.locator("p", has_text="Geteld op")).to_contain_text(f"{persons} personen uit")
    page.get_by_role("link", name="Schatting van niet-geregistreerde slachtoffers").click()
    expect(page.get_by_role("heading", name="Methode")).to_be_visible()
    expect(page.locator("[data-figure=registered]").first).to_be_visible()
