"""The three routes of a registration (docs/legal-basis.md §2), each recorded per disclosure with
who decided, when and why: (a) consent of every person the law asks, each separately; (b) the
statistics exception, confirmed by the designated officer, never after an objection; (c) after a
refusal or an objection only an untraceable count. Care coordination has its own consent; a
withdrawn consent or a later objection withdraws what was sent."""

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.utils import timezone

from baken.cases.models import Youth
from baken.cases.testing import make_youth
from baken.registration import services
from baken.registration.models import (
    CallKind,
    ConsentDecision,
    DeliveryStatus,
    Disclosure,
    DisclosureStatus,
    FileNote,
    NoteKind,
    OutboundCall,
    OutboundRegistration,
    RegistrationPolicy,
    RegistrationTask,
    Route,
    TaskStatus,
)
from baken.registration.services import Answer, CareRequest, Content
from baken.registration.testing import add_parents, answers_of_everyone, open_task
from baken.testing import Cast

pytestmark = pytest.mark.django_db
TODAY = date(2026, 6, 1)
COUNT_FIELDS = {"dossier_type", "year", "forms", "minor", "reporter_region"}


@pytest.fixture(autouse=True)
def pseudonym_key(settings: Any) -> None:
    settings.BAKEN_PSEUDONYM_KEY = "the-key-shared-by-registering-organisations-42"


@pytest.fixture(autouse=True)
def today() -> Any:
    with time_machine.travel(TODAY, tick=False):
        yield


def youth_born(cast: Cast, born: str, *, parents: int = 2) -> Youth:
    youth = make_youth(cast.worker_a, teams=[cast.team_a1], born=born)
    names = ("Marieke Bakker", "Ahmed Bakker")[:parents]
    if names:
        add_parents(youth, cast.worker_a, *names)
    return youth


def consent(cast: Cast, youth: Youth, answers: list[Answer], **kwargs: Any) -> Disclosure:
    return services.record_consent(
        task=open_task(youth),
        by=cast.officer_a,
        request=None,
        answers=answers,
        content=Content(forms=["sexual-domestic"], cross_border=False),
        **kwargs,
    )


# -- route (a) -----------------------------------------------------------------------------------


def test_from_12_to_15_the_youth_and_both_parents_consent_each_recorded(cast: Cast) -> None:
    youth = youth_born(cast, "2012-03-01")  # 14
    mother, father = youth.guardians.order_by("pk")

    disclosure = consent(cast, youth, answers_of_everyone(youth))

    parties = {(p.role, p.guardian_id, p.decision) for p in disclosure.parties.all()}
    assert parties == {
        ("youth", None, "given"),
        ("holder_of_authority", mother.pk, "given"),
        ("holder_of_authority", father.pk, "given"),
    }
    assert all(
        p.decided_on == TODAY and p.recorded_by == cast.officer_a for p in disclosure.parties.all()
    )
    assert (disclosure.route, disclosure.art6_basis, disclosure.art9_basis) == (
        Route.CONSENT,
        "6(1)(a)",
        "9(2)(a)",
    )
    assert disclosure.secrecy_basis == "consent" and disclosure.age_at_time == 14
    assert disclosure.consent_from == ["guardian", "youth"]
    payload = disclosure.registration.payload  # type: ignore[union-attr]
    assert payload["dossier_type"] == "statistical" and payload["pseudonyms"]["k_full"]
    assert "contact" not in payload and "Bakker" not in str(payload)
    assert disclosure.task.status == TaskStatus.REGISTERED  # type: ignore[union-attr]


def test_from_12_to_15_one_parent_s_answer_missing_is_refused(cast: Cast) -> None:
    youth = youth_born(cast, "2012-03-01")
    mother = youth.guardians.order_by("pk").first()
    assert mother is not None
    answers = [a for a in answers_of_everyone(youth) if a.key != f"guardian_{mother.pk}"]

    with pytest.raises(ValidationError) as missing:
        consent(cast, youth, answers)

    assert f"party_guardian_{mother.pk}" in missing.value.message_dict
    assert not OutboundRegistration.objects.exists()


def test_under_12_the_holders_of_authority_consent_not_the_youth(cast: Cast) -> None:
    youth = youth_born(cast, "2016-01-01")  # 10
    with pytest.raises(ValidationError) as extra:
        consent(cast, youth, [*answers_of_everyone(youth), Answer("youth", "given", TODAY)])
    assert "party_youth" in extra.value.message_dict

    disclosure = consent(cast, youth, answers_of_everyone(youth))
    assert {p.role for p in disclosure.parties.all()} == {"holder_of_authority"}
    assert disclosure.parties.count() == 2


