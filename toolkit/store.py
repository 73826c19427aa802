"""store: where runs live. A data folder with a SQLite catalogue and one folder per run.

    <home>/catalogue.sqlite
    <home>/runs/<platform-slug>/<run-id>/   bundle/, manifest.json, result.json, reports, run.log

The home is `--store DIR`, else $SAFEHAVEN_HOME, else the platform's user data folder. A run is
recorded as `running` before anything is written and ends `complete`, `failed` or `incomplete`;
each run has its own folder, so an interrupted run never writes over a good one.

No run stays `running`: the process that runs it holds a lock on `<run folder>/.lock` until it ends.
When a process dies without recording the end (kill -9, a power cut), the next process that opens the
store finds the lock free and records the run `incomplete`.

A store that cannot be used (a read-only folder, a full disk, a path below a regular file) raises
StoreError with one line that names the path and what to do.
"""

from __future__ import annotations

import errno
import os
import re
import secrets
import sqlite3
import unicodedata
from contextlib import closing
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from platformdirs import user_data_dir

try:
    import fcntl  # POSIX only
except ImportError:  # no flock (Windows): the process id in the lock file is the test
    fcntl = None

from reports.portfolio import PortfolioRun
from safehaven.files import write_atomic as _write_whole
from safehaven.models import Result

SCHEMA = """
CREATE TABLE IF NOT EXISTS runs (
    id TEXT PRIMARY KEY,
    platform TEXT NOT NULL,
    slug TEXT NOT NULL,
    url TEXT NOT NULL,
    started_at TEXT NOT NULL,
    finished_at TEXT,
    status TEXT NOT NULL,
    grade TEXT,
    score REAL,
    levels TEXT,
    folder TEXT NOT NULL,
    definition TEXT,
    manifest_sha256 TEXT,
    error TEXT,
    seal_sha256 TEXT
);
CREATE INDEX IF NOT EXISTS runs_platform ON runs (slug, started_at);
"""


class RunNotFound(LookupError):
    """No run with that id or folder."""


class StoreError(OSError):
    """The store (or a file to write) cannot be used; the message names the path and what to do."""


def storage_problem(path: Path | str, exc: BaseException, what: str = "the store") -> StoreError:
    """One clear line for an OS or SQLite error on `path`."""
    path = str(path)
    code = getattr(exc, "errno", None)
    text = str(exc)
    if code in (errno.ENOSPC, errno.EDQUOT) or "full" in text.lower():
        hint = "the disk is full: free some space or choose another folder"
    elif code in (errno.EACCES, errno.EPERM, errno.EROFS) or "readonly" in text.lower() or "read-only" in text.lower():
        hint = "it is not writable: fix its permissions or choose another folder (--store, $SAFEHAVEN_HOME)"
    elif code in (errno.ENOTDIR, errno.EEXIST) or isinstance(exc, NotADirectoryError | FileExistsError):
        hint = "a part of that path is a file, not a folder: choose another path"
    elif isinstance(exc, sqlite3.DatabaseError) and "not a database" in text:
        hint = "the run catalogue there is damaged: move catalogue.sqlite away (the run folders stay) or choose another folder"
    elif code == errno.ENOENT:
        hint = "a part of that path does not exist and could not be made: choose another path"
    else:
        hint = f"{type(exc).__name__}: {text.splitlines()[0][:200] if text else ''}"
    return StoreError(f"cannot use {what} at {path}: {hint}")


def _lock(path: Path):
    """Take an exclusive, non-blocking lock on `path`; returns the open file, or None when someone holds it."""
    fh = open(path, "a+")
    try:
        if fcntl is None:
            raise ImportError("no flock")
        fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except ImportError:  # no flock (Windows): the process id in the file is the test
        fh.seek(0)
        fh.truncate()
        fh.write(str(os.getpid()))
        fh.flush()
    except OSError:
        fh.close()
        return None
    return fh


def _held(path: Path) -> bool:
    """Is a live process holding the lock of a run?"""
    if not path.is_file():
        return False
    if fcntl is None:
        try:
            pid = int(path.read_text().strip() or 0)
            os.kill(pid, 0)
            return True
        except (ValueError, OSError):
            return False
    fh = _lock(path)
    if fh is None:
        return True
    fh.close()
    return False


@dataclass(frozen=True)
class RunRow:
    """One run as the catalogue records it."""

    id: str
    platform: str
    slug: str
    url: str
    started_at: str
    finished_at: str | None
    status: str
    grade: str | None
    score: float | None
    levels: str | None
    folder: Path
    definition: str | None
    manifest_sha256: str | None
    error: str | None
    seal_sha256: str | None = None  # the hash of seal.json: result.json and the reports, sealed with the evidence


