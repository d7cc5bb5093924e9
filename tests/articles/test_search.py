"""Search: what it finds, in what order, the snippets it shows, and the vector it keeps current."""

import re
from datetime import timedelta
from importlib import import_module

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from articles.importing import import_document
from articles.models import Article, BodyBlock
from articles.search import MAX_QUERY_LENGTH, search_articles
from articles.search_fallback import ParsedQuery, fallback_snippet, parse_query
from tests.factories import ArticleFactory, AuthorFactory, BylineFactory, PersonFactory, country
from tests.pagecache import NAV_QUERY

POSTGRES = connection.vendor == "postgresql"
postgres_only = pytest.mark.skipif(not POSTGRES, reason="PostgreSQL full-text search only")
fallback_only = pytest.mark.skipif(POSTGRES, reason="the fallback runs only without PostgreSQL")


def slugs(query: str) -> list[str]:
    return [article.slug for article in search_articles(query)]


def article(headline: str, body: str = "Nothing to see.", *, standfirst: str = "", **kwargs) -> Article:
    return ArticleFactory(headline=headline, standfirst=standfirst, body=body, **kwargs)


# What is found, on every database.


@pytest.mark.django_db
def test_only_published_articles_are_found():
    live = article("Levee breach in the delta")
    article("Levee draft", draft=True)
    article("Levee scheduled", scheduled=True)
    article("Levee taken down", status=Article.Status.DRAFT, published_at=timezone.now() - timedelta(days=1))

    assert slugs("levee") == [live.slug]


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["", "   ", "\x00"])
def test_an_empty_query_finds_nothing(query):
    article("Levee breach in the delta")

    assert slugs(query) == []


@pytest.mark.django_db
def test_every_word_must_appear():
    both = article("Levee breach", "The delta flooded.")
    article("Levee repaired", "Dry weather.")

    assert slugs("levee delta") == [both.slug]


@pytest.mark.django_db
def test_words_are_found_in_headline_standfirst_and_body_whatever_their_case():
    in_headline = article("LEVEE breach", published_at=timezone.now() - timedelta(hours=1))
    in_standfirst = article(
        "Breach", standfirst="The levee gave way", published_at=timezone.now() - timedelta(hours=2)
    )
    in_body = article("Rain", "Water topped the Levee.", published_at=timezone.now() - timedelta(hours=3))

    assert set(slugs("levee")) == {in_headline.slug, in_standfirst.slug, in_body.slug}


@pytest.mark.django_db
def test_a_headline_match_outranks_a_more_recent_body_match():
    body_match = article("Rain in the south", "The grain harvest is late.")
    headline_match = article(
        "Grain prices climb", "Markets moved.", published_at=timezone.now() - timedelta(days=3)
    )

    assert slugs("grain") == [headline_match.slug, body_match.slug]


@pytest.mark.django_db
def test_a_quoted_phrase_must_appear_as_written():
    phrase = article("The grain deal collapsed")
    article("A deal on grain exports")

    assert slugs('"grain deal"') == [phrase.slug]


@pytest.mark.django_db
def test_or_finds_either_word():
    floods = article("Floods in the delta", published_at=timezone.now() - timedelta(hours=1))
    drought = article("Drought in the north", published_at=timezone.now() - timedelta(hours=2))
    article("Heatwave in the east")

    assert slugs("floods or drought") == [floods.slug, drought.slug]


@pytest.mark.django_db
def test_a_minus_sign_leaves_out_articles_with_the_word():
    kept = article("Election in Madeira")
    article("Election in Lisbon", "Madeira voted too.")

    assert slugs("election -lisbon") == [kept.slug]


# PostgreSQL: weights, stemming, tags, rank.


@postgres_only
@pytest.mark.django_db
def test_a_standfirst_match_outranks_a_body_match():
    body_match = article("Rain", "The levee held.")
    standfirst_match = article(
        "Rain", standfirst="The levee held.", published_at=timezone.now() - timedelta(days=3)
    )

    results = list(search_articles("levee"))

    assert [a.slug for a in results] == [standfirst_match.slug, body_match.slug]
    assert results[0].rank > results[1].rank


@postgres_only
@pytest.mark.django_db
def test_words_are_matched_by_their_stem():
    flooding = article("Flooding across the delta")

    assert slugs("floods") == [flooding.slug]


@postgres_only
@pytest.mark.django_db
def test_topic_and_country_names_are_searched():
    tagged = article("Rain", "Nothing else.")
    tagged.topics.add("Hydrology")
    tagged.countries.add(country("BR"))

    assert slugs("hydrology") == [tagged.slug]
    assert slugs("brazil") == [tagged.slug]


