"""The intake API's published contract: explicit input and output schemas (no model serializers).
Unknown fields are refused."""

from collections.abc import Callable
from datetime import date, datetime
from typing import Annotated, Literal

from ninja import Schema
from pydantic import (
    AfterValidator,
    ConfigDict,
    Field,
    StringConstraints,
    WithJsonSchema,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from baken.registry.code_lists import CODES, describe_allowed

Key = Annotated[str, StringConstraints(pattern=r"^([0-9a-f]{32})?$")]
Text100 = Annotated[str, StringConstraints(max_length=100, strip_whitespace=True)]
CODE_LIST_ERROR = "code_list"


def _on_list(list_name: str, *, empty_allowed: bool) -> Callable[[str], str]:
    codes = frozenset(CODES[list_name])

    def check(value: str) -> str:
        if value in codes or (empty_allowed and value == ""):
            return value
        raise PydanticCustomError(
            CODE_LIST_ERROR,
            "'{value}' is not on the code list '{list}'; allowed: {allowed_text}",
            {
                "value": value[:40],
                "list": list_name,
                "allowed_text": describe_allowed(list_name),
                "allowed": [*([""] if empty_allowed else []), *CODES[list_name]],
            },
        )

    return check


def _enum(list_name: str, *, empty_allowed: bool, description: str) -> WithJsonSchema:
    enum = [*([""] if empty_allowed else []), *CODES[list_name]]
    return WithJsonSchema({"type": "string", "enum": enum, "description": description})


# Text fields that take only a code of one of the registry's code lists (an enum in the OpenAPI
# document; anything else is refused with 422 naming the field and the allowed values).
Stripped = StringConstraints(strip_whitespace=True)
FormCode = Annotated[
    str,
    Stripped,
    AfterValidator(_on_list("form", empty_allowed=False)),
    _enum("form", empty_allowed=False, description="A form of exploitation (code list)."),
]
SexCode = Annotated[
    str,
    Stripped,
    AfterValidator(_on_list("sex", empty_allowed=False)),
    _enum("sex", empty_allowed=False, description="female, male, other (X) or unknown."),
]
CountryCode = Annotated[
    str,
    Stripped,
    AfterValidator(_on_list("country", empty_allowed=True)),
    _enum(
        "country",
        empty_allowed=True,
        description="ISO 3166-1 alpha-2 country code (NL, RO, …); empty when not known. The "
        "source maps names and adjectives ('Nederlandse', 'Dutch') to the code before sending.",
    ),
]
RegionCode = Annotated[
    str,
    Stripped,
    AfterValidator(_on_list("region", empty_allowed=True)),
    _enum(
        "region",
        empty_allowed=True,
        description="The reporting police unit (CBS code RE01-RE10); empty when not known.",
    ),
]


def _contains_nul(value: object) -> bool:
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, dict):
        return any(_contains_nul(k) or _contains_nul(v) for k, v in value.items())
    if isinstance(value, list):
        return any(_contains_nul(v) for v in value)
    return False


class Strict(Schema):
    model_config = ConfigDict(extra="forbid")

    @model_validator(mode="before")
    @classmethod
    def no_nul_characters(cls, data: object) -> object:
        """Text with a NUL character cannot be stored (PostgreSQL refuses it): a 422, not a 500."""
        if _contains_nul(data):
            raise ValueError("text fields may not contain NUL characters")
        return data


class Pseudonyms(Strict):
    key_version: Annotated[str, StringConstraints(min_length=1, max_length=20)]
    k_full: Key = ""
    k_name: Key = ""
    k_name_unordered: Key = ""
    k_surname: Key = ""
    k_given: Key = ""
    k_given_2: Key = ""
    k_surname_phonetic: Key = ""
    k_given_phonetic: Key = ""
    k_surname_prefix: Key = ""
    k_surname_first: Key = ""
    k_surname_last: Key = ""
    k_dob: Key = ""
    k_dob_unordered: Key = ""
    k_dob_next_day: Key = ""
    k_dob_next_year: Key = ""
    bf_name: Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9+/=]{0,200}$")] = ""


# The registry side's one list of what a registration says about the person (the linkage reads
# these columns): the keyed pseudonyms of the schema above and the plaintext fields it allows.
PSEUDONYM_KEYS = tuple(name for name in Pseudonyms.model_fields if name != "key_version")
ALLOWED_PLAINTEXT = ("birth_year", "sex", "nationality", "country_of_birth")
PSEUDONYM_COLUMNS = (*PSEUDONYM_KEYS, *ALLOWED_PLAINTEXT)


class Contact(Strict):
    """Only for a registration with a request (needs consent): what the care desk needs."""

    name: Annotated[str, StringConstraints(min_length=1, max_length=200)]
    date_of_birth: date | None = None
    phone: Annotated[str, StringConstraints(max_length=40)] = ""
    email: Annotated[str, StringConstraints(max_length=200)] = ""
    address: Annotated[str, StringConstraints(max_length=300)] = ""
    contact_person: Annotated[str, StringConstraints(max_length=200)] = ""
    note: Annotated[str, StringConstraints(max_length=1000)] = ""


