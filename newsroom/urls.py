from django.conf import settings
from django.contrib import admin
from django.urls import include, path, register_converter

from . import converters, views

register_converter(converters.UnicodeSlugConverter, "uslug")

admin.site.site_header = settings.NEWSROOM_NAME
admin.site.site_title = f"{settings.NEWSROOM_NAME} admin"
admin.site.index_title = "Editorial desk"

urlpatterns = [
    path(settings.ADMIN_URL, admin.site.urls),
    path("", include("articles.urls")),
    path("", include("editorial.urls")),
    path("api/", include("api.urls")),
    path("healthz", views.healthz, name="healthz"),
    path("robots.txt", views.robots_txt, name="robots"),
    path("", include("articles.sitemap_urls")),
    # Uploaded pictures, when the app serves them (development, or NEWSROOM_SERVE_MEDIA).
    path("", include("images.urls")),
]

handler404 = "newsroom.views.page_not_found"
handler500 = "newsroom.views.server_error"
