"""Linking uploaded registrations on arrival, so that the person count never waits for the
nightly re-link. An upload makes a `LinkJob` in its own transaction; a small one is run at once in
the request, a large one by the worker (`baken link_uploads`), which claims a job with a
conditional UPDATE, records each attempt and its progress, and retries after a failure with
`next_attempt_at`. A job that fails for good leaves its registrations to the nightly re-link."""

import logging
from datetime import datetime, timedelta

from django.db.models import Q
from django.utils import timezone

from baken.accounts.models import User
from baken.registry.models import (
    LinkJob,
    LinkJobStatus,
    Registration,
    Source,
    check_link_job_transition,
)
from baken.registry.persons import link_arrivals
from baken.registry.releases import publish

logger = logging.getLogger(__name__)

SYNC_LINK_LIMIT = 50  # uploads with up to this many new registrations are linked in the request
CLAIM_SECONDS = 300  # a claim is renewed at every chunk; a worker that died loses it after this
MAX_ATTEMPTS = 5


def backoff(attempts: int) -> timedelta:
    return timedelta(seconds=min(60 * 2 ** max(attempts - 1, 0), 3600))


def enqueue_linking(*, source: Source, registration_ids: list[int], by: User | None) -> LinkJob:
    """The job that links these new registrations (call it in the upload's transaction)."""
    return LinkJob.objects.create(
        source=source,
        created_by=by,
        registration_ids=registration_ids,
        total=len(registration_ids),
    )


def _claimable(now: datetime) -> Q:
    return Q(status=LinkJobStatus.QUEUED, next_attempt_at__lte=now) | Q(
        status=LinkJobStatus.RUNNING, claimed_until__lt=now
    )


def claim(job: LinkJob, *, now: datetime) -> bool:
    """Take the job if nobody else has it (a conditional UPDATE: one claimer wins)."""
    claimed = LinkJob.objects.filter(_claimable(now), pk=job.pk).update(
        status=LinkJobStatus.RUNNING, claimed_until=now + timedelta(seconds=CLAIM_SECONDS)
    )
    if claimed:
        job.refresh_from_db()
    return bool(claimed)


def run_link_job(job: LinkJob, *, now: datetime | None = None) -> bool:
    """Claim and run one job: link its registrations, recount the statistics. Returns whether
    this call ran it (False: another worker has it, or it is not due)."""
    if not claim(job, now=now or timezone.now()):
        return False
    pks = job.registration_ids
    registrations = list(
        Registration.objects.active().filter(pk__in=pks).select_related("source").order_by("pk")
    )

    def advance(done: int) -> None:
        LinkJob.objects.filter(pk=job.pk).update(
            done=done, claimed_until=timezone.now() + timedelta(seconds=CLAIM_SECONDS)
        )

    try:
        link_arrivals(registrations, progress=advance)
        release = publish()
    except Exception as error:  # whatever went wrong, the job is tried again later
        logger.exception("link job %s failed", job.pk)
        job.refresh_from_db()
        job.attempts += 1
        job.last_error = f"{type(error).__name__}: {error}"[:2000]
        new = LinkJobStatus.FAILED if job.attempts >= MAX_ATTEMPTS else LinkJobStatus.QUEUED
        check_link_job_transition(LinkJobStatus.RUNNING, new)
        job.status, job.claimed_until = new, None
        job.next_attempt_at = timezone.now() + backoff(job.attempts)
        job.save()
        return True
    job.refresh_from_db()
    check_link_job_transition(LinkJobStatus.RUNNING, LinkJobStatus.DONE)
    job.attempts += 1
    job.status, job.claimed_until = LinkJobStatus.DONE, None
    job.done, job.total = len(registrations), len(registrations)
    job.finished_at, job.persons_after, job.last_error = timezone.now(), release.persons, ""
    job.save()
    return True


def run_due_link_jobs(*, now: datetime | None = None, limit: int = 10) -> int:
    """Run the jobs that are due, oldest first; returns how many were run."""
    now = now or timezone.now()
    due = list(LinkJob.objects.filter(_claimable(now)).order_by("created_at", "pk")[:limit])
    return sum(run_link_job(job, now=now) for job in due)
