"""The last delivery error of a registration in plain words for the people waiting on it.

The sender stores what went wrong technically (`OutboundRegistration.last_error`: the exception,
or "HTTP <status>" and the registry's message); workers and designated officers see what it means.
A text the sender already wrote in plain words (a configuration problem's explanation, or the
registry's own message about a registration that needs correcting) is shown as it is."""

import re

from django.utils.translation import gettext as _

UNREACHABLE = (
    "connection refused",
    "errno 111",
    "timed out",
    "timeout",
    "name or service not known",
    "temporary failure in name resolution",
    "getaddrinfo",
    "no route to host",
    "network is unreachable",
    "urlerror",
)
INTERRUPTED = ("remotedisconnected", "incompleteread", "connection reset", "broken pipe")
UNEXPECTED_REPLY = ("not json", "not a json object", "without a registration reference")
CERTIFICATE = ("certificate", "ssl")
TECHNICAL = re.compile(r"^(network:|http \d{3}|\{|\w+error\b)", re.IGNORECASE)
HTTP_STATUS = re.compile(r"\bHTTP (\d{3})\b")


def explain_delivery_error(last_error: str) -> str:
    """`last_error` in plain words, in the active language; "" when there is none."""
    text = last_error.strip()
    if not text:
        return ""
    lowered = text.lower()
    if any(word in lowered for word in CERTIFICATE) and "network:" in lowered:
        return _("The secure connection to the registry could not be verified.")
    if any(word in lowered for word in UNREACHABLE):
        return _("The registry could not be reached.")
    if any(word in lowered for word in INTERRUPTED):
        return _("The connection to the registry was broken off.")
    status = HTTP_STATUS.search(text)
    if status and status.group(1).startswith("5"):
        return _("The registry had a fault (it answered with an error).")
    if status and status.group(1) in ("408", "429"):
        return _("The registry was too busy and asked to try again later.")
    if any(word in lowered for word in UNEXPECTED_REPLY):
        return _("The registry gave an answer Baken did not expect.")
    if TECHNICAL.match(text):
        return _("Sending did not succeed.")
    return text
