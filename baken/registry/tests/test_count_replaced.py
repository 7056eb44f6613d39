"""A registration that replaces an untraceable count (consent given after the count went): the
registry withdraws one of the source's counts that says exactly what `replaces_count` says, in
the same transaction as it stores the registration, or stores neither (409). So a person is
never counted twice (as a count and as a registration), nor not at all."""

import json
import threading
from typing import Any

import pytest
from django.db import connection
from django.test import Client

from baken.registry import persons, services
from baken.registry.models import CountReport, Registration, RegistrationStatus, Source
from baken.registry.releases import publish
from baken.registry.schemas import RegistrationIn
from baken.registry.tokens import issue_source

pytestmark = pytest.mark.django_db

SAID = {"year": 2026, "forms": ["criminal", "labour"], "minor": True, "reporter_region": "RE09"}


def registration(**changes: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "dossier_type": "statistical",
        "pseudonyms": {"key_version": "k1", "k_full": "9f2c" * 8, "k_name": "1a2b" * 8},
        "birth_year": 2010,
        "sex": "female",
        "forms": ["criminal", "labour"],
        "minor": True,
        "reported_on": "2026-03-01",
        "reporter_region": "RE09",
        "replaces_count": dict(SAID),
    }
    body.update(changes)
    return body


@pytest.fixture
def source() -> tuple[Source, str]:
    return issue_source(name="Jeugdzorg Utrecht", kind="youth_care")


def stored_count(source: Source, key: str, **changes: Any) -> CountReport:
    values: dict[str, Any] = {**SAID, "forms": ["labour", "criminal"], **changes}
    return CountReport.objects.create(source=source, idempotency_key=key, **values)


def post(client: Client, token: str, body: dict[str, Any], key: str = "replace-0001") -> Any:
    return client.post(
        "/api/registrations",
        data=json.dumps(body),
        content_type="application/json",
        headers={"Authorization": f"Bearer {token}", "Idempotency-Key": key},
    )


def test_the_registration_withdraws_one_count_that_says_the_same_as_it_is_stored(
    client: Client, source: tuple[Source, str]
) -> None:
    first = stored_count(source[0], "c1")
    second = stored_count(source[0], "c2")
    other_region = stored_count(source[0], "c3", reporter_region="RE01")
    other_forms = stored_count(source[0], "c4", forms=["criminal"])
    other_source = stored_count(issue_source(name="Ander", kind="youth_care")[0], "c5")

    response = post(client, source[1], registration())

    assert response.status_code == 201 and response.json()["count_replaced"] is True
    stored = Registration.objects.get()
    first.refresh_from_db()
    assert stored.replaced_count == first and first.status == RegistrationStatus.WITHDRAWN
    assert first.withdrawn_reason == f"replaced by registration {stored.reference}"
    untouched = [second, other_region, other_forms, other_source]
    assert all(
        CountReport.objects.get(pk=c.pk).status == RegistrationStatus.RECEIVED for c in untouched
    )


def test_the_same_idempotency_key_again_withdraws_no_second_count(
    client: Client, source: tuple[Source, str]
) -> None:
    stored_count(source[0], "c1")
    stored_count(source[0], "c2")

    first = post(client, source[1], registration())
    again = post(client, source[1], registration())  # the reply to the first was lost

    assert (first.status_code, again.status_code) == (201, 200)
    assert again.json()["reference"] == first.json()["reference"]
    assert again.json()["count_replaced"] is True
    assert Registration.objects.count() == 1
    assert CountReport.objects.active().count() == 1


def test_without_a_count_that_says_the_same_nothing_is_stored(
    client: Client, source: tuple[Source, str]
) -> None:
    stored_count(source[0], "gone", status=RegistrationStatus.WITHDRAWN)
    stored_count(source[0], "c1", minor=False)
    stored_count(issue_source(name="Ander", kind="youth_care")[0], "c2")

    response = post(client, source[1], registration())

    assert response.status_code == 409
    error = response.json()["errors"][0]
    assert error["field"] == "replaces_count"
    assert error["message_nl"].startswith("u heeft geen niet-herleidbare telling")
    assert not Registration.objects.exists()
    assert CountReport.objects.active().count() == 2