def test_from_16_the_youth_alone(cast: Cast) -> None:
    youth = youth_born(cast, "2009-01-01")  # 17
    mother = youth.guardians.order_by("pk").first()
    assert mother is not None
    with pytest.raises(ValidationError):
        consent(
            cast,
            youth,
            [Answer("youth", "given", TODAY), Answer(f"guardian_{mother.pk}", "given", TODAY)],
        )

    disclosure = consent(cast, youth, [Answer("youth", "given", TODAY)])
    assert [p.role for p in disclosure.parties.all()] == ["youth"]


def test_the_age_counts_on_the_day_consent_was_asked(cast: Cast) -> None:
    youth = youth_born(cast, "2010-05-20")  # 16 today, 15 a month ago
    asked = TODAY - timedelta(days=30)

    disclosure = consent(cast, youth, answers_of_everyone(youth, on=asked))

    assert disclosure.age_at_time == 15 and disclosure.parties.count() == 3


def test_a_parent_without_parental_authority_does_not_consent(cast: Cast) -> None:
    youth = youth_born(cast, "2012-03-01", parents=0)
    add_parents(youth, cast.worker_a, "Johan de Boer", with_authority=False)

    with pytest.raises(ValidationError, match="gezagsregister"):
        consent(cast, youth, [Answer("youth", "given", TODAY)])


def test_a_youth_who_cannot_assess_is_represented_with_a_documented_reason(cast: Cast) -> None:
    youth = youth_born(cast, "2009-01-01")  # 17
    guardians = answers_of_everyone(youth, youth_cannot_assess=True)
    assert {a.key for a in guardians} == {f"guardian_{g.pk}" for g in youth.guardians.all()}

    with pytest.raises(ValidationError) as undocumented:
        consent(cast, youth, guardians, youth_cannot_assess=True)
    assert "cannot_assess_note" in undocumented.value.message_dict

    disclosure = consent(
        cast,
        youth,
        guardians,
        youth_cannot_assess=True,
        cannot_assess_note="Ernstige verstandelijke beperking; gedragswetenschapper, mei 2026.",
    )
    assert disclosure.youth_cannot_assess
    assert {p.role for p in disclosure.parties.all()} == {"holder_of_authority"}


def test_no_consent_without_a_date_of_birth(cast: Cast) -> None:
    youth = youth_born(cast, "2012-03-01")
    Youth.objects.filter(pk=youth.pk).update(date_of_birth=None)
    youth.refresh_from_db()
    with pytest.raises(ValidationError, match="geboortedatum"):
        consent(cast, youth, [Answer("youth", "given", TODAY)])


# -- route (c) -----------------------------------------------------------------------------------


def test_one_refusal_sends_only_an_untraceable_count(cast: Cast) -> None:
    youth = youth_born(cast, "2012-03-01")
    father = youth.guardians.order_by("pk").last()
    assert father is not None

    disclosure = consent(
        cast, youth, answers_of_everyone(youth, except_for={f"guardian_{father.pk}": "refused"})
    )

    assert disclosure.route == Route.COUNT_ONLY and disclosure.count_because == "refused"
    assert (disclosure.art6_basis, disclosure.art9_basis, disclosure.secrecy_basis) == ("", "", "")
    outbound = disclosure.registration
    assert outbound is not None and outbound.dossier_type == "count_only"
    assert set(outbound.payload) == COUNT_FIELDS
    assert outbound.payload["year"] == 2026 and outbound.payload["minor"] is True
    assert OutboundRegistration.objects.count() == 1  # nothing with pseudonyms
    assert disclosure.parties.filter(decision="refused").get().guardian == father
    assert disclosure.task.status == TaskStatus.COUNTED  # type: ignore[union-attr]
    note = FileNote.objects.get(youth=youth)
    assert note.kind == NoteKind.COUNT and "onherleidbare telling" in note.text


def test_the_data_protection_officer_can_switch_the_count_off(cast: Cast) -> None:
    RegistrationPolicy.objects.create(organisation=cast.institution_a, send_count=False)
    youth = youth_born(cast, "2009-01-01")

    disclosure = consent(cast, youth, [Answer("youth", "refused", TODAY)])

    assert disclosure.route == Route.NOTHING and disclosure.registration is None
    assert not OutboundRegistration.objects.exists()
    assert disclosure.task.status == TaskStatus.NOT_REGISTERED  # type: ignore[union-attr]


