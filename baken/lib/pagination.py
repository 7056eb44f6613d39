"""Every list in Baken is paginated the same way: Django's Paginator over a query (so the
database counts and slices, and only the rows on the page are loaded and decrypted), the page
number in the query string, and one shared navigation (`templates/pagination.html`).

A page with several lists gives each its own parameter; the links keep the others."""

from collections.abc import Sequence
from typing import Any
from urllib.parse import urlencode

from django.core.paginator import Page, Paginator
from django.db.models import Count, QuerySet, Window
from django.http import HttpRequest

PAGE_SIZE = 25  # one audit entry names up to 40 youths: a page of a list of youths writes one


class LinkedPaginator(Paginator[Any]):
    """A paginator that knows the query string of the request, to link to its other pages."""

    def __init__(
        self, object_list: Any, per_page: int, *, request: HttpRequest, param: str
    ) -> None:
        super().__init__(object_list, per_page)
        self.param = param
        others = request.GET.copy()
        others.pop(param, None)
        kept = others.urlencode()
        self.href = f"?{kept}&{urlencode({param: ''})}" if kept else f"?{urlencode({param: ''})}"

    def _get_page(self, *args: Any, **kwargs: Any) -> "LinkedPage":
        return LinkedPage(*args, **kwargs)


class LinkedPage(Page[Any]):
    paginator: LinkedPaginator

    def nearby(self) -> list[int | str]:
        """The page numbers to link to: the first, the last and those next to this one, with an
        ellipsis for the ones left out (short enough for a phone's width)."""
        return list(self.paginator.get_elided_page_range(self.number, on_each_side=1, on_ends=1))


TOTAL = "_paginated_total"


def paginate(
    request: HttpRequest,
    items: "QuerySet[Any] | Sequence[Any]",
    *,
    param: str = "page",
    per_page: int | None = None,
    counted_with_page: bool = False,
) -> LinkedPage:
    """The page of `items` the request asks for (the first for a missing or unreadable number,
    the last for one past the end).

    `counted_with_page`: the total comes with the page's rows (`COUNT(*) OVER ()`), one query
    instead of a count and a slice. For a short list (a worker's own youths, open requests) and
    for one whose order is computed over every row anyway (a due date per youth), where a
    separate count computes it all a second time; not for a long list that an index delivers in
    order (the audit log), whose page the database can stop reading after 25 rows."""
    size = per_page or PAGE_SIZE
    paginator = LinkedPaginator(items, size, request=request, param=param)
    raw = request.GET.get(param) or "1"
    if counted_with_page and isinstance(items, QuerySet) and raw.isdigit() and int(raw) >= 1:
        page = _page_with_total(paginator, items, int(raw), size)
        if page is not None:
            return page
    return paginator.get_page(raw)  # type: ignore[return-value]


def _page_with_total(
    paginator: LinkedPaginator, items: "QuerySet[Any]", number: int, size: int
) -> LinkedPage | None:
    """The page and the total in one query; None past the end (Django's way then finds the
    last page)."""
    if items.query.distinct or items.query.combinator or items._fields is not None:  # type: ignore[attr-defined]
        raise ValueError("counted_with_page needs a plain model query")
    start = (number - 1) * size
    rows = list(items.annotate(**{TOTAL: Window(Count("*"))})[start : start + size])
    if not rows and number > 1:
        return None
    paginator.count = getattr(rows[0], TOTAL) if rows else 0
    return paginator._get_page(rows, number, paginator)
