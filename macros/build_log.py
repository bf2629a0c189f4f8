"""What a build prints: warnings, errors and one summary line, so that an editor's data error does not
scroll out of sight. The plugins' INFO lines are silenced by setting their loggers' levels."""
from __future__ import annotations

import logging
import time

QUIET_LOGGERS = (
    "mkdocs.plugins.mkdocs_macros",  # "[macros] - Found local Python module ..." per language
    "mkdocs.plugins.mkdocs_static_i18n",  # "Building 'fy' documentation to directory ..."
    "mkdocs_static_i18n",
    "mkdocs.commands.build",  # "Cleaning site directory", "Documentation built in ..." per language
    "mkdocs.structure.pages",
)

log = logging.getLogger("handbook")  # outside "mkdocs": our warnings do not fail --strict
log.setLevel(logging.INFO)
log.propagate = False
if not log.handlers:
    _handler = logging.StreamHandler()
    _handler.setFormatter(logging.Formatter("%(levelname)-8s-  %(message)s"))
    log.addHandler(_handler)


def quiet_build_logs() -> None:
    """Only warnings and errors from MkDocs' build and the plugins."""
    for name in QUIET_LOGGERS:
        logging.getLogger(name).setLevel(logging.WARNING)


class BuildTimer:
    """Times one build of every language, for the summary line."""

    def __init__(self):
        self.started = time.monotonic()

    def summary(self, languages: int, pages: int) -> None:
        log.info("Built %d pages in %d languages in %.1f s", pages, languages, time.monotonic() - self.started)
