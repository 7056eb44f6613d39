"""Training: the institution's policy, quiz submissions, self-assessments, and where each worker
stands. Modules are data (catalogue.py); what workers did is in the database."""

from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max, QuerySet
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from baken.accounts.models import Organisation, Role, User
from baken.audit.models import AuditEvent
from baken.audit.services import log_access
from baken.learning.catalogue import Module, all_modules, default_mandatory_slugs
from baken.learning.models import Moment, QuizAttempt, SelfAssessment, TrainingPolicy
from baken.learning.progress import ModuleProgress, ModuleState, module_progress
from baken.learning.quiz import IncompleteAnswers, score_quiz

# Who counts as staff for training figures: the people who work with youths.
STAFF_ROLES = (Role.YOUTH_WORKER, Role.DESIGNATED_OFFICER, Role.BEHAVIOURAL_SCIENTIST)


def policy_for(organisation: Organisation) -> TrainingPolicy:
    """The institution's policy; until someone sets one, the defaults (not saved: reading the
    dashboard or a module list writes nothing)."""
    policy = TrainingPolicy.objects.filter(organisation=organisation).first()
    if policy is None:
        policy = TrainingPolicy(
            organisation=organisation, mandatory_modules=default_mandatory_slugs()
        )
    return policy


@transaction.atomic
def set_policy(
    *,
    organisation: Organisation,
    by: User,
    request: HttpRequest | None,
    mandatory_modules: list[str],
    new_staff_days: int,
    refresher_months: int,
) -> TrainingPolicy:
    known = {module.slug for module in all_modules()}
    unknown = sorted(set(mandatory_modules) - known)
    if unknown:
        raise ValidationError(_("Unknown module: %(slugs)s.") % {"slugs": ", ".join(unknown)})
    policy = policy_for(organisation)
    policy.mandatory_modules = [slug for slug in known if slug in mandatory_modules]
    policy.mandatory_modules.sort()
    policy.new_staff_days = new_staff_days
    policy.refresher_months = refresher_months
    policy.updated_at = timezone.now()
    policy.full_clean()
    policy.save()
    log_access(
        event=AuditEvent.UPDATE,
        user=by,
        request=request,
        object_type="training_policy",
        object_id=policy.pk,
        detail=f"mandatory {','.join(policy.mandatory_modules)}; new staff {new_staff_days} days; "
        f"refresher {refresher_months} months",
    )
    return policy


def staff_of(organisation_id: int) -> QuerySet[User]:
    return (
        User.objects.filter(
            organisation_id=organisation_id, is_active=True, role_grants__role__in=STAFF_ROLES
        )
        .distinct()
        .order_by("username")
    )


def last_completions(users: QuerySet[User] | list[User]) -> dict[tuple[int, str], date]:
    """(user id, module slug) → date of the latest passed quiz, in one query."""
    rows = (
        QuizAttempt.objects.filter(user__in=users, passed=True)
        .values("user_id", "module")
        .annotate(last=Max("submitted_at"))
    )
    return {(row["user_id"], row["module"]): timezone.localdate(row["last"]) for row in rows}


def progress_of(
    *,
    user: User,
    policy: TrainingPolicy,
    completions: dict[tuple[int, str], date],
    today: date,
) -> list[ModuleProgress]:
    mandatory = set(policy.mandatory_modules)
    joined_on = timezone.localdate(user.date_joined)
    return [
        module_progress(
            slug=module.slug,
            mandatory=module.slug in mandatory,
            completed_on=completions.get((user.pk, module.slug)),
            joined_on=joined_on,
            refresher_months=policy.refresher_months,
            new_staff_days=policy.new_staff_days,
            today=today,
        )
        for module in all_modules()
    ]


STATE_LABELS = {
    ModuleState.NOT_STARTED: gettext_lazy("Not done yet"),
    ModuleState.DUE_FOR_NEW_STAFF: gettext_lazy("Mandatory: to do"),
    ModuleState.OVERDUE_FOR_NEW_STAFF: gettext_lazy("Mandatory: overdue"),
    ModuleState.CURRENT: gettext_lazy("Completed"),
    ModuleState.REFRESHER_SOON: gettext_lazy("Refresher due soon"),
    ModuleState.REFRESHER_OVERDUE: gettext_lazy("Refresher overdue"),
}


@dataclass(frozen=True)
class ModuleRow:
    module: Module
    progress: ModuleProgress

    @property
    def state_label(self) -> str:
        return str(STATE_LABELS[self.progress.state])

    @property
    def needs_attention(self) -> bool:
        return self.progress.state in (
            ModuleState.OVERDUE_FOR_NEW_STAFF,
            ModuleState.REFRESHER_OVERDUE,
        )


def modules_for(user: User, *, today: date | None = None) -> list[ModuleRow]:
    """Every module with where this worker stands; mandatory ones first."""
    assert user.organisation is not None  # noqa: S101 - institution users only
    policy = policy_for(user.organisation)
    progress = progress_of(
        user=user,
        policy=policy,
        completions=last_completions([user]),
        today=today or timezone.localdate(),
    )
    rows = [ModuleRow(module, item) for module, item in zip(all_modules(), progress, strict=True)]
    return sorted(rows, key=lambda row: (not row.progress.mandatory, row.module.order))


def needs_before_assessment(user: User, module: Module) -> bool:
    """A round of a module starts with a 'before' rating, once per round (after the last pass)."""
    last_pass = (
        QuizAttempt.objects.filter(user=user, module=module.slug, passed=True)
        .order_by("-submitted_at")
        .values_list("submitted_at", flat=True)
        .first()
    )
    before = SelfAssessment.objects.filter(user=user, module=module.slug, moment=Moment.BEFORE)
    if last_pass is not None:
        before = before.filter(recorded_at__gt=last_pass)
    return not before.exists()


def needs_after_assessment(attempt: QuizAttempt) -> bool:
    return (
        attempt.passed
        and not SelfAssessment.objects.filter(
            user_id=attempt.user_id,
            module=attempt.module,
            moment=Moment.AFTER,
            recorded_at__gte=attempt.submitted_at,
        ).exists()
    )


@transaction.atomic
def submit_quiz(*, user: User, module: Module, answers: dict[str, str]) -> QuizAttempt:
    try:
        result = score_quiz(module, answers)
    except IncompleteAnswers as missing:
        raise ValidationError(
            _("Answer every question (%(count)d not answered).") % {"count": len(missing.missing)}
        ) from missing
    return QuizAttempt.objects.create(
        user=user,
        module=module.slug,
        module_version=module.version,
        answers={item.question.id: item.chosen.id for item in result.answers},
        correct=result.correct,
        total=result.total,
        passed=result.passed,
    )


@transaction.atomic
def record_self_assessment(
    *, user: User, module: Module, moment: Moment, recognising: int, acting: int
) -> SelfAssessment:
    assessment = SelfAssessment(
        user=user, module=module.slug, moment=moment, recognising=recognising, acting=acting
    )
    assessment.full_clean()
    assessment.save()
    return assessment
