"""`baken purge` on the institution side: a youth's whole file goes once care has ended and twenty
years have passed since the last change in it (Jeugdwet art. 7.3.8), and not a day before; a
decision to keep it longer holds it; each destruction is logged without identifying data."""

from datetime import UTC, date, datetime
from io import StringIO

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from baken.audit.models import AuditEntry
from baken.cases.models import EmergencyAccess, Guardian, Youth, YouthNameDigest
from baken.cases.services import add_guardian, break_the_glass, search_youths, update_case_file
from baken.cases.testing import make_youth
from baken.meldcode import services as meldcode
from baken.meldcode.models import CaseConference, StepRecord, Trajectory
from baken.registration.models import RegistrationTask
from baken.registration.services import open_registration_task
from baken.retention.policy import retention_ends
from baken.retention.services import keep_case_file_longer
from baken.screening import services as screening
from baken.screening.models import Screening, ScreeningEvent
from baken.signalling import services as signalling
from baken.signalling.models import Consultation, DailyReport, Signal
from baken.testing import Cast

pytestmark = pytest.mark.django_db


def at(day: date) -> time_machine.travel:
    return time_machine.travel(datetime(day.year, day.month, day.day, 10, tzinfo=UTC), tick=False)


def full_file(cast: Cast, *, family_name: str, care_end: date, last_record: date) -> Youth:
    """A youth with something in every part of the file, care ended on `care_end`; the last
    record (a daily report) written on `last_record`."""
    worker, officer = cast.worker_a, cast.officer_a
    with at(date(2026, 2, 1)):
        youth = make_youth(worker, teams=[cast.team_a1], family_name=family_name)
        add_guardian(
            youth=youth,
            by=worker,
            request=None,
            name="Moeder de Boer",
            relationship="moeder",
            has_parental_authority=True,
            phone="0612345678",
            email="",
        )
        break_the_glass(
            youth=youth, by=cast.worker_a2, request=None, reason="Crisis in de nacht, dienst."
        )
        first = signalling.record_signal(
            youth=youth,
            by=worker,
            request=None,
            observed_on=timezone.localdate(),
            context="school",
            source="youth_told",
            concern="high",
            indicators=[],
            note="Nieuwe telefoon en cadeaus",
        )
        signalling.record_signal(
            youth=youth,
            by=worker,
            request=None,
            observed_on=timezone.localdate(),
            context="school",
            source="youth_told",
            concern="high",
            indicators=[],
            note="Correctie: twee telefoons",
            corrects=first,
        )
        consultation = signalling.request_consultation(
            youth=youth, by=worker, request=None, addressed_to=officer, question="Wat vind jij?"
        )
        screening.record_event(
            youth=youth,
            by=worker,
            request=None,
            kind="missing_return",
            occurred_on=timezone.localdate(),
            note="",
        )
        screening.start_screening(youth=youth, by=worker, request=None, reason="intake")
        trajectory = meldcode.start_trajectory(youth=youth, by=worker, request=None)
        meldcode.record_step(trajectory=trajectory, by=worker, request=None, step=1, done="Kaart")
        meldcode.record_conference(
            youth=youth,
            by=worker,
            request=None,
            held_on=timezone.localdate(),
            participants="team",
            agreements="samen optrekken",
            actions=[],
            trajectory=trajectory,
        )
        open_registration_task(youth=youth, trigger="consultation", trigger_id=consultation.pk)
    with at(care_end):
        update_case_file(youth=youth, by=worker, request=None, changes={"care_end": care_end})
    with at(last_record):
        signalling.write_daily_report(
            youth=youth,
            by=worker,
            request=None,
            report_date=last_record,
            text="Nazorg: telefonisch contact.",
            safety_note="",
            suspicion=False,
        )
    return youth


def purge(*args: str) -> str:
    out = StringIO()
    call_command("purge", *args, stdout=out)
    return out.getvalue()


def test_the_term_runs_twenty_years_from_the_last_change_after_care() -> None:
    assert retention_ends(
        care_end=date(2026, 3, 1), last_record=date(2026, 9, 1), years=20, keep_until=None
    ) == date(2046, 9, 1)
    assert retention_ends(
        care_end=date(2026, 3, 1), last_record=date(2026, 2, 1), years=20, keep_until=None
    ) == date(2046, 3, 1)
    assert (
        retention_ends(care_end=None, last_record=date(2026, 2, 1), years=20, keep_until=None)
        is None
    )
    with pytest.raises(ValueError, match="at least 20"):
        retention_ends(care_end=date(2026, 3, 1), last_record=None, years=15, keep_until=None)


