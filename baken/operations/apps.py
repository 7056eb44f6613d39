from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OperationsConfig(AppConfig):
    """Running Baken: the server, the demo and its data."""

    name = "baken.operations"
    verbose_name = _("Operations")
