from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "baken.home"
    verbose_name = _("Start pages and the youth's page")
