from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView

urlpatterns = [
    path("admin/", admin.site.urls),
    path("messages/", include("postman.urls", namespace="postman")),
    # The site is its messaging: the start page is postman's "write" page.
    path("", RedirectView.as_view(pattern_name="postman:write", permanent=False)),
]
