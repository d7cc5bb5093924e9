import os

from django.contrib import admin
from django.urls import include, path, register_converter

from . import converters, views

register_converter(converters.UnicodeSlugConverter, "uslug")

# The admin's address is configurable so that it is not where every bot looks first.
ADMIN_URL = os.environ.get("ADMIN_URL", "admin/").strip("/") + "/"

urlpatterns = [
    path(ADMIN_URL, admin.site.urls),
    path("", include("articles.urls")),
    path("", include("people.urls")),
    path("healthz", views.healthz, name="healthz"),
]

handler404 = "newsroom.views.page_not_found"
handler500 = "newsroom.views.server_error"
