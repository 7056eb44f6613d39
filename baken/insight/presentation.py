"""How the dashboard's figures are shown: rows for the table and the CSV export."""

from django.utils.formats import number_format
from django.utils.translation import gettext as _

from baken.insight.figures import Dashboard


def _number(value: float | None, digits: int = 1) -> str:
    return "—" if value is None else number_format(round(value, digits))


def _share(value: float | None) -> str:
    return "—" if value is None else f"{round(100 * value)} %"


def figure_rows(board: Dashboard) -> list[tuple[str, str, str]]:
    """(section, figure, value) for every figure on the dashboard, in display order."""
    training, rating, signals = _("Training"), _("Self-assessment"), _("Signals")
    screening, meldcode, registration = _("Screening"), _("Meldcode"), _("Registration")
    rows = [
        (training, _("Staff working with youths"), str(board.staff)),
        (training, _("Trained (all mandatory modules current)"), str(board.trained)),
        (training, _("Share trained"), _share(board.trained_share)),
        (training, _("Staff with a refresher overdue"), str(board.refreshers_overdue)),
        (training, _("Staff overdue with the mandatory set"), str(board.new_staff_overdue)),
        (
            rating,
            _("Recognising signals, trained staff (0-10)"),
            _number(board.rating_trained.recognising),
        ),
        (
            rating,
            _("Recognising signals, untrained staff (0-10)"),
            _number(board.rating_untrained.recognising),
        ),
        (
            rating,
            _("Acting on signals, trained staff (0-10)"),
            _number(board.rating_trained.acting),
        ),
        (
            rating,
            _("Acting on signals, untrained staff (0-10)"),
            _number(board.rating_untrained.acting),
        ),
        (signals, _("Signals recorded by trained staff"), str(board.signals_trained)),
        (signals, _("Signals recorded by untrained staff"), str(board.signals_untrained)),
        (signals, _("Signals per trained worker"), _number(board.signals_per_trained_worker)),
        (signals, _("Signals per untrained worker"), _number(board.signals_per_untrained_worker)),
        (signals, _("Signals of high concern"), str(board.high_concern_signals)),
        (screening, _("Youths in care"), str(board.youths_in_care)),
        (screening, _("Screenings completed"), str(board.screenings_completed)),
        (screening, _("Youths screened"), str(board.youths_screened)),
        (screening, _("Screenings during care (not at intake)"), str(board.repeat_screenings)),
        (screening, _("Screenings due within two weeks"), str(board.screenings_due_soon)),
        (screening, _("Screenings overdue"), str(board.screenings_overdue)),
        (meldcode, _("Trajectories started"), str(board.trajectories_started)),
        (meldcode, _("Trajectories open"), str(board.trajectories_open)),
        (meldcode, _("Reports stalled (feedback overdue)"), str(board.reports_stalled)),
        (meldcode, _("Reviews due"), str(board.reviews_due)),
        (registration, _("Registrations submitted"), str(board.registrations_submitted)),
        (registration, _("Registrations not yet delivered"), str(board.registrations_undelivered)),
        (registration, _("Decisions pending"), str(board.tasks_open)),
        (registration, _("Decisions past their deadline"), str(board.tasks_overdue)),
        (registration, _("Decided not to register"), str(board.decided_against)),
    ]
    rows += [
        (registration, _("Not registered: %(reason)s") % {"reason": label}, str(count))
        for label, count in board.decided_against_reasons
    ]
    rows.append(
        (
            _("Organisation"),
            _("Designated officer appointed"),
            ", ".join(board.designated_officers) or _("No"),
        )
    )
    rows += [(_("Answers"), answer.question, answer.explanation) for answer in board.answers]
    return rows
