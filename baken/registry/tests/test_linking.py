"""Linking the registry's own registrations: persons across sources, decisions kept across a
re-link, and a new registration linked on arrival."""

from collections.abc import Callable
from contextlib import AbstractContextManager
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from django.core.management import call_command

from baken.registry.models import CandidatePair, LinkageRun, Registration
from baken.registry.persons import decide_pair, recluster, uncertain_pairs
from baken.registry.record_linkage import pairwise_scores
from baken.registry.schemas import RegistrationIn
from baken.registry.services import receive_registration
from baken.registry.tests.test_linkage import pseudonymised
from baken.registry.tokens import issue_source
from baken.registry.upload import import_csv
from baken.testing import Cast

pytestmark = pytest.mark.django_db


def load(tmp_path: Path, records: int) -> pd.DataFrame:
    """Registrations from synthetic people, each uploaded by its own source; returns the truth
    with the registry's id of each record."""
    pseudo, truth_path = pseudonymised(tmp_path, records, seed=11)
    frame = pd.read_csv(pseudo, dtype=str, keep_default_na=False)
    for name, rows in frame.groupby("source"):
        source, _token = issue_source(name=str(name), kind="other")
        import_csv(
            source=source,
            content=rows.to_csv(index=False).encode(),
            default_forms=["labour"],
            default_reported_on=date(2026, 10, 1),
        )
    truth = pd.read_csv(truth_path, dtype=str)
    ids = {
        key.removeprefix("csv:"): str(pk)
        for pk, key in Registration.objects.values_list("pk", "idempotency_key")
    }
    truth["record_id"] = truth["record_id"].map(ids)
    truth["source"] = frame.set_index("record_id").loc[list(ids), "source"].to_numpy()
    return truth


def persons() -> int:
    return Registration.objects.values("person_key").distinct().count()


def clusters() -> pd.DataFrame:
    return pd.DataFrame(
        [(str(pk), key) for pk, key in Registration.objects.values_list("pk", "person_key")],
        columns=["record_id", "cluster_id"],
    )


def test_a_rebuild_links_registrations_of_one_person_across_sources(tmp_path: Path) -> None:
    truth = load(tmp_path, 600)
    assert not Registration.objects.filter(person_key__gt="").exists()  # uploads wait

    call_command("link", rebuild=True, stdout=open("/dev/null", "w"))  # noqa: SIM115

    run = LinkageRun.objects.get()
    assert run.records == 600 and run.persons == persons()
    assert run.model["comparisons"]
    precision, _recall, f1 = pairwise_scores(clusters(), truth)
    assert precision > 0.97 and f1 > 0.9
    # Somebody registered by three different sources, without errors, is one person.
    by_person = truth.groupby("person_id")
    clean_three = [
        rows["record_id"]
        for _person, rows in by_person
        if rows["source"].nunique() >= 3 and _one_full_key(rows["record_id"])
    ]
    assert clean_three
    for ids in clean_three:
        keys = set(Registration.objects.filter(pk__in=ids).values_list("person_key", flat=True))
        assert len(keys) == 1


def _one_full_key(ids: pd.Series) -> bool:
    keys = set(Registration.objects.filter(pk__in=ids).values_list("k_full", flat=True))
    return len(keys) == 1 and "" not in keys


def test_decisions_change_the_persons_and_survive_a_rebuild(tmp_path: Path, cast: Cast) -> None:
    load(tmp_path, 300)
    call_command("link", rebuild=True, stdout=open("/dev/null", "w"))  # noqa: SIM115
    before = persons()
    sizes = Registration.objects.values("person_key")
    pair = next(
        p
        for p in CandidatePair.objects.filter(match_probability__gte=0.9).select_related(
            "left", "right"
        )
        if sizes.filter(person_key=p.left.person_key).count() == 2
    )
    decide_pair(pair=pair, by=cast.analyst, request=None, same_person=False)
    assert persons() == before + 1

    call_command("link", rebuild=True, stdout=open("/dev/null", "w"))  # noqa: SIM115
    pair.refresh_from_db()
    assert pair.decision == "different"
    assert persons() == before + 1

    decide_pair(pair=pair, by=cast.analyst, request=None, same_person=True)
    assert persons() == before


def test_a_new_registration_is_linked_on_arrival(
    tmp_path: Path,
    django_capture_on_commit_callbacks: Callable[..., AbstractContextManager[object]],
) -> None:
    load(tmp_path, 300)
    call_command("link", rebuild=True, stdout=open("/dev/null", "w"))  # noqa: SIM115
    known = Registration.objects.exclude(k_full="").first()
    assert known is not None
    source, _token = issue_source(name="Politie Oost-Nederland", kind="police")
    pseudonyms = {
        name: getattr(known, name)
        for name in RegistrationIn.model_fields["pseudonyms"].annotation.model_fields  # type: ignore[union-attr]
    }
    data = RegistrationIn.model_validate(
        {
            "dossier_type": "statistical",
            "pseudonyms": pseudonyms,
            "birth_year": known.birth_year,
            "sex": known.sex,
            "forms": ["criminal"],
            "reported_on": "2026-11-01",
        }
    )
    with django_capture_on_commit_callbacks(execute=True):
        arrived, created = receive_registration(source=source, idempotency_key="new-1", data=data)
    assert created
    arrived.refresh_from_db()
    assert arrived.person_key == Registration.objects.get(pk=known.pk).person_key
    assert (
        CandidatePair.objects.filter(right=arrived).exists()
        or CandidatePair.objects.filter(left=arrived).exists()
    )


