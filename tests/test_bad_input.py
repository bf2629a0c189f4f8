"""Bad data stops the build with one clear message: file, line, item id, field and what was expected."""
from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from handbooks import build_site
from macros.content.handbook import load_handbook
from macros.content.yaml_files import DataError


def edit(path: Path, old: str, new: str) -> int:
    """Replace ``old`` once in ``path`` and return the (1-based) line where the change starts."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) >= 1, f"{old!r} not in {path}"
    start = text.index(old)
    path.write_text(text[:start] + new + text[start + len(old):], encoding="utf-8")
    return text[:start].count("\n") + 1


def error_for(data_dir: Path) -> str:
    with pytest.raises(DataError) as caught:
        load_handbook(data_dir)
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
    first = (data_copy / "methods.yml").read_text(encoding="utf-8").splitlines().index("- id: focusgroep-begeleiden") + 1
    line = edit(data_copy / "methods.yml", "- id: photovoice\n", "- id: focusgroep-begeleiden\n")
    message = error_for(data_copy)
    assert f"data/methods.yml:{line}: item 'focusgroep-begeleiden': field 'id': duplicate id; first used at data/methods.yml:{first}" in message


def test_reference_to_unknown_id(data_copy):
    edit(data_copy / "methods.yml", "related: [focusgroep-begeleiden, voorbeeldvragen-gezondheid, photovoice]",
         "related: [focusgroep-begeleiden, voorbeeldvragen-gezondheid, fotovoice]")
    message = error_for(data_copy)
    assert "item 'fotospel': field 'related': refers to 'fotovoice', which does not exist" in message
    assert "data/methods.yml:" in message


def test_unknown_language(data_copy):
    (data_copy / "translations" / "de.po").write_text('msgctxt "action.print"\nmsgid "Printen"\nmsgstr "Drucken"\n', encoding="utf-8")
    message = error_for(data_copy)
    assert "data/translations/de.po: unknown language 'de'; translations are for fy, en, ar" in message


def test_a_po_file_that_is_not_a_po_file_is_refused(small_data):
    (small_data / "translations" / "en.po").write_text('msgctxt "home.title"\nmsgid "Klein handboek"\nmsgstr "Small"\nmsgstr "Twice"\n',
                                                     encoding="utf-8")
    message = error_for(small_data)
    assert "data/translations/en.po: not a readable PO file: Syntax error in po file" in message and "(line 4)" in message


def write_fotospel_group_size(data_dir: Path, written: str) -> int:
    """Write ``written`` as the group size of the card fotospel in methods.yml; return its line number."""
    text = (data_dir / "methods.yml").read_text(encoding="utf-8")
    before = text[text.index("- id: fotospel"):].split("group_size: ")[0]
    line = edit(data_dir / "methods.yml", before + "group_size: [klein]", before + f"group_size: {written}")
    return line + before.count("\n")


def test_unknown_facet_value(data_copy):
    line = write_fotospel_group_size(data_copy, "[massa]")
    message = error_for(data_copy)
    assert f"data/methods.yml:{line}: item 'fotospel': field 'facets.group_size.0': unknown value 'massa'" in message
    assert "'een-op-een', 'klein' or 'groot'" in message


def test_a_group_size_is_a_list_even_when_it_holds_one_size(data_copy):
    line = write_fotospel_group_size(data_copy, "klein")
    message = error_for(data_copy)
    assert f"data/methods.yml:{line}: item 'fotospel': field 'facets.group_size': wrong type (str); input should be a valid list" in message


UNSAFE = {
    "inline javascript: link": ("[Klik](javascript:alert(1))", "link target 'javascript:alert(1)' is not allowed"),
    "reference-style link": ("[klik][x]\n\n[x]: javascript:alert(1)", "link target 'javascript:alert(1)' is not allowed"),
    "data: link": ("[Klik](data:text/html;base64,PHNjcmlwdD4=)", "link target 'data:text/html;base64,PHNjcmlwdD4=' is not allowed"),
    "vbscript: link": ("[Klik](VBScript:msgbox(1))", "link target 'VBScript:msgbox(1)' is not allowed"),
    "image from another host": ("![x](https://other.example/x.png)", "image 'https://other.example/x.png' is not allowed"),
}


@pytest.mark.parametrize("trick", UNSAFE)
def test_an_unsafe_link_in_a_dutch_text_is_refused(small_data, trick):
    text, expected = UNSAFE[trick]
    line = edit(small_data / "methods.yml", "      body: Een kaart met alles vertaald.", "      body: |\n        " + text.replace("\n", "\n        "))
    message = error_for(small_data)
    assert f"data/methods.yml:{line}: item 'volledig': field 'sections.0.body': {expected}" in message


@pytest.mark.parametrize("trick", UNSAFE)
def test_an_unsafe_link_in_a_translation_is_refused(small_data, trick):
    text, expected = UNSAFE[trick]
    path = small_data / "translations" / "en.po"
    line = edit(path, 'msgctxt "item.volledig.sections.0.body"', 'msgctxt "item.volledig.sections.0.body"')
    edit(path, 'msgstr "A card with everything translated."', "msgstr " + json.dumps(text, ensure_ascii=False))
    message = error_for(small_data)
    assert f"data/translations/en.po:{line - 1}: field 'item.volledig.sections.0.body': {expected}" in message  # the entry starts with its #: line


@pytest.mark.parametrize("trick", UNSAFE)
def test_no_unsafe_link_reaches_a_page_even_past_the_check(trick):
    """The sanitizer is the second line of defence: it drops what the check would refuse."""
    from macros.html.markdown import render_markdown

    html = str(render_markdown(UNSAFE[trick][0]))
    assert not any(bad in html.lower() for bad in ("javascript:", "data:", "vbscript:", "other.example"))


def test_an_item_that_lists_itself_as_related_is_refused(small_data):
    line = edit(small_data / "methods.yml", "  related: [half]", "  related: [half, volledig]")
    assert f"data/methods.yml:{line}: item 'volledig': field 'related': the item lists itself" in error_for(small_data)


def test_a_yaml_alias_bomb_is_refused_within_seconds(small_data):
    bomb = 'a: &a ["x","x","x","x","x","x","x","x","x"]\n' + "".join(
        f"{chr(98 + n)}: &{chr(98 + n)} [*{chr(97 + n)},*{chr(97 + n)},*{chr(97 + n)},*{chr(97 + n)},*{chr(97 + n)},*{chr(97 + n)},*{chr(97 + n)},*{chr(97 + n)},*{chr(97 + n)}]\n"
        for n in range(9))
    (small_data / "home.yml").write_text(bomb, encoding="utf-8")
    started = time.monotonic()
    message = error_for(small_data)
    assert time.monotonic() - started < 5
    assert "data/home.yml:2: YAML syntax error: aliases (*name) are not allowed in data files" in message


def test_a_data_file_over_the_size_limit_is_refused(small_data):
    from macros.content.yaml_files import MAX_BYTES

    (small_data / "glossary.yml").write_text("# " + "x" * MAX_BYTES + "\n", encoding="utf-8")
    assert f"data/glossary.yml: the file is larger than {MAX_BYTES:,} bytes" in error_for(small_data)


def test_a_translation_whose_dutch_text_no_longer_exists_is_refused(small_data):
    path = small_data / "translations" / "en.po"
    path.write_text(path.read_text(encoding="utf-8") + '\nmsgctxt "item.weg.title"\nmsgid "Weg"\nmsgstr "Gone"\n', encoding="utf-8")
    assert "field 'item.weg.title': no Dutch text has this key (removed or renamed?)" in error_for(small_data)


def test_the_build_stops_with_the_message_and_no_traceback(data_copy, tmp_path):
    edit(data_copy / "methods.yml", "  title: Fotospel\n", "  title: 42\n")
    result = build_site(tmp_path / "site", data_copy)
    assert result.returncode != 0
    assert "item 'fotospel': field 'title': wrong type (int)" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_failed_build_leaves_no_site_that_looks_built(small_data, tmp_path):
    edit(small_data / "methods.yml", "  title: Volledig vertaald\n", "  title: 42\n")
    result = build_site(tmp_path / "site", small_data)
    assert result.returncode != 0
    assert not list((tmp_path / "site").rglob("*.html"))


def test_a_publishing_build_refuses_a_local_address_and_a_placeholder_contact(small_data, tmp_path):
    result = build_site(tmp_path / "site", small_data, HANDBOOK_PUBLISH="true")
    assert result.returncode != 0
    assert "the site address 'http://127.0.0.1:8000/' is local or a placeholder: set SITE_URL" in result.stderr
    assert "the security contact 'mailto:security@bereiken-en-betrekken.example' is a placeholder" in result.stderr
    assert not list((tmp_path / "site").rglob("*.html"))


def test_a_publishing_build_with_a_public_address_and_contact_builds(small_data, tmp_path):
    result = build_site(tmp_path / "site", small_data, HANDBOOK_PUBLISH="true", SITE_URL="https://handboek.voorbeeld.nl/",
                        SECURITY_CONTACT="mailto:security@voorbeeld.nl")
    assert result.returncode == 0, result.stderr
    assert "https://handboek.voorbeeld.nl/en/werkvormen/volledig/" in (tmp_path / "site" / "en" / "sitemap.xml").read_text(encoding="utf-8")
