"""Pseudonymisation at the institution, without Django: variants of one person share keys, other
people do not, and nothing identifying travels in plaintext."""

import re
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
    for secret in ("zoe", "zoë", "berg", "2009-03-04", "03-04", "20090304", "04-03-2009"):
        assert secret not in text
    # Every value is a key (32 hex digits), the Bloom filter, or an allowed plaintext field.
    plaintext = {"key_version", "birth_year", "sex", "nationality", "country_of_birth"}
    for field, value in out.items():
        if field.startswith("k_"):
            assert re.fullmatch("[0-9a-f]{32}|", value), field
        elif field != "bf_name":
            assert field in plaintext
    assert (out["birth_year"], out["sex"], out["nationality"]) == ("2009", "female", "NL")


def shares(a: dict[str, str], b: dict[str, str], field: str) -> bool:
    return a[field] == b[field] != ""


@pytest.mark.parametrize(
    ("one", "other"),
    [
        (("Demjan", "Dasjenko"), ("Demyan", "Dashenko")),  # Dutch / English romanisation
        (("Zjenja", "Sjevtsjoek"), ("Zhenya", "Shevchuk")),
        (("Jevgenija", "Joerjevitsj"), ("Evgeniia", "Iurievich")),  # Dutch / passport (ICAO)
        (("Jewgenija", "Jurjewitsch"), ("Yevgeniya", "Yuryevich")),  # German / English
        (("Ольга", "Щербак"), ("Olga", "Shcherbak")),  # Cyrillic script / English
        (("Olha", "Kharytonova"), ("Olha", "Charytonova")),  # kh / ch
        (("Marija", "Dijkstra"), ("Mariya", "Dykstra")),  # ij / y
    ],
)
def test_romanisations_of_one_name_meet_in_one_key(
    one: tuple[str, str], other: tuple[str, str]
) -> None:
    a = person(given_name=one[0], surname=one[1])
    b = person(given_name=other[0], surname=other[1])
    assert shares(a, b, "k_name") and shares(a, b, "k_full")
    assert dice(a["bf_name"], b["bf_name"]) == 1.0


@pytest.mark.parametrize(
    "variant",
    [
        {"given_name": "ZOË ANNE", "surname": "VAN DER BERG"},  # capitals
        {"given_name": "Zoe Anne"},  # accents lost
        {"surname": "Berg, van der"},  # prefix after the name
        {"surname": "BERG VAN DER"},  # ... without a comma
    ],
)
def test_capitals_accents_and_inverted_prefixes_give_the_same_keys(
    variant: dict[str, str],
) -> None:
    assert {k: v for k, v in person(**variant).items() if k.startswith("k_")} == {
        k: v for k, v in person().items() if k.startswith("k_")
    }


def test_swapped_name_order_shares_the_key_of_all_name_parts() -> None:
    vietnamese = person(given_name="Thi Lan", surname="Nguyen")
    family_first = person(given_name="Nguyen", surname="Thi Lan")
    all_in_one = person(given_name="Nguyen Thi Lan", surname="")
    assert shares(vietnamese, family_first, "k_name_unordered")
    assert shares(vietnamese, all_in_one, "k_name_unordered")
    assert dice(vietnamese["bf_name"], family_first["bf_name"]) == 1.0
    assert not shares(vietnamese, family_first, "k_name")


def test_each_of_two_given_names_is_keyed() -> None:
    both = person(given_name="Anna Maria")
    second = person(given_name="Maria")
    assert both["k_given_2"] == second["k_given"] != ""
    assert second["k_given_2"] == ""
    assert not shares(both, second, "k_name")  # the whole name is all given names


@pytest.mark.parametrize(
    ("double", "single", "part"),
    [
        ("Gómez Rodríguez", "Gomez", "k_surname_first"),  # the second family name not written
        ("de Vries-Jansen", "Jansen", "k_surname_last"),  # a married name before one's own
        ("Semere Asmerom", "Semere", "k_surname_first"),  # father's and grandfather's name
    ],
)
def test_a_surname_of_several_words_is_keyed_by_its_first_and_last_word(
    double: str, single: str, part: str
) -> None:
    several, one = person(surname=double), person(surname=single)
    assert several[part] == one["k_surname"] != ""
    assert one["k_surname_first"] == one["k_surname_last"] == ""  # one word: no parts
    assert several["k_surname"] != one["k_surname"]


@pytest.mark.parametrize("unknown_day", ["2009-01-01", "2009-00-00", "2009-03-00", "2009"])
def test_an_unknown_day_counts_as_the_year_alone(unknown_day: str) -> None:
    out = person(date_of_birth=unknown_day)
    assert out["birth_year"] == "2009"
    assert out["k_dob"] == out["k_full"] == out["k_dob_next_day"] == out["k_dob_next_year"] == ""
    assert out["k_name"] == person()["k_name"]


def test_a_date_one_day_or_one_year_later_is_recognisable_and_nothing_more() -> None:
    assert (
        person(date_of_birth="2009-03-04")["k_dob_next_day"]
        == (person(date_of_birth="2009-03-05")["k_dob"])
    )
    assert (
        person(date_of_birth="2009-03-04")["k_dob_next_year"]
        == (person(date_of_birth="2010-03-04")["k_dob"])
    )
    assert person(date_of_birth="2008-02-29")["k_dob_next_year"] == ""
    # Only equality can be seen: the next day's key matches no other field of the same record.
    out = person(date_of_birth="2009-03-04")
    assert out["k_dob_next_day"] not in {out["k_dob"], out["k_dob_next_year"], out["k_full"]}


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
