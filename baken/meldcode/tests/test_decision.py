"""The afwegingskader, without Django."""

import pytest

from baken.meldcode.decision import CLOSE, HELP, REPORT, Decision, decide, review


@pytest.mark.parametrize(
    ("answers", "expected"),
    [
        (
            {"suspicion": False, "unsafe": None, "can_help": None, "help_accepted": None},
            Decision(CLOSE, "q1"),
        ),
        (
            {"suspicion": True, "unsafe": True, "can_help": None, "help_accepted": None},
            Decision(REPORT, "q2"),
        ),
        (
            {"suspicion": True, "unsafe": False, "can_help": False, "help_accepted": None},
            Decision(REPORT, "q3"),
        ),
        (
            {"suspicion": True, "unsafe": False, "can_help": True, "help_accepted": False},
            Decision(REPORT, "q4"),
        ),
        (
            {"suspicion": True, "unsafe": False, "can_help": True, "help_accepted": True},
            Decision(HELP, "q4"),
        ),
    ],
)
def test_each_path_through_the_afwegingskader(
    answers: dict[str, bool | None], expected: Decision
) -> None:
    assert decide(**answers) == expected


def test_later_questions_are_required_when_earlier_answers_lead_there() -> None:
    with pytest.raises(ValueError, match="question 2"):
        decide(suspicion=True, unsafe=None, can_help=None, help_accepted=None)
    with pytest.raises(ValueError, match="question 4"):
        decide(suspicion=True, unsafe=False, can_help=True, help_accepted=None)


def test_question_5_at_the_review_date() -> None:
    assert review(help_works=True) == Decision(CLOSE, "q5")
    assert review(help_works=False) == Decision(REPORT, "q5")


def test_question_1_must_be_answered() -> None:
    with pytest.raises(ValueError, match="question 1"):
        decide(suspicion=None, unsafe=None, can_help=None, help_accepted=None)
