"""Benchmark: the registry analyst's pages with 1M registrations in PostgreSQL.

Loads N synthetic registrations (default 1,000,000) into a fresh PostgreSQL database, each with
its true person as person key (linkage is benchmarked in bench/linkage.py), makes the statistics
release (the nightly job), then times the statistics dashboard, a table export and the registry
overview as an analyst's browser would request them (median of 5). Writes
bench/results/dashboard.txt.

    BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/baken_bench \\
        uv run python bench/dashboard.py [N]
"""

import os
import random
import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "results" / "dashboard.txt"
URL = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/baken_bench")
os.environ["DATABASE_URL"] = URL
os.environ.setdefault("BAKEN_ALLOWED_HOSTS", "testserver")
os.environ.setdefault("BAKEN_HTTPS", "false")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "baken.settings")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

KINDS = ["police", "care_coordinator", "labour_inspectorate", "kmar", "shelter", "youth_care"]
FORMS = ["sexual-domestic", "sexual-cross-border", "labour", "criminal", "financial"]


def reset_database() -> None:
    import psycopg

    name = URL.rsplit("/", 1)[1]
    with psycopg.connect(URL.rsplit("/", 1)[0] + "/postgres", autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.execute(f'CREATE DATABASE "{name}"')


def load(records: int) -> float:
    from baken.registry.models import Registration
    from baken.registry.synthetic import registrations
    from baken.registry.tokens import issue_source

    rng = random.Random(1)
    sources = [issue_source(name=f"Bron {i}", kind=KINDS[i % len(KINDS)])[0] for i in range(30)]
    started = time.perf_counter()
    batch = []
    for row, person in registrations(records, seed=42):
        born = row["date_of_birth"][:4]
        reported = date(2020, 1, 1) + timedelta(days=rng.randrange(7 * 365))
        batch.append(
            Registration(
                source=sources[rng.randrange(len(sources))],
                idempotency_key=row["record_id"],
                dossier_type="statistical",
                key_version="bench",
                person_key=person,
                birth_year=int(born) if born else None,
                sex=row["sex"] or "unknown",
                nationality=row["nationality"],
                forms=[rng.choice(FORMS)],
                cross_border=row["nationality"] not in ("", "NL"),
                reported_on=reported,
                reporter_region=f"RE{rng.randrange(1, 11):02d}",
            )
        )
        if len(batch) == 20000:
            Registration.objects.bulk_create(batch)
            batch = []
    Registration.objects.bulk_create(batch)
    return time.perf_counter() - started


def timed(client: object, url: str, repeats: int = 5) -> tuple[float, int]:
    durations = []
    status = 0
    for _ in range(repeats):
        started = time.perf_counter()
        response = client.get(url)  # type: ignore[attr-defined]
        durations.append(time.perf_counter() - started)
        status = response.status_code
    return statistics.median(durations), status


def main() -> None:
    records = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    reset_database()
    import django

    django.setup()
    from django.conf import settings

    # Pages render without collectstatic (as in the test suite).
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    from django.core.management import call_command
    from django.test import Client

    from baken.registry.releases import publish
    from baken.testing import log_in_verified, make_cast

    call_command("migrate", verbosity=0)
    analyst = make_cast().analyst
    load_seconds = load(records)
    started = time.perf_counter()
    release = publish()
    publish_seconds = time.perf_counter() - started
    client = log_in_verified(Client(), analyst)
    lines = [
        f"{records} registrations in PostgreSQL ({release.persons} persons, years "
        f"{release.years[0]}-{release.years[-1]}); loading {load_seconds:.0f} s; "
        f"statistics release (nightly) {publish_seconds:.1f} s"
    ]
    for label, url in [
        ("statistics dashboard", "/registry/statistics/?table=form"),
        ("statistics dashboard, region table", "/registry/statistics/?table=region"),
        ("CSV export of all tables", "/registry/statistics/export.csv?all=1"),
        ("annual report (HTML)", f"/registry/statistics/report/{release.years[-1]}/"),
        ("registry overview", "/registry/"),
    ]:
        seconds, status = timed(client, url)
        lines.append(f"{label}: {seconds * 1000:.0f} ms (median of 5, HTTP {status})")
        print(lines[-1], flush=True)
    RESULTS.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(lines[0])


if __name__ == "__main__":
    main()
