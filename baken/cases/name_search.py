"""Searching encrypted names through a keyed blind index, free of Django.

Names come in every script: Latin, Arabic, Ge'ez (Tigrinya, Amharic), Cyrillic, Chinese. A name is
split into words (letters, marks and digits; anything else separates), and each word is indexed
in two forms:
- in its own script, case-folded and NFKC-normalised ("ዮሃንስ", "иван", "zoë");
- transliterated to Latin with anyascii, lower case, letters and digits only ("yohans", "ivan",
  "zoe"; the Turkish dotless i becomes i).
Each form and each of its beginnings of at least three letters is stored as
HMAC-SHA256(key, text), so "Ber" finds "Berg". Only these digests are stored.

A word in another script than Latin also gets its consonant skeleton ("yohans" → "yhns",
"muhamad" → "mhmd"), because a transliteration rarely has the vowels a person would write: the
skeleton of a Latin query word ("Yohannes" → "yhns", "Mohammed" → "mhmd") then finds it. Latin
names get no skeleton, so a Latin query stays as exact as before ("Berg" does not find "Borg").

Chinese characters and Korean syllables are written without spaces: each character is indexed on
its own as well as the whole run, so "王小明", "小明" and "Wang Xiaoming" all find 王 小明.

A query matches a youth when every query word matches one of the youth's digests in one of its
forms. Dutch surname prefixes ("van", "de", "van der") are left out on both sides, so "Vries"
finds "de Vries" and "van den Berg" finds "Van Den Berg".
"""

import hashlib
import hmac
import re
import unicodedata

from anyascii import anyascii

SURNAME_PREFIXES = frozenset(
    {"van", "de", "der", "den", "het", "ter", "ten", "te", "in", "op", "t", "la", "le", "el", "al"}
)
MIN_PREFIX = 3
SKELETON_LABEL = "skeleton:"  # keeps skeleton digests apart from those of words


def _is_syllabic(ch: str) -> bool:
    """A Chinese (Japanese, Korean) character or a Hangul syllable: a word of its own."""
    return unicodedata.name(ch, "").startswith(
        ("CJK UNIFIED IDEOGRAPH", "CJK COMPATIBILITY IDEOGRAPH", "HANGUL SYLLABLE")
    )


def _is_latin(word: str) -> bool:
    return all(
        ch.isascii() or unicodedata.name(ch, "").startswith("LATIN") or not ch.isalpha()
        for ch in word
    )


def _words(text: str) -> list[str]:
    """Case-folded, NFKC-normalised words; a run of Chinese characters is one word."""
    folded = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", text).casefold())
    words: list[str] = []
    current = ""
    for ch in folded:
        if unicodedata.category(ch)[0] not in "LMN":
            ch = ""
        if current and (not ch or _is_syllabic(ch) != _is_syllabic(current[-1])):
            words.append(current)
            current = ""
        current += ch
    if current:
        words.append(current)
    return [word for word in words if to_latin(word) not in SURNAME_PREFIXES]


def to_latin(word: str) -> str:
    """The word transliterated to Latin: lower case, letters and digits only."""
    return re.sub(r"[^a-z0-9]+", "", anyascii(word).lower())


def skeleton(latin: str) -> str:
    """The consonants of a transliterated word: no vowels (nor w and y after the first letter),
    no doubled letters, no final h (Arabic ة). "mohammed" and "muhamad" both give "mhmd"."""
    if not latin:
        return ""
    first = latin[0] if latin[0] in "wy" else ""
    consonants = first + re.sub(r"[aeiouwy]", "", latin[1:] if first else latin)
    collapsed = re.sub(r"(.)\1+", r"\1", consonants)
    if len(collapsed) > 2 and collapsed.endswith("h"):
        collapsed = collapsed[:-1]
    return collapsed if len(collapsed) >= 2 else ""


def _digest(key: bytes, text: str) -> str:
    return hmac.new(key, text.encode("utf-8"), hashlib.sha256).hexdigest()[:32]


def _with_beginnings(text: str) -> list[str]:
    return [text[:end] for end in range(min(MIN_PREFIX, len(text)), len(text) + 1)]


def _index_terms(word: str) -> set[str]:
    terms = set(_with_beginnings(word))
    latin = to_latin(word)
    if latin:
        terms.update(_with_beginnings(latin))
        if not _is_latin(word) and skeleton(latin):
            terms.add(SKELETON_LABEL + skeleton(latin))
    return terms


def index_digests(*, key: bytes, names: list[str]) -> set[str]:
    """The digests to store for a youth: every word and every beginning of 3+ letters, in its
    own script and in Latin, plus the skeleton of words in another script."""
    terms: set[str] = set()
    for name in names:
        for word in _words(name):
            terms |= _index_terms(word)
            if len(word) > 1 and _is_syllabic(word[0]):
                for ch in word:
                    terms |= _index_terms(ch)
    return {_digest(key, term) for term in terms}


def _query_terms(word: str) -> set[str]:
    latin = to_latin(word)
    terms = {word, latin} - {""}
    if skeleton(latin):
        terms.add(SKELETON_LABEL + skeleton(latin))
    return terms


def query_digests(*, key: bytes, query: str) -> list[set[str]]:
    """Per query word the digests that would match it (any one of them); a youth matches when
    every query word does."""
    alternatives: list[set[str]] = []
    for word in _words(query):
        parts = list(word) if len(word) > 1 and _is_syllabic(word[0]) else [word]
        for part in parts:
            alternatives.append({_digest(key, term) for term in _query_terms(part)})
    return alternatives
