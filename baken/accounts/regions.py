"""Loading municipalities and the region each lies in per division, from a CSV file.

Used by the data migration (with historical models) and by `baken import_regions`. Columns as in
`accounts/data/municipalities_2025.csv`; optional `shelter_code` and `shelter_name` columns add the
shelter region (centrumgemeente vrouwenopvang), which that source does not have."""

import csv
from collections.abc import Iterable
from pathlib import Path
from typing import Any

SHIPPED_CSV = Path(__file__).resolve().parent / "data" / "municipalities_2025.csv"

# CSV column prefix -> Division value
DIVISION_COLUMNS = {
    "province": "province",
    "vt": "veilig_thuis",
    "police": "police_unit",
    "safety_region": "safety_region",
    "ggd": "ggd",
    "youth_region": "youth_care",
    "shelter": "shelter",
}
REQUIRED = ("cbs_code", "name")


def read_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    if not rows:
        raise ValueError(f"{path}: no rows")
    missing = [column for column in REQUIRED if column not in rows[0]]
    if missing:
        raise ValueError(f"{path}: missing column(s) {', '.join(missing)}")
    for number, row in enumerate(rows, start=2):
        if not row["cbs_code"].strip() or not row["name"].strip():
            raise ValueError(f"{path}, row {number}: cbs_code and name are required")
    return rows


def load_regions(rows: Iterable[dict[str, str]], *, region_model: Any) -> tuple[int, int]:
    """Create or update municipalities and regions, and set which regions each municipality lies
    in. Returns (municipalities, regions of other divisions) touched."""
    rows = list(rows)
    wanted: dict[tuple[str, str], str] = {}
    for row in rows:
        wanted[("municipality", row["cbs_code"].strip())] = row["name"].strip()
        for prefix, division in DIVISION_COLUMNS.items():
            code = (row.get(f"{prefix}_code") or "").strip()
            if code:
                wanted[(division, code)] = (row.get(f"{prefix}_name") or code).strip()
    existing = {(r.division, r.code): r for r in region_model.objects.all()}
    new = [
        region_model(division=d, code=c, name=n)
        for (d, c), n in sorted(wanted.items())
        if (d, c) not in existing
    ]
    region_model.objects.bulk_create(new)
    changed = [r for key, r in existing.items() if key in wanted and r.name != wanted[key]]
    for region in changed:
        region.name = wanted[(region.division, region.code)]
    region_model.objects.bulk_update(changed, ["name"])
    by_key = {(r.division, r.code): r.pk for r in region_model.objects.all()}
    link = region_model.containing_regions.through
    municipality_ids = [by_key[("municipality", row["cbs_code"].strip())] for row in rows]
    link.objects.filter(from_region_id__in=municipality_ids).delete()
    link.objects.bulk_create(
        [
            link(
                from_region_id=by_key[("municipality", row["cbs_code"].strip())],
                to_region_id=by_key[(division, (row.get(f"{prefix}_code") or "").strip())],
            )
            for row in rows
            for prefix, division in DIVISION_COLUMNS.items()
            if (row.get(f"{prefix}_code") or "").strip()
        ]
    )
    return len(rows), len(wanted) - len(rows)
