"""Registrations on their way from the institution to the registry (the outbox)."""

import uuid
from datetime import date
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from encrypted_fields.fields import EncryptedTextField

from baken.accounts.models import Organisation
from baken.cases.models import Guardian, Youth
from baken.lib.encrypted_json import EncryptedJSONTextField
from baken.lib.text_limits import note_validators
from baken.registration.delivery_errors import explain_delivery_error


class Registrar(models.TextChoices):
    DESIGNATED_OFFICER = "designated_officer", _("Designated officer")
    BEHAVIOURAL_SCIENTIST = "behavioural_scientist", _("Behavioural scientist")
    YOUTH_WORKER = "youth_worker", _("Youth worker of the youth's team")


class Art6Basis(models.TextChoices):
    """GDPR (AVG) art. 6(1): the basis of processing, by its real name (docs/legal-basis.md)."""

    CONSENT = "6(1)(a)", _("GDPR art. 6(1)(a): consent")
    LEGITIMATE_INTERESTS = "6(1)(f)", _("GDPR art. 6(1)(f): legitimate interests")
    PUBLIC_TASK = "6(1)(e)", _("GDPR art. 6(1)(e): a public task laid down in law")


class Art9Basis(models.TextChoices):
    """GDPR (AVG) art. 9(2): the exception for special categories of data."""

    EXPLICIT_CONSENT = "9(2)(a)", _("GDPR art. 9(2)(a): explicit consent")
    STATISTICS = (
        "9(2)(j)+89(1)+UAVG 24",
        _("GDPR art. 9(2)(j) with art. 89(1) and UAVG art. 24: statistics"),
    )


class SecrecyBasis(models.TextChoices):
    """What lifts professional secrecy (BW 7:457, Jeugdwet 7.3.11) for this disclosure."""

    CONSENT = "consent", _("Professional secrecy: consent")
    STATISTICS_EXCEPTION = "BW 7:458", _("Professional secrecy: statistics exception (BW 7:458)")


class RegistrationPolicy(models.Model):
    """Per organisation: who registers and by when. The data protection officer (privacy
    officer) decides whether an untraceable count goes after a refusal or objection, and which
    article 6 basis a registration without consent rests on (6(1)(e) only where a law gives the
    organisation the task). Who consents is the law's rule, not a setting
    (registration/consent.py); an objection is final, whatever the settings."""

    organisation = models.OneToOneField(
        Organisation, on_delete=models.CASCADE, related_name="registration_policy"
    )
    registrar = models.CharField(
        _("who registers"),
        max_length=32,
        choices=Registrar.choices,
        default=Registrar.DESIGNATED_OFFICER,
    )
    deadline_working_days = models.PositiveSmallIntegerField(
        _("working days to decide and register"), default=10
    )
    send_count = models.BooleanField(
        _("send an untraceable count after a refusal or objection"),
        default=True,
        help_text=_(
            "Year, form, minor or not and police unit only: no pseudonyms, no data about the "
            "youth. Decided by the data protection officer."
        ),
    )
    basis_without_consent = models.CharField(
        _("article 6 basis of a registration without consent"),
        max_length=16,
        choices=[
            (Art6Basis.LEGITIMATE_INTERESTS.value, Art6Basis.LEGITIMATE_INTERESTS.label),
            (Art6Basis.PUBLIC_TASK.value, Art6Basis.PUBLIC_TASK.label),
        ],
        default=Art6Basis.LEGITIMATE_INTERESTS,
        help_text=_(
            "6(1)(e) only if a law gives your organisation this task. Decided by the data "
            "protection officer."
        ),
    )

    def __str__(self) -> str:
        return f"{self.organisation}: registration policy"


class Trigger(models.TextChoices):
    CONSULTATION = "consultation", _("Suspicion confirmed in a consultation")
    # Before a screening score alone stopped opening a task: kept for the tasks it opened.
    SCREENING = "screening", _("Elevated or high screening (earlier rule)")
    MELDCODE = "meldcode", _("Meldcode decision")


