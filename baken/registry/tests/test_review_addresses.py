"""A pair under review is addressed by its two registrations, so its page survives a re-link
(which renumbers the pairs); a pair that has left the review band says so plainly, with the
way to the person or persons."""

from collections.abc import Callable
from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse

from baken.accounts.models import User
from baken.audit.models import AuditEntry, AuditOutcome
from baken.registry.models import CandidatePair, Registration, RegistrationStatus
from baken.registry.persons import rebuild, recluster, uncertain_pairs
from baken.registry.tests.clerical_data import registration, trained_run
from baken.registry.tests.test_linking import load
from baken.testing import Cast

pytestmark = pytest.mark.django_db
ClientFor = Callable[[User], Client]
NOT_IN_REVIEW = "Dit paar hoort niet meer bij de twijfelgevallen:"


def address(a: Registration, b: Registration) -> str:
    return reverse(
        "registry:review_pair", kwargs={"reference_a": a.reference, "reference_b": b.reference}
    )


def person_address(r: Registration) -> str:
    return reverse("registry:person", kwargs={"reference": r.reference})


def test_a_review_address_survives_a_rebuild(
    tmp_path: Path, client_for: ClientFor, cast: Cast
) -> None:
    load(tmp_path, 300)
    rebuild()
    pair = uncertain_pairs().first()
    assert pair is not None
    url = address(pair.left, pair.right)
    analyst = client_for(cast.analyst)
    assert 'value="same"' in analyst.get(url).content.decode()

    rebuild()

    assert not CandidatePair.objects.filter(pk=pair.pk).exists()  # the row has a new number
    again = analyst.get(url)
    assert again.status_code == 200
    page = again.content.decode()
    assert 'value="same"' in page or NOT_IN_REVIEW in page
    renewed = CandidatePair.objects.get(left=pair.left, right=pair.right)
    assert renewed in uncertain_pairs() and 'value="same"' in page

    analyst.post(url, {"decision": "different"})
    decided = analyst.get(url).content.decode()
    assert NOT_IN_REVIEW in decided and "verschillende personen" in decided
    assert 'value="same"' not in decided
    assert person_address(pair.left) in decided and person_address(pair.right) in decided


def test_each_reason_for_leaving_the_review_band_is_said_plainly(
    client_for: ClientFor, cast: Cast
) -> None:
    trained_run(threshold=0.8)
    a, b, c, d, e = (registration("Politie Rotterdam", n) for n in range(1, 6))
    CandidatePair.objects.create(left=a, right=b, match_probability=0.95, levels={})
    CandidatePair.objects.create(left=c, right=d, match_probability=0.1, levels={})
    CandidatePair.objects.create(left=a, right=e, match_probability=0.6, levels={})
    recluster()
    analyst = client_for(cast.analyst)

    linked = analyst.get(address(a, b)).content.decode()
    assert NOT_IN_REVIEW in linked and "het model koppelt ze nu zelf" in linked
    assert "Beide registraties horen nu bij één persoon" in linked
    unlikely = analyst.get(address(d, c)).content.decode()  # either order
    assert "het model houdt ze nu voor verschillende personen" in unlikely
    assert "De twee registraties horen nu bij twee personen" in unlikely
    never = analyst.get(address(b, d)).content.decode()
    assert "de laatste koppeling heeft deze twee registraties niet vergeleken" in never
    assert 'value="same"' in analyst.get(address(a, e)).content.decode()
    Registration.objects.filter(pk=e.pk).update(status=RegistrationStatus.WITHDRAWN)
    gone = analyst.get(address(a, e)).content.decode()
    assert "een van de twee registraties is ingetrokken" in gone
    assert 'value="same"' not in gone
    # A decision posted on a pair that has left the band is not recorded.
    analyst.post(address(c, d), {"decision": "same"})
    assert CandidatePair.objects.get(left=c, right=d).decision == ""


def test_the_numbered_address_leads_to_the_registrations_address(
    client_for: ClientFor, cast: Cast
) -> None:
    a, b = registration("Politie Utrecht", 1), registration("Opvang Utrecht", 2)
    pair = CandidatePair.objects.create(left=a, right=b, match_probability=0.5, levels={})

    response = client_for(cast.analyst).get(
        reverse("registry:review_pair_number", kwargs={"pair_id": pair.pk})
    )

    assert response.status_code == 302 and response["Location"] == address(a, b)


def test_registrations_that_do_not_exist_give_a_404_that_is_logged(
    client_for: ClientFor, cast: Cast
) -> None:
    a = registration("Politie Utrecht", 1)
    url = reverse(
        "registry:review_pair",
        kwargs={"reference_a": a.reference, "reference_b": "R-AAAAA-BBBBB"},
    )

    assert client_for(cast.analyst).get(url).status_code == 404
    denied = AuditEntry.objects.get(object_type="candidate_pair", outcome=AuditOutcome.DENIED)
    assert denied.object_id == f"{a.reference}/R-AAAAA-BBBBB"
    assert client_for(cast.worker_a).get(address(a, a)).status_code == 403


def test_the_review_page_shows_labels_and_unknown_sex_is_no_disagreement(
    client_for: ClientFor, cast: Cast
) -> None:
    trained_run(threshold=0.8)
    a = registration("Politie Rotterdam", 1, sex="male")
    b = registration("Zorgcoördinatie Rijnmond", 2, sex="unknown")
    levels = {"name": "same name", "birth": "same year, other date", "sex": "sex differs"}
    CandidatePair.objects.create(left=a, right=b, match_probability=0.6, levels=levels)

    page = client_for(cast.analyst).get(address(a, b)).content.decode()

    assert "zelfde naam" in page and "zelfde geboortejaar, andere datum" in page
    assert "geslacht verschilt" not in page
    assert "onbekend: geen aanwijzing voor of tegen" in page
    assert ">man<" in page and ">onbekend<" in page  # labels, not "male" / "unknown"
    assert "Soort bron" in page and "Politie" in page
