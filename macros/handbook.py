"""The whole handbook as one validated object: items, publications, sections and interface strings."""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from .i18n import SOURCE_LANGUAGE, Translation, texts_of
from .loading import ABOUT_FILE, GLOSSARY_FILE, HOME_FILE, ITEM_FILES, LANGUAGES_FILE, PUBLICATIONS_FILE, SECTIONS_FILE, DataError, Problem, read_yaml, validate
from .models import AboutPage, GlossaryEntry, HomePage, Item, LanguageInfo, Publication, SiteSection, TranslationEntry

PROJECT_DIR = Path(__file__).resolve().parent.parent
DATA_DIR = Path(os.environ.get("HANDBOOK_DATA_DIR", PROJECT_DIR / "data"))  # tests point this at a copy
UI_DIR_NAME = "ui"
TRANSLATIONS_DIR_NAME = "translations"


KEY_PREFIXES = ((Item, "item"), (SiteSection, "section"), (Publication, "publication"), (GlossaryEntry, "glossary"),
                (LanguageInfo, "language"), (AboutPage, "about"))


def text_key(model) -> str:
    """Where a model's texts live in the translation files: 'item.fotospel', 'section.werkvormen', 'home'."""
    if isinstance(model, HomePage):
        return "home"
    return next(f"{prefix}.{model.id}" for kind, prefix in KEY_PREFIXES if isinstance(model, kind))


@dataclass
class Handbook:
    items: dict[str, Item]
    publications: dict[str, Publication]
    sections: dict[str, SiteSection]
    home: HomePage
    glossary: dict[str, GlossaryEntry]
    ui: dict[str, dict[str, str]]
    languages: dict[str, LanguageInfo]
    about: dict[str, AboutPage]
    translations: dict[str, dict[str, Translation]] = field(default_factory=dict)
    item_files: dict[str, Path] = field(default_factory=dict)  # the data file each item comes from

    def source_texts(self) -> dict[str, dict[str, str]]:
        """Every Dutch text by translation file and key, e.g. {'methods': {'item.fotospel.title': 'Fotospel'}}."""
        files: dict[str, dict[str, str]] = {}
        item_files = {model.kind: name.removesuffix(".yml") for name, model in ITEM_FILES.items()}
        for item in self.items.values():
            files.setdefault(item_files[item.kind], {}).update(texts_of(item, text_key(item)))
        for name, models in (("sections", self.sections), ("publications", self.publications), ("glossary", self.glossary),
                             ("languages", self.languages), ("about", self.about)):
            for model in models.values():
                files.setdefault(name, {}).update(texts_of(model, text_key(model)))
        files["home"] = texts_of(self.home, text_key(self.home))
        return files

    def section_of(self, item_id: str) -> SiteSection:
        return next(s for s in self.sections.values() if item_id in s.items)

    def related(self, item_id: str) -> list[Item]:
        """Items linked from this one or linking to it, in handbook order: links work both ways."""
        forward = set(self.items[item_id].related)
        backward = {other.id for other in self.items.values() if item_id in other.related}
        return [item for key, item in self.items.items() if key in forward | backward]


def _relative(path: Path, data_dir: Path) -> str:
    try:
        return str(path.relative_to(data_dir.parent))
    except ValueError:
        return str(path)


def _read_list(path: Path, label: str) -> list:
    raw = read_yaml(path, label)
    if raw is None:
        return []
    if not isinstance(raw, list):
        raise DataError([Problem(label, getattr(raw, "line", 1), "expected a list of items (lines starting with '- ')")])
    return raw


