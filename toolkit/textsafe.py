"""Text is text: every string that comes from a page is made valid before it is stored or rendered.

A page can hand us lone UTF-16 surrogates (which cannot be encoded as UTF-8), NUL bytes and other
control characters (which break XML, PDF and terminals). `clean_text` replaces them with U+FFFD, so no
page can crash a run or smuggle control sequences into a report.
"""

from __future__ import annotations

import re
from typing import Any

# Lone surrogates, C0 controls except tab/newline/carriage return, DEL and C1 controls,
# and non-characters that XML forbids.
_BAD = re.compile("[\ud800-\udfff\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")


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
