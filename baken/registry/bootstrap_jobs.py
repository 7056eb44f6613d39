"""The BCa bootstrap interval of a stored estimate, asked for on the estimation page and computed
in the background: one BootstrapJob row per estimate, claimed by `baken run_bootstrap_jobs` with a
conditional UPDATE, its progress written as the replicates come in, retried after a failure."""

from datetime import datetime, timedelta
from functools import partial

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.http import HttpRequest
from django.utils import timezone

from baken.accounts.models import User
from baken.audit.models import AuditEvent
from baken.audit.services import log_access
from baken.registry.models import (
    BOOTSTRAP_TRANSITIONS,
    BootstrapJob,
    BootstrapStatus,
    ReleaseEstimate,
)
from baken.registry.multiple_systems_estimation import Selection, Table, TableError, bca_bootstrap

CLAIM_SECONDS = 600
MAX_ATTEMPTS = 3
RETRY_AFTER = timedelta(minutes=5)


class IllegalMove(ValueError):
    pass


def _move(job: BootstrapJob, status: str) -> None:
    if status not in BOOTSTRAP_TRANSITIONS[job.status]:
        raise IllegalMove(f"bootstrap job {job.pk}: {job.status} -> {status}")
    job.status = status


@transaction.atomic
def request_bootstraps(
    *, estimates: list[ReleaseEstimate], by: User, request: HttpRequest | None
) -> list[BootstrapJob]:
    """Queue a bootstrap for each estimate that has one to give and none asked for yet."""
    jobs = []
    for estimate in estimates:
        if estimate.estimate is None or BootstrapJob.objects.filter(estimate=estimate).exists():
            continue
        job = BootstrapJob.objects.create(
            estimate=estimate,
            replicates=settings.REGISTRY_BOOTSTRAP_REPLICATES,
            requested_by=by,
        )
        log_access(
            event=AuditEvent.CREATE,
            user=by,
            request=request,
            object_type="bootstrap_job",
            object_id=job.pk,
            detail=f"estimate {estimate.stratum or 'all'} {estimate.year}",
        )
        jobs.append(job)
    return jobs


def _claim(job: BootstrapJob, now: datetime) -> bool:
    claimable = Q(status=BootstrapStatus.QUEUED, next_attempt_at__lte=now) | Q(
        status=BootstrapStatus.RUNNING, claimed_until__lt=now
    )
    return bool(
        BootstrapJob.objects.filter(claimable, pk=job.pk).update(
            status=BootstrapStatus.RUNNING,
            claimed_until=now + timedelta(seconds=CLAIM_SECONDS),
            attempts=job.attempts + 1,
            done=0,
        )
    )


def _progress(job_id: int, done: int, total: int) -> None:
    BootstrapJob.objects.filter(pk=job_id, status=BootstrapStatus.RUNNING).update(
        done=done, claimed_until=timezone.now() + timedelta(seconds=CLAIM_SECONDS)
    )


def table_of(estimate: ReleaseEstimate) -> Table:
    """The estimate's capture table, over the lists that saw anyone (as the stored fit)."""
    lists = tuple(estimate.lists)
    counts = {tuple(history): int(count) for history, count in estimate.capture_counts}
    active = [i for i in range(len(lists)) if any(h[i] for h in counts)]
    projected: dict[tuple[int, ...], int] = {}
    for history, count in counts.items():
        key = tuple(history[i] for i in active)
        projected[key] = projected.get(key, 0) + count
    return Table(lists=tuple(lists[i] for i in active), counts=projected)


def run_job(job: BootstrapJob, *, workers: int | None = None) -> BootstrapJob:
    """Compute one claimed job; a failure is recorded and retried later (up to three times)."""
    table = table_of(job.estimate)
    try:
        interval = bca_bootstrap(
            table,
            Selection(),
            replicates=job.replicates,
            seed=job.seed,
            workers=workers or settings.REGISTRY_BOOTSTRAP_WORKERS or None,
            progress=partial(_progress, job.pk),
        )
    except (TableError, OSError, RuntimeError) as error:
        job.refresh_from_db()
        _move(
            job, BootstrapStatus.FAILED if job.attempts >= MAX_ATTEMPTS else BootstrapStatus.QUEUED
        )
        job.error = str(error)[:500]
        job.next_attempt_at = timezone.now() + RETRY_AFTER
        job.save(update_fields=["status", "error", "next_attempt_at"])
        return job
    job.refresh_from_db()
    _move(job, BootstrapStatus.DONE)
    job.low, job.high = interval.low, interval.high
    job.failed_replicates, job.done = interval.failed, job.replicates
    job.finished_at = timezone.now()
    job.error = ""
    job.save(
        update_fields=["status", "low", "high", "failed_replicates", "done", "finished_at", "error"]
    )
    return job


def run_due_jobs(*, now: datetime | None = None, workers: int | None = None) -> int:
    """Run every job that is due (oldest first); returns how many were run."""
    now = now or timezone.now()
    due = BootstrapJob.objects.filter(
        Q(status=BootstrapStatus.QUEUED, next_attempt_at__lte=now)
        | Q(status=BootstrapStatus.RUNNING, claimed_until__lt=now)
    ).select_related("estimate")
    ran = 0
    for job in list(due):
        if not _claim(job, now):
            continue  # another worker has it
        job.refresh_from_db()
        run_job(job, workers=workers)
        ran += 1
    return ran
