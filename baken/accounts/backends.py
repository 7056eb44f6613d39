"""Django's model back end, loading with the user what every page needs: the organisation, the
roles and whether the session's second-factor device is still the user's, in one query."""

from collections.abc import Callable
from functools import lru_cache
from typing import Any

from django.apps import apps
from django.contrib.auth.backends import ModelBackend
from django.db import connections, router
from django.db.models import Model
from django.utils.functional import SimpleLazyObject
from django_otp.models import Device

from baken.accounts.models import Organisation, RoleGrant, User

Converter = Callable[[Any, Any, Any], Any]


def session_device(persistent_id: str | None) -> tuple[type[Device], int] | None:
    """The device model and primary key a session names (django-otp's persistent id,
    "app_label.model/pk"); None when it names no device."""
    if not persistent_id:
        return None
    label, _slash, pk = persistent_id.rpartition("/")
    try:
        model = apps.get_model(label)
        number = int(pk)
    except (ValueError, LookupError):
        return None
    return (model, number) if issubclass(model, Device) else None


@lru_cache(maxsize=16)
def _user_query(
    alias: str, device_table: str | None
) -> tuple[str, list[tuple[int, Converter, Any]]]:
    """The SQL (parameters: the device's key if any, then the user's) and the converters of its
    columns, made once per database and kind of device.

    The query: the user, their organisation (left join), one row per role grant (left join; a
    user has one or two), and whether the device is a confirmed device of theirs (EXISTS). Built
    with the ORM it cost 1.4 ms of Python per request, most of it building and compiling the
    same query again; this is the same SELECT, written once from the models' own columns."""
    connection = connections[alias]
    quote = connection.ops.quote_name

    def columns(model: type[Model], table: str) -> list[str]:
        return [f"{table}.{quote(str(field.column))}" for field in model._meta.concrete_fields]

    device = "NULL"
    if device_table is not None:
        device = (
            f"EXISTS (SELECT 1 FROM {quote(device_table)} d"  # noqa: S608 - the models' names
            " WHERE d.id = %s AND d.user_id = u.id AND d.confirmed)"
        )
    sql = (
        f"SELECT {', '.join([*columns(User, 'u'), *columns(Organisation, 'o')])},"  # noqa: S608
        f" r.{quote('role')}, {device}"
        f" FROM {quote(User._meta.db_table)} u"
        f" LEFT JOIN {quote(Organisation._meta.db_table)} o ON o.id = u.organisation_id"
        f" LEFT JOIN {quote(RoleGrant._meta.db_table)} r ON r.user_id = u.id"
        " WHERE u.id = %s"
    )
    converters = []
    fields = [*User._meta.concrete_fields, *Organisation._meta.concrete_fields]
    for index, field in enumerate(fields):
        column = field.get_col(field.model._meta.db_table)
        for converter in connection.ops.get_db_converters(column) + field.get_db_converters(
            connection
        ):
            converters.append((index, converter, column))
    return sql, converters


class UserWithOrganisationBackend(ModelBackend):
    """Every page needs the user's organisation (the menu, access to youths, the audit entry) and
    roles, and must know that the session's second factor still counts (a reset of the user's
    authenticator, or a role taken away, applies at the next click). They come in one query."""

    def get_user(self, user_id: Any) -> User | None:
        return self.get_verified_user(user_id, device_id=None)

    def get_verified_user(self, user_id: Any, *, device_id: str | None) -> User | None:
        """The user with organisation and roles; `otp_device` is the session's device (loaded
        when first used) if it is a confirmed device of this user, else None."""
        alias = router.db_for_read(User)
        device = session_device(device_id)
        sql, converters = _user_query(alias, device[0]._meta.db_table if device else None)
        connection = connections[alias]
        with connection.cursor() as cursor:
            cursor.execute(sql, [device[1], user_id] if device else [user_id])
            rows = [list(row) for row in cursor.fetchall()]
        if not rows:
            return None
        first = rows[0]
        for index, converter, column in converters:
            first[index] = converter(first[index], column, connection)
        user_fields = User._meta.concrete_fields
        split = len(user_fields)
        user = User.from_db(alias, [f.attname for f in user_fields], first[:split])
        if not self.user_can_authenticate(user):
            return None
        organisation_values = first[split:-2]
        user.organisation = (
            Organisation.from_db(
                alias,
                [f.attname for f in Organisation._meta.concrete_fields],
                organisation_values,
            )
            if organisation_values[0] is not None
            else None
        )
        user._role_set = frozenset(row[-2] for row in rows if row[-2])
        if device is not None and first[-1]:
            model, pk = device
            user.otp_device = SimpleLazyObject(  # type: ignore[attr-defined]
                lambda: model.objects.filter(pk=pk, user=user, confirmed=True).first()
            )
        else:
            user.otp_device = None  # type: ignore[attr-defined]
        return user
