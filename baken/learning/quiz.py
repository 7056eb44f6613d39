"""Scoring a quiz: which answers were right, the feedback on each, and whether the pass mark was
reached. Framework-free."""

from dataclasses import dataclass

from baken.learning.catalogue import Module, Option, Question


@dataclass(frozen=True)
class AnswerFeedback:
    question: Question
    chosen: Option
    right_option: Option

    @property
    def correct(self) -> bool:
        return self.chosen.id == self.right_option.id


@dataclass(frozen=True)
class QuizResult:
    correct: int
    total: int
    passed: bool
    answers: tuple[AnswerFeedback, ...]


class IncompleteAnswers(ValueError):
    def __init__(self, missing: list[str]) -> None:
        super().__init__(", ".join(missing))
        self.missing = missing


def score_quiz(module: Module, answers: dict[str, str]) -> QuizResult:
    """Score `answers` (question id → option id). Every question needs a valid option."""
    missing = [q.id for q in module.questions if q.option(answers.get(q.id, "")) is None]
    if missing:
        raise IncompleteAnswers(missing)
    feedback = tuple(
        AnswerFeedback(
            question=question,
            chosen=question.option(answers[question.id]),  # type: ignore[arg-type]
            right_option=next(option for option in question.options if option.correct),
        )
        for question in module.questions
    )
    correct = sum(item.correct for item in feedback)
    return QuizResult(
        correct=correct, total=len(feedback), passed=correct >= module.pass_mark, answers=feedback
    )
