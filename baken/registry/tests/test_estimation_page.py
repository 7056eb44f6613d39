"""The estimation page publishes only the release's protected counts and its stored estimates: the
2022 attack (a hidden count worked out from the page's registered numbers and the published
totals) is impossible; a start year after the end year is an error; the bootstrap interval runs
in the background from the page."""

from collections.abc import Callable
from datetime import date

import pytest
from django.test import Client, override_settings
from django.urls import reverse

from baken.accounts.models import User
from baken.audit.models import AuditEntry
from baken.registry import capture_tables
from baken.registry.bootstrap_jobs import run_due_jobs
from baken.registry.models import BootstrapJob, BootstrapStatus, Registration, StatisticsRelease
from baken.registry.release_presentation import shown
from baken.registry.releases import publish
from baken.registry.tokens import issue_source
from baken.testing import Cast

ClientFor = Callable[[User], Client]
KINDS = ("police", "care_coordinator", "youth_care")
# Which kinds saw person i (i % 7): every pattern of three lists, about 11 persons each.
HISTORIES = ((1, 0, 0), (0, 1, 0), (0, 0, 1), (1, 1, 0), (1, 0, 1), (0, 1, 1), (1, 1, 1))


def register_2022() -> None:
    """78 persons in 2022: 40 minors (born 2008), 30 adults (born 1990), 8 of unknown age."""
    sources = {kind: issue_source(name=kind, kind=kind)[0] for kind in KINDS}
    rows = []
    for person in range(78):
        birth_year = 2008 if person < 40 else (1990 if person < 70 else None)
        for kind, seen in zip(KINDS, HISTORIES[person % 7], strict=True):
            if seen:
                rows.append(
                    Registration(
                        source=sources[kind],
                        idempotency_key=f"{kind}-{person}",
                        dossier_type="statistical",
                        key_version="k1",
                        person_key=f"P{person}",
                        birth_year=birth_year,
                        sex="female",
                        nationality="NL",
                        forms=["labour"],
                        reported_on=date(2022, 6, 1),
                    )
                )
    Registration.objects.bulk_create(rows)


def cells(release: StatisticsRelease, key: str) -> dict[str, object]:
    table = next(t for t in release.tables if t["key"] == key)
    return {row["category"]: row["values"][0] for row in table["rows"]} | {"": table["total"][0]}


def registered_on_page(client: Client, stratum: str) -> str:
    response = client.get(reverse("registry:estimation"), {"stratum": stratum})
    [row] = response.context["results"]
    return str(row.registered)


@pytest.mark.django_db
def test_the_2022_attack_no_longer_recovers_the_hidden_unknown_age_count(
    cast: Cast, client_for: ClientFor
) -> None:
    register_2022()
    release = publish()
    minor = cells(release, "minor")
    assert minor["unknown"] == "primary"  # the 8 of unknown age: "< 10"
    client = client_for(cast.analyst)
    published = {s: registered_on_page(client, s) for s in ("", "minor", "adult")}
    # The page shows the release's numbers, as protected, for every group.
    assert published == {
        "": shown(minor[""], 10),  # type: ignore[arg-type]
        "minor": shown(minor["minor"], 10),  # type: ignore[arg-type]
        "adult": shown(minor["adult"], 10),  # type: ignore[arg-type]
    }
    # Before, the page showed 78 persons, 40 minors and 30 adults: 78 - 40 - 30 = 8. Now at
    # least one of them is not a number, and the audit over the whole release passes.
    assert not all(value.isdigit() for value in published.values())
    assert release.audit["passed"] and release.audit["narrowest_width"] >= 5
    page = client.get(reverse("registry:estimation"), {"stratum": "adult"}).content.decode()
    assert ">30<" not in page


@pytest.mark.django_db
def test_the_page_says_in_plain_dutch_how_many_were_probably_not_registered(
    cast: Cast, client_for: ClientFor, monkeypatch: pytest.MonkeyPatch
) -> None:
    register_2022()
    publish()
    # The page reads the stored estimate: nothing is fitted while it is shown.
    monkeypatch.setattr(capture_tables, "stepwise", None)
    response = client_for(cast.analyst).get(reverse("registry:estimation"))
    page = response.content.decode()
    [row] = response.context["results"]
    assert row.registered == "78" and row.estimate is not None
    assert row.unregistered == row.estimate - 78
    assert (
        f"naar schatting ongeveer {row.unregistered} niet geregistreerd, tussen "
        f"{row.unregistered_low} en {row.unregistered_high}"
    ) in page
    method = page.index('<h2 class="utrecht-heading-2">Methode</h2>')
    for word in ("modelconditioneel", "hoofdeffecten", "BCa"):
        assert page.index(word) > method, word
    assert "baken estimate" not in page  # no command to run


@pytest.mark.django_db
def test_a_start_year_after_the_end_year_is_an_error_not_every_year(
    cast: Cast, client_for: ClientFor
) -> None:
    register_2022()
    publish()
    response = client_for(cast.analyst).get(
        reverse("registry:estimation"), {"start": 2023, "end": 2022}
    )
    assert "Het eerste jaar ligt na het laatste." in response.content.decode()
    assert response.context["results"] == []


@pytest.mark.django_db
@override_settings(REGISTRY_BOOTSTRAP_REPLICATES=60)
def test_the_bootstrap_runs_in_the_background_from_the_page(
    cast: Cast, client_for: ClientFor
) -> None:
    register_2022()
    publish()
    client = client_for(cast.analyst)
    response = client.post(reverse("registry:bootstrap"), {"start": "2022", "end": "2022"})
    assert response.status_code == 302
    job = BootstrapJob.objects.get()
    assert (job.status, job.replicates, job.estimate.year) == (BootstrapStatus.QUEUED, 60, 2022)
    assert AuditEntry.objects.filter(object_type="bootstrap_job", object_id=str(job.pk)).exists()
    page = client.get(response["Location"]).content.decode()
    assert "Bootstrap 2022: 0 van 60 herhalingen klaar." in page
    assert 'http-equiv="refresh"' in page
    # Asking again does not queue a second job.
    client.post(reverse("registry:bootstrap"), {"start": "2022", "end": "2022"})
    assert BootstrapJob.objects.count() == 1

    assert run_due_jobs(workers=1) == 1
    job.refresh_from_db()
    assert job.status == BootstrapStatus.DONE and job.done == 60 and job.attempts == 1
    assert job.low is not None and job.high is not None and job.low < job.high
    response = client.get(reverse("registry:estimation"))
    [row] = response.context["results"]
    assert row.interval_method == "bca"
    assert (row.unregistered_low, row.unregistered_high) == (
        max(0, round(job.low) - 78),
        max(0, round(job.high) - 78),
    )
    assert 'http-equiv="refresh"' not in response.content.decode()
    assert run_due_jobs(workers=1) == 0  # nothing left to do
