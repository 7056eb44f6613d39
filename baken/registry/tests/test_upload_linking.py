"""An upload is linked on arrival: the published person count is right at once (what a full
re-link gives), not only after the night. A large upload is linked by the worker, with progress,
and retried after a failure."""

from collections.abc import Callable, Iterable
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from baken.accounts.models import User
from baken.registry import link_jobs, persons
from baken.registry.link_jobs import claim, run_due_link_jobs
from baken.registry.models import (
    LinkJob,
    LinkJobStatus,
    Registration,
    Source,
    StatisticsRelease,
)
from baken.registry.persons import rebuild
from baken.registry.schemas import Pseudonyms
from baken.registry.tests.test_linking import load
from baken.registry.tokens import issue_source
from baken.registry.upload import upload_registrations
from baken.testing import Cast

pytestmark = pytest.mark.django_db
ClientFor = Callable[[User], Client]


def copies_csv(registrations: Iterable[Registration], *, prefix: str) -> bytes:
    """A CSV as another source would upload it, registering the same people again (the same
    keyed pseudonyms, another record id and date)."""
    fields = list(Pseudonyms.model_fields)
    lines = [",".join(["record_id", *fields, "birth_year", "sex", "forms", "reported_on"])]
    for number, r in enumerate(registrations):
        values = [getattr(r, f) for f in fields]
        lines.append(
            ",".join(
                [
                    f"{prefix}{number}",
                    *values,
                    str(r.birth_year or ""),
                    r.sex,
                    ";".join(r.forms),
                    "2026-11-15",
                ]
            )
        )
    return ("\n".join(lines) + "\n").encode()


def unsaved(k_full: str, sex: str) -> Registration:
    return Registration(key_version="k1", k_full=k_full, sex=sex, forms=["labour"])


def registered_people(count: int) -> list[Registration]:
    """One registration each of `count` different persons with a full key."""
    chosen: dict[str, Registration] = {}
    for r in Registration.objects.exclude(k_full="").exclude(k_dob="").order_by("pk"):
        chosen.setdefault(r.person_key, r)
        if len(chosen) == count:
            break
    return list(chosen.values())


def published_persons() -> int:
    release = StatisticsRelease.objects.first()
    assert release is not None
    return int(release.persons)


def upload(source: Source, content: bytes, **options: Any) -> Any:
    return upload_registrations(
        source=source,
        content=content,
        default_forms=[],
        default_reported_on=timezone.localdate(),
        by=None,
        request=None,
        **options,
    )


def test_an_upload_of_registered_persons_counts_right_at_once(tmp_path: Path) -> None:
    load(tmp_path, 300)
    rebuild()
    before = published_persons()
    people = registered_people(3)
    shelter, _token = issue_source(name="Opvang Noord", kind="shelter")

    report = upload(shelter, copies_csv(people, prefix="opv-"))

    assert report.accepted == 3 and report.job.status == LinkJobStatus.DONE
    assert published_persons() == before  # no rise until the night: they were counted already
    arrived = list(Registration.objects.filter(source=shelter).order_by("pk"))
    at_once = [members(copy) for copy in arrived]
    for original, copy in zip(people, arrived, strict=True):
        assert original.pk in at_once[arrived.index(copy)]
    rebuild()
    # The full re-link puts each of them in the very same person. (It also retrains the model,
    # which on these 303 registrations links two other pairs it did not link on 300: that
    # change is the new model's, not the upload's.)
    assert [members(copy) for copy in arrived] == at_once


def members(registration: Registration) -> set[int]:
    key = Registration.objects.get(pk=registration.pk).person_key
    return set(Registration.objects.filter(person_key=key).values_list("pk", flat=True))


def test_an_upload_of_new_persons_adds_them_at_once(tmp_path: Path) -> None:
    load(tmp_path, 120)
    rebuild()
    before = published_persons()
    people = registered_people(2)
    Registration.objects.filter(pk__in=[p.pk for p in people]).update(k_full="", k_name="")
    fresh = []
    for number, person in enumerate(people):
        person.k_full = person.k_name = f"{number:032x}"  # names nobody has
        person.k_name_unordered = person.k_surname = person.k_given = f"{number + 7:032x}"
        person.k_dob = person.k_dob_unordered = ""
        person.bf_name, person.birth_year = "", None
        fresh.append(person)
    police, _token = issue_source(name="Politie Zeeland-West-Brabant", kind="police")

    upload(police, copies_csv(fresh, prefix="zwb-"))

    assert published_persons() == before + 2


