"""The same bundle gives the same findings, word for word, in every process.

Python salts string hashes per process, so a verdict, a sentence or a quote that follows the order of a
set changes from one run to the next: a re-audit would then show "changes" nobody made. Each bundle is
judged in two processes with different hash seeds and the findings compared.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from .bundles import link, make_bundle, page

ROOT = Path(__file__).resolve().parent.parent
SITE = "https://ads.test/"
JUDGE = ("import json, sys; from safehaven.bundle import Bundle; from toolkit.evaluate import evaluate;"
         "print(json.dumps([[f.check, f.status, f.summary, [q.text for q in f.quotes], [e.url for e in f.evidence]]"
         " for f in evaluate(Bundle(sys.argv[1]))]))")
NOTICE = "Never send money or ID documents to someone you have not met; report any request for money to us."


def _judged(run_dir: Path, seed: int) -> str:
    env = {**os.environ, "PYTHONHASHSEED": str(seed)}
    done = subprocess.run([sys.executable, "-c", JUDGE, str(run_dir)], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_findings_do_not_depend_on_the_hash_seed(tmp_path: Path) -> None:
    # Ads that show several kinds of contact route as often as each other, and two safety notices on every ad:
    # the order of the routes and the quoted notice must not follow a set's order.
    ads = []
    for n in range(1, 5):
        text = (f"Bike {n} for sale. Call 0612345678 or WhatsApp me. Mail seller{n}@mail.test.\n"
                f"{NOTICE}\nBe careful: meet in a public place and never pay in advance for a viewing.")
        ads.append(page(f"{SITE}ad/{n}", role="item", text=text, elements=[
            link("Call", "tel:+31612345678"), link("WhatsApp", "https://wa.me/31612345678"),
            link("E-mail", f"mailto:seller{n}@mail.test"), link("Privacy", "/privacy", region="footer")]))
    run_dir = make_bundle(tmp_path, url=SITE, adult=False, pages=[
        page(SITE, role="start", text="Ads. Bikes, cars, rooms.", elements=[link("Privacy", "/privacy", region="footer")]),
        *ads,
        page(SITE + "privacy", role="policy", text="Privacy. We keep messages for 6 months and logs for 90 days. "
             "Accounts we banned are kept for a year for investigations by the police."),
    ])
    first = _judged(run_dir, 1)
    assert '"CONTACT-02"' in first and "phone" in first.lower()
    assert first == _judged(run_dir, 3)
