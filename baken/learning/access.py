"""A worker's quiz attempts and self-assessments are theirs alone."""

from django.http import Http404
from django.shortcuts import get_object_or_404

from baken.accounts.models import User
from baken.learning.catalogue import Module, find_module
from baken.learning.models import QuizAttempt


def get_module(slug: str) -> Module:
    module = find_module(slug)
    if module is None:
        raise Http404
    return module


def get_attempt_for_user(user: User, attempt_id: int) -> QuizAttempt:
    """The user's own attempt; someone else's is a 404, the same as a missing one."""
    return get_object_or_404(QuizAttempt, pk=attempt_id, user=user)
