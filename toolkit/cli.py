"""The `safehaven` command line (a contract outside tools rely on: keep it stable).

Exit codes: 0 the command did its work (whatever the audit found), 2 bad definition or arguments,
1 the audit itself could not run.
"""

from __future__ import annotations

import asyncio
import json
import logging
import signal
import sys
from contextlib import nullcontext
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from checks import catalogue as check_catalogue
from checks import registry as check_registry
from reports.portfolio import render_portfolio
from reports.render import render_report
from safehaven import __version__
from safehaven.diff import diff_results
from safehaven.textsafe import RedactFilter
from toolkit.audit import AuditFailed, audit_platform, machine_result
from toolkit.batch import BatchProgress, default_parallel, gather_targets, print_batch_summary, run_batch
from toolkit.collection.browser import BrowserNotFound, BrowserSession
from toolkit.definition import DefinitionError, load_definition
from toolkit.demo import run_demo
from toolkit.doctor import diagnose
from toolkit.integrity import export_run, verify_run
from toolkit.review import load_review, review_path_for
from toolkit.store import RunNotFound, Store, StoreError, latest_runs, load_result, storage_problem

app = typer.Typer(add_completion=False, no_args_is_help=True, rich_markup_mode=None,
                  help="safehaven: audit platforms for safety-by-design gaps and write PDF scorecards.")
out = Console()
err = Console(stderr=True)

StoreOpt = Annotated[Path | None, typer.Option("--store", help="Data folder (default: $SAFEHAVEN_HOME or the "
                                                                "user data folder).", show_default=False)]
STATUS_STYLE = {"pass": "green", "partial": "yellow", "fail": "red", "needs_review": "magenta",
                "not_applicable": "dim", "not_assessed": "dim", "error": "bold red"}


class Lang(str, Enum):
    en = "en"
    nl = "nl"


class Format(str, Enum):
    pdf = "pdf"
    html = "html"
    json = "json"
    csv = "csv"


def main() -> None:
    """Console-script entry point."""
    console = logging.StreamHandler()
    console.setLevel(logging.WARNING)  # run.log in the run folder gets the detail
    console.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    console.addFilter(RedactFilter())  # no login secret on the terminal either
    logging.getLogger().addHandler(console)
    try:
        app()
    except StoreError as exc:  # a store or file that cannot be used: one line, no traceback
        err.print(f"[bold red]error:[/] {escape(str(exc))}", highlight=False, soft_wrap=True)
        sys.exit(1)


def _fail(message: str, code: int) -> typer.Exit:
    err.print(f"[bold red]error:[/] {escape(message)}", highlight=False, soft_wrap=True)  # a message may hold [brackets]
    return typer.Exit(code)


def _store(store: Path | None) -> Store:
    """The store, or exit 2 with one line naming the path when it cannot be used."""
    try:
        return Store(store)
    except StoreError as exc:
        raise _fail(str(exc), 2) from None


class Terminated(Exception):
    """SIGTERM (timeout, systemd, docker stop) arrived: handled like Ctrl-C."""


async def _terminable(coro):
    """Run `coro` so that SIGTERM cancels it as Ctrl-C does: the run is recorded incomplete, then we exit."""
    loop = asyncio.get_running_loop()
    task = asyncio.ensure_future(coro)
    hit = []

    def on_term() -> None:
        hit.append(True)
        task.cancel()

    try:
        loop.add_signal_handler(signal.SIGTERM, on_term)
    except (NotImplementedError, RuntimeError, ValueError):  # not the main thread, or no signals here
        pass
    try:
        return await task
    except asyncio.CancelledError:
        if hit:
            raise Terminated() from None
        raise
    finally:
        try:
            loop.remove_signal_handler(signal.SIGTERM)
        except (NotImplementedError, RuntimeError, ValueError):
            pass


# ---------------------------------------------------------------------- run


