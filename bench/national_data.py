"""A national dataset for bench/institution_load.py, built through the models.

Many institutions on one deployment: per organisation teams of about 50 youths, two youth workers
per team, designated officers, a behavioural scientist, a manager, a privacy officer and a
functional administrator, each with a confirmed TOTP device; youths with the signal log, daily
reports, consultations, screenings, screening events, meldcode trajectories with their steps,
reports and case conferences, registration tasks and outbound registrations, break-the-glass
accesses, training records; and the audit log with one entry per created object and one read per
signal, chained like the real one.

Rows are bulk-created through the models (services would take hours at this size), so the
encryption of identifying fields is the real Fernet encryption and the blind index holds the real
HMAC digests. Deterministic for a seed, except the random pseudonyms and TOTP keys.

Runs inside Django (DATABASE_URL set by the caller)."""

import random
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.db import connection, transaction
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

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
from baken.audit.chain import GENESIS_HASH, digest_entry, sign_head
from baken.audit.models import AuditChainHead, AuditEntry
from baken.audit.services import CHAINED_FIELDS, _as_head, _chain_fields
from baken.cases.models import EmergencyAccess, Guardian, RiskFactor, Youth, YouthNameDigest
from baken.cases.name_search import index_digests
from baken.learning.catalogue import all_modules
from baken.learning.models import Moment, QuizAttempt, SelfAssessment
from baken.meldcode.models import (
    CaseConference,
    ConferenceAction,
    MeldcodePolicy,
    Report,
    StepRecord,
    Trajectory,
)
from baken.partners.models import Partner, PartnerKind
from baken.registration.models import (
    DeliveryStatus,
    Disclosure,
    OutboundRegistration,
    RegistrationPolicy,
    RegistrationTask,
    TaskStatus,
)
from baken.registry.synthetic import make_people
from baken.screening.models import (
    Instrument,
    Screening,
    ScreeningEvent,
    ScreeningPolicy,
    ScreeningStatus,
)
from baken.screening.scoring import needs_next_step, score_screening
from baken.signalling.models import (
    Consultation,
    DailyReport,
    Indicator,
    IndicatorKind,
    Signal,
)

PASSWORD = "bench-password-2026"  # noqa: S105 - benchmark accounts on a local database
YOUTHS_PER_TEAM = 50
BATCH = 2000
NATIONALITY_WORDS = {
    "NL": ("Nederlandse", "Nederland"),
    "NG": ("Nigeriaanse", "Nigeria"),
    "RO": ("Roemeense", "Roemenië"),
    "BG": ("Bulgaarse", "Bulgarije"),
    "PL": ("Poolse", "Polen"),
    "HU": ("Hongaarse", "Hongarije"),
    "VN": ("Vietnamese", "Vietnam"),
    "ER": ("Eritrese", "Eritrea"),
    "MA": ("Marokkaanse", "Marokko"),
    "UA": ("Oekraïense", "Oekraïne"),
}
NOTES = (
    "Zat de hele avond op een tweede telefoon en wilde niet zeggen met wie.",
    "Kwam laat terug op de groep met nieuwe kleding en geld.",
    "Wordt opgehaald door een oudere jongen in een auto.",
    "Vertelt over een schuld die ze moet afbetalen.",
    "Verzuimt school op vaste dagen; zegt dat hij moet werken.",
    "Niet pluis: stiller dan anders, schrikt van haar telefoon.",
    "Heeft zijn bankpas uitgeleend aan een kennis.",
    "Online contact dat om foto's vraagt.",
)
DAILY = (
    "Rustige dag op de groep. Naar school geweest, 's avonds gekookt met de groep.",
    "Was onrustig na telefoontje; wilde niet praten. Op tijd naar bed.",
    "Afspraak met mentor nagekomen. Goed contact met groepsgenoten.",
)


@dataclass
class AuditRow:
    """One audit entry to be chained after everything is made."""

    at: datetime
    event: str
    user: User
    role: str
    object_type: str
    object_id: int
    pseudonym: str


