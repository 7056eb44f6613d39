"""Date arithmetic inside a query, on both databases Baken runs on (PostgreSQL and SQLite)."""

from typing import TYPE_CHECKING, Any

from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models import DateField, Func, IntegerField, Value
from django.db.models.sql.compiler import SQLCompiler

if TYPE_CHECKING:
    from django.db.models.sql.compiler import _AsSqlType


class AddDays(Func):
    """`date + days`, a date; `days` is a whole number or an expression that gives one.
    PostgreSQL adds an integer to a date; SQLite uses its date() function."""

    template = "(%(expressions)s)"
    arg_joiner = " + "
    output_field = DateField()

    def __init__(self, date: Any, days: Any) -> None:
        if isinstance(days, int):
            days = Value(days, output_field=IntegerField())
        super().__init__(date, days)

    def as_sqlite(
        self, compiler: SQLCompiler, connection: BaseDatabaseWrapper, **extra_context: Any
    ) -> "_AsSqlType":
        return self.as_sql(
            compiler,
            connection,
            template="date(%(expressions)s || ' days')",
            arg_joiner=", '+' || ",
            **extra_context,
        )
