"""/.well-known/security.txt (RFC 9116): whom to tell about a security problem, valid for a year."""
from __future__ import annotations

import datetime
from pathlib import Path


def security_txt(contact: str, languages: list[str], today: datetime.date) -> str:
    expires = datetime.datetime.combine(today + datetime.timedelta(days=365), datetime.time(), datetime.timezone.utc)
    return (f"Contact: {contact}\n"
            f"Expires: {expires.isoformat().replace('+00:00', 'Z')}\n"
            f"Preferred-Languages: {', '.join(languages)}\n")


def write_security_txt(site_dir: Path, contact: str, languages: list[str]) -> None:
    target = site_dir / ".well-known" / "security.txt"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(security_txt(contact, languages, datetime.date.today()), encoding="utf-8")