def _load_items(data_dir: Path, problems: list[Problem]) -> tuple[dict[str, Item], dict[str, tuple[str, int, Path]]]:
    items: dict[str, Item] = {}
    where: dict[str, tuple[str, int]] = {}
    for filename, model in ITEM_FILES.items():
        path = data_dir / filename
        if not path.exists():
            continue
        label = _relative(path, data_dir)
        for raw in _read_list(path, label):
            item_id = raw.get("id") if isinstance(raw, dict) else None
            item, found = validate(raw, model, label, item_id)
            problems += found
            if item is None:
                continue
            line = getattr(raw, "line", None)
            if item.id in items:
                first_file, first_line, _ = where[item.id]
                problems.append(Problem(label, line, f"duplicate id; first used at {first_file}:{first_line}", item.id, "id"))
                continue
            items[item.id] = item
            where[item.id] = (label, line, path)
    return items, where


def _load_keyed(path: Path, model, data_dir: Path, problems: list[Problem]) -> tuple[dict, dict]:
    label = _relative(path, data_dir)
    result, where = {}, {}
    for raw in _read_list(path, label):
        item_id = raw.get("id") if isinstance(raw, dict) else None
        value, found = validate(raw, model, label, item_id)
        problems += found
        if value is not None:
            if value.id in result:
                problems.append(Problem(label, getattr(raw, "line", None), "duplicate id", value.id, "id"))
            result[value.id] = value
            where[value.id] = (label, getattr(raw, "line", None))
    return result, where


def _load_tables(folder: Path, languages: list[str], data_dir: Path, problems: list[Problem]) -> dict[str, dict]:
    """Read one flat key → text table per language from ``folder/<lang>.yml``."""
    tables = {}
    for path in sorted(folder.glob("*.yml")) if folder.exists() else []:
        label = _relative(path, data_dir)
        if path.stem not in languages:
            problems.append(Problem(label, None, f"unknown language '{path.stem}'; the site has {', '.join(languages)}"))
            continue
        raw = read_yaml(path, label) or {}
        if not isinstance(raw, dict):
            problems.append(Problem(label, getattr(raw, "line", 1), "expected a mapping of key: text"))
            continue
        for key, text in raw.items():
            if not isinstance(text, str) or not text.strip():
                problems.append(Problem(label, raw.key_lines.get(key), "expected a non-empty text", field=str(key)))
        tables[path.stem] = raw
    return tables


def _load_translations(folder: Path, languages: list[str], data_dir: Path, problems: list[Problem]) -> dict:
    """Read data/translations/<lang>/*.yml: key → {text, nl} where nl is the Dutch text translated."""
    translations: dict[str, dict[str, Translation]] = {}
    for lang_dir in sorted(p for p in folder.iterdir() if p.is_dir()) if folder.exists() else []:
        if lang_dir.name not in languages or lang_dir.name == SOURCE_LANGUAGE:
            problems.append(Problem(_relative(lang_dir, data_dir), None, f"unknown language '{lang_dir.name}'; "
                                    f"translations are for {', '.join(languages[1:])}"))
            continue
        catalog = translations.setdefault(lang_dir.name, {})
        for path in sorted(lang_dir.glob("*.yml")):
            label = _relative(path, data_dir)
            raw = read_yaml(path, label) or {}
            if not isinstance(raw, dict):
                problems.append(Problem(label, getattr(raw, "line", 1), "expected a mapping of key: {text, nl}"))
                continue
            for key, entry in raw.items():
                value, found = validate(entry, TranslationEntry, label, str(key))
                for problem in found:
                    problem.line = problem.line or raw.key_lines.get(key)
                problems += found
                if value is not None:
                    catalog[str(key)] = Translation(value.text, value.nl)
    return translations


def _check_ui(ui: dict[str, dict], languages: list[str], data_dir: Path, problems: list[Problem]) -> None:
    """Every language has every interface string the source language has, and no others."""
    source = ui.get(languages[0], {})
    for lang in languages:
        label = f"{UI_DIR_NAME}/{lang}.yml"
        if lang not in ui:
            problems.append(Problem(_relative(data_dir / UI_DIR_NAME / f"{lang}.yml", data_dir), None, "missing interface table"))
            continue
        for key in sorted(source.keys() - ui[lang].keys()):
            problems.append(Problem(_relative(data_dir / label, data_dir), None, "interface string missing", field=key))
        for key in sorted(ui[lang].keys() - source.keys()):
            problems.append(Problem(_relative(data_dir / label, data_dir), ui[lang].key_lines.get(key),
                                    f"key not in the {languages[0]} table", field=key))


