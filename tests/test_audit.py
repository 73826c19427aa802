"""The audit pipeline's bookkeeping: interrupted and crashed runs are recorded, never half-written."""

from __future__ import annotations

import asyncio

import pytest

from toolkit import audit
from toolkit.definition import parse_definition
from toolkit.store import Store

DEFN = parse_definition('[platform]\nname = "Interrupted"\nurl = "http://127.0.0.1:1/"\n')


class _NoBrowser:
    version = "none"


@pytest.mark.parametrize("error, status", [(KeyboardInterrupt, "incomplete"), (RuntimeError("boom"), "incomplete")])
def test_interrupted_or_crashed_run_is_recorded_incomplete(tmp_path, monkeypatch, error, status):
    async def broken_collect(*args, **kwargs):
        raise error

    monkeypatch.setattr(audit, "collect", broken_collect)
    store = Store(tmp_path)
    with pytest.raises(type(error) if isinstance(error, Exception) else error):
        asyncio.run(audit.audit_platform(DEFN, store, _NoBrowser()))
    [row] = store.runs("Interrupted")
    assert row.status == status and not (row.folder / "result.json").exists()
