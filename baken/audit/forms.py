from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from baken.audit.models import AuditEntry, AuditEvent
from baken.lib.dates import TypedDateField


class AuditFilterForm(forms.Form):
    username = forms.CharField(label=_("User name"), required=False)
    event = forms.ChoiceField(
        label=_("Event"), required=False, choices=[("", _("All events")), *AuditEvent.choices]
    )
    youth_pseudonym = forms.CharField(label=_("Youth pseudonymous id"), required=False)
    date_from = TypedDateField(
        label=_("From"),
        required=False,
    )
    date_to = TypedDateField(
        label=_("Up to and including"),
        required=False,
    )

    def filter(self, entries: QuerySet[AuditEntry]) -> QuerySet[AuditEntry]:
        data = self.cleaned_data
        if data.get("username"):
            entries = entries.filter(username__iexact=data["username"].strip())
        if data.get("event"):
            entries = entries.filter(event=data["event"])
        if data.get("youth_pseudonym"):
            entries = entries.filter(youth_pseudonym=data["youth_pseudonym"].strip())
        if data.get("date_from"):
            entries = entries.filter(occurred_at__date__gte=data["date_from"])
        if data.get("date_to"):
            entries = entries.filter(occurred_at__date__lte=data["date_to"])
        return entries


class YouthOverviewForm(forms.Form):
    youth_pseudonym = forms.CharField(label=_("Youth pseudonymous id"), max_length=64)
