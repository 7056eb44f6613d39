import csv
import io
from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client, RequestFactory
from django.urls import reverse

from baken.accounts.models import User
from baken.audit.models import AuditEntry, AuditEvent
from baken.audit.services import log_access
from baken.testing import Cast

pytestmark = pytest.mark.django_db

ClientFor = Callable[[User], Client]


@pytest.fixture
def history(cast: Cast) -> None:
    log_access(
        event=AuditEvent.READ, user=cast.worker_a, object_type="youth", youth_pseudonym="Y-1"
    )
    log_access(
        event=AuditEvent.UPDATE, user=cast.officer_a, object_type="youth", youth_pseudonym="Y-1"
    )
    log_access(
        event=AuditEvent.READ, user=cast.worker_a, object_type="youth", youth_pseudonym="Y-2"
    )
    log_access(
        event=AuditEvent.READ, user=cast.worker_b, object_type="youth", youth_pseudonym="Y-9"
    )


def test_privacy_officer_filters_the_log_of_own_organisation(
    client_for: ClientFor, cast: Cast, history: None
) -> None:
    client = client_for(cast.privacy_officer)

    everything = client.get(reverse("audit:log"))
    by_user = client.get(reverse("audit:log"), {"username": "officer_a"})

    assert {e.youth_pseudonym for e in everything.context["page"]} >= {"Y-1", "Y-2"}
    assert "Y-9" not in {e.youth_pseudonym for e in everything.context["page"]}
    assert [e.username for e in by_user.context["page"]] == ["officer_a"]


def test_youth_access_overview_lists_who_looked_and_export_is_audited(
    client_for: ClientFor, cast: Cast, history: None
) -> None:
    client = client_for(cast.privacy_officer)

    page = client.get(reverse("audit:youth_overview"), {"youth_pseudonym": "Y-1"})
    export = client.get(
        reverse("audit:youth_overview"), {"youth_pseudonym": "Y-1", "format": "csv"}
    )

    assert [e.username for e in page.context["entries"]] == ["worker_a", "officer_a"]
    rows = list(csv.reader(io.StringIO(export.content.decode())))
    # The export is itself an access to the youth's data, so it is the last line of its own file.
    # the CSV names the person (make_user names them after their user name)
    assert [row[2] for row in rows[1:]] == ["Worker", "Officer", "Privacy"]
    assert AuditEntry.objects.filter(
        event=AuditEvent.EXPORT, user=cast.privacy_officer, youth_pseudonym="Y-1"
    ).exists()


@pytest.mark.parametrize("who", ["worker_a", "officer_a", "admin_a", "analyst"])
def test_only_the_privacy_officer_reads_the_log(
    client_for: ClientFor, cast: Cast, who: str
) -> None:
    client = client_for(getattr(cast, who))
    assert client.get(reverse("audit:log")).status_code == 403
    assert client.get(reverse("audit:youth_overview")).status_code == 403


def test_entries_cannot_be_changed_through_the_admin(
    client: Client, cast: Cast, history: None
) -> None:
    from django.contrib import admin

    assert AuditEntry not in admin.site._registry


def test_the_client_address_comes_from_the_proxy_only_behind_one(
    client: Client, cast: Cast, settings: Any
) -> None:
    request = RequestFactory().get(
        "/", REMOTE_ADDR="10.0.0.5", HTTP_X_FORWARDED_FOR="203.0.113.9, 198.51.100.7"
    )

    settings.BEHIND_PROXY = False
    direct = log_access(event=AuditEvent.READ, user=cast.worker_a, request=request)
    settings.BEHIND_PROXY = True
    behind = log_access(event=AuditEvent.READ, user=cast.worker_a, request=request)

    assert direct.ip_address == "10.0.0.5"  # a forged header counts for nothing
    assert behind.ip_address == "198.51.100.7"  # what the proxy saw, the last one it added
