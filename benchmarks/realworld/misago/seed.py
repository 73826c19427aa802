"""Seed Misago with members, categories, threads and replies in Dutch and English, and one private thread,
through Misago's own models and helpers (the ones its test suite and fake-data commands use). Run once by
realworld.py build after migrate."""
import os
from datetime import timedelta

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "settings")
django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.test import RequestFactory  # noqa: E402
from django.utils import timezone  # noqa: E402
from misago.acl.cache import clear_acl_cache  # noqa: E402
from misago.cache.versions import invalidate_all_caches  # noqa: E402
from misago.categories.models import Category, RoleCategoryACL  # noqa: E402
from misago.markup import common_flavour  # noqa: E402
from misago.threads.checksums import update_post_checksum  # noqa: E402
from misago.threads.models import Post, Thread, ThreadParticipant  # noqa: E402
from misago.users.avatars import dynamic  # noqa: E402

User = get_user_model()
PASSWORD = "benchmark-pw-1"

MEMBERS = [
    # username, email, location / bio (profile fields), superuser
    ("Beheerder", "beheer@forum.test", "", True),
    ("SanneV", "sanne@forum.test", "Utrecht", False),
    ("PieterJ", "pieter@forum.test", "Amersfoort", False),
    ("EmmaK", "emma@forum.test", "Rotterdam", False),
    ("TomBakker", "tom@forum.test", "Zwolle", False),
    ("LisaMoreno", "lisa@forum.test", "Leeds", False),
]

CATEGORIES = [
    ("Buurt en vereniging", "Nieuws, vragen en afspraken uit de buurt."),
    ("Spullen en klussen", "Te koop, gevraagd, gratis af te halen en hulp bij klussen."),
]

THREADS = [
    # category index (None = Misago's default category), title, starter, body, replies [(poster, body)]
    (0, "Buurtbarbecue op zaterdag 14 juni", "SanneV",
     "Hallo allemaal,\n\nOp zaterdag 14 juni houden we weer de buurtbarbecue op het grasveld achter de "
     "speeltuin. Neem je eigen vlees of groenten mee; de vereniging zorgt voor de barbecues en drinken.\n\n"
     "Aanmelden kan hier in het draadje.",
     [("PieterJ", "Wij komen met z'n vieren. Zal ik een paar extra tafels meenemen?"),
      ("EmmaK", "Leuk! Ik neem een salade mee voor de gedeelde tafel."),
      ("SanneV", "Graag Pieter, twee tafels is genoeg. Tot zaterdag!")]),
    (0, "Fietsendiefstal bij het station", "TomBakker",
     "Vorige week is bij het station alweer een fiets gestolen, dit keer van mijn buurvrouw. Zet je fiets "
     "in de bewaakte stalling en doe er altijd een tweede slot op.",
     [("EmmaK", "Bij ons in de straat ook. Heeft iemand aangifte gedaan bij de politie?"),
      ("TomBakker", "Ja, mijn buurvrouw heeft online aangifte gedaan.")]),
    (1, "Gratis af te halen: kinderfiets 20 inch", "PieterJ",
     "Onze dochter is eruit gegroeid: een blauwe kinderfiets van 20 inch, banden net vervangen. Gratis af "
     "te halen in Amersfoort-Noord.\n\nBel of app me even: 06 12 34 56 78.",
     [("SanneV", "Is hij nog beschikbaar? Mijn zoon zou er blij mee zijn.")]),
    (1, "Gezocht: iemand die kan helpen met een lekkende kraan", "EmmaK",
     "Mijn keukenkraan lekt al een paar dagen. Wie kan er eens naar kijken? Ik betaal natuurlijk voor de moeite.",
     [("TomBakker", "Meestal is het een versleten ringetje. Ik kom zaterdag wel even langs."),
      ("EmmaK", "Top, dank je wel!")]),
    (None, "Welcome to the community forum", "Beheerder",
     "Welcome! This forum is for neighbours and members of the residents' association. Introduce "
     "yourself in this thread and please keep it friendly.",
     [("LisaMoreno", "Hi all, I moved here from Leeds last month. Happy to meet everyone!"),
      ("SanneV", "Welkom Lisa! Kom vooral naar de barbecue in juni.")]),
    (None, "English conversation group on Tuesdays", "LisaMoreno",
     "I'm starting an informal English conversation group at the library on Tuesday evenings, 19:30. "
     "All levels welcome, coffee is on me.",
     [("PieterJ", "Great idea, I'll join next week."),
      ("EmmaK", "Count me in too.")]),
]

PRIVATE = ("Afspraak ophalen kinderfiets", "SanneV", ["PieterJ"],
           "Hoi Pieter, kan ik de fiets morgen na zessen komen ophalen?",
           [("PieterJ", "Prima, ik ben vanaf half zeven thuis.")])


request_factory = RequestFactory()


def parsed(poster, text):
    request = request_factory.get("/")
    request.user = poster
    return common_flavour(request, poster, text)["parsed_text"]


def add_post(thread, poster, text, when):
    post = Post.objects.create(
        category=thread.category, thread=thread, poster=poster, poster_name=poster.username,
        original=text, parsed=parsed(poster, text), checksum="-", posted_on=when, updated_on=when)
    update_post_checksum(post)
    post.save(update_fields=["checksum"])
    return post


def new_thread(category, title, starter, body, replies, when):
    thread = Thread(category=category, started_on=when, last_post_on=when, starter=starter,
                    starter_name=starter.username, starter_slug=starter.slug, last_poster=starter,
                    last_poster_name=starter.username, last_poster_slug=starter.slug)
    thread.set_title(title)
    thread.save()
    add_post(thread, starter, body, when)
    for i, (name, text) in enumerate(replies, 1):
        add_post(thread, users[name], text, when + timedelta(hours=3 * i))
    thread.synchronize()
    thread.save()
    return thread


users = {}
for name, email, location, is_super in MEMBERS:
    make = User.objects.create_superuser if is_super else User.objects.create_user
    user = make(name, email, PASSWORD)
    dynamic.set_avatar(user)
    if location:
        user.profile_fields = {"location": location}
    user.save()
    users[name] = user

root = Category.objects.root_category()
default = Category.objects.all_categories().order_by("lft").first()
cats = []
for name, description in CATEGORIES:
    category = Category()
    category.set_name(name)
    category.description = description
    category.insert_at(root, position="last-child", save=True)
    RoleCategoryACL.objects.bulk_create([
        RoleCategoryACL(role_id=acl.role_id, category=category, category_role_id=acl.category_role_id)
        for acl in default.category_role_set.all()])
    cats.append(category)

start = timezone.now() - timedelta(days=20)
for n, (ci, title, starter, body, replies) in enumerate(THREADS):
    category = default if ci is None else cats[ci]
    new_thread(category, title, users[starter], body, replies, start + timedelta(days=2 * n))

title, owner, others, body, replies = PRIVATE
private = new_thread(Category.objects.private_threads(), title, users[owner], body, replies,
                     start + timedelta(days=15))
ThreadParticipant.objects.set_owner(private, users[owner])
ThreadParticipant.objects.add_participants(private, [users[n] for n in others])

for category in Category.objects.all_categories(include_root=False):
    category.synchronize()
    category.save()
for category in (Category.objects.private_threads(),):
    category.synchronize()
    category.save()

clear_acl_cache()
invalidate_all_caches()
print(f"seeded {len(users)} members, {len(THREADS)} threads and 1 private thread")
