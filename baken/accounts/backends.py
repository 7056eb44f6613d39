"""Django's model back end, loading with the user what every page needs: the organisation, the
roles and whether the session's second-factor device is still the user's."""

from contextlib import suppress
from typing import Any

from django.contrib.auth.backends import ModelBackend
from django.db.models import Exists, F, OuterRef, QuerySet
from django.utils.functional import SimpleLazyObject
from django_otp.models import Device

from baken.accounts.models import User


def session_device(persistent_id: str | None) -> "QuerySet[Device] | None":
    """The confirmed device a session names (django-otp's persistent id, "app.model/pk"), as a
    query; None when the id names no device model."""
    if not persistent_id:
        return None
    with suppress(ValueError, LookupError):
        devices = Device._filter_persistent_id(persistent_id)
        if devices is not None:
            return devices.filter(confirmed=True)
    return None


class UserWithOrganisationBackend(ModelBackend):
    """Every page needs the user's organisation (the menu, access to youths, the audit entry) and
    roles, and must know that the session's second factor still counts (a reset of the user's
    authenticator, or a role taken away, applies at the next click). They come in one query."""

    def get_user(self, user_id: Any) -> User | None:
        return self.get_verified_user(user_id, device_id=None)

    def get_verified_user(self, user_id: Any, *, device_id: str | None) -> User | None:
        """The user with organisation and roles; `otp_device` is the session's device (loaded
        when first used) if it is a confirmed device of this user, else None.

        One row per role grant (a left join), so the roles need no query of their own; the
        device is an EXISTS on its primary key and owner."""
        users = (
            User._default_manager.select_related("organisation")
            .filter(pk=user_id)
            .annotate(granted_role=F("role_grants__role"))
            .order_by()
        )
        devices = session_device(device_id)
        if devices is not None:
            users = users.annotate(device_verified=Exists(devices.filter(user=OuterRef("pk"))))
        rows = list(users)
        if not rows or not self.user_can_authenticate(rows[0]):
            return None
        user = rows[0]
        user._role_set = frozenset(row.granted_role for row in rows if row.granted_role)
        if devices is not None and user.device_verified:  # type: ignore[attr-defined]
            user.otp_device = SimpleLazyObject(devices.first)  # type: ignore[attr-defined]
        else:
            user.otp_device = None  # type: ignore[attr-defined]
        return user
