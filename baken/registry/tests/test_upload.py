"""Other sources upload a CSV made with `baken pseudonymise`; each row is accepted, recognised as
already present, or rejected with its row number and reason."""

from collections.abc import Callable
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from baken.accounts.models import User
from baken.registry.models import Registration
from baken.registry.tokens import issue_source
from baken.registry.upload import import_csv
from baken.testing import Cast

pytestmark = pytest.mark.django_db
ClientFor = Callable[[User], Client]

HEADER = (
    "record_id,source,key_version,k_full,k_name,k_surname,birth_year,sex,nationality,forms,"
    "reported_on\n"
)
K = "ab12" * 8


def test_rows_are_accepted_once_and_bad_rows_are_reported_by_number() -> None:
    source, _token = issue_source(name="Zorgcoördinatie Utrecht", kind="care_coordinator")
    content = (
        HEADER
        + f"p1,zc,k1,{K},{K},{K},2007,female,NG,sexual-cross-border,2026-10-01\n"
        + f"p2,zc,k1,{K},,,2006,vrouw,,labour,2026-10-02\n"
        + "p3,zc,k1,,,,2005,male,,labour,2026-10-03\n"
        + f"p4,zc,k1,{K},,,,unknown,,,\n"
    ).encode()

    first = import_csv(
        source=source, content=content, default_forms=[], default_reported_on=date(2026, 11, 1)
    )
    again = import_csv(
        source=source, content=content, default_forms=[], default_reported_on=date(2026, 11, 1)
    )

    assert first.accepted == 1 and again.already_present == 1
    rejected = dict(first.rejected)
    assert "sex" in rejected[3]
    assert "sleutel" in rejected[4]  # no pseudonym at all
    assert "forms" in rejected[5]
    assert Registration.objects.count() == 1


def test_defaults_fill_rows_without_forms_or_date() -> None:
    source, _token = issue_source(name="Politie", kind="police")
    content = (HEADER + f"p9,pol,k1,{K},,,2008,male,,,\n").encode()
    report = import_csv(
        source=source,
        content=content,
        default_forms=["criminal"],
        default_reported_on=date(2026, 11, 2),
    )
    assert report.accepted == 1
    registration = Registration.objects.get()
    assert registration.forms == ["criminal"] and registration.reported_on == date(2026, 11, 2)


def test_only_registry_analysts_upload(client_for: ClientFor, cast: Cast) -> None:
    source, _token = issue_source(name="KMar", kind="kmar")
    upload = SimpleUploadedFile(
        "pseudo.csv", (HEADER + f"k1,km,k1,{K},,,2008,male,,labour,2026-10-01\n").encode()
    )

    response = client_for(cast.analyst).post(
        reverse("registry:upload"),
        {"source": source.pk, "file": upload, "default_reported_on": "2026-11-01"},
    )

    assert response.status_code == 200 and response.context["report"].accepted == 1
    assert client_for(cast.officer_a).get(reverse("registry:upload")).status_code == 403
