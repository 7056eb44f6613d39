"""Trajectories, reports and conference actions are reached through their youth, whose access
function logs the read. Another organisation's, or a missing one, is the same 404, logged as
denied."""

from django.db.models import QuerySet
from django.http import HttpRequest

from baken.accounts.access import refuse_as_missing
from baken.accounts.models import User
from baken.cases.access import get_youth_for_user, youths_visible_to
from baken.meldcode.models import ConferenceAction, Report, Trajectory


def trajectories_visible_to(user: User) -> QuerySet[Trajectory]:
    return Trajectory.objects.filter(youth__in=youths_visible_to(user))


def get_trajectory_for_user(
    user: User, trajectory_id: int, *, request: HttpRequest | None
) -> Trajectory:
    trajectory = (
        trajectories_visible_to(user).filter(pk=trajectory_id).select_related("youth").first()
    )
    if trajectory is None:
        refuse_as_missing(user, request=request, object_type="trajectory", object_id=trajectory_id)
    get_youth_for_user(user, trajectory.youth.pseudonym, request=request, object_type="meldcode")
    return trajectory


def get_report_for_user(user: User, report_id: int, *, request: HttpRequest | None) -> Report:
    report = (
        Report.objects.filter(trajectory__youth__in=youths_visible_to(user), pk=report_id)
        .select_related("trajectory__youth")
        .first()
    )
    if report is None:
        refuse_as_missing(user, request=request, object_type="report", object_id=report_id)
    get_youth_for_user(
        user, report.trajectory.youth.pseudonym, request=request, object_type="report"
    )
    return report


def get_action_for_user(
    user: User, action_id: int, *, request: HttpRequest | None
) -> ConferenceAction:
    action = (
        ConferenceAction.objects.filter(conference__youth__in=youths_visible_to(user), pk=action_id)
        .select_related("conference__youth")
        .first()
    )
    if action is None:
        refuse_as_missing(
            user, request=request, object_type="conferenceaction", object_id=action_id
        )
    get_youth_for_user(
        user, action.conference.youth.pseudonym, request=request, object_type="conference"
    )
    return action
