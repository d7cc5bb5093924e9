"""Topic tools: merge (one transaction, old pages redirect), rename, case, clean-up, bulk tags."""

from unittest import mock

import pytest
from django.db import DatabaseError
from django.urls import reverse

from articles.models import Article, TaggedTopic, Topic
from editorial import tagging
from editorial.models import TopicRedirect
from tests.factories import ArticleFactory, country

from .helpers import article_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def topics():
    keep, old = Topic.objects.create(name="Ukraine war"), Topic.objects.create(name="War in Ukraine")
    a, b, both = ArticleFactory(headline="a"), ArticleFactory(headline="b"), ArticleFactory(headline="both")
    a.topics.add(keep)
    b.topics.add(old)
    both.topics.add(keep, old)
    return keep, old


def test_merge_retags_every_article_and_deletes_the_old_topic(topics):
    keep, old = topics
    result = tagging.merge_topics(sources=[old], into=keep)
    assert (result.merged, result.retagged) == (["War in Ukraine"], 1)
    assert not Topic.objects.filter(pk=old.pk).exists()
    assert sorted(a.headline for a in Article.objects.filter(topics=keep)) == ["a", "b", "both"]
    assert TaggedTopic.objects.filter(tag=keep).count() == 3


def test_merge_updates_the_search_text_of_the_moved_articles():
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("the stored search vector is PostgreSQL's")
    article = ArticleFactory(headline="Grid news", standfirst="", body="Nothing else.")
    article.topics.add("Kremlin politics")
    into = Topic.objects.create(name="Zanzibar affairs")

    tagging.merge_topics(sources=[Topic.objects.get(name="Kremlin politics")], into=into)

    matches = Article.objects.filter(pk=article.pk, search_vector="zanzibar")
    assert matches.exists()
    assert not Article.objects.filter(pk=article.pk, search_vector="kremlin").exists()


def test_merge_is_all_or_nothing(topics):
    keep, old = topics
    with (
        mock.patch.object(tagging, "redirect_old_address", side_effect=DatabaseError("boom")),
        pytest.raises(DatabaseError),
    ):
        tagging.merge_topics(sources=[old], into=keep)
    assert Topic.objects.filter(pk=old.pk).exists()
    assert sorted(a.headline for a in Article.objects.filter(topics=old)) == ["b", "both"]


def test_old_topic_page_and_feeds_redirect_permanently_after_a_merge(client, topics):
    keep, old = topics
    old_slug = old.slug
    tagging.merge_topics(sources=[old], into=keep)
    response = client.get(reverse("articles:topic", kwargs={"slug": old_slug}) + "?page=2")
    assert response.status_code == 301
    assert response["Location"] == reverse("articles:topic", kwargs={"slug": keep.slug}) + "?page=2"
    feed = client.get(reverse("articles:topic-feed", kwargs={"slug": old_slug}))
    assert (feed.status_code, feed["Location"]) == (
        301,
        reverse("articles:topic-feed", kwargs={"slug": keep.slug}),
    )
    assert client.get(reverse("articles:topic", kwargs={"slug": "never-existed"})).status_code == 404


def test_chained_merges_redirect_to_the_last_topic(client):
    first, second, third = (Topic.objects.create(name=n) for n in ("One", "Two", "Three"))
    tagging.merge_topics(sources=[first], into=second)
    tagging.merge_topics(sources=[second], into=third)
    response = client.get(reverse("articles:topic", kwargs={"slug": "one"}))
    assert response["Location"] == reverse("articles:topic", kwargs={"slug": "three"})


