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
from safehaven.i18n import N_, msg, render
from safehaven.models import FACT_KEYS, Evidence, Facts, Finding, Message, Quote

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
    sentence: Message | str,
    *,
    basis: str = "observed",
    evidence: list[Evidence] | None = None,
    quotes: list[Quote] | None = None,
    level: int | None = None,
    **details: Any,
) -> Finding:
    """Build a Finding with the score that its status carries.

    `sentence` is a message id with parameters (`msg(N_("..."), ...)`, see safehaven/i18n.py): the
    Finding keeps the id and the parameters, and its `summary` is the English rendering. A plain
    string is a sentence with no translation (tests, tools). A detail named like a field of `Facts`
    (a fact that a level function or the reports read back) goes into the typed `facts`."""
    message = sentence if isinstance(sentence, Message) else None
    facts = Facts.model_validate({k: details.pop(k) for k in FACT_KEYS & details.keys()})
    return Finding(
        check=check_id,
        area=area_of(check_id),
        status=status,
        score=SCORED_STATUSES.get(status),
        basis=basis,
        summary=render(message) if message else str(sentence),
        message=message.message if message else "",
        plural=message.plural if message else "",
        params=message.params if message else {},
        level=level,
        evidence=[e.model_copy(update={"note": render(e.note_message)}) if e.note_message and not e.note else e
                  for e in evidence or []],
        quotes=quotes or [],
        details=details,
        facts=facts,
    )


def not_implemented(check_id: str) -> Finding:
    return finding(check_id, "not_assessed", msg(N_("not implemented in this version")))
