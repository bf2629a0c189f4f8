"""The move from YAML translation files to PO files lost nothing: every translation of the last YAML
commit is in the PO file of its language as the migration wrote it, word for word, for the same key and the
same Dutch text. (Kept for the migration; it reads both from git history, so later changes of the Dutch
texts, which make entries fuzzy, do not count.)"""
from __future__ import annotations

import subprocess

import polib
import pytest
import yaml

from conftest import PROJECT_DIR

LAST_YAML_COMMIT = "d169880"
MIGRATION_COMMIT = "ec3a89e"  # the commit that wrote the PO files


def git_show(path: str, commit: str = LAST_YAML_COMMIT) -> str:
    return subprocess.run(["git", "show", f"{commit}:{path}"], cwd=PROJECT_DIR, capture_output=True,
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
    migrated = polib.pofile(git_show(f"data/translations/{lang}.po", MIGRATION_COMMIT))
    po = {entry.msgctxt: (entry.msgstr, entry.msgid) for entry in migrated}
    old = yaml_translations(lang)
    assert len(old) == 1196
    assert {key: value for key, value in old.items() if po.get(key) != value} == {}
