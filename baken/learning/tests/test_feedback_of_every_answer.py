"""After a failed quiz every answer's feedback says why (never only "Nee."), and once the
attempt is over the right answer is shown with its own explanation: checked for every answer of
every question of every module, in the data and on the result page."""

from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse
from django.utils.html import escape

from baken.accounts.models import User
from baken.learning.catalogue import all_modules, feedback_explains
from baken.learning.services import submit_quiz
from baken.testing import Cast

pytestmark = pytest.mark.django_db

ClientFor = Callable[[User], Client]


@pytest.mark.parametrize("language", ["nl", "en"])
def test_every_answer_of_every_module_says_why(language: str) -> None:
    checked = 0
    for module in all_modules():
        for question in module.questions:
            for option in question.options:
                text = option.feedback.in_language(language)
                assert feedback_explains(text), (module.slug, question.id, option.id, text)
                assert text.strip().rstrip(".").lower() not in {"nee", "no", "juist", "right"}
                checked += 1
    assert checked >= 100  # nine modules, every answer


def test_a_failed_attempt_shows_why_and_the_right_answer_for_every_wrong_answer(
    client_for: ClientFor, cast: Cast
) -> None:
    client = client_for(cast.worker_a)
    for module in all_modules():
        wrong_per_question = {
            question.id: [option for option in question.options if not option.correct]
            for question in module.questions
        }
        rounds = max(len(options) for options in wrong_per_question.values())
        for round_number in range(rounds):  # every wrong answer is chosen at least once
            answers = {
                question_id: options[round_number % len(options)].id
                for question_id, options in wrong_per_question.items()
            }
            attempt = submit_quiz(user=cast.worker_a, module=module, answers=answers)
            assert not attempt.passed

            page = client.get(reverse("learning:attempt", args=[attempt.pk])).content.decode()

            for question in module.questions:
                chosen = question.option(answers[question.id])
                right = next(option for option in question.options if option.correct)
                assert chosen is not None
                assert escape(chosen.feedback.nl) in page, (module.slug, question.id, chosen.id)
                assert escape(right.text.nl) in page, (module.slug, question.id)
                assert escape(right.feedback.nl) in page, (module.slug, question.id)
            assert page.count("baken-right-answer") == len(module.questions)
