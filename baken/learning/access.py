"""A worker's quiz attempts and self-assessments are theirs alone; someone else's is a 404, the
same as a missing one, logged as denied. Modules are shared reference data."""

from django.db.models import QuerySet
from django.http import Http404, HttpRequest

from baken.accounts.access import refuse_as_missing
from baken.accounts.models import User
from baken.learning.catalogue import Module, find_module
from baken.learning.models import QuizAttempt, SelfAssessment


def get_module(slug: str) -> Module:
    module = find_module(slug)
    if module is None:
        raise Http404
    return module


def attempts_of(user: User) -> QuerySet[QuizAttempt]:
    return QuizAttempt.objects.filter(user=user)


def self_assessments_of(user: User) -> QuerySet[SelfAssessment]:
    return SelfAssessment.objects.filter(user=user)


def get_attempt_for_user(
    user: User, attempt_id: int, *, request: HttpRequest | None = None
) -> QuizAttempt:
    """The user's own attempt; someone else's is a 404, the same as a missing one."""
    attempt = attempts_of(user).filter(pk=attempt_id).first()
    if attempt is None:
        refuse_as_missing(user, request=request, object_type="quizattempt", object_id=attempt_id)
    return attempt
