"""Saving a signal of high concern ("Hoog: nu handelen") leads to the next steps: consult the
designated officer now (the request prefilled), start the meldcode, Veilig Thuis (national and
the region's from the partner directory) and 112."""

from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from baken.accounts.models import Division, Region, User
from baken.cases.models import Youth
from baken.cases.testing import make_youth
from baken.partners.models import Partner, PartnerKind
from baken.signalling.models import Consultation, Indicator, Signal
from baken.testing import Cast

pytestmark = pytest.mark.django_db

ClientFor = Callable[[User], Client]


def _municipality_with_veilig_thuis() -> tuple[Region, Region]:
    municipality = Region.objects.filter(
        division=Division.MUNICIPALITY, containing_regions__division=Division.VEILIG_THUIS
    ).first()
    assert municipality is not None
    region = municipality.containing_regions.get(division=Division.VEILIG_THUIS)
    return municipality, region


def _post_signal(client: Client, youth: Youth, concern: str) -> object:
    return client.post(
        reverse("signalling:record", args=[youth.pseudonym]),
        {
            "observed_on": timezone.localdate().isoformat(),
            "context": "living_group",
            "source": "seen",
            "note": "Wordt opgehaald door een oudere man in een dure auto.",
            "indicators": [
                Indicator.objects.get(catalogue__is_current=True, code="s-picked-up").pk
            ],
            "concern": concern,
        },
    )


def test_a_high_signal_leads_to_the_next_steps_with_the_regions_veilig_thuis(
    client_for: ClientFor, cast: Cast
) -> None:
    municipality, region = _municipality_with_veilig_thuis()
    youth = make_youth(cast.worker_a, teams=[cast.team_a1])
    Youth.objects.filter(pk=youth.pk).update(municipality=municipality)
    Partner.objects.create(
        kind=PartnerKind.VEILIG_THUIS, name="Veilig Thuis Testregio", region=region, phone="088-123"
    )
    client = client_for(cast.worker_a)

    response = _post_signal(client, youth, "high")

    signal = Signal.objects.get()
    assert response.url == reverse("home:next_steps", args=[signal.pk])  # type: ignore[attr-defined]
    page = client.get(response.url).content.decode()  # type: ignore[attr-defined]
    assert "tel:112" in page and "tel:08002000" in page
    assert "Veilig Thuis Testregio" in page and "088-123" in page
    assert f'action="{reverse("meldcode:start", args=[youth.pseudonym])}"' in page
    assert f'name="signal" value="{signal.pk}"' in page
    assert f'<option value="{cast.officer_a.pk}" selected>' in page  # the designated officer
    assert "Wordt opgehaald door" in page  # the question is prefilled from the signal


def test_the_next_steps_page_starts_a_consultation_with_the_officer(
    client_for: ClientFor, cast: Cast
) -> None:
    youth = make_youth(cast.worker_a, teams=[cast.team_a1])
    client = client_for(cast.worker_a)
    _post_signal(client, youth, "high")

    response = client.post(
        reverse("signalling:consult", args=[youth.pseudonym]),
        {"addressed_to": cast.officer_a.pk, "question": "Nu overleggen?"},
    )

    assert response.status_code == 302
    consultation = Consultation.objects.get()
    assert consultation.youth == youth and consultation.addressed_to == cast.officer_a


def test_without_a_municipality_the_organisations_veilig_thuis_region_is_used(
    client_for: ClientFor, cast: Cast
) -> None:
    _municipality, region = _municipality_with_veilig_thuis()
    cast.worker_a.organisation.regions.add(region)  # type: ignore[union-attr]
    Partner.objects.create(
        kind=PartnerKind.VEILIG_THUIS, name="VT van de instelling", region=region
    )
    youth = make_youth(cast.worker_a, teams=[cast.team_a1])
    client = client_for(cast.worker_a)
    _post_signal(client, youth, "high")

    page = client.get(reverse("home:next_steps", args=[Signal.objects.get().pk]))

    assert "VT van de instelling" in page.content.decode()


def test_a_signal_of_medium_concern_returns_to_the_youths_page(
    client_for: ClientFor, cast: Cast
) -> None:
    youth = make_youth(cast.worker_a, teams=[cast.team_a1])

    response = _post_signal(client_for(cast.worker_a), youth, "medium")

    assert response.url == reverse("home:youth", args=[youth.pseudonym])  # type: ignore[attr-defined]


def test_a_worker_of_another_organisation_gets_404_for_the_next_steps(
    client_for: ClientFor, cast: Cast
) -> None:
    youth = make_youth(cast.worker_a, teams=[cast.team_a1])
    _post_signal(client_for(cast.worker_a), youth, "high")
    signal = Signal.objects.get()

    response = client_for(cast.worker_b).get(reverse("home:next_steps", args=[signal.pk]))

    assert response.status_code == 404