def test_only_the_privacy_officer_changes_the_count_and_the_basis_without_consent(
    cast: Cast,
) -> None:
    settings: dict[str, Any] = {"registrar": "designated_officer", "deadline_working_days": 10}
    with pytest.raises(ValidationError) as refused:
        services.set_policy(
            organisation=cast.institution_a,
            by=cast.officer_a,
            request=None,
            send_count=False,
            basis_without_consent="6(1)(e)",
            **settings,
        )
    assert set(refused.value.message_dict) == {"send_count", "basis_without_consent"}
    policy = services.set_policy(
        organisation=cast.institution_a,
        by=cast.privacy_officer,
        request=None,
        send_count=False,
        basis_without_consent="6(1)(e)",
        **settings,
    )
    assert not policy.send_count and policy.basis_without_consent == "6(1)(e)"


def object_(cast: Cast, youth: Youth, **kwargs: Any) -> None:
    services.record_objection(
        youth=youth,
        by=cast.officer_a,
        request=None,
        role="youth",
        guardian=None,
        objected_on=TODAY,
        **kwargs,
    )


def test_an_objection_sends_only_the_count_and_is_final(cast: Cast) -> None:
    youth = youth_born(cast, "2009-01-01")
    task = open_task(youth)

    object_(cast, youth, task=task, forms=["criminal"])

    task.refresh_from_db()
    count = Disclosure.objects.get(youth=youth)
    assert task.status == TaskStatus.COUNTED and count.count_because == "objection"
    assert set(count.registration.payload) == COUNT_FIELDS  # type: ignore[union-attr]
    later = RegistrationTask.objects.create(
        youth=youth, trigger="meldcode", trigger_id=2, due_on=TODAY
    )
    attempts: list[Callable[[], object]] = [
        lambda: services.propose_statistics_exception(
            task=later,
            by=cast.officer_a,
            request=None,
            reason_kind="harm",
            reason="Vragen zou haar ernstig ontregelen, zegt de behandelaar.",
            content=Content(forms=["criminal"]),
        ),
        lambda: services.record_consent(
            task=later,
            by=cast.officer_a,
            request=None,
            answers=[Answer("youth", "given", TODAY)],
            content=Content(forms=["criminal"]),
        ),
    ]
    for attempt in attempts:
        with pytest.raises(ValidationError, match="bezwaar"):
            attempt()
    assert not OutboundRegistration.objects.exclude(dossier_type="count_only").exists()
    assert not hasattr(RegistrationPolicy(), "statistical_after_objection")


# -- route (b) -----------------------------------------------------------------------------------


def propose(cast: Cast, youth: Youth, **changes: Any) -> Disclosure:
    arguments: dict[str, Any] = {
        "task": open_task(youth),
        "by": cast.officer_a,
        "request": None,
        "reason_kind": "harm",
        "reason": "Vragen zou haar nu ernstig ontregelen (behandelaar, 28 mei).",
        "content": Content(forms=["sexual-domestic"]),
    }
    return services.propose_statistics_exception(**{**arguments, **changes})


def test_the_exception_needs_a_reason_and_the_designated_officer_s_confirmation(
    cast: Cast,
) -> None:
    RegistrationPolicy.objects.create(organisation=cast.institution_a, registrar="youth_worker")
    youth = youth_born(cast, "2012-03-01")
    with pytest.raises(ValidationError) as unexplained:
        propose(cast, youth, by=cast.worker_a, reason="te moeilijk")
    assert "exception_reason" in unexplained.value.message_dict

    proposal = propose(cast, youth, by=cast.worker_a)

    assert proposal.status == DisclosureStatus.PROPOSED and proposal.proposed_by == cast.worker_a
    assert not OutboundRegistration.objects.exists()  # nothing goes before the officer confirms
    with pytest.raises(ValidationError, match="aandachtfunctionaris"):
        services.confirm_statistics_exception(disclosure=proposal, by=cast.worker_a, request=None)
    assert not OutboundRegistration.objects.exists()

    confirmed = services.confirm_statistics_exception(
        disclosure=proposal, by=cast.officer_a, request=None
    )

    assert confirmed.confirmed_by == cast.officer_a and confirmed.confirmed_at is not None
    assert (confirmed.art6_basis, confirmed.art9_basis, confirmed.secrecy_basis) == (
        "6(1)(f)",
        "9(2)(j)+89(1)+UAVG 24",
        "BW 7:458",
    )
    assert confirmed.exception_reason_kind == "harm"
    outbound = confirmed.registration
    assert outbound is not None and outbound.payload["dossier_type"] == "statistical"
    assert "contact" not in outbound.payload
    note = FileNote.objects.get(youth=youth, kind=NoteKind.WITHOUT_CONSENT)
    assert "BW 7:458" in note.text and "ontregelen" in note.text
    assert confirmed.task.status == TaskStatus.REGISTERED  # type: ignore[union-attr]


