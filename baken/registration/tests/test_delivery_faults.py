"""The sender against a real HTTP server that misbehaves: a fault-injecting proxy (a real
http.server in a thread) in front of the real registry (pytest-django's live server). Whatever
the fault, the sender keeps going, and each registration ends up at the registry exactly once.
A SIGKILL of the worker process in the middle of a batch loses and doubles nothing either."""

import contextlib
import io
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from baken.cases.testing import make_youth
from baken.registration.delivery import deliver_due, http_transport
from baken.registration.models import DeliveryProblem, DeliveryStatus, OutboundRegistration
from baken.registration.services import enqueue_registration
from baken.testing import Cast

pytestmark = pytest.mark.django_db(transaction=True)

CLIENT_TIMEOUT = 1.0  # the sender's timeout in these tests; the proxy stalls longer
STALL = 2.0


@pytest.fixture(autouse=True)
def pseudonym_key(settings: Any) -> None:
    settings.BAKEN_PSEUDONYM_KEY = "the-key-shared-by-registering-organisations-42"


class FaultProxy:
    """Forwards POST /api/registrations to the registry, except that the next request meets
    `fault` (then the proxy passes everything through again)."""

    def __init__(self, upstream: str) -> None:
        self.upstream = upstream.rstrip("/")
        self.fault = ""
        self.seen: list[str] = []  # "METHOD path" of each request that reached the proxy
        self.holding = threading.Event()  # set while a "hold" request waits
        self.release = threading.Event()
        self.hold_at = 0  # with fault "hold": the request number (1-based) that is held
        self.lock = threading.Lock()
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: Any) -> None:
                pass

            def do_GET(self) -> None:
                proxy.seen.append(f"GET {self.path}")
                self.send_error(405)

            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                with proxy.lock:
                    proxy.seen.append(f"POST {self.path}")
                    number = len(proxy.seen)
                    fault, proxy.fault = proxy.fault, ("hold" if proxy.fault == "hold" else "")
                proxy.handle(self, fault, number, body)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def forward(self, handler: BaseHTTPRequestHandler, body: bytes) -> tuple[int, bytes]:
        headers = {
            name: handler.headers[name]
            for name in ("Authorization", "Idempotency-Key", "Content-Type")
            if handler.headers[name]
        }
        request = urllib.request.Request(  # noqa: S310 - the local live server
            self.upstream + handler.path, data=body, method="POST", headers=headers
        )
        try:
            with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
                return response.status, response.read()
        except urllib.error.HTTPError as error:
            return error.code, error.read()

    @staticmethod
    def reply(
        handler: BaseHTTPRequestHandler,
        status: int,
        body: bytes,
        content_type: str = "application/json",
        headers: dict[str, str] | None = None,
    ) -> None:
        handler.send_response(status)
        handler.send_header("Content-Type", content_type)
        handler.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            handler.send_header(name, value)
        handler.end_headers()
        handler.wfile.write(body)

    def handle(self, handler: BaseHTTPRequestHandler, fault: str, number: int, body: bytes) -> None:
        html = b"<html><body>Please log in to the network</body></html>"
        if fault == "5xx":
            self.reply(handler, 502, b"<html>Bad Gateway</html>", "text/html")
        elif fault == "html_2xx":  # the registry stores it, a proxy on the way answers HTML
            self.forward(handler, body)
            self.reply(handler, 200, html, "text/html")
        elif fault == "truncated":  # stored; the reply is cut off half-way
            status, reply = self.forward(handler, body)
            handler.send_response(status)
            handler.send_header("Content-Type", "application/json")
            handler.send_header("Content-Length", str(len(reply)))
            handler.end_headers()
            handler.wfile.write(reply[: len(reply) // 2])
            handler.wfile.flush()
            handler.close_connection = True
        elif fault == "timeout_before_store":
            time.sleep(STALL)
            handler.close_connection = True
        elif fault == "timeout_after_store":
            status, reply = self.forward(handler, body)
            time.sleep(STALL)
            with contextlib.suppress(OSError):  # the sender gave up long ago
                self.reply(handler, status, reply)
        elif fault == "lost_after_store":
            self.forward(handler, body)
            handler.close_connection = True  # no reply at all
        elif fault == "redirect":
            location = "https://registry.example.nl/api/registrations"
            self.reply(handler, 302, b"", "text/html", {"Location": location})
        elif fault == "hold" and number == self.hold_at:  # stored; then the worker is killed
            self.forward(handler, body)
            self.holding.set()
            self.release.wait(timeout=30)
            handler.close_connection = True
        else:
            self.reply(handler, *self.forward(handler, body))

    def stop(self) -> None:
        self.release.set()
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def proxy(live_server: Any) -> Iterator[FaultProxy]:
    fault_proxy = FaultProxy(live_server.url)
    # A first request warms the live server up (imports, URL resolver), so that timing faults
    # below are about the fault, not the first request.
    urllib.request.urlopen(f"{live_server.url}/api/openapi.json", timeout=30).close()  # noqa: S310
    yield fault_proxy
    fault_proxy.stop()


def new_token(name: str = "Jeugdzorg A") -> str:
    out = io.StringIO()
    call_command("registry_source", "add", name, "--kind", "youth_care", stdout=out)
    return out.getvalue().strip()


def queued(cast: Cast, count: int) -> list[OutboundRegistration]:
    rows = []
    for _ in range(count):
        youth = make_youth(cast.worker_a, teams=[cast.team_a1])
        rows.append(
            enqueue_registration(
                youth=youth,
                by=cast.officer_a,
                request=None,
                dossier_type="statistical",
                forms=["sexual-domestic"],
                cross_border=False,
            )
        )
    return rows


def registry_references() -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT reference FROM registry_registration ORDER BY reference")
        return [row[0] for row in cursor.fetchall()]


def assert_each_exactly_once(rows: list[OutboundRegistration]) -> None:
    for row in rows:
        row.refresh_from_db()
        assert row.status == DeliveryStatus.DELIVERED, (row.pk, row.last_error)
    assert sorted(row.registry_reference for row in rows) == registry_references()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


TRANSIENT_FAULTS = [
    "5xx",
    "html_2xx",
    "truncated",
    "timeout_before_store",
    "timeout_after_store",
    "lost_after_store",
]


@pytest.mark.parametrize("fault", TRANSIENT_FAULTS)
def test_a_transient_fault_delays_one_registration_and_the_batch_goes_on(
    cast: Cast, proxy: FaultProxy, fault: str
) -> None:
    token = new_token()
    rows = queued(cast, 2)
    transport = http_transport(proxy.url, token, timeout=CLIENT_TIMEOUT)
    now = timezone.now()
    proxy.fault = fault

    first = deliver_due(transport=transport, now=now)

    assert (first.delivered, first.retrying, first.needs_correction) == (1, 1, 0)
    hit = OutboundRegistration.objects.get(status=DeliveryStatus.QUEUED)
    assert hit.attempts == 1 and hit.next_attempt_at > now and hit.last_error
    later = deliver_due(transport=transport, now=hit.next_attempt_at)
    assert later.delivered == 1
    assert_each_exactly_once(rows)
    assert not DeliveryProblem.objects.exists()


def test_the_registry_being_down_delays_everything_and_loses_nothing(
    cast: Cast, proxy: FaultProxy
) -> None:
    token = new_token()
    rows = queued(cast, 2)
    now = timezone.now()

    down = deliver_due(transport=http_transport(f"http://127.0.0.1:{free_port()}", token), now=now)

    assert down.retrying == 2
    assert all("refused" in row.last_error for row in OutboundRegistration.objects.all())
    later = deliver_due(transport=http_transport(proxy.url, token), now=now + timedelta(minutes=1))
    assert later.delivered == 2
    assert_each_exactly_once(rows)


def test_a_revoked_token_keeps_registrations_due_and_alerts_the_administrator(
    cast: Cast, proxy: FaultProxy, client_for: Any
) -> None:
    token = new_token()
    rows = queued(cast, 2)
    call_command("registry_source", "revoke", "Jeugdzorg A", stdout=io.StringIO())
    now = timezone.now()

    refused = deliver_due(transport=http_transport(proxy.url, token), now=now)
    again = deliver_due(transport=http_transport(proxy.url, token), now=now)

    assert refused.problem and "BAKEN_REGISTRY_TOKEN" in refused.problem
    assert (refused.delivered, refused.retrying, refused.needs_correction) == (0, 0, 0)
    assert proxy.seen == ["POST /api/registrations"] * 2  # one try per round, not one per row
    for row in rows:
        row.refresh_from_db()
        assert row.status == DeliveryStatus.QUEUED and row.attempts == 0
        assert row.next_attempt_at <= now  # still due: nothing waits for a back-off
    assert again.problem and DeliveryProblem.objects.count() == 1
    assert [message.to for message in mail.outbox] == [[cast.admin_a.email]]  # once
    assert "BAKEN_REGISTRY_TOKEN" in mail.outbox[0].body
    home = client_for(cast.admin_a).get("/").content.decode()
    assert "BAKEN_REGISTRY_TOKEN" in home
    assert "BAKEN_REGISTRY_TOKEN" not in client_for(cast.admin_b).get("/").content.decode()

    out = io.StringIO()
    call_command("registry_source", "rotate", "Jeugdzorg A", stdout=out)
    fixed = deliver_due(transport=http_transport(proxy.url, out.getvalue().strip()), now=now)

    assert fixed.delivered == 2 and not fixed.problem
    assert_each_exactly_once(rows)
    assert DeliveryProblem.objects.get().resolved_at is not None
    assert "BAKEN_REGISTRY_TOKEN" not in client_for(cast.admin_a).get("/").content.decode()


def test_a_redirect_is_refused_as_a_configuration_error_and_never_followed(
    cast: Cast, proxy: FaultProxy
) -> None:
    token = new_token()
    rows = queued(cast, 2)
    transport = http_transport(proxy.url, token)
    now = timezone.now()
    proxy.fault = "redirect"

    refused = deliver_due(transport=transport, now=now)

    assert "redirects" in refused.problem and "registry.example.nl" in refused.problem
    assert proxy.seen == ["POST /api/registrations"]  # no GET to follow the redirect
    assert OutboundRegistration.objects.filter(status=DeliveryStatus.QUEUED).count() == 2
    assert DeliveryProblem.objects.get().kind == "redirect"

    assert deliver_due(transport=transport, now=now).delivered == 2
    assert_each_exactly_once(rows)


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="the worker process needs a database it shares with the test: PostgreSQL",
)
def test_a_worker_killed_mid_batch_loses_and_doubles_nothing(cast: Cast, proxy: FaultProxy) -> None:
    token = new_token()
    rows = queued(cast, 4)
    proxy.fault, proxy.hold_at = "hold", 3
    db = connection.settings_dict
    password = f":{db['PASSWORD']}" if db["PASSWORD"] else ""
    env = {
        **os.environ,
        "DATABASE_URL": (
            f"postgres://{db['USER']}{password}@{db['HOST'] or '127.0.0.1'}:"
            f"{db['PORT'] or 5432}/{db['NAME']}"
        ),
        "BAKEN_REGISTRY_URL": proxy.url,
        "BAKEN_REGISTRY_TOKEN": token,
    }
    command = [sys.executable, "-m", "baken.cli", "send_registrations"]

    worker = subprocess.Popen([*command, "--interval", "0.2"], env=env)  # noqa: S603
    try:
        # A new process starts Django and connects first: slow on a loaded machine.
        assert proxy.holding.wait(timeout=120), "the worker never reached the third registration"
        worker.send_signal(signal.SIGKILL)  # stored at the registry, not yet marked delivered
        worker.wait(timeout=10)
    finally:
        if worker.poll() is None:
            worker.kill()
    proxy.release.set()
    proxy.fault = ""

    states = sorted(OutboundRegistration.objects.values_list("status", flat=True))
    assert states == ["delivered", "delivered", "queued", "sending"]
    assert len(registry_references()) == 3
    # Five minutes later the dead worker's claim has expired (moved forward here, not waited).
    OutboundRegistration.objects.filter(status=DeliveryStatus.SENDING).update(
        claimed_until=timezone.now() - timedelta(seconds=1)
    )
    restarted = subprocess.run(  # noqa: S603
        [*command, "--once"], env=env, capture_output=True, text=True, timeout=60, check=False
    )

    assert restarted.returncode == 0, restarted.stderr
    assert_each_exactly_once(rows)
