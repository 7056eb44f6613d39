"""Who may see or change what among organisations, teams and users."""

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404

from baken.accounts.models import Role, Team, User


def acting_user(request: HttpRequest) -> User:
    """The logged-in user of a request behind `login_required` or `role_required`."""
    user = request.user
    if not isinstance(user, User):
        raise PermissionDenied
    return user


def role_required(*roles: Role) -> Callable[[Callable[..., HttpResponse]], Callable[..., Any]]:
    """The one role decorator: logged in (with second factor) and holding one of these roles."""

    def decorator(view: Callable[..., HttpResponse]) -> Callable[..., Any]:
        @wraps(view)
        @login_required
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            user = acting_user(request)
            if not user.has_role(*roles) or user.organisation_id is None:
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


def users_managed_by(admin: User) -> QuerySet[User]:
    """The users a functional administrator manages: those of their own organisation."""
    if not admin.has_role(Role.FUNCTIONAL_ADMIN) or admin.organisation_id is None:
        return User.objects.none()
    return User.objects.filter(organisation_id=admin.organisation_id)


def get_user_for_admin(admin: User, user_id: int) -> User:
    """A user of the admin's organisation; anyone else is a 404, the same as a missing one."""
    return get_object_or_404(users_managed_by(admin), pk=user_id)


def teams_managed_by(admin: User) -> QuerySet[Team]:
    if not admin.has_role(Role.FUNCTIONAL_ADMIN) or admin.organisation_id is None:
        return Team.objects.none()
    return Team.objects.filter(organisation_id=admin.organisation_id)
