"""sitemap.xml and the Google News sitemap, at the site's root and without a namespace.

Included by the root URLconf; the names are Django's (``django.contrib.sitemaps.views.sitemap``)
and ``news-sitemap``, which robots.txt names.
"""

from django.contrib.sitemaps import views as sitemap_views
from django.urls import path

from newsroom.cache import PAGE, reader_page

from .sitemaps import SITEMAPS, NewsSitemap

urlpatterns = [
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
