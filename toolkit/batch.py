"""Batch audits: many platforms in one Chromium, a bounded number at a time.

`safehaven run DEF_OR_FOLDER... [--parallel N]` lands here when it is given more than one
definition, a folder, or `demo` (the bundled demo world, served on 127.0.0.1 for the batch).

Each platform is one `audit_platform()` call, stored as its own run exactly as a single run is.
One platform that fails, crashes or hangs never stops the others: its audit is bounded by a
wall-clock budget (`--timeout`), its error is caught and named in the summary, and the others go
on. Platforms on the same site never run at the same time (politeness is per host); different
platforms are different hosts, so they run side by side. Ctrl-C (or SIGTERM) cancels what is in
flight: each of those runs is recorded as `incomplete`, the ones not yet started are listed as
not started.
"""

from __future__ import annotations

import asyncio
import os
import signal
import time
from collections.abc import Callable
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path

from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from audits.demo.server import DEMO_ROOT, definition_text, demo_platforms, serve
from safehaven.models import Result
from safehaven.urls import site_of
from toolkit.audit import AuditFailed, audit_platform
from toolkit.collection.browser import BrowserSession
from toolkit.definition import AuditDefinition, DefinitionError, parse_definition
from toolkit.review import ReviewFile, load_review, review_path_for
from toolkit.store import RunRow, Store

DEMO_WORD = "demo"
# Files in a folder of definitions that are not definitions themselves.
NOT_DEFINITIONS = ("serve.toml", "pyproject.toml")


def default_parallel() -> int:
    """Audits wait on the network most of the time: two per core, at least 2, at most 8."""
    return max(2, min(8, 2 * (os.cpu_count() or 1)))


@dataclass
class Target:
    """One platform to audit: where its definition came from, and the definition itself."""

    source: str
    definition: AuditDefinition
    text: str
    review: ReviewFile | None = None
    demo: object | None = None  # a DemoPlatform, served on 127.0.0.1 while the batch runs

    @property
    def name(self) -> str:
        return self.definition.platform.name


@dataclass
class Outcome:
    """How one platform's audit ended."""

    target: Target
    status: str = "not_started"  # complete | failed | incomplete | timeout | not_started
    run: RunRow | None = None
    result: Result | None = None
    error: str | None = None
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return self.status == "complete"


@dataclass
class BatchResult:
    outcomes: list[Outcome]
    interrupted: bool = False
    seconds: float = 0.0
    failed: list[Outcome] = field(init=False)

    def __post_init__(self) -> None:
        self.failed = [o for o in self.outcomes if not o.ok]

    @property
    def exit_code(self) -> int:
        if self.interrupted:
            return 130
        return 0 if not self.failed else 1

    def summary(self) -> list[dict]:
        """One dict per platform (for --json and for scripts)."""
        return [_summary_row(o) for o in self.outcomes]


# Progress events: (target index, stage, done, total). Stage "start" and the collector's own
# stages ("pages", "probe report", ...); when a platform ends, DoneFn gets its outcome.
EventFn = Callable[[int, str, int, int], None]
DoneFn = Callable[[int, "Outcome"], None]


# ---------------------------------------------------------------------- inputs


def definition_files(path: Path) -> list[Path]:
    """A definition file itself, or the definitions in a folder: *.toml and */audit.toml (not reviews)."""
    if path.is_file():
        return [path]
    if not path.is_dir():
        raise DefinitionError(str(path), ["no such file or folder"])
    if (path / "audit.toml").is_file():
        return [path / "audit.toml"]
    found = [p for p in sorted(path.glob("*.toml")) if _is_definition_name(p)]
    found += sorted(p for p in path.glob("*/audit.toml"))
    if not found:
        raise DefinitionError(str(path), ["folder holds no audit definitions (*.toml or */audit.toml)"])
    return found


def _is_definition_name(p: Path) -> bool:
    return not (p.name.endswith(".review.toml") or p.name in NOT_DEFINITIONS or p.name.startswith("truth"))


def _demo_platform_at(audit_file: Path):
    """The demo platform whose audit.toml this is (a folder with site/), else None."""
    folder = audit_file.parent
    if audit_file.name != "audit.toml" or not (folder / "site").is_dir():
        return None
    return next((p for p in demo_platforms(folder.parent) if p.folder == folder), None)


def gather_targets(args: list[str | Path], *, ignore_reviews: bool = False) -> list[Target]:
    """Every platform named by the arguments, validated; DefinitionError lists every problem at once."""
    problems: list[str] = []
    targets: list[Target] = []
    seen: set[Path] = set()
    for arg in args:
        path = DEMO_ROOT if str(arg) == DEMO_WORD and not Path(arg).exists() else Path(arg)
        try:
            files = definition_files(path)
        except DefinitionError as exc:
            problems.append(str(exc))
            continue
        for f in files:
            if f.resolve() in seen:
                continue
            seen.add(f.resolve())
            try:
                targets.append(_target(f, ignore_reviews))
            except DefinitionError as exc:
                problems.append(str(exc))
    if problems:
        raise DefinitionError("batch", problems)
    if not targets:
        raise DefinitionError("batch", ["no audit definitions given"])
    return targets


