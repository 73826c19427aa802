"""The demo world as the main regression test: audit every demo platform in a real Chromium and
compare every verdict and every area level with the platform's ground truth (truth.toml).

Prints a confusion summary per check. Known gaps (verdicts the checks still get wrong) are listed
in KNOWN_GAPS with the reason; any other mismatch fails the test, and a known gap that has been
fixed fails it too, so the list stays honest.
"""

from __future__ import annotations

from collections import Counter

import pytest

from audits.demo.server import load_truth
from checks import catalogue
from safehaven.models import AREAS
from toolkit.demo import audit_world
from toolkit.store import Store

pytestmark = pytest.mark.browser

# (platform, check or area) -> why the audit still disagrees with the truth
KNOWN_GAPS: dict[tuple[str, str], str] = {}


@pytest.fixture(scope="module")
async def world_results(browser_session, tmp_path_factory):
    store = Store(tmp_path_factory.mktemp("world"))
    outcomes = await audit_world(store, session=browser_session, parallel=3, reports=False)
    assert all(o.result for o in outcomes), [(o.platform.slug, o.error) for o in outcomes if not o.result]
    return [(o.platform, load_truth(o.platform), o.result) for o in outcomes]


def _mismatches(world_results) -> dict[tuple[str, str], str]:
    out = {}
    for p, truth, result in world_results:
        for f in result.findings:
            want = truth.status(f.check)
            if f.status != want:
                out[(p.slug, f.check)] = f"expected {want}, got {f.status}: {f.summary}"
        for area in AREAS:
            got, want = result.score.areas[area].level, truth.level(area)
            if got != want:
                out[(p.slug, area)] = f"expected level {want}, got {got}"
    return out


def test_demo_world_matches_ground_truth(world_results, capsys):
    mismatches = _mismatches(world_results)
    confusion: dict[str, Counter] = {cid: Counter() for cid in catalogue()}
    for _, truth, result in world_results:
        for f in result.findings:
            confusion[f.check][(truth.status(f.check), f.status)] += 1
    with capsys.disabled():
        print("\n\nGround truth vs audit, per check (expected->got: count); * marks a mismatch")
        for cid, counts in confusion.items():
            cells = ", ".join(f"{'' if e == g else '*'}{e}->{g}: {n}" for (e, g), n in sorted(counts.items()))
            right = sum(n for (e, g), n in counts.items() if e == g)
            print(f"  {cid:12} {right}/{sum(counts.values())}  {cells}")
        levels_right = sum(1 for p, t, r in world_results for a in AREAS if r.score.areas[a].level == t.level(a))
        print(f"  area levels right: {levels_right}/{len(world_results) * len(AREAS)}")
        for key, why in sorted(mismatches.items()):
            tag = "known gap" if key in KNOWN_GAPS else "MISMATCH"
            print(f"  {tag}: {key[0]} {key[1]}: {why}")
    unexpected = {k: v for k, v in mismatches.items() if k not in KNOWN_GAPS}
    fixed = [k for k in KNOWN_GAPS if k not in mismatches]
    assert not unexpected, f"{len(unexpected)} verdicts differ from the ground truth: {sorted(unexpected)}"
    assert not fixed, f"known gaps that are fixed now (remove them from KNOWN_GAPS): {fixed}"


def test_every_demo_platform_gets_every_check_once(world_results):
    for p, _, result in world_results:
        assert sorted(f.check for f in result.findings) == sorted(catalogue()), p.slug
