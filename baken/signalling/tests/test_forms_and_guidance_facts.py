"""The catalogue states the law as it is: which bill names the newer forms, and that every form of
exploitation of a minor falls under the meldcode (shown on the signal form)."""

from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse

from baken.accounts.models import User
from baken.cases.testing import make_youth
from baken.signalling.models import ExploitationForm, IndicatorCatalogue
from baken.testing import Cast

pytestmark = pytest.mark.django_db


def test_the_newer_forms_are_credited_to_bill_36_835_and_already_covered_by_273f() -> None:
    for code in ("forced-marriage", "surrogacy", "illegal-adoption"):
        form = ExploitationForm.objects.get(code=code)
        assert "36 835" in form.note_nl and "36 835" in form.note_en
        assert "273f" in form.note_en
        assert "Toegevoegd door wetsvoorstel Kamerstuk 36 547" not in form.note_nl


def test_the_signal_form_says_every_form_of_exploitation_of_a_minor_falls_under_the_meldcode(
    cast: Cast, client_for: Callable[[User], Client]
) -> None:
    catalogue = IndicatorCatalogue.objects.get(is_current=True)
    assert catalogue.version == "2026.2"
    youth = make_youth(cast.worker_a, teams=[cast.team_a1])
    page = client_for(cast.worker_a).get(reverse("signalling:record", args=[youth.pseudonym]))
    assert "elke vorm van uitbuiting" in page.content.decode()
