"""The access log (NEN 7513): append-only, each entry chained to the one before by a keyed hash."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from baken.audit.labels import object_kind_label


class AuditEvent(models.TextChoices):
    CREATE = "create", _("Create")
    READ = "read", _("Read")
    UPDATE = "update", _("Update")
    DELETE = "delete", _("Delete")
    SEARCH = "search", _("Search")
    EXPORT = "export", _("Print or export")
    TRANSFER = "transfer", _("Transfer")
    EMERGENCY_ACCESS = "emergency_access", _("Emergency access")
    LOGIN = "login", _("Log-in")
    LOGIN_FAILED = "login_failed", _("Failed log-in")
    LOGOUT = "logout", _("Log-out")


class AuditOutcome(models.TextChoices):
    SUCCESS = "success", _("Success")
    DENIED = "denied", _("Denied")
    FAILED = "failed", _("Failed")


class AuditEntry(models.Model):
    """One logged event. Written only by `baken.audit.services.log_access`; never changed."""

    sequence = models.PositiveBigIntegerField(_("sequence"), unique=True)
    occurred_at = models.DateTimeField(_("time"), db_index=True)
    event = models.CharField(_("event"), max_length=32, choices=AuditEvent.choices)
    outcome = models.CharField(
        _("outcome"), max_length=16, choices=AuditOutcome.choices, default=AuditOutcome.SUCCESS
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("user"),
    )
    username = models.CharField(_("user name"), max_length=150, blank=True)
    role = models.CharField(_("role"), max_length=200, blank=True)
    organisation_name = models.CharField(_("organisation"), max_length=200, blank=True)
    organisation_id_at_time = models.PositiveBigIntegerField(null=True, blank=True)
    on_behalf_of = models.CharField(_("on behalf of"), max_length=200, blank=True)
    ip_address = models.GenericIPAddressField(_("IP address"), null=True, blank=True)
    user_agent = models.CharField(_("user agent"), max_length=300, blank=True)
    object_type = models.CharField(_("object type"), max_length=64, blank=True, db_index=True)
    object_id = models.CharField(_("object id"), max_length=64, blank=True)
    youth_pseudonym = models.CharField(
        _("youth pseudonymous id"), max_length=64, blank=True, db_index=True
    )
    detail = models.CharField(_("detail"), max_length=500, blank=True)
    previous_hash = models.CharField(max_length=64)
    entry_hash = models.CharField(max_length=64)

    class Meta:
        ordering = ["-sequence"]
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit entries")
        indexes = [
            # the privacy officer's log: the organisation's entries, newest first, and their count
            models.Index(
                fields=["organisation_id_at_time", "sequence"], name="audit_organisation_sequence"
            ),
        ]

    def __str__(self) -> str:
        return f"#{self.sequence} {self.event} {self.username}"

    @property
    def who(self) -> str:
        """The person by name (the user name kept in the entry when the account is gone)."""
        if self.user is not None:
            return self.user.display_name
        return self.username

    # The roles in words; set by the page that shows the entry (the accounts app knows them).
    role_labels = ""

    @property
    def object_label(self) -> str:
        """What was accessed, in words: "Stap in meldcode 8", not "steprecord 8"."""
        if not self.object_type:
            return self.object_id
        if self.object_type in ("page", "youth_list"):  # the id is a URL name, a code
            return object_kind_label(self.object_type)
        return f"{object_kind_label(self.object_type)} {self.object_id}".strip()


class AuditChainHead(models.Model):
    """A single row: the last sequence number and hash. Locked while an entry is appended,
    so entries are chained in order; it also reveals entries cut off the end of the log.

    `base_sequence` and `base_hash` say where the retained chain starts: 0 and the genesis hash
    until whole segments are pruned (see `baken audit prune`). `mac` signs all four with the
    audit key, so the head cannot be reset without it."""

    sequence = models.PositiveBigIntegerField(default=0)
    entry_hash = models.CharField(max_length=64, default="")
    base_sequence = models.PositiveBigIntegerField(default=0)
    base_hash = models.CharField(max_length=64, default="0" * 64)
    mac = models.CharField(max_length=64, default="")

    class Meta:
        constraints = [models.CheckConstraint(condition=models.Q(id=1), name="audit_single_head")]

    def __str__(self) -> str:
        return f"audit chain head at #{self.sequence}"
