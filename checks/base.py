"""The check registry: every catalogue ID, its metadata, and the function that judges it.

A check is a pure function of a saved bundle (no browser). It returns a Finding; the helpers
below keep the construction of a Finding short and uniform.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from safehaven.bundle import Bundle
from safehaven.i18n import N_, msg, render
from safehaven.models import FACT_KEYS, SCORED_STATUSES, Evidence, Facts, Finding, Message, Quote

CATALOGUE_FILE = Path(__file__).with_name("catalogue.toml")

CheckFn = Callable[[Bundle], Finding]


@dataclass(frozen=True)
class CheckMeta:
    """Catalogue metadata of one check (per-language texts live in catalogue.toml)."""

    id: str
    area: str
    texts: dict[str, dict[str, str]]  # lang -> {title, criterion, why, fix, ...}
    legal: str = ""

    def text(self, key: str, lang: str = "en") -> str:
        return self.texts.get(lang, {}).get(key) or self.texts.get("en", {}).get(key, "")


_REGISTRY: dict[str, CheckFn] = {}


@cache
def catalogue() -> dict[str, CheckMeta]:
    """All checks of the catalogue, in catalogue order."""
    data = tomllib.loads(CATALOGUE_FILE.read_text("utf-8"))
    out: dict[str, CheckMeta] = {}
    for cid, entry in data["checks"].items():
        texts = {lang: entry[lang] for lang in ("en", "nl") if lang in entry}
        out[cid] = CheckMeta(id=cid, area=entry["area"], texts=texts, legal=entry.get("legal", ""))
    return out


@dataclass(frozen=True)
class AreaMeta:
    """An area of the catalogue: its names and its weight in the overall score."""

    id: str
    names: dict[str, str]
    weight: int

    def name(self, lang: str = "en") -> str:
        return self.names.get(lang) or self.names["en"]


@cache
def areas() -> dict[str, AreaMeta]:
    """The six areas, in catalogue order."""
    data = tomllib.loads(CATALOGUE_FILE.read_text("utf-8"))
    return {
        aid: AreaMeta(id=aid, names={k: v for k, v in a.items() if k in ("en", "nl")}, weight=a["weight"])
        for aid, a in data["areas"].items()
    }


def check(check_id: str) -> Callable[[CheckFn], CheckFn]:
    """Register the function that judges `check_id`."""

    def register(fn: CheckFn) -> CheckFn:
        if check_id in _REGISTRY:
            raise ValueError(f"check {check_id} registered twice")
        _REGISTRY[check_id] = fn
        return fn

    return register


def registry() -> dict[str, CheckFn]:
    """The implemented checks, keyed by ID (imports every area module once)."""
    from checks import age, contact, evidence, help, report, terms  # noqa: F401  (registration side effect)

    return dict(_REGISTRY)


def area_of(check_id: str) -> str:
    return check_id.split("-")[0]


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
        evidence=evidence or [],
        quotes=quotes or [],
        details=details,
        facts=facts,
    )


def not_implemented(check_id: str) -> Finding:
    return finding(check_id, "not_assessed", msg(N_("not implemented in this version")))
