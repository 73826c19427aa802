"""The hostile matrix: audit each hostile case through the real CLI, in a subprocess, and judge how it ended.

    python benchmarks/hostile/matrix.py                 # every case
    python benchmarks/hostile/matrix.py CASE ...        # some cases
    python benchmarks/hostile/matrix.py --list          # the cases and what each does

Each case is a small audit definition (short page timeout, few pages, a time budget, a login whose
secrets come from the environment) of one hostile page or server (benchmarks/hostile/server.py, on
127.0.0.1:18300-18305), or a hostile definition or store. It is run as a user runs it
(`safehaven run DEF --store STORE --json`, in its own process group, with a hard outer timeout), and
passes when:

  - it ended within its bound (the outer timeout kills it otherwise);
  - its exit code is one the case allows, with one clear `error:` line when not 0, and no Python traceback;
  - `history --json` lists its run with an honest status (complete after exit 0, failed or incomplete
    after exit 1, no run for a definition refused with exit 2), never "running";
  - the server received no write (no method other than GET, HEAD, OPTIONS apart from the log-in, no
    WebSocket message, no GET of an acting address);
  - no secret from the environment (nor a password written in the address) is in any stored file or
    in what the command printed;
  - the case's own check, where it has one (e.g. our page scripts still read the page).

Prints one table (case, bound, seconds, exit, status, ok/FAIL and why) and a total; exit 1 when a case failed.
"""

from __future__ import annotations

import argparse
import html
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

HERE = Path(__file__).resolve().parent
# The checkout whose toolkit is audited (the CLI runs there): this one, or another (HOSTILE_TOOLKIT=/path), e.g. to
# measure the matrix on an older version.
ROOT = Path(os.environ.get("HOSTILE_TOOLKIT") or HERE.parents[1]).resolve()
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

from server import MAIN, ROBOTS, SILENT, Servers  # noqa: E402

SECRETS = {"SH_HOSTILE_USER": "hostile-user-5150", "SH_HOSTILE_PASS": "pw-<&'\"-9z!"}
URL_PASSWORD = "hunter2-in-the-address"
CLI = "import sys; from toolkit.cli import main; sys.argv[0] = 'safehaven'; main()"
CRAWL = ("[crawl]\nmax_pages = 8\nmax_items = 2\nconcurrency = 2\npage_timeout = 5\nsettle_ms = 200\n"
         "requests_per_second = 20\nbudget = 60\n")


def login(case: str) -> str:
    return ("[login]\nsteps = [\n"
            f'  {{action = "goto", target = "/login.html?case={case}"}},\n'
            '  {action = "fill", target = "#u", value_env = "SH_HOSTILE_USER"},\n'
            '  {action = "fill", target = "#p", value_env = "SH_HOSTILE_PASS"},\n'
            '  {action = "click", target = "#go"},\n]\n')


def standard(case: str, url: str | None = None, crawl: str = CRAWL) -> str:
    url = url or f"http://127.0.0.1:{MAIN}/c/{case}/"
    return f'[platform]\nname = "Hostile {case}"\nurl = "{url}"\n{crawl}{login(case)}'


@dataclass
class Case:
    name: str
    what: str
    codes: tuple[int, ...] = (0,)  # exit codes allowed
    bound: float = 150.0  # seconds
    definition: str | None = None  # default: standard(name)
    check: str = ""  # an extra check (see _extra)
    runs: int | None = None  # runs expected in history (default: 1, none after exit 2)
    special: str = ""  # concurrent, readonly, binary


