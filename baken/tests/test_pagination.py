"""baken/lib/pagination.py: a page counted with its rows gives what Django's paginator gives, in
one query instead of two."""

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from baken.cases.models import Youth
from baken.cases.testing import make_youth
from baken.lib.pagination import paginate
from baken.testing import Cast

pytestmark = pytest.mark.django_db


@pytest.fixture
def youths(cast: Cast) -> "list[Youth]":
    return [
        make_youth(cast.worker_a, teams=[cast.team_a1], given_names=f"Kind {n}") for n in range(7)
    ]


@pytest.mark.parametrize("asked", ["1", "2", "3", "", "x", "0", "9"])
def test_a_page_counted_with_its_rows_is_the_page_django_gives(
    youths: "list[Youth]", asked: str
) -> None:
    request = RequestFactory().get("/", {"p": asked})
    ordered = Youth.objects.order_by("pseudonym")

    plain = paginate(request, ordered, param="p", per_page=3)
    with CaptureQueriesContext(connection) as queries:
        counted = paginate(request, ordered, param="p", per_page=3, counted_with_page=True)
        rows = list(counted.object_list)

    assert counted.number == plain.number
    assert rows == list(plain.object_list)
    assert (counted.paginator.count, counted.paginator.num_pages) == (7, 3)
    assert counted.paginator.href == plain.paginator.href
    if asked in ("1", "2", "3", ""):
        assert len(queries) == 1


def test_an_empty_list_counted_with_its_page(cast: Cast) -> None:
    request = RequestFactory().get("/")
    page = paginate(request, Youth.objects.order_by("pk"), counted_with_page=True)

    assert (list(page.object_list), page.number, page.paginator.count) == ([], 1, 0)
