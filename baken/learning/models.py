"""What workers did with the training modules (the modules themselves are data: catalogue.py)."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from baken.accounts.models import Organisation


class TrainingPolicy(models.Model):
    """Per institution: the mandatory set for new staff, how soon it is due, and how often a
    module is refreshed."""

    organisation = models.OneToOneField(
        Organisation, on_delete=models.CASCADE, related_name="training_policy"
    )
    mandatory_modules = models.JSONField(_("mandatory for new staff"), default=list)
    new_staff_days = models.PositiveSmallIntegerField(
        _("days for new staff to complete the mandatory set"),
        default=90,
        validators=[MinValueValidator(7), MaxValueValidator(365)],
    )
    refresher_months = models.PositiveSmallIntegerField(
        _("refresher due after (months)"),
        default=12,
        validators=[MinValueValidator(1), MaxValueValidator(60)],
    )
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("training policy")
        verbose_name_plural = _("training policies")

    def __str__(self) -> str:
        return f"{self.organisation} training policy"


class QuizAttempt(models.Model):
    """One submitted quiz. A passed attempt is a completion of that module on that date."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="quiz_attempts"
    )
    module = models.CharField(max_length=64)
    module_version = models.CharField(max_length=20)
    answers = models.JSONField(default=dict)
    correct = models.PositiveSmallIntegerField()
    total = models.PositiveSmallIntegerField()
    passed = models.BooleanField()
    submitted_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-submitted_at"]
        indexes = [models.Index(fields=["user", "module", "passed"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(correct__lte=models.F("total")), name="quiz_correct_le_total"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} {self.module} {self.correct}/{self.total}"


class Moment(models.TextChoices):
    BEFORE = "before", _("Before the module")
    AFTER = "after", _("After the module")


class SelfAssessment(models.Model):
    """A worker's own rating, 0-10, of recognising signals and of acting on them."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="self_assessments"
    )
    module = models.CharField(max_length=64)
    moment = models.CharField(max_length=8, choices=Moment.choices)
    recognising = models.PositiveSmallIntegerField(
        _("recognising signals"), validators=[MaxValueValidator(10)]
    )
    acting = models.PositiveSmallIntegerField(
        _("acting on signals"), validators=[MaxValueValidator(10)]
    )
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-recorded_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(recognising__lte=10, acting__lte=10),
                name="self_assessment_scale_0_10",
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} {self.module} {self.moment}"
