"""Small, hand-made registries for the clerical tests: registrations with chosen keys, candidate
pairs with chosen scores, and a trained model's weights."""

from datetime import date
from typing import Any

from django.utils import timezone

from baken.registry.models import LinkageRun, Registration, Source
from baken.registry.tokens import issue_source


def source_named(name: str, kind: str = "police") -> Source:
    source = Source.objects.filter(name=name).first()
    if source is None:
        source, _token = issue_source(name=name, kind=kind)
    return source


def registration(source: str, number: int, **fields: Any) -> Registration:
    values: dict[str, Any] = {
        "dossier_type": "statistical",
        "key_version": "k1",
        "k_name": f"{number:032x}",
        "birth_year": 2008,
        "sex": "female",
        "nationality": "NG",
        "forms": ["labour"],
        "reported_on": date(2026, 10, 1),
    }
    return Registration.objects.create(
        source=source_named(source), idempotency_key=f"c-{number}", **(values | fields)
    )


def level(label: str, m: float | None, u: float | None, null: bool = False) -> dict[str, Any]:
    return {"label_for_charts": label, "m_probability": m, "u_probability": u} | (
        {"is_null_level": True} if null else {}
    )


MODEL: dict[str, Any] = {
    "probability_two_random_records_match": 0.001,
    "comparisons": [
        {
            "output_column_name": "name",
            "comparison_levels": [
                level("name missing", None, None, null=True),
                level("same name", 0.8, 0.0005),
                level("names differ", 0.05, 0.9),
            ],
        },
        {
            "output_column_name": "birth",
            "comparison_levels": [
                level("date of birth missing", None, None, null=True),
                level("same date of birth", 0.7, 0.002),
                level("same year, other date", 0.1, 0.08),
                level("dates differ", 0.02, 0.9),
            ],
        },
        {
            "output_column_name": "sex",
            "comparison_levels": [
                level("sex missing", None, None, null=True),
                level("same sex", 0.98, 0.5),
                level("sex differs", 0.02, 0.5),
            ],
        },
    ],
}


def trained_run(threshold: float = 0.8) -> LinkageRun:
    return LinkageRun.objects.create(
        finished_at=timezone.now(), model=MODEL, link_threshold=threshold
    )
