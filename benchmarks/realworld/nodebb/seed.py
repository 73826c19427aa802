"""Seed a fresh NodeBB through its own write API (/api/v3), as an administrator's script would.

    python seed.py http://127.0.0.1:18501 TOKEN

TOKEN is a master API token (uid 0) that realworld.py put in NodeBB's database before the server started;
every call names the member it acts for with `_uid`. Standard library only (the project's venv runs it).
"""

from __future__ import annotations

import json
import sys
import urllib.request

BASE = sys.argv[1].rstrip("/")
TOKEN = sys.argv[2]
ADMIN = 1  # the administrator made by `nodebb setup`

MEMBERS = [
    ("PieterJ", "pieter@example.org"),
    ("Sanne_vd_Berg", "sanne@example.org"),
    ("mark_rotterdam", "mark@example.org"),
    ("EmmaWrites", "emma@example.org"),
    ("Kees", "kees@example.org"),
]

CATEGORIES = [
    ("Buurtforum", "Alles over de buurt: vragen, tips en afspraken."),
    ("Te koop en gevraagd", "Spullen aanbieden of zoeken in de buurt."),
    ("Off-topic (English)", "Anything else, in English."),
]

# (category index, author, title, first post, [(author, reply), ...])
TOPICS = [
    (0, "Sanne_vd_Berg", "Wie gaat er mee naar de buurtbarbecue op 14 juni?",
     "Zaterdag 14 juni organiseren we weer de barbecue op het pleintje. Neem zelf een bord en bestek mee; "
     "voor vlees en groenten wordt gezorgd. Laat hieronder weten met hoeveel personen je komt.",
     [("PieterJ", "Wij komen met z'n vieren! Zal ik een salade meenemen?"),
      ("Kees", "Ik kan de partytent regelen, die staat nog bij mij in de schuur.")]),
    (0, "Kees", "Overlast door bladblazers op zondagochtend",
     "Is er iemand anders die zich ergert aan bladblazers om acht uur 's ochtends op zondag? "
     "Weet iemand of de gemeente daar regels voor heeft?",
     [("Sanne_vd_Berg", "Volgens de APV mag het op zondag pas vanaf tien uur. Misschien eerst even aanbellen?")]),
    (1, "PieterJ", "Gratis af te halen: kinderfiets 20 inch",
     "Onze zoon is eruit gegroeid. De fiets is blauw, de remmen zijn vorig jaar vervangen. "
     "Bel of app me even: 06 12 34 56 78 (na 18:00 uur).",
     [("mark_rotterdam", "Is hij nog beschikbaar? Mijn dochter is net acht geworden.")]),
    (1, "mark_rotterdam", "Gezocht: oppas voor woensdagmiddag",
     "Wij zoeken een oppas voor onze twee kinderen (5 en 8) op woensdagmiddag van 13:00 tot 17:30. "
     "Reageer hier of stuur me een chatbericht.",
     [("EmmaWrites", "Ik ken iemand die misschien interesse heeft, ik stuur je een bericht.")]),
    (2, "EmmaWrites", "Book club: what are you reading this month?",
     "I just finished 'The Remains of the Day' and loved it. What is everyone else reading? "
     "Suggestions for the next meeting are welcome.",
     [("Sanne_vd_Berg", "I'm halfway through 'Tomorrow, and Tomorrow, and Tomorrow'. Highly recommended so far."),
      ("PieterJ", "Anything by Herman Koch would be a fun pick for a Dutch-English group.")]),
    (2, "Kees", "Looking for a second-hand lawn mower",
     "Does anyone have an electric lawn mower they no longer need? Happy to pay a fair price.",
     []),
]

CHATS = [
    ("EmmaWrites", "mark_rotterdam", ["Hi Mark, my neighbour's daughter babysits on Wednesdays. Shall I give her your name?",
                                      "Graag! Ze mag me hier een bericht sturen."]),
    ("PieterJ", "Kees", ["Kees, kun jij zaterdag om 11 uur de partytent brengen?", "Prima, ik ben er om 11 uur."]),
]


def call(method: str, path: str, body: dict | None = None, uid: int = ADMIN) -> dict:
    data = dict(body or {}, _uid=uid)
    req = urllib.request.Request(BASE + "/api/v3" + path, method=method, data=json.dumps(data).encode(),
                                 headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=30) as resp:
        return json.loads(resp.read() or b"{}").get("response", {})


def main() -> None:
    uids: dict[str, int] = {}
    for name, email in MEMBERS:
        uid = int(call("POST", "/users", {"username": name, "password": f"{name}-Wachtwoord-2026", "email": email})["uid"])
        call("POST", f"/users/{uid}/emails/{email}/confirm")
        uids[name] = uid
    cids = [int(call("POST", "/categories", {"name": n, "description": d})["cid"]) for n, d in CATEGORIES]
    for cat, author, title, text, replies in TOPICS:
        topic = call("POST", "/topics", {"cid": cids[cat], "title": title, "content": text}, uid=uids[author])
        tid = int(topic["tid"])
        for who, reply in replies:
            call("POST", f"/topics/{tid}", {"content": reply}, uid=uids[who])
    for a, b, messages in CHATS:
        room = call("POST", "/chats", {"uids": [uids[b]]}, uid=uids[a])
        for i, message in enumerate(messages):
            call("POST", f"/chats/{room['roomId']}", {"message": message}, uid=uids[a] if i % 2 == 0 else uids[b])
    print(f"seeded {len(uids)} members, {len(cids)} categories, {len(TOPICS)} topics, {len(CHATS)} chats")


if __name__ == "__main__":
    main()
