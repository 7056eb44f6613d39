"""Benchmark: the institution side at national size, one request at a time and under load.

Builds (once, then cached) a national dataset in PostgreSQL through the models, so encryption and
the blind index are real: by default 20 organisations x 1,000 youths, with about 190,000 signals,
20,000 screenings, meldcode trajectories, registrations and the audit log in proportion
(bench/national_data.py). Also caches the demo data (the demo size) and a registry with 100,000
synthetic registrations. Each run measures on a fresh copy of the cached database, so what the
run writes (signals recorded under load, audit entries) never accumulates.

Then, against gunicorn (3 sync workers, as `baken serve`):
- single requests: p50/p95 per page at demo size and at national size, and their ratio;
- load: a bounded closed loop (no think time) of 10 and 50 logged-in users, each a different
  account, in a realistic mix of youth worker, officer, manager and privacy-officer actions,
  POSTs included (recording a signal, writing a daily report), with the anonymous log-in page as
  the reference in the same run; per page the time users waited (client) and the time a worker
  spent (server, from gunicorn's access log), p50/p95/p99, throughput and errors;
- cold start: from starting gunicorn with one new worker to its answer to a logged-in page, and
  in one process: Django set-up, the URL conf, the first request;
- the registry's estimation page at 100,000 registrations;
- queries per page (in process) at both sizes.
Writes bench/results/institution_load[-LABEL].txt and .json.

Log-in goes through the real log-in pages with the password and a TOTP code computed from the
device the builder made. The machine is shared: compare ratios within one run.

    uv run python bench/institution_load.py [--label NAME]
        [--only build,single,load,cold,registry,queries]
        [--organisations 20] [--youths 1000] [--registrations 100000] [--users 10,50]
        [--duration 60] [--repeats 20] [--rebuild] [--side institution]
"""

import argparse
import hashlib
import hmac
import http.client
import json
import os
import random
import signal
import statistics
import struct
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results"
SERVER = "postgres://postgres@127.0.0.1:5432"
PORT = int(os.environ.get("BENCH_PORT", "8150"))
CACHE_VERSION = "baken-bench-3"  # raise when the data the builder writes changes
WORKERS = 3


# As `baken serve` runs gunicorn (its --preload).
def preloads(root: Path) -> bool:
    return "--preload" in Path(root / "baken/operations/management/commands/serve.py").read_text()


PRELOAD = preloads(ROOT)


# --- pages ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Page:
    label: str
    role: str  # anonymous, worker, officer, manager, privacy, analyst
    path: str  # may hold {youth} and {q}
    weight: int = 0  # share in the role's mix under load; 0: measured one at a time only
    method: str = "GET"
    form: str = ""  # "signal" or "daily" for POSTs


PAGES = (
    Page("log-in page (anonymous)", "anonymous", "/accounts/login/", 3),
    Page("password page, logged in (worker)", "worker", "/accounts/password/"),
    Page("home (worker)", "worker", "/", 25),
    Page("youth list (worker)", "worker", "/youths/", 8),
    Page("name search (worker)", "worker", "/youths/?q={q}", 4),
    Page("youth file (worker)", "worker", "/youths/{youth}/", 20),
    Page("signal form (worker)", "worker", "/signals/youth/{youth}/signal/", 8),
    Page(
        "record signal POST (worker)",
        "worker",
        "/signals/youth/{youth}/signal/",
        8,
        "POST",
        "signal",
    ),
    Page(
        "daily report POST (worker)",
        "worker",
        "/signals/youth/{youth}/daily-report/",
        4,
        "POST",
        "daily",
    ),
    Page("screening history (worker)", "worker", "/screening/youth/{youth}/history/", 4),
    Page("screening due (worker)", "worker", "/screening/due/", 6),
    Page("training (worker)", "worker", "/training/", 4),
    Page("partners (worker)", "worker", "/partners/youth/{youth}/", 4),
    Page("home (officer)", "officer", "/", 20),
    Page("signal overview (officer)", "officer", "/signals/overview/", 8),
    Page("youth list (officer)", "officer", "/youths/", 10),
    Page("youth file (officer)", "officer", "/youths/{youth}/", 20),
    Page("screening due (officer)", "officer", "/screening/due/", 10),
    Page("meldcode overview (officer)", "officer", "/meldcode/", 10),
    Page("registration tasks (officer)", "officer", "/registration/", 10),
    Page("home (manager)", "manager", "/", 30),
    Page("dashboard (manager)", "manager", "/insight/", 35),
    Page("meldcode overview (manager)", "manager", "/meldcode/", 20),
    Page("youth list (manager)", "manager", "/youths/", 15),
    Page("home (privacy officer)", "privacy", "/", 40),
    Page("audit log (privacy officer)", "privacy", "/audit/", 60),
)
REGISTRY_PAGES = (
    Page("registry estimation (analyst)", "analyst", "/registry/estimation/"),
    Page("registry statistics (analyst)", "analyst", "/registry/statistics/"),
)
# Virtual users by role: per ten users 7 youth workers, 2 officers and a manager or privacy
# officer; the first ten are 7/2/1/0, twenty are 14/3/2/1.
ROLE_CYCLE = "wwowwmwwow" + "wwowmwwpww"
ROLE_NAMES = {"w": "worker", "o": "officer", "m": "manager", "p": "privacy"}


# --- databases --------------------------------------------------------------------------------


def admin_sql(sql: str, *params: Any) -> list[tuple[Any, ...]]:
    import psycopg

    with psycopg.connect(f"{SERVER}/postgres", autocommit=True) as connection:
        cursor = connection.execute(sql, params)  # type: ignore[arg-type]
        return cursor.fetchall() if cursor.description else []


def database_comment(name: str) -> str | None:
    rows = admin_sql(
        "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = %s", name
    )
    return rows[0][0] if rows else ""


def drop_database(name: str) -> None:
    admin_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def vacuum(database: str) -> None:
    """VACUUM ANALYZE, as autovacuum keeps a live database: without it the copy has no
    visibility map, and a count by index (the audit log's) reads every table page instead."""
    import psycopg

    with psycopg.connect(f"{SERVER}/{database}", autocommit=True) as connection:
        connection.execute("VACUUM (ANALYZE)")


