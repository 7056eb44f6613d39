from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from baken.accounts.access import acting_user, role_required
from baken.accounts.models import Role
from baken.cases.access import get_youth_for_user
from baken.lib.pagination import paginate
from baken.partners import services
from baken.partners.access import directory_for, get_partner_to_edit
from baken.partners.directory import who_to_call
from baken.partners.forms import MunicipalityForm, PartnerForm
from baken.partners.models import Partner, SharingGuidance

INSTITUTION_STAFF = (
    Role.YOUTH_WORKER,
    Role.DESIGNATED_OFFICER,
    Role.BEHAVIOURAL_SCIENTIST,
    Role.MANAGER,
    Role.FUNCTIONAL_ADMIN,
    Role.PRIVACY_OFFICER,
)


@role_required(*INSTITUTION_STAFF)
def directory_view(request: HttpRequest) -> HttpResponse:
    user = acting_user(request)
    form = MunicipalityForm(request.GET or None)
    answers = None
    if form.is_valid():
        answers = who_to_call(
            municipality=form.cleaned_data["municipality"], organisation=user.organisation
        )
    partners = paginate(
        request, directory_for(user).select_related("region").order_by("kind", "name", "pk")
    )
    context = {"form": form, "answers": answers, "partners": partners, "page": partners}
    return render(request, "partners/directory.html", context)


@role_required(Role.YOUTH_WORKER, Role.DESIGNATED_OFFICER, Role.BEHAVIOURAL_SCIENTIST, Role.MANAGER)
def youth_contacts_view(request: HttpRequest, pseudonym: str) -> HttpResponse:
    user = acting_user(request)
    youth = get_youth_for_user(user, pseudonym, request=request, select_related=("municipality",))
    answers = None
    if youth.municipality is not None:
        answers = who_to_call(municipality=youth.municipality, organisation=user.organisation)
    return render(request, "partners/youth_contacts.html", {"youth": youth, "answers": answers})


@role_required(Role.FUNCTIONAL_ADMIN)
def partner_edit_view(request: HttpRequest, partner_id: int | None = None) -> HttpResponse:
    user = acting_user(request)
    partner = get_partner_to_edit(user, partner_id, request=request) if partner_id else Partner()
    form = PartnerForm(request.POST or None, instance=partner)
    if request.method == "POST" and form.is_valid():
        services.save_partner(partner=form.instance, by=user, request=request)
        messages.success(request, _("The contact has been saved."))
        return redirect("partners:directory")
    return render(request, "partners/partner_form.html", {"form": form, "partner": partner})


@role_required(*INSTITUTION_STAFF)
def guidance_view(request: HttpRequest) -> HttpResponse:
    rows = SharingGuidance.objects.order_by("kind", "purpose")
    return render(request, "partners/guidance.html", {"rows": rows})
