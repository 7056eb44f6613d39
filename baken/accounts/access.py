"""Who may see or change what among organisations, teams and users; the one role decorator; and
how every access function refuses (logged as denied, never as a read)."""

from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps
from typing import Any, NoReturn

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse

from baken.accounts.models import OrganisationKind, Role, Team, User
from baken.audit.models import AuditEvent, AuditOutcome
from baken.audit.services import log_access


def acting_user(request: HttpRequest) -> User:
    """The logged-in user of a request behind `login_required` or `role_required`."""
    user = request.user
    if not isinstance(user, User):
        raise PermissionDenied
    return user


def _attempted_event(request: HttpRequest | None) -> AuditEvent:
    if request is None or request.method in ("GET", "HEAD", "OPTIONS"):
        return AuditEvent.READ
    return AuditEvent.UPDATE


def refuse_as_missing(
    user: User, *, request: HttpRequest | None, object_type: str, object_id: object
) -> NoReturn:
    """404 for an object that is missing or not this user's (the same answer for both), logged as
    a denied attempt with the key that was asked for."""
    log_access(
        event=_attempted_event(request),
        user=user,
        request=request,
        object_type=object_type,
        object_id=str(object_id)[:64],
        outcome=AuditOutcome.DENIED,
        detail="not found or not visible to this user",
    )
    raise Http404


def refuse(user: User, *, request: HttpRequest | None, reason: str) -> NoReturn:
    """403: the user may reach the object but not do this with it; logged as denied."""
    log_access(
        event=_attempted_event(request),
        user=user,
        request=request,
        object_type="page",
        object_id=request.resolver_match.view_name[:64]
        if request is not None and request.resolver_match
        else "",
        outcome=AuditOutcome.DENIED,
        detail=f"{request.method} {request.path}: {reason}"[:500] if request else reason,
    )
    raise PermissionDenied


@dataclass(frozen=True)
class AccessRule:
    """What `role_required` demands, kept on the view for the URL-generated access matrix."""

    roles: frozenset[Role]
    kind: OrganisationKind | None


def holds(user: User, rule: AccessRule) -> bool:
    """The user holds one of the roles in an organisation of the rule's kind (any kind if None):
    a registry's functional administrator is not an institution's."""
    organisation = user.organisation
    if organisation is None or not user.has_role(*rule.roles):
        return False
    return rule.kind is None or organisation.kind == rule.kind


def role_required(
    *roles: Role, kind: OrganisationKind | None = OrganisationKind.INSTITUTION
) -> Callable[[Callable[..., HttpResponse]], Callable[..., Any]]:
    """The one role decorator: logged in (with second factor) and holding one of these roles in an
    organisation of this kind: the institution's by default, `OrganisationKind.REGISTRY` for the
    registry's pages, None where both sides are served (one's own users, the audit log).
    A refusal is a 403, logged as denied."""
    rule = AccessRule(roles=frozenset(roles), kind=kind)

    def decorator(view: Callable[..., HttpResponse]) -> Callable[..., Any]:
        @wraps(view)
        @login_required
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            user = acting_user(request)
            if not holds(user, rule):
                refuse(user, request=request, reason="role or organisation not allowed")
            return view(request, *args, **kwargs)

        wrapped.access_rule = rule  # type: ignore[attr-defined]
        return wrapped

    return decorator


def users_managed_by(admin: User) -> QuerySet[User]:
    """The users a functional administrator manages: those of their own organisation."""
    if not admin.has_role(Role.FUNCTIONAL_ADMIN) or admin.organisation_id is None:
        return User.objects.none()
    return User.objects.filter(organisation_id=admin.organisation_id)


def get_user_for_admin(admin: User, user_id: int, *, request: HttpRequest | None) -> User:
    """A user of the admin's organisation; anyone else is a 404, the same as a missing one."""
    user = users_managed_by(admin).filter(pk=user_id).first()
    if user is None:
        refuse_as_missing(admin, request=request, object_type="user", object_id=user_id)
    return user


def teams_managed_by(admin: User) -> QuerySet[Team]:
    if not admin.has_role(Role.FUNCTIONAL_ADMIN) or admin.organisation_id is None:
        return Team.objects.none()
    return Team.objects.filter(organisation_id=admin.organisation_id)


def colleagues_of(user: User) -> QuerySet[User]:
    """The active users of one's own organisation (to name in a case conference, for example)."""
    if user.organisation_id is None:
        return User.objects.none()
    return User.objects.filter(organisation_id=user.organisation_id, is_active=True)
