"""The whole handbook as one checked object: items, sections, pages, languages, interface strings and
translations, read from data/ through the kinds registry (and the PO files in data/translations/)."""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import polib

from ..html.names import names_pattern
from ..translation.catalog import Translation, texts_of
from .kinds import ABOUT, GLOSSARY, HOME, ITEM_KINDS, LANGUAGES, PUBLICATIONS, SECTIONS, STANDALONE, kind_of, text_key
from .models import AboutPage, GlossaryEntry, HomePage, Item, Language, Markdown, Plain, Publication, SiteSection, StandalonePage
from .yaml_files import MAX_BYTES, DataError, Problem, read_yaml, validate

PROJECT_DIR = Path(__file__).resolve().parents[2]
DATA_DIR = Path(os.environ.get("HANDBOOK_DATA_DIR", PROJECT_DIR / "data"))  # tests point this at a fixture
NAMES_FILE = "dutch-names.yml"  # Dutch names that stay Dutch inside translated text
UI_FILE = "ui.yml"  # the interface strings in Dutch; their translations are in the PO files
TRANSLATIONS_DIR_NAME = "translations"
UI_FALLBACK = "en"  # the interface language a translation uses for strings it has not translated yet


@dataclass
class Handbook:
    items: dict[str, Item]
    publications: dict[str, Publication]
    sections: dict[str, SiteSection]
    home: HomePage
    glossary: dict[str, GlossaryEntry]
    ui: dict[str, dict[str, str]]  # interface strings per language, with fallbacks for untranslated ones
    languages: dict[str, Language]  # the source language first
    about: dict[str, AboutPage]
    standalone: dict[str, StandalonePage]
    translations: dict[str, dict[str, Translation]] = field(default_factory=dict)
    item_files: dict[str, Path] = field(default_factory=dict)  # the data file each item comes from
    dutch_names: list[str] = field(default_factory=list)

    @cached_property
    def dutch_names_pattern(self):
        return names_pattern(self.dutch_names)

    @property
    def source(self) -> Language:
        return next(iter(self.languages.values()))

    def source_texts(self) -> dict[str, dict[str, str]]:
        """Every Dutch text to translate, by data file and key: {'methods': {'item.fotospel.title': 'Fotospel'},
        ..., 'ui': {'action.print': 'Printen'}}."""
        files: dict[str, dict[str, str]] = {}
        for model in (*self.items.values(), *self.sections.values(), *self.publications.values(),
                      *self.glossary.values(), *list(self.languages.values())[1:], *self.about.values(), self.home):
            files.setdefault(kind_of(model).text_file, {}).update(texts_of(model, text_key(model)))
        files[UI_FILE.removesuffix(".yml")] = {key: Plain(text) for key, text in self.ui[self.source.code].items()}
        return files

    def section_of(self, item_id: str) -> SiteSection:
        return next(s for s in self.sections.values() if item_id in s.items)

    def related(self, item_id: str) -> list[Item]:
        """Items linked from this one or linking to it, in handbook order: links work both ways."""
        forward = set(self.items[item_id].related)
        backward = {other.id for other in self.items.values() if item_id in other.related}
        return [item for key, item in self.items.items() if key in forward | backward]


def load_handbook(data_dir: Path | None = None, with_translations: bool = True) -> Handbook:
    """The checked handbook; read again only when a data file has changed (a build asks for it often).
    Without translations: the Dutch only, for bringing PO files that are behind up to date."""
    data_dir = data_dir or DATA_DIR
    files = [*data_dir.rglob("*.yml"), *data_dir.rglob("*.po")]
    stamp = (str(data_dir), with_translations, max((p.stat().st_mtime_ns for p in files), default=0))
    if stamp not in _loaded:
        _loaded.clear()
        _loaded[stamp] = _read_handbook(data_dir, with_translations)
    return _loaded[stamp]


_loaded: dict[tuple, Handbook] = {}


def load_languages(data_dir: Path | None = None) -> list[Language]:
    """The site's languages, source first (needed before the rest, to configure the build)."""
    data_dir = data_dir or DATA_DIR
    problems: list[Problem] = []
    languages = _check_languages(_load_keyed(data_dir, LANGUAGES, problems), data_dir, problems)
    if problems:
        raise DataError(problems)
    return list(languages.values())


