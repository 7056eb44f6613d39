"""Daily e-mail digests of screenings that are due or overdue. No youth names in e-mail."""

from dataclasses import dataclass
from datetime import date

from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _
from django.utils.translation import override

from baken.accounts.models import Role, User
from baken.cases.access import youths_visible_to
from baken.screening.models import ReminderDigest
from baken.screening.services import DueScreening, screening_schedule


@dataclass(frozen=True)
class DigestOutcome:
    sent: int
    skipped_already_sent: int


def items_for(user: User, today: date) -> list[DueScreening]:
    """A worker hears about due and overdue screenings of their own youths; a designated officer
    about every overdue screening in the organisation."""
    schedule = screening_schedule(youths_visible_to(user), today=today)
    if user.has_role(Role.DESIGNATED_OFFICER):
        return [item for item in schedule if item.due.overdue]
    return [item for item in schedule if item.due.overdue or item.due.due_on == today]


def _message(items: list[DueScreening], link: str) -> str:
    lines = [_("Screenings in Baken that need you:"), ""]
    for item in items:
        state = _("overdue since") if item.due.overdue else _("due today")
        lines.append(f"- {item.youth.pseudonym}: {state} {item.due.due_on.isoformat()}")
    lines += ["", link, _("(Youths are named by their Baken id only.)")]
    return "\n".join(lines)


def send_digests(*, today: date, base_url: str) -> DigestOutcome:
    sent = skipped = 0
    users = User.objects.filter(
        is_active=True,
        role_grants__role__in=[Role.YOUTH_WORKER, Role.DESIGNATED_OFFICER],
    ).distinct()
    for user in users:
        if not user.email:
            continue
        items = items_for(user, today)
        if not items:
            continue
        try:
            with transaction.atomic():
                ReminderDigest.objects.create(user=user, sent_on=today, items=len(items))
                with override("nl"):
                    send_mail(
                        subject=_("Baken: %(count)d screening(s) due") % {"count": len(items)},
                        message=_message(items, f"{base_url.rstrip('/')}/screening/due/"),
                        from_email=None,
                        recipient_list=[user.email],
                    )
        except IntegrityError:
            skipped += 1
            continue
        sent += 1
    return DigestOutcome(sent=sent, skipped_already_sent=skipped)
