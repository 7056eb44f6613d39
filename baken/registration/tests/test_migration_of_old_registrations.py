"""The data migration that gives every registration made before issue 14 its disclosure: the bases
by their real names, and the made-up basis "pseudonymised_statistics" (keyed pseudonyms sent after
a refusal or objection) withdrawn at the registry and replaced by the untraceable count."""

from datetime import date
from typing import Any

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

pytestmark = pytest.mark.django_db(transaction=True)
BEFORE = [("registration", "0004_disclosures")]
AFTER = [("registration", "0006_remove_single_consent_fields")]


def migrate(targets: list[tuple[str, str]]) -> Any:
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.fixture(autouse=True)
def back_to_the_latest_schema() -> Any:
    """The tests after this one need every migration: migrate forward to the latest again."""
    yield
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())


def test_old_registrations_get_their_route_and_the_made_up_basis_is_withdrawn() -> None:
    old = migrate(BEFORE)
    organisation = old.get_model("accounts", "Organisation").objects.create(
        name="Instelling A", kind="institution"
    )
    user = old.get_model("accounts", "User").objects.create(
        username="officer", organisation=organisation
    )
    youth = old.get_model("cases", "Youth").objects.create(
        organisation=organisation, given_names="Lisa", family_name="de Boer", created_by=user
    )
    outbound = old.get_model("registration", "OutboundRegistration").objects
    payload = {
        "dossier_type": "statistical",
        "pseudonyms": {"key_version": "k1", "k_full": "ab" * 16},
        "forms": ["criminal"],
        "minor": True,
        "reported_on": "2026-03-02",
        "reporter_region": "RE09",
    }
    with_consent = outbound.create(
        youth=youth, created_by=user, dossier_type="statistical", payload=payload,
        lawful_basis="consent", consent="given", status="delivered",
        registry_reference="R-AAAAA-AAAAA",
    )  # fmt: skip
    exception = outbound.create(
        youth=youth, created_by=user, dossier_type="statistical", payload=payload,
        lawful_basis="statistics_exception", consent="not_asked",
        not_asked_reason="psychological_harm", justification="Vragen zou haar ontregelen.",
        confirmed_by=user, status="delivered", registry_reference="R-BBBBB-BBBBB",
    )  # fmt: skip
    made_up = outbound.create(
        youth=youth, created_by=user, dossier_type="statistical", payload=payload,
        lawful_basis="pseudonymised_statistics", consent="refused", objection=True,
        status="delivered", registry_reference="R-CCCCC-CCCCC",
    )  # fmt: skip

    new = migrate(AFTER)

    disclosures = new.get_model("registration", "Disclosure").objects
    consent = disclosures.get(registration_id=with_consent.pk)
    assert (consent.route, consent.art6_basis, consent.art9_basis, consent.secrecy_basis) == (
        "consent",
        "6(1)(a)",
        "9(2)(a)",
        "consent",
    )
    confirmed = disclosures.get(registration_id=exception.pk)
    assert (confirmed.route, confirmed.art6_basis, confirmed.art9_basis) == (
        "statistics_exception",
        "6(1)(f)",
        "9(2)(j)+89(1)+UAVG 24",
    )
    assert confirmed.secrecy_basis == "BW 7:458" and confirmed.exception_reason_kind == "harm"
    assert confirmed.confirmed_by_id == user.pk
    withdrawn = disclosures.get(registration_id=made_up.pk)
    assert (withdrawn.route, withdrawn.status) == ("no_basis", "withdrawn")
    call = new.get_model("registration", "OutboundCall").objects.get()
    assert (call.registration_id, call.kind, call.body) == (
        made_up.pk,
        "withdraw",
        {"reason": "no lawful basis"},
    )
    count = disclosures.get(route="count_only")
    count_row = new.get_model("registration", "OutboundRegistration").objects.get(
        pk=count.registration_id
    )
    assert count_row.payload == {
        "dossier_type": "count_only",
        "year": 2026,
        "forms": ["criminal"],
        "minor": True,
        "reporter_region": "RE09",
    }
    assert new.get_model("registration", "Objection").objects.get().youth_id == youth.pk
    notes = new.get_model("registration", "FileNote").objects.values_list("kind", flat=True)
    assert sorted(notes) == ["count", "withdrawal"]
    assert not any(
        field.name in ("lawful_basis", "consent")
        for field in new.get_model("registration", "OutboundRegistration")._meta.get_fields()
    )
    assert date(2026, 3, 2).year == count_row.payload["year"]