def test_merge_action_asks_which_topic_to_keep_then_merges(editor, topics):
    keep, old = topics
    url = reverse("admin:articles_topic_changelist")
    ask = editor.post(url, {"action": "merge_topics", "_selected_action": [keep.pk, old.pk]})
    assert ask.status_code == 200
    assert 'type="radio" name="into"' in ask.content.decode()
    done = editor.post(
        url,
        {"action": "merge_topics", "_selected_action": [keep.pk, old.pk], "apply": "1", "into": keep.pk},
        follow=True,
    )
    assert [str(m) for m in done.context["messages"]] == [
        "Merged “War in Ukraine” into “Ukraine war”: 1 article(s) re-tagged. "
        "The old topic pages redirect to it."
    ]


def test_renaming_a_topic_redirects_its_old_address(editor, client):
    topic = Topic.objects.create(name="Energy crisis")
    response = editor.post(
        reverse("admin:articles_topic_change", args=[topic.pk]), {"name": "Energy", "slug": "energy"}
    )
    assert response.status_code == 302
    assert client.get("/topics/energy-crisis/")["Location"] == "/topics/energy/"


def test_a_topic_taking_a_redirected_slug_back_wins(editor, client, topics):
    keep, old = topics
    tagging.merge_topics(sources=[old], into=keep)
    editor.post(reverse("admin:articles_topic_add"), {"name": "War in Ukraine", "slug": "war-in-ukraine"})
    assert not TopicRedirect.objects.filter(old_slug="war-in-ukraine").exists()
    # Readers see a topic once a published article carries it (articles/public.py).
    ArticleFactory().topics.add(Topic.objects.get(slug="war-in-ukraine"))
    assert client.get("/topics/war-in-ukraine/").status_code == 200


def test_topic_names_are_unique_whatever_their_case(editor, topics):
    response = editor.post(
        reverse("admin:articles_topic_add"), {"name": "UKRAINE WAR", "slug": "ukraine-war-2"}
    )
    assert response.context["adminform"].form.errors["name"] == [
        "There is already a topic called “Ukraine war”. To combine the two, select both in the topic list "
        "and use “Merge selected topics”."
    ]


def test_typing_a_topic_in_another_case_or_by_its_old_name_uses_the_existing_one(editor, topics):
    keep, old = topics
    tagging.merge_topics(sources=[old], into=keep)
    article = ArticleFactory(draft=True)
    form = article_form(editor, article) | {
        "topics": "UKRAINE WAR, war in ukraine, New topic",
        "new_topics": "New topic",  # a new topic is created deliberately
    }
    editor.post(reverse("admin:articles_article_change", args=[article.pk]), form)
    assert sorted(t.name for t in article.topics.all()) == ["New topic", "Ukraine war"]
    assert not Topic.objects.filter(name__iexact="war in ukraine").exists()


def test_orphan_clean_up_page_deletes_only_unused_topics(editor, topics):
    Topic.objects.create(name="Unused")
    url = reverse("admin:articles_topic_cleanup")
    assert [t.name for t in editor.get(url).context["orphans"]] == ["Unused"]
    editor.post(url)
    assert sorted(Topic.objects.values_list("name", flat=True)) == ["Ukraine war", "War in Ukraine"]


def test_orphan_action_keeps_topics_in_use(editor, topics):
    keep, _ = topics
    unused = Topic.objects.create(name="Unused")
    response = editor.post(
        reverse("admin:articles_topic_changelist"),
        {"action": "delete_unused_topics", "_selected_action": [keep.pk, unused.pk]},
        follow=True,
    )
    assert Topic.objects.filter(pk=keep.pk).exists() and not Topic.objects.filter(pk=unused.pk).exists()
    assert [str(m) for m in response.context["messages"]] == [
        "Deleted 1 unused topic(s).",
        "Kept 1 topic(s) still on articles.",
    ]


def test_topic_list_shows_article_counts_and_filters_unused(editor, topics):
    Topic.objects.create(name="Unused")
    response = editor.get(reverse("admin:articles_topic_changelist"))
    counts = {t.name: t.released_articles for t in response.context["cl"].result_list}
    assert counts == {"Ukraine war": 2, "Unused": 0, "War in Ukraine": 2}
    unused = editor.get(reverse("admin:articles_topic_changelist"), {"use": "unused"})
    assert [t.name for t in unused.context["cl"].result_list] == ["Unused"]


