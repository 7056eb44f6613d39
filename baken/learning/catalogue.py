"""The training modules: content and quizzes kept as versioned data in `learning/data/modules/`.

Each module is a folder with `module.json` (titles, pass mark, quiz with feedback per answer, in
Dutch and English, and the sources its facts come from) and `nl.md` / `en.md` (the text and case
vignettes). Framework-free: plain data in, plain data out. Changing a module's text, quiz or
sources means raising its `version`.

Rules the loader enforces: every module names at least one source (a title, and a web address
where there is one); every answer's feedback says why, not only "Nee." or "Juist."."""

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from markdown_it import MarkdownIt

MODULES_DIR = Path(__file__).resolve().parent / "data" / "modules"
LANGUAGES = ("nl", "en")


@dataclass(frozen=True)
class Text:
    nl: str
    en: str

    def in_language(self, language: str | None) -> str:
        return self.en if language == "en" else self.nl


@dataclass(frozen=True)
class Option:
    id: str
    text: Text
    correct: bool
    feedback: Text


@dataclass(frozen=True)
class Question:
    id: str
    text: Text
    options: tuple[Option, ...]

    def option(self, option_id: str) -> Option | None:
        return next((option for option in self.options if option.id == option_id), None)


@dataclass(frozen=True)
class Source:
    title: str
    url: str = ""


@dataclass(frozen=True)
class Module:
    slug: str
    version: str
    order: int
    minutes: int
    mandatory_for_new_staff: bool
    pass_mark: int
    title: Text
    summary: Text
    questions: tuple[Question, ...]
    content_html: Text
    sources: tuple[Source, ...] = ()


class CatalogueError(ValueError):
    pass


def _text(data: Any, where: str) -> Text:
    if not isinstance(data, dict) or not all(isinstance(data.get(lang), str) for lang in LANGUAGES):
        raise CatalogueError(f"{where}: needs a Dutch and an English text ('nl' and 'en')")
    return Text(nl=data["nl"], en=data["en"])


# A verdict word alone ("Nee.", "Right (question 2).") is not feedback: after it at least this many
# words must say why.
MIN_FEEDBACK_WORDS = 3
VERDICT = re.compile(r"^\s*(nee|no|juist|right|ja|yes|fout|wrong|klopt|correct)\b[\s.,:;!]*", re.I)


def feedback_explains(text: str) -> bool:
    rest = VERDICT.sub("", text)
    return len(re.findall(r"\w+", rest)) >= MIN_FEEDBACK_WORDS


def _feedback(data: Any, where: str) -> Text:
    text = _text(data, where)
    for language in LANGUAGES:
        if not feedback_explains(text.in_language(language)):
            raise CatalogueError(
                f"{where} ({language}): feedback must say why, not only whether "
                f"(at least {MIN_FEEDBACK_WORDS} words after 'Nee'/'Juist')"
            )
    return text


def _sources(data: Any, where: str) -> tuple[Source, ...]:
    if not isinstance(data, list) or not data:
        raise CatalogueError(f"{where}: 'sources' must list at least one source")
    sources = []
    for item in data:
        title = item.get("title") if isinstance(item, dict) else None
        url = item.get("url", "") if isinstance(item, dict) else ""
        if not isinstance(title, str) or not title.strip():
            raise CatalogueError(f"{where}: every source needs a 'title'")
        if not isinstance(url, str) or (url and not url.startswith(("https://", "http://"))):
            raise CatalogueError(
                f"{where}: source {title!r}: 'url' must be a web address (http or https)"
            )
        sources.append(Source(title=title.strip(), url=url))
    return tuple(sources)


def _question(data: dict[str, Any], where: str) -> Question:
    options = tuple(
        Option(
            id=str(option["id"]),
            text=_text(option["text"], f"{where} option {option['id']}"),
            correct=bool(option["correct"]),
            feedback=_feedback(option["feedback"], f"{where} option {option['id']} feedback"),
        )
        for option in data["options"]
    )
    if len({option.id for option in options}) != len(options) or len(options) < 2:
        raise CatalogueError(f"{where}: needs at least two options with distinct ids")
    if sum(option.correct for option in options) != 1:
        raise CatalogueError(f"{where}: needs exactly one correct option")
    return Question(id=str(data["id"]), text=_text(data["text"], where), options=options)


def render_markdown(source: str) -> str:
    """Markdown to HTML; raw HTML in the source is escaped, not passed through."""
    return str(MarkdownIt("commonmark", {"html": False}).render(source))


def read_module(folder: Path) -> Module:
    data = json.loads((folder / "module.json").read_text(encoding="utf-8"))
    where = f"{folder.name}/module.json"
    if data.get("slug") != folder.name:
        raise CatalogueError(f"{where}: 'slug' must equal the folder name")
    questions = tuple(
        _question(question, f"{where} question {question.get('id')}")
        for question in data["questions"]
    )
    if len({question.id for question in questions}) != len(questions):
        raise CatalogueError(f"{where}: question ids must be distinct")
    if not 1 <= int(data["pass_mark"]) <= len(questions):
        raise CatalogueError(f"{where}: 'pass_mark' must lie between 1 and the number of questions")
    content = {
        lang: render_markdown((folder / f"{lang}.md").read_text(encoding="utf-8"))
        for lang in LANGUAGES
    }
    return Module(
        slug=data["slug"],
        version=str(data["version"]),
        order=int(data["order"]),
        minutes=int(data["minutes"]),
        mandatory_for_new_staff=bool(data["mandatory_for_new_staff"]),
        pass_mark=int(data["pass_mark"]),
        title=_text(data["title"], f"{where} title"),
        summary=_text(data["summary"], f"{where} summary"),
        questions=questions,
        content_html=Text(nl=content["nl"], en=content["en"]),
        sources=_sources(data.get("sources"), where),
    )


def read_modules(directory: Path) -> tuple[Module, ...]:
    modules = [read_module(folder) for folder in directory.iterdir() if folder.is_dir()]
    return tuple(sorted(modules, key=lambda module: (module.order, module.slug)))


@cache
def all_modules() -> tuple[Module, ...]:
    return read_modules(MODULES_DIR)


def find_module(slug: str) -> Module | None:
    return next((module for module in all_modules() if module.slug == slug), None)


def default_mandatory_slugs() -> list[str]:
    return [module.slug for module in all_modules() if module.mandatory_for_new_staff]
