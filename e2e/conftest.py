"""Browser tests: Playwright for Python driving Debian's Chromium (its own download is not used)."""

import os
from typing import Any

import pytest

CHROMIUM = os.environ.get("BAKEN_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args: dict[str, Any]) -> dict[str, Any]:
    # No Accept-Language preference: the app's own default (Dutch) must show.
    return {**browser_context_args, "locale": "en-US", "viewport": {"width": 1280, "height": 900}}