@app.command()
def run(
    definitions: Annotated[list[Path], typer.Argument(metavar="DEF_OR_FOLDER...", help="Audit definitions (TOML), "
                                                      "folders of them, or `demo` (the bundled demo world).")],
    store: StoreOpt = None,
    json_out: Annotated[bool, typer.Option("--json", help="Print the result JSON instead of the table.")] = False,
    lang: Annotated[Lang | None, typer.Option("--lang", help="Language of the reports (default: the platform's).")] = None,
    max_pages: Annotated[int | None, typer.Option("--max-pages", min=1, help="Override [crawl] max_pages.")] = None,
    ignore_reviews: Annotated[bool, typer.Option("--ignore-reviews", help="Do not apply the platform's review file.")] = False,
    parallel: Annotated[int | None, typer.Option("--parallel", min=1, max=32, help="Platforms audited at a time "
                                                 "(several definitions; default: 2 per core, 2 to 8).")] = None,
    timeout: Annotated[float, typer.Option("--timeout", min=10, help="Wall-clock budget per platform in a batch "
                                           "(seconds); a platform over it is stopped and recorded incomplete.")] = 1200,
) -> None:
    """Audit one platform (or many: several definitions, a folder, `demo`), store the runs, write scorecards."""
    if len(definitions) > 1 or parallel or definitions[0].is_dir() or str(definitions[0]) == "demo":
        return _run_batch(definitions, store, json_out, lang, max_pages, ignore_reviews, parallel, timeout)
    definition = definitions[0]

    try:
        defn = load_definition(definition)
        if defn.missing_secrets():
            raise DefinitionError(str(definition), defn.missing_secrets())
        review = None if ignore_reviews else load_review(review_path_for(definition))
    except DefinitionError as exc:
        raise _fail(str(exc), 2) from None
    if max_pages:
        defn.crawl.max_pages = max_pages
    text = definition.read_text("utf-8")
    the_store = _store(store)

    try:
        row, result = _with_progress(not json_out, lambda progress: _terminable(
            _audit(defn, the_store, text, lang, progress, review)))
    except AuditFailed as exc:
        raise _fail(f"{exc} (run {exc.run.id} recorded as failed)", 1) from None
    except (KeyboardInterrupt, asyncio.CancelledError):
        raise _fail("interrupted; the run is recorded as incomplete", 130) from None
    except Terminated:
        raise _fail("terminated (SIGTERM); the run is recorded as incomplete", 143) from None
    except BrowserNotFound as exc:
        raise _fail(str(exc), 1) from None
    except StoreError as exc:
        raise _fail(f"{exc}; the run is recorded as incomplete where the store allowed it", 1) from None
    except OSError as exc:
        problem = storage_problem(exc.filename or the_store.home, exc, "the run folder")
        raise _fail(f"{problem}; the run is recorded as incomplete where the store allowed it", 1) from None
    if json_out:
        print(result.to_json())
        return
    _print_result(result, row.folder)


def _run_batch(paths, store, json_out, lang, max_pages, ignore_reviews, parallel, timeout) -> None:

    try:
        targets = gather_targets(paths, ignore_reviews=ignore_reviews)
    except DefinitionError as exc:
        raise _fail(str(exc), 2) from None
    the_store = Store(store)
    n = parallel or default_parallel()
    err.print(f"Auditing {len(targets)} platform(s), {min(n, len(targets))} at a time; runs in {the_store.home}",
              highlight=False, soft_wrap=True)
    try:
        with (nullcontext() if json_out else BatchProgress(targets, err)) as bar:
            batch = run_batch(targets, the_store, parallel=n, lang=lang.value if lang else None,
                              max_pages=max_pages, timeout=timeout, on_event=bar.event if bar else None,
                              on_done=bar.done if bar else None)
    except BrowserNotFound as exc:
        raise _fail(str(exc), 1) from None
    if json_out:
        print(json.dumps(batch.summary(), indent=2, ensure_ascii=False))
    else:
        print_batch_summary(batch, out)
    raise typer.Exit(batch.exit_code)


async def _audit(defn, store, text, lang, progress, review=None):

    session = BrowserSession()
    await session.start()
    try:
        return await audit_platform(defn, store, session, definition_text=text,
                                    lang=lang.value if lang else None, progress=progress, review=review)
    finally:
        try:  # the browser may be gone already (systemd and docker signal the whole group)
            await asyncio.wait_for(session.close(), 20)
        except Exception as exc:
            logging.getLogger("safehaven.cli").info("closing the browser: %s", exc)


def _with_progress(show: bool, make):
    if not show:
        return asyncio.run(make(None))
    with Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), TextColumn("{task.completed}/{task.total}"),
                  TimeElapsedColumn(), console=err, transient=True) as bar:
        tasks: dict[str, int] = {}

        def progress(stage: str, done: int, total: int) -> None:
            if stage not in tasks:
                tasks[stage] = bar.add_task(stage, total=total)
            bar.update(tasks[stage], completed=done, total=total)

        return asyncio.run(make(progress))