def test_a_statutory_task_gives_6_1_e_by_the_privacy_officer_s_choice(cast: Cast) -> None:
    RegistrationPolicy.objects.create(
        organisation=cast.institution_a, basis_without_consent="6(1)(e)"
    )
    youth = youth_born(cast, "2009-01-01")
    proposal = propose(cast, youth)

    confirmed = services.confirm_statistics_exception(
        disclosure=proposal, by=cast.officer_a, request=None
    )

    assert confirmed.art6_basis == "6(1)(e)"


def test_the_exception_is_closed_after_a_refusal_and_after_an_objection(cast: Cast) -> None:
    refused = youth_born(cast, "2009-01-01")
    consent(cast, refused, [Answer("youth", "refused", TODAY)])
    later = RegistrationTask.objects.create(
        youth=refused, trigger="meldcode", trigger_id=2, due_on=TODAY
    )
    with pytest.raises(ValidationError, match="geweigerd"):
        propose(cast, refused, task=later)

    objected = youth_born(cast, "2009-02-01")
    proposal = propose(cast, objected)
    object_(cast, objected)  # after the proposal, before the confirmation
    with pytest.raises(ValidationError, match="bezwaar"):
        services.confirm_statistics_exception(disclosure=proposal, by=cast.officer_a, request=None)
    assert not OutboundRegistration.objects.exclude(dossier_type="count_only").exists()


# -- withdrawal ----------------------------------------------------------------------------------


def delivered(outbound: OutboundRegistration, reference: str = "R-AAAAA-BBBBB") -> None:
    OutboundRegistration.objects.filter(pk=outbound.pk).update(
        status=DeliveryStatus.DELIVERED, attempts=1, registry_reference=reference
    )
    outbound.refresh_from_db()


def test_a_later_objection_withdraws_earlier_registrations_at_the_registry(cast: Cast) -> None:
    youth = youth_born(cast, "2009-01-01")
    proposal = propose(cast, youth)
    confirmed = services.confirm_statistics_exception(
        disclosure=proposal, by=cast.officer_a, request=None
    )
    assert confirmed.registration is not None
    delivered(confirmed.registration)

    object_(cast, youth)

    confirmed.refresh_from_db()
    assert confirmed.status == DisclosureStatus.WITHDRAWN
    call = OutboundCall.objects.get()
    assert (call.kind, call.status, call.body) == (
        CallKind.WITHDRAW,
        DeliveryStatus.QUEUED,
        {"reason": "objection"},
    )
    count = Disclosure.objects.get(youth=youth, route=Route.COUNT_ONLY)
    assert count.count_because == "objection"
    assert set(count.registration.payload) == COUNT_FIELDS  # type: ignore[union-attr]
    kinds = set(FileNote.objects.filter(youth=youth).values_list("kind", flat=True))
    assert {NoteKind.OBJECTION, NoteKind.WITHDRAWAL, NoteKind.COUNT} <= kinds


def test_withdrawing_consent_withdraws_what_was_sent_on_it(cast: Cast) -> None:
    youth = youth_born(cast, "2012-03-01")
    disclosure = consent(cast, youth, answers_of_everyone(youth))
    assert disclosure.registration is not None
    delivered(disclosure.registration)
    mother = disclosure.parties.get(guardian=youth.guardians.order_by("pk").first())

    services.withdraw_consent(party=mother, by=cast.worker_a, request=None, withdrawn_on=TODAY)

    disclosure.refresh_from_db()
    assert disclosure.status == DisclosureStatus.WITHDRAWN
    assert disclosure.withdrawn_by == cast.worker_a
    assert ConsentDecision.objects.get(pk=mother.pk).withdrawn_on == TODAY
    assert OutboundCall.objects.get().body == {"reason": "consent withdrawn"}
    assert FileNote.objects.filter(youth=youth, kind=NoteKind.WITHDRAWAL).exists()
    with pytest.raises(ValidationError):  # once withdrawn, there is nothing left to withdraw
        services.withdraw_consent(party=mother, by=cast.worker_a, request=None, withdrawn_on=TODAY)