def _target(path: Path, ignore_reviews: bool) -> Target:
    try:
        text = path.read_text("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DefinitionError(str(path), [f"cannot be read ({exc})"]) from None
    defn = parse_definition(text, str(path))
    if defn.missing_secrets():
        raise DefinitionError(str(path), defn.missing_secrets())
    review = None if ignore_reviews else load_review(review_path_for(path))
    return Target(str(path), defn, text, review, _demo_platform_at(path))


# ---------------------------------------------------------------------- running


class _RecordingStore:
    """The store, remembering the run `audit_platform` begins (to name it when the audit times out)."""

    def __init__(self, store: Store):
        self._store = store
        self.row: RunRow | None = None

    def begin_run(self, *args, **kwargs) -> RunRow:
        self.row = self._store.begin_run(*args, **kwargs)
        return self.row

    def __getattr__(self, name: str):
        return getattr(self._store, name)


def run_batch(targets: list[Target], store: Store, *, parallel: int | None = None, lang: str | None = None,
              max_pages: int | None = None, timeout: float | None = 1200.0, reports: bool = True,
              on_event: EventFn | None = None, on_done: DoneFn | None = None,
              session: BrowserSession | None = None) -> BatchResult:
    """Serve the demo targets (if any), then audit every target; never raises for one platform's failure."""
    with ExitStack() as stack:
        _serve_demo_targets(targets, stack)
        return asyncio.run(run_batch_async(targets, store, parallel=parallel, lang=lang, max_pages=max_pages,
                                           timeout=timeout, reports=reports, on_event=on_event, on_done=on_done,
                                           session=session))


def _serve_demo_targets(targets: list[Target], stack: ExitStack) -> None:
    for t in targets:
        if t.demo is not None:
            url = stack.enter_context(serve(t.demo))
            t.text = definition_text(t.demo, url)
            t.definition = parse_definition(t.text, t.source)


async def run_batch_async(targets: list[Target], store: Store, *, parallel: int | None = None,
                          lang: str | None = None, max_pages: int | None = None, timeout: float | None = 1200.0,
                          reports: bool = True, on_event: EventFn | None = None, on_done: DoneFn | None = None,
                          session: BrowserSession | None = None) -> BatchResult:
    """Audit `targets` in one Chromium, at most `parallel` at a time; a cancelled batch returns what it has."""

    emit = on_event or (lambda i, stage, done, total: None)
    finished = on_done or (lambda i, outcome: None)
    limit = asyncio.Semaphore(parallel or default_parallel())
    site_locks: dict[str, asyncio.Lock] = {}
    outcomes = [Outcome(t) for t in targets]
    own_session = session is None
    session = session or BrowserSession()
    restart_lock = asyncio.Lock()
    t_batch = time.perf_counter()

    async def ensure_browser() -> None:
        async with restart_lock:  # Chromium died (out of memory, killed): start a new one for the rest
            if session.browser is None or not session.browser.is_connected():
                await session.close()
                await session.start()

    async def one(i: int, target: Target) -> None:
        outcome = outcomes[i]
        if max_pages:
            target.definition.crawl.max_pages = max_pages
        lock = site_locks.setdefault(site_of(target.definition.platform.url), asyncio.Lock())
        async with limit, lock:
            rec = _RecordingStore(store)
            emit(i, "start", 0, 1)
            t0 = time.perf_counter()
            try:
                await ensure_browser()
                coro = audit_platform(target.definition, rec, session, definition_text=target.text, lang=lang,
                                      progress=lambda stage, done, total: emit(i, stage, done, total),
                                      reports=reports, review=target.review)
                outcome.run, outcome.result = await asyncio.wait_for(coro, timeout)
                outcome.status = "complete"
            except AuditFailed as exc:
                outcome.status, outcome.run, outcome.error = "failed", exc.run, str(exc)
            except TimeoutError:
                outcome.status, outcome.error = "timeout", f"no result within {timeout:.0f} s; stopped"
                if rec.row:
                    outcome.run = store.finish_run(rec.row.id, "incomplete", error=outcome.error)
            except asyncio.CancelledError:
                outcome.status, outcome.error = "incomplete", "interrupted"
                outcome.run = store.get(rec.row.id) if rec.row else None
                raise
            except Exception as exc:  # a crash in one audit is that platform's problem only
                outcome.status, outcome.error = "incomplete", f"{type(exc).__name__}: {exc}"[:300]
                outcome.run = store.get(rec.row.id) if rec.row else None
            finally:
                outcome.seconds = time.perf_counter() - t0
                finished(i, outcome)

    if own_session:
        await session.start()
    interrupted = False
    tasks = [asyncio.create_task(one(i, t)) for i, t in enumerate(targets)]
    main = asyncio.current_task()
    term_installed = _on_sigterm(lambda: main.cancel() if main else None)
    try:
        await asyncio.gather(*tasks)
    except asyncio.CancelledError:
        interrupted = True
        for task in tasks:
            # gather() has already cancelled its children: a second cancel would cut short the wait of
            # asyncio.wait_for for the audit's own cleanup (its run recorded incomplete, contexts closed).
            if not task.done() and not task.cancelling():
                task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        if main is not None:
            main.uncancel()
    finally:
        if term_installed:
            asyncio.get_running_loop().remove_signal_handler(signal.SIGTERM)
        if own_session:
            await session.close()
    return BatchResult(outcomes, interrupted, time.perf_counter() - t_batch)


def _on_sigterm(callback: Callable[[], object]) -> bool:
    """Treat SIGTERM like Ctrl-C for the batch (main thread only); True when installed."""
    try:
        asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, callback)
        return True
    except (NotImplementedError, RuntimeError, ValueError):
        return False


