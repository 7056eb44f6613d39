"""What the log-in pages show in demo mode only (`baken demo` on the local SQLite database): the
demo users, their shared password and the current second-factor code, so that no terminal or
phone is needed to try Baken. Outside demo mode these functions return nothing."""

from dataclasses import dataclass

from django.conf import settings
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from baken.accounts.models import User

DEMO_PASSWORD = "baken-demo-2026"  # noqa: S105 - fictional demo accounts on a local database


@dataclass(frozen=True)
class DemoSignIn:
    username: str
    name: str
    roles: str
    organisation: str


def demo_sign_ins() -> list[DemoSignIn]:
    """The active users of the demo database with their roles; empty outside demo mode."""
    if not settings.DEMO_MODE:
        return []
    users = (
        User.objects.filter(is_active=True)
        .select_related("organisation")
        .order_by("organisation__name", "username")
    )
    return [
        DemoSignIn(
            username=user.username,
            name=user.get_full_name(),
            roles=", ".join(user.role_labels()),
            organisation=str(user.organisation or ""),
        )
        for user in users
    ]


def current_demo_code(user: User) -> str:
    """The code the user's demo authenticator shows now; "" outside demo mode."""
    if not settings.DEMO_MODE:
        return ""
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is None:
        return ""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{totp.token():0{device.digits}d}"