def data_home(store: Path | str | None = None) -> Path:
    """The data folder: `store` if given, else $SAFEHAVEN_HOME, else the user data folder."""
    if store:
        return Path(store).expanduser().resolve()
    env = os.environ.get("SAFEHAVEN_HOME")
    if env:
        return Path(env).expanduser().resolve()
    return Path(user_data_dir("safehaven", appauthor=False))


def slugify(name: str) -> str:
    """A folder-safe, lower-case name for a platform."""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return slug[:60] or "platform"


class Store:
    """The run catalogue and run folders under one data folder."""

    def __init__(self, home: Path | str | None = None, *, reap: bool = True):
        self.home = data_home(home)
        self.db_path = self.home / "catalogue.sqlite"
        self._locks: dict[str, object] = {}
        try:
            self.home.mkdir(parents=True, exist_ok=True)
            if self.home.is_file():
                raise NotADirectoryError(errno.ENOTDIR, "not a folder", str(self.home))
            with closing(self._connect()) as db, db:
                db.executescript(SCHEMA)
                columns = {r["name"] for r in db.execute("PRAGMA table_info(runs)")}
                if "seal_sha256" not in columns:  # a catalogue from before the seal
                    db.execute("ALTER TABLE runs ADD COLUMN seal_sha256 TEXT")
        except (OSError, sqlite3.Error) as exc:
            raise storage_problem(self.home, exc) from None
        if reap:
            self.reap_stale()

    def reap_stale(self) -> list[str]:
        """Runs recorded `running` whose process is gone (killed, power cut): recorded `incomplete` now."""
        try:
            with closing(self._connect()) as db:
                rows = db.execute("SELECT id, folder FROM runs WHERE status = 'running'").fetchall()
        except sqlite3.Error:
            return []
        reaped = []
        for row in rows:
            if row["id"] in self._locks or _held(Path(row["folder"]) / ".lock"):
                continue
            try:
                self.finish_run(row["id"], "incomplete",
                                error="the process running the audit died (killed or power lost) before it ended")
                reaped.append(row["id"])
            except StoreError:
                break  # a read-only store: leave it as it is
        return reaped

    def _connect(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.db_path, timeout=30)
        db.execute("PRAGMA busy_timeout = 30000")
        db.execute("PRAGMA journal_mode = WAL")
        db.row_factory = sqlite3.Row
        return db

    # ------------------------------------------------------------------ writing

    def begin_run(self, platform: str, url: str, definition: str | None = None) -> RunRow:
        """Record a new run as `running` and create its (empty) folder."""
        now = datetime.now(UTC)
        slug = slugify(platform)
        run_id = f"{now:%Y%m%dT%H%M%SZ}-{slug[:24]}-{secrets.token_hex(3)}"
        folder = self.home / "runs" / slug / run_id
        try:
            folder.mkdir(parents=True, exist_ok=False)
            lock = _lock(folder / ".lock")
            if lock is not None:
                self._locks[run_id] = lock
            with closing(self._connect()) as db, db:
                db.execute(
                    "INSERT INTO runs (id, platform, slug, url, started_at, status, folder, definition)"
                    " VALUES (?, ?, ?, ?, ?, 'running', ?, ?)",
                    (run_id, platform, slug, url, now.isoformat(timespec="seconds"), str(folder), definition),
                )
        except (OSError, sqlite3.Error) as exc:
            self._release(run_id)
            raise storage_problem(folder if not isinstance(exc, sqlite3.Error) else self.db_path, exc) from None
        return self.get(run_id)

    def _release(self, run_id: str) -> None:
        lock = self._locks.pop(run_id, None)
        if lock is not None:
            lock.close()
            Path(lock.name).unlink(missing_ok=True)

    def finish_run(self, run_id: str, status: str, *, result: Result | None = None, error: str | None = None,
                   manifest_sha256: str | None = None, seal_sha256: str | None = None) -> RunRow:
        """Record how a run ended (and its grade and score when it has a result)."""
        grade = result.score.grade if result else None
        overall = result.score.overall if result else None
        levels = " ".join(f"{a}{s.level if s.assessed else '?'}" for a, s in result.score.areas.items()) if result else None
        try:
            with closing(self._connect()) as db, db:
                db.execute(
                    "UPDATE runs SET status = ?, finished_at = ?, grade = ?, score = ?, levels = ?, error = ?,"
                    " manifest_sha256 = COALESCE(?, manifest_sha256), seal_sha256 = COALESCE(?, seal_sha256)"
                    " WHERE id = ?",
                    (status, datetime.now(UTC).isoformat(timespec="seconds"), grade, overall, levels,
                     error, manifest_sha256, seal_sha256, run_id),
                )
        except sqlite3.Error as exc:
            raise storage_problem(self.db_path, exc, "the run catalogue") from None
        finally:
            if status != "running":
                self._release(run_id)
        return self.get(run_id)

    # ------------------------------------------------------------------ reading

    def get(self, run_id: str) -> RunRow:
        with closing(self._connect()) as db:
            row = db.execute("SELECT * FROM runs WHERE id = ?", (run_id,)).fetchone()
        if row is None:
            raise RunNotFound(f"no run with id {run_id!r} in {self.home}")
        return _row(row)

    def resolve(self, run: str) -> RunRow | Path:
        """A run id from the catalogue, or a run folder on disk (a folder need not be catalogued)."""
        path = Path(run).expanduser()
        if path.is_dir() and (path / "result.json").is_file():
            with closing(self._connect()) as db:
                row = db.execute("SELECT * FROM runs WHERE folder = ?", (str(path.resolve()),)).fetchone()
            return _row(row) if row else path.resolve()
        try:
            return self.get(run)
        except RunNotFound:
            pass
        with closing(self._connect()) as db:
            rows = db.execute("SELECT * FROM runs WHERE id LIKE ? ORDER BY started_at, rowid", (f"{run}%",)).fetchall()
        if len(rows) == 1:
            return _row(rows[0])
        if len(rows) > 1:
            raise RunNotFound(f"{run!r} matches {len(rows)} runs; give more of the id")
        raise RunNotFound(f"{run!r} is neither a run id in {self.home} nor a run folder with a result.json")

    def baseline_of(self, platform: str, run_id: str) -> Path | None:
        """The folder of the platform's latest complete run started before `run_id` (None if there is none).

        The one answer to "what do we compare this run with", for a re-audit in progress and for a
        report rendered later alike.
        """
        rows = self.runs(platform)
        ids = [r.id for r in rows]
        if run_id not in ids:
            return None
        earlier = rows[: ids.index(run_id)]
        return next((r.folder for r in reversed(earlier)
                     if r.status == "complete" and (r.folder / "result.json").is_file()), None)

    def runs(self, platform: str | None = None) -> list[RunRow]:
        """Runs, oldest first; only those of one platform (name or slug) when given."""
        sql, args = "SELECT * FROM runs", ()
        if platform:
            sql += " WHERE slug = ? OR platform = ?"
            args = (slugify(platform), platform)
        with closing(self._connect()) as db:
            rows = db.execute(sql + " ORDER BY started_at, rowid", args).fetchall()
        return [_row(r) for r in rows]


