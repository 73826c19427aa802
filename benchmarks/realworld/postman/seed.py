"""Seed django-postman: members and a few accepted conversations between them."""
import os

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "settings")
django.setup()

from django.contrib.auth.models import User  # noqa: E402
from django.contrib.sites.models import Site  # noqa: E402
from postman.models import STATUS_ACCEPTED, Message  # noqa: E402

Site.objects.filter(pk=1).update(domain="127.0.0.1:18104", name="Ledenpost")
User.objects.filter(username="admin").exists() or User.objects.create_superuser("admin", "admin@example.test", "admin-pass-123")
members = {}
for name in ["marieke", "tom", "yasmin", "henk"]:
    u, _ = User.objects.get_or_create(username=name, defaults={"email": f"{name}@example.test"})
    u.set_password("member-pass-123")
    u.save()
    members[name] = u

CONVERSATIONS = [
    ("marieke", "tom", "Oppas zaterdag?", "Hoi Tom, kun jij zaterdagavond oppassen? Van 19:00 tot 23:00."),
    ("tom", "marieke", "Re: Oppas zaterdag?", "Ja hoor, dat lukt. Ik ben er om kwart voor zeven."),
    ("yasmin", "henk", "Choir rehearsal moved", "Hi Henk, Thursday's rehearsal moves to the small hall, 20:00."),
    ("henk", "yasmin", "Re: Choir rehearsal moved", "Thanks, I will tell the basses."),
]
if not Message.objects.exists():
    parent = None
    for i, (a, b, subject, body) in enumerate(CONVERSATIONS):
        m = Message.objects.create(subject=subject, body=body, sender=members[a], recipient=members[b],
                                   moderation_status=STATUS_ACCEPTED,
                                   parent=parent if i % 2 else None, thread=parent if i % 2 else None)
        if i % 2 == 0:
            m.thread = m
            m.save()
            parent = m
print("seeded", Message.objects.count(), "messages")