CASES: list[Case] = [
    # writes from where a page-level guard may not reach
    Case("sw-post", "a service worker that POSTs on install, on activate and from its fetch handler"),
    Case("worker-post", "a dedicated Worker (from a file and from a blob:) that POSTs by fetch, XHR and keepalive"),
    Case("worker-ws", "a Worker that opens a WebSocket and sends on it"),
    Case("sharedworker-post", "a SharedWorker that POSTs and opens a WebSocket"),
    Case("unload-writes", "beacons and keepalive fetches in pagehide/beforeunload/unload/visibilitychange/freeze, "
                          "as listeners and as <body> attributes"),
    Case("iframe-realm", "writes through a fresh iframe's EventTarget, sendBeacon, fetch and form.submit"),
    Case("hidden-iframe-form", "a form auto-submitted (submit and requestSubmit) into a hidden iframe"),
    Case("form-blank", "forms with target=_blank and a named window, submitted by script"),
    Case("a-ping", "<a ping> clicked by script, same origin and another port"),
    Case("prefetch-acting", "prefetch, prerender, preload and speculation rules to addresses that act"),
    # navigation and lifecycle abuse
    Case("odd-schemes", "links and navigations to javascript:, data:, blob:, view-source:, chrome://, file:, ftp:, intent:"),
    Case("beforeunload-dialog", "a beforeunload handler that asks to stay"),
    Case("window-close", "window.close() and window.print() on load, again and again"),
    Case("pushstate-loop", "history.pushState fifty times a millisecond"),
    Case("hash-churn", "location.hash changed every millisecond"),
    Case("meta-refresh-loop", "<meta http-equiv=refresh content=0> to itself and a two-page refresh loop"),
    Case("redirect-30", "a redirect chain of 30 distinct hops"),
    Case("redirect-port", "redirects (302, 307, meta refresh) to another port and to localhost, which POSTs"),
    # the DOM and the renderer
    Case("iframe-nest", "iframes that nest themselves, two per level, without end"),
    Case("iframes-1000", "1,000 iframes, each of which POSTs"),
    Case("shadow-deep", "shadow roots nested 2,000 levels deep, a link at the bottom"),
    Case("mem-bomb", "a page that allocates memory until the renderer dies"),
    Case("busy-linked", "a linked page that loops for ever before it loads"),
    Case("busy-start", "a start page that loops for ever before it loads", codes=(0, 1)),
    Case("mutation-storm", "document.body replaced every 10 ms, for ever", check="home-read"),
    Case("debugger-loop", "a debugger statement every millisecond"),
    Case("infinite-scroll", "a page that grows whenever it is scrolled or seen"),
    Case("report-storm", "600 ads each with a Report button that confirms and POSTs"),
    # responses
    Case("gzip-bomb", "Content-Encoding gzip: 1 MB on the wire, 1 GB inflated"),
    Case("line-50mb", "a 50 MB page on one line"),
    Case("cookie-bomb", "50 more cookies of 4 KB on every page (a Cookie header too big for the server)"),
    Case("headers-10k", "a response with 10,000 headers"),
    Case("header-100k", "a response with a 100 KB header"),
    Case("http10-early", "HTTP/1.0 without Content-Length closing early; a Content-Length that lies"),
    Case("chunked-truncated", "a chunked response cut off mid-chunk; a bad chunk size"),
    Case("odd-status", "status 999, 204, and a reply that is not HTTP"),
    Case("odd-types", "HTML served as image/png, broken XHTML, a binary page"),
    Case("charset-lies", "UTF-8 served as UTF-16, an unknown charset, UTF-16 with a lone surrogate"),
    Case("download-endless", "a link to a download that never ends"),
    Case("slow-bytes", "a start page sent byte by byte, three page timeouts long", codes=(0, 1)),
    Case("never-answers", "a server that accepts the connection and never answers", codes=(1,),
         definition=standard("never-answers", f"http://127.0.0.1:{SILENT}/c/never-answers/")),
    Case("robots-sitemap", "robots.txt that never answers and a sitemap.xml without end",
         definition=standard("robots-sitemap", f"http://127.0.0.1:{ROBOTS}/c/robots-sitemap/")),
    # text
    Case("title-1mb", "a title of 1 MB on every page"),
    Case("rtl-nul", "titles, links, text and form values with RTL overrides, NULs, escapes and lone surrogates"),
    Case("links-100k", "100,000 links on the home page"),
    Case("url-100k", "links whose addresses are 100 KB and 2 MB long"),
    # our page scripts vs the page's
    Case("proto-override", "the page replaces Array.prototype.map, JSON.stringify, querySelectorAll, "
                           "Function.prototype.toString, Promise, Object.keys ...", check="home-text"),
    Case("playwright-names", "the page takes the names window.__playwright*, __safehaven* and submits a form",
         check="home-text"),
    # gates and overlays
    Case("age-gate-forever", "an age gate that comes back after it is passed, for ever"),
    Case("banner-cover", "a cookie banner over the whole page that cannot be closed and swallows clicks"),
    # definitions and stores
    Case("def-idn", "a unicode (IDN) host name", codes=(0, 1),
         definition=standard("def-idn", f"http://b\u00fccher-hostile.localhost:{MAIN}/c/def-idn/")),
    Case("def-credentials", "a start address with a user name and password in it", codes=(1, 2), bound=60,
         definition=standard("def-credentials", f"http://auditor:{URL_PASSWORD}@127.0.0.1:{MAIN}/c/def-credentials/")),
    Case("def-port", "a port out of range", codes=(2,), bound=30,
         definition=standard("def-port", "http://127.0.0.1:70000/")),
    Case("def-maxpages", "max_pages = 10**12", codes=(2,), bound=30,
         definition=standard("def-maxpages", crawl=CRAWL.replace("max_pages = 8", "max_pages = 1000000000000"))),
    Case("def-name", "a platform name with path traversal, an RTL override and a NUL escape",
         definition=standard("def-name").replace('name = "Hostile def-name"',
                                                 'name = "../../../tmp/hostile-escape/\\u202e\\u0000x"'),
         check="inside-store"),
    Case("def-binary", "a definition file that is binary garbage", codes=(2,), bound=30, special="binary"),
    Case("concurrent", "two audits of the same platform started at the same time into one store", runs=2,
         special="concurrent"),
    Case("store-readonly", "--store on a read-only file system", codes=(1, 2), bound=60, runs=0, special="readonly"),
]


