"""`safehaven demo`: serve the bundled fictional platforms on 127.0.0.1, audit them all, rank them.

The platforms are audited concurrently in one Chromium (a bounded number at a time); each gets its
own run in the store and its own scorecard. A summary table (printed, and written as ranking.csv and
ranking.md next to the runs) ranks them by score.
"""

from __future__ import annotations

import asyncio
import csv
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from rich.console import Console
from rich.table import Table

from audits.demo.server import DemoPlatform, definition_text, demo_platforms, serve_world
from safehaven.models import Result
from toolkit.batch import DoneFn, Target, default_parallel, run_batch_async
from toolkit.collection.browser import BrowserSession
from toolkit.definition import parse_definition
from toolkit.store import RunRow, Store

PARALLEL_AUDITS = default_parallel()


@dataclass
class DemoOutcome:
    platform: DemoPlatform
    run: RunRow | None
    result: Result | None
    error: str | None = None


def run_demo(store: Store, *, only: list[str] | None = None, lang: str | None = None,
             console: Console | None = None, err: Console | None = None, variant: str = "site") -> list[DemoOutcome]:
    """Audit the demo world into `store`; print where the scorecards are. Returns one outcome per platform."""
    console = console or Console()
    err = err or Console(stderr=True)
    platforms = demo_platforms()
    if only:
        unknown = sorted(set(only) - {p.slug for p in platforms})
        if unknown:
            raise ValueError(f"--only: unknown demo platform(s) {', '.join(unknown)}; "
                             f"choose from {', '.join(p.slug for p in platforms)}")
        platforms = [p for p in platforms if p.slug in only]
    err.print(f"Serving {len(platforms)} demo platforms on 127.0.0.1; auditing...")

    def done(i: int, outcome) -> None:
        if outcome.ok:
            err.print(f"  {platforms[i].slug}: grade {outcome.result.score.grade}")
        else:
            err.print(f"[red]{platforms[i].slug}: {outcome.status}: {outcome.error}[/]")

    outcomes = asyncio.run(audit_world(store, platforms=platforms, variant=variant, lang=lang, on_done=done))
    outcomes.sort(key=lambda o: -(o.result.score.overall or 0) if o.result else 1)
    _print_ranking(outcomes, console)
    ranking = _write_ranking(outcomes, store.home / "demo")
    console.print(f"\nRanking: {ranking}", soft_wrap=True)
    for o in outcomes:
        if o.run:
            console.print(f"Scorecard {o.platform.slug}: {o.run.folder / 'scorecard.pdf'}", soft_wrap=True)
    return outcomes


@contextmanager
def served_world(platforms: list[DemoPlatform] | None = None, *, variant: str = "site", latency_ms: int = 0,
                 max_pages: int | None = None) -> Iterator[list[Target]]:
    """Serve the demo world on 127.0.0.1 and yield one audit target per platform, pointed at its served URL.

    The one way the demo, the scripts, the benchmark and the tests serve the world they audit.
    """
    platforms = platforms if platforms is not None else demo_platforms()
    with serve_world(variant, latency_ms) as urls:
        targets = []
        for platform in platforms:
            text = definition_text(platform, urls[platform.slug])
            defn = parse_definition(text, str(platform.audit_path))
            if max_pages:
                defn.crawl.max_pages = max_pages
            targets.append(Target(str(platform.audit_path), defn, text))
        yield targets


async def audit_world(store: Store, *, platforms: list[DemoPlatform] | None = None, variant: str = "site",
                      session: BrowserSession | None = None, parallel: int | None = None, lang: str | None = None,
                      reports: bool = True, on_done: DoneFn | None = None) -> list[DemoOutcome]:
    """Serve the demo world and audit it as one batch (one Chromium, a bounded number at a time)."""
    platforms = platforms if platforms is not None else demo_platforms()
    with served_world(platforms, variant=variant) as targets:
        batch = await run_batch_async(targets, store, parallel=parallel or PARALLEL_AUDITS, lang=lang,
                                      reports=reports, on_done=on_done, session=session)
    if batch.interrupted:
        raise KeyboardInterrupt
    return [DemoOutcome(p, o.run, o.result, o.error) for p, o in zip(platforms, batch.outcomes, strict=True)]


def _print_ranking(outcomes: list[DemoOutcome], console: Console) -> None:
    table = Table(title="Demo world: platforms ranked by score")
    table.add_column("#")
    table.add_column("platform", no_wrap=True, min_width=12)
    for col in ("grade", "score", "AGE", "REP", "CON", "EVI", "HELP", "TERMS"):
        table.add_column(col, justify="right")
    for n, o in enumerate(outcomes, start=1):
        if not o.result:
            table.add_row(str(n), o.platform.slug, "-", "failed", *[""] * 6)
            continue
        s = o.result.score
        prov = "*" if s.provisional else ""
        table.add_row(str(n), o.result.platform.name, s.grade + prov,
                      "n/a" if s.overall is None else f"{s.overall:.0f}",
                      *[str(a.level) for a in s.areas.values()])
    console.print(table)
    console.print("Levels per area (0-5): AGE, REPort, CONtact, EVIdence, HELP, TERMS; "
                  "* provisional: fewer than 75% of the checks could be scored.")


def _write_ranking(outcomes: list[DemoOutcome], folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "ranking.csv"
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["rank", "platform", "grade", "provisional", "score", "AGE", "REPORT", "CONTACT", "EVIDENCE",
                    "HELP", "TERMS", "run", "scorecard"])
        for n, o in enumerate(outcomes, start=1):
            if o.result and o.run:
                s = o.result.score
                w.writerow([n, o.result.platform.name, s.grade, s.provisional, s.overall,
                            *[a.level for a in s.areas.values()], o.run.id, o.run.folder / "scorecard.pdf"])
            else:
                w.writerow([n, o.platform.slug, "", "", "", "", "", "", "", "", "", o.run.id if o.run else "",
                            o.error])
    return path
