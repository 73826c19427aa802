"""Benchmark: audit the demo world (or one platform) and print time per stage and peak memory.

    python benchmarks/bench_audit.py [--only SLUG ...] [--max-pages N]

Prints, per platform: pages visited, crawl time, time per probe, evaluate and report time, and at
the end the peak resident memory of this process and of Chromium's processes.
"""

from __future__ import annotations

import argparse
import asyncio
import resource
import subprocess
import tempfile
import time
from pathlib import Path

from safehaven.toolkit.audit import audit_platform
from safehaven.toolkit.browser import BrowserSession
from safehaven.toolkit.bundle import Bundle
from safehaven.toolkit.definition import parse_definition
from safehaven.toolkit.demo_server import definition_text, demo_platforms, serve_world
from safehaven.toolkit.store import Store


def chromium_rss_mb() -> float:
    out = subprocess.run(["ps", "-C", "chromium,chrome,headless_shell", "-o", "rss="], capture_output=True, text=True)
    return sum(int(x) for x in out.stdout.split()) / 1024


async def bench(slugs: list[str] | None, max_pages: int | None, store: Store) -> None:
    platforms = [p for p in demo_platforms() if not slugs or p.slug in slugs]
    peak_chromium = 0.0
    with serve_world() as urls:
        async with BrowserSession() as session:
            print(f"{'platform':24} {'pages':>5} {'total s':>8}  stages")
            for p in platforms:
                defn = parse_definition(definition_text(p, urls[p.slug]))
                if max_pages:
                    defn.crawl.max_pages = max_pages
                t0 = time.perf_counter()
                row, result = await audit_platform(defn, store, session)
                total = time.perf_counter() - t0
                peak_chromium = max(peak_chromium, chromium_rss_mb())
                timings = Bundle(row.folder).info.timings
                stages = "  ".join(f"{k}={v:.1f}s" for k, v in timings.items())
                print(f"{p.slug:24} {len(result.pages):5d} {total:8.1f}  {stages}")
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory: python {rss:.0f} MB, chromium (sampled) {peak_chromium:.0f} MB")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--only", nargs="*")
    ap.add_argument("--max-pages", type=int)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        asyncio.run(bench(args.only, args.max_pages, Store(Path(tmp))))


if __name__ == "__main__":
    main()