def copy_database(template: str, name: str) -> float:
    started = time.perf_counter()
    drop_database(name)
    admin_sql(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
    return time.perf_counter() - started


def cached(name: str, marker: str, build: Callable[[], None], rebuild: bool) -> None:
    """Build the database unless it exists with this marker (complete, same parameters)."""
    if not rebuild and database_comment(name) == marker:
        return
    drop_database(name)
    admin_sql(f'CREATE DATABASE "{name}"')
    build()
    admin_sql(f"COMMENT ON DATABASE \"{name}\" IS '{marker}'")


def server_env(database: str, side: str | None, root: Path = ROOT) -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("BAKEN_", "DATABASE_URL", "DJANGO_"))
    }
    env.update(
        DATABASE_URL=f"{SERVER}/{database}",
        BAKEN_ALLOWED_HOSTS="127.0.0.1,localhost,testserver",
        BAKEN_HTTPS="0",
        BAKEN_EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend",
        BAKEN_STATIC_ROOT=str(Path(tempfile.gettempdir()) / f"baken-bench-static-{PORT}"),
        DJANGO_SETTINGS_MODULE="baken.settings",
        PYTHONPATH=str(root),
    )
    if side:
        env["BAKEN_SIDE"] = side
    return env


def internal(mode: str, database: str, *args: str, side: str | None = None) -> str:
    """Run this script's Django part (building, describing, counting) in a child process."""
    env = server_env(database, side)
    env["BAKEN_PSEUDONYM_KEY"] = "demo-only-pseudonymisation-key-not-for-real-use"
    env["BAKEN_REGISTRY_TOKEN"] = "bk_demo_token_for_the_local_demo_registry_only"  # noqa: S105
    result = subprocess.run(  # noqa: S603 - fixed argument list
        [sys.executable, __file__, "--internal", mode, *args],
        env=env,
        cwd=ROOT,
        check=True,
        stdout=subprocess.PIPE,
        text=True,
    )
    return result.stdout


def manage(database: str, *args: str, side: str | None = None, root: Path = ROOT) -> None:
    subprocess.run(  # noqa: S603 - fixed argument list
        [sys.executable, "manage.py", *args],
        env=server_env(database, side, root),
        cwd=root,
        check=True,
    )


# --- the server -------------------------------------------------------------------------------

ACCESS_FORMAT = "%({x-bench-phase}i)s\t%({x-bench-page}i)s\t%(m)s\t%(s)s\t%(D)s"


@dataclass
class Server:
    process: subprocess.Popen[bytes]
    access_log: Path
    started: float


@dataclass(frozen=True)
class Variant:
    """A server to measure under load: whose code (a source tree) and how gunicorn runs it."""

    name: str
    root: Path = ROOT
    workers: int = WORKERS
    threads: int = 1  # more than one: gunicorn's gthread worker
    side: str | None = None  # BAKEN_SIDE; None: --side's

    @classmethod
    def parse(cls, text: str) -> "Variant":
        """name[:root[:workers[:threads[:side]]]], e.g. old:/tmp/baken-main:3:1:institution"""
        name, root, workers, threads, side = ([*text.split(":"), "", "", "", ""])[:5]
        return cls(
            name,
            Path(root).resolve() if root else ROOT,
            int(workers or WORKERS),
            int(threads or 1),
            side or None,
        )

    def describe(self) -> str:
        where = "this tree" if self.root == ROOT else str(self.root)
        kind = f"gthread, {self.threads} threads each" if self.threads > 1 else "sync"
        side = f", BAKEN_SIDE={self.side}" if self.side else ""
        return f"{self.name}: {where}, {self.workers} workers ({kind}){side}"


@contextmanager
def gunicorn(
    database: str,
    *,
    workers: int = WORKERS,
    side: str | None = None,
    port: int = PORT,
    variant: Variant | None = None,
) -> Iterator[Server]:
    root = variant.root if variant else ROOT
    if variant:
        workers = variant.workers
    threads = ["--threads", str(variant.threads)] if variant and variant.threads > 1 else []
    log_dir = Path(tempfile.mkdtemp(prefix="baken-bench-"))
    access_log = log_dir / "access.log"
    started = time.perf_counter()
    process = subprocess.Popen(  # noqa: S603 - fixed argument list
        [
            sys.executable,
            "-m",
            "gunicorn",
            "baken.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
            *threads,
            "--timeout",
            "300",
            *(["--preload"] if preloads(root) else []),
            "--access-logfile",
            str(access_log),
            "--access-logformat",
            ACCESS_FORMAT,
            "--error-logfile",
            str(log_dir / "error.log"),
        ],
        env=server_env(database, side, root),
        cwd=root,
    )
    try:
        yield Server(process, access_log, started)
    finally:
        process.terminate()
        process.wait(timeout=60)


def wait_until_up(port: int = PORT, timeout: float = 120) -> None:
    """Until every worker has answered quickly: Django loads the URL conf on a worker's first
    request, and a measurement should not catch one worker's start-up."""
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline:
        try:
            Browser(port).get("/accounts/login/", page="startup", phase="startup")
            break
        except OSError:
            time.sleep(0.05)
    else:
        raise RuntimeError("gunicorn did not answer")
    for _round in range(20):
        times: list[float] = []

        def visit(into: list[float]) -> None:
            into.append(Browser(port).get("/accounts/login/", page="startup", phase="startup")[2])

        threads = [threading.Thread(target=visit, args=(times,)) for _ in range(2 * WORKERS)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        if max(times) < 0.3:
            return


def server_times(log: Path) -> dict[tuple[str, str], list[float]]:
    """(phase, page) -> seconds a worker spent, from gunicorn's access log."""
    times: dict[tuple[str, str], list[float]] = {}
    for line in log.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) == 5:
            phase, page, _method, _status, micros = parts
            times.setdefault((phase, page), []).append(int(micros) / 1e6)
    return times