def _check_references(book: Handbook, where: dict, section_where: dict, home_label: str, problems: list[Problem]) -> None:
    """Every id that is referred to exists, and every item sits in exactly one section."""
    for item in book.items.values():
        file, line, _ = where[item.id]
        for ref in item.related:
            if ref not in book.items:
                problems.append(Problem(file, line, f"refers to '{ref}', which does not exist", item.id, "related"))
        if item.source.publication not in book.publications:
            problems.append(Problem(file, line, f"unknown publication '{item.source.publication}'", item.id, "source.publication"))
        homes = [s.id for s in book.sections.values() if item.id in s.items]
        if len(homes) != 1:
            problems.append(Problem(file, line, f"must be listed in exactly one section of sections.yml, found {homes}", item.id))
    for section in book.sections.values():
        file, line = section_where[section.id]
        for ref in section.items:
            if ref not in book.items:
                problems.append(Problem(file, line, f"lists '{ref}', which does not exist", section.id, "items"))
        if section.publication and section.publication not in book.publications:
            problems.append(Problem(file, line, f"unknown publication '{section.publication}'", section.id, "publication"))
    for number, task in enumerate(book.home.tasks):
        if task.target not in book.items and task.target not in book.sections:
            problems.append(Problem(home_label, None, f"'{task.target}' is neither an item nor a section", field=f"tasks.{number}.target"))


def load_handbook(languages: list[str], data_dir: Path = DATA_DIR) -> Handbook:
    """The checked handbook; read again only when a data file has changed (a build asks for it often)."""
    stamp = (tuple(languages), str(data_dir), max((p.stat().st_mtime_ns for p in data_dir.rglob("*.yml")), default=0))
    if stamp not in _loaded:
        _loaded.clear()
        _loaded[stamp] = _read_handbook(languages, data_dir)
    return _loaded[stamp]


_loaded: dict[tuple, Handbook] = {}


def _read_handbook(languages: list[str], data_dir: Path) -> Handbook:
    """Load and check every data file; raise DataError listing every problem found."""
    problems: list[Problem] = []
    items, where = _load_items(data_dir, problems)
    publications, _ = _load_keyed(data_dir / PUBLICATIONS_FILE, Publication, data_dir, problems)
    sections, section_where = _load_keyed(data_dir / SECTIONS_FILE, SiteSection, data_dir, problems)
    glossary, _ = _load_keyed(data_dir / GLOSSARY_FILE, GlossaryEntry, data_dir, problems)
    language_info, _ = _load_keyed(data_dir / LANGUAGES_FILE, LanguageInfo, data_dir, problems)
    about, _ = _load_keyed(data_dir / ABOUT_FILE, AboutPage, data_dir, problems)
    for locale in language_info.keys() - set(languages[1:]):
        problems.append(Problem(_relative(data_dir / LANGUAGES_FILE, data_dir), None, f"unknown language '{locale}'"))
    home_label = _relative(data_dir / HOME_FILE, data_dir)
    home, found = validate(read_yaml(data_dir / HOME_FILE, home_label), HomePage, home_label)
    problems += found
    ui = _load_tables(data_dir / UI_DIR_NAME, languages, data_dir, problems)
    _check_ui(ui, languages, data_dir, problems)
    translations = _load_translations(data_dir / TRANSLATIONS_DIR_NAME, languages, data_dir, problems)
    if problems:
        raise DataError(problems)
    book = Handbook(items, publications, sections, home, glossary, ui, language_info, about, translations,
                    {item_id: path for item_id, (_, _, path) in where.items()})
    _check_references(book, where, section_where, home_label, problems)
    if problems:
        raise DataError(problems)
    return book
