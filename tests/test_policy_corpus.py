"""The policy reader on real published policies (benchmarks/policies): verdicts against hand labels.

Reads the 241 labelled documents once (about 30 s of CPU, each page parsed once and read once for all its
checks): the one slow test here, kept because it is the only measure of the reader on policies as lawyers
write them. Fails when the verdict agreement, the agreement on the documents added as held-out sets (holdout,
holdout2 to holdout18), any clause type's precision, or the share of documents stating no retention period
that are given one, passes the level reached.
"""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
AGREEMENT_FLOOR = 0.986  # all labelled verdicts (1060 of 1075 on 2 Dec 2026, after the holdout18 rules; the open
#                          misses: addresses drawn with an image of the @ (Wikipedia, twice), Fairbnb's browsing data
#                          "cancelled immediately after leaving the website", three of holdout16, holdout17's German and
#                          French marketplace terms, which the reader, English and Dutch only, cannot read, and six of
#                          holdout18; see benchmarks/policies/README.md)
HOLDOUT_FLOOR = 0.984  # held-out sets (956 of 971; first runs 87, 84, 83, 86, 89, 84, 87, 90, 76, 85, 85, 82, 88, 85, 89, 85,
#                        82, 77%)
PRECISION_FLOOR = 0.90  # per clause type (lowest 0.903: retention, 84 of 93, after holdout18's support correspondence
#                         and transaction checks were read as kinds of data; see the README's open misses)
NO_PERIOD_FLAGGED_CEILING = 0.005  # documents stating no retention period that the reader gives one (0 of 195 now): one fails


def _bench():
    spec = importlib.util.spec_from_file_location("bench_policies", ROOT / "benchmarks" / "bench_policies.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_policies"] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def bench():
    return _bench()


@pytest.fixture(scope="module")
def judged(bench):
    docs = [d for d in bench.corpus() if d.label]
    return docs, bench.judge_all(docs)


def test_corpus_is_real_labelled_and_sourced(bench):
    docs = bench.corpus()
    assert len(docs) >= 30
    assert {d.language for d in docs} >= {"en", "nl"}  # and one German, one French (holdout17)
    assert {d.kind for d in docs} >= {"privacy", "terms", "rules", "law_enforcement"}
    for d in docs:
        assert d.label, f"{d.file} has no labels"
        assert re.fullmatch(r"[0-9a-f]{40}", d.meta["commit"]) and d.meta["date"][:4].isdigit()
        assert d.meta["source_repo"].count("/") == 1 and d.meta["source_path"]
        assert "dating-versions" not in d.meta["source_repo"] and "pga-versions" not in d.meta["source_repo"]
        for cid in d.checks:
            label = d.label[cid]
            assert label["verdict"] in ("pass", "partial", "fail") and label["reason"] is not None
        assert len(d.text) > 500


def test_verdict_agreement_and_precision_per_clause_type(bench, judged, capsys):
    docs, findings = judged
    score = bench.evaluate(docs, findings)
    holdout = [d for d in docs if d.label["split"] != "tune"]
    held = bench.evaluate(holdout, findings)
    with capsys.disabled():
        print(f"\nReal policies: agreement {score.agree}/{score.verdicts} = {score.agreement:.0%}, "
              f"held-out {held.agree}/{held.verdicts} = {held.agreement:.0%}")
        for t in bench.CLAUSE_TYPES:
            print(f"  {t:<18} precision {score.precision(t):.2f} recall {score.recall(t):.2f}")
    assert score.agreement >= AGREEMENT_FLOOR, score.misses
    assert held.agreement >= HOLDOUT_FLOOR, held.misses
    for t in bench.CLAUSE_TYPES:
        assert score.precision(t) >= PRECISION_FLOOR, (t, score.misses)
    assert score.no_period_flagged <= NO_PERIOD_FLAGGED_CEILING * score.no_period_docs, score.misses


def test_every_stated_finding_quotes_its_sentences_with_the_url(judged):
    docs, findings = judged
    for doc in docs:
        for cid, f in findings[doc.file].items():
            if f.status not in ("pass", "partial") or f.basis != "stated":
                continue
            assert f.quotes, f"{doc.file} {cid} {f.status} quotes nothing"
            for q in f.quotes:
                assert q.url == doc.url
                assert len(q.text) <= 330, q.text
                words = q.text.split()
                for n in (2, 3, 4):  # no phrase repeated back to back
                    grams = [" ".join(words[i:i + n]) for i in range(len(words) - n + 1)]
                    assert not any(grams[i] == grams[i + n] for i in range(len(grams) - n)), q.text