# Keeping the vector current (PostgreSQL stores it; elsewhere it stays empty).


def search_vector_expression(article: Article):
    """The vector of ``article`` computed independently with ORM expressions, to check the stored one."""
    from django.contrib.postgres.aggregates import StringAgg
    from django.contrib.postgres.search import SearchVector
    from django.db.models import OuterRef, Subquery, Value
    from django.db.models.functions import Concat

    from articles.models import TaggedCountry, TaggedTopic

    def tag_names(through, words):
        return Subquery(
            through.objects.filter(content_object=OuterRef("pk"))
            .order_by()
            .values("content_object")
            .annotate(names=StringAgg(words, delimiter=" ", order_by="tag__name"))
            .values("names")
        )

    names = sorted(
        [b.author.name for b in article.bylines.select_related("author")]
        + [p.name for p in article.people.all()]
    )
    return (
        SearchVector("headline", weight="A", config="newsroom")
        + SearchVector("standfirst", weight="B", config="newsroom")
        + SearchVector(tag_names(TaggedTopic, "tag__name"), weight="B", config="newsroom")
        + SearchVector(
            tag_names(TaggedCountry, Concat("tag__name", Value(" "), "tag__iso_name")),
            weight="B",
            config="newsroom",
        )
        + SearchVector(Value(" ".join(names)), weight="B", config="newsroom")
        + SearchVector("body_headings", weight="B", config="newsroom")
        + SearchVector("body_text", weight="C", config="newsroom")
    )


def stored_vector_is_current(article: Article) -> bool:
    stored, fresh = (
        Article.objects.filter(pk=article.pk)
        .annotate(fresh=search_vector_expression(article))
        .values_list("search_vector", "fresh")
        .get()
    )
    return stored == fresh


@postgres_only
@pytest.mark.django_db
def test_editing_an_article_updates_its_vector():
    story = article("Levee breach")
    story.headline = "Dam breach"
    story.save()

    assert slugs("dam") == [story.slug]
    assert slugs("levee") == []


@postgres_only
@pytest.mark.django_db
def test_adding_and_removing_a_topic_updates_the_vector():
    story = article("Rain")

    story.topics.add("Hydrology")
    assert slugs("hydrology") == [story.slug]

    story.topics.remove("Hydrology")
    assert slugs("hydrology") == []


@postgres_only
@pytest.mark.django_db
def test_renaming_a_topic_updates_the_vectors_of_its_articles():
    story = article("Rain")
    story.topics.add("Hydrology")
    topic = story.topics.get()

    topic.name = "Glaciology"
    topic.save()

    assert slugs("glaciology") == [story.slug]
    assert slugs("hydrology") == []


@postgres_only
@pytest.mark.django_db
def test_deleting_a_topic_updates_the_vectors_of_its_articles():
    story = article("Rain")
    story.topics.add("Hydrology")

    story.topics.get().delete()

    assert slugs("hydrology") == []


@postgres_only
@pytest.mark.django_db
def test_an_imported_article_is_searchable_with_its_tags(archive_document):
    path = archive_document.path
    result = import_document(path.read_bytes(), path=str(path), publish=True)
    story = Article.objects.get(slug=result.report["slug"])

    assert result.report["countries"] == archive_document.countries  # tagged by bulk_create: no signal
    assert stored_vector_is_current(story)
    assert slugs(archive_document.search) == [story.slug]


@postgres_only
@pytest.mark.django_db
def test_a_reimported_article_keeps_the_words_of_the_topics_editors_added(archive_document):
    name = archive_document.path.name
    import_document(archive_document.path.read_bytes(), path=name, publish=True)
    story = Article.objects.get()
    story.topics.add("Sanctions policy")
    edited = archive_document.text().replace(archive_document.phrase, archive_document.edited)
    assert slugs(f"sanctions {archive_document.edited_word}") == []

    result = import_document(edited.encode(), path=name)

    assert result.status == "updated"
    assert stored_vector_is_current(story)
    assert slugs(f"sanctions {archive_document.edited_word}") == [story.slug]


@postgres_only
@pytest.mark.django_db
def test_publishing_without_touching_the_text_leaves_the_vector_as_it_was():
    story = article("Levee breach", draft=True)
    before = Article.objects.values_list("search_vector", flat=True).get(pk=story.pk)

    story.status, story.published_at = Article.Status.PUBLISHED, timezone.now()
    story.save(update_fields=["status", "published_at"])

    assert Article.objects.values_list("search_vector", flat=True).get(pk=story.pk) == before
    assert slugs("levee") == [story.slug]