class TaskStatus(models.TextChoices):
    OPEN = "open", _("To decide")
    REGISTERED = "registered", _("Registered")
    COUNTED = "counted", _("Counted only (untraceable), after a refusal or objection")
    NOT_REGISTERED = "not_registered", _("Not registered, with a reason")


TASK_TRANSITIONS: dict[str, frozenset[str]] = {
    TaskStatus.OPEN: frozenset(
        {TaskStatus.REGISTERED, TaskStatus.COUNTED, TaskStatus.NOT_REGISTERED}
    ),
    TaskStatus.REGISTERED: frozenset(),
    TaskStatus.COUNTED: frozenset(),
    TaskStatus.NOT_REGISTERED: frozenset(),
}


def check_task_transition(current: str, new: str) -> None:
    """Refuses any move of a task's status that is not in TASK_TRANSITIONS."""
    if new not in TASK_TRANSITIONS[current]:
        if current != TaskStatus.OPEN:
            raise ValidationError(_("This task has been decided already."))
        raise ValidationError(
            _("A registration task cannot go from %(current)s to %(new)s."),
            params={"current": current, "new": new},
        )


class NotRegisteredReason(models.TextChoices):
    NOT_CONFIRMED = "not_confirmed", _("The suspicion was not confirmed")
    SMUGGLING = "smuggling", _("It concerns smuggling, not trafficking")
    ALREADY_REGISTERED = "already_registered", _("Already registered by another organisation")
    OBJECTION = "objection", _("The youth or parents object, and there is no other lawful basis")
    HARM = "harm", _("Registering would harm the youth")
    OTHER = "other", _("Other reason")