def _print_result(result, folder: Path) -> None:
    s = result.score
    prov = " (provisional)" if s.provisional else ""
    overall = "n/a" if s.overall is None else f"{s.overall:.0f}"
    out.print(f"\n[bold]{result.platform.name}[/]  {result.platform.url}")
    out.print(f"Grade [bold]{s.grade}[/]{prov}   score {overall}/100   coverage {s.coverage:.0%}"
              + (f"   capped by {', '.join(s.caps)}" if s.caps else ""))
    table = Table(show_lines=False)
    for col in ("check", "status", "finding"):
        table.add_column(col, overflow="fold")
    for f in result.findings:
        table.add_row(f.check, f"[{STATUS_STYLE[f.status]}]{f.status}[/]", f.summary)
    out.print(table)
    levels = "  ".join(f"{a} {v.level if v.assessed else 'not assessed'}" for a, v in s.areas.items())
    out.print(f"Levels: {levels}")
    out.print(f"Run {result.run.id}\nFolder {folder}", soft_wrap=True)
    pdf = folder / "scorecard.pdf"
    if pdf.exists():
        out.print(f"Scorecard {pdf}", soft_wrap=True)


# ---------------------------------------------------------------------- report


@app.command()
def report(
    run_ref: Annotated[str, typer.Argument(metavar="RUN", help="Run id (or its start) or run folder.")],
    lang: Annotated[Lang, typer.Option("--lang")] = Lang.en,
    fmt: Annotated[Format, typer.Option("--format")] = Format.pdf,
    output: Annotated[Path | None, typer.Option("-o", "--output", help="File to write (default: in the run folder).")] = None,
    store: StoreOpt = None,
    compare: Annotated[str | None, typer.Option("--compare", metavar="RUN", help="Baseline run for 'since the last audit' "
                                                "(default: the platform's previous complete run).")] = None,
    no_compare: Annotated[bool, typer.Option("--no-compare", help="Leave out 'since the last audit'.")] = False,
    ignore_reviews: Annotated[bool, typer.Option("--ignore-reviews", help="Show the machine's verdicts only.")] = False,
) -> None:
    """Render a stored run as PDF, HTML, JSON or CSV, in Dutch or English."""

    folder = _run_folder(run_ref, store)
    result = load_result(folder)
    if ignore_reviews:
        result = machine_result(result)
    baseline_dir = None
    if not no_compare:
        baseline_dir = _run_folder(compare, store) if compare else _store(store).baseline_of(result.platform.name, result.run.id)
    baseline = load_result(baseline_dir) if baseline_dir else None
    if baseline and ignore_reviews:
        baseline = machine_result(baseline)  # compare machine with machine
    target = output or folder / f"scorecard.{lang.value}.{fmt.value}"
    try:
        render_report(result, folder, target, catalogue=check_catalogue(), fmt=fmt.value, lang=lang.value,
                      baseline=baseline, baseline_dir=baseline_dir)
    except OSError as exc:
        raise _fail(str(storage_problem(target, exc, "the output file")), 2) from None
    out.print(str(target), soft_wrap=True)


def _run_folder(run_ref: str, store: Path | None) -> Path:
    try:
        found = _store(store).resolve(run_ref)
    except RunNotFound as exc:
        raise _fail(str(exc), 2) from None
    folder = found if isinstance(found, Path) else found.folder
    if not (folder / "result.json").is_file():
        raise _fail(f"run {run_ref} has no result.json (status: "
                    f"{getattr(found, 'status', 'unknown')}); nothing to report", 1)
    return folder


# ---------------------------------------------------------------------- portfolio


class PortfolioFormat(str, Enum):
    pdf = "pdf"
    html = "html"
    csv = "csv"


