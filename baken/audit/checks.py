"""Deploy checks for the audit log (run by `baken check --deploy`, and so by `baken serve`)."""

from collections.abc import Sequence
from typing import Any

from django.apps import AppConfig
from django.conf import settings
from django.core.checks import CheckMessage, Tags, Warning, register


@register(Tags.security, deploy=True)
def audit_checkpoints_are_kept(
    app_configs: Sequence[AppConfig] | None, **kwargs: Any
) -> list[CheckMessage]:
    if settings.AUDIT_CHECKPOINT_DIR:
        return []
    return [
        Warning(
            "BAKEN_AUDIT_CHECKPOINT_DIR is not set: without checkpoints outside the database, "
            "entries cut off the end of the audit log (or a wiped log) cannot be detected.",
            hint="Point it at storage the database administrator cannot write to and run "
            "`baken audit checkpoint` hourly; see docs/operations.md.",
            id="baken.audit.W001",
        )
    ]
