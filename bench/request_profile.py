"""Where the CPU of a request goes, in the load benchmark's mix, in one process.

Runs the realistic mix of bench/institution_load.py (the same pages and weights, users by the
same role cycle) through Django's test client against a copy of the national database, under
cProfile, and reports per page: the time in Python, the queries and the time the database's own
process spent on them (CPU of the PostgreSQL back end, from /proc), and per phase of a request
(middleware, session, user and second factor, audit entry, decryption, templates, translation).
The server's CPU per request, Python and PostgreSQL together, is what limits requests per second
on two cores.

    uv run python bench/request_profile.py [--requests 600] [--database baken_bench_20x1000]
        [--top 40] [--label NAME] [--only LABEL,LABEL]

`--only` keeps the pages whose label contains one of the words (users without such a page load
the log-in page). `--serve` is for bench/request_profile_ab.py: the requests one at a time, on
its command.

The database is copied (baken_profile_<BENCH_PORT>) so the requests' writes never accumulate.
Writes bench/results/request_profile[-LABEL].txt.
"""

import argparse
import cProfile
import io
import json
import os
import pstats
import random
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

import institution_load as bench  # noqa: E402

CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
# Phases of a request, by the functions whose cumulative time they are (file fragment, name).
PHASES = {
    "session load (SessionStore)": [("sessions/backends/db.py", "load")],
    "user + organisation (get_user)": [("contrib/auth/__init__.py", "get_user")],
    "second factor (OTP device)": [("django_otp/middleware.py", "_verify_user_sync")],
    "user, organisation, roles, device in one (_load_user)": [
        ("accounts/middleware.py", "_load_user")
    ],
    "roles (role_set)": [("accounts/models.py", "role_set")],
    "audit entries (log_access)": [("audit/services.py", "log_access")],
    "  of which HMAC (digest/sign)": [
        ("audit/chain.py", "digest_entry"),
        ("audit/chain.py", "sign_head"),
    ],
    "decryption (Fernet)": [("cryptography/fernet.py", "decrypt")],
    "template rendering (render)": [("django/shortcuts.py", "render")],
    "translation (gettext)": [("utils/translation/trans_real.py", "gettext")],
    "middleware (all, around the view)": [("core/handlers/base.py", "_get_response")],
    "SQL compile (as_sql)": [("models/sql/compiler.py", "as_sql")],
    "SQL execute (cursor)": [("backends/utils.py", "_execute_with_wrappers")],
    "model instances (from_db)": [("models/base.py", "from_db")],
    "csrf": [("middleware/csrf.py", "process_view")],
    "url resolving": [("urls/resolvers.py", "resolve")],
}