def test_a_registration_that_never_left_is_cancelled_not_sent(cast: Cast) -> None:
    youth = youth_born(cast, "2009-01-01")
    disclosure = consent(cast, youth, [Answer("youth", "given", TODAY)])
    party = disclosure.parties.get()

    services.withdraw_consent(party=party, by=cast.worker_a, request=None, withdrawn_on=TODAY)

    assert disclosure.registration is not None
    disclosure.registration.refresh_from_db()
    assert disclosure.registration.status == DeliveryStatus.CANCELLED
    assert not OutboundCall.objects.exists()


# -- care coordination ---------------------------------------------------------------------------


def care(answers: list[Answer], dossier_type: str = "shelter") -> CareRequest:
    contact = {"name": "Lisa de Boer", "phone": "0612345678", "contact_person": "Officer A"}
    return CareRequest(dossier_type=dossier_type, contact=contact, answers=answers)


def test_a_request_for_shelter_is_its_own_disclosure_with_its_own_consent(cast: Cast) -> None:
    youth = youth_born(cast, "2009-01-01")

    disclosure = consent(
        cast, youth, [Answer("youth", "given", TODAY)], care=care([Answer("youth", "given", TODAY)])
    )

    outbound = disclosure.registration
    assert outbound is not None and outbound.payload["dossier_type"] == "shelter"
    assert outbound.payload["contact"]["name"] == "Lisa de Boer"
    request = Disclosure.objects.get(youth=youth, purpose="care_coordination")
    assert request.route == Route.CONSENT and request.registration == outbound
    assert request.contact_fields == ["contact_person", "name", "phone"]
    assert request.parties.get().decision == "given"


def test_without_consent_to_the_request_only_the_registration_goes(cast: Cast) -> None:
    youth = youth_born(cast, "2009-01-01")

    disclosure = consent(
        cast,
        youth,
        [Answer("youth", "given", TODAY)],
        care=care([Answer("youth", "refused", TODAY)]),
    )

    assert disclosure.registration.payload["dossier_type"] == "statistical"  # type: ignore[union-attr]
    assert "contact" not in disclosure.registration.payload  # type: ignore[union-attr]
    request = Disclosure.objects.get(youth=youth, purpose="care_coordination")
    assert request.route == Route.NOTHING and request.contact_fields == []


def test_a_request_never_goes_without_consent_to_the_registration(cast: Cast) -> None:
    youth = youth_born(cast, "2009-01-01")
    with pytest.raises(ValidationError) as refused:
        consent(
            cast,
            youth,
            [Answer("youth", "refused", TODAY)],
            care=care([Answer("youth", "given", TODAY)]),
        )
    assert "care_request" in refused.value.message_dict
    assert not OutboundRegistration.objects.exists()


def test_withdrawing_consent_to_care_coordination_takes_back_only_the_request(
    cast: Cast,
) -> None:
    youth = youth_born(cast, "2009-01-01")
    disclosure = consent(
        cast, youth, [Answer("youth", "given", TODAY)], care=care([Answer("youth", "given", TODAY)])
    )
    assert disclosure.registration is not None
    delivered(disclosure.registration)
    request = Disclosure.objects.get(youth=youth, purpose="care_coordination")

    services.withdraw_consent(
        party=request.parties.get(), by=cast.worker_a, request=None, withdrawn_on=TODAY
    )

    call = OutboundCall.objects.get()
    assert call.kind == CallKind.CORRECT and call.body["dossier_type"] == "statistical"
    assert "contact" not in call.body and call.body["pseudonyms"]["k_name"]
    disclosure.refresh_from_db()
    assert disclosure.status == DisclosureStatus.DECIDED  # the registration stays


def test_every_decision_is_in_the_audit_log(cast: Cast) -> None:
    from baken.audit.models import AuditEntry

    youth = youth_born(cast, "2009-01-01")
    disclosure = consent(cast, youth, [Answer("youth", "given", TODAY)])

    logged = AuditEntry.objects.filter(youth_pseudonym=youth.pseudonym)
    assert logged.filter(object_type="disclosure", object_id=str(disclosure.pk)).exists()
    assert logged.filter(event="transfer", object_type="outboundregistration").exists()
    assert timezone.localdate() == TODAY
