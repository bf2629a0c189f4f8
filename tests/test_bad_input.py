"""Bad data stops the build with one clear message: file, line, item id, field and what was expected."""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import LANGUAGES, build_site
from macros.handbook import load_handbook
from macros.loading import DataError


def edit(path: Path, old: str, new: str) -> int:
    """Replace ``old`` once in ``path`` and return the (1-based) line where the change starts."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) >= 1, f"{old!r} not in {path}"
    start = text.index(old)
    path.write_text(text[:start] + new + text[start + len(old):], encoding="utf-8")
    return text[:start].count("\n") + 1


def error_for(data_dir: Path) -> str:
    with pytest.raises(DataError) as caught:
        load_handbook(LANGUAGES, data_dir)
    return str(caught.value)


def test_yaml_syntax_error_names_file_and_line(data_copy):
    line = edit(data_copy / "methods.yml", "  title: Fotospel\n", "  title: Fotospel: [oops\n")
    message = error_for(data_copy)
    assert f"data/methods.yml:{line}" in message
    assert "YAML syntax error" in message


def test_missing_required_field(data_copy):
    line = edit(data_copy / "methods.yml", "- id: fotospel\n  title: Fotospel\n", "- id: fotospel\n")
    message = error_for(data_copy)
    assert f"data/methods.yml:{line}: item 'fotospel': field 'title': this field is required but missing" in message


def test_wrong_type(data_copy):
    line = edit(data_copy / "methods.yml", "  title: Fotospel\n", "  title: 42\n")
    message = error_for(data_copy)
    assert f"data/methods.yml:{line}: item 'fotospel': field 'title': wrong type (int)" in message
    assert "valid string" in message


def test_unknown_field(data_copy):
    line = edit(data_copy / "methods.yml", "  title: Fotospel\n", "  title: Fotospel\n  colour: red\n") + 1
    message = error_for(data_copy)
    assert f"data/methods.yml:{line}: item 'fotospel': field 'colour': unknown field (allowed here: id, title" in message


def test_duplicate_id(data_copy):
    line = edit(data_copy / "methods.yml", "- id: photovoice\n", "- id: fotospel\n")
    message = error_for(data_copy)
    assert f"data/methods.yml:{line}: item 'fotospel': field 'id': duplicate id; first used at data/methods.yml:" in message


def test_reference_to_unknown_id(data_copy):
    edit(data_copy / "methods.yml", "related: [focusgroep-begeleiden, voorbeeldvragen-gezondheid, photovoice]",
         "related: [focusgroep-begeleiden, voorbeeldvragen-gezondheid, fotovoice]")
    message = error_for(data_copy)
    assert "item 'fotospel': field 'related': refers to 'fotovoice', which does not exist" in message
    assert "data/methods.yml:" in message


def test_unknown_language(data_copy):
    (data_copy / "ui" / "de.yml").write_text("action.print: Drucken\n", encoding="utf-8")
    message = error_for(data_copy)
    assert "data/ui/de.yml: unknown language 'de'; the site has nl, fy, en, ar" in message


def test_missing_interface_string(data_copy):
    edit(data_copy / "ui" / "fy.yml", "action.print:", "action.prnt:")
    message = error_for(data_copy)
    assert "data/ui/fy.yml: field 'action.print': interface string missing" in message


def test_unknown_facet_value(data_copy):
    text = (data_copy / "methods.yml").read_text(encoding="utf-8")
    start = text.index("- id: fotospel")
    line = edit(data_copy / "methods.yml", text[start:].split("group_size: ")[0] + "group_size: groep",
                text[start:].split("group_size: ")[0] + "group_size: massa")
    line += text[start:].split("group_size: ")[0].count("\n")
    message = error_for(data_copy)
    assert f"data/methods.yml:{line}: item 'fotospel': field 'facets.group_size': unknown value 'massa'" in message
    assert "'een-op-een', 'klein', 'groep' or 'groot'" in message


def test_unsafe_markdown_link_is_refused(data_copy):
    edit(data_copy / "methods.yml", "Met een fotospel praat je", "[Klik](javascript:alert(1)) Met een fotospel praat je")
    assert "link target 'javascript:alert(1' is not allowed" in error_for(data_copy)


def test_the_build_stops_with_the_message_and_no_traceback(data_copy, tmp_path):
    edit(data_copy / "methods.yml", "  title: Fotospel\n", "  title: 42\n")
    result = build_site(tmp_path / "site", data_copy)
    assert result.returncode != 0
    assert "item 'fotospel': field 'title': wrong type (int)" in result.stderr
    assert "Traceback" not in result.stderr


def test_bad_input_changes_no_file(data_copy):
    edit(data_copy / "methods.yml", "  title: Fotospel\n", "  title: 42\n")
    before = {p: p.read_bytes() for p in data_copy.rglob("*") if p.is_file()}
    error_for(data_copy)
    assert before == {p: p.read_bytes() for p in data_copy.rglob("*") if p.is_file()}