# --- the browser ------------------------------------------------------------------------------


class Browser:
    """One user's cookies; one connection per request (gunicorn's sync workers close it)."""

    def __init__(self, port: int = PORT) -> None:
        self.port = port
        self.cookies: dict[str, str] = {}

    def request(
        self,
        method: str,
        path: str,
        *,
        page: str,
        phase: str,
        data: dict[str, Any] | None = None,
    ) -> tuple[int, str, float]:
        headers = {"X-Bench-Page": page, "X-Bench-Phase": phase, "Host": "127.0.0.1"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if data is not None:
            body = urllib.parse.urlencode(data, doseq=True)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=300)
        started = time.perf_counter()
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            content = response.read()
        finally:
            connection.close()
        elapsed = time.perf_counter() - started
        for cookie in response.msg.get_all("Set-Cookie") or []:
            name, _sep, rest = cookie.partition("=")
            value = rest.split(";", 1)[0]
            if value and "max-age=0" not in cookie.lower():
                self.cookies[name.strip()] = value
            else:
                self.cookies.pop(name.strip(), None)
        location = response.getheader("Location") or ""
        return response.status, location or content.decode("utf-8", "replace"), elapsed

    def get(self, path: str, *, page: str, phase: str) -> tuple[int, str, float]:
        return self.request("GET", path, page=page, phase=phase)


