"""Seed django-machina: members, a category with forums, topics with replies (nl/en), read access for visitors."""
import os

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "settings")
django.setup()

from django.contrib.auth.models import User  # noqa: E402
from django.contrib.sites.models import Site  # noqa: E402
from machina.apps.forum_permission.models import ForumPermission, UserForumPermission  # noqa: E402
from machina.core.db.models import get_model  # noqa: E402

Forum = get_model("forum", "Forum")
Topic = get_model("forum_conversation", "Topic")
Post = get_model("forum_conversation", "Post")

Site.objects.filter(pk=1).update(domain="127.0.0.1:18103", name="Fietsforum")
User.objects.filter(username="admin").exists() or User.objects.create_superuser("admin", "admin@example.test", "admin-pass-123")
members = {}
for name in ["fietsfan", "ridderkerk_rider", "anouk", "bram_de_wit", "lisa"]:
    u, _ = User.objects.get_or_create(username=name, defaults={"email": f"{name}@example.test"})
    u.set_password("member-pass-123")
    u.save()
    members[name] = u

# Logged-out visitors may see and read the forums (machina grants nothing to anonymous users by default).
for code in ["can_see_forum", "can_read_forum", "can_download_file"]:
    perm = ForumPermission.objects.get(codename=code)
    UserForumPermission.objects.get_or_create(permission=perm, anonymous_user=True, forum=None,
                                              defaults={"has_perm": True})

cat, _ = Forum.objects.get_or_create(name="Fietsen", defaults={"type": Forum.FORUM_CAT, "slug": "fietsen"})
forums = {}
for fname, desc in [("Onderhoud en reparatie", "Banden, remmen, versnellingen: vraag het hier."),
                    ("Routes en toertochten", "Mooie routes in Nederland en België."),
                    ("Buy and sell", "Second-hand bikes and parts between members.")]:
    forums[fname], _ = Forum.objects.get_or_create(
        name=fname, defaults={"type": Forum.FORUM_POST, "parent": cat, "description": desc,
                              "slug": fname.lower().replace(" ", "-")})

THREADS = [
    ("Onderhoud en reparatie", "fietsfan", "Achterrem piept na regen", [
        ("fietsfan", "Sinds de laatste regenbui piept mijn achterrem (V-brake) bij elke stop. Blokjes zijn pas "
                     "vervangen. Iemand een idee?"),
        ("anouk", "Velg even goed ontvetten met spiritus en de blokjes licht schuren. Bij mij hielp dat direct."),
        ("bram_de_wit", "Check ook of de blokjes iets toe-ingesteld staan (voorkant raakt eerst)."),
    ]),
    ("Onderhoud en reparatie", "lisa", "Tubeless setup on gravel bike: worth it?", [
        ("lisa", "Thinking about going tubeless on my gravel bike (40 mm tyres). Any regrets from people who did?"),
        ("ridderkerk_rider", "No regrets at all. Fewer flats, lower pressure. Top up sealant every 3 months."),
    ]),
    ("Routes en toertochten", "ridderkerk_rider", "Rondje Hoeksche Waard, 85 km", [
        ("ridderkerk_rider", "Zaterdag het rondje Hoeksche Waard gereden: veel dijkjes, weinig verkeer. GPX op "
                             "aanvraag."),
        ("fietsfan", "Mooi! Hoe was de wind op de Haringvlietdam?"),
        ("ridderkerk_rider", "Pittig, vooral terug. Volgende keer andersom."),
    ]),
    ("Routes en toertochten", "anouk", "Veluwe MTB routes for beginners", [
        ("anouk", "Visiting the Veluwe next month with two friends who are new to mountain biking. Which routes?"),
        ("bram_de_wit", "Try the Ermelo route, it is mostly flowy singletrack and well signposted."),
    ]),
    ("Buy and sell", "bram_de_wit", "Te koop: Shimano 105 groepset, zo goed als nieuw", [
        ("bram_de_wit", "Complete 105 R7000 groep, 11-speed, ongeveer 500 km gereden. 350 euro. Bel of app "
                        "06-12345678 voor foto's."),
        ("lisa", "Is de crank 172,5 of 175 mm?"),
    ]),
    ("Buy and sell", "lisa", "Wanted: child seat for rear rack", [
        ("lisa", "Looking for a Thule or Bobike rear child seat in good condition, Utrecht area."),
    ]),
]
for forum_name, starter, subject, posts in THREADS:
    if Topic.objects.filter(subject=subject).exists():
        continue
    topic = Topic.objects.create(forum=forums[forum_name], poster=members[starter], subject=subject,
                                 type=Topic.TOPIC_POST, status=Topic.TOPIC_UNLOCKED, approved=True)
    for i, (who, text) in enumerate(posts):
        Post.objects.create(topic=topic, poster=members[who], subject=subject if i == 0 else f"Re: {subject}",
                            content=text, approved=True)
print("seeded", Topic.objects.count(), "topics,", Post.objects.count(), "posts")
