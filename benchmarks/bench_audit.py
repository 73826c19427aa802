"""Benchmark (`make bench`): the demo world under simulated latency, audits beside the page-load floor.

    python benchmarks/bench_audit.py [--latency MS] [--only SLUG ...] [--max-pages N] [--parallel N]
                                     [--json FILE]

Serves the demo world with `--latency` ms (default 200) before every response, and prints in one run:

* per platform, audited one at a time: pages, the audit's wall time (crawl, probes, evaluation,
  reports), the bare page-load floor of the same pages at the same concurrency and politeness
  (Chromium loading them, waiting for `load` and doing nothing else), their ratio, and the peak
  memory of Chromium during that audit;
* the whole world serially (the sum of the above) and as one batch with `--parallel` (default 4),
  exactly what `safehaven run demo --parallel 4` does, and the speed-up;
* peak memory: Chromium (proportional set size, PSS, of every Chromium process this benchmark
  started, sampled every 0.25 s: shared pages counted once) and Python (peak RSS);
* scorecard (PDF, HTML) and portfolio (PDF, HTML, CSV) render times and sizes.
"""

from __future__ import annotations

import argparse
import asyncio
import bisect
import json
import logging
import os
import platform
import resource
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

from audits.demo.server import demo_platforms
from checks import catalogue
from reports.portfolio import render_portfolio
from reports.render import render_report
from safehaven.bundle import Bundle
from toolkit.audit import audit_platform
from toolkit.batch import run_batch_async
from toolkit.collection.browser import BrowserSession
from toolkit.definition import AuditDefinition
from toolkit.demo import served_world
from toolkit.store import Store, latest_runs, load_result

# ---------------------------------------------------------------------- memory of our own Chromium


def _children() -> dict[int, list[int]]:
    kids: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry.name}/stat").read_text()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        kids.setdefault(ppid, []).append(int(entry.name))
    return kids


def _descendants(pid: int) -> list[int]:
    kids, out, todo = _children(), [], [pid]
    while todo:
        p = todo.pop()
        for c in kids.get(p, []):
            out.append(c)
            todo.append(c)
    return out


def _mem_mb(pid: int) -> tuple[float, float]:
    """(PSS, RSS) of one process in MB."""
    pss = rss = 0.0
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                pss = int(line.split()[1]) / 1024
            elif line.startswith("Rss:"):
                rss = int(line.split()[1]) / 1024
    except OSError:
        pass
    return pss, rss


def browser_snapshot() -> tuple[float, float, float]:
    """(PSS MB, RSS-sum MB, CPU seconds) of the Chromium processes below this Python process (not other users'
    browsers), from one pass over /proc: each process's smaps_rollup is read once (the kernel walks its page
    tables for it, which is what costs), its stat once (user + system, with reaped children)."""
    tick = os.sysconf("SC_CLK_TCK")
    pss = rss = 0.0
    cpu = 0
    for pid in _descendants(os.getpid()):
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            name = Path(f"/proc/{pid}/comm").read_text().strip()
        except OSError:
            continue
        cpu += sum(int(x) for x in fields[11:15])  # utime stime cutime cstime
        if "chrom" in name or "headless" in name:
            p, r = _mem_mb(pid)
            pss, rss = pss + p, rss + r
    return pss, rss, cpu / tick


def chromium_cpu_s() -> float:
    """CPU seconds of the browser processes below this one."""
    return browser_snapshot()[2]


class MemorySampler:
    """Samples Chromium's memory (peaks) and its CPU seconds (a time line, to share out among the stages), twice a
    second, and keeps its own CPU time apart (`own_cpu`) so that the audit's Python CPU can leave it out: reading
    smaps_rollup of every Chromium process four times a second cost a third of the Python CPU the first
    version of this benchmark reported, and took that CPU from the audits in the parallel batch."""

    def __init__(self, every: float = 0.5):
        self.every, self.peak, self.peak_rss, self._stop = every, 0.0, 0.0, threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self.cpu_times: list[float] = []
        self.cpu_values: list[float] = []
        self.own_cpu = 0.0
        self._lock = threading.Lock()

    def _sample(self) -> tuple[float, float]:
        t0 = time.thread_time()
        pss, rss, cpu = browser_snapshot()
        with self._lock:
            self.peak, self.peak_rss = max(self.peak, pss), max(self.peak_rss, rss)
            self.cpu_times.append(time.perf_counter())
            self.cpu_values.append(cpu)
            self.own_cpu += time.thread_time() - t0
        return pss, rss

    def _run(self) -> None:
        while not self._stop.is_set():
            self._sample()
            self._stop.wait(self.every)

    def cpu_at(self, moment: float) -> float:
        """Chromium's CPU seconds at the sample nearest before `moment` (0.5 s resolution)."""
        i = bisect.bisect_right(self.cpu_times, moment) - 1
        return self.cpu_values[max(i, 0)] if self.cpu_values else 0.0

    def reset(self) -> float:
        """The PSS peak since the last reset (the RSS-sum peak is kept in last_rss)."""
        pss, rss = self._sample()
        with self._lock:
            peak, self.peak = self.peak, pss
            self.last_rss, self.peak_rss = self.peak_rss, rss
        return peak

    def __enter__(self) -> MemorySampler:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()


