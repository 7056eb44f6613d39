"""The access matrix, generated from the URL conf: every URL pattern, every role (and
nobody logged in), an object of one's own organisation and of another.

Nothing here lists the views: a new URL pattern joins the matrix by itself. It must either be
public (declared below, with the reason) or be guarded by `role_required`, whose roles the matrix
reads from the view; the side it serves (institution, registry, both) comes from its URL
namespace, not from the view, so a view that forgets the organisation's kind fails. Its objects
are looked up through `WORLD` by the name of the URL parameter: a new parameter fails until the
world has an object of one's own organisation and one of another's for it.

For each case the matrix checks the answer and the audit log: a refusal (403) and an object of
another organisation (404) are logged as denied; reaching one's own youth's data is logged as a
read naming the youth.
"""

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

import pytest
from django.conf import settings
from django.db import transaction
from django.db.models import Max
from django.test import Client, override_settings
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone
from pytest_django import DjangoDbBlocker

from baken.accounts.access import AccessRule
from baken.accounts.models import OrganisationKind, Role, Team, User
from baken.audit.models import AuditEntry, AuditOutcome
from baken.cases.models import Youth
from baken.cases.services import break_the_glass
from baken.cases.testing import make_youth
from baken.learning.catalogue import all_modules
from baken.learning.services import submit_quiz
from baken.meldcode import services as meldcode
from baken.partners.models import Partner, PartnerKind
from baken.partners.services import save_partner
from baken.registration import services as registration
from baken.registration.models import Disclosure
from baken.registry import persons
from baken.registry.models import CandidatePair, LinkJob, Registration
from baken.registry.releases import publish
from baken.registry.tokens import issue_source
from baken.screening import services as screening
from baken.signalling.services import record_signal, request_consultation
from baken.testing import Cast, log_in_verified, make_cast, make_user

# --- The sides, by URL namespace -----------------------------------------------------------------

INSTITUTION = OrganisationKind.INSTITUTION
REGISTRY = OrganisationKind.REGISTRY
SIDE_OF_NAMESPACE: dict[str, OrganisationKind | None] = {
    "home": INSTITUTION,
    "cases": INSTITUTION,
    "signalling": INSTITUTION,
    "screening": INSTITUTION,
    "partners": INSTITUTION,
    "meldcode": INSTITUTION,
    "registration": INSTITUTION,
    "learning": INSTITUTION,
    "insight": INSTITUTION,
    "retention": INSTITUTION,
    "registry": REGISTRY,
    "accounts": None,  # one's own organisation's users, on either side
    "audit": None,  # each organisation's privacy officer reads its own log
}
# Reachable without a role, and why.
PUBLIC = {
    "accounts:login": "the log-in",
    "accounts:second_factor": "the log-in (second step, needs a pending log-in)",
    "accounts:enrol": "the log-in (first second-factor set-up, needs a pending log-in)",
    "accounts:logout": "anyone may log out",
    "accounts:password_reset": "asking for a reset link",
    "accounts:password_reset_done": "a message",
    "accounts:set_password": "protected by the token in the link",
    "accounts:set_password_done": "a message",
    "set_language": "the language switch",
    "registry_api:openapi-json": "the intake API's published contract",
}
LOGIN_ONLY = {
    "home": "each role's start page",
    "accounts:password_change": "one's own password",
}
TOKEN_NAMESPACE = "registry_api"  # a source's bearer token (tested in registry/tests)
NO_PAGE = {"registry_api:api-root": "django-ninja's root: no operation, a 404"}
# Django admin is for platform operators (is_staff), not a role: no identity here is staff, and
# each admin pattern is checked for nobody logged in and a user of each kind of organisation.
ADMIN_PREFIX = "admin/"
ADMIN_IDENTITIES = ("anonymous", "designated_officer", "registry_admin")

# --- Who asks ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Identity:
    name: str
    role: Role | None
    kind: OrganisationKind | None


IDENTITIES = (
    Identity("anonymous", None, None),
    Identity("youth_worker", Role.YOUTH_WORKER, INSTITUTION),
    Identity("designated_officer", Role.DESIGNATED_OFFICER, INSTITUTION),
    Identity("behavioural_scientist", Role.BEHAVIOURAL_SCIENTIST, INSTITUTION),
    Identity("manager", Role.MANAGER, INSTITUTION),
    Identity("privacy_officer", Role.PRIVACY_OFFICER, INSTITUTION),
    Identity("functional_admin", Role.FUNCTIONAL_ADMIN, INSTITUTION),
    Identity("registry_analyst", Role.REGISTRY_ANALYST, REGISTRY),
    Identity("registry_admin", Role.FUNCTIONAL_ADMIN, REGISTRY),
    Identity("registry_privacy_officer", Role.PRIVACY_OFFICER, REGISTRY),
)