def backend_cpu(pid: int) -> float:
    """CPU seconds (user + system) a PostgreSQL back end has used."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS


def run(options: argparse.Namespace) -> None:
    """The Django part (a child process with the database's settings)."""
    import django

    django.setup()
    from django.db import connection
    from django.test import Client

    from baken.accounts.models import User
    from baken.testing import log_in_verified

    cast = json.loads(Path(options.cast).read_text())
    rng = random.Random(16)
    users: list[tuple[str, Client, bench.Actor]] = []
    seen: dict[str, int] = {}
    for i in range(50):
        role = bench.ROLE_NAMES[bench.ROLE_CYCLE[i % len(bench.ROLE_CYCLE)]]
        number = seen.get(role, 0)
        seen[role] = number + 1
        described = cast["users"][role][number % len(cast["users"][role])]
        user = User.objects.get(username=described["username"])
        actor = bench.Actor(
            role,
            {**described, "indicators": cast["indicators"]},
            bench.Browser(),
            random.Random(i),
        )
        users.append((role, log_in_verified(Client(), user), actor))
    only = [word for word in options.only.split(",") if word]

    def kept(page: bench.Page, role: str) -> bool:
        in_mix = page.weight and page.role in (role, "anonymous")
        return bool(in_mix) and (not only or any(word in page.label for word in only))

    log_in = [p for p in bench.PAGES if p.role == "anonymous" and p.weight]
    mixes = {
        role: [p for p in bench.PAGES if kept(p, role)] or log_in
        for role in bench.ROLE_NAMES.values()
    }
    users = [entry for entry in users if mixes[entry[0]]]
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        pid = cursor.fetchone()[0]

    sql = {"count": 0, "wall": 0.0}

    def counting(execute: Any, query: str, params: Any, many: bool, context: Any) -> Any:
        started = time.perf_counter()
        try:
            return execute(query, params, many, context)
        finally:
            sql["count"] += 1
            sql["wall"] += time.perf_counter() - started

    anonymous = Client()

    def visit(role: str, client: Client, actor: bench.Actor, page: bench.Page) -> int:
        path, data = actor.fill(page)
        if page.role == "anonymous":
            anonymous.cookies.clear()
            return anonymous.get(path).status_code
        if data is not None:
            data.pop("csrfmiddlewaretoken")
            return client.post(path, data).status_code
        return client.get(path).status_code

    plan = []
    for _ in range(options.requests + options.warmup):
        role, client, actor = rng.choice(users)
        mix = mixes[role]
        plan.append((role, client, actor, actor.rng.choices(mix, [p.weight for p in mix])[0]))
    # Each test client builds its own middleware chain on its first request (WhiteNoise then
    # scans the static files: about 10 ms); a server does that once per worker, before any
    # measured request. So every client makes one request before the warm-up.
    for _role, client, _actor in users:
        client.get("/")
    anonymous.get("/accounts/login/")
    for role, client, actor, page in plan[: options.warmup]:
        visit(role, client, actor, page)

    if options.serve:  # one request per line read: its index in the plan; one line of JSON back
        with connection.execute_wrapper(counting):
            for line in sys.stdin:
                role, client, actor, page = plan[options.warmup + int(line) % options.requests]
                sql.update(count=0, wall=0.0)
                pg_before, cpu_before = backend_cpu(pid), time.process_time()
                status = visit(role, client, actor, page)
                cpu, pg = time.process_time() - cpu_before, backend_cpu(pid) - pg_before
                print("R " + json.dumps([page.label, cpu, pg, sql["count"], status]), flush=True)
        return
    per_page: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    # CPU time, not wall time: the database's share is measured apart (its own process).
    # One profiler per page: their calls per request are a measure that other work on the
    # machine does not disturb (CPU time does); merged for the phases and top functions.
    profiles: dict[str, cProfile.Profile] = defaultdict(lambda: cProfile.Profile(time.process_time))
    totals = {"wall": 0.0, "cpu": 0.0, "pg": 0.0}
    with connection.execute_wrapper(counting):
        for role, client, actor, page in plan[options.warmup :]:
            sql.update(count=0, wall=0.0)
            pg_before = backend_cpu(pid)
            cpu_before, wall_before = time.process_time(), time.perf_counter()
            profile = profiles[page.label]
            if options.profile:
                profile.enable()
            status = visit(role, client, actor, page)
            if options.profile:
                profile.disable()
            wall, cpu = time.perf_counter() - wall_before, time.process_time() - cpu_before
            pg = backend_cpu(pid) - pg_before
            row = per_page[page.label]
            row["n"] += 1
            row["wall"] += wall
            row["cpu"] += cpu
            row["pg"] += pg
            row["queries"] += sql["count"]
            row["sql_wall"] += sql["wall"]
            row["errors"] += status not in (200, 302)
            totals["wall"] += wall
            totals["cpu"] += cpu
            totals["pg"] += pg

    n = options.requests
    how = "cProfile on, timing CPU" if options.profile else "no profiler"
    when = time.strftime("%Y-%m-%d %H:%M")
    wall_ms, cpu_ms = totals["wall"] / n * 1000, totals["cpu"] / n * 1000
    lines = [
        f"Request profile: {n} requests of the 50-user mix, in one process (Django's test client,"
        f" {how}), database {options.database}; measured {when},"
        f" load average {os.getloadavg()[0]:.1f}"
        + (f"; only the pages matching {options.only}" if options.only else ""),
        "",
        f"Per request on average: {wall_ms:.1f} ms wall, {cpu_ms:.1f}"
        f" ms CPU in Python{' (under cProfile, which inflates it)' if options.profile else ''},"
        f" {totals['pg'] / n * 1000:.1f} ms CPU in PostgreSQL's back end (10 ms ticks, averaged)",
        "",
        "page                               n  err  python ms  pg ms  queries  sql wall ms  share"
        + ("  calls/request" if options.profile else ""),
    ]
    for label, row in sorted(per_page.items(), key=lambda item: -item[1]["cpu"] - item[1]["pg"]):
        count = row["n"]
        lines.append(
            f"{label:<33}{count:>4.0f}{row['errors']:>5.0f}{row['cpu'] / count * 1000:>11.1f}"
            f"{row['pg'] / count * 1000:>7.1f}{row['queries'] / count:>9.1f}"
            f"{row['sql_wall'] / count * 1000:>13.1f}"
            f"{(row['cpu'] + row['pg']) / (totals['cpu'] + totals['pg']) * 100:>6.1f}%"
            + (f"{calls(profiles[label]) / count:>15,.0f}" if options.profile else "")
        )
    if options.profile:
        every = sum(calls(profile) for profile in profiles.values())
        lines += ["", f"Python function calls per request (cProfile's count): {every / n:,.0f}"]
    if not options.profile:
        _write(lines, options)
        return
    stats = pstats.Stats(*profiles.values())
    profiled_total = sum(v[3] for k, v in stats.stats.items() if k[2] == "visit") or 1  # type: ignore[attr-defined]
    lines += ["", "Phases (cumulative time in profiled functions, share of all profiled time):"]
    for phase, functions in PHASES.items():
        cumulative = sum(
            value[3]
            for (filename, _line, name), value in stats.stats.items()  # type: ignore[attr-defined]
            if any(filename.endswith(part) and name == fn for part, fn in functions)
        )
        lines.append(
            f"  {phase:<40}{cumulative / n * 1000:>7.2f} ms/request"
            f"{cumulative / profiled_total * 100:>6.1f}%"
        )
    out = io.StringIO()
    stats.stream = out  # type: ignore[attr-defined]
    stats.sort_stats("tottime").print_stats(options.top)
    lines += ["", "Top functions by own time:", *_trimmed(out.getvalue())]
    out = io.StringIO()
    stats.stream = out  # type: ignore[attr-defined]
    stats.sort_stats("cumulative").print_stats(options.top)
    lines += ["", "Top functions by cumulative time:", *_trimmed(out.getvalue())]
    _write(lines, options)
    if options.dump:
        stats.dump_stats(options.dump)


def calls(profile: cProfile.Profile) -> int:
    """Function calls a profiler saw (primitive and recursive)."""
    return sum(value[1] for value in pstats.Stats(profile).stats.values())  # type: ignore[attr-defined]


def _write(lines: list[str], options: argparse.Namespace) -> None:
    name = "request_profile" + (f"-{options.label}" if options.label else "")
    (bench.RESULTS / f"{name}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines[:60]))


def _trimmed(text: str) -> list[str]:
    rows = text.splitlines()
    start = next(i for i, row in enumerate(rows) if row.strip().startswith("ncalls"))
    return [row.replace(str(ROOT) + "/", "").replace(sys.prefix + "/", "") for row in rows[start:]]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=600)
    parser.add_argument("--warmup", type=int, default=100)
    parser.add_argument("--database", default="baken_bench_20x1000")
    parser.add_argument("--top", type=int, default=40)
    parser.add_argument("--label", default="")
    parser.add_argument("--dump", default="", help="write the raw cProfile data here")
    parser.add_argument(
        "--no-profile", dest="profile", action="store_false", help="times only, no cProfile"
    )
    parser.add_argument("--keep", action="store_true", help="reuse the copy of the last run")
    parser.add_argument("--only", default="", help="only pages whose label has one of these")
    parser.add_argument("--serve", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--internal", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--cast", default="", help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.internal:
        run(options)
        return
    copy = f"baken_profile_{bench.PORT}"
    if not options.keep or not bench.database_comment(copy):
        bench.copy_database(options.database, copy)
        bench.manage(copy, "migrate", "-v0")
        bench.vacuum(copy)
        bench.manage(copy, "collectstatic", "--noinput", "-v0")
        bench.admin_sql(f"COMMENT ON DATABASE \"{copy}\" IS 'profile copy'")
    cast_file = Path(f"/tmp/baken-profile-cast-{bench.PORT}.json")  # noqa: S108
    cast_file.write_text(bench.internal("describe", copy))
    env = bench.server_env(copy, "institution")
    subprocess.run(  # noqa: S603 - fixed argument list
        [
            sys.executable,
            __file__,
            "--internal",
            "--cast",
            str(cast_file),
            *sys.argv[1:],
        ],
        env=env,
        cwd=ROOT,
        check=True,
    )


if __name__ == "__main__":
    main()