@postgres_only
@pytest.mark.django_db
def test_the_migrations_rebuild_computes_the_same_vector_as_the_receivers():
    story = article("Levee breach", "Water topped the levee.", standfirst="Thousands flee.")
    story.topics.add("Hydrology", "Floods", "Climate")
    story.countries.add(country("BR"), country("AR"))
    BylineFactory(article=story)
    story.people.add(PersonFactory(name="Jacuí Ferreira"))
    Article.objects.update(search_vector=None)

    with connection.schema_editor() as editor:
        import_module("articles.migrations.0009_search_accents_and_names").forwards(None, editor)

    assert stored_vector_is_current(story)


@postgres_only
@pytest.mark.django_db
@pytest.mark.parametrize("query", ["jacui", "Jacuí", "JACUÍ"])
def test_search_ignores_accents(query):
    story = article("Flooding on the Jacuí delta")
    assert slugs(query) == [story.slug]


@pytest.mark.django_db
def test_an_author_and_a_person_are_found_by_name_whatever_their_accents(django_capture_on_commit_callbacks):
    story = article("Harbour reopens")
    BylineFactory(article=story, author=AuthorFactory(name="Łucja Wiśniewska"))
    story.people.add(PersonFactory(name="Søren Ågård"))

    assert slugs("Łucja") == [story.slug]
    assert slugs("lucja wisniewska") == [story.slug]
    assert slugs("soren agard") == [story.slug]


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["a", "the", "the a of"])
def test_stop_words_alone_find_nothing_on_either_database(query):
    article("The harbour and a bridge")
    assert slugs(query) == []


@pytest.mark.django_db
def test_renaming_an_author_changes_what_finds_their_articles():
    story = article("Harbour reopens")
    author = BylineFactory(article=story).author
    author.name = "Ingrid Halvorsen"
    author.save()

    assert slugs("Halvorsen") == [story.slug]
    if POSTGRES:
        assert stored_vector_is_current(story)


@fallback_only
@pytest.mark.django_db
def test_without_postgresql_no_vector_is_stored():
    story = article("Levee breach")
    story.topics.add("Hydrology")

    assert Article.objects.values_list("search_vector", flat=True).get(pk=story.pk) is None


# The fallback: whole words, plural endings, headline first then newest.


@fallback_only
@pytest.mark.django_db
def test_fallback_matches_whole_words_only():
    article("Kyiv warns of a new invasion")

    assert slugs("war") == []


@fallback_only
@pytest.mark.django_db
def test_fallback_matches_a_plural_ending():
    story = article("New sanctions on oil")

    assert slugs("sanction") == [story.slug]


@fallback_only
@pytest.mark.django_db
def test_fallback_puts_headline_matches_first_then_the_newest():
    old_headline = article("Levee breach", published_at=timezone.now() - timedelta(days=5))
    new_headline = article("Levee repaired", published_at=timezone.now() - timedelta(days=1))
    new_body = article("Rain", "The levee held.", published_at=timezone.now() - timedelta(hours=1))

    assert slugs("levee") == [new_headline.slug, old_headline.slug, new_body.slug]


@fallback_only
@pytest.mark.django_db
def test_fallback_folds_the_case_of_letters_beyond_ascii():
    story = article("Überschwemmung im Süden")

    assert slugs("überschwemmung") == [story.slug]


@pytest.mark.parametrize(
    ("text", "groups", "excluded"),
    [
        ("grain deal", (("grain",), ("deal",)), ()),
        ('"grain deal" ukraine', (("grain deal",), ("ukraine",)), ()),
        ("floods or drought OR fire", (("floods", "drought", "fire"),), ()),
        ("election -lisbon", (("election",),), ("lisbon",)),
        ('war -"peace talks"', (("war",),), ("peace talks",)),
        ("Putin’s, mission!", (("Putin",), ("mission",)), ()),  # "s" is a stop word, as in PostgreSQL
        ("or floods", (("floods",),), ()),
        ('"unclosed phrase', (("unclosed phrase",),), ()),
        ("- !!", (), ()),
    ],
)
def test_parse_query_reads_web_search_syntax(text, groups, excluded):
    assert parse_query(text) == ParsedQuery(groups=groups, excluded=excluded)


def test_fallback_snippet_marks_the_words_and_escapes_the_rest():
    html = fallback_snippet("Officials said <script>x</script> the levee held.", parse_query("levee"))

    assert html == "Officials said &lt;script&gt;x&lt;/script&gt; the <mark>levee</mark> held."


