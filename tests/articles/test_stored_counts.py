"""Stored counts of countries', authors' and people's articles and quotes, and the home page's
section blocks (issue 11): the numbers readers see stay right (drafts never, scheduled articles only
from their time) and cost the same queries whatever the archive holds."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from articles import counts, publishing
from articles.fronts import BLOCK_SIZE, section_blocks
from articles.importing import import_document
from articles.models import Article, Country, Section
from people.models import Author, Person
from tests.factories import ArticleFactory, AuthorFactory, BylineFactory, PersonFactory, QuoteFactory, country
from tests.pagecache import NAV_QUERY, VERSION_QUERY

pytestmark = pytest.mark.django_db


def stored(obj, field: str = "released_articles") -> int:
    return type(obj).objects.values_list(field, flat=True).get(pk=obj.pk)


def test_an_author_count_follows_bylines_their_moves_and_publishing():
    author, other = AuthorFactory(), AuthorFactory()
    byline = BylineFactory(author=author)
    BylineFactory(author=author, article=ArticleFactory(draft=True))
    assert stored(author) == 1
    byline.author = other
    byline.save()
    assert (stored(author), stored(other)) == (0, 1)
    publishing.unpublish([byline.article])
    assert stored(other) == 0


def test_a_save_recounts_only_when_it_changes_the_status():
    author = AuthorFactory()
    article = Article.objects.get(pk=BylineFactory(author=author).article.pk)
    article.standfirst = "Edited words, the same state."
    with CaptureQueriesContext(connection) as saved:
        article.save()
    assert [q["sql"] for q in saved.captured_queries if "released_" in q["sql"]] == []  # no recount
    article.status = Article.Status.DRAFT  # as a full save from a form would
    article.save()
    assert stored(author) == 0
    article.status = Article.Status.PUBLISHED
    article.save()
    assert stored(author) == 1


def test_a_person_count_follows_naming_from_either_side_clearing_and_deleting():
    person = PersonFactory()
    first, second = ArticleFactory(), ArticleFactory()
    first.people.add(person)
    person.articles.add(second)
    ArticleFactory(draft=True).people.add(person)
    assert stored(person) == 2
    first.people.clear()
    assert stored(person) == 1
    second.delete()
    assert stored(person) == 0


def test_a_quote_count_follows_quotes_and_their_speaker():
    speaker, other = PersonFactory(), PersonFactory()
    quote = QuoteFactory(speaker=speaker)
    QuoteFactory(speaker=speaker, article=ArticleFactory(draft=True))
    assert stored(speaker, "released_quotes") == 1
    quote.speaker = other
    quote.save()
    assert (stored(speaker, "released_quotes"), stored(other, "released_quotes")) == (0, 1)
    quote.delete()
    assert stored(other, "released_quotes") == 0


def test_a_country_count_follows_tagging_and_counts_scheduled_work_so_going_live_changes_nothing():
    norway = country("NO")
    article = ArticleFactory()
    article.countries.add(norway)
    ArticleFactory(scheduled=True).countries.add(norway)
    ArticleFactory(draft=True).countries.add(norway)
    assert stored(norway) == 2
    article.countries.remove(norway)
    assert stored(norway) == 1


def test_recount_all_puts_right_counts_written_without_signals():
    BylineFactory()
    QuoteFactory()
    Author.objects.update(released_articles=9)
    Person.objects.update(released_quotes=9)
    counts.recount_all()
    assert list(Author.objects.values_list("released_articles", flat=True)) == [1]
    assert list(Person.objects.values_list("released_quotes", flat=True)) == [1]


def test_importing_a_published_document_counts_its_author_people_and_countries(archive_document):
    import_document(archive_document.path.read_bytes(), path="a.txt", publish=True)
    assert stored(Author.objects.get(name=archive_document.author)) == 1
    assert stored(Person.objects.get(name=archive_document.person)) == 1
    assert {
        c.code: c.released_articles for c in Country.objects.filter(released_articles__gt=0)
    } == dict.fromkeys(archive_document.countries, 1)


def test_importing_a_draft_counts_nothing(archive_document):
    import_document(archive_document.path.read_bytes(), path="a.txt")
    assert not Author.objects.filter(released_articles__gt=0).exists()
    assert not Person.objects.filter(released_articles__gt=0).exists()


@pytest.fixture
def archive():
    """One name of each kind per state: Published, Draft, Scheduled; the published names are also
    on a scheduled article, which must not count before its time."""
    names = {}
    for state, traits in [("Published", {}), ("Draft", {"draft": True}), ("Scheduled", {"scheduled": True})]:
        article = ArticleFactory(**traits)
        names[state] = (AuthorFactory(name=f"Ann {state}"), PersonFactory(name=f"Pat {state}"))
        BylineFactory(article=article, author=names[state][0])
        article.people.add(names[state][1])
        QuoteFactory(article=article, speaker=names[state][1])
        article.topics.add(f"Topic {state}")
        article.countries.add(country({"Published": "NO", "Draft": "SE", "Scheduled": "FI"}[state]))
    later = ArticleFactory(scheduled=True)
    BylineFactory(article=later, author=names["Published"][0])
    later.people.add(names["Published"][1])
    QuoteFactory(article=later, speaker=names["Published"][1])
    later.topics.add("Topic Published")
    later.countries.add(country("NO"))
    return names


def index_entries(client, url_name: str) -> list[tuple[str, int]]:
    context = client.get(reverse(url_name)).context
    if url_name == "articles:countries":
        return [(entry.name, entry.count) for region in context["regions"] for entry in region.entries]
    return [(entry.name, entry.count) for entry in context["index"].entries]


def api_entries(api, name: str) -> list[tuple]:
    keys = ("article_count", "quote_count") if name == "people" else ("article_count",)
    return [(row["name"], *(row[key] for key in keys)) for row in api(name).data["results"]]


def test_indexes_count_published_articles_only_until_scheduled_ones_go_live(
    client, archive, settings, monkeypatch
):
    settings.NEWSROOM_PAGE_CACHE_SECONDS = 0
    assert index_entries(client, "articles:authors") == [("Ann Published", 1)]
    assert index_entries(client, "articles:people") == [("Pat Published", 1)]
    assert index_entries(client, "articles:countries") == [("Norway", 1)]
    assert "Ann Scheduled" not in client.get(reverse("articles:authors")).content.decode()

    later = timezone.now() + timedelta(days=2)
    monkeypatch.setattr(timezone, "now", lambda: later)
    assert index_entries(client, "articles:authors") == [("Ann Published", 2), ("Ann Scheduled", 1)]
    assert index_entries(client, "articles:people") == [("Pat Published", 2), ("Pat Scheduled", 1)]
    assert index_entries(client, "articles:countries") == [("Finland", 1), ("Norway", 2)]


def test_api_lists_count_published_articles_and_quotes_only(client, archive, settings, monkeypatch):
    settings.NEWSROOM_PAGE_CACHE_SECONDS = 0

    def api(name):
        response = client.get(reverse(f"api:{name}"))
        response.data = response.json()
        return response

    assert api_entries(api, "topics") == [("Topic Published", 1)]
    assert api_entries(api, "countries") == [("Norway", 1)]
    assert api_entries(api, "people") == [("Pat Published", 1, 1)]
    assert api("people").data["total"] == 1

    later = timezone.now() + timedelta(days=2)
    monkeypatch.setattr(timezone, "now", lambda: later)
    assert api_entries(api, "countries") == [("Finland", 1), ("Norway", 2)]
    assert api_entries(api, "people") == [("Pat Published", 2, 2), ("Pat Scheduled", 1, 1)]


def make_archive(n: int) -> None:
    for i in range(n):
        article = ArticleFactory(scheduled=i % 3 == 0)
        BylineFactory(article=article)
        article.people.add(PersonFactory())
        QuoteFactory(article=article)
        article.countries.add(country(["NO", "SE", "FI", "DK"][i % 4]))


@pytest.mark.parametrize("url_name", ["articles:authors", "articles:people", "articles:countries"])
@pytest.mark.parametrize("n", [2, 20])
def test_an_index_costs_two_queries_whatever_the_archive_holds(
    client, django_assert_num_queries, settings, url_name, n
):
    settings.NEWSROOM_PAGE_CACHE_SECONDS = 0
    make_archive(n)
    # The stored counts, and the scheduled articles' links to take off them.
    with django_assert_num_queries(2 + NAV_QUERY):
        assert client.get(reverse(url_name)).status_code == 200


@pytest.mark.parametrize("name", ["topics", "countries", "people"])
@pytest.mark.parametrize("n", [2, 20])
def test_an_api_list_costs_the_same_queries_with_scheduled_work(client, django_assert_num_queries, name, n):
    make_archive(n)
    ArticleFactory(scheduled=True).topics.add("Only scheduled")
    ArticleFactory().topics.add("Published")
    # Per stored count shown: the scheduled links and their stored counts; then the total and the page.
    shown = 2 if name == "people" else 1
    with django_assert_num_queries(2 * shown + 2 + VERSION_QUERY):
        response = client.get(reverse(f"api:{name}"))
    assert "Only scheduled" not in response.content.decode()


@pytest.mark.parametrize("n", [2, 20])
def test_the_country_admin_reads_stored_counts(admin_client, n):
    make_archive(n)
    ArticleFactory(draft=True).countries.add(country("NO"))
    url = reverse("admin:articles_country_changelist")
    with CaptureQueriesContext(connection) as queries:
        response = admin_client.get(url, {"q": "Norway"})
    shown = {c.name: c.released_articles for c in response.context["cl"].result_list}
    assert shown == {"Norway": len(range(0, n, 4))}  # published or scheduled; the draft is not counted
    assert not [q for q in queries.captured_queries if "taggedcountry" in q["sql"]]


def sections(n: int) -> list[Section]:
    tops = [Section.objects.create(name=f"Top {i}", slug=f"top-{i}", position=i) for i in range(n)]
    return tops + [
        Section.objects.create(name=f"Sub {i}", slug=f"sub-{i}", parent=top) for i, top in enumerate(tops)
    ]


@pytest.mark.parametrize("n", [1, 6])
def test_the_section_blocks_cost_two_queries_whatever_the_number_of_sections(django_assert_num_queries, n):
    for section in sections(n):
        for _ in range(BLOCK_SIZE + 1):
            ArticleFactory(section=section)
    with django_assert_num_queries(2):
        blocks = section_blocks(leaving_out=[])
    assert [len(block.articles) for block in blocks] == [BLOCK_SIZE] * n


def test_a_section_block_is_its_newest_published_stories_subsections_included_none_shown_above():
    top, sub = sections(1)
    now = timezone.now()
    shown_above = ArticleFactory(section=top, published_at=now - timedelta(minutes=1))
    newest_in_sub = ArticleFactory(section=sub, published_at=now - timedelta(minutes=2))
    ArticleFactory(section=top, draft=True)
    ArticleFactory(section=sub, scheduled=True)
    ArticleFactory(section=top, status=Article.Status.DRAFT, published_at=now - timedelta(minutes=3))
    older = [ArticleFactory(section=top, published_at=now - timedelta(hours=h)) for h in (1, 2, 3)]
    [block] = section_blocks(leaving_out=[shown_above.pk])
    assert block.section == top
    assert block.articles == [newest_in_sub, older[0], older[1]]


def test_an_import_counts_again_once_committed_so_a_parallel_import_is_not_lost(
    archive_document, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as callbacks:
        import_document(archive_document.path.read_bytes(), path="a.txt", publish=True)
    Author.objects.update(released_articles=0)  # as a count written beside an unseen import is
    for callback in callbacks:
        callback()
    assert stored(Author.objects.get(name=archive_document.author)) == 1
