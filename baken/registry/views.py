from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from baken.accounts.access import acting_user, role_required
from baken.accounts.models import OrganisationKind, Role
from baken.lib.charts import band_chart
from baken.lib.csv_export import csv_response
from baken.registry import clerical, persons
from baken.registry.access import (
    get_link_job_for_user,
    get_pair_for_user,
    get_person_of_registration_for_user,
    get_registration_for_user,
    get_registration_pair_for_user,
    get_release_for_export,
    registrations_for_export,
)
from baken.registry.bootstrap_jobs import request_bootstraps
from baken.registry.capture_tables import (
    capture_table,
    default_grouping,
    linkage_quality,
    table_csv,
)
from baken.registry.forms import (
    LIST_CHOICES,
    EstimationForm,
    EstimationPageForm,
    JoinForm,
    PersonLookupForm,
    SplitForm,
    StatisticsForm,
    UploadForm,
)
from baken.registry.link_evidence import Evidence, link_evidence
from baken.registry.models import (
    CandidatePair,
    LinkageRun,
    Registration,
    ReleaseEstimate,
    StatisticsRelease,
)
from baken.registry.person_presentation import (
    comparison_rows,
    evidence_rows,
    registration_facts,
    why_not_in_review,
)
from baken.registry.release_presentation import (
    ShownTable,
    category_chart,
    estimate_rows,
    export_rows,
    minor_share_chart,
    not_deduplicated_total,
    police_units,
    shown,
    shown_tables,
    trend_chart,
    withheld_titles,
)
from baken.registry.services import publish_statistics
from baken.registry.upload import upload_registrations


@role_required(Role.REGISTRY_ANALYST, kind=OrganisationKind.REGISTRY)
def upload_view(request: HttpRequest) -> HttpResponse:
    user = acting_user(request)
    form = UploadForm(request.POST or None, request.FILES or None)
    report = None
    if request.method == "POST" and form.is_valid():
        report = upload_registrations(
            source=form.cleaned_data["source"],
            content=form.cleaned_data["file"].read(),
            default_forms=form.cleaned_data["default_forms"],
            default_reported_on=form.cleaned_data["default_reported_on"],
            by=user,
            request=request,
        )
        messages.success(request, _("The file has been processed."))
    context = {
        "form": form,
        "report": report,
        "count": Registration.objects.count(),
        "release": StatisticsRelease.objects.first(),
    }
    return render(request, "registry/upload.html", context)


@role_required(Role.REGISTRY_ANALYST, kind=OrganisationKind.REGISTRY)
def overview_view(request: HttpRequest) -> HttpResponse:
    active = Registration.objects.active()
    release = StatisticsRelease.objects.first()  # recounted after every re-link and decision
    context = {
        "registrations": active.count(),
        "persons": release.persons if release else active.values("person_key").distinct().count(),
        "counted_at": release.created_at if release else None,
        "unlinked": active.filter(person_key="").count(),
        "to_review": persons.uncertain_pairs().count(),
        "last_run": LinkageRun.objects.exclude(finished_at=None).first(),
    }
    return render(request, "registry/overview.html", context)


@role_required(Role.REGISTRY_ANALYST, kind=OrganisationKind.REGISTRY)
def review_list_view(request: HttpRequest) -> HttpResponse:
    pairs = list(persons.uncertain_pairs()[:200])
    return render(request, "registry/review_list.html", {"pairs": pairs})


@role_required(Role.REGISTRY_ANALYST, kind=OrganisationKind.REGISTRY)
def review_pair_by_number_view(request: HttpRequest, pair_id: int) -> HttpResponse:
    """The old address of a pair (its row number); the address by registrations stays."""
    pair = get_pair_for_user(acting_user(request), pair_id, request=request)
    return redirect(_review_address(pair))


def _review_address(pair: CandidatePair) -> str:
    return reverse(
        "registry:review_pair",
        kwargs={"reference_a": pair.left.reference, "reference_b": pair.right.reference},
    )