@app.command()
def portfolio(
    platforms: Annotated[list[str] | None, typer.Argument(metavar="[PLATFORM...]", help="Platforms (names or slugs; "
                                                          "default: every platform with a complete run).")] = None,
    lang: Annotated[Lang, typer.Option("--lang")] = Lang.en,
    fmt: Annotated[PortfolioFormat, typer.Option("--format")] = PortfolioFormat.pdf,
    output: Annotated[Path | None, typer.Option("-o", "--output", help="File to write (default: portfolio.LANG.FORMAT "
                                                "in the data folder).")] = None,
    store: StoreOpt = None,
    also: Annotated[list[Path] | None, typer.Option("--also-store", metavar="DIR", help="Also take runs from this data "
                                                   "folder (repeatable; e.g. one per job of a sharded mapping).")] = None,
) -> None:
    """The map of many platforms: ranking, levels per area, shared gaps, changes, one page per platform."""

    the_store = Store(store)
    for extra in also or []:
        if not (extra / "catalogue.sqlite").is_file():
            raise _fail(f"--also-store {extra}: no catalogue.sqlite there", 2)
    runs, missing = latest_runs([the_store, *(Store(x) for x in also or [])], platforms or None)
    if missing:
        raise _fail(f"no complete run for {', '.join(missing)} in {the_store.home}", 2)
    if not runs:
        raise _fail(f"no complete runs in {the_store.home}; audit some platforms first (safehaven run)", 1)
    target = output or the_store.home / f"portfolio.{lang.value}.{fmt.value}"
    render_portfolio(runs, target, catalogue=check_catalogue(), fmt=fmt.value, lang=lang.value)
    out.print(str(target), soft_wrap=True)


# ---------------------------------------------------------------------- history, checks


