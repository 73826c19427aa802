"""`safehaven doctor`: what this machine has for auditing, and what to do about what is missing."""

from __future__ import annotations

import asyncio
import shutil
import subprocess
from pathlib import Path

from rich.console import Console
from rich.table import Table

from toolkit.collection.browser import BrowserNotFound, BrowserSession, browser_version_of, find_browser
from toolkit.store import Store

FONT_FAMILIES = ("DejaVu Sans",)


def diagnose(console: Console, store: Path | None = None) -> list[str]:
    """Print a table of what was found; return the problems (empty when all is well)."""
    rows: list[tuple[str, bool, str]] = []
    rows.append(_browser())
    rows.append(_browser_starts())
    rows.append(_weasyprint())
    rows.extend(_fonts())
    rows.append(_pdftoppm())
    rows.append(_data_folder(store))
    table = Table(title="safehaven doctor")
    table.add_column("what")
    table.add_column("ok")
    table.add_column("found / what to do", overflow="fold")
    for what, ok, detail in rows:
        table.add_row(what, "[green]yes[/]" if ok else "[red]no[/]", detail)
    console.print(table)
    problems = [what for what, ok, _ in rows if not ok and what != "pdftoppm (optional)"]
    console.print("All set: you can run `safehaven demo`." if not problems
                  else f"[red]{len(problems)} problem(s):[/] {', '.join(problems)}")
    return problems


def _browser() -> tuple[str, bool, str]:
    try:
        choice = find_browser()
    except BrowserNotFound as exc:
        return "browser", False, str(exc)
    return "browser", True, f"{choice.path} ({choice.source}), {browser_version_of(choice.path)}"


def _browser_starts() -> tuple[str, bool, str]:
    async def start() -> str:
        async with BrowserSession() as session:
            return session.version

    try:
        return "browser starts headless", True, asyncio.run(start())
    except Exception as exc:
        return "browser starts headless", False, f"{str(exc).splitlines()[0][:300]}. Run `make setup` again."


def _weasyprint() -> tuple[str, bool, str]:
    try:
        import weasyprint  # imported here: slow to import, and this is the test that it works

        weasyprint.HTML(string="<p>ok</p>").write_pdf()
    except Exception as exc:
        return "PDF renderer (WeasyPrint)", False, (
            f"{exc}. On Debian/Ubuntu: apt-get install libpango-1.0-0 libpangoft2-1.0-0, then `make setup`.")
    return "PDF renderer (WeasyPrint)", True, f"WeasyPrint {weasyprint.__version__}"


def _fonts() -> list[tuple[str, bool, str]]:
    fc = shutil.which("fc-list")
    rows = []
    for family in FONT_FAMILIES:
        if not fc:
            rows.append((f"font {family}", False, "fc-list not found; apt-get install fontconfig fonts-dejavu-core"))
            continue
        found = subprocess.run([fc, f":family={family}", "file"], capture_output=True, text=True).stdout.strip()
        rows.append((f"font {family}", bool(found),
                     found.splitlines()[0] if found else "missing: apt-get install fonts-dejavu-core"))
    return rows


def _pdftoppm() -> tuple[str, bool, str]:
    path = shutil.which("pdftoppm")
    return "pdftoppm (optional)", bool(path), path or "to look at scorecards as images: apt-get install poppler-utils"


def _data_folder(store: Path | None) -> tuple[str, bool, str]:
    try:
        s = Store(store)
        probe = s.home / ".write-test"
        probe.write_text("ok")
        probe.unlink()
        runs = len(s.runs())
    except OSError as exc:
        return "data folder", False, f"{exc}. Choose another with --store DIR or SAFEHAVEN_HOME."
    return "data folder", True, f"{s.home} ({runs} run(s) stored)"
