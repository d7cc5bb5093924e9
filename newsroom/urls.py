from django.conf import settings
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path, register_converter

from articles.sitemaps import SITEMAPS, NewsSitemap
from images.serving import media_urlpatterns

from . import converters, views
from .cache import cache_page_until_changed

register_converter(converters.UnicodeSlugConverter, "uslug")

admin.site.site_header = settings.NEWSROOM_NAME
admin.site.site_title = f"{settings.NEWSROOM_NAME} admin"
admin.site.index_title = "Editorial desk"

urlpatterns = [
    path(settings.ADMIN_URL, admin.site.urls),
    path("", include("articles.urls")),
    path("", include("people.urls")),
    path("", include("editorial.urls")),
    path("api/", include("api.urls")),
    path("healthz", views.healthz, name="healthz"),
    path("robots.txt", views.robots_txt, name="robots"),
    path(
        "sitemap.xml",
        cache_page_until_changed(60 * 15)(sitemap_views.sitemap),
        {"sitemaps": SITEMAPS},
        name="django.contrib.sitemaps.views.sitemap",
    ),
    path(
        "news-sitemap.xml",
        cache_page_until_changed(60 * 5)(sitemap_views.sitemap),
        {"sitemaps": {"news": NewsSitemap}, "template_name": "sitemaps/news.xml"},
        name="news-sitemap",
    ),
    # Uploaded pictures, when the app serves them (development, or NEWSROOM_SERVE_MEDIA).
    *media_urlpatterns(),
]

handler404 = "newsroom.views.page_not_found"
handler500 = "newsroom.views.server_error"
