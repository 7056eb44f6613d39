"""How the dashboard's figures are shown: rows for the table and the CSV export."""

from django.utils.formats import number_format
from django.utils.translation import gettext as _

from baken.insight.figures import MIN_GROUP_SIZE, Dashboard, TooFew


def too_few_people() -> str:
    return _("too few people (< %(minimum)d)") % {"minimum": MIN_GROUP_SIZE}


def _number(value: float | TooFew | None, digits: int = 1) -> str:
    if isinstance(value, TooFew):
        return too_few_people()
    return "—" if value is None else number_format(round(value, digits))


def shown_count(value: int | TooFew) -> str:
    return too_few_people() if isinstance(value, TooFew) else str(value)


def _share(value: float | TooFew | None) -> str:
    if isinstance(value, TooFew):
        return too_few_people()
    return "—" if value is None else f"{round(100 * value)} %"


def chart_value(value: float | TooFew | None) -> float | None:
    """A bar's value: a figure left out for too few people gets no bar."""
    return None if isinstance(value, TooFew) else value


def trained_tile(board: Dashboard) -> tuple[str, str]:
    """The share-trained tile: (value, label)."""
    if isinstance(board.shown_trained, TooFew):
        return too_few_people(), _("trained (now)")
    label = _("trained (%(trained)d of %(staff)d staff, now)") % {
        "trained": board.trained,
        "staff": board.staff,
    }
    return _share(board.shown_trained_share), label


def figure_rows(board: Dashboard) -> list[tuple[str, str, str]]:
    """(section, figure, value) for every figure on the dashboard, in display order."""
    training, rating, signals = _("Training"), _("Self-assessment"), _("Signals")
    screening, meldcode, registration = _("Screening"), _("Meldcode"), _("Registration")
    rows = [
        (training, _("Staff working with youths"), str(board.staff)),
        (training, _("Trained (all mandatory modules current)"), shown_count(board.shown_trained)),
        (training, _("Share trained"), _share(board.shown_trained_share)),
        (
            training,
            _("Staff with a refresher overdue"),
            shown_count(board.shown_refreshers_overdue),
        ),
        (
            training,
            _("Staff overdue with the mandatory set"),
            shown_count(board.shown_new_staff_overdue),
        ),
        (
            rating,
            _("Recognising signals, trained staff (0-10)"),
            _number(board.rating_trained.shown_recognising),
        ),
        (
            rating,
            _("Recognising signals, untrained staff (0-10)"),
            _number(board.rating_untrained.shown_recognising),
        ),
        (
            rating,
            _("Acting on signals, trained staff (0-10)"),
            _number(board.rating_trained.shown_acting),
        ),
        (
            rating,
            _("Acting on signals, untrained staff (0-10)"),
            _number(board.rating_untrained.shown_acting),
        ),
        (signals, _("Signals recorded by trained staff"), shown_count(board.shown_signals_trained)),
        (
            signals,
            _("Signals recorded by untrained staff"),
            shown_count(board.shown_signals_untrained),
        ),
        (signals, _("Signals per trained worker"), _number(board.shown_signals_per_trained_worker)),
        (
            signals,
            _("Signals per untrained worker"),
            _number(board.shown_signals_per_untrained_worker),
        ),
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
