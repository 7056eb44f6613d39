"""A worker rates themself, reads a module, takes the quiz, gets feedback, rates again."""

from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse

from baken.accounts.models import Role, User
from baken.learning.catalogue import Module, find_module
from baken.learning.models import Moment, QuizAttempt, SelfAssessment, TrainingPolicy
from baken.testing import Cast, make_user

pytestmark = pytest.mark.django_db

ClientFor = Callable[[User], Client]


def meldcode() -> Module:
    module = find_module("meldcode")
    assert module is not None
    return module


def answers(module: Module, *, wrong: int = 0) -> dict[str, str]:
    chosen = {}
    for index, question in enumerate(module.questions):
        want_correct = index >= wrong
        chosen[question.id] = next(o.id for o in question.options if o.correct == want_correct)
    return chosen


def test_a_worker_completes_a_module_with_ratings_before_and_after(
    cast: Cast, client_for: ClientFor
) -> None:
    client = client_for(cast.worker_a)
    module_url = reverse("learning:module", kwargs={"slug": "meldcode"})

    response = client.get(module_url)
    assert response.url == reverse("learning:before", kwargs={"slug": "meldcode"})  # type: ignore[attr-defined]
    response = client.post(response.url, {"recognising": "4", "acting": "3"})  # type: ignore[attr-defined]
    assert response.status_code == 302

    page = client.get(module_url)
    assert "afwegingskader" in page.content.decode()
    assert "Casus: Noah" in page.content.decode()

    failed = client.post(module_url, answers(meldcode(), wrong=2))
    attempt = QuizAttempt.objects.get(user=cast.worker_a)
    assert failed.url == reverse("learning:attempt", kwargs={"attempt_id": attempt.pk})  # type: ignore[attr-defined]
    result = client.get(failed.url).content.decode()  # type: ignore[attr-defined]
    assert not attempt.passed
    wrong_option = next(o for o in meldcode().questions[0].options if not o.correct)
    assert wrong_option.feedback.nl in result
    assert 'name="recognising"' not in result  # no "after" rating for a failed attempt

    # A retry in the same round does not ask for a new "before" rating.
    assert client.get(module_url).status_code == 200
    passed = client.post(module_url, answers(meldcode()))
    after_url = passed.url  # type: ignore[attr-defined]
    assert 'name="recognising"' in client.get(after_url).content.decode()
    response = client.post(after_url, {"recognising": "8", "acting": "7"})
    assert response.url == reverse("learning:list")  # type: ignore[attr-defined]

    ratings = list(
        SelfAssessment.objects.filter(user=cast.worker_a)
        .order_by("recorded_at")
        .values_list("moment", "recognising", "acting")
    )
    assert ratings == [(Moment.BEFORE, 4, 3), (Moment.AFTER, 8, 7)]
    listing = client.get(reverse("learning:list")).content.decode()
    assert "Afgerond" in listing
    history = client.get(reverse("learning:history")).content.decode()
    assert "De meldcode en het afwegingskader" in history

    # The next round (a refresher) starts with a new "before" rating.
    assert client.get(module_url).url.endswith("/before/")  # type: ignore[attr-defined]


def test_an_incomplete_quiz_is_refused_in_dutch_and_keeps_the_answers(
    cast: Cast, client_for: ClientFor
) -> None:
    client = client_for(cast.worker_a)
    SelfAssessment.objects.create(
        user=cast.worker_a, module="meldcode", moment=Moment.BEFORE, recognising=5, acting=5
    )
    chosen = answers(meldcode())
    del chosen["q3"]
    response = client.post(reverse("learning:module", kwargs={"slug": "meldcode"}), chosen)
    assert response.status_code == 200
    assert "Kies een antwoord." in response.content.decode()
    assert "checked" in response.content.decode()  # the answers given stay chosen
    assert not QuizAttempt.objects.exists()


def test_a_rating_outside_0_to_10_is_refused(cast: Cast, client_for: ClientFor) -> None:
    client = client_for(cast.worker_a)
    url = reverse("learning:before", kwargs={"slug": "meldcode"})
    response = client.post(url, {"recognising": "11", "acting": ""})
    assert response.status_code == 200
    assert "Kies een getal van 0 tot en met 10." in response.content.decode()
    assert not SelfAssessment.objects.exists()


def test_attempts_are_private_to_the_worker(cast: Cast, client_for: ClientFor) -> None:
    module = meldcode()
    attempt = QuizAttempt.objects.create(
        user=cast.worker_a,
        module=module.slug,
        module_version=module.version,
        answers=answers(module),
        correct=4,
        total=4,
        passed=True,
    )
    url = reverse("learning:attempt", kwargs={"attempt_id": attempt.pk})
    assert client_for(cast.worker_a2).get(url).status_code == 404


def test_unknown_modules_are_404(cast: Cast, client_for: ClientFor) -> None:
    url = reverse("learning:module", kwargs={"slug": "no-such-module"})
    assert client_for(cast.worker_a).get(url).status_code == 404


def test_the_manager_sets_the_mandatory_set_and_the_refresher_interval(
    cast: Cast, client_for: ClientFor
) -> None:
    manager = make_user("manager_a", cast.institution_a, [Role.MANAGER])
    url = reverse("learning:policy")
    assert client_for(cast.worker_a).get(url).status_code == 403
    client = client_for(manager)
    response = client.post(
        url,
        {
            "mandatory_modules": ["meldcode", "registering"],
            "new_staff_days": "60",
            "refresher_months": "24",
        },
    )
    assert response.status_code == 302
    policy = TrainingPolicy.objects.get(organisation=cast.institution_a)
    assert (policy.mandatory_modules, policy.new_staff_days, policy.refresher_months) == (
        ["meldcode", "registering"],
        60,
        24,
    )
    response = client.post(
        url, {"mandatory_modules": ["nonsense"], "new_staff_days": "3", "refresher_months": "0"}
    )
    assert response.status_code == 200
    policy.refresh_from_db()
    assert policy.refresher_months == 24


def test_after_an_attempt_every_wrong_answer_shows_why_and_the_right_answer(
    cast: Cast, client_for: ClientFor
) -> None:
    client = client_for(cast.worker_a)
    module = find_module("consent-and-privacy")
    assert module is not None
    SelfAssessment.objects.create(
        user=cast.worker_a, module=module.slug, moment=Moment.BEFORE, recognising=5, acting=5
    )
    module_url = reverse("learning:module", kwargs={"slug": module.slug})
    page = client.get(module_url).content.decode()
    assert "Bronnen" in page and "wetten.overheid.nl/BWBR0034925" in page

    response = client.post(module_url, answers(module, wrong=len(module.questions)))
    result = client.get(response.url).content.decode()  # type: ignore[attr-defined]
    question = module.questions[0]  # a youth of 15: the youth and the parents both consent
    right = next(option for option in question.options if option.correct)
    assert result.count("Het juiste antwoord") == len(module.questions)
    assert right.text.nl in result
    chosen = next(option for option in question.options if not option.correct)
    assert chosen.feedback.nl.split(":")[0] in result
