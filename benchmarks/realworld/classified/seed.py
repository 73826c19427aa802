"""Seed django-classified: members with a contact phone, sections, groups, areas and ads (nl/en)."""
import io
import os

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "settings")
django.setup()

from django.contrib.auth.models import User  # noqa: E402
from django.contrib.sites.models import Site  # noqa: E402
from django.core.files.base import ContentFile  # noqa: E402
from django_classified.models import Area, Group, Image, Item, Profile, Section  # noqa: E402
from PIL import Image as PILImage  # noqa: E402

Site.objects.filter(pk=1).update(domain="127.0.0.1:18101", name="Marktplaats Klein")
User.objects.filter(username="admin").exists() or User.objects.create_superuser("admin", "admin@example.test", "admin-pass-123")

members = {}
for name, phone in [("sanne", "06-41234567"), ("pieter", "+31 20 555 0134"), ("emma", ""), ("joost", "06 98765432")]:
    u, _ = User.objects.get_or_create(username=name, defaults={"email": f"{name}@example.test"})
    u.set_password("member-pass-123")
    u.save()
    p = Profile.get_or_create_for_user(u)
    p.phone = phone or None
    p.save()
    members[name] = u

areas = {}
for slug, title in [("amsterdam", "Amsterdam"), ("utrecht", "Utrecht"), ("rotterdam", "Rotterdam")]:
    areas[slug], _ = Area.objects.get_or_create(slug=slug, defaults={"title": title})

groups = {}
for section, group_titles in [("Huis en tuin", ["Meubels", "Tuingereedschap"]),
                              ("Vervoer", ["Fietsen", "Auto-onderdelen"]),
                              ("Electronics", ["Phones", "Computers"])]:
    s, _ = Section.objects.get_or_create(title=section)
    for t in group_titles:
        groups[t], _ = Group.objects.get_or_create(title=t, section=s, defaults={"slug": t.lower().replace(" ", "-")})

ADS = [
    ("sanne", "Fietsen", "amsterdam", "Gazelle damesfiets, 7 versnellingen", 185,
     "Nette Gazelle Chamonix damesfiets, 28 inch, 7 versnellingen, nieuwe banden en verlichting. "
     "Ophalen in Amsterdam-Oost. Bel of app na 18:00 uur: 06-41234567."),
    ("sanne", "Meubels", "amsterdam", "Eikenhouten eettafel 180 x 90", 240,
     "Massief eiken eettafel met lichte gebruikssporen. Stoelen niet inbegrepen. Alleen ophalen."),
    ("pieter", "Computers", "utrecht", "ThinkPad X1 Carbon (gen 9), 16 GB", 620,
     "Well kept ThinkPad X1 Carbon, i7, 16 GB RAM, 512 GB SSD, battery at 91%. Charger included. "
     "Collection in Utrecht or shipping at the buyer's cost."),
    ("pieter", "Phones", "utrecht", "Fairphone 4, 256 GB, groen", 310,
     "Fairphone 4 in goede staat, altijd met hoesje gebruikt. Inclusief nieuwe batterij."),
    ("emma", "Tuingereedschap", "rotterdam", "Elektrische grasmaaier Bosch Rotak 32", 65,
     "Werkt prima, opvangbak heeft een klein scheurtje. Rotterdam-Noord."),
    ("emma", "Auto-onderdelen", "rotterdam", "Set winterbanden 205/55 R16 op velg", 280,
     "Vier Continental winterbanden, profiel nog 6 mm, op stalen velgen (5x112)."),
    ("joost", "Fietsen", "utrecht", "Kinderfiets 20 inch, blauw", 75,
     "Batavus kinderfiets voor 6 tot 9 jaar. Remmen net afgesteld. Mail me: joost.verkoop@example.test"),
    ("joost", "Phones", "amsterdam", "iPhone 12 mini 128GB - unlocked", 290,
     "Unlocked iPhone 12 mini, minor scratch on the back. Original box. Text me on zero six 9876 5432."),
    ("sanne", "Meubels", "amsterdam", "Vintage fauteuil, groen velours", 95,
     "Jaren-70 fauteuil, zit nog heel goed. Kleine vlek op de armleuning (zie foto)."),
    ("pieter", "Computers", "utrecht", "27 inch monitor Dell U2720Q", 260,
     "4K USB-C monitor, no dead pixels. Stand and cables included."),
]


def png(color):
    buf = io.BytesIO()
    PILImage.new("RGB", (320, 240), color).save(buf, "PNG")
    return buf.getvalue()


colors = [(200, 80, 60), (60, 120, 200), (90, 160, 90), (180, 170, 60)]
for i, (who, group, area, title, price, text) in enumerate(ADS):
    item, created = Item.objects.get_or_create(
        title=title, defaults={"user": members[who], "group": groups[group], "area": areas[area],
                               "description": text, "price": price})
    if created and i % 2 == 0:
        img = Image(item=item)
        img.file.save(f"ad{i}.png", ContentFile(png(colors[i % 4])), save=True)
print("seeded", Item.objects.count(), "ads")
