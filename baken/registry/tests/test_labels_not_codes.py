"""Pages and exports show the code lists' labels, never raw codes; on the review page sex unknown
on one side is neither agreement nor disagreement."""

from collections.abc import Callable
from datetime import date

import pandas as pd
import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from baken.accounts.models import User
from baken.registry import persons
from baken.registry.code_lists import label
from baken.registry.models import CandidatePair, Registration
from baken.registry.record_linkage import PSEUDONYM_COLUMNS, prepare
from baken.registry.releases import publish
from baken.registry.tokens import issue_source
from baken.testing import Cast

pytestmark = pytest.mark.django_db
ClientFor = Callable[[User], Client]


def registrations(count: int, *, nationality: str, start: int) -> None:
    source = issue_source(name=f"Bron {nationality}", kind="police")[0]
    Registration.objects.bulk_create(
        Registration(
            source=source,
            idempotency_key=f"{nationality}-{start + n}",
            dossier_type="statistical",
            key_version="k1",
            k_name=f"{start + n:032x}",
            birth_year=2008,
            sex="male",
            nationality=nationality,
            forms=["labour"],
            reported_on=date(2025, 5, 1),
            reporter_region="RE03",
        )
        for n in range(count)
    )


def test_the_statistics_and_their_exports_show_country_names_not_codes(
    cast: Cast, client_for: ClientFor
) -> None:
    registrations(30, nationality="NL", start=0)
    registrations(20, nationality="RO", start=100)
    persons.recluster()
    publish()
    client = client_for(cast.analyst)

    page = client.get(reverse("registry:statistics"), {"table": "nationality"})
    labels = [label for label, _values in page.context["table"].rows]
    assert labels == ["Nederland", "Roemenië"]
    csv_text = client.get(reverse("registry:export_csv"), {"table": "nationality"}).content.decode(
        "utf-8-sig"
    )
    assert "Nationaliteit,Nederland,2025,30" in csv_text
    assert ",NL," not in csv_text and ",RO," not in csv_text

    with translation.override("en"):
        assert [label("country", code) for code in ("NL", "RO")] == ["Netherlands", "Romania"]
        assert label("form", "labour").startswith("Labour exploitation")
        assert label("sex", "unknown") == "unknown"


def pair(*, left_sex: str, right_sex: str, level: str) -> CandidatePair:
    registrations(1, nationality="NL", start=500)
    registrations(1, nationality="RO", start=600)
    left, right = Registration.objects.order_by("pk")
    Registration.objects.filter(pk=left.pk).update(sex=left_sex)
    Registration.objects.filter(pk=right.pk).update(sex=right_sex)
    return CandidatePair.objects.create(
        left=left,
        right=right,
        match_probability=0.6,
        levels={"name": "same name", "birth": "same date of birth", "sex": level},
    )


def test_the_review_page_shows_labels_and_sex_unknown_is_not_a_disagreement(
    cast: Cast, client_for: ClientFor
) -> None:
    # Scored before the linkage read "unknown" as missing: stored as a disagreement.
    unknown = pair(left_sex="male", right_sex="unknown", level="sex differs")

    page = client_for(cast.analyst).get(
        reverse("registry:review_pair", args=[unknown.left.reference, unknown.right.reference])
    )

    text = page.content.decode()
    assert "geslacht verschilt" not in text
    assert "geslacht onbekend aan één kant" in text
    rows = {label: (left, right) for label, left, right in page.context["rows"]}
    assert rows["Geslacht"] == ("man", "onbekend")
    assert rows["Nationaliteit"] == ("Nederland", "Roemenië")
    assert (
        rows["Vormen van uitbuiting"] == ("Arbeidsuitbuiting (inclusief gedwongen bedelarij)",) * 2
    )
    assert rows["Regio van de melder"] == ("Midden-Nederland",) * 2


def test_male_and_female_still_differ_on_the_review_page(cast: Cast, client_for: ClientFor) -> None:
    different = pair(left_sex="male", right_sex="female", level="sex differs")
    page = client_for(cast.analyst).get(
        reverse("registry:review_pair", args=[different.left.reference, different.right.reference])
    )
    assert "geslacht verschilt" in page.content.decode()


def test_the_linkage_reads_sex_unknown_as_missing() -> None:
    rows = pd.DataFrame(
        [
            {"record_id": str(n), "source": "s", **dict.fromkeys(PSEUDONYM_COLUMNS, "")}
            for n in range(3)
        ]
    )
    rows["sex"] = ["male", "unknown", ""]
    prepared = prepare(rows)
    assert prepared["sex"].tolist()[0] == "male"
    assert prepared["sex"].isna().tolist() == [False, True, True]


def test_every_comparison_level_of_the_model_has_a_label_in_dutch() -> None:
    from baken.registry.person_presentation import LEVEL_LABELS
    from baken.registry.record_linkage import splink_settings

    levels = [
        level["label_for_charts"]
        for comparison in splink_settings()["comparisons"]
        for level in comparison["comparison_levels"]
    ]
    assert set(levels) - set(LEVEL_LABELS) == set()
    with translation.override("nl"):
        untranslated = [lv for lv in levels if str(LEVEL_LABELS[lv]) == str(lv)]
    assert untranslated == []
