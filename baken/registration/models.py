"""Registrations on their way from the institution to the registry (the outbox)."""

import uuid
from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from baken.cases.models import Youth
from baken.lib.encrypted_json import EncryptedJSONTextField


class DeliveryStatus(models.TextChoices):
    QUEUED = "queued", _("Queued")
    SENDING = "sending", _("Being sent")
    DELIVERED = "delivered", _("Delivered")
    NEEDS_CORRECTION = "needs_correction", _("Needs correction")


class OutboundRegistration(models.Model):
    """One registration and its delivery state. Written in the same transaction as the decision to
    register, so nothing is lost when the registry or the network is down; sent by
    `baken send_registrations` with an idempotency key, so nothing is registered twice."""

    youth = models.ForeignKey(Youth, on_delete=models.PROTECT, related_name="registrations")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    dossier_type = models.CharField(max_length=16)
    payload: Any = (
        EncryptedJSONTextField()
    )  # the request body; may hold contact details (with consent)
    idempotency_key = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    status = models.CharField(
        max_length=20, choices=DeliveryStatus.choices, default=DeliveryStatus.QUEUED
    )
    attempts = models.PositiveIntegerField(default=0)
    next_attempt_at = models.DateTimeField(default=timezone.now, db_index=True)
    claimed_until = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(blank=True)
    registry_reference = models.CharField(max_length=20, blank=True)
    delivered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.youth} {self.get_status_display()}"
