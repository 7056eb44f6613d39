"""Where checkpoints of the audit chain are kept: a directory of the operator's choosing
(BAKEN_AUDIT_CHECKPOINT_DIR), outside the database the chain protects.

One JSON line per checkpoint, appended to a file per month (`audit-checkpoints-YYYY-MM.jsonl`);
nothing here ever rewrites or deletes a line. Mount the directory from storage the database
administrator cannot write to (another host, an object store with retention lock, a file system
with `chattr +a`), and back it up apart from the database.
"""

import os
from pathlib import Path

from baken.audit.chain import Checkpoint

FILE_PATTERN = "audit-checkpoints-*.jsonl"


class CheckpointFileError(Exception):
    """A line in a checkpoint file cannot be read (damaged or edited by hand)."""


def read_checkpoints(directory: Path) -> list[Checkpoint]:
    checkpoints = []
    for path in sorted(directory.glob(FILE_PATTERN)):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if not line.strip():
                continue
            try:
                checkpoints.append(Checkpoint.from_json(line))
            except (ValueError, KeyError, TypeError) as error:
                raise CheckpointFileError(f"{path.name} line {number}: {error}") from error
    return sorted(checkpoints, key=lambda c: (c.sequence, c.written_at))


def append_checkpoint(directory: Path, checkpoint: Checkpoint) -> Path:
    """Append one line and flush it to disk before returning."""
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / f"audit-checkpoints-{checkpoint.written_at[:7]}.jsonl"
    with path.open("a", encoding="utf-8") as handle:
        handle.write(checkpoint.to_json() + "\n")
        handle.flush()
        os.fsync(handle.fileno())
    return path