def test_fallback_snippet_shows_the_passage_around_the_first_match():
    text = " ".join(f"w{i}" for i in range(100)) + " levee " + " ".join(f"v{i}" for i in range(100))

    html = fallback_snippet(text, parse_query("levee"), words=10)

    assert html == "… w97 w98 w99 <mark>levee</mark> v0 v1 v2 v3 v4 v5 …"


# The page.


@pytest.mark.django_db
def test_search_page_lists_results_with_highlighted_escaped_snippets(client):
    story = article(
        "Levee breach",
        "Officials said <img src=x onerror=alert(1)> and <script>alert(2)</script> as the levee held.",
    )
    BylineFactory(article=story)

    html = client.get(reverse("articles:search"), {"q": "levee"}).content.decode()

    assert f'<a href="{story.get_absolute_url()}">Levee breach</a>' in html
    snippet = re.search(r'<p class="snippet">(.*?)</p>', html).group(1)
    assert "&lt;img src=x onerror=alert(1)&gt;" in snippet
    assert "<mark>levee</mark>" in snippet
    assert re.sub(r"</?mark>", "", snippet).count("<") == 0
    assert "<script>alert" not in html
    assert "1 result<" in html


@postgres_only
@pytest.mark.django_db
def test_search_page_snippet_cannot_be_given_marks_by_the_text(client):
    article("Levee breach", "A \ue000strange\ue001 levee.")

    html = client.get(reverse("articles:search"), {"q": "levee"}).content.decode()

    assert html.count("<mark>") == html.count("</mark>") == 1


@pytest.mark.django_db
def test_search_page_without_a_query_shows_the_form(client):
    response = client.get(reverse("articles:search"))
    html = response.content.decode()

    assert response.status_code == 200
    assert html.count("<h1") == 1
    assert '<label for="search-q">' in html
    assert '<meta name="robots" content="noindex, follow">' in html
    assert "masthead-q" not in html  # the page's own form replaces the masthead's


@pytest.mark.django_db
def test_search_page_says_when_nothing_matches(client):
    html = client.get(reverse("articles:search"), {"q": "zeppelin"}).content.decode()

    assert "No articles match “zeppelin”." in html


@pytest.mark.django_db
def test_search_page_survives_awkward_queries(client):
    for query in ["\x00levee", "x" * 5000, '"', "-", "or", "!!", "a & b | c"]:
        assert client.get(reverse("articles:search"), {"q": query}).status_code == 200


@pytest.mark.django_db
def test_search_page_keeps_the_query_in_its_page_links(client, settings):
    settings.NEWSROOM_PAGE_SIZE = 2
    for n in range(3):
        article(f"Levee report {n}")

    html = client.get(reverse("articles:search"), {"q": "levee report"}).content.decode()

    assert 'href="?q=levee%20report&amp;page=2" rel="next"' in html


@pytest.mark.django_db
def test_search_query_is_cut_to_the_maximum_length(client):
    response = client.get(reverse("articles:search"), {"q": "y" * (MAX_QUERY_LENGTH + 50)})

    assert response.context["query"] == "y" * MAX_QUERY_LENGTH


@pytest.mark.django_db
def test_every_page_has_a_search_form_in_the_masthead(client):
    html = client.get(reverse("articles:home")).content.decode()

    assert f'role="search" method="get" action="{reverse("articles:search")}"' in html
    assert '<label class="visually-hidden" for="masthead-q">Search articles</label>' in html


@pytest.mark.django_db
@pytest.mark.parametrize("n", [1, 20])
def test_search_page_query_count_is_fixed_whatever_the_number_of_results(
    client, django_assert_num_queries, n
):
    for i in range(n):
        BylineFactory(article=article(f"Levee report {i}"))

    # The count, the page of articles, their bylines (and the navigation's sections).
    with django_assert_num_queries(3 + NAV_QUERY):
        response = client.get(reverse("articles:search"), {"q": "levee"})

    assert len(response.context["articles"]) == n


@postgres_only
def test_a_word_in_a_subheading_ranks_above_the_same_word_in_a_paragraph(db):

    in_paragraph = ArticleFactory(headline="Harbour news", body="")
    BodyBlock.objects.create(article=in_paragraph, html="<p>The lighthouse keeper retired.</p>")
    in_heading = ArticleFactory(headline="Coast news", body="")
    BodyBlock.objects.create(article=in_heading, html="<h2>Lighthouse</h2><p>A keeper retired.</p>")
    assert list(search_articles("lighthouse")) == [in_heading, in_paragraph]
