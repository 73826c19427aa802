"""Languages of the scorecard: gettext catalogues compiled in memory, and dates and numbers per locale.

The English strings in the templates, and the finding sentences the checks mark with N_ / nmsg /
pmsg (safehaven/i18n.py), are the message ids; Dutch lives in
`reports/locale/nl/LC_MESSAGES/messages.po` and is compiled when first needed, so no build step
is required. To refresh the catalogue after editing templates or sentences (from the repository root):

    pybabel extract -F reports/babel.cfg -o reports/locale/messages.pot .
    pybabel update -i reports/locale/messages.pot -d reports/locale -l nl
"""

from __future__ import annotations

import gettext
import io
from datetime import UTC, datetime, timedelta
from functools import cache
from pathlib import Path

from babel.dates import format_date, format_time
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_decimal, format_percent

LANGUAGES: tuple[str, ...] = ("en", "nl")
LOCALE_DIR = Path(__file__).with_name("locale")
# British English writes dates the way European readers expect ("12 March 2026").
BABEL_LOCALES = {"en": "en_GB", "nl": "nl_NL"}


class UnsupportedLanguage(ValueError):
    """A report language other than those in LANGUAGES."""


def check_language(lang: str) -> str:
    """Return `lang` if the scorecard exists in it, else raise UnsupportedLanguage."""
    if lang not in LANGUAGES:
        raise UnsupportedLanguage(f"no scorecard language {lang!r}; choose one of {', '.join(LANGUAGES)}")
    return lang


@cache
def translations(lang: str) -> gettext.NullTranslations:
    """The gettext catalogue of a language (identity for English, whose strings are the ids)."""
    check_language(lang)
    po_file = LOCALE_DIR / lang / "LC_MESSAGES" / "messages.po"
    if lang == "en" or not po_file.is_file():
        return gettext.NullTranslations()
    with po_file.open("rb") as fh:
        catalog = read_po(fh, locale=lang)
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    buffer.seek(0)
    return gettext.GNUTranslations(buffer)


def parse_timestamp(value: str | None) -> datetime | None:
    """A stored ISO timestamp as an aware datetime (naive ones are taken as UTC), or None."""
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment


def format_moment(value: str | None, lang: str) -> str:
    """'12 March 2026, 14:05 UTC+01:00': date and time in the zone the run recorded them in."""
    moment = parse_timestamp(value)
    if moment is None:
        return value or ""
    locale = BABEL_LOCALES[lang]
    return f"{format_date(moment, 'long', locale=locale)}, {format_time(moment, 'HH:mm', locale=locale)} " \
           f"{zone_label(moment)}"


def format_day(value: str | None, lang: str) -> str:
    """The date alone: '12 March 2026' / '12 maart 2026'."""
    moment = parse_timestamp(value)
    if moment is None:
        return value or ""
    return format_date(moment, "long", locale=BABEL_LOCALES[lang])


def zone_label(moment: datetime) -> str:
    """'UTC' or 'UTC+01:00': an offset anyone can read, whatever zone database they use."""
    offset = moment.utcoffset() or timedelta(0)
    if not offset:
        return "UTC"
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    return f"UTC{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def duration_minutes(start: str | None, end: str | None) -> int | None:
    """Whole minutes between two stored timestamps (at least 1), or None."""
    a, b = parse_timestamp(start), parse_timestamp(end)
    if a is None or b is None or b < a:
        return None
    return max(1, round((b - a).total_seconds() / 60))


def format_number(value: float | None, lang: str, digits: int = 0) -> str:
    """A number per locale ('42', '42,5'); a dash for None."""
    if value is None:
        return "–"
    pattern = "#,##0" + ("." + "0" * digits if digits else "")
    return format_decimal(round(value, digits), format=pattern, locale=BABEL_LOCALES[lang])


def format_share(value: float | None, lang: str) -> str:
    """A fraction 0–1 as a percentage per locale ('87%' / '87%')."""
    if value is None:
        return "–"
    return format_percent(value, locale=BABEL_LOCALES[lang])
