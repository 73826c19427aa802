"""The pipeline of one audit: collect → evaluate → score → store → report.

`audit_platform` is what `safehaven run` and `safehaven demo` call. It records the run before
anything else, and whatever happens (a crash, Ctrl-C, a dead start URL) the catalogue ends with
the run marked `complete`, `failed` or `incomplete`.
"""

from __future__ import annotations

import asyncio
import contextvars
import logging
import time
from datetime import UTC, datetime
from pathlib import Path

from checks import catalogue as check_catalogue
from checks.base import finding
from reports.paper import html_to_pdf
from reports.render import render_html, render_report
from safehaven import __version__
from safehaven.bundle import MANIFEST, Bundle, sha256_bytes
from safehaven.files import write_atomic as write_whole
from safehaven.i18n import N_, msg
from safehaven.models import Finding, PageSummary, Result, RunInfo
from safehaven.textsafe import RedactFilter
from toolkit.collection.browser import BrowserSession
from toolkit.collection.crawl import CrawlFailed, ProgressFn, collect
from toolkit.definition import AuditDefinition
from toolkit.evaluate import evaluate, score
from toolkit.integrity import write_seal
from toolkit.review import ReviewFile, apply_review, machine_only, manual_findings
from toolkit.store import RunRow, Store, load_result, write_atomic

log = logging.getLogger("safehaven.audit")

REPORT_FORMATS = ("pdf", "html", "csv")
# The run being audited in this task (and the tasks it starts): audits side by side in one process
# (a batch) each write only their own lines into their own run.log.
_CURRENT_RUN: contextvars.ContextVar[str | None] = contextvars.ContextVar("safehaven_run", default=None)


class AuditFailed(RuntimeError):
    """The audit could not run (the run is recorded as failed)."""

    def __init__(self, message: str, run: RunRow):
        super().__init__(message)
        self.run = run


async def audit_platform(definition: AuditDefinition, store: Store, session: BrowserSession, *,
                         definition_text: str | None = None, lang: str | None = None,
                         progress: ProgressFn | None = None, reports: bool = True,
                         review: ReviewFile | None = None) -> tuple[RunRow, Result]:
    """Audit one platform with an already started browser; returns the catalogue row and the result."""
    platform = definition.platform
    run = store.begin_run(platform.name, platform.url, definition_text)
    token = _CURRENT_RUN.set(run.id)
    handler = _run_log(run.folder, run.id)
    started = datetime.now(UTC).isoformat(timespec="seconds")
    try:
        info = await collect(definition, run.folder, session, progress)
        # Evaluating and rendering are CPU work: in a thread, so that other audits sharing this event loop
        # (a batch) keep loading pages meanwhile instead of stalling for seconds. to_thread carries the
        # context along (the run-log filter).
        result = await asyncio.to_thread(result_of, run, Bundle(run.folder), started, session.version, review)
        write_atomic(run.folder / "result.json", result.to_json())
        if reports:
            baseline_dir = store.baseline_of(platform.name, run.id)
            await asyncio.to_thread(write_reports, result, run.folder, lang or platform.language or "en", baseline_dir)
        seal = write_seal(run.folder)  # result.json and the reports, sealed with the evidence
        log.info("timings: %s", info.timings)
        note = None
        if info.unfinished:
            note = "time budget reached: " + "; ".join(f"{k}: {v}" for k, v in info.unfinished.items())
        return store.finish_run(run.id, "complete", result=result, manifest_sha256=result.run.manifest_sha256,
                                seal_sha256=seal, error=note), result
    except CrawlFailed as exc:
        store.finish_run(run.id, "failed", error=str(exc))
        raise AuditFailed(str(exc), store.get(run.id)) from exc
    except (KeyboardInterrupt, asyncio.CancelledError):
        store.finish_run(run.id, "incomplete", error="interrupted")
        raise
    except Exception as exc:
        log.exception("audit crashed")
        try:
            store.finish_run(run.id, "incomplete", error=f"{type(exc).__name__}: {exc}"[:500])
        except Exception:  # the store itself failed (read-only, full): the next start marks the run
            log.exception("could not record the run as incomplete")
        raise
    finally:
        logging.getLogger("safehaven").removeHandler(handler)
        handler.close()
        _CURRENT_RUN.reset(token)


