"""The registrar's pages: who consents (by name, from the file), what goes to the registry on each
route said truthfully, each person's answer, the officer's confirmation, objections and
withdrawals, and the youth's page showing what each registration rests on."""

from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from baken.accounts.models import User
from baken.cases.models import Youth
from baken.cases.testing import make_youth
from baken.registration.models import (
    Disclosure,
    DisclosureStatus,
    OutboundRegistration,
    RegistrationPolicy,
    Route,
)
from baken.registration.testing import add_parents, open_task
from baken.testing import Cast

pytestmark = pytest.mark.django_db
ClientFor = Callable[[User], Client]


@pytest.fixture(autouse=True)
def pseudonym_key(settings: Any) -> None:
    settings.BAKEN_PSEUDONYM_KEY = "the-key-shared-by-registering-organisations-42"


@pytest.fixture
def youth(cast: Cast) -> Youth:
    """14 years old, with two parents with parental authority and one without."""
    born = timezone.localdate().replace(year=timezone.localdate().year - 14, day=1)
    youth = make_youth(cast.worker_a, teams=[cast.team_a1], born=born.isoformat())
    add_parents(youth, cast.worker_a, "Marieke Bakker", "Ahmed Bakker")
    add_parents(youth, cast.worker_a, "Johan de Vries", with_authority=False)
    return youth


def answers(youth: Youth, decision: str = "given", **changes: str) -> dict[str, str]:
    data = {
        "decision": "consent",
        "forms_of_exploitation": "criminal",
        "party_youth": decision,
        "party_youth_on": timezone.localdate().isoformat(),
    }
    for guardian in youth.guardians.filter(has_parental_authority=True):
        data[f"party_guardian_{guardian.pk}"] = decision
        data[f"party_guardian_{guardian.pk}_on"] = timezone.localdate().isoformat()
    return {**data, **changes}


def test_the_page_names_who_consents_and_says_truthfully_what_goes(
    client_for: ClientFor, cast: Cast, youth: Youth
) -> None:
    task = open_task(youth)

    page = client_for(cast.officer_a).get(reverse("registration:task", args=[task.pk]))

    text = page.content.decode()
    assert "Marieke Bakker (Ouder met gezag)" in text and "Ahmed Bakker (Ouder met gezag)" in text
    assert "Lisa de Boer (De jongere)" in text
    assert "Johan de Vries" not in text.split("Wie geeft toestemming")[1].split("</section>")[0]
    assert "versleutelde sleutels" in text.lower() or "Versleutelde sleutels" in text
    assert "het blijven dus persoonsgegevens" in text
    assert "onherleidbare telling" in text and "niet herleidbaar" not in text
    assert f'name="party_guardian_{youth.guardians.first().pk}"' in text  # type: ignore[union-attr]


def test_consent_of_the_youth_and_both_parents_registers(
    client_for: ClientFor, cast: Cast, youth: Youth
) -> None:
    task = open_task(youth)
    client = client_for(cast.officer_a)

    response = client.post(reverse("registration:task", args=[task.pk]), answers(youth))

    assert response["Location"] == reverse("home:youth", args=[youth.pseudonym])
    disclosure = Disclosure.objects.get(youth=youth)
    assert disclosure.route == Route.CONSENT and disclosure.parties.count() == 3
    page = client.get(reverse("home:youth", args=[youth.pseudonym])).content.decode()
    assert "AVG art. 6 lid 1 sub a: toestemming" in page
    assert "AVG art. 9 lid 2 sub a: uitdrukkelijke toestemming" in page
    assert "Marieke Bakker (Ouder met gezag): Toestemming gegeven" in page
    assert "pseudonymised_statistics" not in page


def test_a_missing_answer_is_shown_on_the_field_and_nothing_is_stored(
    client_for: ClientFor, cast: Cast, youth: Youth
) -> None:
    task = open_task(youth)
    father = youth.guardians.filter(has_parental_authority=True).order_by("pk").last()
    assert father is not None

    response = client_for(cast.officer_a).post(
        reverse("registration:task", args=[task.pk]),
        answers(youth, **{f"party_guardian_{father.pk}": ""}),
    )

    assert response.status_code == 200
    assert response.context["form"].errors[f"party_guardian_{father.pk}"] == [
        "Leg het antwoord van deze persoon vast."
    ]
    assert not Disclosure.objects.exists() and not OutboundRegistration.objects.exists()