def test_without_a_trained_model_a_new_registration_is_its_own_person(
    django_capture_on_commit_callbacks: Callable[..., AbstractContextManager[object]],
) -> None:
    source, _token = issue_source(name="KMar", kind="police")
    data = RegistrationIn.model_validate(
        {
            "dossier_type": "statistical",
            "pseudonyms": {"key_version": "k1", "k_full": "ab" * 16},
            "sex": "female",
            "forms": ["labour"],
            "reported_on": "2026-11-01",
        }
    )
    with django_capture_on_commit_callbacks(execute=True):
        registration, _created = receive_registration(
            source=source, idempotency_key="k-1", data=data
        )
    registration.refresh_from_db()
    assert registration.person_key == f"P{registration.pk}"


def test_an_analyst_opens_a_person_and_the_read_is_logged(cast: Cast) -> None:
    from django.http import Http404

    from baken.audit.models import AuditEntry, AuditOutcome
    from baken.registry.access import get_person_for_user
    from baken.registry.tokens import issue_source

    source = issue_source(name="Politie", kind="police")[0]
    for n in (1, 2):
        Registration.objects.create(
            source=source,
            idempotency_key=f"p-{n}",
            dossier_type="statistical",
            key_version="k1",
            k_name="samenaam",
            birth_year=2008,
            sex="female",
            forms=["labour"],
            reported_on=date(2025, 5, 1),
            person_key="P1",
        )

    assert len(get_person_for_user(cast.analyst, "P1", request=None)) == 2
    with pytest.raises(Http404):
        get_person_for_user(cast.worker_a, "P1", request=None)  # an institution's staff
    entries = AuditEntry.objects.filter(object_type="person", object_id="P1")
    assert {(e.user, e.outcome) for e in entries} == {
        (cast.analyst, AuditOutcome.SUCCESS),
        (cast.worker_a, AuditOutcome.DENIED),
    }


def test_a_variant_arriving_later_joins_its_person(
    tmp_path: Path,
    django_capture_on_commit_callbacks: Callable[..., AbstractContextManager[object]],
) -> None:
    """Registered by the police as Zhenya Dashenko born 19 May 2007; later a shelter registers
    Zjenja Dasjenko, born in 2007 (written as 1 January): linked on arrival."""
    load(tmp_path, 300)
    people = tmp_path / "two.csv"
    people.write_text(
        "record_id,source,given_name,surname,date_of_birth,sex,nationality,country_of_birth\n"
        "z1,police,Zhenya,Dashenko,2007-05-19,f,UA,UA\n"
        "z2,shelter,Zjenja,Dasjenko,2007-01-01,f,,UA\n",
        encoding="utf-8",
    )
    (tmp_path / "key.txt").write_text("a-key-for-this-test-0123456789-abcdefgh", encoding="utf-8")
    call_command(
        "pseudonymise",
        key_file=tmp_path / "key.txt",
        input=people,
        output=tmp_path / "two_pseudo.csv",
        stdout=open("/dev/null", "w"),  # noqa: SIM115
    )
    rows = pd.read_csv(tmp_path / "two_pseudo.csv", dtype=str, keep_default_na=False)
    police, _token = issue_source(name="Politie Midden-Nederland", kind="police")
    import_csv(
        source=police,
        content=rows.iloc[[0]].to_csv(index=False).encode(),
        default_forms=["labour"],
        default_reported_on=date(2026, 10, 1),
    )
    call_command("link", rebuild=True, stdout=open("/dev/null", "w"))  # noqa: SIM115
    first = Registration.objects.get(idempotency_key="csv:z1")

    shelter, _token = issue_source(name="Opvang Zuid", kind="shelter")
    second = rows.iloc[1].to_dict()
    fields = RegistrationIn.model_fields["pseudonyms"].annotation.model_fields  # type: ignore[union-attr]
    data = RegistrationIn.model_validate(
        {
            "dossier_type": "statistical",
            "pseudonyms": {name: second[name] for name in fields},
            "birth_year": int(second["birth_year"]),
            "sex": second["sex"],
            "forms": ["labour"],
            "reported_on": "2026-11-01",
        }
    )
    with django_capture_on_commit_callbacks(execute=True):
        arrived, _created = receive_registration(source=shelter, idempotency_key="z2", data=data)
    arrived.refresh_from_db()
    assert arrived.person_key == Registration.objects.get(pk=first.pk).person_key


def test_the_threshold_the_model_chose_splits_links_from_the_review_band(tmp_path: Path) -> None:
    load(tmp_path, 40)
    call_command("link", rebuild=True, stdout=open("/dev/null", "w"))  # noqa: SIM115
    run = LinkageRun.objects.get()
    assert 0.5 <= run.link_threshold < 1 and run.expected_precision is not None
    CandidatePair.objects.all().delete()
    a, b, c, d = Registration.objects.order_by("pk")[:4]
    Registration.objects.filter(pk__in=[a.pk, b.pk, c.pk, d.pk]).update(
        birth_year=None, k_dob="", k_dob_unordered="", k_dob_next_day="", k_dob_next_year=""
    )  # no dates that could keep them apart
    run.link_threshold = 0.9
    run.save()
    likely = CandidatePair.objects.create(left=a, right=b, match_probability=0.95, levels={})
    unsure = CandidatePair.objects.create(left=c, right=d, match_probability=0.85, levels={})
    recluster()

    assert list(uncertain_pairs()) == [unsure]
    keys = dict(
        Registration.objects.filter(pk__in=[a.pk, b.pk, c.pk, d.pk]).values_list("pk", "person_key")
    )
    assert keys[a.pk] == keys[b.pk] and keys[c.pk] != keys[d.pk]
    assert likely not in uncertain_pairs()
