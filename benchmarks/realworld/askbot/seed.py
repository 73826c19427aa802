"""Seed askbot: members, questions with answers and comments (nl/en), through askbot's own user API."""
import os

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "settings")
django.setup()

from askbot.models import Post  # noqa: E402
from django.contrib.auth.models import User  # noqa: E402
from django.contrib.sites.models import Site  # noqa: E402

Site.objects.filter(pk=1).update(domain="127.0.0.1:18102", name="Vraagbaak")
if not User.objects.filter(username="admin").exists():
    User.objects.create_superuser("admin", "admin@example.test", "admin-pass-123")
members = {}
for name in ["jeroen", "fatima", "kees_vd_berg", "olivia", "daan"]:
    u, created = User.objects.get_or_create(username=name, defaults={"email": f"{name}@example.test"})
    if created:
        u.set_password("member-pass-123")
        u.reputation = 500  # established members, so the seed is not held for moderation
        u.save()
    members[name] = u

QUESTIONS = [
    ("jeroen", "Hoe vraag ik huurtoeslag aan als ik net verhuisd ben?", "huurtoeslag verhuizen",
     "Ik ben vorige maand naar Utrecht verhuisd en mijn huur is nu 720 euro. Moet ik een nieuwe aanvraag doen "
     "of wordt mijn oude toeslag automatisch aangepast?",
     [("fatima", "Je moet de verhuizing zelf doorgeven via Mijn toeslagen. Dat gaat niet automatisch.",
       [("jeroen", "Dank je, gelukt!")]),
      ("kees_vd_berg", "Let op: je huurcontract moet op jouw naam staan, anders krijg je niets.", [])]),
    ("olivia", "Which Dutch bank lets me open an account without a BSN?", "banking expat",
     "I just arrived in Amsterdam for a job and do not have my BSN yet. Which bank will open an account "
     "for me before I get it?",
     [("daan", "bunq and ABN AMRO both allow opening an account while your BSN is pending; you add it later.",
       [("olivia", "Great, bunq worked within a day.")])]),
    ("daan", "Fietsverlichting: mag een knipperend achterlicht?", "fiets verkeersregels",
     "Mijn nieuwe achterlicht heeft een knipperstand. Is dat in Nederland toegestaan?",
     [("kees_vd_berg", "Nee, knipperende fietsverlichting is in Nederland niet toegestaan. Gebruik de vaste stand.",
       [])]),
    ("fatima", "How do I register my child for primary school in Rotterdam?", "school rotterdam",
     "We moved to Rotterdam and my daughter turns four in March. When and where do we register her?",
     [("olivia", "Rotterdam uses central registration: you get a letter when she is about 2.5 years old. If you "
                 "missed it, call the municipality on 14 010.", [])]),
    ("kees_vd_berg", "Is a second-hand e-bike battery worth buying?", "ebike battery",
     "Someone offers a used Bosch 500 Wh battery for 250 euro, about 3 years old. Good deal or risky?",
     [("jeroen", "Ask for a diagnostic readout from a Bosch dealer first; capacity matters more than age.", [])]),
]
if not Post.objects.get_questions().exists():
    for who, title, tags, body, answers in QUESTIONS:
        q = members[who].post_question(title=title, body_text=body, tags=tags)
        for awho, atext, comments in answers:
            a = members[awho].post_answer(question=q, body_text=atext)
            for cwho, ctext in comments:
                members[cwho].post_comment(parent_post=a, body_text=ctext)
print("seeded", Post.objects.get_questions().count(), "questions")
