"""What a probe may use of the audit: the narrow view the crawl hands to each probe instead of itself.

A probe reads the platform's site, the pages the crawl found and the items to try, the definition's
few settings it needs, and opens browser contexts through the crawl. Every context it opens carries
the audit's write guard (guard.py; see `browser.guard_of`), made in one place (the crawl's context
factory), so no probe can open a context that writes. The crawl builds one ProbeContext after it has
finished: the pages and items no longer change while the probes run.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from playwright.async_api import BrowserContext, Page

from safehaven.models import PageRecord
from toolkit.collection.browser import ContextEvents
from toolkit.definition import TestData

# Probes open pages the crawl has already seen once: they wait at most this long for scripts to render.
REVISIT_SETTLE_MS = 800

T = TypeVar("T")
R = TypeVar("R")
MAX_LANES = 2

OpenContext = Callable[[], Awaitable[tuple[BrowserContext, ContextEvents]]]


@dataclass(frozen=True)
class ProbeContext:
    """The part of the audit a probe sees: what to try, how politely, and how to open a guarded context."""

    site: str
    """The platform's registrable domain (example.co.uk; host:port for localhost): frames of it are read."""
    start_url: str
    """The audit's start URL, normalised."""
    pages: Sequence[PageRecord]
    """Every page the crawl visited, with its final role."""
    item_urls: Sequence[str]
    """Distinct item pages the crawl found (final URLs, one per canonical page), in visit order."""
    settle_ms: int
    """The definition's `[crawl] settle_ms`: how long a freshly loaded page may take to render."""
    active: bool
    """The definition's `[platform] active`: may the signup trial run."""
    test_data: TestData
    """The definition's `[test_data]`: what the signup trial types."""
    login_defined: bool
    """Does the definition have a `[login]` section (a report form behind a login wall is then tried)."""
    save_evidence: Callable[[str, bytes], str]
    """Write one evidence file (path relative to the bundle); returns its path relative to the run."""
    polite_wait: Callable[[], Awaitable[None]]
    """Wait for the audit-wide request rate (shared with the crawl and the other probes) before a page load."""
    fresh_context: OpenContext
    """A new browser context, no cookies, the write guard on, labelled with the probe's name."""
    prepared_context: OpenContext
    """A guarded context that has opened the start page, dismissed the cookie banner and passed the age gate."""
    logged_in_context: Callable[[], Awaitable[BrowserContext | None]]
    """A prepared context logged in with the definition's `[login]` steps; None without login or on failure."""
    pass_gate_again: Callable[[Page], Awaitable[bool]]
    """Pass an age gate that came back on a page load (when the crawl met one); True when a gate showed."""
    lanes: int = 1
    """How many pages a probe may try side by side (the definition's `[crawl] concurrency`, at most 2), each
    lane in a context of its own; the request rate stays the one shared with everything else."""

    async def in_lanes(self, items: Sequence[T], attempt: Callable[[BrowserContext, int, T], Awaitable[R]],
                       ) -> list[R]:
        """`attempt(ctx, n, item)` for every item, in `lanes` prepared contexts side by side (items n, n + lanes,
        ... in one), results in the order of `items`. Each lane's context has its own write guard, so the writes
        a click tries are told apart as when one context tried every item."""
        async def lane(k: int) -> list[tuple[int, R]]:
            ctx, _ = await self.prepared_context()  # the write guard is on every context
            out = []
            try:
                for n in range(k, len(items), max(1, self.lanes)):
                    out.append((n, await attempt(ctx, n, items[n])))
            finally:
                await ctx.close()
            return out

        done = await asyncio.gather(*(lane(k) for k in range(min(max(1, self.lanes), len(items)))))
        return [r for _, r in sorted((pair for part in done for pair in part), key=lambda pair: pair[0])]

    @property
    def revisit_settle_ms(self) -> int:
        """The settle time for a page the crawl already saw: a little less than for a first visit."""
        return min(self.settle_ms, REVISIT_SETTLE_MS)
