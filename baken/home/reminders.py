"""Daily e-mail digests: screenings due or overdue, and (from the meldcode) reports without
feedback past their date, help whose review date has come, and open case-conference actions; for
designated officers also registrations that have waited more than a working day for the registry.
No youth names in e-mail: youths are named by their pseudonymous id."""

from dataclasses import dataclass
from datetime import date, datetime

from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from baken.accounts.models import Role, User
from baken.cases.access import youths_visible_to
from baken.meldcode.services import open_actions, reviews_due, stalled_reports
from baken.registration.delivery import registrations_waiting_too_long
from baken.screening.models import ReminderDigest
from baken.screening.services import DueScreening, screening_schedule, with_screening_due


@dataclass(frozen=True)
class DigestOutcome:
    sent: int
    skipped_already_sent: int


def items_for(user: User, today: date) -> list[DueScreening]:
    """A worker hears about due and overdue screenings of their own youths; a designated officer
    about every overdue screening in the organisation."""
    due = with_screening_due(youths_visible_to(user), today=today)
    if user.has_role(Role.DESIGNATED_OFFICER):
        due = due.filter(screening_due_on__lt=today)
    else:
        due = due.filter(screening_due_on__lte=today)
    youths = due.order_by("screening_due_on", "pseudonym").only(
        "pk", "pseudonym", "organisation_id", "care_start", "care_end"
    )
    return screening_schedule(list(youths), today=today)


def meldcode_lines(user: User, today: date) -> list[str]:
    """Stalled reports and reviews due (for designated officers: the whole organisation; for
    workers: their own youths), and case-conference actions they are to be reminded of."""
    youths = youths_visible_to(user)
    lines = []
    for report in stalled_reports(youths, today):
        lines.append(
            "- "
            + _("%(youth)s: report to %(to)s has had no feedback since %(day)s")
            % {
                "youth": report.trajectory.youth.pseudonym,
                "to": report.get_to_display(),
                "day": report.expected_response_on.isoformat(),
            }
        )
    for trajectory in reviews_due(youths, today):
        due = (
            _("%(youth)s: evaluation after the report due on %(day)s")
            if trajectory.status == "reported"
            else _("%(youth)s: review of the help due on %(day)s")
        )
        lines.append(
            "- " + due % {"youth": trajectory.youth.pseudonym, "day": trajectory.review_on}
        )
    for action in open_actions(youths):
        if action.owner_id == user.pk and action.due_on <= today:
            lines.append(
                "- "
                + _("%(youth)s: case-conference action due %(day)s: %(what)s")
                % {
                    "youth": action.conference.youth.pseudonym,
                    "day": action.due_on.isoformat(),
                    "what": action.what,
                }
            )
    return lines


def registration_lines(user: User, now: datetime) -> list[str]:
    """For a designated officer: registrations that have waited more than a working day to
    reach the registry, with the last error in plain words."""
    if not user.has_role(Role.DESIGNATED_OFFICER):
        return []
    lines = []
    for row in registrations_waiting_too_long(youths_visible_to(user), now=now):
        line = _("%(youth)s: registration waiting since %(since)s, %(attempts)d attempt(s)") % {
            "youth": row.youth.pseudonym,
            "since": timezone.localtime(row.created_at).strftime("%Y-%m-%d %H:%M"),
            "attempts": row.attempts,
        }
        if row.last_error:
            line += "; " + _("last error: %(error)s") % {"error": row.last_error_in_words}
        lines.append("- " + line)
    return lines


def _message(
    items: list[DueScreening], meldcode: list[str], base_url: str, registrations: list[str]
) -> str:
    lines = []
    if items:
        lines += [_("Screenings in Baken that need you:"), ""]
        for item in items:
            state = _("overdue since") if item.due.overdue else _("due today")
            lines.append(f"- {item.youth.pseudonym}: {state} {item.due.due_on.isoformat()}")
        lines += ["", f"{base_url}/screening/due/", ""]
    if meldcode:
        lines += [_("Meldcode follow-up:"), "", *meldcode, "", f"{base_url}/meldcode/", ""]
    if registrations:
        lines += [
            _("Registrations that have not reached the registry for more than a working day:"),
            "",
            *registrations,
            "",
            f"{base_url}/registration/",
            "",
        ]
    lines.append(_("(Youths are named by their Baken id only.)"))
    return "\n".join(lines)


def send_digests(*, today: date, base_url: str, now: datetime | None = None) -> DigestOutcome:
    sent = skipped = 0
    users = User.objects.filter(
        is_active=True,
        role_grants__role__in=[Role.YOUTH_WORKER, Role.DESIGNATED_OFFICER],
    ).distinct()
    for user in users:
        if not user.email:
            continue
        items = items_for(user, today)
        meldcode = meldcode_lines(user, today)
        with override("nl"):
            registrations = registration_lines(user, now or timezone.now())
        if not items and not meldcode and not registrations:
            continue
        try:
            with transaction.atomic():
                count = len(items) + len(meldcode) + len(registrations)
                ReminderDigest.objects.create(user=user, sent_on=today, items=count)
                with override("nl"):
                    send_mail(
                        subject=_("Baken: %(count)d item(s) need you") % {"count": count},
                        message=_message(items, meldcode, base_url.rstrip("/"), registrations),
                        from_email=None,
                        recipient_list=[user.email],
                    )
        except IntegrityError:
            skipped += 1
            continue
        sent += 1
    return DigestOutcome(sent=sent, skipped_already_sent=skipped)
