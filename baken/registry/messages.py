"""Dutch versions of the API's validation messages, by pydantic error type."""

DUTCH = {
    "missing": "dit veld is verplicht",
    "extra_forbidden": "dit veld is onbekend en niet toegestaan",
    "string_too_long": "deze tekst is te lang",
    "string_too_short": "deze tekst is te kort",
    "string_pattern_mismatch": "deze waarde heeft niet de verwachte vorm",
    "string_type": "hier wordt tekst verwacht",
    "literal_error": "deze waarde is niet een van de toegestane waarden",
    "date_from_datetime_parsing": "hier wordt een datum (JJJJ-MM-DD) verwacht",
    "date_parsing": "hier wordt een datum (JJJJ-MM-DD) verwacht",
    "date_type": "hier wordt een datum (JJJJ-MM-DD) verwacht",
    "int_parsing": "hier wordt een geheel getal verwacht",
    "int_type": "hier wordt een geheel getal verwacht",
    "greater_than_equal": "deze waarde is te klein",
    "less_than_equal": "deze waarde is te groot",
    "bool_parsing": "hier wordt true of false verwacht",
    "bool_type": "hier wordt true of false verwacht",
    "list_type": "hier wordt een lijst verwacht",
    "too_short": "deze lijst heeft te weinig elementen",
    "too_long": "deze lijst heeft te veel elementen",
    "model_attributes_type": "hier wordt een object verwacht",
    "dict_type": "hier wordt een object verwacht",
    "json_invalid": "de inhoud is geen geldige JSON",
    "union_tag_invalid": "dit soort dossier bestaat niet",
    "union_tag_not_found": "dossier_type ontbreekt",
}

SPECIFIC = {
    "reported_on cannot lie in the future": "de meldingsdatum kan niet in de toekomst liggen",
    "a statistical registration carries no contact details": (
        "een statistische registratie bevat geen contactgegevens"
    ),
    "a registration with a request needs contact details": (
        "een registratie met een verzoek heeft contactgegevens nodig"
    ),
    "year cannot lie in the future": "het jaar kan niet in de toekomst liggen",
    "pseudonyms: at least one key is needed to count persons once": (
        "pseudoniemen: er is ten minste één sleutel nodig om personen één keer te tellen"
    ),
}


LIST_NAMES_NL = {
    "form": "vormen van uitbuiting",
    "sex": "geslacht",
    "country": "landen (ISO 3166-1)",
    "region": "politie-eenheden",
    "source_kind": "soorten bron",
}


def dutch_code_list_message(context: dict[str, object]) -> str:
    """A value refused by a code list (schemas.CODE_LIST_ERROR), in Dutch."""
    list_name = str(context.get("list", ""))
    allowed = str(context.get("allowed_text", ""))
    if list_name == "country":
        allowed = "ISO 3166-1 alpha-2 (NL, RO, BG, …) of leeg voor onbekend"
    return (
        f"'{context.get('value', '')}' staat niet op de codelijst "
        f"{LIST_NAMES_NL.get(list_name, list_name)}; toegestaan: {allowed}"
    )


def dutch_message(error_type: str, english: str) -> str:
    for phrase, dutch in SPECIFIC.items():
        if phrase in english:
            return dutch
    return DUTCH.get(error_type, "deze waarde is ongeldig")
