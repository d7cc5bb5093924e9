"""The read-only JSON API, shaped like the Guardian's Content API.

Plain Django views: a few GET endpoints whose shapes are fixed by DESIGN.md
and by ``articles.reports``. Django REST framework would add a dependency,
serializers that repeat ``reports.py`` and a browsable UI nobody asked for.

Every list is paginated the same way and every query starts from
``Article.objects.published()``: nothing a reader may not see is counted or
shown. A bad parameter answers 400 with ``{"error": "..."}``; a filter that
names nothing published gives an empty page; a page past the last, or a path
that is not an endpoint, answers 404 in the same JSON shape.
"""

import operator
import re
from datetime import datetime, timedelta
from functools import reduce

from django.db.models import QuerySet
from django.http import JsonResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.views import View
from django.views.decorators.csrf import csrf_exempt

from articles import counts, public
from articles.bodyjson import blocks_data
from articles.models import Article
from articles.reports import article_data, corrections_data
from articles.search import search_articles
from newsroom.cache import NUMBER, PAGE, SLUG, TEXT, reader_page

from .openapi import INDEX_ENDPOINTS, openapi_document
from .params import ApiError, date_param, midnight, paginate, text_param
from .pictures import lead_image_data, with_related_pictures
from .sections import in_section, section_data

# Answers are cached until the content changes (newsroom.cache, which also sets their
# Cache-Control); errors may be kept by browsers and CDNs this long.
BROWSER_CACHE_SECONDS = 60


def error_response(message: str, *, status: int) -> JsonResponse:
    return JsonResponse({"error": message}, status=status, json_dumps_params={"ensure_ascii": False})


class ApiView(View):
    """A GET-only JSON endpoint: ``get_data`` returns the body or raises ``ApiError``."""

    http_method_names = ["get", "head", "options"]
    # The query parameters the endpoint reads (with any other, it is rendered and not cached).
    query_params = {}

    @classmethod
    def as_view(cls, **initkwargs):
        view = super().as_view(**initkwargs)
        # Nothing here changes state, so there is no form to protect; exempt so
        # that a POST gets a 405 in JSON rather than the CSRF failure page.
        return csrf_exempt(reader_page(view, params=cls.query_params))

    def dispatch(self, request, *args, **kwargs):
        try:
            response = super().dispatch(request, *args, **kwargs)
        except ApiError as error:
            response = error_response(error.message, status=error.status)
        # A public, read-only API: any site may read it from a browser.
        response["Access-Control-Allow-Origin"] = "*"
        patch_cache_control(response, public=True, max_age=BROWSER_CACHE_SECONDS)
        return response

    def get(self, request, *args, **kwargs):
        return JsonResponse(self.get_data(request, **kwargs), json_dumps_params={"ensure_ascii": False})

    def get_data(self, request, **kwargs) -> dict:
        raise NotImplementedError

    def http_method_not_allowed(self, request, *args, **kwargs):
        response = error_response(f"{request.method} is not allowed: this API is read-only.", status=405)
        response["Allow"] = ", ".join(method.upper() for method in self._allowed_methods())
        return response


class ListApiView(ApiView):
    """A paginated list: ``{"total", "total_is_exact", "pages", "current_page", "page_size", "results"}``."""

    query_params = {"page": PAGE, "page-size": NUMBER}

    def get_queryset(self, request) -> QuerySet:
        raise NotImplementedError

    def item(self, obj, request) -> dict:
        raise NotImplementedError

    def get_data(self, request, **kwargs) -> dict:
        page, objects = paginate(request, self.get_queryset(request))
        return {**page, "results": [self.item(obj, request) for obj in objects]}


# Shapes shared by several endpoints.


def iso(value: datetime | None) -> str | None:
    """ISO 8601 with the offset of the newsroom's time zone, to the second."""
    return timezone.localtime(value).isoformat(timespec="seconds") if value else None


def absolute(request, obj) -> str:
    return request.build_absolute_uri(obj.get_absolute_url())


def article_summary(article: Article, request) -> dict:
    return {
        "slug": article.slug,
        "headline": article.headline,
        "standfirst": article.standfirst,
        "url": absolute(request, article),
        "published_at": iso(article.published_at),
        "publication": article.publication,
        "section": section_data(article.section, request),
        "lead_image": lead_image_data(article, request),
        "authors": [
            {
                "name": byline.author.name,
                "slug": byline.author.slug,
                "location": byline.location or byline.author.location,
                "role": byline.role or byline.author.role,
            }
            for byline in article.bylines.all()
        ],
        "topics": sorted(topic.name for topic in article.topics.all()),
        "countries": sorted(country.code for country in article.countries.all()),
    }


# Endpoints.


