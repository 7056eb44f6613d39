"""Who may destroy which youth's file on request (Jeugdwet art. 7.3.9): the privacy officer of the
youth's own institution, for every youth of it. Opening the page reads the youth's name and date
of birth (to be sure it is the right file), so it is logged as a read naming the youth; a youth of
another organisation gives the same 404 as one that does not exist, logged as denied."""

from django.db.models import QuerySet
from django.http import HttpRequest

from baken.accounts.access import refuse_as_missing
from baken.accounts.models import OrganisationKind, Role, User
from baken.audit.models import AuditEvent
from baken.audit.services import log_access
from baken.cases.models import Youth


def youths_destroyable_on_request_by(user: User) -> QuerySet[Youth]:
    organisation = user.organisation
    if (
        organisation is None
        or organisation.kind != OrganisationKind.INSTITUTION
        or not user.has_role(Role.PRIVACY_OFFICER)
    ):
        return Youth.objects.none()
    return Youth.objects.filter(organisation=organisation)


def get_youth_for_destruction_on_request(
    user: User, pseudonym: str, *, request: HttpRequest | None
) -> Youth:
    youth = youths_destroyable_on_request_by(user).filter(pseudonym=pseudonym).first()
    if youth is None:
        refuse_as_missing(user, request=request, object_type="youth", object_id=pseudonym)
    log_access(
        event=AuditEvent.READ,
        user=user,
        request=request,
        object_type="youth",
        object_id=youth.pk,
        youth_pseudonym=youth.pseudonym,
        detail="destruction on request (Jeugdwet art. 7.3.9)",
    )
    return youth
