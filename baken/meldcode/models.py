"""A meldcode trajectory per youth: its five steps, the decision, reports and their follow-up,
and case conferences."""

from datetime import date

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from encrypted_fields.fields import EncryptedTextField

from baken.accounts.models import Organisation
from baken.cases.models import Youth
from baken.lib.text_limits import note_validators
from baken.partners.models import Partner
from baken.screening.models import Screening
from baken.signalling.models import Consultation, Signal


class MeldcodePolicy(models.Model):
    """Per organisation: where the afwegingskader sits, and how long a report may wait for
    feedback before it counts as stalled."""

    organisation = models.OneToOneField(
        Organisation, on_delete=models.CASCADE, related_name="meldcode_policy"
    )
    framework_in_step = models.PositiveSmallIntegerField(
        _("afwegingskader in step"),
        choices=[(4, _("Step 4: weighing up")), (5, _("Step 5: deciding"))],
        default=5,
    )
    response_days = models.PositiveSmallIntegerField(
        _("days to wait for feedback on a report"), default=10
    )

    def __str__(self) -> str:
        return f"{self.organisation}: framework in step {self.framework_in_step}"


class Status(models.TextChoices):
    OPEN = "open", _("Open: steps in progress")
    HELP = "help", _("Help given, review date set")
    REPORTED = "reported", _("Reported to Veilig Thuis: follow-up continues")
    CLOSED = "closed", _("Closed")


TRANSITIONS: dict[str, frozenset[str]] = {
    Status.OPEN: frozenset({Status.HELP, Status.REPORTED, Status.CLOSED}),
    Status.HELP: frozenset({Status.REPORTED, Status.CLOSED}),
    Status.REPORTED: frozenset({Status.CLOSED}),
    Status.CLOSED: frozenset(),
}

STEP_NAMES = {
    1: _("Map the signals"),
    2: _("Consult a colleague, Veilig Thuis or an expert"),
    3: _("Talk with the youth and parents"),
    4: _("Weigh the risk, nature and seriousness"),
    5: _("Decide"),
}


class Trajectory(models.Model):
    youth = models.ForeignKey(Youth, on_delete=models.PROTECT, related_name="meldcode_trajectories")
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    started_at = models.DateTimeField(default=timezone.now)
    origin_signal = models.ForeignKey(
        Signal, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    origin_consultation = models.ForeignKey(
        Consultation, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    origin_screening = models.ForeignKey(
        Screening, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    framework_in_step = models.PositiveSmallIntegerField(default=5)
    steps_done = models.PositiveSmallIntegerField(default=0)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.OPEN)
    outcome = models.CharField(max_length=16, blank=True)  # decision.CLOSE / REPORT / HELP
    decided_because = models.CharField(max_length=4, blank=True)
    review_on = models.DateField(_("review date"), null=True, blank=True)
    closing_note = EncryptedTextField(blank=True, null=True, validators=note_validators())
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-started_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(steps_done__lte=5), name="meldcode_has_five_steps"
            ),
            models.CheckConstraint(
                condition=~models.Q(status="help") | models.Q(review_on__isnull=False),
                name="meldcode_help_has_review_date",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.youth} meldcode {self.started_at:%Y-%m-%d}"

    @property
    def next_step(self) -> int | None:
        return self.steps_done + 1 if self.status == Status.OPEN and self.steps_done < 5 else None

    def review_due(self, today: date | None = None) -> bool:
        today = today or timezone.localdate()
        return self.status == Status.HELP and self.review_on is not None and self.review_on <= today


class StepRecord(models.Model):
    """What was done in one step, by whom, when and why. Details hold the step's own answers."""

    trajectory = models.ForeignKey(Trajectory, on_delete=models.CASCADE, related_name="steps")
    step = models.PositiveSmallIntegerField()
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now)
    done = EncryptedTextField(_("what was done"), validators=note_validators())
    why = EncryptedTextField(_("why"), blank=True, null=True, validators=note_validators())
    details = models.JSONField(default=dict)

    class Meta:
        ordering = ["step", "recorded_at"]
        constraints = [
            models.UniqueConstraint(fields=["trajectory", "step"], name="each_step_once"),
        ]

    def __str__(self) -> str:
        return f"{self.trajectory} step {self.step}"

    @property
    def name(self) -> str:
        return str(STEP_NAMES.get(self.step, self.step))