def test_a_large_upload_is_linked_by_the_worker_with_progress(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    load(tmp_path, 200)
    rebuild()
    before = published_persons()
    monkeypatch.setattr("baken.registry.upload.SYNC_LINK_LIMIT", 2)
    monkeypatch.setattr("baken.registry.persons.ARRIVAL_CHUNK", 1)
    seen: list[int] = []
    real = persons.link_arrivals

    def watched(registrations: list[Registration], *, progress: Any) -> None:
        def report(done: int) -> None:
            progress(done)
            seen.append(LinkJob.objects.get().done)

        real(registrations, progress=report)

    monkeypatch.setattr(link_jobs, "link_arrivals", watched)
    kmar, _token = issue_source(name="KMar Schiphol", kind="kmar")

    report = upload(kmar, copies_csv(registered_people(3), prefix="km-"))

    job = LinkJob.objects.get()
    assert report.job == job and job.status == LinkJobStatus.QUEUED and job.total == 3
    assert not Registration.objects.filter(source=kmar).exclude(person_key="").exists()
    call_command("link_uploads", once=True, stdout=open("/dev/null", "w"))  # noqa: SIM115
    job.refresh_from_db()
    assert seen == [1, 2, 3]
    assert job.status == LinkJobStatus.DONE and job.done == 3 and job.attempts == 1
    assert job.persons_after == before == published_persons()


def test_a_failed_link_job_is_tried_again_later(monkeypatch: pytest.MonkeyPatch) -> None:
    source, _token = issue_source(name="Politie Limburg", kind="police")
    content = copies_csv([unsaved("ab" * 16, "female")], prefix="lim-")
    failures = iter([RuntimeError("duckdb went away")])

    def flaky(registrations: list[Registration], *, progress: Any) -> None:
        error = next(failures, None)
        if error is not None:
            raise error

    monkeypatch.setattr(link_jobs, "link_arrivals", flaky)
    report = upload(source, content, link_at_once=False)
    now = timezone.now()
    job = report.job
    assert report.accepted == 1 and job is not None

    assert run_due_link_jobs(now=now) == 1
    job.refresh_from_db()
    assert job.status == LinkJobStatus.QUEUED and job.attempts == 1
    assert "duckdb went away" in job.last_error and job.next_attempt_at > now
    assert run_due_link_jobs(now=now) == 0  # not due yet
    assert run_due_link_jobs(now=job.next_attempt_at + timedelta(seconds=1)) == 1
    job.refresh_from_db()
    assert job.status == LinkJobStatus.DONE and job.attempts == 2 and job.last_error == ""


def test_a_job_is_claimed_by_one_worker_only() -> None:
    source, _token = issue_source(name="Opvang Oost", kind="shelter")
    job = LinkJob.objects.create(source=source, registration_ids=[], total=0)
    now = timezone.now()
    assert claim(job, now=now)
    assert not claim(LinkJob.objects.get(pk=job.pk), now=now)
    # A worker that died loses its claim when it runs out.
    assert claim(LinkJob.objects.get(pk=job.pk), now=now + timedelta(hours=1))


def test_the_analyst_follows_a_large_upload_on_its_page(
    client_for: ClientFor, cast: Cast, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("baken.registry.upload.SYNC_LINK_LIMIT", 0)
    source, _token = issue_source(name="Politie Noord-Holland", kind="police")
    content = copies_csv([unsaved("cd" * 16, "male")], prefix="nh-")
    analyst = client_for(cast.analyst)

    response = analyst.post(
        reverse("registry:upload"),
        {
            "source": source.pk,
            "file": SimpleUploadedFile("up.csv", content),
            "default_reported_on": "2026-11-01",
        },
    )

    job = LinkJob.objects.get()
    page = response.content.decode()
    assert reverse("registry:link_job", kwargs={"job_id": job.pk}) in page
    progress = analyst.get(reverse("registry:link_job", kwargs={"job_id": job.pk}))
    assert 'http-equiv="refresh"' in progress.content.decode()
    assert "0 van 1 registraties gekoppeld" in progress.content.decode()
    run_due_link_jobs()
    done = analyst.get(reverse("registry:link_job", kwargs={"job_id": job.pk})).content.decode()
    assert "http-equiv" not in done and "1 van 1 registraties gekoppeld" in done
    other = client_for(cast.officer_a)
    assert other.get(reverse("registry:link_job", kwargs={"job_id": job.pk})).status_code == 403
