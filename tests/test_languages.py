"""Four languages: every interface string exists in each, and Frisian has its own theme strings."""
from __future__ import annotations

import re
from pathlib import Path

import material
import yaml

from conftest import PROJECT_DIR

THEME_KEY = re.compile(r'^\s*"([a-z.]+)":', re.M)


def test_every_language_has_every_interface_string(book, languages):
    source = set(book.ui[languages[0]])
    for lang in languages[1:]:
        assert set(book.ui[lang]) == source, lang
        assert all(text.strip() for text in book.ui[lang].values()), lang


def test_every_interface_string_is_used():
    code = "".join(p.read_text(encoding="utf-8") for folder in ("macros", "overrides")
                   for p in (PROJECT_DIR / folder).rglob("*") if p.suffix in {".py", ".html"})
    keys = yaml.safe_load((PROJECT_DIR / "data" / "ui" / "nl.yml").read_text(encoding="utf-8"))
    dynamic = ("kind.", "facet.", "language.")  # built from an item's kind, a facet, or a language code
    unused = [key for key in keys if f'"{key}"' not in code and not key.startswith(dynamic)]
    assert unused == []


def test_frisian_has_every_theme_string_of_material():
    dutch = Path(material.__file__).parent / "templates" / "partials" / "languages" / "nl.html"
    frisian = PROJECT_DIR / "overrides" / "partials" / "languages" / "fy.html"
    assert THEME_KEY.findall(frisian.read_text(encoding="utf-8")) == THEME_KEY.findall(dutch.read_text(encoding="utf-8"))
    assert '"language": "fy"' in frisian.read_text(encoding="utf-8")
