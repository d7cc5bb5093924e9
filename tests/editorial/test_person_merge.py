"""Two person records that are one human: merged, everything moves, the old page redirects (issue 14)."""

import pytest
from django.urls import reverse

from articles.models import Quote
from editorial.people import likely_duplicates, merge_people
from people.models import Person
from tests.factories import ArticleFactory, PersonFactory, QuoteFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def twins():
    keep = PersonFactory(name="Artyom Shraibman", aliases=["Shraibman"], description="")
    other = PersonFactory(name="A. Shraibman", aliases=["Mr Shraibman"], description="Belarusian analyst")
    first, second = ArticleFactory(headline="First story"), ArticleFactory(headline="Second story")
    first.people.add(keep, other)
    second.people.add(other)
    QuoteFactory(article=second, speaker=other, text="The regime is nervous.")
    return keep, other, first, second


def test_merging_moves_quotes_articles_and_aliases_and_the_old_page_redirects(client, twins):
    keep, other, first, second = twins
    old_url = other.get_absolute_url()
    result = merge_people(keep=keep, others=[other])

    assert result.merged == ["A. Shraibman"] and result.quotes == 1
    keep.refresh_from_db()
    assert keep.aliases == ["Shraibman", "A. Shraibman", "Mr Shraibman"]
    assert keep.description == "Belarusian analyst"
    assert not Person.objects.filter(pk=other.pk).exists()
    assert list(first.people.all()) == [keep] and list(second.people.all()) == [keep]
    assert Quote.objects.get().speaker == keep
    response = client.get(old_url)
    assert response.status_code == 301
    assert response["Location"] == keep.get_absolute_url()
    assert "The regime is nervous." in client.get(keep.get_absolute_url()).content.decode()


def test_a_redirect_to_a_record_merged_again_follows_it(client, twins):
    keep, other, *_ = twins
    third = PersonFactory(name="Artyom S.")
    ArticleFactory().people.add(third)
    merge_people(keep=keep, others=[other])
    merge_people(keep=third, others=[keep])
    response = client.get(other.get_absolute_url())
    assert (response.status_code, response["Location"]) == (301, third.get_absolute_url())


def test_likely_duplicates_by_surname_and_initial_and_by_alias(twins):
    keep, other, *_ = twins
    alias_twin = PersonFactory(name="Mr Shraibman")
    stranger = PersonFactory(name="Boris Shraibman")
    pairs = {(d.first.pk, d.second.pk): d.reason for d in likely_duplicates()}
    assert (keep.pk, other.pk) in pairs
    assert "same surname and first initial" in pairs[(keep.pk, other.pk)]
    assert "alias" in pairs[tuple(sorted((other.pk, alias_twin.pk)))]
    assert not any(stranger.pk in pair for pair in pairs)


def test_the_admin_finds_and_merges_duplicates(client_as, twins):
    keep, other, *_ = twins
    editor = client_as("Editor")
    html = editor.get(reverse("admin:people_person_duplicates")).content.decode()
    assert "A. Shraibman" in html and "Merge…" in html
    assert (
        reverse("admin:people_person_duplicates")
        in editor.get(reverse("admin:people_person_changelist")).content.decode()
    )
    ask = {"action": "merge_people", "_selected_action": [keep.pk, other.pk]}
    assert "Keep this record" in editor.post(reverse("admin:people_person_changelist"), ask).content.decode()
    editor.post(reverse("admin:people_person_changelist"), ask | {"apply": "1", "keep": keep.pk})
    assert not Person.objects.filter(pk=other.pk).exists()


def test_a_writer_may_not_merge(client_as, twins):
    keep, other, *_ = twins
    writer = client_as("Writer")
    ask = {"action": "merge_people", "_selected_action": [keep.pk, other.pk], "apply": "1", "keep": keep.pk}
    writer.post(reverse("admin:people_person_changelist"), ask)
    assert Person.objects.filter(pk=other.pk).exists()