class RegistrationTask(models.Model):
    """Once a suspicion is confirmed, the question whether to register stays on the registrar's
    list until a registration is submitted or a reason not to is recorded."""

    youth = models.ForeignKey(Youth, on_delete=models.PROTECT, related_name="registration_tasks")
    trigger = models.CharField(max_length=16, choices=Trigger.choices)
    trigger_id = models.PositiveBigIntegerField()
    created_at = models.DateTimeField(default=timezone.now)
    due_on = models.DateField(_("decide by"))
    status = models.CharField(max_length=16, choices=TaskStatus.choices, default=TaskStatus.OPEN)
    reason_not_kind = models.CharField(
        _("kind of reason"), max_length=24, choices=NotRegisteredReason.choices, blank=True
    )
    reason_not = EncryptedTextField(
        _("why not"), blank=True, null=True, validators=note_validators()
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["due_on"]

    def __str__(self) -> str:
        return f"{self.youth} registration task"

    def is_overdue(self, today: date | None = None) -> bool:
        return self.status == TaskStatus.OPEN and (today or timezone.localdate()) > self.due_on


class DeliveryStatus(models.TextChoices):
    QUEUED = "queued", _("Queued")
    SENDING = "sending", _("Being sent")
    DELIVERED = "delivered", _("Delivered")
    NEEDS_CORRECTION = "needs_correction", _("Needs correction")
    CANCELLED = "cancelled", _("Cancelled before it was sent")


DELIVERY_TRANSITIONS: dict[str, frozenset[str]] = {
    # The sender claims a due row with a conditional UPDATE (queued, or sending with an expired
    # claim, to sending); the reply then moves it on.
    DeliveryStatus.QUEUED: frozenset({DeliveryStatus.SENDING, DeliveryStatus.CANCELLED}),
    DeliveryStatus.SENDING: frozenset(
        {
            DeliveryStatus.SENDING,
            DeliveryStatus.DELIVERED,
            DeliveryStatus.QUEUED,
            DeliveryStatus.NEEDS_CORRECTION,
        }
    ),
    DeliveryStatus.NEEDS_CORRECTION: frozenset({DeliveryStatus.QUEUED, DeliveryStatus.CANCELLED}),
    DeliveryStatus.DELIVERED: frozenset(),
    DeliveryStatus.CANCELLED: frozenset(),
}
CLAIMABLE = frozenset(
    status for status, moves in DELIVERY_TRANSITIONS.items() if DeliveryStatus.SENDING in moves
)


def check_delivery_transition(current: str, new: str) -> None:
    """Refuses any move of a registration's delivery status not in DELIVERY_TRANSITIONS."""
    if new not in DELIVERY_TRANSITIONS[current]:
        raise ValidationError(
            _("A registration cannot go from %(current)s to %(new)s."),
            params={"current": current, "new": new},
        )


class DossierType(models.TextChoices):
    STATISTICAL = "statistical", _("Registration for statistics (keyed pseudonyms)")
    SHELTER = "shelter", _("Registration with a request for shelter")
    ADVICE = "advice", _("Registration with a request for advice or care coordination")
    COUNT_ONLY = "count_only", _("Untraceable count (no pseudonyms)")


class ReplacementState(models.TextChoices):
    """Where the replacement of an untraceable count by a registration stands (shown to the
    worker and the designated officer)."""

    WAITING = "waiting", _("Replacement waiting to be sent")
    SENT = "sent", _("Replacement sent, not yet confirmed by the registry")
    REPLACED = "replaced", _("Replaced: the registry holds the registration and withdrew the count")
    REFUSED = "refused", _("Replacement refused by the registry: the count stands")
    CANCELLED = "cancelled", _("Replacement cancelled")


class OutboundRegistration(models.Model):
    """One registration (or untraceable count) and its delivery state. Written in the same
    transaction as the decision to register, so nothing is lost when the registry or the network
    is down; sent by `baken send_registrations` with an idempotency key, so nothing is registered
    twice. What it rests on (route, bases, consent) is its `Disclosure`."""

    youth = models.ForeignKey(Youth, on_delete=models.PROTECT, related_name="registrations")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    dossier_type = models.CharField(max_length=16, choices=DossierType.choices)
    payload: Any = (
        EncryptedJSONTextField()
    )  # the request body; may hold contact details (with consent)
    idempotency_key = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    status = models.CharField(
        max_length=20, choices=DeliveryStatus.choices, default=DeliveryStatus.QUEUED
    )
    attempts = models.PositiveIntegerField(default=0)
    next_attempt_at = models.DateTimeField(default=timezone.now, db_index=True)
    claimed_until = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(blank=True)
    registry_reference = models.CharField(max_length=20, blank=True)
    delivered_at = models.DateTimeField(null=True, blank=True)
    task = models.ForeignKey(
        RegistrationTask, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    # The untraceable count this registration replaces (consent given after the count went). The
    # registration waits until the count has reached the registry, then carries what the count
    # said (`replaces_count`), and the registry withdraws the count as it stores the registration.
    replaces = models.OneToOneField(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="replaced_by"
    )

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.youth} {self.get_status_display()}"

    @property
    def is_count(self) -> bool:
        return self.dossier_type == DossierType.COUNT_ONLY

    @property
    def is_waiting(self) -> bool:
        """Still to reach the registry (queued, or being sent)."""
        return self.status in (DeliveryStatus.QUEUED, DeliveryStatus.SENDING)

    @property
    def waits_for_the_count(self) -> bool:
        """A replacement that waits until the count it replaces has reached the registry."""
        return (
            self.replaces is not None
            and self.is_waiting
            and self.replaces.status in (DeliveryStatus.QUEUED, DeliveryStatus.SENDING)
        )

    @property
    def replacement_state(self) -> str:
        """For a registration that replaces a count: waiting, sent (not confirmed yet), replaced,
        or refused by the registry (the count then stands: the youth is counted once)."""
        if self.status == DeliveryStatus.DELIVERED:
            return ReplacementState.REPLACED
        if self.status == DeliveryStatus.NEEDS_CORRECTION:
            return ReplacementState.REFUSED
        if self.status == DeliveryStatus.CANCELLED:
            return ReplacementState.CANCELLED
        return ReplacementState.SENT if self.attempts else ReplacementState.WAITING

    def get_replacement_state_display(self) -> str:
        return str(ReplacementState(self.replacement_state).label)

    @property
    def last_error_in_words(self) -> str:
        return explain_delivery_error(self.last_error)


class CallKind(models.TextChoices):
    CORRECT = "correct", _("Correction")
    WITHDRAW = "withdraw", _("Withdrawal")


class OutboundCall(models.Model):
    """A correction or withdrawal of a registration at the registry, in the outbox like the
    registration itself: it waits until the registration has the registry's reference, is sent
    by the same sender, and is retried until the registry confirms it, so a registry that is down
    loses no withdrawal. The calls of one registration go in the order they were made."""

    registration = models.ForeignKey(
        OutboundRegistration, on_delete=models.CASCADE, related_name="calls"
    )
    kind = models.CharField(max_length=16, choices=CallKind.choices)
    body: Any = EncryptedJSONTextField()  # the whole corrected registration, or the reason
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    status = models.CharField(
        max_length=20, choices=DeliveryStatus.choices, default=DeliveryStatus.QUEUED
    )
    attempts = models.PositiveIntegerField(default=0)
    next_attempt_at = models.DateTimeField(default=timezone.now, db_index=True)
    claimed_until = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(blank=True)
    delivered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.registration} {self.kind} {self.get_status_display()}"