# Allowed by role, refused by the organisation's own policy (a 403, logged as denied).
POLICY_REFUSALS = {
    # The registration policy names the designated officer as the one who registers (default).
    ("registration:task", "youth_worker"),
    ("registration:task", "behavioural_scientist"),
    ("registration:replace_count", "youth_worker"),
    ("registration:replace_count", "behavioural_scientist"),
}

# --- The URL conf --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Route:
    name: str
    path: str  # with <parameter> placeholders
    parameters: tuple[str, ...]
    rule: AccessRule | None

    @property
    def namespace(self) -> str:
        return self.name.split(":")[0] if ":" in self.name else ""


def _walk(patterns: list[Any], prefix: str, namespace: str) -> Iterator[Route]:
    for pattern in patterns:
        route = str(pattern.pattern).lstrip("^").rstrip("$")
        if isinstance(pattern, URLResolver):
            inner = pattern.namespace or namespace
            yield from _walk(pattern.url_patterns, prefix + route, inner)
            continue
        assert isinstance(pattern, URLPattern)
        path = re.sub(r"<(?:\w+:)?(\w+)>", r"<\1>", prefix + route)
        path = re.sub(r"\(\?P<(\w+)>[^)]*\)", r"<\1>", path)
        parameters = tuple(re.findall(r"<(\w+)>", path))
        name = pattern.name or path
        if pattern.name and namespace:
            name = f"{namespace}:{pattern.name}"
        yield Route(name, path, parameters, getattr(pattern.callback, "access_rule", None))


ROUTES = list(_walk(get_resolver().url_patterns, "", ""))


def _is_admin(route: Route) -> bool:
    return route.path.startswith(ADMIN_PREFIX)


# --- The world: one object of each kind in one's own organisation and in another -----------------


@dataclass(repr=False)
class World:
    cast: Cast
    users: dict[str, User]
    sessions: dict[str, str]
    own: dict[str, object]
    other: dict[str, object]
    youth_a: Youth
    attempts: dict[str, int]

    def value(self, parameter: str, identity: Identity, ownership: str) -> object:
        if parameter in GLOBAL_VALUES:
            return GLOBAL_VALUES[parameter]
        if parameter == "attempt_id":  # a quiz attempt is its maker's own
            if ownership == "own":
                return self.attempts.get(identity.name, self.attempts["youth_worker"])
            return self.attempts["other"]
        if parameter == "user_id" and ownership == "own":  # a user of one's own organisation
            return self.users[
                "registry_analyst" if identity.kind == REGISTRY else "youth_worker"
            ].pk
        table = self.own if ownership == "own" else self.other
        if parameter not in table:
            pytest.fail(
                f"The URL parameter {parameter!r} is new: give the access matrix's world an object "
                "of one's own organisation and one of another's for it."
            )
        return table[parameter]


GLOBAL_VALUES: dict[str, object] = {
    "slug": "meldcode",  # training modules are shared reference data
    "action": "unlock",
    "uidb64": "MQ",
    "token": "set-password",
    "object_id": "1",  # Django admin's parameters
    "pk": "1",
    "content_type_id": "1",
    "app_label": "accounts",
    "url": "",
}
# Parameters whose "not yours" answer comes from an access function (and so is logged as denied).
DENIAL_LOGGED = {
    "pseudonym",
    "access_id",
    "signal_id",
    "consultation_id",
    "screening_id",
    "trajectory_id",
    "report_id",
    "action_id",
    "task_id",
    "outbound_id",
    "disclosure_id",
    "count_id",
    "party_id",
    "partner_id",
    "attempt_id",
    "user_id",
    "pair_id",
    "reference",
    "reference_a",
    "reference_b",
    "job_id",
}
# Parameters that lead to a youth's data: reaching one's own is logged as a read naming the youth.
REGISTRY_PARAMETERS = {"pair_id", "reference", "reference_a", "reference_b", "job_id"}
YOUTH_DATA = (
    DENIAL_LOGGED - {"access_id", "partner_id", "attempt_id", "user_id"} - REGISTRY_PARAMETERS
)
REPORT = {"suspicion": True, "unsafe": True, "can_help": None, "help_accepted": None}


