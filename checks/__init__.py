"""The checks of the catalogue, one module per area (age, report, contact, evidence, help, terms).

Each check is a function with its metadata beside it (see `checks.base`). Importing this package
imports every area module, so that all checks are registered; then:

- `registry()`: the check functions by ID, in catalogue order;
- `catalogue()`: the ground-floor `safehaven.catalogue.Catalogue` filled with each check's texts, which
  the pipeline passes to the reports.
"""

from __future__ import annotations

from functools import cache

from checks import age, contact, evidence, help, report, terms
from checks.base import CheckFn, registered
from safehaven.catalogue import Catalogue, skeleton

__all__ = ["age", "catalogue", "contact", "evidence", "help", "registry", "report", "terms"]


def registry() -> dict[str, CheckFn]:
    """The implemented checks by ID, in catalogue order (then any outside the catalogue, by ID)."""
    functions, _ = registered()
    order = {cid: n for n, cid in enumerate(skeleton())}
    return {cid: functions[cid] for cid in sorted(functions, key=lambda c: (order.get(c, len(order)), c))}


@cache
def catalogue() -> Catalogue:
    """The catalogue with every registered check's texts and legal reference."""
    _, metas = registered()
    return skeleton().filled(metas.values())
