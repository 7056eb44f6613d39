"""A decision to keep a youth's file longer than the legal term (Jeugdwet art. 7.3.8: "or so
much longer as follows from the care of a good youth-care provider")."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from encrypted_fields.fields import EncryptedTextField

from baken.cases.models import Youth
from baken.lib.text_limits import note_validators


class RetentionHold(models.Model):
    youth = models.OneToOneField(Youth, on_delete=models.CASCADE, related_name="retention_hold")
    keep_until = models.DateField(_("keep the file until"))
    reason = EncryptedTextField(_("reason"), validators=note_validators())
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("longer retention")
        verbose_name_plural = _("longer retentions")

    def __str__(self) -> str:
        return f"{self.youth} until {self.keep_until}"
