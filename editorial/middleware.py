"""Old topic addresses, after a merge or a rename, redirect permanently to the topic they became.

Like django.contrib.redirects' fallback middleware, it only looks at responses
that are 404s, so a live topic always wins over a redirect with its slug.
"""

from django.http import HttpResponsePermanentRedirect
from django.urls import Resolver404, resolve, reverse

from articles.tagkinds import TOPICS

from .models import TopicRedirect

# The pages addressed by a topic's slug.
TOPIC_URL_NAMES = frozenset({TOPICS.url_name, TOPICS.feed_url_name, TOPICS.atom_url_name})


class TopicRedirectFallbackMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code != 404:
            return response
        try:
            match = resolve(request.path_info)
        except Resolver404:
            return response
        if match.view_name not in TOPIC_URL_NAMES:
            return response
        target = (
            TopicRedirect.objects.filter(old_slug=match.kwargs.get("slug")).select_related("topic").first()
        )
        if target is None:
            return response
        url = reverse(match.view_name, kwargs={**match.kwargs, "slug": target.topic.slug})
        if request.META.get("QUERY_STRING"):
            url = f"{url}?{request.META['QUERY_STRING']}"
        return HttpResponsePermanentRedirect(url)
