"""Whatever date is stored, every surface renders: a BC timestamp or year 9999 takes no page down.

Such dates cannot enter any more (``newsroom.dates``), but a database may
hold them from before, or from SQL typed by hand. They are written here as
raw SQL and by ``QuerySet.update``, and every page, feed, sitemap, API answer
and admin list that shows them is walked in a time zone on either side of UTC.
"""

from datetime import UTC, datetime

import pytest
from django.db import connection
from django.urls import reverse

from articles.models import Article, RelatedLink
from tests.factories import (
    ArticleFactory,
    BylineFactory,
    PersonFactory,
    QuoteFactory,
    RelatedLinkFactory,
    country,
)

pytestmark = pytest.mark.django_db

# The extreme moments each database can hold. PostgreSQL keeps timestamps far beyond
# Python's years 1 to 9999; SQLite keeps the text Django wrote, which is in those years.
EXTREMES = {
    "postgresql": {"early": "0001-01-01 00:00:00+14", "late": "9999-12-31 23:59:00-05"},  # 1 BC, year 10000
    "sqlite": {"early": "0001-01-01 00:00:00", "late": "9999-12-31 23:59:59"},
}

SURFACES = {
    "home": lambda ctx: reverse("articles:home"),
    "article page": lambda ctx: reverse("articles:detail", kwargs={"slug": ctx["slug"]}),
    "author page": lambda ctx: reverse("articles:author", kwargs={"slug": ctx["author"]}),
    "person page": lambda ctx: reverse("articles:person", kwargs={"slug": ctx["person"]}),
    "topic page": lambda ctx: reverse("articles:topic", kwargs={"slug": "floods"}),
    "country page": lambda ctx: reverse("articles:country", kwargs={"slug": "brazil"}),
    "quotes page": lambda ctx: reverse("articles:quotes"),
    "search": lambda ctx: reverse("articles:search") + "?q=levee",
    "latest feed": lambda ctx: reverse("articles:feed"),
    "latest atom feed": lambda ctx: reverse("articles:feed-atom"),
    "topic feed": lambda ctx: reverse("articles:topic-feed", kwargs={"slug": "floods"}),
    "author feed": lambda ctx: reverse("articles:author-feed-atom", kwargs={"slug": ctx["author"]}),
    "sitemap": lambda ctx: reverse("django.contrib.sitemaps.views.sitemap"),
    "news sitemap": lambda ctx: reverse("news-sitemap"),
    "API articles": lambda ctx: reverse("api:articles"),
    "API articles by date": lambda ctx: reverse("api:articles") + "?from-date=1600-01-01",
    "API article": lambda ctx: reverse("api:article", kwargs={"slug": ctx["slug"]}),
    "API quotes": lambda ctx: reverse("api:quotes"),
    "API topics": lambda ctx: reverse("api:topics"),
    "admin articles": lambda ctx: reverse("admin:articles_article_changelist"),
    "admin article": lambda ctx: reverse("admin:articles_article_change", args=[ctx["pk"]]),
    "admin scheduled article": lambda ctx: reverse("admin:articles_article_change", args=[ctx["late_pk"]]),
    "admin related links": lambda ctx: reverse("admin:articles_relatedlink_changelist"),
}


def store_raw(model, pk: int, **values: str) -> None:
    """Write timestamps as SQL text, past anything Django would send."""
    table = connection.ops.quote_name(model._meta.db_table)
    columns = ", ".join(f"{connection.ops.quote_name(name)} = %s" for name in values)
    with connection.cursor() as cursor:
        cursor.execute(f"UPDATE {table} SET {columns} WHERE id = %s", [*values.values(), pk])  # noqa: S608


@pytest.fixture(params=["America/New_York", "Asia/Tokyo"])
def extreme_dates(request, settings):
    settings.TIME_ZONE = request.param
    extremes = EXTREMES[connection.vendor]
    article = ArticleFactory(headline="Levee breach in the delta")
    byline = BylineFactory(article=article)
    person = PersonFactory()
    article.people.add(person)
    QuoteFactory(article=article, speaker=person)
    early_link = RelatedLinkFactory(article=article, position=0)
    late_link = RelatedLinkFactory(article=article, position=1)
    article.topics.add("Floods")
    article.countries.add(country("BR"))
    late = ArticleFactory(headline="Scheduled for the end of time")
    store_raw(Article, article.pk, published_at=extremes["early"], updated_at=extremes["early"])
    store_raw(Article, late.pk, published_at=extremes["late"], updated_at=extremes["late"])
    store_raw(RelatedLink, early_link.pk, published_at=extremes["early"])
    store_raw(RelatedLink, late_link.pk, published_at=extremes["late"])
    return {
        "slug": article.slug,
        "pk": article.pk,
        "late_pk": late.pk,
        "author": byline.author.slug,
        "person": person.slug,
    }


@pytest.mark.parametrize("surface", list(SURFACES))
def test_every_surface_renders_an_extreme_stored_date(admin_client, extreme_dates, surface):
    response = admin_client.get(SURFACES[surface](extreme_dates))

    assert response.status_code == 200


def test_an_extreme_stored_date_reads_as_the_nearest_date_every_zone_can_show(extreme_dates):
    early, late = (Article.objects.get(pk=extreme_dates[key]).published_at for key in ("pk", "late_pk"))

    assert early == datetime(1, 1, 2, tzinfo=UTC)
    assert late == datetime(9999, 12, 30, 23, 59, 59, 999999, tzinfo=UTC)


def test_an_extreme_date_keeps_the_article_in_its_state(extreme_dates, client):
    """The early article is live (readers see it); the late one stays scheduled."""
    assert client.get(SURFACES["article page"](extreme_dates)).status_code == 200
    late = Article.objects.get(pk=extreme_dates["late_pk"])
    assert late.state == Article.State.SCHEDULED
    assert not Article.objects.published().filter(pk=late.pk).exists()
