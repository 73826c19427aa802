"""Text is text: every string that comes from a page is made valid before it is stored or rendered.

A page can hand us lone UTF-16 surrogates (which cannot be encoded as UTF-8), NUL bytes and other
control characters (which break XML, PDF and terminals). `clean_text` replaces them with U+FFFD, so no
page can crash a run or smuggle control sequences into a report.
"""

from __future__ import annotations

import logging
import re
from typing import Any
from urllib.parse import quote, quote_plus

# Lone surrogates, C0 controls except tab/newline/carriage return, DEL and C1 controls, the bidi
# overrides and isolates that can make a quoted sentence read backwards in a report, and non-characters
# that XML forbids.
_BAD = re.compile("[\ud800-\udfff\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufffe\uffff]")


def clean_text(text: str) -> str:
    """`text` with every lone surrogate and control character replaced by U+FFFD."""
    if not isinstance(text, str):
        text = str(text)
    if _BAD.search(text) is None:
        return text
    return _BAD.sub("\ufffd", text)


def clean_data(value: Any) -> Any:
    """The same for every string inside dicts and lists (keys too), as read from a page's scripts."""
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, dict):
        return {clean_text(k) if isinstance(k, str) else k: clean_data(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [clean_data(v) for v in value]
    return value


# ---------------------------------------------------------------------- secrets in logs

_SECRETS: set[str] = set()


def register_secrets(values: list[str]) -> None:
    """Secrets (login values from the environment) that no log line may carry."""
    _SECRETS.update(v for v in values if v)


def redact(text: str, secrets: list[str] | set[str] | None = None) -> str:
    """Valid text with every secret (also URL-encoded) replaced by [secret]."""
    text = clean_text(text)
    for secret in sorted(secrets if secrets is not None else _SECRETS, key=len, reverse=True):
        if secret:
            for form in dict.fromkeys((secret, quote(secret, safe=""), quote_plus(secret))):
                text = text.replace(form, "[secret]")
    return text


class RedactFilter:
    """A logging filter that takes registered secrets (and invalid characters) out of every record."""

    def filter(self, record) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a record whose arguments do not fit its format: leave it
            return True
        record.msg, record.args = redact(message), ()
        if record.exc_info and not record.exc_text:
            record.exc_text = redact(logging.Formatter().formatException(record.exc_info))
            record.exc_info = None
        return True
