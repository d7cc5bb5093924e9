from django.db import connection
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.http import require_GET


def page_not_found(request, exception):
    # Under the API, a client reads JSON: the same shape as the API's own errors.
    index = reverse("api:index")
    if request.path.startswith(index):
        message = f"No endpoint answers at {request.path}: {index} lists them."
        return JsonResponse({"error": message}, status=404, json_dumps_params={"ensure_ascii": False})
    return render(request, "404.html", status=404)


def server_error(request):
    # Rendered without a request context: the database may be the thing that failed.
    return render(None, "500.html", status=500)


@never_cache
def healthz(request):
    """For load balancers: 200 when the app can reach its database."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return HttpResponse("ok", content_type="text/plain")


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
