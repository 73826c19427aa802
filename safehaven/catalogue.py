"""The check catalogue, methodology 1: its areas, its check IDs, the statuses a finding can have, and
the metadata of each check (title, criterion, why it matters, what to change, per language; legal
reference).

The skeleton (areas with their names and weights, the ordered check IDs of each area) is data in
`catalogue.toml` beside this module. The texts of a check stand beside its function, in the
`@check(...)` decorator of `checks/<area>.py`; `checks.catalogue()` returns the skeleton filled with
them. Reports take that filled `Catalogue` as a parameter, so they need nothing from `checks`.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, fields
from functools import cache
from pathlib import Path
from typing import Literal, get_args

SKELETON_FILE = Path(__file__).with_name("catalogue.toml")

#: The languages every check's texts are written in (English is the fallback).
LANGUAGES: tuple[str, ...] = ("en", "nl")

Status = Literal["pass", "partial", "fail", "needs_review", "not_applicable", "not_assessed", "error"]
STATUSES: tuple[str, ...] = get_args(Status)
#: The statuses that count in a score, with what they count for; the others are left out and listed.
SCORED_STATUSES: dict[str, float] = {"pass": 1.0, "partial": 0.5, "fail": 0.0}


@dataclass(frozen=True)
class Texts:
    """What a reader is told about one check, in one language."""

    title: str = ""  # what is checked, short
    criterion: str = ""  # the catalogue's wording of what passes
    why: str = ""  # why it matters (the scorecard's "Why it matters")
    fix: str = ""  # what to change; its first sentence stands on its own on the summary page


TEXT_KEYS: tuple[str, ...] = tuple(f.name for f in fields(Texts))


@dataclass(frozen=True)
class CheckMeta:
    """One check of the catalogue: its ID, its area, its texts per language and its legal reference."""

    id: str
    area: str
    texts: Mapping[str, Texts] = field(default_factory=dict)
    legal: str = ""

    def text(self, key: str, lang: str = "en") -> str:
        """One text (title, criterion, why, fix) in `lang`, or in English when `lang` lacks it."""
        if key not in TEXT_KEYS:
            raise KeyError(f"no check text {key!r} (one of {', '.join(TEXT_KEYS)})")
        local = self.texts.get(lang)
        english = self.texts.get("en")
        return (getattr(local, key) if local else "") or (getattr(english, key) if english else "")


@dataclass(frozen=True)
class AreaMeta:
    """An area of the catalogue: its names, its weight in the overall score and its checks in order."""

    id: str
    names: Mapping[str, str]
    weight: int
    checks: tuple[str, ...] = ()

    def name(self, lang: str = "en") -> str:
        return self.names.get(lang) or self.names["en"]


class Catalogue(Mapping[str, CheckMeta]):
    """The checks by ID in catalogue order (area by area), with the areas in `areas`."""

    def __init__(self, areas: Mapping[str, AreaMeta], checks: Iterable[CheckMeta]) -> None:
        self.areas: dict[str, AreaMeta] = dict(areas)
        self._checks: dict[str, CheckMeta] = {}
        for meta in checks:
            if meta.id in self._checks:
                raise ValueError(f"check {meta.id} is in the catalogue twice")
            if meta.area not in self.areas or meta.id not in self.areas[meta.area].checks:
                raise ValueError(f"check {meta.id} is not a check of area {meta.area}")
            self._checks[meta.id] = meta
        listed = [cid for a in self.areas.values() for cid in a.checks]
        if list(self._checks) != listed:
            raise ValueError(f"the checks {list(self._checks)} are not the area lists {listed}")

    def __getitem__(self, check_id: str) -> CheckMeta:
        return self._checks[check_id]

    def __iter__(self) -> Iterator[str]:
        return iter(self._checks)

    def __len__(self) -> int:
        return len(self._checks)

    def __repr__(self) -> str:
        return f"Catalogue({len(self.areas)} areas, {len(self)} checks)"

    def area_checks(self, area: str) -> list[CheckMeta]:
        """The checks of one area, in order."""
        return [self._checks[cid] for cid in self.areas[area].checks]

    def filled(self, metas: Iterable[CheckMeta]) -> Catalogue:
        """This catalogue with the given checks' metadata in place of its own (order kept).

        A check outside the catalogue, or placed in another area than the catalogue's, is an error.
        """
        new = dict(self._checks)
        for meta in metas:
            known = new.get(meta.id)
            if known is None:
                raise ValueError(f"check {meta.id} is not in the catalogue")
            if meta.area != known.area:
                raise ValueError(f"check {meta.id} belongs to area {known.area}, not {meta.area}")
            new[meta.id] = meta
        return Catalogue(self.areas, new.values())


@cache
def skeleton() -> Catalogue:
    """The catalogue as `catalogue.toml` gives it: areas and check IDs, without texts."""
    data = tomllib.loads(SKELETON_FILE.read_text("utf-8"))
    areas: dict[str, AreaMeta] = {}
    metas: list[CheckMeta] = []
    for aid, a in data["areas"].items():
        checks = tuple(a["checks"])
        wrong = [cid for cid in checks if cid.split("-")[0] != aid]
        if wrong:
            raise ValueError(f"{SKELETON_FILE}: area {aid} lists checks of another area: {', '.join(wrong)}")
        areas[aid] = AreaMeta(id=aid, names={lang: a[lang] for lang in LANGUAGES if lang in a},
                              weight=int(a["weight"]), checks=checks)
        metas += [CheckMeta(id=cid, area=aid) for cid in checks]
    return Catalogue(areas, metas)


def area_of(check_id: str) -> str:
    """The area of a check ID (the part before the dash: AGE-01 is an AGE check)."""
    return check_id.split("-")[0]



#: The areas, in catalogue order.
AREAS: tuple[str, ...] = tuple(skeleton().areas)
#: Every check ID, in catalogue order.
CHECK_IDS: tuple[str, ...] = tuple(skeleton())
