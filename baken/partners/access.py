"""The chain-partner directory: every institution sees the shared reference entries and its own;
its functional administrator edits only its own. Another organisation's entry, or a missing one,
is the same 404, logged as denied."""

from django.db.models import QuerySet
from django.http import HttpRequest

from baken.accounts.access import refuse_as_missing
from baken.accounts.models import Role, User
from baken.partners.directory import partners_visible_to
from baken.partners.models import Partner


def partners_editable_by(user: User) -> QuerySet[Partner]:
    if not user.has_role(Role.FUNCTIONAL_ADMIN) or user.organisation_id is None:
        return Partner.objects.none()
    return Partner.objects.filter(owner_id=user.organisation_id)


def get_partner_to_edit(user: User, partner_id: int, *, request: HttpRequest | None) -> Partner:
    partner = partners_editable_by(user).filter(pk=partner_id).first()
    if partner is None:
        refuse_as_missing(user, request=request, object_type="partner", object_id=partner_id)
    return partner


def directory_for(user: User) -> QuerySet[Partner]:
    """The entries this user sees in the directory."""
    return partners_visible_to(user.organisation)
