"""store: where runs live. A data folder with a SQLite catalogue and one folder per run.

    <home>/catalogue.sqlite
    <home>/runs/<platform-slug>/<run-id>/   bundle/, manifest.json, result.json, reports, run.log

The home is `--store DIR`, else $SAFEHAVEN_HOME, else the platform's user data folder. A run is
recorded as `running` before anything is written and ends `complete`, `failed` or `incomplete`;
each run has its own folder, so an interrupted run never writes over a good one.
"""

from __future__ import annotations

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

from .models import Result

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
    error TEXT
);
CREATE INDEX IF NOT EXISTS runs_platform ON runs (slug, started_at);
"""


class RunNotFound(LookupError):
    """No run with that id or folder."""


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

    def __init__(self, home: Path | str | None = None):
        self.home = data_home(home)
        self.home.mkdir(parents=True, exist_ok=True)
        self.db_path = self.home / "catalogue.sqlite"
        with closing(self._connect()) as db, db:
            db.executescript(SCHEMA)

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
        folder.mkdir(parents=True, exist_ok=False)
        with closing(self._connect()) as db, db:
            db.execute(
                "INSERT INTO runs (id, platform, slug, url, started_at, status, folder, definition)"
                " VALUES (?, ?, ?, ?, ?, 'running', ?, ?)",
                (run_id, platform, slug, url, now.isoformat(timespec="seconds"), str(folder), definition),
            )
        return self.get(run_id)

    def finish_run(self, run_id: str, status: str, *, result: Result | None = None, error: str | None = None,
                   manifest_sha256: str | None = None) -> RunRow:
        """Record how a run ended (and its grade and score when it has a result)."""
        grade = result.score.grade if result else None
        overall = result.score.overall if result else None
        levels = " ".join(f"{a}{s.level if s.assessed else '?'}" for a, s in result.score.areas.items()) if result else None
        with closing(self._connect()) as db, db:
            db.execute(
                "UPDATE runs SET status = ?, finished_at = ?, grade = ?, score = ?, levels = ?, error = ?,"
                " manifest_sha256 = COALESCE(?, manifest_sha256) WHERE id = ?",
                (status, datetime.now(UTC).isoformat(timespec="seconds"), grade, overall, levels,
                 error, manifest_sha256, run_id),
            )
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
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_text(text, "utf-8")
    tmp.replace(path)
