"""A worker completes a training module with its self-assessments and quiz; the manager sees the
management dashboard change."""

import pytest
from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer

from baken.accounts.models import Role
from baken.learning.catalogue import find_module
from baken.learning.models import TrainingPolicy
from baken.testing import make_cast, make_user
from e2e.conftest import log_in

RECOGNISING = "Hoe goed kun je signalen van mensenhandel herkennen?"
ACTING = "Hoe goed kun je handelen op zulke signalen?"


def rate(page: Page, recognising: str, acting: str) -> None:
    page.get_by_role("group", name=RECOGNISING).get_by_label(recognising, exact=True).check()
    page.get_by_role("group", name=ACTING).get_by_label(acting, exact=True).check()


@pytest.mark.django_db(transaction=True)
def test_a_worker_completes_a_module_and_the_manager_sees_it(
    page: Page, live_server: LiveServer
) -> None:
    cast = make_cast()
    manager = make_user("manager_a", cast.institution_a, [Role.MANAGER])
    for name in ("worker_a3", "worker_a4"):  # five staff: the smallest group figures are shown for
        make_user(name, cast.institution_a, [Role.YOUTH_WORKER], [cast.team_a1])
    TrainingPolicy.objects.create(organisation=cast.institution_a, mandatory_modules=["meldcode"])
    module = find_module("meldcode")
    assert module is not None

    log_in(page, live_server.url, manager)
    page.get_by_role("link", name="Dashboard").click()
    trained = page.locator(".baken-figure").filter(has_text="getraind")
    expect(trained).to_contain_text("0 %")
    expect(trained).to_contain_text("0 van 5 medewerkers")
    page.get_by_role("button", name="Uitloggen").click()

    log_in(page, live_server.url, cast.worker_a)
    expect(page.get_by_role("heading", name="Training te doen")).to_be_visible()
    page.get_by_role("link", name="Training", exact=True).click()
    page.get_by_role("link", name=module.title.nl).click()

    expect(page.get_by_role("heading", name="Voor je begint: beoordeel jezelf")).to_be_visible()
    page.get_by_role("button", name="Start de module").click()
    expect(page.get_by_text("Kies een getal van 0 tot en met 10.").first).to_be_visible()
    rate(page, "4", "3")
    page.get_by_role("button", name="Start de module").click()

    expect(page.get_by_role("heading", name="Het afwegingskader", exact=True)).to_be_visible()
    for number, question in enumerate(module.questions, 1):
        group = page.get_by_role("group", name=f"{number}. {question.text.nl}")
        # The first question deliberately wrong: 4 of 5 still passes.
        option = next(o for o in question.options if o.correct != (number == 1))
        group.get_by_label(option.text.nl, exact=True).check()
    page.get_by_role("button", name="Antwoorden insturen").click()

    expect(page.get_by_text("Geslaagd: 4 van de 5 goed.")).to_be_visible()
    wrong = next(o for o in module.questions[0].options if not o.correct)
    expect(page.get_by_text(wrong.feedback.nl)).to_be_visible()
    right = next(o for o in module.questions[0].options if o.correct)
    expect(page.locator(".baken-right-answer")).to_contain_text(right.text.nl)
    rate(page, "8", "7")
    page.get_by_role("button", name="Mijn beoordeling opslaan").click()
    expect(page.get_by_text("Je beoordeling is opgeslagen.")).to_be_visible()
    row = page.get_by_role("row").filter(has_text=module.title.nl)
    expect(row).to_contain_text("Afgerond")
    page.get_by_role("button", name="Uitloggen").click()

    log_in(page, live_server.url, manager)
    page.get_by_role("link", name="Dashboard").click()
    expect(trained).to_contain_text("20 %")
    expect(trained).to_contain_text("1 van 5 medewerkers")
    # One trained worker rated themselves: their "average" would be their own score.
    figures = page.get_by_role("row").filter(has_text="Signalen herkennen, getrainde medewerkers")
    expect(figures).to_contain_text("te weinig mensen (< 5)")
    expect(figures).not_to_contain_text("8")
    # ... nor does its chart draw that bar.
    expect(page.get_by_role("img", name="Zelfbeoordeling (laatste score, 0-10)")).to_have_count(0)