@dataclass
class Outcome:
    case: Case
    seconds: float = 0.0
    code: int | None = None
    status: str = ""
    problems: list[str] = field(default_factory=list)
    skipped: str = ""


def _run(args: list[str], env: dict, bound: float, hard: float) -> tuple[int | None, str, str, float]:
    t0 = time.monotonic()
    proc = subprocess.Popen([sys.executable, "-c", CLI, *args], cwd=ROOT, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, start_new_session=True)
    try:
        out, err = proc.communicate(timeout=hard)
        code = proc.returncode
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        out, err = proc.communicate()
        code = None
    return code, out.decode("utf-8", "replace"), err.decode("utf-8", "replace"), time.monotonic() - t0


def _secret_forms() -> list[bytes]:
    forms = set()
    for s in (*SECRETS.values(), URL_PASSWORD):
        for v in (s, quote(s, safe=""), quote(s), html.escape(s), html.escape(s, quote=False),
                  json.dumps(s)[1:-1]):
            forms.add(v.encode("utf-8"))
    return sorted(forms)


def _leaks(root: Path, printed: str) -> list[str]:
    found = []
    forms = _secret_forms()
    for path in (root.rglob("*") if root.exists() else []):
        if path.is_file():
            data = path.read_bytes()
            for f in forms:
                if f in data:
                    found.append(f"secret in {path.relative_to(root)}")
                    break
    if any(f.decode() in printed for f in forms):
        found.append("secret in the printed output")
    return found[:3]


def _history(store: Path, env: dict) -> tuple[list[dict] | None, str]:
    code, out, err, _ = _run(["history", "--store", str(store), "--json"], env, 60, 60)
    if code != 0:
        return None, (err.strip().splitlines() or ["?"])[-1][:120]
    try:
        return json.loads(out), ""
    except ValueError:
        return None, "history --json printed no JSON"


def _extra(case: Case, rows: list[dict], store: Path) -> list[str]:
    from safehaven.bundle import Bundle

    problems = []
    if case.check in ("home-text", "home-read"):
        for r in rows:
            if r.get("status") != "complete":
                continue
            pages = Bundle(Path(r["folder"])).pages
            home = [p for p in pages if p.url.rstrip("/").endswith(f"/c/{case.name}")]
            if not home or not home[0].files.get("text"):
                problems.append("the home page was not read")
                continue
            text = (Path(r["folder"]) / home[0].files["text"]).read_text("utf-8", "replace")
            if not text.strip() or (case.check == "home-text" and f"Hostile home {case.name}" not in text):
                problems.append("our page scripts did not read the home page's text")
    if case.check == "inside-store":
        for r in rows:
            folder = Path(r["folder"]).resolve()
            if store.resolve() not in folder.parents:
                problems.append(f"run folder outside the store: {folder}")
        if Path("/tmp/hostile-escape").exists():
            problems.append("/tmp/hostile-escape was created")
    return problems


