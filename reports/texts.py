"""Reader-facing texts that are data, not templates: remediation per check and the level ladders.

Remediation (why a check matters, what to change) is written beside each check, in its `@check(...)`
decorator, and reaches the reports as the `CheckMeta` of the catalogue they are given; the level
ladders of the check catalogue live in `reports/static/ladders.toml`. Both are keyed by language, so a
stored run can be reported in either language.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from safehaven.catalogue import CheckMeta

STATIC_DIR = Path(__file__).with_name("static")
LADDERS_FILE = STATIC_DIR / "ladders.toml"


@dataclass(frozen=True)
class Remediation:
    """Why a check matters and what to change, in one language."""

    why: str
    fix: str

    @property
    def first_fix_sentence(self) -> str:
        """The opening sentence of `fix`, which is written to stand on its own."""
        head, sep, _ = self.fix.partition(". ")
        return head + "." if sep else self.fix


@dataclass(frozen=True)
class LadderRung:
    """One level of an area's ladder: where a platform stands, and the step that reaches it."""

    level: int
    label: str
    step: str
    requires: tuple[str, ...] = ()


@dataclass(frozen=True)
class Ladder:
    """The levels of one area, lowest first, in one language."""

    area: str
    rungs: tuple[LadderRung, ...]
    cap_note: str = ""

    @property
    def max_level(self) -> int:
        return self.rungs[-1].level

    def rung(self, level: int) -> LadderRung | None:
        return next((r for r in self.rungs if r.level == level), None)

    def next_rung(self, level: int) -> LadderRung | None:
        return next((r for r in self.rungs if r.level > level), None)


# Legal references are written once, in English, in each check's decorator; Dutch readers know the GDPR as the
# AVG and the AVMSD as the AVMD-richtlijn.
LEGAL_TERMS = {
    "nl": {
        "GDPR": "AVG",
        "AVMSD": "AVMD-richtlijn",
        "e-Evidence Regulation": "e-Evidence-verordening",
        "(easy to access)": "(gemakkelijk toegankelijk)",
        "(risk mitigation)": "(risicobeperking)",
        "(traceability of traders)": "(traceerbaarheid van handelaren)",
    },
}


def legal_reference(text: str, lang: str) -> str:
    """A catalogue legal reference in the words readers of `lang` use."""
    for english, local in LEGAL_TERMS.get(lang, {}).items():
        text = text.replace(english, local)
    return text


def remediation(meta: CheckMeta | None, lang: str) -> Remediation:
    """The remediation texts of one check (English when the language lacks them; empty if unknown)."""
    if meta is None:
        return Remediation(why="", fix="")
    return Remediation(why=meta.text("why", lang), fix=meta.text("fix", lang))


def ladder(area: str, lang: str) -> Ladder:
    """The level ladder of an area in one language."""
    data = _ladder_data()[area]
    rungs = []
    for level in data["levels"]:
        texts = data[str(level)].get(lang) or data[str(level)]["en"]
        rungs.append(LadderRung(level=level, label=texts["label"], step=texts.get("step", ""),
                                requires=tuple(texts.get("requires", ()))))
    cap = (data.get(lang) or data.get("en") or {}).get("cap", "")
    return Ladder(area=area, rungs=tuple(rungs), cap_note=cap)


@cache
def _ladder_data() -> dict[str, dict]:
    return tomllib.loads(LADDERS_FILE.read_text("utf-8"))
