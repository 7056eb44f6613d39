"""Fictional demo data: the registry, two youth-care institutions with teams, one user per role,
and fictional youths with signals of every main form of exploitation.

The demo loads the institution side through its services, and reaches the registry only through
its management commands, as the tests do; it never imports registry code.
Idempotent: running it again finds what exists and adds only what is missing."""

import csv
import io
import random
import tempfile
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.management import CommandError, call_command
from django.db import transaction
from django_otp.plugins.otp_totp.models import TOTPDevice

from baken.accounts.demo import DEMO_PASSWORD
from baken.accounts.models import (
    Division,
    Organisation,
    OrganisationKind,
    Region,
    Role,
    RoleGrant,
    Team,
    User,
)

if TYPE_CHECKING:
    from baken.cases.models import Youth


@dataclass(frozen=True)
class DemoUser:
    username: str
    first_name: str
    last_name: str
    organisation: str
    roles: tuple[Role, ...]
    teams: tuple[str, ...] = ()


LINDE = "Jeugdzorg De Linde (fictief)"
HORIZON = "Horizon Jeugdhulp (fictief)"
REGISTRY = "Landelijk registratiecentrum (demo)"

ORGANISATIONS = {
    LINDE: (OrganisationKind.INSTITUTION, "GM0344", ("Woongroep De Boog", "Ambulant Team Oost")),
    HORIZON: (OrganisationKind.INSTITUTION, "GM0599", ("Gesloten Jeugdzorg Zuid",)),
    REGISTRY: (OrganisationKind.REGISTRY, "GM0363", ()),
}

USERS = (
    DemoUser("worker", "Sanne", "de Vries", LINDE, (Role.YOUTH_WORKER,), ("Woongroep De Boog",)),
    DemoUser("officer", "Mehmet", "Yilmaz", LINDE, (Role.DESIGNATED_OFFICER,)),
    DemoUser("scientist", "Eva", "Jansen", LINDE, (Role.BEHAVIOURAL_SCIENTIST,)),
    DemoUser("manager", "Peter", "Bakker", LINDE, (Role.MANAGER,)),
    DemoUser("privacy", "Fatima", "El Amrani", LINDE, (Role.PRIVACY_OFFICER,)),
    DemoUser("admin", "Joost", "Visser", LINDE, (Role.FUNCTIONAL_ADMIN,)),
    DemoUser(
        "worker.b", "Lotte", "Smit", HORIZON, (Role.YOUTH_WORKER,), ("Gesloten Jeugdzorg Zuid",)
    ),
    DemoUser("officer.b", "Daan", "Mulder", HORIZON, (Role.DESIGNATED_OFFICER,)),
    DemoUser("admin.b", "Noor", "Hendriks", HORIZON, (Role.FUNCTIONAL_ADMIN,)),
    DemoUser("analyst", "Iris", "van den Berg", REGISTRY, (Role.REGISTRY_ANALYST,)),
)


def _regions_for_municipality(code: str) -> list[Region]:
    """The municipality plus, from the reference data, its regions in the other divisions."""
    municipality = Region.objects.filter(division=Division.MUNICIPALITY, code=code).first()
    if municipality is None:
        return []
    return [municipality, *municipality.containing_regions.all()]