@role_required(Role.REGISTRY_ANALYST, kind=OrganisationKind.REGISTRY)
def review_pair_view(request: HttpRequest, reference_a: str, reference_b: str) -> HttpResponse:
    user = acting_user(request)
    a, b = get_registration_pair_for_user(user, reference_a, reference_b, request=request)
    state = clerical.pair_state(a, b)
    if request.method == "POST" and state.in_review and state.pair is not None:
        choice = request.POST.get("decision")
        if choice not in ("same", "different"):
            messages.error(request, _("Choose: same person or different people."))
            return redirect(request.path)
        persons.decide_pair(pair=state.pair, by=user, request=request, same_person=choice == "same")
        messages.success(
            request,
            _("Recorded: same person.") if choice == "same" else _("Recorded: different people."),
        )
        following = persons.uncertain_pairs().first()
        return redirect(_review_address(following) if following else reverse("registry:review"))
    context = {
        "state": state,
        "reason": "" if state.in_review else why_not_in_review(state),
        "rows": comparison_rows(state.left, state.right, police_units()),
        "evidence": evidence_rows(_pair_evidence(state.pair)) if state.pair else [],
    }
    return render(request, "registry/review_pair.html", context)


def _pair_evidence(pair: CandidatePair) -> list[Evidence]:
    run = LinkageRun.objects.exclude(finished_at=None).first()
    return link_evidence(
        run.model if run else {}, pair.levels, sexes=(pair.left.sex, pair.right.sex)
    )


@role_required(Role.REGISTRY_ANALYST, kind=OrganisationKind.REGISTRY)
def person_lookup_view(request: HttpRequest) -> HttpResponse:
    form = PersonLookupForm(request.GET or None)
    if form.is_valid():
        return redirect("registry:person", reference=form.cleaned_data["reference"])
    return render(request, "registry/person_lookup.html", {"form": form})


@role_required(Role.REGISTRY_ANALYST, kind=OrganisationKind.REGISTRY)
def person_view(request: HttpRequest, reference: str) -> HttpResponse:
    user = acting_user(request)
    anchor, members = get_person_of_registration_for_user(user, reference, request=request)
    summary = clerical.person_summary(anchor, members)
    regions = police_units()
    context = {
        "summary": summary,
        "registrations": [registration_facts(r, regions) for r in members],
        "links": [(link.pair, evidence_rows(link.evidence)) for link in summary.links],
        "join_form": JoinForm(),
    }
    return render(request, "registry/person.html", context)


@role_required(Role.REGISTRY_ANALYST, kind=OrganisationKind.REGISTRY)
@require_POST
def split_link_view(request: HttpRequest, reference: str) -> HttpResponse:
    user = acting_user(request)
    get_person_of_registration_for_user(user, reference, request=request)
    form = SplitForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a link of this person to split."))
        return redirect("registry:person", reference=reference)
    left, right = get_registration_pair_for_user(
        user, form.cleaned_data["left"], form.cleaned_data["right"], request=request
    )
    try:
        clerical.split_link(left=left, right=right, by=user, request=request)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("Recorded: %(a)s and %(b)s are different people.")
            % {"a": left.reference, "b": right.reference},
        )
    return redirect("registry:person", reference=reference)


@role_required(Role.REGISTRY_ANALYST, kind=OrganisationKind.REGISTRY)
@require_POST
def join_person_view(request: HttpRequest, reference: str) -> HttpResponse:
    user = acting_user(request)
    anchor, _members = get_person_of_registration_for_user(user, reference, request=request)
    form = JoinForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give the reference of a registration of the other person."))
        return redirect("registry:person", reference=reference)
    other = get_registration_for_user(user, form.cleaned_data["reference"], request=request)
    try:
        clerical.join_persons(registration=anchor, other=other, by=user, request=request)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("Recorded: the person of %(b)s is the same person.") % {"b": other.reference},
        )
    return redirect("registry:person", reference=reference)


@role_required(Role.REGISTRY_ANALYST, kind=OrganisationKind.REGISTRY)
def link_job_view(request: HttpRequest, job_id: int) -> HttpResponse:
    job = get_link_job_for_user(acting_user(request), job_id, request=request)
    return render(request, "registry/link_job.html", {"job": job})


def _release_or_none() -> StatisticsRelease | None:
    return StatisticsRelease.objects.first()