def _youth_file(youth: Youth, worker: User, officer: User, colleague: User) -> dict[str, object]:
    """A youth with one of everything: a signal, a consultation, an elevated screening waiting for
    its next step, a meldcode report and a case-conference action, a registration task and the
    registration sent, and a break-the-glass access by a colleague of another team."""
    signal = record_signal(
        youth=youth,
        by=worker,
        request=None,
        observed_on=timezone.localdate(),
        context="school",
        source="seen",
        concern="medium",
        indicators=[],
        note="Niet pluis: nieuwe telefoon en dure kleding.",
    )
    consultation = request_consultation(
        youth=youth, by=worker, request=None, addressed_to=officer, question="Wat vind jij?"
    )
    screened = screening.start_screening(youth=youth, by=worker, request=None, reason="intake")
    screening.save_answers(
        screening=screened,
        by=worker,
        request=None,
        answers={"sd-paid-sex": "yes"},
        complete=True,
    )
    trajectory = meldcode.start_trajectory(youth=youth, by=worker, request=None)
    steps: list[tuple[int, dict[str, object]]] = [
        (1, {}),
        (2, {"consulted": ["colleague"]}),
        (3, {"talked_youth": True}),
        (4, {}),
    ]
    for step, details in steps:
        meldcode.record_step(
            trajectory=trajectory, by=worker, request=None, step=step, done="d", details=details
        )
    meldcode.decide(
        trajectory=trajectory,
        by=worker,
        request=None,
        done="Melden",
        framework=REPORT,
        report=meldcode.ReportDetails(
            to="veilig_thuis",
            partner=None,
            reported_on=timezone.localdate(),
            what="Vermoeden van uitbuiting.",
            contact_person="J. de Wit",
            reference="VT-1",
            youth_informed="yes",
            parents_informed="yes",
            reactions="Begrip.",
            follow_up="VT belt terug.",
        ),
    )
    conference = meldcode.record_conference(
        youth=youth,
        by=worker,
        request=None,
        held_on=timezone.localdate(),
        participants="Team",
        agreements="Afspraken",
        actions=[meldcode.ActionInput(what="Bellen", who="Mentor", due_on=timezone.localdate())],
        trajectory=trajectory,
    )
    task = youth.registration_tasks.get()
    disclosure = registration.record_consent(
        task=task,
        by=officer,
        request=None,
        answers=[registration.Answer("youth", "given", timezone.localdate())],
        content=registration.Content(forms=["labour"]),
    )
    outbound = disclosure.registration
    assert outbound is not None
    proposal = Disclosure.objects.create(  # a proposal to register without consent
        youth=youth,
        purpose="registration",
        route="statistics_exception",
        status="proposed",
        exception_reason_kind="harm",
        exception_reason="Vragen zou de jongere nu ernstig schaden.",
        content={"forms": ["labour"]},
        proposed_by=officer,
    )
    count = Disclosure.objects.create(  # an untraceable count, sent after a refusal
        youth=youth,
        purpose="registration",
        route="count_only",
        status="decided",
        content={"forms": ["labour"]},
        proposed_by=officer,
        decided_by=officer,
        decided_at=timezone.now(),
    )
    access = break_the_glass(
        youth=youth, by=colleague, request=None, reason="Crisis in de nacht, mentor ziek."
    )
    return {
        "pseudonym": youth.pseudonym,
        "signal_id": signal.pk,
        "consultation_id": consultation.pk,
        "screening_id": screened.pk,
        "trajectory_id": trajectory.pk,
        "report_id": trajectory.reports.get().pk,
        "action_id": conference.actions.get().pk,
        "task_id": task.pk,
        "outbound_id": outbound.pk,
        "disclosure_id": proposal.pk,
        "count_id": count.pk,
        "party_id": disclosure.parties.get().pk,
        "access_id": access.pk,
    }


def _registry_data() -> dict[str, object]:
    source = issue_source(name="Politie", kind="police")[0]
    left, right = (
        Registration.objects.create(
            source=source,
            idempotency_key=f"matrix-{n}",
            dossier_type="statistical",
            key_version="k1",
            k_name=f"naam{n}",
            birth_year=2008,
            sex="female",
            forms=["labour"],
            reported_on=date(2025, 5, 1),
        )
        for n in (1, 2)
    )
    pair = CandidatePair.objects.create(left=left, right=right, match_probability=0.5)
    persons.recluster()
    release = publish()
    job = LinkJob.objects.create(source=source, registration_ids=[left.pk], total=1)
    return {
        "pair_id": pair.pk,
        "year": release.years[0],
        "reference": left.reference,
        "reference_a": left.reference,
        "reference_b": right.reference,
        "job_id": job.pk,
    }


