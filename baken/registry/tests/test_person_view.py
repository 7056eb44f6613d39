"""The analyst's person view: the registrations linked into one person with their sources and
dates, the evidence per link in words, the clerical decisions; splitting a link or joining
another person from there, as decisions that survive a re-link, each with its audit row."""

from collections.abc import Callable
from pathlib import Path

import pytest
from django.http import Http404
from django.test import Client
from django.urls import reverse

from baken.accounts.models import User
from baken.audit.models import AuditEntry, AuditEvent, AuditOutcome
from baken.registry.access import get_person_of_registration_for_user
from baken.registry.link_evidence import Verdict, link_evidence
from baken.registry.models import (
    CandidatePair,
    LinkageRun,
    PairDecision,
    Registration,
    RegistrationStatus,
)
from baken.registry.persons import decide_pair, rebuild, recluster
from baken.registry.tests.clerical_data import MODEL, registration, trained_run
from baken.registry.tests.test_linking import load
from baken.testing import Cast

pytestmark = pytest.mark.django_db
ClientFor = Callable[[User], Client]
SAME = {"name": "same name", "birth": "same date of birth", "sex": "same sex"}


def person_url(r: Registration, view: str = "person") -> str:
    return reverse(f"registry:{view}", kwargs={"reference": r.reference})


def persons() -> int:
    return Registration.objects.active().values("person_key").distinct().count()


def test_the_person_shows_its_registrations_evidence_and_decisions(
    client_for: ClientFor, cast: Cast
) -> None:
    trained_run(threshold=0.8)
    a = registration("Politie Rotterdam", 1, forms=["sexual-cross-border"])
    b = registration("Zorgcoördinatie Rijnmond", 2)
    c = registration("Opvang Zuid", 3, sex="unknown")
    other = registration("Politie Rotterdam", 4)
    CandidatePair.objects.create(left=a, right=b, match_probability=0.97, levels=SAME)
    joined = CandidatePair.objects.create(
        left=b, right=c, match_probability=0.5, levels=SAME | {"sex": "sex differs"}
    )
    CandidatePair.objects.create(left=c, right=other, match_probability=0.6, levels=SAME)
    recluster()
    decide_pair(pair=joined, by=cast.analyst, request=None, same_person=True)

    response = client_for(cast.analyst).get(person_url(c))

    page = response.content.decode()
    assert response.context["summary"].registrations == [a, b, c]
    for r in (a, b, c):
        assert f'data-registration="{r.reference}"' in page
    assert f'data-registration="{other.reference}"' not in page
    assert "Zorgcoördinatie Rijnmond" in page and "Opvang Zuid" in page
    assert "vrouw" in page and "female" not in page  # labels, not codes
    assert "sexual-cross-border" not in page
    # The evidence of each link, in words, with the model's weight.
    assert "zelfde naam" in page and "zelfde geboortedatum" in page
    assert "sterke aanwijzing voor dezelfde persoon" in page and "+10,6" in page
    assert "geslacht verschilt" not in page  # female vs unknown: unknown, not a disagreement
    assert "Gekoppeld door een beslissing van" in page
    assert 'data-decision="same"' in page
    # The uncertain pair with a registration outside the person is on the page to review.
    review = reverse(
        "registry:review_pair",
        kwargs={"reference_a": c.reference, "reference_b": other.reference},
    )
    assert review in page
    read = AuditEntry.objects.get(object_type="person", event=AuditEvent.READ)
    assert read.object_id == c.reference and read.user == cast.analyst


def test_split_and_join_are_decisions_that_survive_a_rebuild(
    tmp_path: Path, client_for: ClientFor, cast: Cast
) -> None:
    load(tmp_path, 300)
    rebuild()
    threshold = LinkageRun.objects.get().link_threshold
    pair = next(
        p
        for p in CandidatePair.objects.filter(match_probability__gte=threshold).select_related(
            "left", "right"
        )
        if Registration.objects.filter(person_key=p.left.person_key).count() == 2
    )
    left, right = pair.left, pair.right
    before = persons()
    analyst = client_for(cast.analyst)
    page = analyst.get(person_url(left)).content.decode()
    assert f'data-link="{left.reference}/{right.reference}"' in page

    analyst.post(person_url(left, "split_link"), {"left": left.reference, "right": right.reference})

    pair.refresh_from_db()
    assert pair.decision == PairDecision.DIFFERENT and pair.decided_by == cast.analyst
    assert persons() == before + 1
    assert AuditEntry.objects.filter(
        object_type="candidate_pair", object_id=str(pair.pk), event=AuditEvent.UPDATE
    ).exists()
    rebuild()
    assert persons() == before + 1
    left.refresh_from_db()
    right.refresh_from_db()
    assert left.person_key != right.person_key

    analyst.post(person_url(left, "join_person"), {"reference": right.reference.lower()})

    assert CandidatePair.objects.get(pk=pair.pk).decision == PairDecision.SAME
    assert persons() == before
    rebuild()
    assert persons() == before
    assert (
        Registration.objects.get(pk=left.pk).person_key
        == Registration.objects.get(pk=right.pk).person_key
    )


