"""Registrations uploaded as a CSV (made with `baken pseudonymise`, plus the registration fields),
validated row by row against the same schema as the API."""

import csv
import io
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db import transaction
from django.http import HttpRequest
from pydantic import ValidationError as PydanticValidationError

from baken.accounts.models import User
from baken.audit.models import AuditEvent
from baken.audit.services import log_access
from baken.registry.link_jobs import SYNC_LINK_LIMIT, enqueue_linking, run_link_job
from baken.registry.messages import dutch_code_list_message, dutch_message
from baken.registry.models import LinkJob, Source
from baken.registry.schemas import CODE_LIST_ERROR, Pseudonyms, RegistrationIn
from baken.registry.services import receive_registration

MAX_ROWS = 20_000


@dataclass(frozen=True)
class RowProblem:
    """One refused field of one row: what was wrong and, for a code list, what it takes."""

    row: int
    field: str
    message: str
    allowed: str = ""


@dataclass
class UploadReport:
    accepted: int = 0
    already_present: int = 0
    rejected: list[tuple[int, str]] = field(default_factory=list)  # row, every reason in one
    problems: list[RowProblem] = field(default_factory=list)  # row, field, reason, allowed
    accepted_ids: list[int] = field(default_factory=list)
    accepted_references: list[str] = field(default_factory=list)
    job: LinkJob | None = None  # linking the accepted registrations

    def reject(self, row: int, reason: str, problems: list[RowProblem] | None = None) -> None:
        self.rejected.append((row, reason))
        self.problems.extend(problems or [RowProblem(row=row, field="", message=reason)])


def _bool(value: str) -> bool | None:
    return {
        "1": True,
        "true": True,
        "ja": True,
        "yes": True,
        "0": False,
        "false": False,
        "nee": False,
        "no": False,
    }.get(value.strip().lower())


def _row_to_payload(row: dict[str, str], defaults: dict[str, Any]) -> dict[str, Any]:
    forms = [f.strip() for f in (row.get("forms") or "").replace(";", ",").split(",") if f.strip()]
    return {
        "dossier_type": "statistical",
        "pseudonyms": {c: (row.get(c) or "").strip() for c in Pseudonyms.model_fields},
        "birth_year": int(row["birth_year"]) if (row.get("birth_year") or "").strip() else None,
        "sex": (row.get("sex") or "unknown").strip() or "unknown",
        "nationality": row.get("nationality") or "",
        "country_of_birth": row.get("country_of_birth") or "",
        "forms": forms or defaults["forms"],
        "sector": row.get("sector") or "",
        "cross_border": _bool(row.get("cross_border") or ""),
        "minor": _bool(row.get("minor") or ""),
        "reported_on": (row.get("reported_on") or "").strip()
        or defaults["reported_on"].isoformat(),
        "reporter_region": row.get("reporter_region") or "",
    }


def import_csv(
    *, source: Source, content: bytes, default_forms: list[str], default_reported_on: date
) -> UploadReport:
    report = UploadReport()
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        report.reject(0, "het bestand is geen UTF-8 / the file is not UTF-8")
        return report
    reader = csv.DictReader(io.StringIO(text))
    missing = [c for c in ("record_id", "key_version") if c not in (reader.fieldnames or [])]
    if missing:
        report.reject(1, f"kolom(men) ontbreken / missing column(s): {', '.join(missing)}")
        return report
    defaults = {"forms": default_forms, "reported_on": default_reported_on}
    for number, row in enumerate(reader, start=2):
        if number > MAX_ROWS + 1:
            report.reject(number, f"meer dan {MAX_ROWS} rijen / more than {MAX_ROWS} rows")
            break
        record_id = (row.get("record_id") or "").strip()
        if not record_id:
            report.reject(number, "record_id ontbreekt / record_id is empty")
            continue
        try:
            data = RegistrationIn.model_validate(_row_to_payload(row, defaults))
        except (PydanticValidationError, ValueError) as error:
            problems = _problems(number, error)
            report.reject(number, "; ".join(_reason(p) for p in problems), problems)
            continue
        registration, created = receive_registration(
            source=source, idempotency_key=f"csv:{record_id}", data=data, link_on_arrival=False
        )
        if created:
            report.accepted += 1
            report.accepted_ids.append(registration.pk)
            report.accepted_references.append(registration.reference)
        else:
            report.already_present += 1
    return report


def upload_registrations(
    *,
    source: Source,
    content: bytes,
    default_forms: list[str],
    default_reported_on: date,
    by: User | None,
    request: HttpRequest | None,
    link_at_once: bool | None = None,
) -> UploadReport:
    """Import an uploaded CSV for a source (by an analyst, or by an operator's command when `by`
    is None), with its audit entry and the job that links the new registrations in the same
    transaction. The job is run at once when the upload is small (up to SYNC_LINK_LIMIT new
    registrations) or `link_at_once` says so; otherwise the worker (`baken link_uploads`) runs it
    and the job shows its progress."""
    report = _import(
        source=source,
        content=content,
        default_forms=default_forms,
        default_reported_on=default_reported_on,
        by=by,
        request=request,
    )
    job = report.job
    if job is not None:
        small = len(report.accepted_ids) <= SYNC_LINK_LIMIT
        if link_at_once if link_at_once is not None else small:
            run_link_job(job)
            job.refresh_from_db()
    return report


@transaction.atomic
def _import(
    *,
    source: Source,
    content: bytes,
    default_forms: list[str],
    default_reported_on: date,
    by: User | None,
    request: HttpRequest | None,
) -> UploadReport:
    report = import_csv(
        source=source,
        content=content,
        default_forms=default_forms,
        default_reported_on=default_reported_on,
    )
    log_access(
        event=AuditEvent.TRANSFER,
        user=by,
        username="" if by is not None else "baken import_registrations",
        request=request,
        object_type="registration_upload",
        object_id=source.pk,
        detail=(
            f"{report.accepted} accepted, {report.already_present} present, "
            f"{len(report.rejected)} rejected"
        ),
    )
    if report.accepted_ids:
        report.job = enqueue_linking(source=source, registration_ids=report.accepted_ids, by=by)
    return report


def _problems(row: int, error: Exception) -> list[RowProblem]:
    if not isinstance(error, PydanticValidationError):
        return [RowProblem(row=row, field="", message=str(error))]
    problems = []
    for item in error.errors():
        location = [str(p) for p in item.get("loc", ()) if p != "pseudonyms"]
        if item.get("type") == CODE_LIST_ERROR:
            context = item.get("ctx") or {}
            # forms.1 → forms: the column, not the position in the list
            column = location[0] if location else ""
            message = dutch_code_list_message(context)
            allowed = str(context.get("allowed_text", ""))
        else:
            column = ".".join(location)
            message = dutch_message(str(item.get("type", "")), str(item.get("msg", "")))
            allowed = ""
        problems.append(RowProblem(row=row, field=column, message=message, allowed=allowed))
    return problems


def _reason(problem: RowProblem) -> str:
    return f"{problem.field or 'rij'}: {problem.message}"