def result_of(run: RunRow, bundle: Bundle, started_at: str, browser: str, review: ReviewFile | None = None) -> Result:
    """Evaluate a collected bundle, apply the auditor's review, and score it."""
    manifest_sha = sha256_bytes((run.folder / MANIFEST).read_bytes())
    t0 = time.perf_counter()
    findings = apply_review(unfinished_not_assessed(evaluate(bundle), bundle), review)
    log.info("evaluate: %d findings in %.2fs", len(findings), time.perf_counter() - t0)
    for f in findings:
        for ev in f.evidence:
            if ev.path and not ev.sha256:
                ev.sha256 = bundle.manifest.get(ev.path)
    return Result(
        platform=bundle.platform,
        run=RunInfo(id=run.id, started_at=started_at, finished_at=datetime.now(UTC).isoformat(timespec="seconds"),
                    tool_version=__version__, browser=browser, status="complete", manifest_sha256=manifest_sha),
        score=score(findings),
        findings=findings,
        manual=manual_findings(review),
        pages=[PageSummary(url=p.url, final_url=p.final_url, role=p.role, status=p.status, title=p.title,
                           error=p.error) for p in bundle.pages],
    )


# The checks that read a probe's artifact: when that probe did not finish, they cannot judge.
PROBE_CHECKS = {"age_gate": ("AGE-01", "AGE-02", "AGE-03"), "signup": ("AGE-04",),
                "report": ("REPORT-01", "REPORT-02", "REPORT-03", "REPORT-06"), "contact": ("CONTACT-01", "CONTACT-02")}
PROBE_NAMES = {"age_gate": N_("age gate"), "signup": N_("signup"), "report": N_("report"), "contact": N_("contact")}


def unfinished_not_assessed(findings: list[Finding], bundle: Bundle) -> list[Finding]:
    """Checks whose probe the audit's time budget cut short become `not_assessed`, with the reason."""
    unfinished = bundle.info.unfinished
    out = []
    for f in findings:
        probe = next((name for name, checks in PROBE_CHECKS.items() if f.check in checks and name in unfinished), None)
        if probe and f.status not in ("not_applicable", "not_assessed"):
            reason = unfinished[probe]
            name = msg(PROBE_NAMES[probe]) if probe in PROBE_NAMES else probe.replace("_", " ")
            # The Dutch sentence names the time budget instead of the technical reason.
            f = finding(f.check, "not_assessed", msg(N_("Not assessed: the {probe} probe did not finish ({reason})."),
                                                     probe=name, reason=reason), machine_status=f.status)
        out.append(f)
    return out


def machine_result(result: Result) -> Result:
    """The result as the machine judged it, every auditor judgement taken out and the score recomputed."""
    findings = machine_only(result)
    return result.model_copy(update={"findings": findings, "manual": [], "score": score(findings)})


def write_reports(result: Result, run_dir: Path, lang: str, baseline_dir: Path | None = None) -> list[Path]:
    """Render the scorecard in every format next to the result; a failure is logged, not fatal."""

    baseline = load_result(baseline_dir) if baseline_dir else None
    written = []
    html: str | None = None
    for fmt in REPORT_FORMATS:
        name = "findings.csv" if fmt == "csv" else f"scorecard.{fmt}"
        try:
            if fmt in ("pdf", "html"):  # one scorecard HTML (crops, template) for both files
                html = html or render_html(result, run_dir, catalogue=check_catalogue(), lang=lang, baseline=baseline,
                                           baseline_dir=baseline_dir)
                write_whole(run_dir / name, html_to_pdf(html, run_dir) if fmt == "pdf" else html.encode("utf-8"))
                written.append(run_dir / name)
            else:
                written.append(render_report(result, run_dir, run_dir / name, catalogue=check_catalogue(), fmt=fmt,
                                             lang=lang, baseline=baseline, baseline_dir=baseline_dir))
        except Exception:
            log.exception("rendering %s failed", fmt)
    return written


def _run_log(folder: Path, run_id: str | None = None) -> logging.Handler:
    handler = logging.FileHandler(folder / "run.log", encoding="utf-8")
    if run_id:
        handler.addFilter(lambda record: _CURRENT_RUN.get() in (run_id, None))
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.setLevel(logging.INFO)
    handler.addFilter(RedactFilter())  # no login secret in run.log
    root = logging.getLogger("safehaven")
    root.setLevel(logging.INFO)
    root.addHandler(handler)
    return handler