# --- Reading ---


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


def _load_keyed(data_dir: Path, kind, problems: list[Problem], where: dict | None = None) -> dict:
    """Read one data file of models with an id; ``where`` gets (file label, line, path) per id."""
    path = data_dir / kind.data_file
    label = _relative(path, data_dir)
    result: dict = {}
    where = {} if where is None else where
    for raw in _read_list(path, label) if path.exists() else []:
        item_id = raw.get("id", raw.get("code")) if isinstance(raw, dict) else None
        value, found = validate(raw, kind.model, label, item_id)
        problems += found
        if value is None:
            continue
        line = getattr(raw, "line", None)
        if value.id in where:
            first_file, first_line, _ = where[value.id]
            problems.append(Problem(label, line, f"duplicate id; first used at {first_file}:{first_line}", value.id, "id"))
            continue
        result[value.id] = value
        where[value.id] = (label, line, path)
    return result


def _check_languages(languages: dict[str, Language], data_dir: Path, problems: list[Problem]) -> dict[str, Language]:
    label = _relative(data_dir / LANGUAGES.data_file, data_dir)
    codes = list(languages)
    if not codes or not languages[codes[0]].source or sum(lang.source for lang in languages.values()) != 1:
        problems.append(Problem(label, None, "the first language, and only that one, must have 'source: true'"))
    for lang in list(languages.values())[1:]:
        if lang.translated_by is None:
            problems.append(Problem(label, None, "a translation must say who made it", lang.code, "translated_by"))
    return languages


def _load_ui(data_dir: Path, problems: list[Problem]) -> dict[str, str]:
    """The Dutch interface strings: a flat key → text table."""
    label = _relative(data_dir / UI_FILE, data_dir)
    raw = read_yaml(data_dir / UI_FILE, label) or {}
    if not isinstance(raw, dict):
        problems.append(Problem(label, getattr(raw, "line", 1), "expected a mapping of key: text"))
        return {}
    for key, text in raw.items():
        if not isinstance(text, str) or not text.strip():
            problems.append(Problem(label, raw.key_lines.get(key), "expected a non-empty text", field=str(key)))
    return dict(raw)


def _load_names(data_dir: Path, problems: list[Problem]) -> list[str]:
    """The Dutch names of data/dutch-names.yml: a plain list of texts."""
    path = data_dir / NAMES_FILE
    label = _relative(path, data_dir)
    raw = read_yaml(path, label) if path.exists() else []
    if not isinstance(raw, list) or not all(isinstance(name, str) and name.strip() for name in raw):
        problems.append(Problem(label, getattr(raw, "line", 1), "expected a list of names (lines starting with '- ')"))
        return []
    return list(raw)


def _load_translations(folder: Path, languages: list[str], data_dir: Path, problems: list[Problem]) -> dict:
    """Read data/translations/<code>.po: key (msgctxt) → the translation and the Dutch text it translates."""
    translations: dict[str, dict[str, Translation]] = {}
    for path in sorted(folder.glob("*.po")) if folder.exists() else []:
        label = _relative(path, data_dir)
        if path.stem not in languages[1:]:
            problems.append(Problem(label, None, f"unknown language '{path.stem}'; translations are for {', '.join(languages[1:])}"))
            continue
        if path.stat().st_size > MAX_BYTES:
            problems.append(Problem(label, None, f"the file is larger than {MAX_BYTES:,} bytes"))
            continue
        try:
            po = polib.pofile(str(path))
        except (OSError, ValueError) as err:
            problems.append(Problem(label, None, f"not a readable PO file: {err}"))
            continue
        catalog = translations.setdefault(path.stem, {})
        for entry in po:
            if entry.obsolete or not entry.msgstr:
                continue
            if not entry.msgctxt:
                problems.append(Problem(label, entry.linenum, "an entry without msgctxt: every text needs its key"))
                continue
            catalog[entry.msgctxt] = Translation(entry.msgstr, entry.msgid, label, entry.linenum, entry.fuzzy,
                                                     entry.previous_msgid)
    return translations