def _readonly_store(tmp: Path) -> tuple[Path | None, str]:
    """A store folder on a read-only bind mount (we are root: permissions alone do not stop us)."""
    src, dst = tmp / "ro-src", tmp / "ro-store"
    src.mkdir()
    dst.mkdir()
    r = subprocess.run(["mount", "--bind", str(src), str(dst)], capture_output=True, text=True)
    if r.returncode != 0:
        return None, f"no bind mount here ({r.stderr.strip()[:60]})"
    r = subprocess.run(["mount", "-o", "remount,bind,ro", str(dst)], capture_output=True, text=True)
    if r.returncode != 0:
        subprocess.run(["umount", str(dst)])
        return None, f"no read-only remount here ({r.stderr.strip()[:60]})"
    return dst, ""


def expected_runs_of(case: Case, code: int | None) -> int:
    return case.runs if case.runs is not None else (0 if code == 2 else 1)


def run_case(case: Case, servers: Servers, tmp: Path) -> Outcome:
    o = Outcome(case)
    work = tmp / case.name
    work.mkdir()
    store = work / "store"
    env = {**os.environ, **SECRETS, "SAFEHAVEN_HOME": str(work / "home"), "PYTHONDONTWRITEBYTECODE": "1"}
    definition = work / "audit.toml"
    if case.special == "binary":
        definition.write_bytes(bytes(range(256)) * 40 + b"\xff\xfe\x00[platform]\x00")
    else:
        definition.write_text(case.definition or standard(case.name), "utf-8")
    unmount = None
    if case.special == "readonly":
        store, why = _readonly_store(work)
        if store is None:
            o.skipped = why
            return o
        unmount = store
    servers.hub.reset()
    hard = case.bound + 60
    args = ["run", str(definition), "--store", str(store), "--json"]
    try:
        if case.special == "concurrent":
            t0 = time.monotonic()
            procs = [subprocess.Popen([sys.executable, "-c", CLI, *args], cwd=ROOT, env=env, stdout=subprocess.PIPE,
                                      stderr=subprocess.PIPE, start_new_session=True) for _ in range(2)]
            results = []
            for p in procs:
                try:
                    out, err = p.communicate(timeout=max(1, hard - (time.monotonic() - t0)))
                    results.append((p.returncode, out.decode("utf-8", "replace"), err.decode("utf-8", "replace")))
                except subprocess.TimeoutExpired:
                    os.killpg(p.pid, signal.SIGKILL)
                    out, err = p.communicate()
                    results.append((None, out.decode("utf-8", "replace"), err.decode("utf-8", "replace")))
            o.seconds = time.monotonic() - t0
            codes = [r[0] for r in results]
            o.code = codes[0] if len(set(codes)) == 1 else max(c if c is not None else 99 for c in codes)
            out = "\n".join(r[1] for r in results)
            err = "\n".join(r[2] for r in results)
            if any(c not in case.codes for c in codes):
                o.problems.append(f"exit codes {codes}")
        else:
            o.code, out, err, o.seconds = _run(args, env, case.bound, hard)
        time.sleep(1.0)  # late writes (a beacon on the way out) still count
        if o.code is None:
            o.problems.append(f"killed after {hard:.0f} s")
        elif o.seconds > case.bound:
            o.problems.append(f"took {o.seconds:.0f} s > {case.bound:.0f} s")
        if o.code is not None and o.code not in case.codes and case.special != "concurrent":
            said = [ln for ln in err.splitlines() if ln.startswith("error:")][:1]
            o.problems.append(f"exit {o.code}, expected {'/'.join(map(str, case.codes))}"
                              + (f" ({said[0][7:160]})" if said else ""))
        printed = out + err
        if "Traceback" in printed:
            last = [ln for ln in err.splitlines() if ln.strip()][-1:] or ["?"]
            o.problems.append("traceback: " + last[0].strip()[:100])
        if o.code not in (0, None):
            lines = [ln for ln in err.splitlines() if ln.strip()]
            errors = [ln for ln in lines if ln.startswith("error:")]
            if len(errors) != 1:
                o.problems.append(f"{len(errors)} error lines, {len(lines)} lines on stderr")
        if o.code == 0 and case.special != "concurrent":
            try:
                json.loads(out)
            except ValueError:
                o.problems.append("--json printed no JSON")
        # The store
        rows, why = _history(store, env) if store.exists() else ([], "")
        if rows is None:
            # A store nothing could be written to has no history to show; saying so in one line is right.
            if not (expected_runs_of(case, o.code) == 0 and why.startswith("error:")):
                o.problems.append(f"history: {why}")
            rows = []
        o.status = ",".join(sorted({r.get("status", "?") for r in rows})) or "-"
        expected_runs = expected_runs_of(case, o.code)
        if len(rows) != expected_runs:
            o.problems.append(f"{len(rows)} runs in history, expected {expected_runs}")
        for r in rows:
            st = r.get("status")
            if st == "running":
                o.problems.append("a run left 'running'")
            elif o.code == 0 and st != "complete":
                o.problems.append(f"exit 0 but run {st}")
            elif o.code == 1 and st not in ("failed", "incomplete"):
                o.problems.append(f"exit 1 but run {st}")
        with servers.hub.lock:
            writes = list(servers.hub.writes)
        if writes:
            kinds = sorted({f"{m} {p.split('?')[0][-40:]}" for _, m, p in writes})
            o.problems.append(f"{len(writes)} writes reached the server: {'; '.join(kinds[:3])}")
        o.problems += _leaks(work / "store", printed) + (_leaks(work / "home", "") if (work / "home").exists() else [])
        o.problems += _extra(case, rows, store)
    finally:
        if unmount:
            subprocess.run(["umount", str(unmount)])
    return o


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("cases", nargs="*", help="case names (default: all)")
    ap.add_argument("--list", action="store_true")
    ap.add_argument("--keep", action="store_true", help="keep the stores (printed)")
    ap.add_argument("--json", type=Path, help="also write the outcomes as JSON here")
    a = ap.parse_args()
    if a.list:
        for c in CASES:
            print(f"{c.name:22} {c.what}")
        return 0
    chosen = [c for c in CASES if not a.cases or c.name in a.cases]
    unknown = set(a.cases) - {c.name for c in CASES}
    if unknown:
        print(f"unknown case(s): {', '.join(sorted(unknown))}", file=sys.stderr)
        return 2
    servers = Servers()
    tmp = Path(tempfile.mkdtemp(prefix="hostile-"))
    outcomes = []
    t_all = time.monotonic()
    print(f"{'case':22} {'bound':>6} {'secs':>6} {'exit':>4} {'status':12} result", flush=True)
    try:
        for c in chosen:
            o = run_case(c, servers, tmp)
            outcomes.append(o)
            verdict = (f"skip ({o.skipped})" if o.skipped else "ok" if not o.problems
                       else "FAIL: " + "; ".join(o.problems))
            print(f"{c.name:22} {c.bound:6.0f} {o.seconds:6.1f} {'' if o.code is None else o.code:>4} "
                  f"{o.status[:12]:12} {verdict}", flush=True)
    finally:
        servers.close()
        if not a.keep:
            shutil.rmtree(tmp, ignore_errors=True)
    ran = [o for o in outcomes if not o.skipped]
    passed = sum(not o.problems for o in ran)
    skipped = len(outcomes) - len(ran)
    print(f"\n{passed} of {len(ran)} cases pass" + (f" ({skipped} skipped)" if skipped else "")
          + f"; {time.monotonic() - t_all:.0f} s" + (f"; stores in {tmp}" if a.keep else ""))
    if a.json:
        a.json.write_text(json.dumps([{"case": o.case.name, "bound": o.case.bound, "seconds": round(o.seconds, 1),
                                       "exit": o.code, "status": o.status, "skipped": o.skipped,
                                       "problems": o.problems} for o in outcomes], indent=2), "utf-8")
    return 0 if passed == len(ran) else 1


if __name__ == "__main__":
    sys.exit(main())
