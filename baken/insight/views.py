from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from baken.accounts.access import acting_user, role_required
from baken.accounts.models import Role
from baken.insight.figures import MIN_GROUP_SIZE, Period, dashboard
from baken.insight.forms import PeriodForm
from baken.insight.presentation import chart_value, figure_rows, shown_count, trained_tile
from baken.lib.charts import bar_chart
from baken.lib.csv_export import csv_response

VIEWERS = (Role.MANAGER, Role.DESIGNATED_OFFICER)


def _period(request: HttpRequest) -> tuple[PeriodForm, Period]:
    """The period from the query string; without one, the last twelve months, shown in the form."""
    if request.GET:
        form = PeriodForm(request.GET)
        return form, form.period()
    period = PeriodForm().period()
    return PeriodForm(initial={"start": period.start, "end": period.end}), period


@role_required(*VIEWERS)
def dashboard_view(request: HttpRequest) -> HttpResponse:
    user = acting_user(request)
    assert user.organisation is not None  # noqa: S101 - role_required checks it
    form, period = _period(request)
    board = dashboard(user.organisation, period)
    context = {
        "form": form,
        "board": board,
        "rows": figure_rows(board),
        "trained_tile": trained_tile(board),
        "refreshers_tile": shown_count(board.shown_refreshers_overdue),
        "min_group_size": MIN_GROUP_SIZE,
        "charts": [
            bar_chart(
                _("Self-assessment (latest rating, 0-10)"),
                [
                    (
                        _("Recognising, trained"),
                        chart_value(board.rating_trained.shown_recognising),
                    ),
                    (
                        _("Recognising, untrained"),
                        chart_value(board.rating_untrained.shown_recognising),
                    ),
                    (_("Acting, trained"), chart_value(board.rating_trained.shown_acting)),
                    (_("Acting, untrained"), chart_value(board.rating_untrained.shown_acting)),
                ],
            ),
            bar_chart(
                _("Signals recorded per worker in the period"),
                [
                    (
                        _("Per trained worker"),
                        chart_value(board.shown_signals_per_trained_worker),
                    ),
                    (
                        _("Per untrained worker"),
                        chart_value(board.shown_signals_per_untrained_worker),
                    ),
                ],
            ),
            bar_chart(
                _("Registration decisions"),
                [
                    (_("Submitted"), board.registrations_submitted),
                    (_("Pending"), board.tasks_open),
                    (_("Decided against"), board.decided_against),
                ],
            ),
        ],
    }
    return render(request, "insight/dashboard.html", context)


@role_required(*VIEWERS)
def export_view(request: HttpRequest) -> HttpResponse:
    user = acting_user(request)
    assert user.organisation is not None  # noqa: S101 - role_required checks it
    _form, period = _period(request)
    board = dashboard(user.organisation, period)
    filename = f"baken-dashboard-{period.start}-{period.end}.csv"
    return csv_response(filename, [_("Section"), _("Figure"), _("Value")], figure_rows(board))