def build_world() -> World:
    cast = make_cast()
    a, b, registry = cast.institution_a, cast.institution_b, cast.registry
    team_b2 = Team.objects.create(organisation=b, name="Team B2")
    users = {
        "youth_worker": cast.worker_a,
        "designated_officer": cast.officer_a,
        "behavioural_scientist": make_user("scientist_a", a, [Role.BEHAVIOURAL_SCIENTIST]),
        "manager": make_user("manager_a", a, [Role.MANAGER]),
        "privacy_officer": cast.privacy_officer,
        "functional_admin": cast.admin_a,
        "registry_analyst": cast.analyst,
        "registry_admin": make_user("admin_r", registry, [Role.FUNCTIONAL_ADMIN]),
        "registry_privacy_officer": make_user("privacy_r", registry, [Role.PRIVACY_OFFICER]),
    }
    officer_b = make_user("officer_b", b, [Role.DESIGNATED_OFFICER])
    worker_b2 = make_user("worker_b2", b, [Role.YOUTH_WORKER], [team_b2])
    youth_a = make_youth(cast.worker_a, teams=[cast.team_a1])
    youth_b = make_youth(cast.worker_b, teams=[cast.team_b1], given_names="Sam")
    with override_settings(BAKEN_PSEUDONYM_KEY="the-key-shared-by-registering-organisations-42"):
        own = _youth_file(youth_a, cast.worker_a, cast.officer_a, cast.worker_a2)
        other = _youth_file(youth_b, cast.worker_b, officer_b, worker_b2)
    for partners, admin in ((own, cast.admin_a), (other, cast.admin_b)):
        partner = Partner(kind=PartnerKind.VEILIG_THUIS, name=f"VT van {admin.organisation}")
        partners["partner_id"] = save_partner(partner=partner, by=admin, request=None).pk
    own["user_id"], other["user_id"] = cast.worker_a.pk, cast.worker_b.pk
    registry_objects = _registry_data()
    own |= registry_objects
    other |= {
        "pair_id": int(str(registry_objects["pair_id"])) + 1000,
        "year": 1999,
        # The registry has no other organisation's objects: registrations that do not exist.
        "reference": "R-ZZZZZ-ZZZZZ",
        "reference_a": "R-ZZZZZ-ZZZZZ",
        "reference_b": "R-YYYYY-YYYYY",
        "job_id": int(str(registry_objects["job_id"])) + 1000,
    }
    module = next(m for m in all_modules() if m.slug == GLOBAL_VALUES["slug"])
    answers = {question.id: question.options[0].id for question in module.questions}
    attempts = {
        name: submit_quiz(user=user, module=module, answers=answers).pk
        for name, user in users.items()
        if user.organisation == a
    }
    attempts["other"] = submit_quiz(user=cast.worker_b, module=module, answers=answers).pk
    sessions = {}
    for name, user in users.items():
        client = log_in_verified(Client(), user)
        sessions[name] = client.cookies[settings.SESSION_COOKIE_NAME].value
    return World(cast, users, sessions, own, other, youth_a, attempts)


@pytest.fixture(scope="module")
def world(django_db_setup: None, django_db_blocker: DjangoDbBlocker) -> Iterator[World]:
    """Built once for the module inside a transaction that is rolled back at its end; each case
    runs in a savepoint of its own, so what one request changes, the next does not see."""
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            built = build_world()
        except BaseException:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)
            raise
    yield built
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        outer.__exit__(None, None, None)


# --- The cases -----------------------------------------------------------------------------------


def _ownerships(route: Route) -> tuple[str, ...]:
    if any(p not in GLOBAL_VALUES for p in route.parameters):
        return ("own", "other")
    return ("-",)


def _identities(route: Route) -> tuple[Identity, ...]:
    if _is_admin(route):
        return tuple(i for i in IDENTITIES if i.name in ADMIN_IDENTITIES)
    return IDENTITIES


CASES = [
    pytest.param(route, identity, ownership, id=f"{route.name}|{identity.name}|{ownership}")
    for route in ROUTES
    for identity in _identities(route)
    for ownership in _ownerships(route)
]