@role_required(Role.REGISTRY_ANALYST, kind=OrganisationKind.REGISTRY)
def statistics_view(request: HttpRequest) -> HttpResponse:
    release = _release_or_none()
    if release is None or not release.years:
        return render(request, "registry/statistics.html", {"release": release})
    form = StatisticsForm(request.GET or None, years=release.years)
    key, years = form.chosen_table(), form.chosen_years()
    table = next(iter(shown_tables(release, years=years, keys=[key])), None)
    latest = years[-1] if years else release.years[-1]
    context = {
        "release": release,
        "form": form,
        "table": table,
        "years": years,
        "charts": [
            trend_chart(release, years),
            minor_share_chart(release, years),
            category_chart(release, key, latest),
        ],
        "query": request.GET.urlencode(),
        "report_year": latest,
        "has_counts": any(t["key"] == "not_deduplicated" for t in release.tables),
        "overall_published": overall_published(release),
        "withheld_titles": withheld_titles(release),
    }
    return render(request, "registry/statistics.html", context)


def overall_published(release: StatisticsRelease) -> bool:
    """The persons and registrations over all years may be shown only while every year's total
    is published: the registrations over all years are the sum of the years' totals, so beside
    one hidden year's total they would give it away."""
    return all(
        isinstance(value, int)
        for table in release.tables
        if table["key"] in ("sex", "registrations_per_source")
        for value in table["total"]
    )


@role_required(Role.REGISTRY_ANALYST, kind=OrganisationKind.REGISTRY)
@require_POST
def publish_view(request: HttpRequest) -> HttpResponse:
    publish_statistics(by=acting_user(request), request=request)
    messages.success(request, _("The statistics have been recounted."))
    return redirect("registry:statistics")


def _export_tables(request: HttpRequest) -> tuple[StatisticsRelease, list[ShownTable]]:
    newest = _release_or_none()
    if newest is None or not newest.years:
        raise Http404
    form = StatisticsForm(request.GET or None, years=newest.years)
    key, years = form.chosen_table(), form.chosen_years()
    keys = None if request.GET.get("all") else [key]
    span = f"{years[0]}-{years[-1]}" if years else "-"
    release = get_release_for_export(
        acting_user(request),
        request=request,
        detail=f"tables {','.join(keys or ['all'])}; years {span}",
    )
    return release, shown_tables(release, years=years, keys=keys)


@role_required(Role.REGISTRY_ANALYST, kind=OrganisationKind.REGISTRY)
def export_csv_view(request: HttpRequest) -> HttpResponse:
    release, tables = _export_tables(request)
    header = [_("Table"), _("Category"), _("Year"), _("Count")]
    filename = f"baken-statistics-{release.created_at:%Y%m%d}.csv"
    return csv_response(filename, header, export_rows(tables))