def _row(row: sqlite3.Row) -> RunRow:
    data = dict(row)
    data["folder"] = Path(data["folder"])
    return RunRow(**data)


def load_result(folder: Path) -> Result:
    """Read a run folder's result.json."""
    path = Path(folder) / "result.json"
    if not path.is_file():
        raise RunNotFound(f"{folder} has no result.json (the run did not complete)")
    return Result.model_validate_json(path.read_text("utf-8"))


def write_atomic(path: Path, text: str) -> None:
    """Write a file so that readers see the old or the new content, never half of it."""
    try:
        _write_whole(path, text)
    except OSError as exc:
        raise storage_problem(path, exc, "the file") from None


def latest_runs(store, platforms: list[str] | None = None) -> tuple[list[PortfolioRun], list[str]]:
    """The latest complete run of each platform in the store (or of the named ones), with the one before.

    `store` may be a list of stores (for example one per shard of a mapping run as separate jobs): their
    runs are taken together, in time order. Returns the runs and the names asked for that have no complete run.
    """
    stores = store if isinstance(store, (list, tuple)) else [store]
    rows = [r for s in stores for r in s.runs() if r.status == "complete" and (r.folder / "result.json").is_file()]
    rows.sort(key=lambda r: r.started_at)
    by_slug: dict[str, list] = {}
    for r in rows:
        by_slug.setdefault(r.slug, []).append(r)
    wanted = list(by_slug)
    missing: list[str] = []
    if platforms:
        wanted = []
        for name in platforms:
            slug = next((s for s, rs in by_slug.items() if s == slugify(name) or rs[-1].platform == name), None)
            if slug is None:
                missing.append(name)
            elif slug not in wanted:
                wanted.append(slug)
    runs = []
    for slug in wanted:
        done = by_slug[slug]
        previous = load_result(done[-2].folder) if len(done) > 1 else None
        runs.append(PortfolioRun(load_result(done[-1].folder), done[-1].folder, previous))
    return runs, missing
