from django.conf import settings
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path, register_converter

from articles.sitemaps import SITEMAPS, NewsSitemap

from . import converters, views
from .cache import PAGE, reader_page

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
    path(
        "sitemap.xml",
        reader_page(sitemap_views.sitemap, params={"p": PAGE}),
        {"sitemaps": SITEMAPS},
        name="django.contrib.sitemaps.views.sitemap",
    ),
    path(
        "news-sitemap.xml",
        # Articles leave it after two days, with no change to the content: it is kept 5 minutes at most.
        reader_page(sitemap_views.sitemap, params={"p": PAGE}, fresh_for=5 * 60),
        {"sitemaps": {"news": NewsSitemap}, "template_name": "sitemaps/news.xml"},
        name="news-sitemap",
    ),
]

handler404 = "newsroom.views.page_not_found"
handler500 = "newsroom.views.server_error"
