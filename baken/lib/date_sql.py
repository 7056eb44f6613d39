"""Date arithmetic inside a query, on both databases Baken runs on (PostgreSQL and SQLite)."""

from typing import Any

from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models import DateField, Expression, Func, IntegerField, Value
from django.db.models.sql.compiler import SQLCompiler


class AddDays(Func):
    """`date + days`, a date (days: a whole number, or an expression giving one)."""

    output_field = DateField()

    def __init__(self, date: Expression | str, days: Expression | int, **extra: Any) -> None:
        if isinstance(days, int):
            days = Value(days, output_field=IntegerField())
        super().__init__(date, days, **extra)

    def as_sql(
        self, compiler: SQLCompiler, connection: BaseDatabaseWrapper, **extra_context: Any
    ) -> tuple[str, list[Any]]:
        # PostgreSQL: date + integer is a date.
        return super().as_sql(
            compiler, connection, template="(%(expressions)s)", arg_joiner=" + ", **extra_context
        )

    def as_sqlite(
        self, compiler: SQLCompiler, connection: BaseDatabaseWrapper, **extra_context: Any
    ) -> tuple[str, list[Any]]:
        return super().as_sql(
            compiler,
            connection,
            template="date(%(expressions)s || ' days')",
            arg_joiner=", '+' || ",
            **extra_context,
        )