def test_joining_two_persons_the_model_never_compared(client_for: ClientFor, cast: Cast) -> None:
    a, b = registration("Politie Utrecht", 1), registration("KMar", 2)
    recluster()
    before = persons()
    analyst = client_for(cast.analyst)

    analyst.post(person_url(a, "join_person"), {"reference": b.reference})

    pair = CandidatePair.objects.get(left=a, right=b)
    assert pair.decision == PairDecision.SAME and persons() == before - 1
    again = analyst.post(person_url(a, "join_person"), {"reference": b.reference}, follow=True)
    assert "Deze registraties horen al bij één persoon." in again.content.decode()
    itself = analyst.post(person_url(a, "join_person"), {"reference": a.reference}, follow=True)
    assert "niet met zichzelf" in itself.content.decode()
    unknown = analyst.post(person_url(a, "join_person"), {"reference": "R-AAAAA-BBBBB"})
    assert unknown.status_code == 404


def test_the_person_is_found_by_a_registration_reference(client_for: ClientFor, cast: Cast) -> None:
    a = registration("Politie Utrecht", 1)
    analyst = client_for(cast.analyst)

    found = analyst.get(reverse("registry:person_lookup"), {"reference": a.reference.lower()})

    assert found.status_code == 302 and found["Location"] == person_url(a)
    wrong = analyst.get(reverse("registry:person_lookup"), {"reference": "P17"})
    assert "Een kenmerk ziet eruit als" in wrong.content.decode()
    overview = analyst.get(reverse("registry:overview")).content.decode()
    assert reverse("registry:person_lookup") in overview


@pytest.mark.parametrize(
    ("user_name", "status"),
    [
        ("analyst", 200),
        ("worker_a", 403),
        ("officer_a", 403),
        ("privacy_officer", 403),
        ("admin_b", 403),
    ],
)
def test_only_registry_analysts_see_a_person(
    client_for: ClientFor, cast: Cast, user_name: str, status: int
) -> None:
    a = registration("Politie Utrecht", 1)
    recluster()
    user = getattr(cast, user_name)

    assert client_for(user).get(person_url(a)).status_code == status
    if status != 200:
        with pytest.raises(Http404):
            get_person_of_registration_for_user(user, a.reference, request=None)
        assert AuditEntry.objects.filter(
            object_type="person", user=user, outcome=AuditOutcome.DENIED
        ).exists()


def test_a_withdrawn_registration_belongs_to_no_person(cast: Cast) -> None:
    a = registration("Politie Utrecht", 1, status=RegistrationStatus.WITHDRAWN)
    with pytest.raises(Http404):
        get_person_of_registration_for_user(cast.analyst, a.reference, request=None)


def test_the_evidence_of_a_level_is_its_weight_in_words() -> None:
    evidence = link_evidence(
        MODEL,
        {"name": "same name", "birth": "dates differ", "sex": "sex differs"},
        sexes=("male", "female"),
    )
    name, birth, sex = evidence
    assert name.verdict == Verdict.STRONG_FOR and name.weight == pytest.approx(10.64, abs=0.01)
    assert birth.verdict == Verdict.STRONG_AGAINST
    assert sex.verdict == Verdict.STRONG_AGAINST
    unknown = link_evidence(MODEL, {"sex": "sex differs"}, sexes=("male", "unknown"))[0]
    assert unknown.verdict == Verdict.UNKNOWN and unknown.weight is None
    missing = link_evidence(MODEL, {"name": "name missing"})[0]
    assert missing.verdict == Verdict.UNKNOWN
