"""The move from YAML translation files to PO files lost nothing: every translation of the last YAML
commit is in the PO file of its language, word for word, for the same key and the same Dutch text.
(Kept for the migration; it reads the YAML files from git history.)"""
from __future__ import annotations

import subprocess

import polib
import pytest
import yaml

from conftest import PROJECT_DIR

LAST_YAML_COMMIT = "d169880"


def git_show(path: str) -> str:
    return subprocess.run(["git", "show", f"{LAST_YAML_COMMIT}:{path}"], cwd=PROJECT_DIR, capture_output=True,
                          text=True, check=True).stdout


def yaml_translations(lang: str) -> dict[str, tuple[str, str]]:
    names = subprocess.run(["git", "ls-tree", "--name-only", f"{LAST_YAML_COMMIT}:data/translations/{lang}"], cwd=PROJECT_DIR,
                           capture_output=True, text=True, check=True).stdout.split()
    found = {key: (entry["text"], entry["nl"]) for name in names
             for key, entry in yaml.safe_load(git_show(f"data/translations/{lang}/{name}")).items()}
    dutch_ui = yaml.safe_load(git_show("data/ui/nl.yml"))
    found |= {key: (text, dutch_ui[key]) for key, text in yaml.safe_load(git_show(f"data/ui/{lang}.yml")).items()}
    return found


@pytest.mark.parametrize("lang", ["fy", "en", "ar"])
def test_every_yaml_translation_is_in_the_po_file_word_for_word(lang):
    po = {entry.msgctxt: (entry.msgstr, entry.msgid) for entry in polib.pofile(str(PROJECT_DIR / "data" / "translations" / f"{lang}.po"))}
    old = yaml_translations(lang)
    assert len(old) == 1196
    assert {key: value for key, value in old.items() if po.get(key) != value} == {}