@transaction.atomic
def load_demo_data() -> list[DemoUser]:
    organisations: dict[str, Organisation] = {}
    for name, (kind, municipality_code, team_names) in ORGANISATIONS.items():
        organisation, created = Organisation.objects.get_or_create(name=name, kind=kind)
        if created:
            regions = _regions_for_municipality(municipality_code)
            organisation.regions.set(r for r in regions if r.division != Division.PROVINCE)
        for team_name in team_names:
            Team.objects.get_or_create(organisation=organisation, name=team_name)
        organisations[name] = organisation

    for spec in USERS:
        user, created = User.objects.get_or_create(
            username=spec.username,
            defaults={
                "first_name": spec.first_name,
                "last_name": spec.last_name,
                "email": f"{spec.username}@demo.baken.invalid",
                "organisation": organisations[spec.organisation],
            },
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save(update_fields=["password"])
            user.teams.set(Team.objects.filter(name__in=spec.teams))
            RoleGrant.objects.bulk_create([RoleGrant(user=user, role=r) for r in spec.roles])
        if not TOTPDevice.objects.filter(user=user, confirmed=True).exists():
            TOTPDevice.objects.create(user=user, name="demo authenticator", confirmed=True)
    _load_demo_partners()
    _load_demo_youths()
    _load_demo_training()
    _load_demo_registry_source()
    _load_demo_registry_history()
    return list(USERS)


def _load_demo_training() -> None:
    """The designated officer and the behavioural scientist did the mandatory modules two months
    ago; the youth worker has not started, so the dashboard shows trained and untrained staff."""
    from datetime import timedelta

    from django.utils import timezone

    from baken.learning.catalogue import all_modules
    from baken.learning.models import Moment, QuizAttempt, SelfAssessment

    if QuizAttempt.objects.exists():
        return
    done_at = timezone.now() - timedelta(days=60)
    for username, before, after in (("officer", (5, 4), (8, 8)), ("scientist", (6, 5), (8, 7))):
        user = User.objects.get(username=username)
        for module in all_modules():
            if not module.mandatory_for_new_staff:
                continue
            SelfAssessment.objects.create(
                user=user,
                module=module.slug,
                moment=Moment.BEFORE,
                recognising=before[0],
                acting=before[1],
                recorded_at=done_at - timedelta(hours=1),
            )
            right = {q.id: next(o.id for o in q.options if o.correct) for q in module.questions}
            QuizAttempt.objects.create(
                user=user,
                module=module.slug,
                module_version=module.version,
                answers=right,
                correct=len(right),
                total=len(right),
                passed=True,
                submitted_at=done_at,
            )
            SelfAssessment.objects.create(
                user=user,
                module=module.slug,
                moment=Moment.AFTER,
                recognising=after[0],
                acting=after[1],
                recorded_at=done_at,
            )
    SelfAssessment.objects.create(
        user=User.objects.get(username="worker"),
        module="sexual-exploitation",
        moment=Moment.BEFORE,
        recognising=4,
        acting=4,
    )


def _load_demo_registry_source() -> None:
    """The demo institution's source at the demo registry, with the demo token (through the
    registry's command: the demo crosses the boundary as an operator would)."""
    token = settings.BAKEN_REGISTRY_TOKEN
    if not token:
        return
    with tempfile.TemporaryDirectory() as folder:
        token_file = Path(folder) / "token"
        token_file.write_text(token, encoding="utf-8")
        try:
            call_command(
                "registry_source",
                "add",
                "Jeugdzorg De Linde (fictief)",
                kind="youth_care",
                token_file=token_file,
            )
        except CommandError:  # it exists already
            return


def _load_demo_partners() -> None:
    """Fictional contacts (marked as demo) for the regions of the demo institutions, and demo
    shelter regions, which the shipped municipality data does not have."""
    from baken.partners.models import Partner, PartnerKind

    if Partner.objects.exists():
        return
    for code, city in (("GM0344", "Utrecht"), ("GM0599", "Rotterdam"), ("GM0363", "Amsterdam")):
        municipality = Region.objects.get(division=Division.MUNICIPALITY, code=code)
        shelter, _ = Region.objects.get_or_create(
            division=Division.SHELTER,
            code=f"DEMO-{code}",
            defaults={"name": f"Centrumgemeente {city} (demo)"},
        )
        municipality.containing_regions.add(shelter)
        regions = {r.division: r for r in municipality.containing_regions.all()}
        entries = [
            (PartnerKind.CARE_COORDINATOR, f"Zorgcoördinatie mensenhandel {city} (demo)", shelter),
            (
                PartnerKind.VEILIG_THUIS,
                f"Veilig Thuis {regions[Division.VEILIG_THUIS].name}",
                regions[Division.VEILIG_THUIS],
            ),
            (
                PartnerKind.POLICE,
                f"Politie {regions[Division.POLICE_UNIT].name}, team mensenhandel (demo)",
                regions[Division.POLICE_UNIT],
            ),
            (
                PartnerKind.VEILIGHEIDSHUIS,
                f"Veiligheidshuis {regions[Division.SAFETY_REGION].name} (demo)",
                regions[Division.SAFETY_REGION],
            ),
            (PartnerKind.MUNICIPALITY, f"Gemeente {city}, team jeugd (demo)", municipality),
        ]
        for number, (kind, name, region) in enumerate(entries):
            Partner.objects.create(
                kind=kind,
                name=name,
                region=region,
                phone="0800-2000"
                if kind == PartnerKind.VEILIG_THUIS
                else f"030-000 00{number:02d}",
                email=f"{kind}@{city.lower()}.demo.baken.invalid",
                working_agreements="Fictief demo-contact."
                if kind != PartnerKind.VEILIG_THUIS
                else "Landelijk nummer; vraag naar het team van de regio.",
                is_demo=kind != PartnerKind.VEILIG_THUIS,
            )
    Partner.objects.create(
        kind=PartnerKind.REGISTRY,
        name="Landelijk registratiecentrum (demo)",
        phone="030-000 0099",
        email="registratie@demo.baken.invalid",
        working_agreements="Registreren via Baken (registratie) of telefonisch advies.",
        is_demo=True,
    )


@dataclass(frozen=True)
class DemoSignal:
    days_ago: int
    context: str
    source: str
    concern: str
    indicators: tuple[str, ...]
    note: str


@dataclass(frozen=True)
class DemoYouth:
    given_names: str
    family_name: str
    born: str
    sex: str
    nationality: str
    country_of_birth: str
    municipality: str
    team: str
    care_form: str
    risk_factors: tuple[str, ...]
    signals: tuple[DemoSignal, ...]
    consultation: str = ""  # "", "open" or "concluded"
    screening: tuple[tuple[int, tuple[str, ...]], ...] = ()  # (days ago, questions answered yes)
    meldcode_report_days_ago: int = 0  # a report to Veilig Thuis made this long ago, no feedback
    # Parents in the file: (name, relationship, has parental authority).
    guardians: tuple[tuple[str, str, bool], ...] = ()


YOUTHS = (
    DemoYouth(
        "Lisa",
        "de Boer",
        "2010-04-12",
        "female",
        "Nederlandse",
        "Nederland",
        "GM0344",
        "Woongroep De Boog",
        "residential",
        ("lvb", "missing-episodes"),
        (
            DemoSignal(
                40,
                "living_group",
                "seen",
                "low",
                (),
                "Niet pluis: ze is stiller dan normaal en zit veel op haar telefoon.",
            ),
            DemoSignal(
                21,
                "living_group",
                "seen",
                "medium",
                ("g-phones", "g-money-goods"),
                "Tweede telefoon gevonden, nieuwe merkkleding.",
            ),
            DemoSignal(
                9,
                "outside",
                "third_party",
                "high",
                ("s-older-boyfriend", "s-picked-up"),
                "Buurvrouw zag haar instappen bij een oudere man in een witte auto.",
            ),
        ),
        "concluded",
        ((110, ("rf-lvb", "ge-money")),),
    ),
    DemoYouth(
        "Sem",
        "Jansen",
        "2008-09-30",
        "male",
        "Nederlandse",
        "Nederland",
        "GM0344",
        "Woongroep De Boog",
        "residential",
        ("school-dropout", "debts"),
        (
            DemoSignal(
                30,
                "school",
                "third_party",
                "medium",
                ("g-truancy",),
                "School meldt verzuim op vrijdagen.",
            ),
            DemoSignal(
                12,
                "living_group",
                "youth_told",
                "high",
                ("c-bank-card-lent", "c-drugs-running"),
                "Vertelde dat hij zijn pas heeft uitgeleend en 'pakketjes' wegbrengt.",
            ),
        ),
        "open",
        meldcode_report_days_ago=14,
    ),
    DemoYouth(
        "Ioana",
        "Popescu",
        "2009-01-22",
        "female",
        "Roemeense",
        "Roemenië",
        "GM0363",
        "Ambulant Team Oost",
        "ambulant",
        ("no-residence-status",),
        (
            DemoSignal(
                15,
                "therapy",
                "youth_told",
                "high",
                ("l-long-days", "l-no-pay", "x-no-documents"),
                "Werkt elke dag in een nagelsalon van een 'tante', krijgt geen loon.",
            ),
        ),
    ),
    DemoYouth(
        "Daan",
        "Visser",
        "2007-06-03",
        "male",
        "Nederlandse",
        "Nederland",
        "GM0344",
        "Ambulant Team Oost",
        "ambulant",
        ("low-self-esteem",),
        (
            DemoSignal(
                6,
                "online",
                "youth_told",
                "high",
                ("f-sextortion",),
                "Wordt afgeperst met een filmpje na een online contact; moet 300 euro betalen.",
            ),
        ),
    ),
    DemoYouth(
        "Precious",
        "Okafor",
        "2008-11-14",
        "female",
        "Nigeriaanse",
        "Nigeria",
        "GM0599",
        "Gesloten Jeugdzorg Zuid",
        "secure",
        ("no-residence-status", "trauma"),
        (
            DemoSignal(
                25,
                "intake",
                "youth_told",
                "high",
                ("x-travel-debt", "x-rituals"),
                "Spreekt over een schuld aan 'madam' en is bang voor een eed.",
            ),
        ),
        "open",
        ((20, ("sx-travel-debt", "sx-ritual", "rf-status")),),
    ),
    # 14 years old, two parents with parental authority and a stepfather without: the officer
    # has the question whether to register open, to try consent by the youth and both parents.
    DemoYouth(
        "Yara",
        "El Idrissi",
        "2012-03-08",
        "female",
        "Nederlandse",
        "Nederland",
        "GM0344",
        "Woongroep De Boog",
        "residential",
        ("missing-episodes",),
        (
            DemoSignal(
                10,
                "online",
                "youth_told",
                "high",
                ("s-older-boyfriend", "g-money-goods"),
                "Vertelt over een 'vriend' van 22 die haar cadeaus geeft en foto's vraagt.",
            ),
        ),
        guardians=(
            ("Samira El Idrissi", "moeder", True),
            ("Karim El Idrissi", "vader", True),
            ("Johan Smit", "stiefvader", False),
        ),
    ),
)


def _demo_meldcode(youth: "Youth", worker: User, days_ago: int) -> None:
    """A trajectory that ended in a report to Veilig Thuis without feedback: it shows as stalled."""
    from datetime import timedelta

    from django.utils import timezone

    from baken.meldcode.services import ReportDetails, decide, record_step, start_trajectory
    from baken.partners.models import Partner, PartnerKind

    trajectory = start_trajectory(youth=youth, by=worker, request=None)
    record_step(
        trajectory=trajectory, by=worker, request=None, step=1, done="Signalen uit het log."
    )
    record_step(
        trajectory=trajectory,
        by=worker,
        request=None,
        step=2,
        done="Besproken met de aandachtfunctionaris.",
        details={"consulted": ["colleague"]},
    )
    record_step(
        trajectory=trajectory,
        by=worker,
        request=None,
        step=3,
        done="Gesprek met Sem en moeder.",
        details={"talked_youth": True, "talked_parents": True},
    )
    record_step(trajectory=trajectory, by=worker, request=None, step=4, done="Risico hoog.")
    reported_on = timezone.localdate() - timedelta(days=days_ago)
    decide(
        trajectory=trajectory,
        by=worker,
        request=None,
        done="Structurele onveiligheid: melden.",
        framework={"suspicion": True, "unsafe": True, "can_help": None, "help_accepted": None},
        report=ReportDetails(
            to="veilig_thuis",
            partner=Partner.objects.filter(
                kind=PartnerKind.VEILIG_THUIS,
                region__contained_regions=youth.municipality,
            ).first(),
            reported_on=reported_on,
            what="Vermoeden van criminele uitbuiting (drugs vervoeren, bankpas uitgeleend).",
            contact_person="Demo-medewerker VT",
            reference="VT-DEMO-001",
            youth_informed="yes",
            parents_informed="yes",
            reactions="Sem ontkent; moeder opgelucht.",
            follow_up="VT koppelt binnen 10 dagen terug.",
        ),
    )


DEMO_WRITTEN_IN = 2026  # the birth dates below give the demo's ages in this year


def born_for_demo(born: str, today: date) -> date:
    """A demo youth's birth date moved by whole years, so the ages stay those the demo was
    written for (Yara stays 14, between 12 and 16, where youth and parents both consent)."""
    day = date.fromisoformat(born)
    years = today.year - DEMO_WRITTEN_IN
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def _load_demo_youths() -> None:
    from datetime import timedelta

    from django.utils import timezone

    from baken.cases.models import RiskFactor, Youth
    from baken.cases.services import add_guardian, open_case_file
    from baken.screening.models import Screening
    from baken.screening.services import save_answers, start_screening
    from baken.signalling.models import Indicator, Signal
    from baken.signalling.services import (
        conclude_consultation,
        record_signal,
        request_consultation,
    )

    if Youth.objects.exists():
        return
    today = timezone.localdate()
    for spec in YOUTHS:
        team = Team.objects.get(name=spec.team)
        organisation = team.organisation
        worker = User.objects.filter(
            organisation=organisation, role_grants__role=Role.YOUTH_WORKER
        ).first()
        officer = User.objects.filter(
            organisation=organisation, role_grants__role=Role.DESIGNATED_OFFICER
        ).first()
        if worker is None or officer is None:
            continue
        youth = open_case_file(
            by=worker,
            request=None,
            given_names=spec.given_names,
            family_name=spec.family_name,
            date_of_birth=born_for_demo(spec.born, today),
            sex=spec.sex,
            nationality=spec.nationality,
            country_of_birth=spec.country_of_birth,
            municipality=Region.objects.get(division=Division.MUNICIPALITY, code=spec.municipality),
            care_form=spec.care_form,
            care_start=today - timedelta(days=120),
            teams=[team],
            risk_factors=list(RiskFactor.objects.filter(code__in=spec.risk_factors)),
        )
        for name, relationship, authority in spec.guardians:
            add_guardian(
                youth=youth,
                by=worker,
                request=None,
                name=name,
                relationship=relationship,
                has_parental_authority=authority,
                phone="",
                email="",
            )
        for item in spec.signals:
            signal = record_signal(
                youth=youth,
                by=worker,
                request=None,
                observed_on=today - timedelta(days=item.days_ago),
                context=item.context,
                source=item.source,
                concern=item.concern,
                indicators=list(
                    Indicator.objects.filter(catalogue__is_current=True, code__in=item.indicators)
                ),
                note=item.note,
            )
            Signal.objects.filter(pk=signal.pk).update(
                recorded_at=timezone.now() - timedelta(days=item.days_ago)
            )
        for days_ago, yes in spec.screening:
            screening = start_screening(youth=youth, by=worker, request=None, reason="intake")
            save_answers(
                screening=screening,
                by=worker,
                request=None,
                answers={
                    **{
                        question["code"]: "no"
                        for section in screening.instrument.sections()
                        for question in section["questions"]
                    },
                    **dict.fromkeys(yes, "yes"),
                },
                complete=True,
            )
            moment = timezone.now() - timedelta(days=days_ago)
            Screening.objects.filter(pk=screening.pk).update(
                started_at=moment, completed_at=moment, prefilled={}
            )
        if spec.meldcode_report_days_ago:
            _demo_meldcode(youth, worker, spec.meldcode_report_days_ago)
        if spec.consultation:
            consultation = request_consultation(
                youth=youth,
                by=worker,
                request=None,
                addressed_to=officer,
                question="Ik maak me zorgen na de laatste signalen. Kunnen we dit bespreken?",
            )
            if spec.consultation == "concluded":
                conclude_consultation(
                    consultation=consultation,
                    by=officer,
                    request=None,
                    participants=[worker],
                    external_participants="",
                    conclusion="Patroon past bij seksuele uitbuiting (loverboy). Risicotaxatie "
                    "doen en de zorgcoördinator mensenhandel anoniem raadplegen.",
                    next_step="screen",
                )
    _demo_registrations()


def _demo_registrations() -> None:
    """Each route of a registration, as the registrar would take it (docs/registration.md):
    Ioana consented herself (route a); Sem's meldcode report confirmed the suspicion and the
    statistics exception was confirmed by the designated officer (route b); Daan objected, so
    only an untraceable count goes (route c); Yara (14) has the question still open, with both
    parents with parental authority in the file; Lisa's suspicion was confirmed and the
    exception proposed, waiting for the officer."""
    from django.utils import timezone

    from baken.cases.models import Youth
    from baken.registration import services as registration
    from baken.registration.models import RegistrationTask
    from baken.registration.services import Answer, Content
    from baken.signalling.services import conclude_consultation, request_consultation

    officer = User.objects.get(username="officer")
    worker = User.objects.get(username="worker")
    today = timezone.localdate()

    def youth(given_names: str) -> Youth:
        return next(y for y in Youth.objects.all() if y.given_names == given_names)

    def task_for(who: Youth) -> RegistrationTask | None:
        """The designated officer confirms the suspicion in a consultation: the question
        whether to register goes on the list (unless the youth is registered already)."""
        open_task = who.registration_tasks.filter(status="open").first()
        if open_task is not None:
            return open_task
        consultation = request_consultation(
            youth=who,
            by=worker,
            request=None,
            addressed_to=officer,
            question="Is dit een vermoeden van mensenhandel?",
        )
        conclude_consultation(
            consultation=consultation,
            by=officer,
            request=None,
            participants=[worker],
            external_participants="",
            conclusion="Vermoeden van mensenhandel bevestigd.",
            next_step="monitor",
            suspicion_confirmed=True,
        )
        return who.registration_tasks.filter(status="open").first()

    if settings.BAKEN_PSEUDONYM_KEY:
        ioana = youth("Ioana")
        task = task_for(ioana)
        if task is not None:
            registration.record_consent(
                task=task,
                by=officer,
                request=None,
                answers=[Answer("youth", "given", today)],
                content=Content(forms=["labour"], sector="nagelsalon", cross_border=True),
            )
        task = task_for(youth("Sem"))  # open since the meldcode's decision to report
        if task is not None:
            proposal = registration.propose_statistics_exception(
                task=task,
                by=officer,
                request=None,
                reason_kind="harm",
                reason="Sem is na de melding in crisis; de gedragswetenschapper raadt af hem nu "
                "om toestemming te vragen. Moeder is niet bereikbaar.",
                content=Content(forms=["criminal"], cross_border=False),
            )
            registration.confirm_statistics_exception(disclosure=proposal, by=officer, request=None)
        lisa = youth("Lisa")
        task = task_for(lisa)
        if task is not None:
            registration.propose_statistics_exception(
                task=task,
                by=officer,
                request=None,
                reason_kind="not_reasonably_possible",
                reason="Lisa is weggelopen en niet bereikbaar; de ouders zijn nog niet gesproken.",
                content=Content(forms=["sexual-domestic"]),
            )
    daan = youth("Daan")
    task = task_for(daan)
    if task is not None:
        registration.record_objection(
            youth=daan,
            by=officer,
            request=None,
            role="youth",
            guardian=None,
            objected_on=today,
            note="Daan wil niet geregistreerd worden.",
            task=task,
            forms=["financial"],
        )
    task_for(youth("Yara"))


DEMO_SOURCE_KINDS = (
    ("Politie Midden-Nederland", "police", 0.33),
    ("Zorgcoördinatie Utrecht", "care_coordinator", 0.27),
    ("Nederlandse Arbeidsinspectie", "labour_inspectorate", 0.12),
    ("Koninklijke Marechaussee", "kmar", 0.07),
    ("FairWork", "other", 0.12),
    ("Opvang Utrecht", "shelter", 0.05),
    ("Jeugdzorg Horizon", "youth_care", 0.04),
)
DEMO_FORMS = {
    "NL": ["sexual-domestic", "criminal", "financial"],
    "NG": ["sexual-cross-border"],
    "RO": ["labour", "sexual-cross-border"],
    "BG": ["labour", "sexual-cross-border"],
    "PL": ["labour"],
    "HU": ["labour", "sexual-cross-border"],
    "VN": ["labour", "criminal"],
    "ER": ["labour"],
    "MA": ["criminal", "sexual-domestic"],
    "UA": ["labour", "sexual-cross-border"],
}


def _registry_has_source(name: str) -> bool:
    listing = io.StringIO()
    call_command("registry_source", "list", stdout=listing)
    return any(line.split("\t")[0] == name for line in listing.getvalue().splitlines())


def _load_demo_registry_history() -> None:
    """Five years of fictional registrations from several sources (synthetic people with the
    usual errors, pseudonymised as a source would), linked into persons and counted, so that the
    registry's statistics and estimates have something to show. Made as sources and the registry
    would: `baken synthetic_registrations`, `baken pseudonymise`, `baken import_registrations`
    per source, `baken link --rebuild`."""
    if _registry_has_source(DEMO_SOURCE_KINDS[0][0]):
        return
    quiet = io.StringIO()
    rng = random.Random(2026)  # noqa: S311 - demo data
    regions = [f"RE{n:02d}" for n in range(1, 11)]
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        call_command(
            "synthetic_registrations",
            records=1800,
            seed=2026,
            output=folder / "people.csv",
            truth=folder / "truth.csv",
            stdout=quiet,
        )
        (folder / "key").write_text(settings.BAKEN_PSEUDONYM_KEY, encoding="utf-8")
        call_command(
            "pseudonymise",
            key_file=folder / "key",
            key_version="demo",
            input=folder / "people.csv",
            output=folder / "pseudonymised.csv",
            stdout=quiet,
        )
        with (folder / "truth.csv").open(encoding="utf-8", newline="") as truth:
            person_of = {row["record_id"]: row["person_id"] for row in csv.DictReader(truth)}
        with (folder / "pseudonymised.csv").open(encoding="utf-8", newline="") as pseudonymised:
            reader = csv.DictReader(pseudonymised)
            columns = [*(reader.fieldnames or []), *REGISTRATION_COLUMNS]
            rows_per_source: dict[str, list[dict[str, str]]] = {}
            first_reported: dict[str, date] = {}
            for row in reader:
                first = first_reported.setdefault(
                    person_of[row["record_id"]],
                    date(2022, 1, 1) + timedelta(days=rng.randrange(5 * 365 - 60)),
                )
                reported = min(first + timedelta(days=rng.randrange(0, 200)), date(2026, 11, 1))
                source = rng.choices(DEMO_SOURCE_KINDS, [w for *_x, w in DEMO_SOURCE_KINDS])[0]
                origin = row["country_of_birth"]
                birth_year = int(row["birth_year"]) if row["birth_year"] else None
                minor = (reported.year - birth_year) < 18 if birth_year else None
                rows_per_source.setdefault(source[0], []).append(
                    {
                        **row,
                        "forms": rng.choice(DEMO_FORMS[origin]),
                        "cross_border": "no" if origin == "NL" else "yes",
                        "minor": "" if minor is None else ("yes" if minor else "no"),
                        "reported_on": reported.isoformat(),
                        "reporter_region": rng.choice(regions),
                    }
                )
        for source_name, kind, _weight in DEMO_SOURCE_KINDS:
            call_command("registry_source", "add", source_name, kind=kind, stdout=quiet)
            upload = folder / "upload.csv"
            with upload.open("w", encoding="utf-8", newline="") as target:
                writer = csv.DictWriter(target, fieldnames=columns, extrasaction="ignore")
                writer.writeheader()
                writer.writerows(rows_per_source.get(source_name, []))
            call_command("import_registrations", upload, source=source_name, stdout=quiet)
    call_command("link", rebuild=True, stdout=quiet, stderr=quiet)


REGISTRATION_COLUMNS = ("forms", "cross_border", "minor", "reported_on", "reporter_region")