def test_two_registrations_never_replace_the_same_count(
    client: Client, source: tuple[Source, str]
) -> None:
    stored_count(source[0], "c1")

    first = post(client, source[1], registration(), key="replace-0001")
    second = post(
        client,
        source[1],
        registration(pseudonyms={"key_version": "k1", "k_full": "7777" * 8}),
        key="replace-0002",
    )

    assert (first.status_code, second.status_code) == (201, 409)
    assert Registration.objects.count() == 1


def test_a_correction_leaves_the_replaced_count_as_it_is(
    client: Client, source: tuple[Source, str]
) -> None:
    stored_count(source[0], "c1")
    stored_count(source[0], "c2")
    reference = post(client, source[1], registration()).json()["reference"]

    corrected = client.put(
        f"/api/registrations/{reference}",
        data=json.dumps(registration(forms=["criminal"])),
        content_type="application/json",
        headers={"Authorization": f"Bearer {source[1]}"},
    )

    assert corrected.status_code == 200 and corrected.json()["count_replaced"] is True
    assert CountReport.objects.active().count() == 1
    assert Registration.objects.get().forms == ["criminal"]


def test_the_statistics_count_the_person_once_as_a_registration(
    client: Client, source: tuple[Source, str]
) -> None:
    police = issue_source(name="Politie", kind="police")[0]
    for n in range(12):
        Registration.objects.create(
            source=police,
            idempotency_key=f"p{n:03d}",
            dossier_type="statistical",
            key_version="k1",
            k_name=f"p{n:03d}".ljust(32, "0"),
            birth_year=2009,
            sex="female",
            forms=["criminal"],
            minor=True,
            reported_on="2026-05-01",
        )
    for n in range(12):
        stored_count(source[0], f"c{n}", forms=["criminal"])
    persons.recluster()
    before = publish()

    response = post(
        client,
        source[1],
        registration(forms=["criminal"], replaces_count={**SAID, "forms": ["criminal"]}),
    )
    persons.recluster()
    after = publish()

    assert response.status_code == 201
    table = {
        r.pk: next(t for t in r.tables if t["key"] == "not_deduplicated") for r in (before, after)
    }
    assert table[before.pk]["total"] == [12] and table[after.pk]["total"] == [11]
    assert (before.persons, after.persons) == (12, 13)


def test_the_openapi_document_describes_the_replacement(client: Client) -> None:
    document = client.get("/api/openapi.json").json()
    schemas = document["components"]["schemas"]

    registration_in = schemas["RegistrationIn"]
    assert "replaces_count" in registration_in["properties"]
    assert "same transaction" in " ".join(registration_in["description"].split())
    assert set(schemas["CountReplaced"]["required"]) == {"year", "forms"}
    assert schemas["CountReplaced"]["additionalProperties"] is False
    assert "count_replaced" in schemas["RegistrationOut"]["properties"]
    post_responses = document["paths"]["/api/registrations"]["post"]["responses"]
    assert post_responses["409"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/Errors"
    }


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="two connections at once need PostgreSQL"
)
def test_two_replacements_at_the_same_moment_withdraw_one_count_and_store_one_registration(
    source: tuple[Source, str],
) -> None:
    stored_count(source[0], "c1")
    barrier = threading.Barrier(2)
    outcomes: list[str] = []

    def replace(key: str, k_full: str) -> None:
        data = RegistrationIn.model_validate(
            registration(pseudonyms={"key_version": "k1", "k_full": k_full})
        )
        try:
            barrier.wait()
            services.receive_registration(
                source=source[0], idempotency_key=key, data=data, link_on_arrival=False
            )
            outcomes.append("stored")
        except services.NoCountToReplace:
            outcomes.append("refused")
        finally:
            connection.close()

    threads = [threading.Thread(target=replace, args=(f"key-{n}", str(n) * 32)) for n in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(outcomes) == ["refused", "stored"]
    assert Registration.objects.count() == 1 and CountReport.objects.active().count() == 0
