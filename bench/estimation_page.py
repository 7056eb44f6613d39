"""Benchmark: the estimation page (and the statistics pages beside it) with 100,000 registrations
in PostgreSQL. The estimate of every year and group is made once, with the release (timed here
with the disclosure control and its audit), and the page shows it from storage. Writes
bench/results/estimation_page.txt.

    BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/baken_bench \\
        uv run python bench/estimation_page.py [N]
"""

import os
import sys
import time

os.environ.setdefault(
    "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/baken_bench_estimation"
)
from dashboard import RESULTS, load, reset_database, timed  # bench/dashboard.py

RESULTS = RESULTS.with_name("estimation_page.txt")


def main() -> None:
    records = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    reset_database()
    import django

    django.setup()
    from django.conf import settings

    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    from django.core.management import call_command
    from django.test import Client

    from baken.registry.disclosure import protect
    from baken.registry.person_counts import release as count_tables
    from baken.registry.releases import publish, registrations_frame
    from baken.testing import log_in_verified, make_cast

    call_command("migrate", verbosity=0)
    analyst = make_cast().analyst
    load_seconds = load(records)
    started = time.perf_counter()
    stored = publish()
    publish_seconds = time.perf_counter() - started
    frame = registrations_frame()
    tables = count_tables(frame)
    started = time.perf_counter()
    protect(tables, threshold=stored.threshold, protection_width=stored.protection_width)
    protect_seconds = time.perf_counter() - started
    hidden = sum(len(t["rows"]) for t in stored.tables)
    client = log_in_verified(Client(), analyst)
    audit = stored.audit
    lines = [
        f"{records} registrations in PostgreSQL ({stored.persons} persons, years "
        f"{stored.years[0]}-{stored.years[-1]}, {len(stored.tables)} tables, {hidden} rows); "
        f"loading {load_seconds:.0f} s",
        f"release with disclosure control, LP audit and stored estimates: {publish_seconds:.1f} s "
        f"(of which protection with its audit {protect_seconds:.1f} s); audit: "
        f"{audit['cells_checked']} small counts checked, narrowest range "
        f"{audit['narrowest_width']}, protection width {audit['protection_width']}, "
        f"passed {audit['passed']}",
    ]
    print(lines[0], lines[1], sep="\n", flush=True)
    first, last = stored.years[0], stored.years[-1]
    for label, url in [
        ("estimation page, all years", "/registry/estimation/"),
        ("estimation page, minors", "/registry/estimation/?stratum=minor"),
        ("estimation page, one year", f"/registry/estimation/?start={last}&end={last}"),
        (
            "estimation page, years in the wrong order",
            f"/registry/estimation/?start={last}&end={first}",
        ),
        ("statistics dashboard, form by age group", "/registry/statistics/?table=form_x_age_group"),
        ("CSV export of all tables", "/registry/statistics/export.csv?all=1"),
    ]:
        seconds, status = timed(client, url)
        lines.append(f"{label}: {seconds * 1000:.0f} ms (median of 5, HTTP {status})")
        print(lines[-1], flush=True)
    RESULTS.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
