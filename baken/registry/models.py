"""What the registry holds: sources that may register (with hashed tokens) and registrations.

A statistical registration holds only keyed pseudonyms and the allowed plaintext fields; contact
details for the care desk exist only on registrations with a request for care, which need consent,
and are encrypted at rest."""

import hashlib
import secrets
from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from baken.lib.encrypted_json import EncryptedJSONTextField

TOKEN_PREFIX_LENGTH = 8


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def new_reference() -> str:
    alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
    body = "".join(secrets.choice(alphabet) for _ in range(10))
    return f"R-{body[:5]}-{body[5:]}"


class SourceKind(models.TextChoices):
    POLICE = "police", _("Police")
    KMAR = "kmar", _("KMar")
    LABOUR_INSPECTORATE = "labour_inspectorate", _("Labour inspectorate (NLA)")
    CARE_COORDINATOR = "care_coordinator", _("Zorgcoördinator mensenhandel")
    YOUTH_CARE = "youth_care", _("Youth-care institution")
    SHELTER = "shelter", _("Shelter")
    OTHER = "other", _("Other")


class Source(models.Model):
    """An organisation that registers, with its API token stored only as a hash."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    kind = models.CharField(_("kind"), max_length=32, choices=SourceKind.choices)
    token_hash = models.CharField(max_length=64, unique=True)
    token_prefix = models.CharField(max_length=TOKEN_PREFIX_LENGTH)
    is_active = models.BooleanField(default=True)
    created_at = models.DateTimeField(default=timezone.now)
    token_issued_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind__in=SourceKind.values), name="source_kind_on_the_list"
            ),
        ]

    def __str__(self) -> str:
        return self.name


class RegistrationStatus(models.TextChoices):
    RECEIVED = "received", _("Received")
    CORRECTED = "corrected", _("Corrected")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class DossierType(models.TextChoices):
    STATISTICAL = "statistical", _("Registration only (statistical)")
    SHELTER = "shelter", _("Registration with a request for shelter")
    ADVICE = "advice", _("Registration with a request for advice or care coordination")


class RegistrationQuerySet(models.QuerySet["Registration"]):
    def active(self) -> "RegistrationQuerySet":
        """Registrations that count: every one but the withdrawn."""
        return self.exclude(status=RegistrationStatus.WITHDRAWN)


class Registration(models.Model):
    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="registrations")
    reference = models.CharField(max_length=16, unique=True, default=new_reference)
    idempotency_key = models.CharField(max_length=100)
    status = models.CharField(
        max_length=16, choices=RegistrationStatus.choices, default=RegistrationStatus.RECEIVED
    )
    dossier_type = models.CharField(max_length=16, choices=DossierType.choices)
    received_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)
    withdrawn_reason = models.CharField(max_length=300, blank=True)
    # Keyed pseudonyms (see docs/pseudonymisation.md); the registry never has the key.
    key_version = models.CharField(max_length=20)
    k_full = models.CharField(max_length=32, blank=True, db_index=True)
    k_name = models.CharField(max_length=32, blank=True, db_index=True)
    k_name_unordered = models.CharField(max_length=32, blank=True)
    k_surname = models.CharField(max_length=32, blank=True)
    k_given = models.CharField(max_length=32, blank=True)
    k_given_2 = models.CharField(max_length=32, blank=True)
    k_surname_phonetic = models.CharField(max_length=32, blank=True)
    k_given_phonetic = models.CharField(max_length=32, blank=True)
    k_surname_prefix = models.CharField(max_length=32, blank=True)
    k_surname_first = models.CharField(max_length=32, blank=True)
    k_surname_last = models.CharField(max_length=32, blank=True)
    k_dob = models.CharField(max_length=32, blank=True)
    k_dob_unordered = models.CharField(max_length=32, blank=True)
    k_dob_next_day = models.CharField(max_length=32, blank=True)
    k_dob_next_year = models.CharField(max_length=32, blank=True)
    bf_name = models.CharField(max_length=200, blank=True)
    # Allowed plaintext.
    birth_year = models.PositiveSmallIntegerField(null=True, blank=True)
    sex = models.CharField(max_length=8)
    nationality = models.CharField(max_length=100, blank=True)
    country_of_birth = models.CharField(max_length=100, blank=True)
    forms = models.JSONField(default=list)
    sector = models.CharField(max_length=100, blank=True)
    cross_border = models.BooleanField(null=True)
    minor = models.BooleanField(null=True)
    reported_on = models.DateField()
    reporter_region = models.CharField(max_length=16, blank=True)
    # The linked person this registration belongs to (a cluster of the last linkage); empty until
    # linked. Person keys are not stable across a full re-link: count them, do not store them.
    person_key = models.CharField(max_length=40, blank=True, db_index=True)
    # Only with consent (dossier types with a request): encrypted at rest.
    contact: Any = EncryptedJSONTextField(null=True, blank=True)
    # The untraceable count of the same source this registration replaced (withdrawn in the same
    # transaction as this registration was stored); one count is replaced at most once.
    replaced_count = models.OneToOneField(
        "CountReport",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="replaced_by",
    )

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        ordering = ["-received_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["source", "idempotency_key"], name="one_registration_per_idempotency_key"
            ),
            models.CheckConstraint(
                condition=~models.Q(dossier_type="statistical") | models.Q(contact__isnull=True),
                name="statistical_registration_has_no_contact_details",
            ),
        ]

    def __str__(self) -> str:
        return self.reference


def new_count_reference() -> str:
    return "C" + new_reference()[1:]


class CountReportQuerySet(models.QuerySet["CountReport"]):
    def active(self) -> "CountReportQuerySet":
        """Counts that count: every one but the withdrawn."""
        return self.exclude(status=RegistrationStatus.WITHDRAWN)


class CountReport(models.Model):
    """An untraceable count (`dossier_type: "count_only"`): a source reports that one more person
    was seen this year, for these forms of exploitation, minor or not, in this police unit, and
    nothing else. Sent by an institution after a refusal of consent or an objection, when no
    personal data may go. Kept apart from registrations: never linked, never in a capture table,
    counted in the statistics as not deduplicated (the same person may also be registered)."""

    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="count_reports")
    reference = models.CharField(max_length=16, unique=True, default=new_count_reference)
    idempotency_key = models.CharField(max_length=100)
    status = models.CharField(
        max_length=16, choices=RegistrationStatus.choices, default=RegistrationStatus.RECEIVED
    )
    received_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)
    withdrawn_reason = models.CharField(max_length=300, blank=True)
    year = models.PositiveSmallIntegerField()
    forms = models.JSONField(default=list)
    minor = models.BooleanField(null=True)
    reporter_region = models.CharField(max_length=16, blank=True)

    objects = CountReportQuerySet.as_manager()

    dossier_type = "count_only"

    class Meta:
        ordering = ["-received_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["source", "idempotency_key"], name="one_count_per_idempotency_key"
            ),
        ]

    def __str__(self) -> str:
        return self.reference


class WithdrawnKey(models.Model):
    """An idempotency key a source withdrew (`POST /api/withdrawals`): what it registered or
    counted under that key is withdrawn, and a delivery under it that arrives later (one that was
    still on its way when the source destroyed the youth's file) is refused instead of stored.
    Holds nothing about the person; erased with the withdrawn registrations after the grace
    period."""

    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="withdrawn_keys")
    idempotency_key = models.CharField(max_length=100)
    reason = models.CharField(max_length=300)
    withdrawn_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["source", "idempotency_key"], name="one_withdrawal_per_idempotency_key"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.source} {self.idempotency_key} withdrawn"


class LinkageRun(models.Model):
    """A full re-link: the trained model and what it found."""

    started_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)
    records = models.PositiveIntegerField(default=0)
    persons = models.PositiveIntegerField(default=0)
    pairs = models.PositiveIntegerField(default=0)
    model: Any = models.JSONField(default=dict)
    # Chosen from the model's own expectations (see linkage.choose_threshold).
    link_threshold = models.FloatField(default=0.8)
    expected_precision = models.FloatField(null=True, blank=True)
    expected_recall = models.FloatField(null=True, blank=True)

    class Meta:
        ordering = ["-started_at"]

    def __str__(self) -> str:
        return f"linkage {self.started_at:%Y-%m-%d %H:%M}"


class PairDecision(models.TextChoices):
    NONE = "", _("Not reviewed")
    SAME = "same", _("Same person")
    DIFFERENT = "different", _("Different people")


class CandidatePair(models.Model):
    """Two registrations the model scored as possibly the same person, with the comparison level
    of each field. Pairs in the uncertain band wait for an analyst; a decision is kept across
    re-links."""

    left = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="+")
    right = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="+")
    match_probability = models.FloatField()
    levels: Any = models.JSONField(default=dict)  # comparison → level label
    decision = models.CharField(
        max_length=10, choices=PairDecision.choices, blank=True, default=PairDecision.NONE
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-match_probability"]
        constraints = [
            models.UniqueConstraint(fields=["left", "right"], name="candidate_pair_once"),
            models.CheckConstraint(
                condition=models.Q(left__lt=models.F("right")), name="pair_ordered"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.left_id}-{self.right_id} {self.match_probability:.2f}"


class StatisticsRelease(models.Model):
    """The victim monitor's tables as published: counted over linked persons, with disclosure
    control applied to the whole release. Made after every re-link and clerical decision; the
    dashboard, the exports and the annual report all show the newest one."""

    created_at = models.DateTimeField(default=timezone.now)
    threshold = models.PositiveSmallIntegerField(default=10)
    registrations = models.PositiveIntegerField(default=0)
    persons = models.PositiveIntegerField(default=0)
    years: Any = models.JSONField(default=list)
    tables: Any = models.JSONField(default=list)
    # The disclosure audit this release passed (disclosure_audit.AuditResult.summary()).
    protection_width = models.PositiveSmallIntegerField(default=5)
    audit: Any = models.JSONField(default=dict)
    # [table key, year] of each table-year not published at all: its small counts could not be
    # protected by hiding more (many source-kind combinations in a year with few persons).
    withheld: Any = models.JSONField(default=list)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"statistics {self.created_at:%Y-%m-%d %H:%M}"


class ReleaseEstimate(models.Model):
    """The multiple-systems estimate of one year and group of persons, made with the release
    (default grouping of sources into lists) and shown from here. `registered` is the release's
    protected count ("primary"/"secondary" when hidden, and then no estimate is kept); the capture
    table stays inside the registry, for the bootstrap."""

    release = models.ForeignKey(
        StatisticsRelease, on_delete=models.CASCADE, related_name="estimates"
    )
    stratum = models.CharField(max_length=40, blank=True)
    year = models.PositiveSmallIntegerField()
    registered: Any = models.JSONField()  # int, or "primary" / "secondary"
    estimate = models.FloatField(null=True, blank=True)
    low = models.FloatField(null=True, blank=True)
    high = models.FloatField(null=True, blank=True)
    model: Any = models.JSONField(default=list)
    lists: Any = models.JSONField(default=list)
    capture_counts: Any = models.JSONField(default=list)  # [[history, count], ...]
    problem = models.CharField(max_length=20, blank=True)

    class Meta:
        ordering = ["stratum", "year"]
        constraints = [
            models.UniqueConstraint(
                fields=["release", "stratum", "year"], name="one_estimate_per_release_group_year"
            )
        ]

    def __str__(self) -> str:
        return f"estimate {self.stratum or 'all'} {self.year}"


class BootstrapStatus(models.TextChoices):
    QUEUED = "queued", _("Waiting")
    RUNNING = "running", _("Running")
    DONE = "done", _("Done")
    FAILED = "failed", _("Failed")


# Allowed moves; a running job whose claim ran out (its worker died) is queued again.
BOOTSTRAP_TRANSITIONS: dict[str, set[str]] = {
    BootstrapStatus.QUEUED: {BootstrapStatus.RUNNING},
    BootstrapStatus.RUNNING: {BootstrapStatus.DONE, BootstrapStatus.QUEUED, BootstrapStatus.FAILED},
    BootstrapStatus.DONE: set(),
    BootstrapStatus.FAILED: set(),
}


class BootstrapJob(models.Model):
    """A BCa bootstrap interval for one stored estimate, asked for on the estimation page and
    computed by `baken run_bootstrap_jobs` (claimed with a conditional UPDATE, progress written
    as it goes, retried after a failure with `next_attempt_at`)."""

    estimate = models.OneToOneField(
        ReleaseEstimate, on_delete=models.CASCADE, related_name="bootstrap"
    )
    status = models.CharField(
        max_length=10, choices=BootstrapStatus.choices, default=BootstrapStatus.QUEUED
    )
    replicates = models.PositiveIntegerField(default=1000)
    seed = models.PositiveIntegerField(default=1234)
    done = models.PositiveIntegerField(default=0)
    low = models.FloatField(null=True, blank=True)
    high = models.FloatField(null=True, blank=True)
    failed_replicates = models.PositiveIntegerField(default=0)
    attempts = models.PositiveSmallIntegerField(default=0)
    error = models.CharField(max_length=500, blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    requested_at = models.DateTimeField(default=timezone.now)
    next_attempt_at = models.DateTimeField(default=timezone.now)
    claimed_until = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["requested_at"]

    def __str__(self) -> str:
        return f"bootstrap {self.estimate} {self.status}"


class ApiRateCount(models.Model):
    """Requests counted per key (a source; an address that sent a wrong token) and fixed time
    window, in the database so that every server process shares one count (see throttling.py)."""

    key = models.CharField(max_length=100)
    window = models.BigIntegerField()  # seconds since the epoch // the rate's period
    count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["key", "window"], name="rate_count_once_per_window")
        ]

    def __str__(self) -> str:
        return f"{self.key} @ {self.window}: {self.count}"


class LinkJobStatus(models.TextChoices):
    QUEUED = "queued", _("Waiting")
    RUNNING = "running", _("Linking")
    DONE = "done", _("Linked")
    FAILED = "failed", _("Failed")


# The allowed moves of a link job: claimed by a worker (or the upload itself), then done, or back
# to waiting for another attempt, or failed for good after the last attempt.
LINK_JOB_TRANSITIONS: dict[str, frozenset[str]] = {
    LinkJobStatus.QUEUED: frozenset({LinkJobStatus.RUNNING}),
    LinkJobStatus.RUNNING: frozenset(
        {LinkJobStatus.DONE, LinkJobStatus.QUEUED, LinkJobStatus.FAILED}
    ),
    LinkJobStatus.DONE: frozenset(),
    LinkJobStatus.FAILED: frozenset(),
}


def check_link_job_transition(current: str, new: str) -> None:
    if new not in LINK_JOB_TRANSITIONS[current]:
        raise ValueError(f"a link job cannot go from {current} to {new}")


class LinkJob(models.Model):
    """Linking the registrations of one CSV upload with the last trained model, so that they
    count as persons at once and not only after the nightly re-link. A small upload is linked in
    the request; a large one by the worker (`baken link_uploads`), which claims the job with a
    conditional UPDATE, records each attempt and its progress, and retries after a failure."""

    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="+")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    registration_ids: Any = models.JSONField(default=list)
    total = models.PositiveIntegerField(default=0)
    done = models.PositiveIntegerField(default=0)  # registrations linked so far
    status = models.CharField(
        max_length=10, choices=LinkJobStatus.choices, default=LinkJobStatus.QUEUED
    )
    attempts = models.PositiveIntegerField(default=0)
    next_attempt_at = models.DateTimeField(default=timezone.now, db_index=True)
    claimed_until = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    persons_after = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"link job {self.pk}: {self.done}/{self.total} {self.status}"

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.total) if self.total else 100