def totp(key_hex: str, at: float, step: int = 30, digits: int = 6) -> str:
    counter = struct.pack(">Q", int(at // step))
    digest = hmac.new(bytes.fromhex(key_hex), counter, hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    number = struct.unpack(">I", digest[offset : offset + 4])[0] & 0x7FFFFFFF
    return str(number % 10**digits).zfill(digits)


def log_in(user: dict[str, Any], port: int) -> Browser:
    """Password, then the second factor, through the real pages."""
    for _attempt in range(3):
        browser = Browser(port)
        browser.get("/accounts/login/", page="log-in", phase="login")
        status, location, _t = browser.request(
            "POST",
            "/accounts/login/",
            page="log-in",
            phase="login",
            data={
                "username": user["username"],
                "password": user["password"],
                "csrfmiddlewaretoken": browser.cookies.get("csrftoken", ""),
            },
        )
        if status != 302 or "code" not in location:
            raise RuntimeError(f"log-in of {user['username']} failed: {status} {location[:200]}")
        status, location, _t = browser.request(
            "POST",
            "/accounts/login/code/",
            page="log-in",
            phase="login",
            data={
                "token": totp(user["key"], time.time()),
                "csrfmiddlewaretoken": browser.cookies.get("csrftoken", ""),
            },
        )
        if status == 302 and "login" not in location:
            return browser
        time.sleep(31 - time.time() % 30)  # a code is accepted once: wait for the next one
    raise RuntimeError(f"second factor of {user['username']} failed")


@dataclass
class Actor:
    """A logged-in user and what they work on."""

    role: str
    user: dict[str, Any]
    browser: Browser
    rng: random.Random = field(default_factory=random.Random)

    def fill(self, page: Page) -> tuple[str, dict[str, Any] | None]:
        youths = self.user.get("youths") or [""]
        names = self.user.get("names") or ["x"]
        path = page.path.format(
            youth=self.rng.choice(youths), q=urllib.parse.quote(self.rng.choice(names))
        )
        if page.method == "GET":
            return path, None
        token = self.browser.cookies.get("csrftoken", "")
        today = date.today().isoformat()  # noqa: DTZ011 - the server's local date
        if page.form == "signal":
            indicators = self.rng.sample(self.user["indicators"], self.rng.choice([1, 2]))
            return path, {
                "observed_on": today,
                "context": "living_group",
                "source": "seen",
                "note": "Kwam laat terug met nieuwe spullen.",
                "indicators": indicators,
                "concern": "medium",
                "csrfmiddlewaretoken": token,
            }
        return path, {
            "report_date": today,
            "text": "Rustige dag; 's avonds onrustig na een telefoontje.",
            "safety_note": "",
            "csrfmiddlewaretoken": token,
        }

    def visit(self, page: Page, phase: str) -> tuple[bool, float, int]:
        path, data = self.fill(page)
        browser = Browser(self.browser.port) if page.role == "anonymous" else self.browser
        status, _body, elapsed = browser.request(
            page.method, path, page=page.label, phase=phase, data=data
        )
        expected = 302 if page.method == "POST" else 200
        return status == expected, elapsed, status


# --- measuring --------------------------------------------------------------------------------


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))
    return ordered[index]


def summary(values: list[float]) -> dict[str, float]:
    return {
        "n": len(values),
        "p50_ms": round(percentile(values, 50) * 1000, 1),
        "p95_ms": round(percentile(values, 95) * 1000, 1),
        "p99_ms": round(percentile(values, 99) * 1000, 1),
    }


def actor(cast: dict[str, Any], role: str, number: int, seed: int) -> Actor:
    """The number-th user of this role, logged in once per run (a TOTP code works only once)."""
    if role == "anonymous":
        return Actor(role, {"indicators": []}, Browser(cast["port"]), random.Random(seed))
    pool = cast["users"][role]
    user = {**pool[number % len(pool)], "indicators": cast["indicators"]}
    sessions = cast.setdefault("sessions", {})
    if user["username"] not in sessions:
        sessions[user["username"]] = log_in(user, cast["port"])
    return Actor(role, user, sessions[user["username"]], random.Random(seed))


def single_requests(
    casts: dict[str, dict[str, Any]], pages: tuple[Page, ...], repeats: int
) -> dict[str, dict[str, Any]]:
    """Each page on its own, one request at a time, p50/p95 of `repeats` after two warm-ups; the
    datasets (each on its own server) take turns, so the machine's other work hits them alike."""
    results: dict[str, dict[str, Any]] = {label: {} for label in casts}
    for page in pages:
        visitors = {
            label: actor(cast, page.role, 0, 1)
            for label, cast in casts.items()
            if page.role == "anonymous" or cast["users"].get(page.role)
        }
        times: dict[str, list[float]] = {label: [] for label in visitors}
        errors = dict.fromkeys(visitors, 0)
        status = dict.fromkeys(visitors, 0)
        for number in range(repeats + 2):
            for label, visitor in visitors.items():
                ok, elapsed, status[label] = visitor.visit(page, f"single-{label}")
                errors[label] += not ok
                if number >= 2:
                    times[label].append(elapsed)
        for label in visitors:
            results[label][page.label] = {
                **summary(times[label]),
                "errors": errors[label],
                "last_status": status[label],
            }
        print(
            f"  {page.label}: "
            + ", ".join(
                f"{label} p50 {results[label][page.label]['p50_ms']} ms" for label in visitors
            ),
            flush=True,
        )
    return results


AUDIT_HEAD = "audit_auditchainhead"


def sample_lock_waits(
    database: str, stop: threading.Event, into: list[tuple[int, int, int]]
) -> None:
    """Every 20 ms, the requests the database is working on: how many, how many of them wait
    for a lock, and how many for the audit chain's head (the row every audited request locks to
    append its entry)."""
    import psycopg

    with psycopg.connect(f"{SERVER}/{database}", autocommit=True) as connection:
        while not stop.is_set():
            rows = connection.execute(
                "SELECT wait_event_type, query FROM pg_stat_activity"
                " WHERE datname = %s AND state = 'active' AND pid <> pg_backend_pid()",
                (database,),
            ).fetchall()
            waiting = [query for kind, query in rows if kind == "Lock"]
            into.append((len(rows), len(waiting), sum(AUDIT_HEAD in query for query in waiting)))
            stop.wait(0.02)


def lock_summary(samples: list[tuple[int, int, int]]) -> dict[str, float]:
    if not samples:
        return {}
    count = len(samples)
    return {
        "samples": count,
        "mean_active_queries": round(sum(s[0] for s in samples) / count, 2),
        "share_waiting_for_a_lock": round(sum(s[1] > 0 for s in samples) / count, 3),
        "share_waiting_for_audit_head": round(sum(s[2] > 0 for s in samples) / count, 3),
        "mean_waiting_for_audit_head": round(sum(s[2] for s in samples) / count, 3),
    }


TICKS = os.sysconf("SC_CLK_TCK")


def process_cpu(pid: int, *, system_only: bool = False) -> float:
    """CPU seconds (user + system, or system alone) a process has used; 0 once it is gone."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[12]) + (0 if system_only else int(fields[11]))) / TICKS


def cpu_snapshot(server: "Server", database: str) -> dict[str, Any]:
    """CPU used so far by the load generator (this process), gunicorn (master and workers),
    this database's PostgreSQL back ends, all other PostgreSQL processes (WAL writer,
    checkpointer, other databases), and the whole machine (busy, from /proc/stat)."""
    gunicorn_pids = [server.process.pid, *worker_pids(server.process.pid)]
    backends = {
        int(pid): process_cpu(int(pid))
        for (pid,) in admin_sql("SELECT pid FROM pg_stat_activity WHERE datname = %s", database)
    }
    postgres = 0.0
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit() and int(entry.name) not in backends:
            try:
                if (entry / "comm").read_text().startswith("postgres"):
                    postgres += process_cpu(int(entry.name))
            except OSError:
                continue
    busy = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    times = os.times()
    return {
        "load generator": times.user + times.system,
        "gunicorn": {pid: process_cpu(pid) for pid in gunicorn_pids},
        "  of which in the kernel": {
            pid: process_cpu(pid, system_only=True) for pid in gunicorn_pids
        },
        "postgres (this database)": backends,
        "postgres (other)": postgres,
        # user, nice, system, irq, softirq, steal; not idle or iowait
        "machine": sum(busy[i] for i in (0, 1, 2, 5, 6, 7)) / TICKS,
        "wall": time.perf_counter(),
    }


def cpu_used(before: dict[str, Any], after: dict[str, Any], requests: int) -> dict[str, Any]:
    """Per component: cores used on average over the window, and ms of CPU per request."""
    wall = after["wall"] - before["wall"]

    def spent(key: str) -> float:
        if isinstance(after[key], dict):
            return sum(v - before[key].get(pid, 0.0) for pid, v in after[key].items())
        return after[key] - before[key]

    parts = {
        key: spent(key)
        for key in (
            "gunicorn",
            "  of which in the kernel",
            "postgres (this database)",
            "postgres (other)",
            "load generator",
            "machine",
        )
    }
    parts["other work on the machine"] = parts["machine"] - sum(
        v for k, v in parts.items() if k != "machine" and not k.startswith(" ")
    )
    return {
        key: {
            "cores": round(value / wall, 2),
            "ms_per_request": round(value / max(requests, 1) * 1000, 1),
        }
        for key, value in parts.items()
    }


def load(
    cast: dict[str, Any],
    users: int,
    duration: float,
    warmup: float,
    server: Server,
    database: str = "",
) -> dict[str, Any]:
    """A closed loop: `users` logged-in users, each request right after the previous answer;
    meanwhile the database's lock waits are sampled (the audit chain's head above all)."""
    actors = []
    seen: dict[str, int] = {}
    for i in range(users):
        role = ROLE_NAMES[ROLE_CYCLE[i % len(ROLE_CYCLE)]]
        seen[role] = seen.get(role, 0) + 1
        actors.append(actor(cast, role, seen[role] - 1, i))
    mixes = {
        role: [p for p in PAGES if p.weight and p.role in (role, "anonymous")]
        for role in ROLE_NAMES.values()
    }
    records: list[tuple[str, bool, float, int]] = []
    # Requests started in the warm-up and answered in the measured window: their CPU falls in
    # the window, so they count for the CPU per request (not for the pages' times).
    carried_over = [0]
    lock = threading.Lock()
    start = time.perf_counter()
    measure_from = start + warmup
    stop = measure_from + duration

    def run(visitor: Actor) -> None:
        mix = mixes[visitor.role]
        weights = [p.weight for p in mix]
        while time.perf_counter() < stop:
            page = visitor.rng.choices(mix, weights)[0]
            measured = time.perf_counter() >= measure_from
            phase = f"load{users}" if measured else f"load{users}-warm"
            try:
                ok, elapsed, status = visitor.visit(page, phase)
            except OSError:
                ok, elapsed, status = False, 0.0, 0
            if measured:
                with lock:
                    records.append((page.label, ok, elapsed, status))
            elif time.perf_counter() >= measure_from:
                with lock:
                    carried_over[0] += 1

    threads = [threading.Thread(target=run, args=(a,)) for a in actors]
    for thread in threads:
        thread.start()
    samples: list[tuple[int, int, int]] = []
    sampling = threading.Event()
    sampler = threading.Thread(target=sample_lock_waits, args=(database, sampling, samples))
    if database:
        time.sleep(max(0.0, measure_from - time.perf_counter()))
        cpu_before = cpu_snapshot(server, database)
        sampler.start()
    for thread in threads:
        thread.join()
    sampling.set()
    if database:
        sampler.join()
        answered = len(records) + carried_over[0]
        cpu = cpu_used(cpu_before, cpu_snapshot(server, database), answered)
    else:
        answered = 0
    window = time.perf_counter() - measure_from
    server_side = server_times(server.access_log)
    pages: dict[str, Any] = {}
    total_server = sum(
        sum(values) for (phase, _p), values in server_side.items() if phase == f"load{users}"
    )
    for page in PAGES:
        mine = [r for r in records if r[0] == page.label]
        if not mine:
            continue
        worked = server_side.get((f"load{users}", page.label), [])
        pages[page.label] = {
            "requests": len(mine),
            "errors": sum(not r[1] for r in mine),
            "statuses": sorted({r[3] for r in mine if not r[1]}),
            "client": summary([r[2] for r in mine]),
            "server": summary(worked),
            "share_of_server_time": round(sum(worked) / total_server, 3) if total_server else 0,
        }
    return {
        "users": users,
        "seconds": round(window, 1),
        "requests": len(records),
        "throughput_per_s": round(len(records) / window, 1),
        "errors": sum(not r[1] for r in records),
        "locks": lock_summary(samples),
        "cpu": cpu if database else {},
        "cpu_requests": answered if database else 0,
        "pages": pages,
    }


def worker_pids(master: int) -> list[int]:
    return [int(pid) for pid in Path(f"/proc/{master}/task/{master}/children").read_text().split()]


def first_answer(visitor: Actor, path: str, page: Page, since: float) -> float:
    """Seconds from `since` until the server answers (requests wait in the listen queue)."""
    while True:
        try:
            status, _b, _t = visitor.browser.get(path, page=page.label, phase="cold")
            break
        except OSError:
            time.sleep(0.01)
    if status != 200:
        raise RuntimeError(f"cold start: HTTP {status}")
    return time.perf_counter() - since


def cold_start(database: str, cast: dict[str, Any], runs: int, side: str | None) -> dict[str, Any]:
    """Start gunicorn with one worker and time its answer to a youth worker's first page, a
    youth's file (it decrypts most kinds of encrypted field); then stop that worker and time
    the answer of the worker gunicorn starts in its place."""
    page = next(p for p in PAGES if p.label == "youth file (worker)")
    if cast["users"]["worker"][0]["username"] not in cast.setdefault("sessions", {}):
        with gunicorn(database, workers=1, side=side):
            wait_until_up()
            actor(cast, "worker", 0, 1)
    visitor = actor(cast, "worker", 0, 1)
    path, _data = visitor.fill(page)
    times, replaced = [], []
    for _ in range(runs):
        with gunicorn(database, workers=1, side=side) as server:
            times.append(first_answer(visitor, path, page, server.started))
            (worker,) = worker_pids(server.process.pid)
            stopped = time.perf_counter()
            os.kill(worker, signal.SIGTERM)
            while worker in worker_pids(server.process.pid):
                time.sleep(0.005)
            replaced.append(first_answer(visitor, path, page, stopped))
    session = visitor.browser.cookies.get("sessionid", "")
    phases = json.loads(internal("phases", database, session, path, side=side))
    return {
        "page": page.label,
        "preload": PRELOAD,
        "first_response_s": [round(t, 2) for t in times],
        "median_s": round(statistics.median(times), 2),
        "replaced_worker_s": [round(t, 2) for t in replaced],
        "replaced_median_s": round(statistics.median(replaced), 2),
        "in_process": phases,
    }


# --- the Django side (child processes) --------------------------------------------------------


def django_setup() -> None:
    import django

    django.setup()


def build_national(organisations: int, youths: int) -> None:
    from django.core.management import call_command

    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    import national_data

    built = national_data.build(
        organisations=organisations,
        youths_per_org=youths,
        seed=16,
        log=lambda text: print(
            f"  {time.perf_counter() - started:.0f} s {text}", file=sys.stderr, flush=True
        ),
    )
    national_data.analyse()
    print(
        f"  national dataset built in {time.perf_counter() - started:.0f} s: {built.counts}",
        file=sys.stderr,
    )


def build_demo() -> None:
    from django.core.management import call_command

    from baken.operations.demo_data import load_demo_data

    call_command("migrate", verbosity=0)
    load_demo_data()


def build_registry(records: int) -> None:
    from django.core.management import call_command

    sys.path.insert(0, str(ROOT / "bench"))
    call_command("migrate", verbosity=0)
    import dashboard

    from baken.accounts.models import Organisation, OrganisationKind, Role
    from baken.registry.releases import publish
    from baken.testing import make_user

    registry = Organisation.objects.create(
        name="Registratiecentrum", kind=OrganisationKind.REGISTRY
    )
    make_user("analyst", registry, [Role.REGISTRY_ANALYST])
    dashboard.load(records)
    publish()


def describe() -> None:
    """The users the harness logs in as, with their device keys and the youths they work on."""
    from django.db.models import Q
    from national_data import PASSWORD

    from baken.accounts.models import Role, User
    from baken.cases.access import youths_visible_to
    from baken.operations.demo_data import DEMO_PASSWORD
    from baken.signalling.models import Indicator, IndicatorKind
    from baken.testing import TEST_PASSWORD

    roles = {
        "worker": Role.YOUTH_WORKER,
        "officer": Role.DESIGNATED_OFFICER,
        "manager": Role.MANAGER,
        "privacy": Role.PRIVACY_OFFICER,
        "analyst": Role.REGISTRY_ANALYST,
    }
    cast: dict[str, Any] = {"users": {}}
    for name, role in roles.items():
        users = list(
            User.objects.filter(role_grants__role=role, is_active=True, totpdevice__confirmed=True)
            .filter(Q(organisation__isnull=False))
            .order_by("username")
            .values_list("pk", flat=True)
        )
        chosen = _spread(User.objects.filter(pk__in=users).select_related("organisation"), 60)
        cast["users"][name] = [
            _describe_user(
                u,
                youths_visible_to,
                PASSWORD
                if u.username.startswith("o") and "." in u.username[:4]
                else TEST_PASSWORD
                if u.username == "analyst" and not u.email.endswith(".invalid")
                else DEMO_PASSWORD,
            )
            for u in chosen
        ]
    cast["indicators"] = list(
        Indicator.objects.filter(catalogue__is_current=True, kind=IndicatorKind.SIGNAL).values_list(
            "pk", flat=True
        )
    )
    print(json.dumps(cast))


def _spread(users: Any, count: int) -> list[Any]:
    """Users taken round-robin over organisations, so load spreads as in the country."""
    by_org: dict[int, list[Any]] = {}
    for user in users.order_by("username"):
        by_org.setdefault(user.organisation_id, []).append(user)
    chosen = []
    while len(chosen) < count and any(by_org.values()):
        for pool in by_org.values():
            if pool and len(chosen) < count:
                chosen.append(pool.pop(0))
    return chosen


def _describe_user(user: Any, visible: Any, password: str) -> dict[str, Any]:
    from django_otp.plugins.otp_totp.models import TOTPDevice

    in_care = sorted(visible(user).filter(care_end__isnull=True).values_list("pk", flat=True))
    chosen = random.Random(user.pk).sample(in_care, min(40, len(in_care)))
    youths = list(visible(user).model.objects.filter(pk__in=chosen).order_by("pk"))
    return {
        "username": user.username,
        "password": password,
        "key": TOTPDevice.objects.get(user=user, confirmed=True).key,
        "youths": [y.pseudonym for y in youths],
        "names": sorted({y.family_name.split()[-1] for y in youths if y.family_name})[:20],
    }


def queries(cast_json: str) -> None:
    """Queries and in-process time per page (one request after a warm-up)."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from baken.accounts.models import User
    from baken.testing import log_in_verified

    cast = json.loads(cast_json)
    result = {}
    clients: dict[str, tuple[Client, Actor]] = {}
    for page in PAGES + REGISTRY_PAGES:
        users = cast["users"].get(page.role, [])
        if page.role == "anonymous":
            client, visitor = Client(), Actor(page.role, {"indicators": []}, Browser())
        elif not users or (not users[0]["youths"] and "{youth}" in page.path):
            continue
        else:
            if page.role not in clients:
                user = User.objects.get(username=users[0]["username"])
                clients[page.role] = (
                    log_in_verified(Client(), user),
                    Actor(page.role, {**users[0], "indicators": cast["indicators"]}, Browser()),
                )
            client, visitor = clients[page.role]
        path, data = visitor.fill(page)
        if data is not None:
            data.pop("csrfmiddlewaretoken")

        def once(page: Page, client: Client, path: str, data: dict[str, Any] | None) -> int:
            if page.method == "POST":
                return client.post(path, data).status_code
            return client.get(path).status_code

        once(page, client, path, data)
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            status = once(page, client, path, data)
            elapsed = time.perf_counter() - started
        result[page.label] = {
            "queries": len(captured),
            "ms": round(elapsed * 1000, 1),
            "status": status,
        }
    print(json.dumps(result))