@dataclass(frozen=True)
class Expected:
    statuses: frozenset[int]
    logged: str = ""  # "denied", "youth" (a read naming one's own youth) or ""

    def __str__(self) -> str:
        return f"status {sorted(self.statuses)}" + (
            f", logged {self.logged}" if self.logged else ""
        )


SHOWN = frozenset({200, 302})
TO_LOG_IN = Expected(frozenset({302}))


def expected(route: Route, identity: Identity, ownership: str) -> Expected:
    if _is_admin(route):
        return TO_LOG_IN  # Django admin sends anyone who is not staff to the log-in
    if route.name in PUBLIC:
        return Expected(SHOWN)
    if route.name in NO_PAGE:
        return Expected(frozenset({404}))
    if route.namespace == TOKEN_NAMESPACE:
        return Expected(frozenset({401}))
    if identity.role is None:
        return TO_LOG_IN
    if route.name in LOGIN_ONLY:
        return Expected(frozenset({200}))
    assert route.rule is not None  # test_every_page_declares_who_may_use_it says why
    side = SIDE_OF_NAMESPACE[route.namespace]
    if (side is not None and identity.kind != side) or identity.role not in route.rule.roles:
        return Expected(frozenset({403}), "denied")
    if ownership == "other":
        denied = any(p in DENIAL_LOGGED for p in route.parameters)
        return Expected(frozenset({404}), "denied" if denied else "")
    if (route.name, identity.name) in POLICY_REFUSALS:
        return Expected(frozenset({403}), "denied")
    youth = ownership == "own" and any(p in YOUTH_DATA for p in route.parameters)
    return Expected(SHOWN, "youth" if youth else "")


def _request(client: Client, path: str) -> Any:
    """GET, or POST (empty) where the view takes only POST."""
    response = client.get(path)
    if response.status_code == 405:
        response = client.post(path)
    return response


def test_every_page_declares_who_may_use_it() -> None:
    """Each URL is public, for anyone logged in, for a source's token or Django admin, or guarded
    by `role_required` with the organisation kind of its side."""
    problems = []
    for route in ROUTES:
        if _is_admin(route) or route.name in PUBLIC | NO_PAGE.keys() | LOGIN_ONLY.keys():
            continue
        if route.namespace == TOKEN_NAMESPACE:
            continue
        if route.namespace not in SIDE_OF_NAMESPACE:
            problems.append(f"{route.name}: a new namespace; say which side it serves")
        elif route.rule is None:
            problems.append(f"{route.name}: no role_required (or declare it public, with why)")
        elif route.rule.kind != SIDE_OF_NAMESPACE[route.namespace]:
            problems.append(f"{route.name}: role_required(kind={route.rule.kind}) on this side")
    assert not problems, "\n".join(problems)


@pytest.mark.django_db
@pytest.mark.parametrize(("route", "identity", "ownership"), CASES)
def test_access_matrix(world: World, route: Route, identity: Identity, ownership: str) -> None:
    want = expected(route, identity, ownership)
    path = "/" + route.path
    for parameter in route.parameters:
        path = path.replace(f"<{parameter}>", str(world.value(parameter, identity, ownership)))
    client = Client()
    if identity.role is not None:
        client.cookies[settings.SESSION_COOKIE_NAME] = world.sessions[identity.name]
    before = AuditEntry.objects.aggregate(last=Max("sequence"))["last"] or 0

    response = _request(client, path)

    assert response.status_code in want.statuses, f"{path}: {response.status_code}, want {want}"
    new = AuditEntry.objects.filter(sequence__gt=before)
    user = world.users.get(identity.name)
    if want.logged == "denied":
        assert new.filter(user=user, outcome=AuditOutcome.DENIED).exists(), f"{path}: no denial"
    if want.statuses == {403, 404} or want.logged == "denied":
        assert not new.filter(outcome=AuditOutcome.SUCCESS, youth_pseudonym__gt="").exists(), (
            f"{path}: a refused request logged as a read"
        )
    if want.logged == "youth":
        assert new.filter(
            user=user, outcome=AuditOutcome.SUCCESS, youth_pseudonym=world.youth_a.pseudonym
        ).exists(), f"{path}: reading the youth's data is not logged"


def test_the_matrix_covers_every_url_pattern() -> None:
    covered = {case.values[0].name for case in CASES}  # type: ignore[union-attr]
    assert covered == {route.name for route in ROUTES}
    roles = [r for r in ROUTES if not _is_admin(r)]
    assert len(CASES) >= len(roles) * len(IDENTITIES)
