"""The chain-partner directory: who to call for a municipality; editing; import; guidance."""

from collections.abc import Callable
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client
from django.urls import reverse

from baken.accounts.models import Division, Region, User
from baken.cases.services import update_case_file
from baken.cases.testing import make_youth
from baken.partners.directory import guidance_for, who_to_call
from baken.partners.models import Partner, PartnerKind, Purpose, SharingGuidance
from baken.testing import Cast

pytestmark = pytest.mark.django_db

ClientFor = Callable[[User], Client]


def region(division: str, code: str) -> Region:
    return Region.objects.get(division=division, code=code)


def test_who_to_call_follows_each_division_of_the_municipality(cast: Cast) -> None:
    rotterdam = region(Division.MUNICIPALITY, "GM0599")
    vt = Partner.objects.create(
        kind=PartnerKind.VEILIG_THUIS, name="VT R-R", region=region(Division.VEILIG_THUIS, "VT18")
    )
    police = Partner.objects.create(
        kind=PartnerKind.POLICE,
        name="Politie Rotterdam",
        region=region(Division.POLICE_UNIT, "RE07"),
    )
    Partner.objects.create(
        kind=PartnerKind.POLICE,
        name="Politie Amsterdam",
        region=region(Division.POLICE_UNIT, "RE05"),
    )
    registry = Partner.objects.create(kind=PartnerKind.REGISTRY, name="Registratiecentrum")
    own = Partner.objects.create(
        kind=PartnerKind.MUNICIPALITY,
        name="Gemeente Rotterdam jeugd",
        region=rotterdam,
        owner=cast.institution_a,
    )
    Partner.objects.create(
        kind=PartnerKind.MUNICIPALITY,
        name="Eigen contact van B",
        region=rotterdam,
        owner=cast.institution_b,
    )

    answers = {
        a.kind: a for a in who_to_call(municipality=rotterdam, organisation=cast.institution_a)
    }

    assert answers["veilig_thuis"].partners == [vt]
    vt_region = answers["veilig_thuis"].region
    assert vt_region is not None and vt_region.name == "Rotterdam-Rijnmond"
    assert answers["police"].partners == [police]
    assert answers["registry"].partners == [registry]
    assert answers["municipality"].partners == [own]
    assert answers["care_coordinator"].partners == []  # no shelter region in the shipped data


def test_the_youth_page_answers_who_to_call(client_for: ClientFor, cast: Cast) -> None:
    youth = make_youth(cast.worker_a, teams=[cast.team_a1])
    update_case_file(
        youth=youth,
        by=cast.worker_a,
        request=None,
        changes={"municipality": region(Division.MUNICIPALITY, "GM0363")},
    )
    Partner.objects.create(
        kind=PartnerKind.VEILIG_THUIS,
        name="Veilig Thuis Amsterdam-Amstelland",
        region=region(Division.VEILIG_THUIS, "VT01"),
        phone="0800-2000",
    )

    page = client_for(cast.worker_a).get(reverse("partners:youth", args=[youth.pseudonym]))

    assert "Veilig Thuis Amsterdam-Amstelland" in page.content.decode()
    assert (
        client_for(cast.worker_b).get(reverse("partners:youth", args=[youth.pseudonym])).status_code
        == 404
    )


def test_a_functional_administrator_keeps_only_their_own_contacts(
    client_for: ClientFor, cast: Cast
) -> None:
    theirs = Partner.objects.create(
        kind=PartnerKind.SHELTER, name="Opvang B", owner=cast.institution_b
    )
    shared = Partner.objects.create(kind=PartnerKind.REGISTRY, name="Registratiecentrum")
    client = client_for(cast.admin_a)

    client.post(
        reverse("partners:create"),
        {"kind": "care_coordinator", "name": "Zorgcoördinator Utrecht", "phone": "030-1234567"},
    )

    mine = Partner.objects.get(name="Zorgcoördinator Utrecht")
    assert mine.owner == cast.institution_a
    assert client.get(reverse("partners:edit", args=[theirs.pk])).status_code == 404
    assert client.get(reverse("partners:edit", args=[shared.pk])).status_code == 404
    assert client_for(cast.worker_a).get(reverse("partners:create")).status_code == 403


def test_import_regions_adds_shelter_regions_and_updates_names(tmp_path: Path) -> None:
    csv_file = tmp_path / "regions.csv"
    csv_file.write_text(
        "cbs_code,name,vt_code,vt_name,shelter_code,shelter_name\n"
        "GM0344,Utrecht,VT22,Utrecht,CV22,Centrumgemeente Utrecht\n"
        "GM9999,Nieuwgemeente,VT22,Utrecht,CV22,Centrumgemeente Utrecht\n",
        encoding="utf-8",
    )

    call_command("import_regions", str(csv_file))

    utrecht = region(Division.MUNICIPALITY, "GM0344")
    divisions = {r.division: r.name for r in utrecht.containing_regions.all()}
    assert divisions[Division.SHELTER] == "Centrumgemeente Utrecht"
    assert region(Division.MUNICIPALITY, "GM9999").name == "Nieuwgemeente"


def test_a_broken_region_file_is_refused_with_the_row(tmp_path: Path) -> None:
    csv_file = tmp_path / "broken.csv"
    csv_file.write_text("cbs_code,name\nGM0001,\n", encoding="utf-8")
    with pytest.raises(CommandError, match="row 2"):
        call_command("import_regions", str(csv_file))


def test_sharing_guidance_covers_reports_consultation_and_registration() -> None:
    report = guidance_for(PartnerKind.VEILIG_THUIS, Purpose.REPORT)
    assert report is not None and report.consent_needed == "no"
    assert "5.2.6" in report.legal_ground_nl
    registration = guidance_for(PartnerKind.REGISTRY, Purpose.REGISTRATION)
    assert registration is not None and "9" in registration.legal_ground_en
    assert SharingGuidance.objects.filter(purpose=Purpose.CONSULTATION).count() >= 3


def test_every_sharing_guidance_row_names_its_sources_and_the_page_shows_them(
    client_for: ClientFor, cast: Cast
) -> None:
    rows = list(SharingGuidance.objects.all())
    assert rows and all(row.sources and row.sources[0]["title"] for row in rows)
    page = client_for(cast.worker_a).get(reverse("partners:guidance")).content.decode()
    assert "Bronnen:" in page and "wetten.overheid.nl/BWBR0035362" in page


def test_the_registration_guidance_says_pseudonyms_are_personal_data_and_objection_is_final() -> (
    None
):
    registration = guidance_for(PartnerKind.REGISTRY, Purpose.REGISTRATION)
    assert registration is not None
    assert "persoonsgegevens" in registration.legal_ground_nl
    assert "7:458" in registration.legal_ground_nl and "bezwaar" in registration.legal_ground_nl
    assert "niet-herleidbare telling" in registration.legal_ground_nl