def phases(session: str, path: str) -> None:
    """A new process: Django set-up, the URL conf, the first (logged-in) request and the key
    derivations (PBKDF2) it needs, and the same request again."""
    from cryptography.hazmat.primitives.kdf.pbkdf2 import PBKDF2HMAC

    derivations = []
    derive = PBKDF2HMAC.derive

    def counted(self: PBKDF2HMAC, material: bytes) -> bytes:
        derivations.append(1)
        return derive(self, material)

    PBKDF2HMAC.derive = counted  # type: ignore[method-assign]
    started = time.perf_counter()
    django_setup()
    set_up = time.perf_counter()
    from django.urls import get_resolver

    get_resolver().url_patterns  # noqa: B018 - imports every view
    urls = time.perf_counter()
    from django.test import Client

    client = Client()
    client.cookies["sessionid"] = session
    statuses = [client.get(path).status_code]
    first = time.perf_counter()
    first_derivations = len(derivations)
    statuses.append(client.get(path).status_code)
    second = time.perf_counter()
    heavy = [
        m
        for m in ("pandas", "numpy", "scipy", "statsmodels", "reportlab", "openpyxl", "splink")
        if m in sys.modules
    ]
    print(
        json.dumps(
            {
                "django_setup_s": round(set_up - started, 2),
                "url_conf_s": round(urls - set_up, 2),
                "first_request_s": round(first - urls, 2),
                "key_derivations_in_first_request": first_derivations,
                "second_request_s": round(second - first, 3),
                "statuses": statuses,
                "heavy_modules_loaded": heavy,
            }
        )
    )


