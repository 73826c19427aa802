"""How a check is declared: the `@check(...)` decorator that registers a function with its metadata,
and the helpers that build its Finding.

A check is a pure function of a saved bundle (no browser) that returns a Finding. Its texts (title,
criterion, why it matters, what to change; per language) and legal reference are written in its
decorator, beside the function:

    @check("REPORT-01", legal="DSA art. 16(1)",
           en=Texts(title=..., criterion=..., why=..., fix=...),
           nl=Texts(title=..., criterion=..., why=..., fix=...))
    def report_control_on_every_item(bundle: Bundle) -> Finding: ...

The area modules register their checks when they are imported; `checks/__init__.py` imports them and
offers `registry()` (the functions) and `catalogue()` (the catalogue filled with the texts).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from safehaven.bundle import Bundle
from safehaven.catalogue import SCORED_STATUSES, CheckMeta, Texts, area_of
from safehaven.models import Evidence, Finding, Quote

CheckFn = Callable[[Bundle], Finding]

_FUNCTIONS: dict[str, CheckFn] = {}
_METAS: dict[str, CheckMeta] = {}


def check(check_id: str, *, legal: str = "", **texts: Texts) -> Callable[[CheckFn], CheckFn]:
    """Register the function that judges `check_id`, with its legal reference and its texts per language
    (`en=Texts(...)`, `nl=Texts(...)`)."""
    for lang, value in texts.items():
        if not isinstance(value, Texts):
            raise TypeError(f"check {check_id}: {lang}= must be Texts, not {type(value).__name__}")
    meta = CheckMeta(id=check_id, area=area_of(check_id), texts=texts, legal=legal)

    def register(fn: CheckFn) -> CheckFn:
        if check_id in _FUNCTIONS:
            raise ValueError(f"check {check_id} registered twice")
        _FUNCTIONS[check_id] = fn
        _METAS[check_id] = meta
        return fn

    return register


def registered() -> tuple[dict[str, CheckFn], dict[str, CheckMeta]]:
    """The functions and metadata registered so far, by check ID (in registration order)."""
    return dict(_FUNCTIONS), dict(_METAS)


def finding(
    check_id: str,
    status: str,
    summary: str,
    *,
    basis: str = "observed",
    evidence: list[Evidence] | None = None,
    quotes: list[Quote] | None = None,
    level: int | None = None,
    nl: str | None = None,
    **details: Any,
) -> Finding:
    """Build a Finding with the score that its status carries; `nl` is the summary in Dutch."""
    return Finding(
        check=check_id,
        area=area_of(check_id),
        status=status,
        score=SCORED_STATUSES.get(status),
        basis=basis,
        summary=summary,
        level=level,
        evidence=evidence or [],
        quotes=quotes or [],
        details=details,
        summaries={"nl": nl} if nl else {},
    )


def not_implemented(check_id: str) -> Finding:
    return finding(check_id, "not_assessed", "not implemented in this version")
