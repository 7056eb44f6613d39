"""Every list in Baken is paginated the same way: Django's Paginator over a query (so the
database counts and slices, and only the rows on the page are loaded and decrypted), the page
number in the query string, and one shared navigation (`templates/pagination.html`).

A page with several lists gives each its own parameter; the links keep the others."""

from collections.abc import Sequence
from typing import Any
from urllib.parse import urlencode

from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
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


def paginate(
    request: HttpRequest,
    items: "QuerySet[Any] | Sequence[Any]",
    *,
    param: str = "page",
    per_page: int | None = None,
) -> LinkedPage:
    """The page of `items` the request asks for (the first for a missing or unreadable number,
    the last for one past the end)."""
    paginator = LinkedPaginator(items, per_page or PAGE_SIZE, request=request, param=param)
    return paginator.get_page(request.GET.get(param))  # type: ignore[return-value]
