"""A batch import moves the content version on now and then, not after every document."""

import pytest
from django.urls import reverse

from articles.importing import Source, import_batch
from articles.models import Article
from newsroom import versions
from tests.documents import SAMPLES

# Real commits: each document's transaction ends, and its after-commit bump runs.
pytestmark = pytest.mark.django_db(transaction=True)


def sample_sources() -> list[Source]:
    return [Source.of_path(path) for path in sorted(SAMPLES.glob("*.txt"))]


def test_a_batch_moves_the_version_once_for_its_first_document_and_once_at_its_end(
    client, monkeypatch, iso_countries
):
    monkeypatch.setattr(versions, "COALESCE_SECONDS", 3600)
    sources = sample_sources()
    assert len(sources) >= 3
    client.get(reverse("articles:home"))  # cached before the batch
    before = versions.read().counter

    results = list(import_batch(sources, publish=True))

    assert [result.status.value for result in results] == ["created"] * len(sources)
    # The first document's bump, then one for the ones coalesced behind it.
    assert versions.read().counter == before + 2
    # The last document's article is on the cached home page as soon as the batch has ended.
    last = Article.objects.published().latest("id")
    assert last.headline in client.get(reverse("articles:home")).content.decode()


def test_without_a_batch_every_commit_moves_the_version(monkeypatch, iso_countries):
    before = versions.read().counter
    for source in sample_sources()[:2]:
        list(import_batch([source], publish=True))
    # A one-document batch moves it on once, as a lone import does.
    assert versions.read().counter == before + 2


def test_the_version_moves_on_when_a_batch_fails_after_some_documents(monkeypatch, iso_countries):
    monkeypatch.setattr(versions, "COALESCE_SECONDS", 3600)
    before = versions.read().counter
    batch = import_batch(sample_sources(), publish=True)
    next(batch)
    next(batch)
    batch.close()  # the reader of the results stops early (a crash, a cancelled job)

    assert Article.objects.count() == 2
    assert versions.read().counter == before + 2  # the first's, and the second's owed one


def test_a_batch_that_changes_nothing_leaves_the_version_alone(iso_countries):
    sources = sample_sources()[:2]
    list(import_batch(sources, publish=True))
    before = versions.read().counter

    results = list(import_batch(sources, publish=True))

    assert {result.status.value for result in results} == {"unchanged"}
    assert versions.read().counter == before