class ReportTo(models.TextChoices):
    VEILIG_THUIS = "veilig_thuis", _("Veilig Thuis")
    POLICE = "police", _("Police")


class Informed(models.TextChoices):
    YES = "yes", _("Yes")
    NO = "no", _("No")
    NOT_FOR_SAFETY = "not_for_safety", _("No, for reasons of safety")


class Report(models.Model):
    """A report (melding) to Veilig Thuis or the police, and the feedback on it."""

    trajectory = models.ForeignKey(Trajectory, on_delete=models.PROTECT, related_name="reports")
    to = models.CharField(_("reported to"), max_length=16, choices=ReportTo.choices)
    partner = models.ForeignKey(
        Partner,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("organisation"),
    )
    reported_on = models.DateField(_("reported on"))
    what = EncryptedTextField(_("what was reported"), validators=note_validators())
    contact_person = models.CharField(_("contact person"), max_length=200)
    reference = models.CharField(_("their reference"), max_length=100, blank=True)
    youth_informed = models.CharField(_("youth informed"), max_length=16, choices=Informed.choices)
    parents_informed = models.CharField(
        _("parents informed"), max_length=16, choices=Informed.choices
    )
    reactions = EncryptedTextField(
        _("how they reacted"), blank=True, null=True, validators=note_validators()
    )
    follow_up = EncryptedTextField(_("follow-up agreed"), validators=note_validators())
    expected_response_on = models.DateField(_("feedback expected by"))
    feedback_on = models.DateField(_("feedback received on"), null=True, blank=True)
    feedback = EncryptedTextField(
        _("feedback"), blank=True, null=True, validators=note_validators()
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-reported_on"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(expected_response_on__gte=models.F("reported_on")),
                name="report_feedback_expected_after_reporting",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.trajectory} report {self.reported_on}"

    def is_stalled(self, today: date | None = None) -> bool:
        today = today or timezone.localdate()
        return self.feedback_on is None and today > self.expected_response_on


class Escalation(models.Model):
    """What the designated officer did about a stalled report."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="escalations")
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(default=timezone.now)
    to_whom = models.CharField(_("escalated to"), max_length=200)
    note = EncryptedTextField(_("note"), validators=note_validators())

    class Meta:
        ordering = ["at"]

    def __str__(self) -> str:
        return f"{self.report} escalation {self.at:%Y-%m-%d}"


class FollowUp(models.Model):
    """After the report to Veilig Thuis the institution stays involved: what it still does (the
    help it offers or organises), what was agreed with Veilig Thuis, and when it evaluates next.
    The trajectory closes only by an explicit decision with a reason."""

    trajectory = models.ForeignKey(Trajectory, on_delete=models.CASCADE, related_name="follow_ups")
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now)
    help_offered = EncryptedTextField(
        _("help the institution offers or organises"), validators=note_validators()
    )
    agreements = EncryptedTextField(_("agreements with Veilig Thuis"), validators=note_validators())
    next_evaluation_on = models.DateField(_("next evaluation"))

    class Meta:
        ordering = ["recorded_at", "pk"]

    def __str__(self) -> str:
        return f"{self.trajectory} follow-up {self.recorded_at:%Y-%m-%d}"


class CaseConference(models.Model):
    """A case conference (casusoverleg) about a youth, with internal and external partners."""

    youth = models.ForeignKey(Youth, on_delete=models.PROTECT, related_name="case_conferences")
    trajectory = models.ForeignKey(
        Trajectory, on_delete=models.PROTECT, null=True, blank=True, related_name="conferences"
    )
    held_on = models.DateField(_("held on"))
    participants = EncryptedTextField(
        _("participants and their organisations"), validators=note_validators()
    )
    agreements = EncryptedTextField(_("agreements"), validators=note_validators())
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["-held_on"]

    def __str__(self) -> str:
        return f"{self.youth} conference {self.held_on}"


class ConferenceAction(models.Model):
    """Who does what by when, agreed in a case conference."""

    conference = models.ForeignKey(CaseConference, on_delete=models.CASCADE, related_name="actions")
    what = models.CharField(_("what"), max_length=300)
    who = models.CharField(_("who (name, organisation)"), max_length=200)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("reminded in Baken"),
    )
    due_on = models.DateField(_("by when"))
    done_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["due_on"]

    def __str__(self) -> str:
        return self.what