@app.command()
def history(
    platform: Annotated[str | None, typer.Argument(help="Platform name (all platforms when left out).")] = None,
    store: StoreOpt = None,
    json_out: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """List the stored runs (of one platform): date, status, grade, score and levels."""
    rows = _store(store).runs(platform)
    if json_out:
        print(json.dumps([{k: (str(v) if isinstance(v, Path) else v) for k, v in r.__dict__.items()
                           if k != "definition"} for r in rows], indent=2))
        return
    if not rows:
        out.print(f"No runs{' for ' + platform if platform else ''} in {_store(store).home}.")
        return
    table = Table()
    for col in ("run", "platform", "started", "status", "grade", "score", "levels"):
        table.add_column(col)
    for r in rows:
        table.add_row(r.id, r.platform, r.started_at, r.status, r.grade or "", "" if r.score is None else f"{r.score:.0f}",
                      r.levels or (r.error or "")[:60])
    out.print(table)


@app.command()
def checks(
    lang: Annotated[Lang, typer.Option("--lang")] = Lang.en,
    json_out: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """The check catalogue: every check ID with its title and what it asks."""
    implemented = check_registry()
    items = [{"id": m.id, "area": m.area, "title": m.text("title", lang.value),
              "criterion": m.text("criterion", lang.value), "legal": m.legal,
              "implemented": m.id in implemented} for m in check_catalogue().values()]
    if json_out:
        print(json.dumps(items, indent=2, ensure_ascii=False))
        return
    table = Table(title=f"safehaven check catalogue, methodology 1 ({len(items)} checks)")
    for col in ("id", "title", "criterion"):
        table.add_column(col, overflow="fold")
    for i in items:
        table.add_row(i["id"], i["title"] + ("" if i["implemented"] else " [dim](not yet)[/]"), i["criterion"])
    out.print(table)


# ---------------------------------------------------------------------- diff, verify, export


@app.command()
def diff(
    run_a: Annotated[str, typer.Argument(metavar="RUN_A|PLATFORM", help="Baseline run, or a platform (its last two runs).")],
    run_b: Annotated[str | None, typer.Argument(metavar="RUN_B", help="The later run.")] = None,
    store: StoreOpt = None,
    json_out: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """What changed between two runs: each check fixed, regressed, new or unchanged, and each area's level."""
    the_store = _store(store)
    if run_b is None:
        done = [r for r in the_store.runs(run_a) if r.status == "complete"]
        if len(done) < 2:
            raise _fail(f"{run_a!r}: a platform needs two complete runs to compare ({len(done)} found)", 2)
        folders = [done[-2].folder, done[-1].folder]
    else:
        folders = [_run_folder(run_a, store), _run_folder(run_b, store)]
    before, after = (load_result(f) for f in folders)
    d = diff_results(before, after)
    if json_out:
        print(d.model_dump_json(indent=2))
        return
    out.print(f"[bold]{d.platform}[/]: grade {d.grade_before} → {d.grade_after}, score "
              f"{_num(d.overall_before)} → {_num(d.overall_after)}   ({d.before} → {d.after})")
    table = Table()
    for col in ("check", "change", "before", "after", "now"):
        table.add_column(col, overflow="fold")
    style = {"fixed": "green", "regressed": "red", "new": "cyan", "changed_level": "yellow"}
    for c in d.checks:
        if c.change == "unchanged":
            continue
        table.add_row(c.check, f"[{style.get(c.change, 'white')}]{c.change}[/]", c.before or "-", c.after or "-",
                      c.summary_after)
    out.print(table)
    unchanged = len(d.of("unchanged"))
    out.print(f"{unchanged} check(s) unchanged.")
    out.print("Levels: " + "  ".join(f"{a.area} {_lvl(a.level_before)}→{_lvl(a.level_after)}" for a in d.areas))


def _lvl(level: int | None) -> str:
    return "–" if level is None else str(level)


def _num(v: float | None) -> str:
    return "n/a" if v is None else f"{v:.0f}"


@app.command()
def verify(
    run_ref: Annotated[str, typer.Argument(metavar="RUN", help="Run id, run folder, or an unpacked export.")],
    store: StoreOpt = None,
) -> None:
    """Recompute every evidence hash against the manifest, and the manifest's hash against the record."""
    path = Path(run_ref)
    recorded = seal = None
    if path.is_dir() and (path / "manifest.json").is_file():
        folder = path
        try:
            found = _store(store).resolve(str(path))
            if not isinstance(found, Path):
                recorded, seal = found.manifest_sha256, found.seal_sha256
        except RunNotFound:
            pass
    else:
        try:
            row = _store(store).resolve(run_ref)
        except RunNotFound as exc:
            raise _fail(str(exc), 2) from None
        folder = row if isinstance(row, Path) else row.folder
        if not isinstance(row, Path):
            recorded, seal = row.manifest_sha256, row.seal_sha256
    v = verify_run(folder, recorded, seal)
    for label, items in (("changed", v.changed), ("missing", v.missing), ("not in the manifest", v.unlisted)):
        for rel in items:
            err.print(f"[red]{label}:[/] {rel}", highlight=False)
    if v.manifest_ok is False:
        err.print(f"[red]manifest.json changed:[/] its hash {v.manifest_sha256} differs from the one recorded for the run")
    if v.seal_ok is False:
        err.print("[red]seal.json changed:[/] its hash differs from the one recorded for the run")
    if v.ok:
        basis = "the recorded manifest hash" if v.manifest_ok else "the manifest (no recorded hash to compare with)"
        sealed = f"; result and reports ({v.sealed} files) match the seal" if v.sealed else ""
        out.print(f"OK: {v.files_checked} evidence files match {basis}{sealed}.")
        return
    raise typer.Exit(1)


@app.command()
def export(
    run_ref: Annotated[str, typer.Argument(metavar="RUN")],
    output: Annotated[Path, typer.Option("-o", "--output", help="The .zip file to write.")],
    store: StoreOpt = None,
) -> None:
    """Pack a run (evidence, manifest, result, reports) into a zip for handing over."""
    folder = _run_folder(run_ref, store)
    try:
        out.print(str(export_run(folder, output)))
    except OSError as exc:
        raise _fail(str(storage_problem(output, exc, "the export file")), 2) from None


# ---------------------------------------------------------------------- demo, doctor


@app.command()
def demo(
    store: StoreOpt = None,
    only: Annotated[list[str] | None, typer.Option("--only", help="Audit only these demo platforms (slugs).")] = None,
    lang: Annotated[Lang | None, typer.Option("--lang")] = None,
) -> None:
    """Serve the bundled fictional platforms on 127.0.0.1, audit them and write their scorecards."""
    try:
        run_demo(_store(store), only=only or None, lang=lang.value if lang else None, console=out, err=err)
    except BrowserNotFound as exc:
        raise _fail(str(exc), 1) from None
    except ValueError as exc:
        raise _fail(str(exc), 2) from None


@app.command()
def doctor(store: StoreOpt = None) -> None:
    """Check that this machine can audit: browser, PDF renderer, fonts, data folder."""
    problems = diagnose(out, store)
    raise typer.Exit(1 if problems else 0)


@app.callback(invoke_without_command=True)
def _version(version: Annotated[bool, typer.Option("--version", help="Print the version.")] = False) -> None:
    if version:
        out.print(f"safehaven {__version__}")
        raise typer.Exit(0)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
