"""schema.org structured data (JSON-LD) in the page head: a LearningResource for every card and a Dataset
for the open data page, so that search engines and other sites can find and reuse them.

A ``<script type="application/ld+json">`` element is a data block, not a script: browsers do not run it,
and the Content-Security-Policy (script-src) does not apply to it.
"""
from __future__ import annotations

import datetime

from jinja2.utils import htmlsafe_json_dumps
from markupsafe import Markup

from ..content.models import Publication

CONTEXT = "https://schema.org"


def json_ld(data: dict) -> Markup:
    """A JSON-LD data block. Jinja's ``htmlsafe_json_dumps`` (its ``tojson`` filter) writes <, >, & and '
    as \\u escapes, so no text from the data can end the element (``</script>``) or open a comment."""
    return Markup('<script type="application/ld+json">{}</script>').format(htmlsafe_json_dumps(data, ensure_ascii=False))


def creative_work(publication: Publication) -> dict:
    """A source publication, as the work a card is based on."""
    name = publication.title + (f". {publication.subtitle}" if publication.subtitle else "")
    return {"@type": "CreativeWork", "name": name, "inLanguage": "nl",
            "publisher": {"@type": "Organization", "name": publication.publisher}}


def learning_resource(*, name: str, description: str, url: str, lang: str, kind: str, licence: dict,
                      publication: Publication, modified: datetime.date, site_name: str, site_url: str) -> dict:
    """A card: what it is, in which language, under which licence, and which publication it is based on."""
    return {"@context": CONTEXT, "@type": "LearningResource", "name": name, "description": description, "url": url,
            "inLanguage": lang, "learningResourceType": kind, "license": licence["path"], "isAccessibleForFree": True,
            "dateModified": modified.isoformat(), "isBasedOn": creative_work(publication),
            "isPartOf": {"@type": "WebSite", "name": site_name, "url": site_url}}


def dataset(*, name: str, description: str, url: str, languages: list[str], licence: dict,
            publications: list[Publication], downloads: list[tuple[str, str]]) -> dict:
    """The open data: its files as downloads of (address, media type)."""
    return {"@context": CONTEXT, "@type": "Dataset", "name": name, "description": description, "url": url,
            "inLanguage": languages, "license": licence["path"], "isAccessibleForFree": True,
            "isBasedOn": [creative_work(p) for p in publications],
            "distribution": [{"@type": "DataDownload", "contentUrl": address, "encodingFormat": media_type}
                             for address, media_type in downloads]}
