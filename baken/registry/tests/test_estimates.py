"""Estimating from the registry's own linked registrations: capture tables by list grouping and
stratum, the estimate per year, and the page with its assumptions."""

import json
from collections.abc import Callable
from datetime import date

import pandas as pd
import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from baken.accounts.models import User
from baken.registry.capture_tables import capture_table, default_grouping, estimate_years
from baken.registry.models import Registration
from baken.registry.releases import publish
from baken.registry.tests.test_estimation import DATA
from baken.registry.tokens import issue_source
from baken.testing import Cast

ClientFor = Callable[[User], Client]


def row(person: str, kind: str, year: int = 2025, **changes: object) -> dict[str, object]:
    data: dict[str, object] = {
        "person_key": person,
        "source": kind,
        "source_kind": kind,
        "reported_on": date(year, 4, 1),
        "birth_year": 2000,
        "sex": "female",
        "nationality": "NL",
        "forms": ["labour"],
        "sector": "",
        "cross_border": False,
        "minor": False,
        "region": "RE01",
    }
    data.update(changes)
    return data


def test_a_capture_table_counts_each_person_once_by_the_lists_that_saw_them() -> None:
    frame = pd.DataFrame(
        [
            row("P1", "police"),
            row("P1", "care_coordinator"),
            row("P1", "police", year=2024),  # outside the period
            row("P2", "shelter"),
            row("P2", "youth_care"),  # shelter and youth care are one list ("care")
            row("P3", "kmar", forms=["criminal"], birth_year=2010),
        ]
    )
    table = capture_table(frame, years=[2025], grouping=default_grouping())
    assert table.lists == (
        "care",
        "care_coordinator",
        "kmar",
        "labour_inspectorate",
        "other",
        "police",
    )
    assert table.counts == {(0, 1, 0, 0, 0, 1): 1, (1, 0, 0, 0, 0, 0): 1, (0, 0, 1, 0, 0, 0): 1}
    minors = capture_table(frame, years=[2025], grouping=default_grouping(), stratum="minor")
    assert minors.observed == 1
    criminal = capture_table(
        frame, years=[2025], grouping=default_grouping(), stratum="form:criminal"
    )
    assert criminal.observed == 1
    leave_out_kmar = {**default_grouping(), "kmar": ""}
    assert capture_table(frame, years=[2025], grouping=leave_out_kmar).observed == 2


def korea_registrations() -> None:
    """The Korea table (3 lists, 123 persons) as linked registrations by three kinds of source."""
    kinds = ("police", "care_coordinator", "labour_inspectorate")
    sources = {kind: issue_source(name=kind, kind=kind)[0] for kind in kinds}
    rows = []
    person = 0
    lines = (DATA / "Korea.csv").read_text(encoding="utf-8").splitlines()[1:]
    for line in lines:
        *history, count = (int(x) for x in line.split(","))
        for _ in range(count):
            person += 1
            for kind, seen in zip(kinds, history, strict=True):
                if seen:
                    rows.append(
                        Registration(
                            source=sources[kind],
                            idempotency_key=f"{kind}-{person}",
                            dossier_type="statistical",
                            key_version="k1",
                            person_key=f"P{person}",
                            sex="female",
                            forms=["sexual-cross-border"],
                            reported_on=date(2025, 6, 1),
                        )
                    )
    Registration.objects.bulk_create(rows)


@pytest.mark.django_db
def test_the_estimate_from_linked_registrations_equals_the_table_estimate() -> None:
    korea_registrations()
    [result] = estimate_years(years=[2025], grouping=default_grouping())
    assert result.registered == 123
    assert result.model == ["care_coordinator:police"]  # Korea's b:c
    assert result.estimate == pytest.approx(268.8, abs=0.5)
    assert result.low is not None and result.low < 268.8 < (result.high or 0)


@pytest.mark.django_db
def test_the_estimation_page_shows_estimates_assumptions_and_a_capture_table(
    cast: Cast, client_for: ClientFor
) -> None:
    korea_registrations()
    publish()
    client = client_for(cast.analyst)
    page = client.get(reverse("registry:estimation")).content.decode()
    assert ">269<" in page  # the estimated total for 2025
    assert "gesloten populatie" in page
    assert "precisie" in page  # the linkage error rate measured by the benchmark
    assert "<svg" in page
    # The capture table for the analyst's own work may group the sources otherwise.
    bad = client.get(
        reverse("registry:capture_table"), {"list_police": "", "list_kmar": "", "list_other": ""}
    )
    assert bad.content.decode().splitlines()[0].endswith(",count")
    csv_text = client.get(reverse("registry:capture_table")).content.decode()
    assert csv_text.splitlines()[0].endswith(",count")


def test_the_estimate_command_runs_a_reproducible_bca_bootstrap(
    capsys: pytest.CaptureFixture[str],
) -> None:
    arguments = [str(DATA / "Korea.csv"), "--bootstrap", "200", "--seed", "5", "--json"]
    call_command("estimate", *arguments)
    captured = capsys.readouterr()
    first = json.loads(captured.out)
    assert first["ci_method"] == "bca-bootstrap" and first["replicates"] == 200
    assert first["ci_low"] <= first["estimate"] <= first["ci_high"]
    assert "200 of 200" in captured.err
    call_command("estimate", *arguments)
    assert json.loads(capsys.readouterr().out) == first
