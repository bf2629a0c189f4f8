"""Our use of mkdocs-static-i18n, all in one place: the plugin is barely maintained, so when it is
replaced, this is the module to rewrite.

static-i18n builds the source language at the site root, then builds every other language again into
``<code>/`` from its own ``on_post_build``. We give it the languages of data/languages.yml, ask it which
language is being built, and keep the pages we make in memory alive through its file handling.
"""
from __future__ import annotations

from mkdocs.structure.files import File, Files
from mkdocs_static_i18n.config import I18nPluginLanguage

from .content.models import Language


def _plugin(config):
    return config.plugins["i18n"]


def configure_languages(config, languages: list[Language], build_all: bool = True) -> None:
    """Replace the plugin's language list with ours, once, before the plugin reads it (mkdocs.yml names
    only the source language, because the plugin refuses a configuration without one)."""
    plugin = _plugin(config)
    if plugin.current_language is not None:
        return  # already building: the nested builds of the other languages reuse the configuration
    entries = []
    for language in languages:
        entry = I18nPluginLanguage()
        entry.load_dict({"locale": language.code, "name": language.name, "default": language.source,
                         "build": language.source or build_all})
        failed, _ = entry.validate()
        if failed:
            raise ValueError(f"data/languages.yml: language '{language.code}': {failed}")
        entries.append(entry)
    plugin.config.languages = entries


def starting(config) -> bool:
    """True in the first on_config of a build, before the plugin has built any language."""
    return _plugin(config).current_language is None


def current_language(config) -> str:
    """The code of the language being built."""
    return _plugin(config).current_language or _plugin(config).default_language


def is_source_language(config) -> bool:
    return _plugin(config).is_default_language_build


def all_languages_built(config) -> bool:
    """True in the outermost build's on_post_build, after the plugin has built every other language."""
    return not _plugin(config).building


def add_pages(files: Files, config, pages: dict[str, str]) -> None:
    """Add pages made in memory (src_uri → Markdown) before static-i18n sorts the files by language.

    The plugin copies each file from ``docs_dir``, which loses in-memory content, so each page gets a
    path inside ``docs_dir`` that does not exist, and ``restore_page_content`` puts the content back.
    """
    for src_uri in pages:
        files.append(File.generated(config, src_uri, abs_src_path=f"{config.docs_dir}/{src_uri}"))


def restore_page_content(files: Files, pages: dict[str, str]) -> None:
    """After static-i18n's on_files, before MkDocs reads the pages: give them their content again."""
    for file in files:
        if file.src_uri in pages:
            file.content_string = pages[file.src_uri]
