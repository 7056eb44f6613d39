from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from baken.accounts.access import acting_user, role_required
from baken.accounts.models import Role
from baken.cases import services
from baken.cases.access import (
    CASE_ROLES,
    UNLISTED_FIELDS,
    emergency_accesses_for_review,
    get_emergency_access_for_review,
    get_youth_for_break_the_glass,
    get_youth_for_user,
    log_youths_listed,
    may_use_break_the_glass,
    youths_findable_by,
    youths_findable_for_access_overview,
    youths_visible_to,
)
from baken.cases.forms import (
    AccessOverviewSearchForm,
    BreakTheGlassForm,
    GuardianForm,
    ReviewForm,
    SearchForm,
    YouthForm,
)
from baken.lib.pagination import paginate


@role_required(*CASE_ROLES)
def youth_list_view(request: HttpRequest) -> HttpResponse:
    user = acting_user(request)
    form = SearchForm(request.GET or None)
    visible = youths_visible_to(user)
    others = []
    page = None
    if form.is_valid() and form.cleaned_data["q"]:
        query = form.cleaned_data["q"]
        youths = services.search_youths(youths=visible, query=query, by=user, request=request)
        if may_use_break_the_glass(user):
            found = {y.pk for y in youths}
            others = [
                y
                for y in services.search_youths(
                    youths=youths_findable_by(user), query=query, by=user, request=request
                )
                if y.pk not in found
            ]
    else:
        page = paginate(
            request,
            visible.filter(care_end__isnull=True).defer(*UNLISTED_FIELDS).prefetch_related("teams"),
        )
        youths = list(page.object_list)
    log_youths_listed(user, [*youths, *others], request=request, page="cases:list")
    context = {"form": form, "youths": youths, "others": others, "page": page}
    return render(request, "cases/youth_list.html", context)


@role_required(Role.YOUTH_WORKER, Role.DESIGNATED_OFFICER)
def youth_create_view(request: HttpRequest) -> HttpResponse:
    user = acting_user(request)
    form = YouthForm(request.POST or None, user=user)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        data.pop("care_end", None)
        try:
            youth = services.open_case_file(
                by=user,
                request=request,
                teams=list(data.pop("teams")),
                risk_factors=list(data.pop("risk_factors")),
                **data,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The case file has been opened."))
            return redirect("home:youth", pseudonym=youth.pseudonym)
    return render(request, "cases/youth_form.html", {"form": form, "creating": True})


@role_required(Role.YOUTH_WORKER, Role.DESIGNATED_OFFICER)
def youth_edit_view(request: HttpRequest, pseudonym: str) -> HttpResponse:
    user = acting_user(request)
    youth = get_youth_for_user(user, pseudonym, request=request)
    initial = {
        name: getattr(youth, name)
        for name in YouthForm.base_fields
        if name not in ("teams", "risk_factors")
    }
    initial |= {"teams": list(youth.teams.all()), "risk_factors": list(youth.risk_factors.all())}
    form = YouthForm(request.POST or None, user=user, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_case_file(
                youth=youth, by=user, request=request, changes=dict(form.cleaned_data)
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The case file has been saved."))
            return redirect("home:youth", pseudonym=youth.pseudonym)
    return render(request, "cases/youth_form.html", {"form": form, "youth": youth})


@role_required(Role.YOUTH_WORKER, Role.DESIGNATED_OFFICER)
def guardian_add_view(request: HttpRequest, pseudonym: str) -> HttpResponse:
    user = acting_user(request)
    youth = get_youth_for_user(user, pseudonym, request=request)
    form = GuardianForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.add_guardian(youth=youth, by=user, request=request, **form.cleaned_data)
        messages.success(request, _("The guardian has been added."))
        return redirect("home:youth", pseudonym=youth.pseudonym)
    return render(request, "cases/guardian_form.html", {"form": form, "youth": youth})


@role_required(Role.YOUTH_WORKER)
def break_the_glass_view(request: HttpRequest, pseudonym: str) -> HttpResponse:
    user = acting_user(request)
    youth = get_youth_for_break_the_glass(user, pseudonym, request=request)
    form = BreakTheGlassForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.break_the_glass(
                youth=youth, by=user, request=request, reason=form.cleaned_data["reason"]
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.warning(
                request, _("Emergency access granted for a limited time. It is being reviewed.")
            )
            return redirect("home:youth", pseudonym=youth.pseudonym)
    return render(request, "cases/break_the_glass.html", {"form": form, "youth": youth})


@role_required(Role.PRIVACY_OFFICER)
def emergency_review_list_view(request: HttpRequest) -> HttpResponse:
    user = acting_user(request)
    accesses = paginate(
        request,
        emergency_accesses_for_review(user)
        .select_related("youth", "user", "reviewed_by")
        .order_by("-granted_at", "-pk"),
    )
    log_youths_listed(
        user,
        [a.youth for a in accesses.object_list],
        request=request,
        page="cases:emergency_review_list",
    )
    return render(
        request,
        "cases/emergency_review.html",
        {"accesses": accesses, "page": accesses, "form": ReviewForm()},
    )


@role_required(Role.PRIVACY_OFFICER)
@require_POST
def emergency_review_view(request: HttpRequest, access_id: int) -> HttpResponse:
    user = acting_user(request)
    access = get_emergency_access_for_review(user, access_id, request=request)
    form = ReviewForm(request.POST)
    if form.is_valid():
        services.review_emergency_access(
            access=access, by=user, request=request, note=form.cleaned_data["note"]
        )
        messages.success(request, _("Marked as reviewed."))
    return redirect("cases:emergency_review_list")


@role_required(Role.PRIVACY_OFFICER)
def access_overview_search_view(request: HttpRequest) -> HttpResponse:
    """The privacy officer finds the youth whose access overview is asked for: by name (the blind
    index) or by pseudonymous id; "no youth found" when there is none."""
    user = acting_user(request)
    form = AccessOverviewSearchForm(request.GET or None)
    found = None
    if form.is_valid():
        query = form.cleaned_data["q"].strip()
        youths = youths_findable_for_access_overview(user)
        exact = youths.filter(pseudonym=query.upper()).first()
        if exact is not None:
            overview = reverse("audit:youth_overview")
            return redirect(f"{overview}?{urlencode({'youth_pseudonym': exact.pseudonym})}")
        found = services.search_youths(youths=youths, query=query, by=user, request=request)
        log_youths_listed(user, found, request=request, page="cases:access_overview_search")
    context = {"form": form, "found": found}
    return render(request, "cases/access_overview_search.html", context)