@dataclass
class Built:
    organisations: int = 0
    users: int = 0
    youths: int = 0
    counts: dict[str, int] = field(default_factory=dict)

    def add(self, name: str, n: int) -> None:
        self.counts[name] = self.counts.get(name, 0) + n


def _moment(day: date, rng: random.Random) -> datetime:
    return datetime.combine(day, time(8 + rng.randrange(12), rng.randrange(60)), tzinfo=UTC)


def _bulk(model: Any, rows: list[Any]) -> list[Any]:
    return list(model.objects.bulk_create(rows, batch_size=BATCH))


def _regions_for(code: str) -> list[Region]:
    municipality = Region.objects.get(division=Division.MUNICIPALITY, code=code)
    return [municipality, *municipality.containing_regions.exclude(division=Division.PROVINCE)]


def _screening_templates(instrument: Instrument, rng: random.Random) -> list[dict[str, Any]]:
    """A handful of realistic answer sets, each scored once with the real scoring."""
    codes = [q["code"] for s in instrument.sections() for q in s["questions"]]
    templates = []
    for yes_count in (0, 0, 0, 1, 1, 2, 3, 5, 8):
        answers = dict.fromkeys(codes, "no")
        for code in rng.sample(codes, yes_count):
            answers[code] = "yes"
        result = score_screening(instrument.definition, answers, recorded_indicators=frozenset())
        templates.append(
            {"answers": answers, "result": result.to_dict(), "overall": result.overall}
        )
    return templates


