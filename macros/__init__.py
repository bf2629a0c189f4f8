"""The handbook's macros: YAML data → validated models → rendered pages.

mkdocs-macros calls ``define_env`` once per language build. Every page of the site is made in memory by
the hooks (macros/pages.py) and holds one macro call, such as ``{{ handbook_page("item", "fotospel") }}``.
"""
from __future__ import annotations

from mkdocs.exceptions import PluginError

from .content.handbook import load_handbook
from .content.yaml_files import DataError
from .render.renderer import PageRenderer
from .site_i18n import current_language


def define_env(env) -> None:
    try:
        book = load_handbook()
    except DataError as err:
        raise PluginError(str(err)) from None

    @env.macro
    def handbook_page(kind: str, page_id: str = "") -> str:
        """One page of the site, in the language being built."""
        renderer = PageRenderer(book, current_language(env.conf), env.page.url, env.conf.site_url or "/",
                                env.conf.extra.get("data_licence"))
        rendered = renderer.page(kind, page_id)
        env.page.meta["title"] = rendered.title
        env.page.meta["json_ld"] = rendered.json_ld  # overrides/main.html puts both in the page head
        env.page.meta["description"] = rendered.description
        return rendered.html
