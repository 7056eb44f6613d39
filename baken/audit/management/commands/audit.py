from argparse import ArgumentParser
from datetime import date, datetime
from typing import Any

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from baken.audit.services import (
    AuditChainBroken,
    checkpoint_directory,
    plan_prune,
    prune_audit_log,
    verify_audit_log,
    write_checkpoint,
)


class Command(BaseCommand):
    help = (
        "Audit log tools. `verify`: recompute the hash chain and check it against the signed head "
        "and the checkpoints in BAKEN_AUDIT_CHECKPOINT_DIR (daily). `checkpoint`: check the "
        "entries since the last checkpoint and write a new one (hourly). `prune`: list, and with "
        "--apply delete, the whole segments older than the retention term."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("action", choices=["verify", "checkpoint", "prune"])
        parser.add_argument(
            "--before",
            type=lambda raw: datetime.fromisoformat(raw).date(),
            help="prune: cut-off date (YYYY-MM-DD); default: BAKEN_AUDIT_RETENTION_YEARS ago",
        )
        parser.add_argument("--apply", action="store_true", help="prune: really delete")

    def handle(self, *args: Any, **options: Any) -> None:
        action = options["action"]
        if action == "verify":
            self.verify()
        elif action == "checkpoint":
            self.checkpoint()
        else:
            self.prune(options["before"], apply=options["apply"])

    def verify(self) -> None:
        checked, problem = verify_audit_log()
        if problem is not None:
            raise CommandError(
                f"Audit log is NOT intact: {problem.describe()}. "
                f"{checked} entries before it verified."
            )
        if checkpoint_directory() is None:
            self.stderr.write(
                "Warning: BAKEN_AUDIT_CHECKPOINT_DIR is not set; entries cut off the end with a "
                "replayed head, or a wiped log, cannot be detected without checkpoints."
            )
        self.stdout.write(self.style.SUCCESS(f"Audit log intact: {checked} entries verified."))

    def checkpoint(self) -> None:
        if checkpoint_directory() is None:
            raise CommandError(
                "Set BAKEN_AUDIT_CHECKPOINT_DIR to a directory outside the database."
            )
        try:
            checkpoint = write_checkpoint()
        except AuditChainBroken as error:
            raise CommandError(
                f"Audit log is NOT intact: {error}. No checkpoint written."
            ) from None
        if checkpoint is None:
            self.stdout.write("The audit log is empty; no checkpoint written.")
            return
        self.stdout.write(
            self.style.SUCCESS(f"Checkpoint at entry #{checkpoint.sequence} written.")
        )

    def prune(self, before: date | None, *, apply: bool) -> None:
        if checkpoint_directory() is None:
            raise CommandError("Pruning needs BAKEN_AUDIT_CHECKPOINT_DIR (segments end at one).")
        day = before or (timezone.localdate() - relativedelta(years=settings.AUDIT_RETENTION_YEARS))
        cutoff = timezone.make_aware(datetime.combine(day, datetime.min.time()))
        plan = plan_prune(before=cutoff)
        if plan.count == 0:
            self.stdout.write(f"Nothing to prune: no checkpointed segment ends before {day}.")
            return
        what = (
            f"entries #{plan.first}-#{plan.through} (up to the checkpoint at "
            f"{plan.newest_at:%Y-%m-%d %H:%M}; {plan.count} entries, all before {day})"
        )
        if not apply:
            self.stdout.write(f"Would delete {what}. Run again with --apply to delete.")
            return
        try:
            prune_audit_log(before=cutoff)
        except AuditChainBroken as error:
            raise CommandError(f"Audit log is NOT intact: {error}. Nothing pruned.") from None
        self.stdout.write(self.style.SUCCESS(f"Deleted {what}."))
