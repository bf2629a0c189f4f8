"""A build meant for publishing (``make publish``) may not carry a local address or a placeholder
contact: the QR codes, hreflang links, sitemaps and security.txt would point nowhere."""
from __future__ import annotations

from urllib.parse import urlsplit

from mkdocs.exceptions import PluginError

LOCAL_HOSTS = ("localhost", "127.", "0.0.0.0", "[::1]", "::1")
PLACEHOLDER_DOMAINS = (".example", ".test", ".invalid", ".localhost", ".local")


def publish_problems(site_url: str, security_contact: str) -> list[str]:
    """What is wrong with the address and contact for a public site, in words (empty: fine)."""
    problems = []
    host = urlsplit(site_url or "").hostname or ""
    if not host or host.startswith(LOCAL_HOSTS) or host.endswith(PLACEHOLDER_DOMAINS):
        problems.append(f"the site address {site_url!r} is local or a placeholder: set SITE_URL to the public address")
    elif urlsplit(site_url).scheme != "https":
        problems.append(f"the site address {site_url!r} must start with https://")
    if any(domain in (security_contact or "") for domain in PLACEHOLDER_DOMAINS) or not security_contact:
        problems.append(f"the security contact {security_contact!r} is a placeholder: set SECURITY_CONTACT")
    return problems


def check_publish_settings(config, publishing: bool) -> None:
    """Stop a publishing build whose address or contact would not work on the public site."""
    problems = publish_problems(config.site_url, config.extra.get("security_contact", "")) if publishing else []
    if problems:
        raise PluginError("Not ready to publish:\n  " + "\n  ".join(problems))