class Purpose(models.TextChoices):
    REGISTRATION = "registration", _("Registration for statistics")
    CARE_COORDINATION = "care_coordination", _("Care coordination (shelter or advice)")


class Route(models.TextChoices):
    CONSENT = "consent", _("With consent")
    STATISTICS_EXCEPTION = "statistics_exception", _("Statistics exception (BW 7:458)")
    COUNT_ONLY = "count_only", _("Untraceable count only")
    NOTHING = "nothing", _("Nothing sent")
    # Sent with pseudonyms after a refusal or objection before that was corrected; withdrawn by
    # the data migration that found it.
    NO_BASIS = "no_basis", _("Sent without a lawful basis (withdrawn)")


class ExceptionReason(models.TextChoices):
    NOT_REACHABLE = "not_reachable", _("The youth and the holders of authority cannot be reached")
    NOT_REASONABLY_POSSIBLE = "not_reasonably_possible", _("Asking is not reasonably possible")
    HARM = "harm", _("Asking would cause harm (for example psychological harm)")


class CountBecause(models.TextChoices):
    REFUSED = "refused", _("Consent was refused")
    OBJECTION = "objection", _("An objection")
    WITHDRAWN = "withdrawn", _("Consent was withdrawn")


class DisclosureStatus(models.TextChoices):
    PROPOSED = "proposed", _("Proposed, awaiting the designated officer")
    DECIDED = "decided", _("Decided")
    DECLINED = "declined", _("Declined by the designated officer")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    REPLACED = "replaced", _("Replaced by a registration")


DISCLOSURE_TRANSITIONS: dict[str, frozenset[str]] = {
    DisclosureStatus.PROPOSED: frozenset({DisclosureStatus.DECIDED, DisclosureStatus.DECLINED}),
    # Only an untraceable count is replaced (by a registration, once there is a lawful basis).
    DisclosureStatus.DECIDED: frozenset({DisclosureStatus.WITHDRAWN, DisclosureStatus.REPLACED}),
    DisclosureStatus.DECLINED: frozenset(),
    DisclosureStatus.WITHDRAWN: frozenset(),
    # The replacing registration was cancelled before it left: the count stands again.
    DisclosureStatus.REPLACED: frozenset({DisclosureStatus.DECIDED}),
}


