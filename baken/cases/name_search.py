"""Searching encrypted names through a keyed blind index, free of Django.

A name is normalised (lower case, accents dropped, punctuation removed), split into words, and
each word and each of its beginnings of at least three letters is turned into
HMAC-SHA256(key, word). Only these digests are stored; a query matches a youth when every query
word's digest is among the youth's. Dutch surname prefixes ("van", "de", "van der") are left out
on both sides, so "Vries" finds "de Vries" and "van den Berg" finds "Van Den Berg".
"""

import hashlib
import hmac
import re
import unicodedata

SURNAME_PREFIXES = frozenset(
    {"van", "de", "der", "den", "het", "ter", "ten", "te", "in", "op", "t", "la", "le", "el", "al"}
)
MIN_PREFIX = 3


def normalise_words(text: str) -> list[str]:
    decomposed = unicodedata.normalize("NFKD", text.lower())
    ascii_only = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    words = re.split(r"[^a-z0-9]+", ascii_only)
    return [word for word in words if word and word not in SURNAME_PREFIXES]


def _digest(key: bytes, word: str) -> str:
    return hmac.new(key, word.encode("utf-8"), hashlib.sha256).hexdigest()[:32]


def index_digests(*, key: bytes, names: list[str]) -> set[str]:
    """The digests to store for a youth: every word and every beginning of 3+ letters."""
    digests: set[str] = set()
    for name in names:
        for word in normalise_words(name):
            for end in range(min(MIN_PREFIX, len(word)), len(word) + 1):
                digests.add(_digest(key, word[:end]))
    return digests


def query_digests(*, key: bytes, query: str) -> list[str]:
    """One digest per query word; a match needs all of them."""
    return [_digest(key, word) for word in normalise_words(query)]