class CrawlEndLog(logging.Handler):
    """Notes when the collector logs the end of its crawl (the probes start then)."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.crawl_end: float | None = None

    def emit(self, record: logging.LogRecord) -> None:
        if record.getMessage().startswith("crawl: "):
            self.crawl_end = time.perf_counter()


# ---------------------------------------------------------------------- the floor


async def page_load_floor(session: BrowserSession, defn: AuditDefinition, urls: list[str]) -> float:
    """Chromium loading `urls` at the definition's concurrency and request rate, doing nothing else."""
    crawl = defn.crawl
    ctx, _ = await session.new_context()
    queue = list(urls)
    gap = 1.0 / crawl.requests_per_second
    lock = asyncio.Lock()
    last = [0.0]

    async def polite() -> None:
        async with lock:
            wait = last[0] + gap - time.monotonic()
            if wait > 0:
                await asyncio.sleep(wait)
            last[0] = time.monotonic()

    async def worker() -> None:
        while queue:
            url = queue.pop(0)
            await polite()
            page = await ctx.new_page()
            try:
                await page.goto(url, wait_until="load", timeout=crawl.page_timeout * 1000)
            except Exception:
                pass
            finally:
                await page.close()

    t0 = time.perf_counter()
    try:
        await asyncio.gather(*(worker() for _ in range(crawl.concurrency)))
    finally:
        await ctx.close()
    return time.perf_counter() - t0


# ---------------------------------------------------------------------- the run


async def bench(args, home: Path) -> dict:
    platforms = [p for p in demo_platforms() if not args.only or p.slug in args.only]
    figures: dict = {"machine": machine(), "latency_ms": args.latency, "platforms": []}
    serial_store, batch_store = Store(home / "serial"), Store(home / "batch")
    with served_world(platforms, latency_ms=args.latency, max_pages=args.max_pages) as targets, MemorySampler() as mem:
        async with BrowserSession() as session:
            figures["browser"] = session.version
            print(f"{'platform':16} {'pages':>5} {'audit s':>8} {'floor s':>8} {'ratio':>6} {'chromium MB':>12} "
                  f"{'(RSS sum)':>9}  stages")
            marks = CrawlEndLog()
            collector_log = logging.getLogger("safehaven.collect")
            collector_log.addHandler(marks)
            collector_log.setLevel(logging.INFO)
            for p, target in zip(platforms, targets, strict=True):
                text, defn = target.text, target.definition
                mem.reset()
                marks.crawl_end = None
                t0, cpu0, ccpu0, own0 = time.perf_counter(), time.process_time(), chromium_cpu_s(), mem.own_cpu
                row, result = await audit_platform(defn, serial_store, session, definition_text=text)
                audit_s = time.perf_counter() - t0
                cpu_py = time.process_time() - cpu0 - (mem.own_cpu - own0)  # the sampler's own CPU left out
                cpu_chromium = chromium_cpu_s() - ccpu0
                peak = mem.reset()
                loaded = [pg.final_url or pg.url for pg in result.pages if pg.status and pg.status < 400]
                floor_s = await page_load_floor(session, defn, loaded)
                timings = Bundle(row.folder).info.timings
                stages = "  ".join(f"{k}={v:.1f}" for k, v in timings.items())
                stage_cpu = {}
                if marks.crawl_end is not None and "crawl" in timings:
                    start, end = marks.crawl_end - timings["crawl"], marks.crawl_end
                    probes_end = end + timings.get("probes", 0.0)
                    stage_cpu = {"crawl": round(mem.cpu_at(end) - mem.cpu_at(start), 1),
                                 "probes": round(mem.cpu_at(probes_end) - mem.cpu_at(end), 1)}
                    stage_cpu["other"] = round(cpu_chromium - stage_cpu["crawl"] - stage_cpu["probes"], 1)
                    stages += "  chromium cpu: " + " ".join(f"{k}={v:.1f}" for k, v in stage_cpu.items())
                ratio = audit_s / floor_s if floor_s else float("nan")
                print(f"{p.slug:16} {len(result.pages):5d} {audit_s:8.1f} {floor_s:8.1f} {ratio:6.2f} {peak:12.0f} "
                      f"{mem.last_rss:9.0f}  cpu: python+demo server {cpu_py:.0f} s, chromium {cpu_chromium:.0f} s;  {stages}",
                      flush=True)
                figures["platforms"].append({"slug": p.slug, "pages": len(result.pages), "audit_s": round(audit_s, 1),
                                             "floor_s": round(floor_s, 1), "ratio": round(ratio, 2),
                                             "chromium_peak_mb": round(peak),
                                             "chromium_peak_rss_sum_mb": round(mem.last_rss), "timings": timings,
                                             "cpu_python_s": round(cpu_py, 1), "cpu_chromium_s": round(cpu_chromium, 1),
                                             "cpu_chromium_stages_s": stage_cpu,
                                             "run": str(row.folder)})
            serial = sum(x["audit_s"] for x in figures["platforms"])
            if args.serial_only:
                return figures
            mem.reset()
            batch = await run_batch_async(targets, batch_store, parallel=args.parallel, session=session)
            peak_batch = mem.reset()
    ok = sum(o.ok for o in batch.outcomes)
    figures["world"] = {"serial_s": round(serial, 1), "parallel": args.parallel, "parallel_s": round(batch.seconds, 1),
                        "speedup": round(serial / batch.seconds, 2), "complete": ok, "platforms": len(targets),
                        "chromium_peak_mb_parallel": round(peak_batch),
                        "platforms_per_hour": round(len(targets) / batch.seconds * 3600)}
    print(f"\nwhole world: serial {serial:.1f} s, --parallel {args.parallel} {batch.seconds:.1f} s "
          f"({serial / batch.seconds:.2f}x; {ok}/{len(targets)} complete; about "
          f"{figures['world']['platforms_per_hour']} platforms per hour), chromium peak {peak_batch:.0f} MB")
    figures["chromium_peak_mb_single"] = max(x["chromium_peak_mb"] for x in figures["platforms"])
    figures["python_peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    print(f"peak memory: chromium {figures['chromium_peak_mb_single']} MB for one audit at a time, "
          f"{peak_batch:.0f} MB with {args.parallel} at a time; python {figures['python_peak_rss_mb']} MB (RSS)")
    figures["reports"] = reports(figures["platforms"], batch_store, home)
    return figures