def check_disclosure_transition(current: str, new: str) -> None:
    """Refuses any move of a disclosure's status not in DISCLOSURE_TRANSITIONS."""
    if new not in DISCLOSURE_TRANSITIONS[current]:
        raise ValidationError(
            _("This decision on disclosure cannot go from %(current)s to %(new)s."),
            params={"current": current, "new": new},
        )


class Disclosure(models.Model):
    """One decision to give (or not give) information about a youth to the registry, for one
    purpose: the route it takes, the article 6 and 9 bases and what lifts professional secrecy,
    who decided, when and why. A registration with a request for shelter or advice carries two:
    the registration and the care coordination, each with its own consent."""

    youth = models.ForeignKey(Youth, on_delete=models.PROTECT, related_name="disclosures")
    task = models.ForeignKey(
        RegistrationTask, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    registration = models.ForeignKey(
        OutboundRegistration,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="disclosures",
    )
    purpose = models.CharField(_("purpose"), max_length=20, choices=Purpose.choices)
    route = models.CharField(_("route"), max_length=24, choices=Route.choices)
    status = models.CharField(
        max_length=16, choices=DisclosureStatus.choices, default=DisclosureStatus.DECIDED
    )
    art6_basis = models.CharField(
        _("GDPR art. 6 basis"), max_length=16, choices=Art6Basis.choices, blank=True
    )
    art9_basis = models.CharField(
        _("GDPR art. 9 exception"), max_length=32, choices=Art9Basis.choices, blank=True
    )
    secrecy_basis = models.CharField(
        _("professional secrecy"), max_length=16, choices=SecrecyBasis.choices, blank=True
    )
    age_at_time = models.PositiveSmallIntegerField(null=True, blank=True)
    consent_from = models.JSONField(default=list)  # who the law asks: youth, guardian
    youth_cannot_assess = models.BooleanField(
        _("the youth cannot reasonably assess his or her interests in this"), default=False
    )
    youth_cannot_assess_note = EncryptedTextField(
        blank=True, null=True, validators=note_validators()
    )
    exception_reason_kind = models.CharField(
        _("why consent cannot be asked"), max_length=32, choices=ExceptionReason.choices, blank=True
    )
    exception_reason = EncryptedTextField(
        _("explanation"), blank=True, null=True, validators=note_validators()
    )
    count_because = models.CharField(max_length=16, choices=CountBecause.choices, blank=True)
    contact_fields = models.JSONField(default=list)  # care coordination: which contact details
    content: Any = models.JSONField(default=dict)  # a proposal's forms, sector, cross-border
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    proposed_at = models.DateTimeField(null=True, blank=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    confirmed_at = models.DateTimeField(null=True, blank=True)
    declined_reason = EncryptedTextField(blank=True, null=True, validators=note_validators())
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(default=timezone.now)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    withdrawal_reason = EncryptedTextField(blank=True, null=True, validators=note_validators())

    class Meta:
        ordering = ["-decided_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(route="statistics_exception", status="decided")
                | models.Q(confirmed_by__isnull=False),
                name="statistics_exception_confirmed_by_the_designated_officer",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.youth} {self.purpose} {self.route}"


class PartyRole(models.TextChoices):
    YOUTH = "youth", _("The youth")
    HOLDER_OF_AUTHORITY = "holder_of_authority", _("Parent with parental authority")
    GUARDIAN = "guardian", _("Guardian (voogd)")


class PartyDecision(models.TextChoices):
    GIVEN = "given", _("Consent given")
    REFUSED = "refused", _("Consent refused")


class ConsentDecision(models.Model):
    """One person's answer to the question of consent for one disclosure: the youth, or a holder
    of parental authority or guardian from the youth's file."""

    disclosure = models.ForeignKey(Disclosure, on_delete=models.CASCADE, related_name="parties")
    role = models.CharField(_("role"), max_length=24, choices=PartyRole.choices)
    guardian = models.ForeignKey(
        Guardian, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decision = models.CharField(_("answer"), max_length=16, choices=PartyDecision.choices)
    decided_on = models.DateField(_("date"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now)
    withdrawn_on = models.DateField(_("withdrawn on"), null=True, blank=True)

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return f"{self.disclosure} {self.role} {self.decision}"


class Objection(models.Model):
    """An explicit objection to registration (BW 7:458 lid 2(c)). Final: no registration with
    pseudonyms follows it, and it withdraws those made before."""

    youth = models.ForeignKey(Youth, on_delete=models.PROTECT, related_name="objections")
    role = models.CharField(_("who objects"), max_length=24, choices=PartyRole.choices)
    guardian = models.ForeignKey(
        Guardian, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    objected_on = models.DateField(_("date of the objection"))
    note = EncryptedTextField(_("note"), blank=True, null=True, validators=note_validators())
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-objected_on", "-pk"]

    def __str__(self) -> str:
        return f"{self.youth} objection {self.objected_on}"


class NoteKind(models.TextChoices):
    WITHOUT_CONSENT = "without_consent", _("Disclosure without consent (BW 7:458 lid 3)")
    COUNT = "count", _("Untraceable count sent")
    OBJECTION = "objection", _("Objection")
    WITHDRAWAL = "withdrawal", _("Registration withdrawn")
    REPLACEMENT = "replacement", _("Untraceable count replaced by a registration")


class FileNote(models.Model):
    """A note in the youth's file about a disclosure, as the law asks for a disclosure without
    consent (BW 7:458 lid 3), and for an objection, a withdrawal and a count. Written by the
    service that does it, in the organisation's language."""

    youth = models.ForeignKey(Youth, on_delete=models.PROTECT, related_name="file_notes")
    disclosure = models.ForeignKey(
        Disclosure, on_delete=models.CASCADE, null=True, blank=True, related_name="notes"
    )
    kind = models.CharField(max_length=20, choices=NoteKind.choices)
    text = EncryptedTextField()
    written_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    written_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-written_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.youth} note {self.kind}"


class ProblemKind(models.TextChoices):
    AUTHENTICATION = "authentication", _("The registry refuses this institution's token")
    REDIRECT = "redirect", _("The registry address redirects elsewhere")
    ADDRESS = "address", _("No intake API at the registry address")


class DeliveryProblem(models.Model):
    """A configuration problem that stops every delivery (a rotated or revoked token, a wrong
    registry address). The registrations stay queued; while the problem is open (no
    `resolved_at`) the functional administrators see it on their home page, and they get one
    e-mail when it starts. The first delivery that gets through resolves it."""

    kind = models.CharField(max_length=20, choices=ProblemKind.choices)
    detail = models.CharField(max_length=300)  # the HTTP status, and where a redirect points
    first_seen_at = models.DateTimeField(default=timezone.now)
    last_seen_at = models.DateTimeField(default=timezone.now)
    resolved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-first_seen_at"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} since {self.first_seen_at:%Y-%m-%d %H:%M}"

    def explanation(self) -> str:
        """What is wrong and what the administrator does about it, in the active language."""
        texts = {
            ProblemKind.AUTHENTICATION: _(
                "The registry refused this institution's token (%(detail)s): it was probably "
                "rotated or revoked. Ask the registry for the current token and set "
                "BAKEN_REGISTRY_TOKEN."
            ),
            ProblemKind.REDIRECT: _(
                "The registry address redirects elsewhere (%(detail)s). Redirects are not "
                "followed: set BAKEN_REGISTRY_URL to the registry's own address."
            ),
            ProblemKind.ADDRESS: _(
                "There is no intake API at the registry address (%(detail)s): check "
                "BAKEN_REGISTRY_URL."
            ),
        }
        waiting = _("No registration is lost: they are sent as soon as this is fixed.")
        return f"{texts[ProblemKind(self.kind)] % {'detail': self.detail}} {waiting}"
