"""sitemap.xml and the Google News sitemap, at the site's root and without a namespace.

Included by the root URLconf; the names are Django's (``django.contrib.sitemaps.views.sitemap``)
and ``news-sitemap``, which robots.txt names.
"""

from django.contrib.sitemaps import views as sitemap_views
from django.urls import path

from newsroom.cache import cache_page_until_changed

from .sitemaps import SITEMAPS, NewsSitemap

urlpatterns = [
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
]
