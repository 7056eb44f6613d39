"""Pseudonymisation at the institution, without Django: variants of one person share keys, other
people do not, and nothing identifying travels in plaintext."""

from datetime import date

import pytest

from baken.registration.pseudonymise import (
    PseudonymisationError,
    check_key,
    dice,
    normalise_name,
    pseudonymise,
    split_surname,
)

KEY = check_key("a-test-key-that-is-long-enough-0123456789")
OTHER_KEY = check_key("another-key-entirely-different-9876543210")


def person(**changes: str) -> dict[str, str]:
    fields = {
        "given_name": "Zoë Anne",
        "surname": "van der Berg",
        "date_of_birth": "2009-03-04",
        "sex": "v",
        "nationality": "Nederlandse",
        "country_of_birth": "Nederland",
    }
    fields.update(changes)
    return pseudonymise(key=KEY, key_version="k1", **fields)


def test_nothing_identifying_travels_in_plaintext() -> None:
    out = person()
    text = " ".join(out.values()).lower()
    for secret in ("zoe", "zoë", "berg", "2009-03-04", "03-04"):
        assert secret not in text
    assert (out["birth_year"], out["sex"], out["nationality"]) == ("2009", "female", "Nederlandse")


@pytest.mark.parametrize(
    ("variant", "shared"),
    [
        ({"given_name": "ZOE Anne", "surname": "Van Der Berg"}, "k_full"),  # accents, capitals
        ({"surname": "Berg, van der"}, "k_full"),  # prefix written after
        ({"surname": "v.d. Berg"}, "k_surname"),  # abbreviated prefix still has the core
        ({"given_name": "van der Berg", "surname": "Zoë Anne"}, "k_name_unordered"),  # swapped
        ({"date_of_birth": "2009-04-03"}, "k_dob_unordered"),  # swapped day and month
        ({"given_name": "Zoey"}, "k_given_phonetic"),  # spelling variant
        ({"date_of_birth": "2009"}, "birth_year"),  # only the year known
    ],
)
def test_variants_of_one_person_share_a_key(variant: dict[str, str], shared: str) -> None:
    assert person(**variant)[shared] == person()[shared] != ""


def test_transliteration_variants_share_the_phonetic_key() -> None:
    names = ["Mohammed", "Mohamed", "Muhammad"]
    keys = {person(given_name=name)["k_given_phonetic"] for name in names}
    assert len(keys) == 1
    assert (
        person(surname="Popescu")["k_surname_phonetic"]
        == person(surname="Popesku")["k_surname_phonetic"]
    )


def test_the_bloom_filter_tolerates_a_typo_but_not_another_person() -> None:
    same = dice(person()["bf_name"], person(surname="van der Bergh")["bf_name"])
    other = dice(person()["bf_name"], person(given_name="Mehmet", surname="Yilmaz")["bf_name"])
    assert same > 0.8 > 0.4 > other


def test_unknown_values_give_empty_keys_that_never_match() -> None:
    out = person(date_of_birth="")
    assert out["k_dob"] == out["k_full"] == out["birth_year"] == ""
    assert out["k_name"] != ""


def test_another_key_gives_unrelated_pseudonyms() -> None:
    fields = {
        "given_name": "Zoë",
        "surname": "Berg",
        "date_of_birth": "2009-03-04",
        "sex": "",
        "nationality": "",
        "country_of_birth": "",
    }
    mine = pseudonymise(key=KEY, key_version="k1", **fields)
    theirs = pseudonymise(key=OTHER_KEY, key_version="k2", **fields)
    mine_keys = {v for k, v in mine.items() if k.startswith("k_") and v}
    their_keys = {v for k, v in theirs.items() if k.startswith("k_") and v}
    assert mine_keys and their_keys and not mine_keys & their_keys


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"date_of_birth": "04-03-2009"}, "not an ISO date"),
        (
            {"date_of_birth": f"{date.today().year + 1}-01-01"},  # noqa: DTZ011
            "future",
        ),
        ({"sex": "q"}, "sex 'q'"),
        ({"given_name": "", "surname": "  "}, "both empty"),
    ],
)
def test_unreadable_values_are_refused_with_a_reason(changes: dict[str, str], message: str) -> None:
    with pytest.raises(PseudonymisationError, match=message):
        person(**changes)


def test_a_short_key_is_refused() -> None:
    with pytest.raises(PseudonymisationError, match="at least 32"):
        check_key("  short  ")


def test_name_normalisation() -> None:
    assert normalise_name("  Çelik-Özdemir ") == "celik ozdemir"
    assert normalise_name("Ødegård") == "odegard"
    assert split_surname("Van 't Hof") == ("van t", "hof")
    assert split_surname("de Vries") == split_surname("De  Vries") == ("de", "vries")