def _ui_tables(ui: dict[str, str], translations: dict, codes: list[str]) -> dict[str, dict[str, str]]:
    """The interface strings per language: the translation, else the fallback language's, else Dutch."""
    def table(code: str) -> dict[str, str]:
        catalog = translations.get(code, {})
        fallback = translations.get(UI_FALLBACK, {})
        return {key: (catalog.get(key) or fallback.get(key) or Translation(text, text)).text for key, text in ui.items()}

    return {code: table(code) if index else ui for index, code in enumerate(codes)}


# --- Checking ---


def _check_translations(book: Handbook, problems: list[Problem]) -> None:
    """Every translation has a Dutch text with its key, and a translated Markdown text is as safe as a
    Dutch one: translations come from translators and platforms, so they are untrusted input."""
    source = {key: text for texts in book.source_texts().values() for key, text in texts.items()}
    for catalog in book.translations.values():
        for key, entry in catalog.items():
            if key not in source:
                problems.append(Problem(entry.file, entry.line, "no Dutch text has this key (removed or renamed?)", field=key))
            elif isinstance(source[key], Markdown):
                try:
                    Markdown._check(entry.text)
                except ValueError as err:
                    problems.append(Problem(entry.file, entry.line, str(err), field=key))


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
        file, line, _ = section_where[section.id]
        for ref in section.items:
            if ref not in book.items:
                problems.append(Problem(file, line, f"lists '{ref}', which does not exist", section.id, "items"))
        if section.publication and section.publication not in book.publications:
            problems.append(Problem(file, line, f"unknown publication '{section.publication}'", section.id, "publication"))
    for number, task in enumerate(book.home.tasks):
        if task.target not in (*book.items, *book.sections, *book.standalone):
            problems.append(Problem(home_label, None, f"'{task.target}' is not an item, a section or a standalone page",
                                    field=f"tasks.{number}.target"))


def _check_addresses(book: Handbook, data_dir: Path, problems: list[Problem]) -> None:
    """Sections, about pages and standalone pages each have their own address at the language root."""
    seen: dict[str, str] = {lang.code: "a language folder" for lang in book.languages.values()}
    for kind, models in ((SECTIONS, book.sections), (ABOUT, book.about), (STANDALONE, book.standalone)):
        for model_id in models:
            if len(model_id) <= 3:
                problems.append(Problem(_relative(data_dir / kind.data_file, data_dir), None,
                                        "addresses of two or three letters are kept for languages; use a longer id", model_id, "id"))
            if model_id in seen:
                problems.append(Problem(_relative(data_dir / kind.data_file, data_dir), None,
                                        f"the address '{model_id}/' is already taken by {seen[model_id]}", model_id, "id"))
            seen[model_id] = f"data/{kind.data_file}"


def _read_handbook(data_dir: Path, with_translations: bool) -> Handbook:
    """Load and check every data file; raise DataError listing every problem found."""
    problems: list[Problem] = []
    languages = _check_languages(_load_keyed(data_dir, LANGUAGES, problems), data_dir, problems)
    codes = list(languages)
    item_where: dict = {}
    items: dict[str, Item] = {}
    for kind in ITEM_KINDS:
        items |= _load_keyed(data_dir, kind, problems, item_where)
    section_where: dict = {}
    sections = _load_keyed(data_dir, SECTIONS, problems, section_where)
    publications = _load_keyed(data_dir, PUBLICATIONS, problems)
    glossary = _load_keyed(data_dir, GLOSSARY, problems)
    about = _load_keyed(data_dir, ABOUT, problems)
    standalone = _load_keyed(data_dir, STANDALONE, problems)
    home_label = _relative(data_dir / HOME.data_file, data_dir)
    home, found = validate(read_yaml(data_dir / HOME.data_file, home_label), HomePage, home_label)
    problems += found
    ui = _load_ui(data_dir, problems)
    dutch_names = _load_names(data_dir, problems)
    translations = _load_translations(data_dir / TRANSLATIONS_DIR_NAME, codes, data_dir, problems) if with_translations else {}
    if problems:
        raise DataError(problems)
    ui = _ui_tables(ui, translations, codes)
    book = Handbook(items, publications, sections, home, glossary, ui, languages, about, standalone, translations,
                    {item_id: path for item_id, (_, _, path) in item_where.items()}, dutch_names)
    _check_references(book, item_where, section_where, home_label, problems)
    _check_addresses(book, data_dir, problems)
    _check_translations(book, problems)
    if problems:
        raise DataError(problems)
    return book