def run_internal(mode: str, args: list[str]) -> None:
    sys.path.insert(0, str(ROOT / "bench"))
    django_setup()
    if mode == "build-national":
        build_national(int(args[0]), int(args[1]))
    elif mode == "build-demo":
        build_demo()
    elif mode == "build-registry":
        build_registry(int(args[0]))
    elif mode == "describe":
        describe()
    elif mode == "queries":
        queries(sys.stdin.read() if args[0] == "-" else args[0])
    elif mode == "phases":
        raise AssertionError("phases runs before django.setup")


# --- the report -------------------------------------------------------------------------------


def table(header: list[str], rows: list[list[Any]]) -> list[str]:
    """Rows under a header; the first column left-aligned, the others right-aligned."""
    widths = [max(len(str(row[i])) for row in [header, *rows]) for i in range(len(header))]
    return [
        "  ".join(
            str(cell).ljust(widths[i]) if i == 0 else str(cell).rjust(widths[i])
            for i, cell in enumerate(row)
        )
        for row in [header, *rows]
    ]


def write_report(results: dict[str, Any], label: str) -> None:
    name = "institution_load" + (f"-{label}" if label else "")
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / f"{name}.json").write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    lines = [
        f"Baken institution side: {results['dataset']}",
        f"measured {results['when']} ({results['machine']}); BAKEN_SIDE {results['side']}",
        "",
    ]
    single = results.get("single", {})
    if single:
        national, demo = single.get("national", {}), single.get("demo", {})
        counts = results.get("queries", {})
        rows = []
        for page in PAGES:
            n, d = national.get(page.label), demo.get(page.label)
            if not n and not d:
                continue
            ratio = f"{n['p50_ms'] / d['p50_ms']:.1f}" if n and d and d["p50_ms"] else ""
            rows.append(
                [
                    page.label,
                    d["p50_ms"] if d else "",
                    d["p95_ms"] if d else "",
                    n["p50_ms"] if n else "",
                    n["p95_ms"] if n else "",
                    ratio,
                    counts.get("demo", {}).get(page.label, {}).get("queries", ""),
                    counts.get("national", {}).get(page.label, {}).get("queries", ""),
                ]
            )
        lines.append("Single requests, one at a time (ms); queries per request (in process):")
        lines += table(
            ["page", "demo p50", "p95", "national p50", "p95", "ratio", "q demo", "q national"],
            rows,
        )
        lines.append("")
    if results.get("variants"):
        lines.append("Variants, taking turns under load:")
        lines += [f"  {text}" for text in results["variants"]]
        by_variant: dict[str, list[float]] = {}
        for level in results.get("load", []):
            by_variant.setdefault(f"{level['variant']}, {level['users']} users", []).append(
                level["throughput_per_s"]
            )
        lines += [
            f"  {name}: requests/s per round {values}, median {statistics.median(values)}"
            for name, values in by_variant.items()
        ]
        lines.append("")
    for level in results.get("load", []):
        if level.get("variant"):
            lines.append(f"[{level['variant']}, round {level['round'] + 1}]")
        lines.append(
            f"Load: {level['users']} users, closed loop without think time, {level['seconds']} s:"
            f" {level['throughput_per_s']} requests/s, {level['requests']} requests,"
            f" {level['errors']} errors. Wait: what the user waited (ms); server: time in a worker."
        )
        rows = [
            [
                page,
                row["requests"],
                row["errors"],
                row["client"]["p50_ms"],
                row["client"]["p95_ms"],
                row["client"]["p99_ms"],
                row["server"]["p50_ms"],
                row["server"]["p95_ms"],
                row["server"]["p99_ms"],
                f"{row['share_of_server_time'] * 100:.1f}%",
            ]
            for page, row in level["pages"].items()
        ]
        lines += table(
            ["page", "n", "err", "wait p50", "p95", "p99", "server p50", "p95", "p99", "time"],
            rows,
        )
        locks = level.get("locks")
        if locks:
            lines.append(
                f"Locks (pg_stat_activity every 20 ms, {locks['samples']} samples): on average"
                f" {locks['mean_active_queries']} queries running; some query waited for a lock"
                f" in {locks['share_waiting_for_a_lock'] * 100:.1f}% of samples, for the audit"
                f" chain's head in {locks['share_waiting_for_audit_head'] * 100:.1f}% (on average"
                f" {locks['mean_waiting_for_audit_head']} requests waiting for it)."
            )
        if level.get("cpu"):
            lines.append(
                "CPU during the window (cores used on average; ms of CPU per request): "
                + "; ".join(
                    f"{key.strip()} {row['cores']} ({row['ms_per_request']} ms)"
                    for key, row in level["cpu"].items()
                )
                + "."
            )
        lines.append("")
    if "cold" in results:
        cold, phase = results["cold"], results["cold"]["in_process"]
        heavy = ", ".join(phase["heavy_modules_loaded"]) or "none"
        lines += [
            f"Cold start: from starting gunicorn (one worker) to its answer to {cold['page']}:"
            f" median {cold['median_s']} s of {cold['first_response_s']}.",
            "  A worker replaced (stopped; gunicorn starts another"
            + (", forked from the preloaded master)," if cold.get("preload") else "),")
            + f" to the new worker's answer: median {cold.get('replaced_median_s', '-')} s of"
            f" {cold.get('replaced_worker_s', '-')}.",
            f"  In one process: Django set-up {phase['django_setup_s']} s, URL conf"
            f" {phase['url_conf_s']} s, first request {phase['first_request_s']} s (with"
            f" {phase['key_derivations_in_first_request']} key derivations), the same again"
            f" {phase['second_request_s']} s; heavy modules loaded: {heavy}.",
            "",
        ]
    if "registry" in results:
        registry = results["registry"]
        lines.append(f"Registry ({registry['dataset']}), single requests:")
        for page, row in registry["pages"].items():
            demo_row = registry.get("demo", {}).get(page)
            lines.append(
                f"  {page}: p50 {row['p50_ms']} ms, p95 {row['p95_ms']} ms"
                + (f" (demo size: p50 {demo_row['p50_ms']} ms)" if demo_row else "")
            )
    (RESULTS / f"{name}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))


# --- main -------------------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--organisations", type=int, default=20)
    parser.add_argument("--youths", type=int, default=1000, help="youths per organisation")
    parser.add_argument("--registrations", type=int, default=100_000)
    parser.add_argument("--users", default="10,50")
    parser.add_argument(
        "--duration", type=float, default=60, help="seconds measured per load level"
    )
    parser.add_argument("--warmup", type=float, default=10)
    parser.add_argument("--repeats", type=int, default=20)
    parser.add_argument("--cold-runs", type=int, default=3)
    parser.add_argument("--only", default="single,load,cold,registry,queries")
    parser.add_argument("--label", default="")
    parser.add_argument("--side", default=None, help="BAKEN_SIDE for the institution servers")
    parser.add_argument("--rebuild", action="store_true", help="rebuild the cached datasets")
    parser.add_argument(
        "--variant",
        action="append",
        default=[],
        help="a server to compare under load, name[:source tree[:workers[:threads[:side]]]];"
        " repeat it: the variants take turns, --rounds times",
    )
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--internal", nargs="+", help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.internal:
        if options.internal[0] == "phases":
            phases(options.internal[1], options.internal[2])
            return
        run_internal(options.internal[0], options.internal[1:])
        return

    parts = set(options.only.split(","))
    national = f"baken_bench_{options.organisations}x{options.youths}"
    marker = f"{CACHE_VERSION} {options.organisations}x{options.youths}"
    started = time.perf_counter()
    cached(
        national,
        marker,
        lambda: internal(
            "build-national", national, str(options.organisations), str(options.youths)
        ),
        options.rebuild,
    )
    cached(
        "baken_bench_demo",
        f"{CACHE_VERSION} demo",
        lambda: internal("build-demo", "baken_bench_demo"),
        options.rebuild,
    )
    registry_db = f"baken_bench_registry_{options.registrations}"
    if "registry" in parts:
        cached(
            registry_db,
            f"{CACHE_VERSION} registry {options.registrations}",
            lambda: internal("build-registry", registry_db, str(options.registrations)),
            options.rebuild,
        )
    print(f"datasets ready ({time.perf_counter() - started:.0f} s)", flush=True)
    if parts == {"build"}:
        return

    # Named by port, so runs on other ports (another worktree) never drop this run's copies.
    run_db, demo_db = f"baken_bench_run_{PORT}", f"baken_bench_demo_run_{PORT}"
    copy_seconds = copy_database(national, run_db)
    copy_database("baken_bench_demo", demo_db)
    for database in (run_db, demo_db):
        manage(database, "migrate", "-v0")
        vacuum(database)
    manage(run_db, "collectstatic", "--noinput", "-v0")
    cast = json.loads(internal("describe", run_db))
    demo_cast = json.loads(internal("describe", demo_db))
    counts = admin_count(run_db)
    results: dict[str, Any] = {
        "dataset": f"{options.organisations} organisations x {options.youths} youths: {counts}",
        "when": time.strftime("%Y-%m-%d %H:%M"),
        "machine": f"{os.cpu_count()} cores shared, load average {os.getloadavg()[0]:.1f} at start",
        "side": options.side or "(unset)",
        "database_copy_s": round(copy_seconds, 1),
    }
    cast["port"], demo_cast["port"] = PORT, PORT + 1
    if "single" in parts:
        with (
            gunicorn(run_db, side=options.side),
            gunicorn(demo_db, side=options.side, port=PORT + 1),
        ):
            wait_until_up(PORT)
            wait_until_up(PORT + 1)
            results["single"] = single_requests(
                {"national": cast, "demo": demo_cast}, PAGES, options.repeats
            )
    if "load" in parts:
        # Each variant in turn, round after round, on the same database (the sessions of the
        # logged-in users stay valid across servers), so the machine's other work hits all alike.
        variants = [Variant.parse(text) for text in options.variant] or [Variant("")]
        results["load"] = []
        if options.variant:
            results["variants"] = [v.describe() for v in variants]
            for variant in variants[1:]:
                if variant.root != ROOT:
                    manage(run_db, "migrate", "-v0", root=variant.root)
        for round_number in range(options.rounds):
            for variant in variants:
                side = variant.side or options.side
                with gunicorn(run_db, side=side, variant=variant) as server:
                    wait_until_up()
                    for users in (int(n) for n in options.users.split(",")):
                        print(f"load: {users} users {variant.name} {round_number}", flush=True)
                        level = load(cast, users, options.duration, options.warmup, server, run_db)
                        level |= {"variant": variant.name, "round": round_number}
                        results["load"].append(level)
                        print(
                            json.dumps({k: v for k, v in level.items() if k != "pages"}),
                            flush=True,
                        )
    if "cold" in parts:
        results["cold"] = cold_start(run_db, cast, options.cold_runs, options.side)
    if "registry" in parts:
        registry_cast = json.loads(internal("describe", registry_db))
        registry_cast["port"] = PORT
        side = "registry" if options.side else None
        with (
            gunicorn(registry_db, side=side),
            gunicorn(demo_db, side=side, port=PORT + 1),
        ):
            wait_until_up(PORT)
            wait_until_up(PORT + 1)
            registry = single_requests(
                {"registry": registry_cast, "demo": demo_cast},
                REGISTRY_PAGES,
                max(5, options.repeats // 2),
            )
        results["registry"] = {
            "dataset": f"{options.registrations} registrations",
            "pages": registry["registry"],
            "demo": registry["demo"],
        }
    if "queries" in parts:
        results["queries"] = {
            "national": json.loads(
                internal("queries", run_db, json.dumps(cast | {"sessions": {}, "port": PORT}))
            ),
            "demo": json.loads(
                internal("queries", demo_db, json.dumps(demo_cast | {"sessions": {}, "port": PORT}))
            ),
        }
    write_report(results, options.label)


def admin_count(database: str) -> str:
    import psycopg

    tables = {
        "youths": "cases_youth",
        "signals": "signalling_signal",
        "screenings": "screening_screening",
        "trajectories": "meldcode_trajectory",
        "registration tasks": "registration_registrationtask",
        "audit entries": "audit_auditentry",
        "users": "accounts_user",
    }
    with psycopg.connect(f"{SERVER}/{database}") as connection:
        return ", ".join(
            f"{connection.execute(f'SELECT count(*) FROM {table}').fetchone()[0]:,} {name}"  # type: ignore[index]  # noqa: S608 - fixed table names
            for name, table in tables.items()
        )


if __name__ == "__main__":
    main()