def test_dry_run_lists_due_files_and_deletes_nothing(cast: Cast) -> None:
    youth = full_file(
        cast, family_name="Jansen", care_end=date(2026, 3, 1), last_record=date(2026, 4, 1)
    )

    with at(date(2046, 4, 1)):
        output = purge()

    assert f"{youth.pseudonym}  Instelling A  care ended 2026-03-01" in output
    assert "last change 2026-04-01, term ended 2046-04-01" in output
    assert "Dry run: nothing deleted" in output
    assert Youth.objects.filter(pk=youth.pk).exists()


def test_not_a_day_before_the_term_counted_from_the_last_change(cast: Cast) -> None:
    full_file(cast, family_name="Jansen", care_end=date(2026, 3, 1), last_record=date(2026, 4, 1))

    with at(date(2046, 3, 31)):
        output = purge("--apply")

    assert "Youth files past their retention term: 0" in output
    assert Youth.objects.count() == 1


def test_a_youth_still_in_care_is_never_purged(cast: Cast) -> None:
    with at(date(2026, 2, 1)):
        make_youth(cast.worker_a, teams=[cast.team_a1])

    with at(date(2070, 1, 1)):
        purge("--apply")

    assert Youth.objects.count() == 1


def test_apply_destroys_the_whole_file_and_logs_it_without_names(cast: Cast) -> None:
    gone = full_file(
        cast, family_name="Jansen", care_end=date(2026, 3, 1), last_record=date(2026, 4, 1)
    )
    kept = full_file(
        cast, family_name="Visser", care_end=date(2026, 3, 1), last_record=date(2027, 1, 5)
    )

    with at(date(2046, 5, 1)):
        output = purge("--apply")

    assert "Destroyed 1 youth files" in output
    assert list(Youth.objects.values_list("pk", flat=True)) == [kept.pk]
    parts = [
        (Guardian, "youth"),
        (YouthNameDigest, "youth"),
        (EmergencyAccess, "youth"),
        (Signal, "youth"),
        (DailyReport, "youth"),
        (Consultation, "youth"),
        (Screening, "youth"),
        (ScreeningEvent, "youth"),
        (Trajectory, "youth"),
        (StepRecord, "trajectory__youth"),
        (CaseConference, "youth"),
        (RegistrationTask, "youth"),
    ]
    for model, path in parts:
        assert not model._default_manager.filter(**{path: gone.pk}).exists(), model
        assert model._default_manager.filter(**{path: kept.pk}).exists(), model
    entry = AuditEntry.objects.get(event="delete", youth_pseudonym=gone.pseudonym)
    assert entry.username == "baken purge"
    assert "retention term passed on 2046-04-01 (Jeugdwet art. 7.3.8)" in entry.detail
    assert "signal 2" in entry.detail and "youth 1" in entry.detail
    assert "Jansen" not in entry.detail and "Lisa" not in entry.detail
    call_command("audit", "verify", stdout=StringIO())
    # The blind index no longer finds the destroyed youth; the other one is still found.
    with at(date(2046, 5, 1)):
        found = search_youths(
            youths=Youth.objects.all(), query="Jansen", by=cast.officer_a, request=None
        )
    assert found == []


def test_the_raw_tables_hold_nothing_of_the_destroyed_youth(cast: Cast) -> None:
    gone = full_file(
        cast, family_name="Jansen", care_end=date(2026, 3, 1), last_record=date(2026, 4, 1)
    )

    with at(date(2046, 5, 1)):
        purge("--apply")

    with connection.cursor() as cursor:
        for table in ("cases_youth", "cases_guardian", "signalling_signal", "meldcode_trajectory"):
            cursor.execute(f"SELECT COUNT(*) FROM {table}")  # noqa: S608 (fixed names)
            assert cursor.fetchone() == (0,), table
    assert AuditEntry.objects.filter(youth_pseudonym=gone.pseudonym).exists()


def test_a_decision_to_keep_the_file_longer_holds_it(cast: Cast) -> None:
    youth = full_file(
        cast, family_name="Jansen", care_end=date(2026, 3, 1), last_record=date(2026, 4, 1)
    )
    with at(date(2040, 1, 1)):
        keep_case_file_longer(
            youth=youth,
            by=cast.officer_a,
            request=None,
            until=date(2050, 1, 1),
            reason="Lopende aangifte; dossier nodig voor de vervolgzorg.",
        )

    with at(date(2049, 12, 31)):
        assert "past their retention term: 0" in purge("--apply")
    with at(date(2050, 1, 1)):
        assert "Destroyed 1 youth files" in purge("--apply")


def test_only_care_staff_or_the_privacy_officer_decide_to_keep_longer(cast: Cast) -> None:
    with at(date(2026, 2, 1)):
        youth = make_youth(cast.worker_a, teams=[cast.team_a1])
        with pytest.raises(ValidationError, match="bewaren van het dossier"):
            keep_case_file_longer(
                youth=youth,
                by=cast.worker_a,
                request=None,
                until=date(2050, 1, 1),
                reason="Omdat het zo hoort, echt waar.",
            )