def test_a_refusal_queues_only_the_count(client_for: ClientFor, cast: Cast, youth: Youth) -> None:
    task = open_task(youth)
    client_for(cast.officer_a).post(
        reverse("registration:task", args=[task.pk]), answers(youth, party_youth="refused")
    )
    outbound = OutboundRegistration.objects.get()
    assert outbound.dossier_type == "count_only" and "pseudonyms" not in outbound.payload


def test_the_worker_proposes_and_the_officer_confirms_the_exception(
    client_for: ClientFor, cast: Cast, youth: Youth
) -> None:
    RegistrationPolicy.objects.create(organisation=cast.institution_a, registrar="youth_worker")
    task = open_task(youth)
    worker = client_for(cast.worker_a)
    proposal_data = {
        "decision": "exception",
        "forms_of_exploitation": "criminal",
        "exception_reason_kind": "not_reachable",
        "exception_reason": "Jongere drie weken vermist; ouders onbereikbaar in het buitenland.",
    }

    response = worker.post(reverse("registration:task", args=[task.pk]), proposal_data)

    assert response["Location"] == reverse("registration:task", args=[task.pk])
    assert "Wacht op bevestiging" in worker.get(response["Location"]).content.decode()
    assert not OutboundRegistration.objects.exists()
    proposal = Disclosure.objects.get(status=DisclosureStatus.PROPOSED)
    assert (
        worker.post(
            reverse("registration:proposal", args=[proposal.pk]), {"answer": "confirm"}
        ).status_code
        == 403
    )

    officer = client_for(cast.officer_a)
    assert (
        reverse("registration:proposal", args=[proposal.pk])
        in officer.get(reverse("registration:task", args=[task.pk])).content.decode()
    )
    officer.post(reverse("registration:proposal", args=[proposal.pk]), {"answer": "confirm"})

    proposal.refresh_from_db()
    assert proposal.status == DisclosureStatus.DECIDED and proposal.confirmed_by == cast.officer_a
    assert OutboundRegistration.objects.get().dossier_type == "statistical"
    page = officer.get(reverse("home:youth", args=[youth.pseudonym])).content.decode()
    assert "Verstrekking zonder toestemming (BW 7:458 lid 3)" in page


def test_an_objection_on_the_task_page_sends_only_the_count(
    client_for: ClientFor, cast: Cast, youth: Youth
) -> None:
    task = open_task(youth)
    client_for(cast.officer_a).post(
        reverse("registration:task", args=[task.pk]),
        {
            "decision": "objection",
            "forms_of_exploitation": "criminal",
            "objection_by": "youth",
            "objection_on": timezone.localdate().isoformat(),
        },
    )
    assert OutboundRegistration.objects.get().dossier_type == "count_only"
    assert youth.objections.get().role == "youth"


def test_an_objection_recorded_later_withdraws_the_registration(
    client_for: ClientFor, cast: Cast, youth: Youth
) -> None:
    task = open_task(youth)
    client = client_for(cast.worker_a)
    client_for(cast.officer_a).post(reverse("registration:task", args=[task.pk]), answers(youth))
    mother = youth.guardians.filter(has_parental_authority=True).order_by("pk").first()
    assert mother is not None

    client.post(
        reverse("registration:objection", args=[youth.pseudonym]),
        {"objection_by": f"guardian_{mother.pk}", "objected_on": timezone.localdate().isoformat()},
    )

    registration = Disclosure.objects.get(youth=youth, route=Route.CONSENT)
    assert registration.status == DisclosureStatus.WITHDRAWN
    assert registration.registration.status == "cancelled"  # type: ignore[union-attr]
    assert youth.objections.get().guardian == mother


def test_consent_withdrawn_from_the_youth_s_page(
    client_for: ClientFor, cast: Cast, youth: Youth
) -> None:
    task = open_task(youth)
    officer = client_for(cast.officer_a)
    officer.post(reverse("registration:task", args=[task.pk]), answers(youth))
    party = Disclosure.objects.get(youth=youth).parties.get(role="youth")
    page = officer.get(reverse("home:youth", args=[youth.pseudonym])).content.decode()
    assert reverse("registration:withdraw_consent", args=[party.pk]) in page

    officer.post(
        reverse("registration:withdraw_consent", args=[party.pk]),
        {"withdrawn_on": timezone.localdate().isoformat()},
    )

    party.refresh_from_db()
    assert party.withdrawn_on == timezone.localdate()
    assert Disclosure.objects.get(youth=youth, route=Route.CONSENT).status == "withdrawn"
