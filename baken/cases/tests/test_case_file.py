"""Opening and changing a case file; encryption at rest; searching encrypted names."""

from collections.abc import Callable

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from baken.accounts.models import User
from baken.audit.models import AuditEntry, AuditEvent
from baken.cases.models import Guardian, Youth
from baken.cases.name_search import index_digests, query_digests
from baken.cases.testing import make_youth
from baken.testing import Cast

pytestmark = pytest.mark.django_db

ClientFor = Callable[[User], Client]


def raw_row(table: str, pk: int) -> str:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT * FROM {table} WHERE id = %s", [pk])  # noqa: S608
        return " ".join(str(value) for value in cursor.fetchone())


def test_worker_opens_a_case_file_and_it_is_audited(client_for: ClientFor, cast: Cast) -> None:
    response = client_for(cast.worker_a).post(
        reverse("cases:create"),
        {
            "given_names": "Amira",
            "family_name": "El Idrissi",
            "date_of_birth": "2011-03-02",
            "sex": "female",
            "nationality": "Nederlandse",
            "country_of_birth": "Marokko",
            "care_form": "residential",
            "care_start": "2026-09-01",
            "teams": [cast.team_a1.pk],
        },
    )

    youth = Youth.objects.get()
    assert response["Location"] == reverse("home:youth", args=[youth.pseudonym])
    assert youth.full_name == "Amira El Idrissi"
    assert youth.organisation == cast.institution_a
    assert AuditEntry.objects.filter(
        event=AuditEvent.CREATE, youth_pseudonym=youth.pseudonym, user=cast.worker_a
    ).exists()


def test_bad_input_keeps_what_was_typed_and_says_what_is_wrong(
    client_for: ClientFor, cast: Cast
) -> None:
    response = client_for(cast.worker_a).post(
        reverse("cases:create"),
        {
            "given_names": "Amira",
            "family_name": "",
            "date_of_birth": "2099-01-01",
            "sex": "female",
            "nationality": "Nederlandsch",
            "care_form": "residential",
            "care_start": "2026-09-01",
            "teams": [cast.team_a1.pk],
        },
    )

    assert response.status_code == 200
    page = response.content.decode()
    assert 'value="Amira"' in page
    assert "Dit veld is verplicht." in page
    assert "De geboortedatum kan niet in de toekomst liggen." in page
    assert "Geen land dat we kennen." in page  # the registry counts nationality by ISO code
    assert not Youth.objects.exists()


def test_no_plaintext_name_or_date_of_birth_in_the_database(cast: Cast) -> None:
    youth = make_youth(cast.worker_a, teams=[cast.team_a1], given_names="Zoë", family_name="Bakker")
    guardian = Guardian.objects.create(youth=youth, name="Marieke Bakker", phone="0612345678")

    row = raw_row("cases_youth", youth.pk)
    guardian_row = raw_row("cases_guardian", guardian.pk)

    for secret in ["Zoë", "Bakker", "2010-05-17", "Nederlandse"]:
        assert secret not in row
    assert "Marieke" not in guardian_row and "0612345678" not in guardian_row
    assert youth.pseudonym in row
    assert Youth.objects.get(pk=youth.pk).given_names == "Zoë"


def test_search_by_name_finds_variants_within_own_organisation(
    client_for: ClientFor, cast: Cast
) -> None:
    youth = make_youth(
        cast.worker_a, teams=[cast.team_a1], given_names="Zoë", family_name="van der Berg"
    )
    make_youth(cast.worker_b, teams=[cast.team_b1], given_names="Zoë", family_name="van der Berg")
    client = client_for(cast.officer_a)

    for query in ["zoe", "Berg", "Van Der Berg", "zoë berg", "ber"]:
        found = client.get(reverse("cases:list"), {"q": query}).context["youths"]
        assert found == [youth], query
    assert client.get(reverse("cases:list"), {"q": "Bergen"}).context["youths"] == []
    assert AuditEntry.objects.filter(event=AuditEvent.SEARCH, user=cast.officer_a).exists()


def test_name_index_drops_prefixes_and_accents() -> None:
    key = b"k"
    stored = index_digests(key=key, names=["Zoë", "van 't Hof"])
    assert all(alternatives & stored for alternatives in query_digests(key=key, query="ZOE hof"))
    assert query_digests(key=key, query="van") == []


def test_worker_outside_the_team_sees_a_search_hit_only_as_break_the_glass(
    client_for: ClientFor, cast: Cast
) -> None:
    youth = make_youth(cast.worker_a, teams=[cast.team_a1], given_names="Noa", family_name="Smit")

    response = client_for(cast.worker_a2).get(reverse("cases:list"), {"q": "Smit"})

    assert response.context["youths"] == []
    assert response.context["others"] == [youth]
    assert reverse("cases:break_the_glass", args=[youth.pseudonym]) in response.content.decode()


def test_editing_the_case_file_is_audited(client_for: ClientFor, cast: Cast) -> None:
    youth = make_youth(cast.worker_a, teams=[cast.team_a1])
    client_for(cast.worker_a).post(
        reverse("cases:edit", args=[youth.pseudonym]),
        {
            "given_names": "Lisa",
            "family_name": "de Boer",
            "date_of_birth": "2010-05-17",
            "sex": "female",
            "care_form": "secure",
            "care_start": "2026-01-05",
            "teams": [cast.team_a1.pk],
        },
    )
    youth.refresh_from_db()
    assert youth.care_form == "secure"
    assert AuditEntry.objects.filter(
        event=AuditEvent.UPDATE, youth_pseudonym=youth.pseudonym
    ).exists()


def test_printing_the_timeline_is_audited_as_export(client_for: ClientFor, cast: Cast) -> None:
    youth = make_youth(cast.worker_a, teams=[cast.team_a1])
    response = client_for(cast.worker_a).get(reverse("home:youth_print", args=[youth.pseudonym]))
    assert "Lisa de Boer" in response.content.decode()
    assert AuditEntry.objects.filter(
        event=AuditEvent.EXPORT, youth_pseudonym=youth.pseudonym
    ).exists()


def test_key_rotation_reencrypts_and_old_data_stays_readable(cast: Cast, settings: object) -> None:
    from django.core.management import call_command

    youth = make_youth(cast.worker_a, teams=[cast.team_a1])
    before = raw_row("cases_youth", youth.pk)
    settings.SALT_KEY = ["a-brand-new-salt", *settings.SALT_KEY]  # type: ignore[attr-defined]
    _clear_key_caches()

    call_command("rotate_keys")

    after = raw_row("cases_youth", youth.pk)
    assert before != after
    settings.SALT_KEY = ["a-brand-new-salt"]  # type: ignore[attr-defined]
    _clear_key_caches()
    assert Youth.objects.get(pk=youth.pk).given_names == "Lisa"
    _clear_key_caches()


def _clear_key_caches() -> None:
    from django.apps import apps
    from encrypted_fields.fields import EncryptedFieldMixin

    for model in apps.get_models():
        for field in model._meta.get_fields():
            if isinstance(field, EncryptedFieldMixin):
                field.__dict__.pop("keys", None)
                field.__dict__.pop("f", None)
