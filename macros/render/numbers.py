"""Numbers and dates in the reader's locale, with Babel (CLDR data): 20.356 in Dutch and Frisian, 20,356
in English and Arabic. Arabic keeps Western digits, as its texts do: Babel's default Latin numbering system
for ``ar`` gives 20,356 and 1.5, the separators most Arabic readers in the Netherlands see every day."""
from __future__ import annotations

import datetime

from babel import Locale
from babel.dates import format_date
from babel.numbers import format_currency, format_decimal, format_percent
from babel.units import format_unit


def format_number(number: float, unit: str | None, lang: str) -> str:
    """A number with its unit: 'euro', 'percent', 'square-kilometer' or none."""
    if unit == "euro":  # the locale's own pattern, without cents: the sources give whole euros
        pattern = Locale.parse(lang).currency_formats["standard"].pattern.replace(".00", "")
        return format_currency(number, "EUR", format=pattern, locale=lang, currency_digits=False)
    if unit == "percent":
        return format_percent(number / 100, locale=lang)
    if unit == "square-kilometer":
        return format_unit(number, "area-square-kilometer", length="short", locale=lang)
    return format_decimal(number, locale=lang)


def format_megabytes(count: int, lang: str) -> str:
    """A download size in megabytes with one decimal: '0,8 MB', '0.8 MB'."""
    return format_unit(count / 1_000_000, "digital-megabyte", length="short", format="#,##0.0", locale=lang)


def format_long_date(date: datetime.date, lang: str) -> str:
    """'22 november 2026', 'November 22, 2026', '22 نوفمبر 2026'."""
    return format_date(date, format="long", locale=lang)
