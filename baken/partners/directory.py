"""Answering "who do I call for this youth?" from the youth's municipality."""

from dataclasses import dataclass

from django.db.models import Q, QuerySet

from baken.accounts.models import Division, Organisation, Region
from baken.partners.models import KIND_DIVISION, Partner, PartnerKind, Purpose, SharingGuidance


@dataclass(frozen=True)
class KindAnswer:
    kind: str
    label: str
    region: Region | None  # the youth's region in the division this kind serves
    partners: list[Partner]


def partners_visible_to(organisation: Organisation | None) -> QuerySet[Partner]:
    """Shared reference entries plus the organisation's own."""
    return Partner.objects.filter(Q(owner__isnull=True) | Q(owner=organisation))


def who_to_call(*, municipality: Region, organisation: Organisation | None) -> list[KindAnswer]:
    """Per kind of partner: the youth's region in the division it serves and the partners there
    (or national ones)."""
    if municipality.division != Division.MUNICIPALITY:
        raise ValueError("who_to_call needs a municipality")
    regions = {r.division: r for r in municipality.containing_regions.all()}
    regions[Division.MUNICIPALITY] = municipality
    partners = list(
        partners_visible_to(organisation)
        .filter(Q(region__in=regions.values()) | Q(region__isnull=True))
        .select_related("region")
    )
    answers = []
    for kind, label in PartnerKind.choices:
        division = KIND_DIVISION[kind]
        answers.append(
            KindAnswer(
                kind=kind,
                label=str(label),
                region=regions.get(division) if division else None,
                partners=[p for p in partners if p.kind == kind],
            )
        )
    return answers


def guidance_for(kind: str, purpose: Purpose) -> SharingGuidance | None:
    return SharingGuidance.objects.filter(kind=kind, purpose=purpose).first()


def regional_partners(
    kind: str, *, municipality: Region | None, organisation: Organisation | None
) -> tuple[Region | None, list[Partner]]:
    """The region and the partners of one kind that serve a youth: through the youth's
    municipality when it is known, else through the organisation's own region in the division
    that kind serves. (None, []) when neither is known or nobody is in the directory there."""
    division = KIND_DIVISION[kind]
    region: Region | None = None
    if municipality is not None and division is not None:
        region = (
            municipality
            if division == Division.MUNICIPALITY
            else next(
                (r for r in municipality.containing_regions.all() if r.division == division), None
            )
        )
    if region is None and organisation is not None and division is not None:
        region = organisation.region_for(Division(division))
    if region is None:
        return None, []
    return region, list(partners_visible_to(organisation).filter(kind=kind, region=region))