def test_suggestions_are_existing_topics_most_used_first(tagger, topics):
    Topic.objects.create(name="Warsaw")
    ArticleFactory().topics.add("Ukraine war")
    response = tagger.get(reverse("admin:articles_topic_suggest"), {"q": "war"})
    assert response.json() == {
        "results": [
            {"name": "Ukraine war", "count": 3},
            {"name": "War in Ukraine", "count": 2},
            {"name": "Warsaw", "count": 0},
        ]
    }
    assert tagger.get(reverse("admin:articles_topic_suggest"), {"q": ""}).json() == {"results": []}


def test_article_form_topic_input_is_an_autocomplete_combobox(editor):
    html = editor.get(reverse("admin:articles_article_add")).content.decode()
    assert 'role="combobox"' in html
    assert f'data-topic-suggestions="{reverse("admin:articles_topic_suggest")}"' in html
    assert 'aria-controls="id_topics_suggestions"' in html
    assert "editorial/topics.js" in html


# Bulk tag actions --------------------------------------------------------------------------


def action(client, action_name, articles, **data):
    return client.post(
        reverse("admin:articles_article_changelist"),
        {"action": action_name, "_selected_action": [a.pk for a in articles], "apply": "1", **data},
        follow=True,
    )


def test_add_topic_action_creates_or_reuses_the_topic(tagger):
    articles = [ArticleFactory(), ArticleFactory()]
    articles[0].topics.add("Energy")
    response = action(tagger, "add_topic", articles, name="energy")
    assert [sorted(t.name for t in a.topics.all()) for a in articles] == [["Energy"], ["Energy"]]
    assert [str(m) for m in response.context["messages"]] == ["Added topic “Energy”: 1 article(s) changed."]
    action(tagger, "add_topic", articles, name="Heatwave")
    assert Topic.objects.filter(name="Heatwave").exists()


def test_remove_topic_action_offers_only_topics_the_selection_carries(tagger):
    article = ArticleFactory()
    article.topics.add("Energy", "Heat")
    Topic.objects.create(name="Elsewhere")
    ask = tagger.post(
        reverse("admin:articles_article_changelist"),
        {"action": "remove_topic", "_selected_action": [article.pk]},
    )
    assert [t.name for t in ask.context["form"].fields["topic"].queryset] == ["Energy", "Heat"]
    action(tagger, "remove_topic", [article], topic=Topic.objects.get(name="Heat").pk)
    assert [t.name for t in article.topics.all()] == ["Energy"]


def test_add_and_remove_country_actions(tagger):
    articles = [ArticleFactory(), ArticleFactory()]
    action(tagger, "add_country", articles, country=country("UA").pk)
    assert [[c.code for c in a.countries.all()] for a in articles] == [["UA"], ["UA"]]
    action(tagger, "remove_country", articles[:1], country=country("UA").pk)
    assert [[c.code for c in a.countries.all()] for a in articles] == [[], ["UA"]]


def test_writer_bulk_tags_only_drafts(writer):
    Topic.objects.create(name="Energy")
    draft, live = ArticleFactory(draft=True), ArticleFactory()
    response = action(writer, "add_topic", [draft, live], name="Energy")
    assert [t.name for t in draft.topics.all()] == ["Energy"]
    assert not live.topics.exists()
    assert [str(m) for m in response.context["messages"]] == [
        "Added topic “Energy”: 1 article(s) changed.",
        "Not yours to tag (published): 1 article(s).",
    ]


def test_bulk_tagging_bumps_updated_at(tagger):
    article = ArticleFactory()
    before = article.updated_at
    action(tagger, "add_country", [article], country=country("NO").pk)
    assert Article.objects.get(pk=article.pk).updated_at > before
