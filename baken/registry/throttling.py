"""Rate limits of the intake API, counted in the database so that all server processes share
them (a per-process cache let three workers pass three times the limit).

Fixed windows: a rate "120/m" allows 120 requests per source in each clock minute. Each request
adds one with a conditional UPDATE (`count < limit`), so concurrent processes never pass more
than the limit together. Wrong or missing tokens are counted per client address: past
BAKEN_API_FAILED_AUTH_RATE an address gets 429 instead of 401 for the rest of the window."""

import time
from dataclasses import dataclass

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.http import HttpRequest
from ninja.throttling import BaseThrottle

from baken.registry.models import ApiRateCount

PERIODS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


@dataclass(frozen=True)
class Rate:
    limit: int
    period: int  # seconds

    @classmethod
    def parse(cls, text: str) -> "Rate":
        """'120/m', '10/h', '5/s', '1000/d'."""
        count, _slash, unit = text.partition("/")
        if not count.strip().isdigit() or unit.strip()[:1] not in PERIODS:
            raise ValueError(f"a rate looks like 120/m (per s, m, h or d), not {text!r}")
        return cls(int(count), PERIODS[unit.strip()[:1]])

    def seconds_left(self, now: float) -> float:
        return self.period - now % self.period


def take(*, key: str, rate: Rate, now: float | None = None) -> bool:
    """Count one request for `key`; False when the window's limit was already reached."""
    now = time.time() if now is None else now
    window = int(now // rate.period)
    current = ApiRateCount.objects.filter(key=key, window=window)
    if current.filter(count__lt=rate.limit).update(count=F("count") + 1):
        return True
    if current.exists() or rate.limit < 1:
        return False
    try:
        with transaction.atomic():
            ApiRateCount.objects.create(key=key, window=window, count=1)
    except IntegrityError:  # another process created it first
        return bool(current.filter(count__lt=rate.limit).update(count=F("count") + 1))
    ApiRateCount.objects.filter(key=key, window__lt=window).delete()
    return True


def used(*, key: str, rate: Rate, now: float | None = None) -> int:
    now = time.time() if now is None else now
    row = ApiRateCount.objects.filter(key=key, window=int(now // rate.period)).first()
    return row.count if row else 0


def client_address(request: HttpRequest) -> str:
    return str(request.META.get("REMOTE_ADDR", ""))


class SourceRateThrottle(BaseThrottle):
    """Requests per authenticated source (BAKEN_API_RATE), shared by all processes."""

    def allow_request(self, request: HttpRequest) -> bool:
        source = getattr(request, "auth", None)
        key = f"source:{source.pk}" if source is not None else f"address:{client_address(request)}"
        return take(key=key, rate=Rate.parse(settings.BAKEN_API_RATE))

    def wait(self) -> float | None:
        return Rate.parse(settings.BAKEN_API_RATE).seconds_left(time.time())