# ---------------------------------------------------------------------- showing


def _summary_row(o: Outcome) -> dict:
    s = o.result.score if o.result else None
    return {"definition": o.target.source, "platform": o.target.name, "url": o.target.definition.platform.url,
            "status": o.status, "run": o.run.id if o.run else None,
            "folder": str(o.run.folder) if o.run else None, "grade": s.grade if s else None,
            "score": s.overall if s else None, "seconds": round(o.seconds, 1), "error": o.error}


def _outcome_line(o: Outcome) -> str:
    if o.ok and o.result:
        s = o.result.score
        score = "n/a" if s.overall is None else f"{s.overall:.0f}/100"
        return f"[green]done[/]  {o.target.name}: grade {s.grade} {score}, {len(o.result.pages)} pages, {o.seconds:.0f} s"
    return f"[red]{o.status}[/]  {o.target.name}: {o.error or ''} ({o.seconds:.0f} s)"


class BatchProgress:
    """One live progress line per platform on `console`, and a permanent line when each one ends."""

    def __init__(self, targets: list[Target], console):
        self.targets = targets
        width = min(28, max(len(t.name) for t in targets))
        self.bar = Progress(TextColumn("{task.fields[name]}", style="bold"), TextColumn("{task.description}"),
                            BarColumn(bar_width=20), TextColumn("{task.completed}/{task.total}"),
                            TimeElapsedColumn(), console=console, transient=True)
        self.ids = [self.bar.add_task("waiting", total=1, start=False, name=t.name[:width].ljust(width))
                    for t in targets]

    def __enter__(self) -> BatchProgress:
        self.bar.__enter__()
        return self

    def __exit__(self, *exc) -> None:
        self.bar.__exit__(*exc)

    def event(self, i: int, stage: str, done: int, total: int) -> None:
        task = self.ids[i]
        if stage == "start":
            self.bar.start_task(task)
            self.bar.update(task, description="starting", completed=0, total=1)
        else:
            self.bar.update(task, description=stage, completed=done, total=max(total, 1))

    def done(self, i: int, outcome: Outcome) -> None:
        self.bar.update(self.ids[i], visible=False)
        self.bar.console.print(_outcome_line(outcome), highlight=False, soft_wrap=True)


def print_batch_summary(batch: BatchResult, console) -> None:
    """The table at the end of a batch: every platform, how it ended, and why when it did not complete."""
    table = Table(title=f"Batch: {len(batch.outcomes)} platform(s) in {batch.seconds:.0f} s")
    for col in ("platform", "status", "grade", "score", "pages", "time", "run / why not"):
        table.add_column(col, overflow="fold")
    style = {"complete": "green", "not_started": "dim"}
    for o in batch.outcomes:
        s = o.result.score if o.result else None
        why = o.run.id if o.ok and o.run else (o.error or "")
        if not o.ok and o.run:
            why += f" (run {o.run.id})"
        table.add_row(o.target.name, f"[{style.get(o.status, 'red')}]{o.status}[/]", s.grade if s else "",
                      "" if not s or s.overall is None else f"{s.overall:.0f}",
                      str(len(o.result.pages)) if o.result else "", f"{o.seconds:.0f} s", why)
    console.print(table)
    done = sum(o.ok for o in batch.outcomes)
    line = f"{done} of {len(batch.outcomes)} audited"
    if batch.failed:
        line += "; not audited: " + ", ".join(f"{o.target.name} ({o.status})" for o in batch.failed)
    if batch.interrupted:
        line += "; interrupted (runs in flight are recorded as incomplete)"
    console.print(line, highlight=False, soft_wrap=True)
    console.print("The map of the latest runs: safehaven portfolio -o portfolio.pdf", highlight=False)