def reports(platforms: list[dict], store: Store, home: Path) -> dict:
    """Scorecard render time per format (median over the runs) and the portfolio of the batch."""
    out: dict = {}
    for fmt in ("pdf", "html"):
        times, sizes = [], []
        for x in platforms:
            folder = Path(x["run"])
            target = home / f"sc-{x['slug']}.{fmt}"
            t0 = time.perf_counter()
            render_report(load_result(folder), folder, target, catalogue=catalogue(), fmt=fmt, lang="en")
            times.append(time.perf_counter() - t0)
            sizes.append(target.stat().st_size)
        out[f"scorecard_{fmt}"] = {"median_s": round(statistics.median(times), 2), "max_s": round(max(times), 2),
                                   "median_kb": round(statistics.median(sizes) / 1024)}
        print(f"scorecard {fmt:4}: median {statistics.median(times):.2f} s, max {max(times):.2f} s, "
              f"median {statistics.median(sizes) / 1024:.0f} KB")
    runs, _ = latest_runs(store)
    for fmt in ("pdf", "html", "csv"):
        target = home / f"portfolio.{fmt}"
        t0 = time.perf_counter()
        render_portfolio(runs, target, catalogue=catalogue(), fmt=fmt, lang="en")
        took = time.perf_counter() - t0
        out[f"portfolio_{fmt}"] = {"s": round(took, 2), "kb": round(target.stat().st_size / 1024)}
        print(f"portfolio {fmt:4}: {took:.2f} s, {target.stat().st_size / 1024:.0f} KB ({len(runs)} platforms)")
    return out


def machine() -> dict:
    load = os.getloadavg()
    mem = next((int(line.split()[1]) // 1024 for line in Path("/proc/meminfo").read_text().splitlines()
                if line.startswith("MemTotal")), 0)
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    return {"cpus": os.cpu_count(), "cpu": cpu, "memory_mb": mem, "python": sys.version.split()[0],
            "load_at_start": [round(x, 1) for x in load]}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--latency", type=int, default=200, metavar="MS")
    ap.add_argument("--only", nargs="*")
    ap.add_argument("--max-pages", type=int)
    ap.add_argument("--parallel", type=int, default=4)
    ap.add_argument("--json", type=Path, help="also write the figures here")
    ap.add_argument("--serial-only", action="store_true", help="only the per-platform audits and floors")
    args = ap.parse_args()
    m = machine()
    print(f"machine: {m['cpus']} CPUs ({m['cpu']}), {m['memory_mb']} MB, load {m['load_at_start']}; "
          f"latency {args.latency} ms per response")
    with tempfile.TemporaryDirectory() as tmp:
        figures = asyncio.run(bench(args, Path(tmp)))
    figures["machine"]["load_at_end"] = [round(x, 1) for x in os.getloadavg()]
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2))
    if args.serial_only:
        return
    worst = max(x["ratio"] for x in figures["platforms"])
    print(f"\nworst audit-to-floor ratio {worst:.2f} (target <= 3); speed-up {figures['world']['speedup']:.2f}x "
          f"(target >= 3); chromium peak {figures['chromium_peak_mb_single']} MB (target <= 1024); scorecard PDF "
          f"median {figures['reports']['scorecard_pdf']['median_s']:.2f} s (target <= 2); "
          f"load at end {figures['machine']['load_at_end']}")


if __name__ == "__main__":
    main()
