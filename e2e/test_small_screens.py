"""At 360 px wide no page scrolls sideways (tables scroll inside their own box), and the keyboard
gets a skip link first and the first field of a form page.

The small-screen test logs in as each role of the demo, with the demo's data, and visits the
pages its menu offers and the pages those link to, two steps deep (one page of each kind), so a
new page in a menu is measured without being listed here."""

import re
from urllib.parse import urlsplit

import pytest
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import Error, Page, expect
from pytest_django.fixtures import Settings
from pytest_django.live_server_helper import LiveServer

from baken.accounts.demo import DEMO_PASSWORD
from baken.cases.testing import make_youth
from baken.cli import DEMO_PSEUDONYM_KEY
from baken.testing import make_cast
from e2e.conftest import log_in

WIDTH = 360
# One demo user per role.
DEMO_ROLES = ["worker", "officer", "scientist", "manager", "privacy", "admin", "analyst"]
# Links that leave the app's pages: downloads, Django admin, the language switch, the API.
NOT_A_PAGE = re.compile(r"logout|export|download|\.csv|\.pdf|\.xlsx|/admin/|/i18n/|/api/")


def _kind_of_page(path: str) -> str:
    """/youths/J-AB12-CD34/ and /youths/J-XY98-ZW76/ are one kind of page; so are /meldcode/1/
    and /meldcode/2/."""
    path = re.sub(r"J-[A-Z0-9]{4}-[A-Z0-9]{4}", "P", urlsplit(path).path)
    return re.sub(r"\d+", "N", path)


def _log_in_to_demo(page: Page, base_url: str, username: str) -> None:
    page.goto(f"{base_url}/accounts/login/")
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Volgende").click()
    device = TOTPDevice.objects.get(user__username=username, confirmed=True)
    TOTPDevice.objects.filter(pk=device.pk).update(last_t=-1)
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    page.get_by_label("Code").fill(f"{totp.token():06d}")
    page.get_by_role("button", name="Inloggen").click()
    expect(page.locator("nav.baken-nav")).to_be_visible()


def _links(page: Page, selector: str) -> list[str]:
    hrefs: list[str] = page.eval_on_selector_all(
        selector, "links => links.map(link => link.getAttribute('href'))"
    )
    return [h for h in hrefs if h.startswith("/") and not NOT_A_PAGE.search(h)]


def _too_wide(page: Page, base_url: str, username: str) -> tuple[list[str], list[str]]:
    """Visit the role's menu and two steps of links from it; the pages wider than the screen."""
    _log_in_to_demo(page, base_url, username)
    queue = [(href, 0) for href in _links(page, "nav.baken-nav a")]
    seen: set[str] = set()
    visited: list[str] = []
    too_wide: list[str] = []
    while queue:
        href, depth = queue.pop(0)
        if _kind_of_page(href) in seen:
            continue
        seen.add(_kind_of_page(href))
        try:
            page.goto(f"{base_url}{href}")
        except Error as error:  # a file sent as a download
            if "Download is starting" in str(error):
                continue
            raise
        visited.append(href)
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > WIDTH + 1:
            too_wide.append(f"{href} ({width} px)")
        if depth < 2:
            queue += [(link, depth + 1) for link in _links(page, "main a[href]")]
    return visited, too_wide


@pytest.mark.django_db(transaction=True)
def test_every_main_page_of_every_demo_role_fits_360_px(
    page: Page, live_server: LiveServer, settings: Settings
) -> None:
    from baken.operations.demo_data import load_demo_data

    settings.BAKEN_PSEUDONYM_KEY = DEMO_PSEUDONYM_KEY
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    load_demo_data()
    page.set_viewport_size({"width": WIDTH, "height": 740})

    report = {}
    measured: set[str] = set()
    for username in DEMO_ROLES:
        page.context.clear_cookies()
        visited, too_wide = _too_wide(page, live_server.url, username)
        report[username] = too_wide
        measured.update(_kind_of_page(href) for href in visited)
        assert len(visited) >= 4, (username, visited)

    assert report == {username: [] for username in DEMO_ROLES}
    # The pages that scrolled sideways before were among those measured.
    named = ["/training/", "/registry/estimation/", "/insight/", "/registry/review/"]
    assert {*named, "/meldcode/N/", "/signals/youth/P/signal/"} <= measured


@pytest.mark.django_db(transaction=True)
def test_skip_link_comes_first_and_form_pages_focus_their_first_field(
    page: Page, live_server: LiveServer
) -> None:
    cast = make_cast()
    youth = make_youth(cast.worker_a, teams=[cast.team_a1])
    log_in(page, live_server.url, cast.worker_a)

    page.goto(f"{live_server.url}/")
    page.keyboard.press("Tab")
    skip_link = page.locator(":focus")
    expect(skip_link).to_have_text("Naar de inhoud")
    expect(skip_link).to_be_in_viewport()
    page.keyboard.press("Enter")
    expect(page.locator(":focus")).to_have_id("main")

    page.goto(f"{live_server.url}/signals/youth/{youth.pseudonym}/signal/")
    expect(page.locator(":focus")).to_have_id("id_observed_on")

    # A list with a search form above it does not grab the focus.
    page.goto(f"{live_server.url}/youths/")
    expect(page.locator("input:focus")).to_have_count(0)
