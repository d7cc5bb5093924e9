import sys

from django.db import connection
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.http import require_GET

from .cache import DATABASE_DOWN
from .cache_backends import outage

# What a 503 asks clients (and load balancers, crawlers) to wait before trying again, in seconds.
RETRY_AFTER_SECONDS = 30


def page_not_found(request, exception):
    # Under the API, a client reads JSON: the same shape as the API's own errors.
    index = reverse("api:index")
    if request.path.startswith(index):
        message = f"No endpoint answers at {request.path}: {index} lists them."
        return JsonResponse({"error": message}, status=404, json_dumps_params={"ensure_ascii": False})
    return render(request, "404.html", status=404)


def server_error(request):
    if isinstance(sys.exc_info()[1], DATABASE_DOWN):  # raised outside a view (middleware)
        return service_unavailable(request)
    # Rendered without a request context: the database may be the thing that failed.
    return render(None, "500.html", status=500)


def service_unavailable(request):
    """The database cannot be reached: a page in the site's style that says so, never a traceback."""
    try:
        response = render(request, "503.html", status=503)
    except Exception:  # the page must not fail in its turn
        response = render(None, "500.html", status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


@never_cache
def healthz(request):
    """For load balancers: 200 when the app can reach its database, 503 when it cannot.

    The cache is reported too, but it is an optimisation: the site is healthy without it.
    """
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DATABASE_DOWN:
        database = "unavailable"
    else:
        database = "ok"
    state = {"database": database, "cache": "unavailable" if outage.down else "ok"}
    response = JsonResponse(state, status=200 if database == "ok" else 503)
    if database != "ok":
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


@require_GET
@cache_control(max_age=60 * 60 * 24, public=True)
def robots_txt(request):
    lines = [
        "User-agent: *",
        # The admin is not listed: its address is configurable so as not to advertise it.
        "Allow: /",
        f"Sitemap: {request.build_absolute_uri(reverse('django.contrib.sitemaps.views.sitemap'))}",
        f"Sitemap: {request.build_absolute_uri(reverse('news-sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")
