"""askbot-setup's urls.py (single-language), with uploaded files served by Django (DEBUG is off)."""
import askbot.urls
import followit.urls
from django.conf import settings
from django.contrib import admin
from django.urls import include, path, re_path
from django.views.static import serve

admin.autodiscover()

urlpatterns = [
    path(settings.ASKBOT_URL, include(askbot.urls)),
    re_path(r"^admin/", admin.site.urls),
    re_path(r"^followit/", include(followit.urls)),
    re_path(r"^upfiles/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT}),
]

handler500 = "askbot.views.error.internal_error"
