"""The training content is data: every module loads, in both languages, with a sound quiz."""

import json
from pathlib import Path

import pytest

from baken.learning.catalogue import (
    MODULES_DIR,
    CatalogueError,
    all_modules,
    read_module,
    render_markdown,
)
from baken.learning.quiz import IncompleteAnswers, score_quiz


def test_every_module_loads_with_content_vignette_and_quiz_in_dutch_and_english() -> None:
    modules = all_modules()
    slugs = {module.slug for module in modules}
    assert {
        "sexual-exploitation",
        "labour-exploitation",
        "criminal-exploitation",
        "financial-exploitation",
        "other-forms-and-smuggling",
        "talking-with-youth",
        "meldcode",
        "consent-and-privacy",
        "registering",
    } <= slugs
    for module in modules:
        assert "<h2>Casus" in module.content_html.nl, module.slug
        assert "<h2>Case" in module.content_html.en, module.slug
        assert len(module.questions) >= 3
        for question in module.questions:
            assert all(option.feedback.nl and option.feedback.en for option in question.options)


def test_the_correct_answer_is_not_always_in_the_same_place() -> None:
    positions = {
        [o.correct for o in question.options].index(True)
        for module in all_modules()
        for question in module.questions
    }
    assert positions == {0, 1, 2}


def test_markdown_does_not_pass_raw_html_through() -> None:
    assert "<script>" not in render_markdown("Hallo <script>alert(1)</script>")


def copy_module(tmp_path: Path, change: dict[str, object]) -> Path:
    source = MODULES_DIR / "meldcode"
    folder = tmp_path / "meldcode"
    folder.mkdir(parents=True)
    for name in ("nl.md", "en.md"):
        (folder / name).write_text((source / name).read_text(encoding="utf-8"), encoding="utf-8")
    data = json.loads((source / "module.json").read_text(encoding="utf-8"))
    data.update(change)
    (folder / "module.json").write_text(json.dumps(data), encoding="utf-8")
    return folder


def test_a_pass_mark_above_the_number_of_questions_is_refused(tmp_path: Path) -> None:
    with pytest.raises(CatalogueError, match="pass_mark"):
        read_module(copy_module(tmp_path, {"pass_mark": 9}))


def test_a_question_without_a_correct_option_is_refused(tmp_path: Path) -> None:
    data = json.loads((MODULES_DIR / "meldcode" / "module.json").read_text(encoding="utf-8"))
    for option in data["questions"][0]["options"]:
        option["correct"] = False
    with pytest.raises(CatalogueError, match="exactly one correct"):
        read_module(copy_module(tmp_path, {"questions": data["questions"]}))


def test_scoring_gives_feedback_per_answer_and_applies_the_pass_mark() -> None:
    module = next(m for m in all_modules() if m.slug == "meldcode")
    right = {q.id: next(o.id for o in q.options if o.correct) for q in module.questions}
    wrong = {q.id: next(o.id for o in q.options if not o.correct) for q in module.questions}

    result = score_quiz(module, right)
    assert (result.correct, result.total, result.passed) == (5, 5, True)
    one_wrong = {**right, "q1": wrong["q1"]}
    assert score_quiz(module, one_wrong).passed is True  # pass mark 4 of 5
    two_wrong = {**one_wrong, "q2": wrong["q2"]}
    result = score_quiz(module, two_wrong)
    assert (result.correct, result.passed) == (3, False)
    assert result.answers[0].chosen.feedback.nl != result.answers[2].chosen.feedback.nl

    with pytest.raises(IncompleteAnswers) as missing:
        score_quiz(module, {"q1": right["q1"], "q2": "z"})
    assert missing.value.missing == ["q2", "q3", "q4", "q5"]


def test_every_module_names_its_sources() -> None:
    for module in all_modules():
        assert module.sources, module.slug
        assert all(source.title for source in module.sources)


def test_a_module_without_sources_is_refused(tmp_path: Path) -> None:
    with pytest.raises(CatalogueError, match="at least one source"):
        read_module(copy_module(tmp_path / "none", {"sources": []}))
    with pytest.raises(CatalogueError, match="web address"):
        read_module(copy_module(tmp_path / "ftp", {"sources": [{"title": "x", "url": "ftp://x"}]}))


@pytest.mark.parametrize("bare", ["Nee.", "No.", "Juist (vraag 2).", "Right."])
def test_feedback_that_does_not_say_why_is_refused(tmp_path: Path, bare: str) -> None:
    data = json.loads((MODULES_DIR / "meldcode" / "module.json").read_text(encoding="utf-8"))
    data["questions"][0]["options"][0]["feedback"] = {"nl": bare, "en": bare}
    with pytest.raises(CatalogueError, match="must say why"):
        read_module(copy_module(tmp_path, {"questions": data["questions"]}))


def test_the_meldcode_module_teaches_that_every_form_of_trafficking_of_minors_falls_under_it() -> (
    None
):
    module = next(m for m in all_modules() if m.slug == "meldcode")
    assert "in elke vorm" in module.content_html.nl
    assert "in every form" in module.content_html.en
    for phrase in ("Seksuele uitbuiting van een minderjarige is kindermishandeling",):
        assert phrase not in module.content_html.nl


def test_no_module_calls_the_pseudonyms_untraceable_or_credits_36_547_with_new_forms() -> None:
    for module in all_modules():
        texts = [module.content_html.nl, module.content_html.en]
        texts += [
            part
            for question in module.questions
            for option in question.options
            for part in (option.text.nl, option.text.en, option.feedback.nl, option.feedback.en)
        ]
        for text in texts:
            assert "niet herleidbaar" not in text, module.slug
            assert "not traceable" not in text, module.slug
            assert "36 547) voegt" not in text and "36 547) adds" not in text, module.slug
