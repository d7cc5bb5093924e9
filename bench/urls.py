"""The site's URLs plus /bench/hello/, the cheapest Django view, for ratios in the same rounds.

Only for benchmarks (DJANGO_SETTINGS_MODULE=bench.settings): it goes through the
same middleware as every page, so "page / hello" measures what the page adds.
"""

from django.http import HttpResponse
from django.urls import path

from newsroom.urls import handler404, handler500  # noqa: F401
from newsroom.urls import urlpatterns as site_urlpatterns


def hello(request):
    return HttpResponse("Hello, world.", content_type="text/plain")


urlpatterns = [path("bench/hello/", hello, name="bench-hello"), *site_urlpatterns]