@role_required(Role.REGISTRY_ANALYST, kind=OrganisationKind.REGISTRY)
def export_xlsx_view(request: HttpRequest) -> HttpResponse:
    from baken.registry.spreadsheet import workbook  # openpyxl: loaded for this download only

    release, tables = _export_tables(request)
    content = workbook(tables, note=disclosure_note(release))
    response = HttpResponse(
        content,
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = (
        f'attachment; filename="baken-statistics-{release.created_at:%Y%m%d}.xlsx"'
    )
    return response


def disclosure_note(release: StatisticsRelease) -> str:
    return _(
        "Counts of persons, not registrations. Counts from 1 to %(below)d are not published "
        "(shown as < %(threshold)d), and further counts are hidden (x) so that none can be "
        "worked out from the totals. Tables by form, sector, source and region count a person "
        "under each value they have, so their rows can add up to more than the total."
    ) % {"below": release.threshold - 1, "threshold": release.threshold}


def _report_context(release: StatisticsRelease, year: int) -> dict[str, Any]:
    years = [y for y in release.years if y <= year][-5:]
    tables = shown_tables(release, years=years[-2:])
    total = next((t for t in release.tables if t["key"] == "sex"), None)
    persons = total["total"][total["years"].index(year)] if total else 0
    return {
        "release": release,
        "year": year,
        "persons": shown(persons, release.threshold),
        "tables": tables,
        "charts": [trend_chart(release, years), minor_share_chart(release, years)],
        "note": disclosure_note(release),
    }


@role_required(Role.REGISTRY_ANALYST, kind=OrganisationKind.REGISTRY)
def report_view(request: HttpRequest, year: int) -> HttpResponse:
    release = _release_or_none()
    if release is None or year not in release.years:
        raise Http404
    return render(request, "registry/annual_report.html", _report_context(release, year))


@role_required(Role.REGISTRY_ANALYST, kind=OrganisationKind.REGISTRY)
def report_pdf_view(request: HttpRequest, year: int) -> HttpResponse:
    from baken.registry.report_pdf import annual_report_pdf  # ReportLab: for this download only

    release = _release_or_none()
    if release is None or year not in release.years:
        raise Http404
    context = _report_context(release, year)
    title = _("Human trafficking: registered persons %(year)d") % {"year": year}
    introduction = [
        _(
            "In %(year)d, %(persons)s persons were registered as (possible) victims of human "
            "trafficking. Each person counts once, however many sources registered them."
        )
        % {"year": year, "persons": context["persons"]}
    ]
    content = annual_report_pdf(
        title=title,
        introduction=introduction,
        charts=context["charts"],
        tables=context["tables"],
        note=context["note"],
    )
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="baken-report-{year}.pdf"'
    return response


def _estimation_choice(
    request: HttpRequest, release: StatisticsRelease | None, data: Any
) -> tuple[EstimationPageForm, list[ReleaseEstimate]]:
    """The form and the release's stored estimates it chooses (none while it has errors: a start
    year after the end year is an error, not all years)."""
    years = release.years if release and release.years else []
    form = EstimationPageForm(data or None, years=years)
    if release is None or (form.is_bound and not form.is_valid()):
        return form, []
    estimates = release.estimates.filter(
        stratum=form.chosen_stratum(), year__in=form.chosen_years()
    ).select_related("bootstrap")
    return form, list(estimates)


@role_required(Role.REGISTRY_ANALYST, kind=OrganisationKind.REGISTRY)
def estimation_view(request: HttpRequest) -> HttpResponse:
    """From the release only: its protected counts, and its stored estimates where those counts
    are published (see docs/estimation.md)."""
    release = _release_or_none()
    form, estimates = _estimation_choice(request, release, request.GET)
    labels = {value: str(label) for value, label in LIST_CHOICES}
    rows = estimate_rows(release, estimates, list_labels=labels) if release else []
    chart = band_chart(
        _("Registered and estimated persons per year"),
        [
            (str(r.year), r.registered_number, r.estimate, r.estimate_low, r.estimate_high)
            for r in rows
            if r.registered_number is not None
        ],
    )
    context = {
        "release": release,
        "form": form,
        "results": rows,
        "chart": chart,
        "quality": linkage_quality(),
        "query": request.GET.urlencode(),
        "lists": [
            str(label) for value, label in LIST_CHOICES if value in default_grouping().values()
        ],
        "working": any(r.bootstrap_status in ("queued", "running") for r in rows),
        "can_bootstrap": any(r.estimate is not None and not r.bootstrap_status for r in rows),
        "not_deduplicated": not_deduplicated_total(release, [r.year for r in rows])
        if release
        else "",
    }
    return render(request, "registry/estimation.html", context)


@role_required(Role.REGISTRY_ANALYST, kind=OrganisationKind.REGISTRY)
@require_POST
def bootstrap_view(request: HttpRequest) -> HttpResponse:
    """Start the BCa bootstrap for the estimates on the page (computed in the background)."""
    release = _release_or_none()
    _form, estimates = _estimation_choice(request, release, request.POST)
    jobs = request_bootstraps(estimates=estimates, by=acting_user(request), request=request)
    if jobs:
        messages.success(
            request,
            _("The bootstrap interval is being computed; this page shows how far it is."),
        )
    query = urlencode({k: v for k, v in request.POST.items() if k != "csrfmiddlewaretoken"})
    return redirect(f"{reverse('registry:estimation')}?{query}")


@role_required(Role.REGISTRY_ANALYST, kind=OrganisationKind.REGISTRY)
def capture_table_view(request: HttpRequest) -> HttpResponse:
    """The capture table of the chosen period, for `baken estimate --bootstrap`."""
    release = _release_or_none()
    form = EstimationForm(request.GET or None, years=release.years if release else [])
    table = capture_table(
        registrations_for_export(acting_user(request), request=request),
        years=form.chosen_years(),
        grouping=form.grouping(),
        stratum=form.chosen_stratum(),
    )
    response = HttpResponse(table_csv(table), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="capture-table.csv"'
    return response