class CountReplaced(Strict):
    """The untraceable count a registration replaces, described by what the count said: the
    source keeps no reference to its counts (a reference would tie the count to the person), so
    the registry withdraws one of this source's counts that says exactly this. Counts that say
    the same are interchangeable in every statistic."""

    year: int = Field(ge=1900, le=2100)
    forms: list[FormCode] = Field(min_length=1, max_length=12)
    minor: bool | None = None
    reporter_region: RegionCode = ""


class RegistrationIn(Strict):
    """One registration, sent whole. Rules across fields (each refused with 422): a statistical
    registration carries no `contact`; a registration with a request (`shelter`, `advice`,
    which needs consent) must carry `contact`; at least one `k_*` pseudonym is not empty, so the
    person can be counted once; `reported_on` does not lie in the future. Unknown fields are
    refused.

    `replaces_count`: the person was counted earlier by this source as an untraceable count and
    now has a lawful basis for a registration (for example consent given later). In the same
    transaction as it stores the registration, the registry withdraws one of the source's counts
    that says exactly this (year, forms, minor, police unit); if it holds none, the registration
    is refused with 409 and nothing is stored, so the person is never counted twice. Read only
    when the registration is created (a repeat with the same Idempotency-Key withdraws nothing
    more); a correction (PUT) leaves the replaced count as it is."""

    dossier_type: Literal["statistical", "shelter", "advice"]
    pseudonyms: Pseudonyms
    birth_year: int | None = Field(default=None, ge=1900, le=2100)
    sex: SexCode
    nationality: CountryCode = ""
    country_of_birth: CountryCode = ""
    forms: list[FormCode] = Field(min_length=1, max_length=12)
    sector: Text100 = ""
    cross_border: bool | None = None
    minor: bool | None = None
    reported_on: date
    reporter_region: RegionCode = ""
    contact: Contact | None = None
    replaces_count: CountReplaced | None = None

    @field_validator("reported_on")
    @classmethod
    def not_in_the_future(cls, value: date) -> date:
        if value > date.today():  # noqa: DTZ011 - a calendar date
            raise ValueError("reported_on cannot lie in the future")
        return value

    @model_validator(mode="after")
    def contact_only_with_a_request(self) -> "RegistrationIn":
        if self.dossier_type == "statistical" and self.contact is not None:
            raise ValueError("a statistical registration carries no contact details")
        if self.dossier_type != "statistical" and self.contact is None:
            raise ValueError("a registration with a request needs contact details")
        if not any(value for key, value in self.pseudonyms if key.startswith("k_")):
            raise ValueError("pseudonyms: at least one key is needed to count persons once")
        return self


class CountIn(Strict):
    """An untraceable count (`dossier_type: "count_only"`), sent when no personal data may go
    (after a refusal of consent or an objection): the year, the form(s), whether the person is a
    minor, and the reporting police unit; the source is the reporting organisation. It carries no
    pseudonym of any kind, no year of birth, sex, nationality or country of birth, no free text
    and no date finer than the year: any such field is refused as unknown. The registry keeps it
    apart from registrations, never links it, and counts it as not deduplicated."""

    dossier_type: Literal["count_only"]
    year: int = Field(ge=1900, le=2100)
    forms: list[FormCode] = Field(min_length=1, max_length=12)
    minor: bool | None = None
    reporter_region: RegionCode = ""

    @field_validator("year")
    @classmethod
    def year_not_in_the_future(cls, value: int) -> int:
        if value > date.today().year:  # noqa: DTZ011 - a calendar year
            raise ValueError("year cannot lie in the future")
        return value


# What POST and PUT /registrations take: a registration, or an untraceable count, told apart by
# `dossier_type`.
Intake = Annotated[RegistrationIn | CountIn, Field(discriminator="dossier_type")]
DOSSIER_TYPES = ("statistical", "shelter", "advice", "count_only")


class RegistrationOut(Schema):
    reference: str
    status: str
    dossier_type: str
    received_at: datetime
    updated_at: datetime
    count_replaced: bool = Field(
        default=False,
        description="True when this registration replaced an untraceable count of the source "
        "(sent with `replaces_count`): that count is withdrawn.",
    )

    @staticmethod
    def resolve_count_replaced(obj: object) -> bool:
        return getattr(obj, "replaced_count_id", None) is not None


class WithdrawIn(Strict):
    reason: Annotated[str, StringConstraints(min_length=1, max_length=300)]


class WithdrawByKeyIn(Strict):
    """Withdraw what was sent under an Idempotency-Key, whether or not it arrived yet."""

    idempotency_key: Annotated[
        str, StringConstraints(min_length=8, max_length=100, pattern=r"^[\x21-\x7e]+$")
    ]
    reason: Annotated[str, StringConstraints(min_length=1, max_length=300)]


class WithdrawnByKeyOut(Schema):
    found: bool = Field(
        description="Whether the registry held a registration or count under the key (if not, "
        "a delivery under it that arrives later is refused with 409)."
    )


class FieldError(Schema):
    field: str
    message: str
    message_nl: str
    allowed: list[str] | None = Field(
        default=None,
        description="For a field checked against a code list: the values it takes.",
    )


class Errors(Schema):
    errors: list[FieldError]
