"""Names in every script: a youth named in Arabic, Ge'ez (Tigrinya, Amharic), Cyrillic or Chinese
script is found by a search in that script and, where the transliteration agrees, in Latin; so
break-the-glass lookup and duplicate detection work for them too."""

import io
from collections.abc import Callable

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from baken.accounts.models import User
from baken.cases.models import YouthNameDigest
from baken.cases.name_search import index_digests, query_digests
from baken.cases.testing import make_youth
from baken.registration.pseudonymise import normalise_name, pseudonymise
from baken.testing import Cast

pytestmark = pytest.mark.django_db

ClientFor = Callable[[User], Client]

# (given names, family name, queries in the own script, queries in Latin)
PEOPLE = {
    "arabic": ("مُحَمَّد", "أحمد", ["محمد أحمد", "أحمد", "مُحَمَّد"], ["Mohammed Ahmed", "Muhammad"]),
    "tigrinya": ("ዮሃንስ", "ተስፋይ", ["ዮሃንስ", "ተስፋይ ዮሃ"], ["Yohannes", "Yohannes Tesfaye"]),
    "amharic": ("አበበ", "በቀለ", ["አበበ በቀለ"], ["Abebe Bekele", "bekele"]),
    "cyrillic": ("Иван", "Петров", ["иван", "ПЕТРОВ Иван"], ["Ivan Petrov", "Petr"]),
    "chinese": ("小明", "王", ["王小明", "小明", "王"], ["Wang Xiaoming", "Xiaoming"]),
    "turkish": ("Ayşe", "Y\u0131lmaz", ["Ayşe Y\u0131lmaz", "YILMAZ"], ["Ayse Yilmaz", "yilmaz"]),
}


@pytest.mark.parametrize("script", PEOPLE)
def test_a_name_is_found_in_its_own_script_and_in_latin(
    client_for: ClientFor, cast: Cast, script: str
) -> None:
    given, family, own, latin = PEOPLE[script]
    youth = make_youth(cast.worker_a, teams=[cast.team_a1], given_names=given, family_name=family)
    make_youth(cast.worker_a, teams=[cast.team_a1])  # Lisa de Boer, found by none of these
    client = client_for(cast.officer_a)

    for query in own + latin:
        assert client.get(reverse("cases:list"), {"q": query}).context["youths"] == [youth], query


def test_a_search_in_latin_stays_as_exact_as_before(client_for: ClientFor, cast: Cast) -> None:
    make_youth(cast.worker_a, teams=[cast.team_a1], given_names="Noor", family_name="Berg")
    client = client_for(cast.officer_a)

    for query in ["Borg", "Bergen", "Nor"]:
        assert client.get(reverse("cases:list"), {"q": query}).context["youths"] == [], query


def test_break_the_glass_finds_a_youth_named_in_another_script(
    client_for: ClientFor, cast: Cast
) -> None:
    youth = make_youth(cast.worker_a, teams=[cast.team_a1], given_names="ዮሃንስ", family_name="ተስፋይ")

    for query in ["Yohannes", "ዮሃንስ ተስፋይ"]:
        response = client_for(cast.worker_a2).get(reverse("cases:list"), {"q": query})
        assert response.context["youths"] == [] and response.context["others"] == [youth]
        assert reverse("cases:break_the_glass", args=[youth.pseudonym]) in response.content.decode()


@pytest.mark.parametrize(
    ("own", "latin"),
    [
        (("مُحَمَّد", "حسن"), ("Mohammed", "Hassan")),
        (("ዮሃንስ", "ተስፋይ"), ("Yohannes", "Tesfay")),
        (("Иван", "Петров"), ("Ivan", "Petrov")),
        (("小明", "王"), ("Xiaoming", "Wang")),
    ],
)
def test_the_registry_can_tell_the_same_person_in_two_scripts(
    own: tuple[str, str], latin: tuple[str, str]
) -> None:
    """Duplicate detection: two sources register one person, one in the own script and one in
    Latin; their pseudonyms share the phonetic keys the registry links on (before, a name in
    another script gave no key at all and could not be registered)."""
    key = b"k" * 32

    def keys(given: str, surname: str) -> dict[str, str]:
        return pseudonymise(
            key=key,
            key_version="k1",
            given_name=given,
            surname=surname,
            date_of_birth="2009-03-01",
            sex="m",
            nationality="",
            country_of_birth="",
        )

    a, b = keys(*own), keys(*latin)
    assert a["k_given_phonetic"] and a["k_given_phonetic"] == b["k_given_phonetic"]
    assert a["k_surname_phonetic"] == b["k_surname_phonetic"]
    assert a["k_dob"] == b["k_dob"]


def test_latin_names_keep_their_pseudonymisation() -> None:
    """Only letters that were not ASCII after folding are transliterated: keys of Latin names
    stay what they were, so registrations made before still link."""
    assert normalise_name("  Çelik-Özdemir ") == "celik ozdemir"
    assert normalise_name("Ødegård Straße") == "odegard strasse"
    assert normalise_name("ዮሃንስ") == "yohans" and normalise_name("Иван") == "ivan"


def test_the_name_index_is_rebuilt_for_existing_youths(cast: Cast, settings: object) -> None:
    youth = make_youth(
        cast.worker_a, teams=[cast.team_a1], given_names="Иван", family_name="Петров"
    )
    YouthNameDigest.objects.filter(youth=youth).delete()  # as indexed by the old code: nothing

    out = io.StringIO()
    call_command("reindex_names", stdout=out)

    stored = set(YouthNameDigest.objects.filter(youth=youth).values_list("digest", flat=True))
    key = settings.BLIND_INDEX_KEY.encode()  # type: ignore[attr-defined]
    assert stored == index_digests(key=key, names=["Иван", "Петров"])
    assert all(alternatives & stored for alternatives in query_digests(key=key, query="Petrov"))
    assert "1 youth" in out.getvalue()
