"""evaluate: run every check of the catalogue over a saved bundle, in catalogue order.

A check that raises becomes an `error` finding with the message; the other checks go on.
"""

from __future__ import annotations

import logging
import time

from checks import registry
from checks.base import finding, not_implemented
from checks.levels import area_levels
from safehaven import score as scoring
from safehaven.bundle import Bundle
from safehaven.catalogue import CHECK_IDS, area_of
from safehaven.models import Finding, ScoreCard

log = logging.getLogger("safehaven.evaluate")


def evaluate(bundle: Bundle) -> list[Finding]:
    """One finding per catalogue check, whatever its status."""
    checks = registry()
    findings = []
    for check_id in CHECK_IDS:
        fn = checks.get(check_id)
        if fn is None:
            findings.append(not_implemented(check_id))
            continue
        t0 = time.perf_counter()
        try:
            result = fn(bundle)
            if result.check != check_id or result.area != area_of(check_id):
                raise ValueError(f"check function returned a finding for {result.check}")
        except Exception as exc:
            log.exception("check %s raised", check_id)
            result = finding(check_id, "error", f"the check broke: {type(exc).__name__}: {exc}"[:400])
        log.debug("check %s: %s in %.0f ms", check_id, result.status, (time.perf_counter() - t0) * 1000)
        findings.append(result)
    return findings


def score(findings: list[Finding]) -> ScoreCard:
    """The scorecard of a run's findings: the checks judge each area's level, the scoring module the rest."""
    return scoring.score(findings, area_levels(findings))
