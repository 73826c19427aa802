"""Every rung of every level ladder (the check catalogue), in English and in Dutch, on hand-built bundles.

For each rung there is a platform that reaches exactly that rung, and one that almost does (it
misses the one thing the rung asks, and lands on the rung below). The level is computed as the
scorecard computes it: every check over the bundle, then the area's ladder. No browser.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from checks.levels import LEVELS
from safehaven.bundle import Bundle
from tests.bundles import (
    LANGS,
    SITE,
    AreaLevels,
    help_case,
    levels,
    make_bundle,
    report_case,
    terms_case,
)
from toolkit.evaluate import evaluate, score


def test_the_area_level_is_the_scorecards(tmp_path):
    pages, probes = report_case("en", 5, near=False)
    bundle = Bundle(make_bundle(tmp_path, pages=pages, url=f"{SITE}/", probes=probes))
    card = score(evaluate(bundle))
    assert {a: card.areas[a].level for a in LEVELS} == {a: AreaLevels(bundle)[a] for a in LEVELS}


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("area,case", [("HELP", help_case), ("TERMS", terms_case)])
@pytest.mark.parametrize("rung", (0, 2, 4))
def test_help_and_terms_rung_exactly(tmp_path, lang, area, case: Callable, rung):
    assert levels(tmp_path, case(lang, rung, near=False))[area] == rung


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("area,case", [("HELP", help_case), ("TERMS", terms_case)])
@pytest.mark.parametrize("rung", (2, 4))
def test_help_and_terms_rung_almost(tmp_path, lang, area, case: Callable, rung):
    assert levels(tmp_path, case(lang, rung, near=True))[area] == rung - 2