class ArticleListView(ListApiView):
    """Published articles, newest first, or best match first with ``q``."""

    query_params = {
        **ListApiView.query_params,
        **{"topic": SLUG, "country": SLUG, "author": SLUG, "section": SLUG},
        **{"q": TEXT, "from-date": TEXT, "to-date": TEXT},
    }

    def get_queryset(self, request):
        query = text_param(request, "q")
        if query:
            articles = search_articles(query)
        else:
            articles = Article.objects.published().order_by("-published_at", "-pk")
        # A filter naming what no published article carries (unknown, or known only to drafts)
        # matches nothing: the answer is the same empty page either way, so it tells nobody
        # what the drafts hold.
        if slug := text_param(request, "topic"):
            articles = articles.filter(topics__slug=slug)
        if value := text_param(request, "country"):
            if re.fullmatch(r"[A-Za-z]{2}", value):
                articles = articles.filter(countries__code=value.upper())
            else:
                articles = articles.filter(countries__slug=value)
        if slug := text_param(request, "author"):
            articles = articles.filter(bylines__author__slug=slug)
        if slug := text_param(request, "section"):
            articles = in_section(articles, slug)
        # from-date after to-date is an empty range of days: it matches nothing.
        if start := date_param(request, "from-date"):
            articles = articles.filter(published_at__gte=midnight(start))
        if end := date_param(request, "to-date"):
            articles = articles.filter(published_at__lt=midnight(end + timedelta(days=1)))
        return articles.for_listing().prefetch_related("topics", "countries")

    def item(self, article, request):
        return article_summary(article, request)


class ArticleDetailView(ApiView):
    """One published article: the import report's fields, plus ``url`` and ``published_at``."""

    def get_data(self, request, slug):
        article = Article.objects.published().for_page().filter(slug=slug).first()
        if article is None:
            raise ApiError("No published article has this slug.", status=404)
        data = article_data(article, public=True)
        # The import report writes a related item's time as the document does (wall clock); the
        # API gives every time with its offset, as it gives the article's.
        links = article.related_links.all()
        data["related"] = [
            {**item, "published_at": iso(link.published_at)}
            for item, link in zip(data["related"], links, strict=True)
        ]
        return {
            **with_related_pictures(data, article, request),
            "lead_image": lead_image_data(article, request),
            "url": absolute(request, article),
            "published_at": iso(article.published_at),
            "section": section_data(article.section, request),
            "corrections": corrections_data(article),
            "updated_at": iso(article.updated_at),
            "body": blocks_data(article.blocks.all(), request=request),
        }


class CountedListView(ListApiView):
    """Things with a stored count of published articles (``articles.counts``), by name: no count of a
    link table per request, only the few scheduled articles' links."""

    counted: tuple[counts.StoredCount, ...] = ()

    def get_queryset(self, request):
        self.readers = [counts.ReadersCounts(count) for count in self.counted]
        shown = reduce(operator.or_, (readers.shown() for readers in self.readers))
        return self.counted[0].model.objects.filter(shown).order_by("name", "pk")


class TopicListView(CountedListView):
    """Topics that published articles carry, by name, with how many articles carry each."""

    counted = (counts.TOPIC_ARTICLES,)

    def item(self, topic, request):
        return {
            "name": topic.name,
            "slug": topic.slug,
            "url": absolute(request, topic),
            "article_count": self.readers[0].of(topic),
        }


class CountryListView(CountedListView):
    """Countries that published articles are tagged with, by name, with their article counts."""

    counted = (counts.COUNTRY_ARTICLES,)

    def item(self, country, request):
        return {
            "code": country.code,
            "name": country.name,
            "slug": country.slug,
            "url": absolute(request, country),
            "article_count": self.readers[0].of(country),
        }


class PersonListView(CountedListView):
    """People named or quoted in published articles, by name."""

    counted = (counts.PERSON_ARTICLES, counts.PERSON_QUOTES)

    def item(self, person, request):
        articles, quotes = self.readers
        return {
            "name": person.name,
            "slug": person.slug,
            "kind": person.kind,
            "description": person.description,
            "aliases": person.aliases,
            "url": absolute(request, person),
            "article_count": articles.of(person),
            "quote_count": quotes.of(person),
        }


class QuoteListView(ListApiView):
    """The quotes readers see on the site (``public.quotes``), newest article first, in the order said."""

    query_params = {**ListApiView.query_params, "q": TEXT, "speaker": TEXT}

    def get_queryset(self, request):
        quotes = public.quotes()
        if words := text_param(request, "q"):
            quotes = quotes.filter(text__icontains=words)
        if speaker := text_param(request, "speaker"):
            # A name or a slug, as the quotes page takes; an unknown or draft-only speaker: no quotes.
            quotes = quotes.by_speaker(speaker)
        return quotes.select_related("speaker", "article").order_by(
            "-article__published_at", "article_id", "position"
        )

    def item(self, quote, request):
        return {
            "text": quote.text,
            "partial": quote.partial,
            "speaker": {
                "name": quote.speaker.name,
                "slug": quote.speaker.slug,
                "url": absolute(request, quote.speaker),
            },
            "article": {
                "slug": quote.article.slug,
                "headline": quote.article.headline,
                "url": absolute(request, quote.article),
                "published_at": iso(quote.article.published_at),
            },
        }


class IndexView(ApiView):
    """What the API offers: the address of each list and of the OpenAPI document."""

    def get_data(self, request):
        return {name: request.build_absolute_uri(reverse(f"api:{name}")) for name in INDEX_ENDPOINTS}


class OpenApiView(ApiView):
    """The OpenAPI 3.1 description of this API."""

    def get_data(self, request):
        return openapi_document()
