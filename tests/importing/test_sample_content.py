from io import StringIO

import pytest
from django.core.management import call_command

from articles.models import Article, RelatedLink

pytestmark = pytest.mark.django_db


def load() -> str:
    out = StringIO()
    call_command("load_sample_content", stdout=out)
    return out.getvalue()


def test_sample_content_is_published_tagged_and_spread_over_the_day():
    load()
    articles = list(Article.objects.published().order_by("-published_at"))

    assert len(articles) == 6
    assert articles[0].headline.startswith("Kenyan student satellite")
    assert len({a.published_at for a in articles}) == 6
    assert not any(a.was_updated for a in articles)
    floods = Article.objects.get(source_name="01-jacui-delta-floods.txt")
    assert {"Floods", "Climate crisis", "Extreme weather"} <= {t.name for t in floods.topics.all()}
    assert RelatedLink.objects.filter(target__isnull=False).count() >= 8


def test_loading_the_samples_again_changes_nothing():
    load()
    times = dict(Article.objects.values_list("pk", "published_at"))
    output = load()

    assert output.count("unchanged: ") == 6
    assert dict(Article.objects.values_list("pk", "published_at")) == times


def test_the_sample_articles_are_todays_news_in_the_news_sitemap(client):
    load()

    page = client.get("/news-sitemap.xml").content.decode()

    # Their times are the command's decision, not the import's: they are not undated archive copy.
    assert not Article.objects.filter(dated_by_import=True).exists()
    assert page.count("<news:news>") == 6
