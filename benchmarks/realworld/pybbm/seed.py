"""Seed pybbm: members, a category with forums, topics with replies (nl/en)."""
import os

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "settings")
django.setup()

from django.contrib.auth.models import User  # noqa: E402
from django.contrib.sites.models import Site  # noqa: E402
from django.utils.text import slugify  # noqa: E402
from pybb.models import Category, Forum, Post, Topic  # noqa: E402

Site.objects.filter(pk=1).update(domain="127.0.0.1:18105", name="Buurtforum")
if not User.objects.filter(username="admin").exists():
    User.objects.create_superuser("admin", "admin@example.test", "admin-pass-123")
members = {}
for name in ["wijkagent_fan", "mirjam", "pedro", "ans_van_dijk", "noah"]:
    u, created = User.objects.get_or_create(username=name, defaults={"email": f"{name}@example.test"})
    if created:
        u.set_password("member-pass-123")
        u.save()
    members[name] = u

cat, _ = Category.objects.get_or_create(name="Onze wijk", defaults={"slug": "onze-wijk"})
forums = {}
for i, (fname, desc) in enumerate([("Nieuws uit de buurt", "Wat speelt er in de wijk?"),
                                   ("Spullen en diensten", "Te koop, gevraagd, hulp aangeboden."),
                                   ("Newcomers", "New in the neighbourhood? Ask here.")]):
    forums[fname], _ = Forum.objects.get_or_create(name=fname, category=cat,
                                                   defaults={"description": desc, "position": i,
                                                             "slug": slugify(fname)})

THREADS = [
    ("Nieuws uit de buurt", "mirjam", "Wegwerkzaamheden Dorpsstraat vanaf maandag", [
        ("mirjam", "Vanaf maandag is de Dorpsstraat drie weken afgesloten. Bus 12 rijdt om via de Kerklaan."),
        ("pedro", "Weet iemand of de markt op zaterdag gewoon doorgaat?"),
        ("ans_van_dijk", "Ja, de markt verhuist tijdelijk naar het parkeerterrein bij de sporthal."),
    ]),
    ("Nieuws uit de buurt", "noah", "Street party on 14 June: volunteers needed", [
        ("noah", "We are organising the yearly street party. Who can help with tables and the barbecue?"),
        ("wijkagent_fan", "Count me in for setting up tables in the morning."),
    ]),
    ("Spullen en diensten", "pedro", "Gratis af te halen: kinderbedje", [
        ("pedro", "Wit houten kinderbedje, 60x120, met matras. Gratis af te halen. Stuur een sms naar "
                  "06 - 23 45 67 89."),
        ("mirjam", "Is het nog beschikbaar?"),
    ]),
    ("Spullen en diensten", "ans_van_dijk", "Offering: help with tax returns for elderly neighbours", [
        ("ans_van_dijk", "Retired accountant here. Happy to help older neighbours with their tax return, for free."),
    ]),
    ("Newcomers", "noah", "Which GP (huisarts) takes new patients?", [
        ("noah", "Just moved here. Does anyone know a GP practice that still accepts new patients?"),
        ("mirjam", "Huisartsenpraktijk De Linde had vorige maand nog plek."),
    ]),
]
if not Topic.objects.exists():
    for forum_name, starter, subject, posts in THREADS:
        topic = Topic.objects.create(forum=forums[forum_name], name=subject, user=members[starter])
        for who, text in posts:
            Post.objects.create(topic=topic, user=members[who], body=text)
print("seeded", Topic.objects.count(), "topics,", Post.objects.count(), "posts")