def build(*, organisations: int, youths_per_org: int, seed: int, log: Any) -> Built:
    rng = random.Random(seed)
    today = timezone.localdate()
    built = Built()
    password = make_password(PASSWORD)
    indicators = list(
        Indicator.objects.filter(catalogue__is_current=True, kind=IndicatorKind.SIGNAL).order_by(
            "pk"
        )
    )
    general = list(
        Indicator.objects.filter(catalogue__is_current=True).exclude(kind=IndicatorKind.SIGNAL)
    )
    risk_factors = list(RiskFactor.objects.all())
    instrument = Instrument.objects.order_by("-published_on")[0]
    templates = _screening_templates(instrument, rng)
    blind_key = settings.BLIND_INDEX_KEY.encode("utf-8")
    municipalities = list(
        Region.objects.filter(division=Division.MUNICIPALITY)
        .order_by("code")
        .values_list("code", flat=True)
    )
    step = max(1, len(municipalities) // max(1, organisations))
    modules = [m for m in all_modules() if m.mandatory_for_new_staff]
    audit: list[AuditRow] = []
    for number in range(1, organisations + 1):
        with transaction.atomic():
            _build_organisation(
                number=number,
                youths=youths_per_org,
                municipality=municipalities[((number - 1) * step) % len(municipalities)],
                rng=rng,
                today=today,
                password=password,
                indicators=indicators,
                general=general,
                risk_factors=risk_factors,
                instrument=instrument,
                templates=templates,
                blind_key=blind_key,
                modules=modules,
                audit=audit,
                built=built,
            )
        log(f"organisation {number}/{organisations}: {built.counts}")
    _chain_audit(audit, built)
    log(f"audit log: {built.counts['audit entries']} entries")
    return built


def _build_organisation(
    *,
    number: int,
    youths: int,
    municipality: str,
    rng: random.Random,
    today: date,
    password: str,
    indicators: list[Indicator],
    general: list[Indicator],
    risk_factors: list[RiskFactor],
    instrument: Instrument,
    templates: list[dict[str, Any]],
    blind_key: bytes,
    modules: list[Any],
    audit: list[AuditRow],
    built: Built,
) -> None:
    prefix = f"o{number:02d}"
    organisation = Organisation.objects.create(
        name=f"Jeugdzorg Bench {number:02d} (fictief)", kind=OrganisationKind.INSTITUTION
    )
    regions = _regions_for(municipality)
    organisation.regions.set(regions)
    ScreeningPolicy.objects.create(organisation=organisation, instrument=instrument)
    MeldcodePolicy.objects.create(organisation=organisation)
    RegistrationPolicy.objects.create(organisation=organisation)
    _partners(organisation, regions, built)
    team_count = max(1, youths // YOUTHS_PER_TEAM)
    teams = _bulk(
        Team, [Team(organisation=organisation, name=f"Team {t + 1:02d}") for t in range(team_count)]
    )

    def user(name: str, role: str) -> User:
        return User(
            username=f"{prefix}.{name}",
            password=password,
            first_name=name.split("-")[0].title(),
            last_name=f"Bench {number:02d}",
            email=f"{prefix}.{name}@bench.baken.invalid",
            organisation=organisation,
        )

    specs: list[tuple[User, str, list[Team]]] = []
    for t, team in enumerate(teams):
        for w in range(2):
            specs.append((user(f"worker-{t + 1:02d}{'ab'[w]}", Role.YOUTH_WORKER), "w", [team]))
    for name, role in (
        ("officer-1", Role.DESIGNATED_OFFICER),
        ("officer-2", Role.DESIGNATED_OFFICER),
        ("scientist", Role.BEHAVIOURAL_SCIENTIST),
        ("manager", Role.MANAGER),
        ("privacy", Role.PRIVACY_OFFICER),
        ("admin", Role.FUNCTIONAL_ADMIN),
    ):
        specs.append((user(name, role), role, []))
    users = _bulk(User, [s[0] for s in specs])
    roles = {
        u.pk: (Role.YOUTH_WORKER if s[1] == "w" else s[1])
        for u, s in zip(users, specs, strict=True)
    }
    _bulk(RoleGrant, [RoleGrant(user=u, role=roles[u.pk]) for u in users])
    _bulk(
        User.teams.through,
        [
            User.teams.through(user_id=u.pk, team_id=t.pk)
            for u, s in zip(users, specs, strict=True)
            for t in s[2]
        ],
    )
    _bulk(
        TOTPDevice, [TOTPDevice(user=u, name="bench authenticator", confirmed=True) for u in users]
    )
    built.users += len(users)
    workers_by_team = {t.pk: [] for t in teams}
    for u, s in zip(users, specs, strict=True):
        for t in s[2]:
            workers_by_team[t.pk].append(u)
    officers = [u for u in users if roles[u.pk] == Role.DESIGNATED_OFFICER]
    scientist = next(u for u in users if roles[u.pk] == Role.BEHAVIOURAL_SCIENTIST)
    workers = [u for u in users if roles[u.pk] == Role.YOUTH_WORKER]

    # Youths: about four in five still in care.
    people = make_people(youths, rng, today=today)
    youth_rows = []
    for person in people:
        start = today - timedelta(days=rng.randrange(30, 4 * 365))
        end = None
        if rng.random() < 0.2:
            end = start + timedelta(days=rng.randrange(60, max(61, (today - start).days)))
            end = min(end, today - timedelta(days=1))
        nationality, country = NATIONALITY_WORDS[person.nationality]
        age = rng.randrange(12, 18)
        youth_rows.append(
            Youth(
                organisation=organisation,
                given_names=person.given_name,
                family_name=person.surname,
                date_of_birth=today - timedelta(days=age * 365 + rng.randrange(365)),
                sex=person.sex,
                nationality=nationality,
                country_of_birth=country,
                municipality=regions[0],
                care_form=rng.choice(
                    ["residential", "residential", "ambulant", "secure", "foster"]
                ),
                care_start=start,
                care_end=end if end and end >= start else None,
                created_by=workers[0],
            )
        )
    made = _bulk(Youth, youth_rows)
    built.youths += len(made)
    built.add("youths", len(made))
    team_of = {y.pk: teams[i % len(teams)] for i, y in enumerate(made)}
    links = [Youth.teams.through(youth_id=y.pk, team_id=team_of[y.pk].pk) for y in made]
    links += [
        Youth.teams.through(youth_id=y.pk, team_id=teams[(i + 1) % len(teams)].pk)
        for i, y in enumerate(made)
        if len(teams) > 1 and rng.random() < 0.1
    ]
    _bulk(Youth.teams.through, links)
    _bulk(
        Youth.risk_factors.through,
        [
            Youth.risk_factors.through(youth_id=y.pk, riskfactor_id=r.pk)
            for y in made
            for r in rng.sample(risk_factors, rng.randrange(0, 4))
        ],
    )
    _bulk(
        YouthNameDigest,
        [
            YouthNameDigest(youth=y, digest=d)
            for y in made
            for d in index_digests(key=blind_key, names=[y.given_names, y.family_name])
        ],
    )
    built.add(
        "guardians",
        len(
            _bulk(
                Guardian,
                [
                    Guardian(
                        youth=y,
                        name=f"Ouder van {y.given_names}",
                        relationship="moeder" if rng.random() < 0.6 else "vader",
                        phone=f"06-{rng.randrange(10**7, 10**8)}",
                        email=f"ouder{y.pk}@example.invalid",
                    )
                    for y in made
                    if rng.random() < 0.8
                ],
            )
        ),
    )
    for y in made:
        worker = rng.choice(workers_by_team[team_of[y.pk].pk])
        audit.append(
            AuditRow(
                _moment(y.care_start, rng),
                "create",
                worker,
                Role.YOUTH_WORKER,
                "youth",
                y.pk,
                y.pseudonym,
            )
        )

    # Signals, daily reports, screening events: spread over each youth's time in care, busier
    # for youths with more concern.
    signals: list[Signal] = []
    signal_indicators: list[list[Indicator]] = []
    reports: list[DailyReport] = []
    events: list[ScreeningEvent] = []
    for y in made:
        worker = workers_by_team[team_of[y.pk].pk]
        last = y.care_end or today
        span = max(1, (last - y.care_start).days)
        for _ in range(round(rng.expovariate(1 / 9.5))):
            observed = y.care_start + timedelta(days=rng.randrange(span + 1))
            chosen = rng.sample(indicators, rng.choice([0, 1, 1, 2, 2, 3]))
            if chosen and rng.random() < 0.3:
                chosen.append(rng.choice(general))
            signals.append(
                Signal(
                    youth=y,
                    recorded_by=rng.choice(worker),
                    recorded_at=_moment(observed, rng),
                    observed_on=observed,
                    context=rng.choice(["living_group", "school", "leave", "online", "outside"]),
                    source=rng.choice(["seen", "youth_told", "third_party", "online"]),
                    concern=rng.choices(["low", "medium", "high"], [4, 4, 2])[0],
                    note=rng.choice(NOTES),
                    is_gut_feeling=not chosen,
                )
            )
            signal_indicators.append(chosen)
        for _ in range(round(rng.expovariate(1 / 3))):
            day = y.care_start + timedelta(days=rng.randrange(span + 1))
            reports.append(
                DailyReport(
                    youth=y,
                    author=rng.choice(worker),
                    report_date=day,
                    text=rng.choice(DAILY),
                    safety_note="Geen bijzonderheden." if rng.random() < 0.7 else None,
                    created_at=_moment(day, rng),
                )
            )
        if rng.random() < 0.3:
            day = y.care_start + timedelta(days=rng.randrange(span + 1))
            events.append(
                ScreeningEvent(
                    youth=y,
                    kind=rng.choice(["missing_return", "suspicious_contact", "placement_change"]),
                    occurred_on=day,
                    note="Terug na vermissing." if rng.random() < 0.5 else None,
                    recorded_by=rng.choice(worker),
                    recorded_at=_moment(day, rng),
                )
            )
    signals = _bulk(Signal, signals)
    _bulk(
        Signal.indicators.through,
        [
            Signal.indicators.through(signal_id=s.pk, indicator_id=i.pk)
            for s, chosen in zip(signals, signal_indicators, strict=True)
            for i in chosen
        ],
    )
    built.add("signals", len(signals))
    built.add("daily reports", len(_bulk(DailyReport, reports)))
    built.add("screening events", len(_bulk(ScreeningEvent, events)))
    pseudonyms = {y.pk: y.pseudonym for y in made}
    for s in signals:
        audit.append(
            AuditRow(
                s.recorded_at,
                "create",
                s.recorded_by,
                Role.YOUTH_WORKER,
                "signal",
                s.pk,
                pseudonyms[s.youth_id],
            )
        )
        reader = rng.choice(officers)
        audit.append(
            AuditRow(
                s.recorded_at + timedelta(hours=rng.randrange(1, 48)),
                "read",
                reader,
                Role.DESIGNATED_OFFICER,
                "youth",
                s.youth_id,
                pseudonyms[s.youth_id],
            )
        )

    # Consultations: one in four youths; a few still open.
    consultations = []
    for y in made:
        if rng.random() >= 0.25:
            continue
        worker = rng.choice(workers_by_team[team_of[y.pk].pk])
        last = y.care_end or today
        asked = _moment(
            y.care_start + timedelta(days=rng.randrange(max(1, (last - y.care_start).days))), rng
        )
        concluded = rng.random() < 0.85
        consultations.append(
            Consultation(
                youth=y,
                requested_by=worker,
                requested_at=asked,
                addressed_to=rng.choice([*officers, scientist]),
                question="Ik maak me zorgen na de laatste signalen. Kunnen we dit bespreken?",
                conclusion="Patroon past bij uitbuiting; screening doen." if concluded else None,
                next_step=rng.choice(["monitor", "screen", "meldcode", "no_concern"])
                if concluded
                else "",
                concluded_by=officers[0] if concluded else None,
                concluded_at=asked + timedelta(days=rng.randrange(1, 10)) if concluded else None,
            )
        )
    consultations = _bulk(Consultation, consultations)
    built.add("consultations", len(consultations))
    for c in consultations:
        audit.append(
            AuditRow(
                c.requested_at,
                "create",
                c.requested_by,
                Role.YOUTH_WORKER,
                "consultation",
                c.pk,
                pseudonyms[c.youth_id],
            )
        )

    # Screenings: about one per youth, most closed; elevated ones closed with a next step.
    screenings = []
    for y in made:
        count = rng.choices([0, 1, 2, 3], [30, 45, 18, 7])[0]
        last = y.care_end or today
        span = max(1, (last - y.care_start).days)
        days = sorted(rng.randrange(span + 1) for _ in range(count))
        for k, offset in enumerate(days):
            template = rng.choice(templates)
            started = _moment(y.care_start + timedelta(days=offset), rng)
            worker = rng.choice(workers_by_team[team_of[y.pk].pk])
            is_last = k == len(days) - 1
            draft = is_last and y.care_end is None and rng.random() < 0.04
            elevated = needs_next_step(template["overall"])
            waiting = is_last and not draft and elevated and rng.random() < 0.15
            if draft:
                status = ScreeningStatus.DRAFT
            elif waiting:
                status = ScreeningStatus.AWAITING_NEXT_STEP
            else:
                status = ScreeningStatus.CLOSED
            completed = None if draft else started + timedelta(minutes=40)
            screenings.append(
                Screening(
                    youth=y,
                    instrument=instrument,
                    reason="intake"
                    if k == 0
                    else rng.choice(["periodic", "periodic", "high_concern"]),
                    status=status,
                    started_by=worker,
                    started_at=started,
                    answers=template["answers"],
                    result=None if draft else template["result"],
                    overall="" if draft else template["overall"],
                    completed_at=completed,
                    next_step=rng.choice(["consultation", "meldcode", "neither"])
                    if status == ScreeningStatus.CLOSED and elevated
                    else "",
                    next_step_reason="Al in behandeling bij de gedragswetenschapper."
                    if status == ScreeningStatus.CLOSED and elevated
                    else None,
                    closed_by=worker if status == ScreeningStatus.CLOSED else None,
                    closed_at=completed if status == ScreeningStatus.CLOSED else None,
                )
            )
    screenings = _bulk(Screening, screenings)
    built.add("screenings", len(screenings))
    for s in screenings:
        audit.append(
            AuditRow(
                s.started_at,
                "create",
                s.started_by,
                Role.YOUTH_WORKER,
                "screening",
                s.pk,
                pseudonyms[s.youth_id],
            )
        )

    _meldcode(
        made, workers_by_team, team_of, officers, organisation, rng, today, audit, pseudonyms, built
    )
    _registration(made, officers, rng, today, built)
    # Break-the-glass: a few per organisation, some still active.
    accesses = []
    for _ in range(max(1, youths // 400)):
        y = rng.choice(made)
        w = rng.choice(workers)
        granted = timezone.now() - timedelta(hours=rng.choice([2, 30, 24 * 20]))
        accesses.append(
            EmergencyAccess(
                youth=y,
                user=w,
                reason="Nachtdienst: jongere vermist, contacten nodig.",
                granted_at=granted,
                expires_at=EmergencyAccess.expiry_from(granted),
            )
        )
    built.add("emergency accesses", len(_bulk(EmergencyAccess, accesses)))
    _training(workers + officers, modules, rng, built)


def _meldcode(
    made: list[Youth],
    workers_by_team: dict[int, list[User]],
    team_of: dict[int, Team],
    officers: list[User],
    organisation: Organisation,
    rng: random.Random,
    today: date,
    audit: list[AuditRow],
    pseudonyms: dict[int, str],
    built: Built,
) -> None:
    """One youth in twenty has a trajectory: open at some step, help with a review date,
    reported (some without feedback past the expected date: stalled), or closed."""
    partner = Partner.objects.filter(kind=PartnerKind.VEILIG_THUIS, owner=organisation).first()
    chosen = [y for y in made if rng.random() < 0.05]
    trajectories = []
    for y in chosen:
        started = timezone.now() - timedelta(days=rng.randrange(5, 700))
        status = rng.choices(["open", "help", "reported", "closed"], [3, 2, 2, 3])[0]
        steps = rng.randrange(0, 5) if status == "open" else 5
        trajectories.append(
            Trajectory(
                youth=y,
                started_by=rng.choice(workers_by_team[team_of[y.pk].pk]),
                started_at=started,
                steps_done=steps,
                status=status,
                outcome={"help": "help", "reported": "report", "closed": "close"}.get(status, ""),
                decided_because="q2" if steps == 5 else "",
                review_on=today + timedelta(days=rng.randrange(-20, 60))
                if status == "help"
                else None,
                closing_note="Geen zorgen meer na gesprek." if status == "closed" else None,
                closed_at=started + timedelta(days=30) if status == "closed" else None,
            )
        )
    trajectories = _bulk(Trajectory, trajectories)
    built.add("meldcode trajectories", len(trajectories))
    steps = []
    reports = []
    conferences = []
    for t in trajectories:
        for number in range(1, t.steps_done + 1):
            details: dict[str, Any] = {}
            if number == 2:
                details = {"consulted": ["colleague", "veilig_thuis"]}
            elif number == 3:
                details = {"talked_youth": True, "talked_parents": rng.random() < 0.7}
            elif number == 5:
                details = {
                    "framework": {"suspicion": True, "unsafe": True},
                    "outcome": t.outcome,
                    "because": "q2",
                }
            steps.append(
                StepRecord(
                    trajectory=t,
                    step=number,
                    recorded_by=t.started_by,
                    recorded_at=t.started_at + timedelta(days=number * 3),
                    done=f"Stap {number} gedaan.",
                    details=details,
                )
            )
        audit.append(
            AuditRow(
                t.started_at,
                "create",
                t.started_by,
                Role.YOUTH_WORKER,
                "trajectory",
                t.pk,
                pseudonyms[t.youth_id],
            )
        )
        if t.status == "reported":
            reported_on = (t.started_at + timedelta(days=16)).date()
            reported_on = min(reported_on, today)
            stalled = rng.random() < 0.4
            reports.append(
                Report(
                    trajectory=t,
                    to="veilig_thuis",
                    partner=partner,
                    reported_on=reported_on,
                    what="Vermoeden van uitbuiting.",
                    contact_person="Medewerker VT",
                    youth_informed="yes",
                    parents_informed="yes",
                    follow_up="VT koppelt binnen 10 dagen terug.",
                    expected_response_on=reported_on + timedelta(days=10),
                    feedback_on=None if stalled else reported_on + timedelta(days=5),
                    feedback=None if stalled else "Onderzoek gestart.",
                    created_by=t.started_by,
                )
            )
        if rng.random() < 0.3:
            conferences.append(
                CaseConference(
                    youth_id=t.youth_id,
                    trajectory=t,
                    held_on=(t.started_at + timedelta(days=7)).date(),
                    participants="Aandachtfunctionaris, mentor, wijkagent",
                    agreements="Extra toezicht bij verlof.",
                    recorded_by=rng.choice(officers),
                )
            )
    built.add("meldcode steps", len(_bulk(StepRecord, steps)))
    built.add("meldcode reports", len(_bulk(Report, reports)))
    conferences = _bulk(CaseConference, conferences)
    built.add("case conferences", len(conferences))
    _bulk(
        ConferenceAction,
        [
            ConferenceAction(
                conference=c,
                what="Gesprek met school",
                who="Mentor",
                owner=c.recorded_by,
                due_on=c.held_on + timedelta(days=14),
                done_on=c.held_on + timedelta(days=10) if rng.random() < 0.7 else None,
            )
            for c in conferences
        ],
    )


def _registration(
    made: list[Youth], officers: list[User], rng: random.Random, today: date, built: Built
) -> None:
    """Registration tasks for about one youth in forty; half registered, a few still open."""
    tasks = []
    for y in made:
        if rng.random() >= 0.025:
            continue
        status = rng.choices(["open", "registered", "not_registered"], [2, 5, 3])[0]
        created = timezone.now() - timedelta(days=rng.randrange(1, 600))
        tasks.append(
            RegistrationTask(
                youth=y,
                trigger=rng.choice(["consultation", "meldcode"]),
                trigger_id=rng.randrange(1, 10**6),
                created_at=created,
                due_on=created.date() + timedelta(days=14),
                status=status,
                reason_not_kind="not_confirmed" if status == "not_registered" else "",
                reason_not="Vermoeden niet bevestigd." if status == "not_registered" else None,
                decided_by=officers[0] if status != "open" else None,
                decided_at=created + timedelta(days=5) if status != "open" else None,
            )
        )
    tasks = _bulk(RegistrationTask, tasks)
    built.add("registration tasks", len(tasks))
    outbound = [
        OutboundRegistration(
            youth_id=t.youth_id,
            created_by=officers[0],
            created_at=t.decided_at,
            dossier_type="statistical",
            payload={"dossier_type": "statistical", "forms": ["criminal"]},
            status=DeliveryStatus.DELIVERED if rng.random() < 0.9 else DeliveryStatus.QUEUED,
            attempts=1,
            task=t,
        )
        for t in tasks
        if t.status == TaskStatus.REGISTERED
    ]
    outbound = _bulk(OutboundRegistration, outbound)
    built.add("outbound registrations", len(outbound))
    disclosures = [
        Disclosure(
            youth_id=o.youth_id,
            task=o.task,
            registration=o,
            purpose="registration",
            route="consent",
            art6_basis="6(1)(a)",
            art9_basis="9(2)(a)",
            secrecy_basis="consent",
            decided_by=officers[0],
            decided_at=o.created_at,
        )
        for o in outbound
    ]
    built.add("disclosures", len(_bulk(Disclosure, disclosures)))


def _training(staff: list[User], modules: list[Any], rng: random.Random, built: Built) -> None:
    """Three in five staff passed the mandatory modules in the last two years."""
    attempts = []
    ratings = []
    for u in staff:
        if rng.random() >= 0.6:
            continue
        done = timezone.now() - timedelta(days=rng.randrange(10, 700))
        for module in modules:
            right = {q.id: next(o.id for o in q.options if o.correct) for q in module.questions}
            attempts.append(
                QuizAttempt(
                    user=u,
                    module=module.slug,
                    module_version=module.version,
                    answers=right,
                    correct=len(right),
                    total=len(right),
                    passed=True,
                    submitted_at=done,
                )
            )
            ratings.append(
                SelfAssessment(
                    user=u,
                    module=module.slug,
                    moment=Moment.AFTER,
                    recognising=rng.randrange(5, 10),
                    acting=rng.randrange(5, 10),
                    recorded_at=done,
                )
            )
    built.add("quiz attempts", len(_bulk(QuizAttempt, attempts)))
    built.add("self-assessments", len(_bulk(SelfAssessment, ratings)))


def _partners(organisation: Organisation, regions: Iterable[Region], built: Built) -> None:
    by_division = {r.division: r for r in regions}
    rows = []
    for kind, division in (
        (PartnerKind.VEILIG_THUIS, Division.VEILIG_THUIS),
        (PartnerKind.POLICE, Division.POLICE_UNIT),
        (PartnerKind.VEILIGHEIDSHUIS, Division.SAFETY_REGION),
        (PartnerKind.MUNICIPALITY, Division.MUNICIPALITY),
        (PartnerKind.YOUTH_CARE, Division.YOUTH_CARE),
    ):
        region = by_division.get(division)
        rows.append(
            Partner(
                kind=kind,
                name=f"{kind} {region.name if region else ''} (bench)",
                region=region,
                phone="030-000 0000",
                email=f"{kind}@bench.baken.invalid",
                owner=organisation,
                is_demo=True,
            )
        )
    built.add("partners", len(_bulk(Partner, rows)))


def _chain_audit(rows: list[AuditRow], built: Built) -> None:
    """Write the audit entries in time order, chained as log_access chains them."""
    key = settings.AUDIT_KEY.encode("utf-8")
    head = AuditChainHead.objects.filter(id=1).first()
    sequence = head.sequence if head else 0
    previous = (head.entry_hash if head else "") or GENESIS_HASH
    rows.sort(key=lambda r: r.at)
    batch: list[AuditEntry] = []
    written = 0
    for row in rows:
        sequence += 1
        organisation = row.user.organisation
        values: dict[str, object] = {
            "sequence": sequence,
            "occurred_at": row.at,
            "event": row.event,
            "outcome": "success",
            "user_id": row.user.pk,
            "username": row.user.username,
            "role": str(row.role),
            "organisation_name": organisation.name if organisation else "",
            "organisation_id_at_time": organisation.pk if organisation else None,
            "on_behalf_of": "",
            "ip_address": "10.0.0.1",
            "user_agent": "Mozilla/5.0 (bench)",
            "object_type": row.object_type,
            "object_id": str(row.object_id),
            "youth_pseudonym": row.pseudonym,
            "detail": "",
        }
        entry_hash = digest_entry(key=key, previous_hash=previous, fields=_chain_fields(values))
        batch.append(AuditEntry(previous_hash=previous, entry_hash=entry_hash, **values))
        previous = entry_hash
        if len(batch) >= 10 * BATCH:
            AuditEntry.objects.bulk_create(batch)
            written += len(batch)
            batch = []
    AuditEntry.objects.bulk_create(batch)
    written += len(batch)
    head, _created = AuditChainHead.objects.get_or_create(id=1)
    head.sequence, head.entry_hash = sequence, previous
    head.mac = sign_head(_as_head(head), key=key).mac
    head.save()
    assert len(CHAINED_FIELDS) == len(values) + 2
    built.add("audit entries", written)


def analyse() -> None:
    """Fresh planner statistics, as autovacuum would have them on a live database."""
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
