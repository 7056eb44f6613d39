"""The analyst's clerical work, addressed by registrations rather than by the numbers of the last
linkage (which a re-link renews): where a pair of registrations stands now, what one person is
made of (its registrations, the links between them with their evidence, the decisions), and
splitting or joining persons from there. Decisions are kept across re-links (persons.rebuild)."""

from dataclasses import dataclass
from enum import StrEnum

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from baken.accounts.models import User
from baken.registry.link_evidence import Evidence, link_evidence
from baken.registry.models import (
    CandidatePair,
    LinkageRun,
    PairDecision,
    Registration,
    RegistrationStatus,
)
from baken.registry.persons import SETTINGS, decide_pair, link_threshold


class Standing(StrEnum):
    IN_REVIEW = "in_review"  # waiting for an analyst
    DECIDED = "decided"  # an analyst decided
    LINKED = "linked"  # the model links them by itself now
    UNLIKELY = "unlikely"  # scored below the review band now
    NOT_SCORED = "not_scored"  # the last linkage did not compare them (no shared key)
    WITHDRAWN = "withdrawn"  # one of the two has been withdrawn


@dataclass(frozen=True)
class PairState:
    left: Registration
    right: Registration
    pair: CandidatePair | None
    standing: Standing
    threshold: float
    same_person: bool  # in one person now

    @property
    def in_review(self) -> bool:
        return self.standing == Standing.IN_REVIEW


def ordered(a: Registration, b: Registration) -> tuple[Registration, Registration]:
    return (a, b) if a.pk < b.pk else (b, a)


def pair_state(a: Registration, b: Registration) -> PairState:
    left, right = ordered(a, b)
    pair = CandidatePair.objects.filter(left=left, right=right).select_related("decided_by").first()
    threshold = link_threshold()
    if RegistrationStatus.WITHDRAWN in (left.status, right.status):
        standing = Standing.WITHDRAWN
    elif pair is None:
        standing = Standing.NOT_SCORED
    elif pair.decision != PairDecision.NONE:
        standing = Standing.DECIDED
    elif pair.match_probability >= threshold:
        standing = Standing.LINKED
    elif pair.match_probability < min(SETTINGS.review_threshold, threshold):
        standing = Standing.UNLIKELY
    else:
        standing = Standing.IN_REVIEW
    same = bool(left.person_key) and left.person_key == right.person_key
    return PairState(left, right, pair, standing, threshold, same)


@dataclass(frozen=True)
class PersonLink:
    pair: CandidatePair
    evidence: list[Evidence]


@dataclass(frozen=True)
class PersonSummary:
    anchor: Registration  # the registration the person was opened by
    registrations: list[Registration]
    links: list[PersonLink]  # the pairs that hold the person together, with their evidence
    decisions: list[CandidatePair]  # the analysts' decisions on pairs with a registration of it
    to_review: list[CandidatePair]  # uncertain pairs with a registration of it
    threshold: float


def person_summary(anchor: Registration, registrations: list[Registration]) -> PersonSummary:
    ids = {r.pk for r in registrations}
    threshold = link_threshold()
    run = LinkageRun.objects.exclude(finished_at=None).first()
    model = run.model if run is not None else {}
    pairs = list(
        CandidatePair.objects.filter(Q(left_id__in=ids) | Q(right_id__in=ids))
        .select_related("left__source", "right__source", "decided_by")
        .order_by("-match_probability", "left_id", "right_id")
    )
    links = [
        PersonLink(p, link_evidence(model, p.levels, sexes=(p.left.sex, p.right.sex)))
        for p in pairs
        if p.left_id in ids
        and p.right_id in ids
        and (
            p.decision == PairDecision.SAME
            or (p.decision == PairDecision.NONE and p.match_probability >= threshold)
        )
    ]
    review_floor = min(SETTINGS.review_threshold, threshold)
    return PersonSummary(
        anchor=anchor,
        registrations=registrations,
        links=links,
        decisions=[p for p in pairs if p.decision != PairDecision.NONE],
        to_review=[
            p
            for p in pairs
            if p.decision == PairDecision.NONE and review_floor <= p.match_probability < threshold
        ],
        threshold=threshold,
    )


@transaction.atomic
def split_link(
    *, left: Registration, right: Registration, by: User, request: HttpRequest | None
) -> CandidatePair:
    """Mark a link of a person as two different people: a decision on the pair, kept across
    re-links (the two are never put in one person again, unless an analyst decides so)."""
    left, right = ordered(left, right)
    pair = CandidatePair.objects.filter(left=left, right=right).first()
    if pair is None:
        raise ValidationError(_("These two registrations are not linked to each other."))
    return decide_pair(pair=pair, by=by, request=request, same_person=False)


@transaction.atomic
def join_persons(
    *, registration: Registration, other: Registration, by: User, request: HttpRequest | None
) -> CandidatePair:
    """Join the person of `registration` with the person of `other`: a "same person" decision on
    the pair of the two registrations (made for it when the model never scored them), kept
    across re-links."""
    if registration.pk == other.pk:
        raise ValidationError(_("A registration cannot be joined with itself."))
    if RegistrationStatus.WITHDRAWN in (registration.status, other.status):
        raise ValidationError(_("A withdrawn registration cannot be joined."))
    if registration.person_key and registration.person_key == other.person_key:
        raise ValidationError(_("These registrations already belong to one person."))
    left, right = ordered(registration, other)
    pair, _created = CandidatePair.objects.get_or_create(
        left=left, right=right, defaults={"match_probability": 0.0, "levels": {}}
    )
    return decide_pair(pair=pair, by=by, request=request, same_person=True)
