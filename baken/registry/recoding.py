"""Mapping values stored before the intake enforced the code lists (free text such as
"Nederlandse", "vrouw" or "Arbeidsuitbuiting") to the codes the registry counts by. Used once by
a data migration and by `baken recode_registrations`, which also reports what cannot be mapped.
Framework-free: values in, codes (or None: not mappable) out."""

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache

from baken.lib.countries import UnknownCountry, country_code, normalised
from baken.registry.code_lists import (
    FORM_CODES,
    REGION_CODES,
    SEXES,
    UNKNOWN,
    form_names,
    police_unit_names,
)

SEX_WORDS = {
    "f": "female",
    "v": "female",
    "vrouw": "female",
    "vrouwelijk": "female",
    "woman": "female",
    "m": "male",
    "man": "male",
    "mannelijk": "male",
    "x": "other",
    "anders": "other",
    "divers": "other",
    "": UNKNOWN,
    "u": UNKNOWN,
    "o": UNKNOWN,
    "onbekend": UNKNOWN,
    "niet bekend": UNKNOWN,
}


def recode_sex(value: str) -> str | None:
    key = normalised(value)
    if key in SEXES:
        return key
    return SEX_WORDS.get(key)


def recode_country(value: str) -> str | None:
    """An ISO 3166-1 code, "" for unknown, None if it names no country."""
    try:
        return country_code(value)
    except UnknownCountry:
        return None


@cache
def _form_index() -> dict[str, str]:
    index = {normalised(code): code for code in FORM_CODES}
    index |= {normalised(code.replace("-", "_")): code for code in FORM_CODES}
    short: dict[str, set[str]] = {}
    for code, names in form_names().items():
        for name in names.values():
            index[normalised(name)] = code
            # "Arbeidsuitbuiting (inclusief gedwongen bedelarij)" → "arbeidsuitbuiting", unless
            # two forms share it ("Seksuele uitbuiting" is domestic or cross-border).
            short.setdefault(normalised(name.split(" (")[0]), set()).add(code)
    index |= {name: codes.pop() for name, codes in short.items() if len(codes) == 1}
    return index


def recode_form(value: str) -> str | None:
    return _form_index().get(normalised(value))


def recode_region(value: str) -> str | None:
    """A police unit code, "" for none, None if it names no police unit."""
    stripped = value.strip()
    if stripped.upper() in REGION_CODES:
        return stripped.upper()
    if not stripped:
        return ""
    by_name = {normalised(name): code for code, name in police_unit_names().items()}
    return by_name.get(normalised(stripped))


RECODERS = {
    "sex": recode_sex,
    "nationality": recode_country,
    "country_of_birth": recode_country,
    "reporter_region": recode_region,
}


@dataclass
class RecodeReport:
    """Per field: (stored value → code) with how many rows, and the values left unmapped."""

    mapped: dict[str, Counter[tuple[str, str]]] = field(default_factory=dict)
    unmapped: dict[str, Counter[str]] = field(default_factory=dict)

    def note(self, name: str, stored: str, code: str | None) -> None:
        if code is None:
            self.unmapped.setdefault(name, Counter())[stored] += 1
        elif code != stored:
            self.mapped.setdefault(name, Counter())[(stored, code)] += 1

    def lines(self) -> list[str]:
        result = []
        for name, counts in sorted(self.mapped.items()):
            for (stored, code), n in sorted(counts.items()):
                result.append(f"mapped   {name}: {stored!r} → {code!r} ({n} row(s))")
        for name, unmapped in sorted(self.unmapped.items()):
            for stored, n in sorted(unmapped.items()):
                result.append(f"UNMAPPED {name}: {stored!r} ({n} row(s))")
        return result


def recode_fields(
    values: dict[str, object], report: RecodeReport, *, clear_unmapped: bool = False
) -> dict[str, object]:
    """The changed fields of one stored registration (or count): each coded field mapped to its
    code; a value that cannot be mapped is kept (or, with `clear_unmapped`, made unknown)."""
    changes: dict[str, object] = {}
    for name, recode in RECODERS.items():
        if name not in values:
            continue
        stored = str(values[name] or "")
        code = recode(stored)
        report.note(name, stored, code)
        if code is None and clear_unmapped:
            code = UNKNOWN if name == "sex" else ""
        if code is not None and code != stored:
            changes[name] = code
    if "forms" in values:
        forms = list(_as_list(values["forms"]))
        coded = []
        for form in forms:
            code = recode_form(form)
            report.note("forms", form, code)
            if code is not None:
                coded.append(code)
            elif not clear_unmapped:
                coded.append(form)
        coded = list(dict.fromkeys(coded))
        if coded != forms:
            changes["forms"] = coded
    return changes


def _as_list(value: object) -> Iterable[str]:
    if isinstance(value, list):
        return [str(v) for v in value]
    return []
