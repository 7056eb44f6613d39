"""What a worker can do right after recording a signal of high concern ("Hoog: nu handelen"):
consult the designated officer now, start the meldcode, call Veilig Thuis, and 112 in acute
danger. Composed here because it spans signalling, the meldcode and the partner directory, which
do not import each other in that direction."""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from baken.accounts.models import Region, Role, User
from baken.meldcode.models import Status, Trajectory
from baken.partners.directory import regional_partners
from baken.partners.models import Partner, PartnerKind
from baken.signalling.models import Signal
from baken.signalling.services import consultants_for

NOTE_IN_QUESTION = 500  # characters of the signal's note quoted in the prefilled question


@dataclass(frozen=True)
class NextSteps:
    signal: Signal
    consultants: list[User]
    officer: User | None  # whom to ask first: a designated officer of the organisation
    question: str  # the consultation question, prefilled from the signal
    open_trajectory: Trajectory | None
    veilig_thuis_region: Region | None
    veilig_thuis: list[Partner]  # the region's Veilig Thuis in the partner directory


def prefilled_question(signal: Signal) -> str:
    indicators = ", ".join(indicator.text for indicator in signal.indicators.all())
    lines = [
        _("I recorded a signal of high concern (%(day)s) and want to consult you now.")
        % {"day": signal.observed_on.strftime("%d-%m-%Y")}
    ]
    if indicators:
        lines.append(_("Indicators: %(indicators)s.") % {"indicators": indicators})
    note = (signal.note or "").strip()
    if note:
        if len(note) > NOTE_IN_QUESTION:
            note = note[:NOTE_IN_QUESTION].rstrip() + "…"
        lines.append(_("What I noticed: %(note)s") % {"note": note})
    return "\n".join(lines)


def next_steps_after(signal: Signal) -> NextSteps:
    """The next steps for a signal its caller has read through its access function."""
    youth = signal.youth
    consultants = consultants_for(youth)
    officer = next((c for c in consultants if c.has_role(Role.DESIGNATED_OFFICER)), None)
    region, veilig_thuis = regional_partners(
        PartnerKind.VEILIG_THUIS, municipality=youth.municipality, organisation=youth.organisation
    )
    return NextSteps(
        signal=signal,
        consultants=consultants,
        officer=officer or (consultants[0] if consultants else None),
        question=prefilled_question(signal),
        open_trajectory=youth.meldcode_trajectories.exclude(status=Status.CLOSED).first(),
        veilig_thuis_region=region,
        veilig_thuis=veilig_thuis,
    )
