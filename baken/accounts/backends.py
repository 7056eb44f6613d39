"""Django's model back end, loading the user's organisation with the user."""

from typing import Any

from django.contrib.auth.backends import ModelBackend

from baken.accounts.models import User


class UserWithOrganisationBackend(ModelBackend):
    """Every page needs the user's organisation (the menu, access to youths, the audit entry), so
    it comes with the user in one query instead of a second one."""

    def get_user(self, user_id: Any) -> User | None:
        user = User._default_manager.select_related("organisation").filter(pk=user_id).first()
        return user if user is not None and self.user_can_authenticate(user) else None
