"""The privacy officer's access overview as CSV: the pseudonym typed into the form cannot inject
a header, and no cell runs as a formula when the file is opened in a spreadsheet."""

import csv
import io
from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse

from baken.accounts.models import Role, User
from baken.audit.models import AuditEvent
from baken.audit.services import log_access
from baken.testing import Cast, make_user

pytestmark = pytest.mark.django_db

ClientFor = Callable[[User], Client]


@pytest.mark.parametrize(
    "pseudonym",
    ['Y-1"\r\nSet-Cookie: sessionid=stolen', 'Y-1"; filename="evil.exe', "Y-1\u2028ü"],
)
def test_the_file_name_cannot_break_out_of_its_header(
    client_for: ClientFor, cast: Cast, pseudonym: str
) -> None:
    response = client_for(cast.privacy_officer).get(
        reverse("audit:youth_overview"), {"youth_pseudonym": pseudonym, "format": "csv"}
    )

    assert response.status_code == 200
    disposition = response["Content-Disposition"]
    assert disposition.startswith('attachment; filename="access-Y-1_')
    assert disposition.count('"') == 2 and "\n" not in disposition and "\r" not in disposition
    assert "Set-Cookie" not in {name for name, _value in response.items()}


def test_cells_that_would_run_as_a_formula_are_neutralised(
    client_for: ClientFor, cast: Cast
) -> None:
    sneaky = make_user("=HYPERLINK(evil)", cast.institution_a, [Role.YOUTH_WORKER])
    log_access(event=AuditEvent.READ, user=sneaky, object_type="youth", youth_pseudonym="Y-1")

    response = client_for(cast.privacy_officer).get(
        reverse("audit:youth_overview"), {"youth_pseudonym": "Y-1", "format": "csv"}
    )

    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    # the person by name (make_user names them after their user name)
    assert [row[2] for row in rows[1:]] == ["'=Hyperlink(Evil)", "Privacy"]
    assert not any(cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row)
