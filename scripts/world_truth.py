"""Developer tool: audit the demo world into a store once, then re-judge the saved bundles against the truth.

    python scripts/world_truth.py collect STORE [--only SLUG ...]   # browser; writes runs into STORE
    python scripts/world_truth.py judge STORE [--only SLUG ...]     # no browser: evaluate + score saved bundles

`judge` is how a check is tuned against the demo world in seconds: checks are pure functions of the bundle.
"""

from __future__ import annotations

import argparse
import asyncio
from pathlib import Path

from audits.demo.server import definition_text, demo_platforms, load_truth, serve_world
from safehaven.bundle import Bundle
from safehaven.models import AREAS
from toolkit.audit import audit_platform
from toolkit.collection.browser import BrowserSession
from toolkit.definition import parse_definition
from toolkit.evaluate import evaluate
from toolkit.score import score
from toolkit.store import Store


async def collect(store: Store, only: list[str] | None, variant: str) -> None:
    platforms = [p for p in demo_platforms() if not only or p.slug in only]
    limit = asyncio.Semaphore(3)
    with serve_world(variant) as urls:
        async with BrowserSession() as session:
            async def one(p):
                async with limit:
                    defn = parse_definition(definition_text(p, urls[p.slug]))
                    row, _ = await audit_platform(defn, store, session, reports=False)
                    print(p.slug, row.folder)
            await asyncio.gather(*(one(p) for p in platforms))


def judge(store: Store, only: list[str] | None, variant: str) -> int:
    bad = 0
    for p in demo_platforms():
        if only and p.slug not in only:
            continue
        runs = [r for r in store.runs(p.name) if r.status == "complete"]
        if not runs:
            print(f"{p.slug}: no complete run in the store")
            continue
        bundle = Bundle(runs[-1].folder)
        findings = evaluate(bundle)
        card = score(findings)
        truth = load_truth(p, variant)
        for f in findings:
            if f.status != truth.status(f.check):
                bad += 1
                print(f"{p.slug:14} {f.check:12} want {truth.status(f.check):14} got {f.status:14} {f.summary[:150]}")
        for a in AREAS:
            if card.areas[a].level != truth.level(a):
                bad += 1
                print(f"{p.slug:14} {a:12} want level {truth.level(a)}   got {card.areas[a].level}")
    print(f"{bad} mismatches")
    return bad


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("mode", choices=["collect", "judge"])
    ap.add_argument("store", type=Path)
    ap.add_argument("--only", nargs="*")
    ap.add_argument("--variant", default="site")
    a = ap.parse_args()
    store = Store(a.store)
    if a.mode == "collect":
        asyncio.run(collect(store, a.only, a.variant))
    judge(store, a.only, a.variant)


if __name__ == "__main__":
    main()
