from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OperationsConfig(AppConfig):
    """Running Baken: the server, the demo and its data."""

    name = "baken.operations"
    verbose_name = _("Operations")

    def ready(self) -> None:
        from baken.lib.field_keys import use_shared_field_keys
        from baken.operations import checks  # noqa: F401 - registers the deploy checks

        use_shared_field_keys()
