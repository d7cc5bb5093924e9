"""Names compare the same way on SQLite and PostgreSQL: by a stored key, Unicode case folded.

SQLite's ``lower()`` and ``iexact`` fold ASCII letters only, so before the key a
second document naming “Łucja Wiśniewska” in another case failed on the
unique constraint there, and matched on PostgreSQL.
"""

import importlib
import io
import json

import pytest
from django.apps import apps
from django.core.management import call_command
from django.urls import reverse

from articles.importing import get_or_create_by_name
from articles.models import Topic
from editorial.forms import TopicForm
from editorial.tagging import find_topic, resolve_topic_names
from people.models import Author, Person
from tests.importing.builder import document

pytestmark = pytest.mark.django_db

NAMES = ["Łucja Wiśniewska", "Søren Ågård", "Øyvind Krogh"]


def run(tmp_path, name: str, text: str) -> dict:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    out = io.StringIO()
    call_command("import_document", str(path), "--json", stdout=out)
    return json.loads(out.getvalue())


def test_non_latin_names_imported_twice_and_in_another_case_are_one_author_each(tmp_path):
    byline = "Łucja Wiśniewska in Warsaw, Søren Ågård and Øyvind Krogh"
    reports = [
        run(tmp_path, "one.txt", document(headline="Storm reaches the coast", byline=byline)),
        run(tmp_path, "two.txt", document(headline="Storm leaves the coast", byline=byline)),
        run(tmp_path, "three.txt", document(headline="Ferries stop", byline="ŁUCJA WIŚNIEWSKA")),
        run(tmp_path, "four.txt", document(headline="Bridges close", byline="søren ågård")),
        run(tmp_path, "five.txt", document(headline="Schools shut", byline="ØYVIND KROGH")),
    ]

    assert [r["status"] for r in reports] == ["created"] * 5
    assert sorted(Author.objects.values_list("name", flat=True)) == sorted(NAMES)
    assert {author.name: author.bylines.count() for author in Author.objects.all()} == {
        "Łucja Wiśniewska": 3,
        "Søren Ågård": 3,
        "Øyvind Krogh": 3,
    }


@pytest.mark.parametrize("name", NAMES)
def test_people_are_found_by_name_in_any_case(name):
    first = get_or_create_by_name(Person, [name])
    again = get_or_create_by_name(Person, [name.upper(), name.lower()])

    assert Person.objects.count() == 1
    assert list(again.values()) == list(first.values())


def test_quote_marks_and_spacing_do_not_make_another_author():
    get_or_create_by_name(Author, ["Siobhán O’Brien"])
    get_or_create_by_name(Author, ["SIOBHÁN  O'BRIEN"])

    assert list(Author.objects.values_list("name", flat=True)) == ["Siobhán O’Brien"]


@pytest.mark.parametrize("name", NAMES)
def test_a_topic_is_found_in_any_case(name):
    topic = Topic.objects.create(name=name)

    assert find_topic(name.upper()) == topic
    assert resolve_topic_names([name.lower()]) == [name]


def test_the_topic_form_refuses_a_name_that_differs_only_in_case():
    Topic.objects.create(name="Łódź floods")

    form = TopicForm(data={"name": "ŁÓDŹ FLOODS", "slug": "lodz-floods-2"})

    assert not form.is_valid()
    assert form.errors["name"][0].startswith("There is already a topic called “Łódź floods”.")


@pytest.mark.parametrize("model", [Author, Person])
def test_the_admin_form_refuses_an_author_or_person_that_differs_only_in_case(admin_client, model):
    model.objects.create(name="Øyvind Krogh")
    url = reverse(f"admin:people_{model._meta.model_name}_add")

    response = admin_client.post(url, {"name": "øyvind krogh", "slug": "oyvind-krogh-2", "kind": "person"})

    assert response.status_code == 200
    kind = model._meta.verbose_name
    assert response.context["adminform"].form.errors["name"] == [
        f"There is already {kind} “Øyvind Krogh”: names compare regardless of case."
    ]
    assert model.objects.count() == 1


def test_the_migration_fills_the_keys_and_keeps_rows_that_now_clash_apart():
    """A database from before the key may hold "Søren Ågård" and "SØREN ÅGÅRD" (SQLite let it)."""
    first = Author.objects.create(name="Søren Ågård")
    second = Author.objects.create(name="Øyvind Krogh")
    # As the rows were before the migration, with placeholder keys that the constraint lets stand.
    Author.objects.filter(pk=second.pk).update(name="SØREN ÅGÅRD", name_key="before 2")
    Author.objects.filter(pk=first.pk).update(name_key="before 1")
    migration = importlib.import_module("people.migrations.0004_name_keys")

    migration.fill_name_keys(apps, None)

    assert dict(Author.objects.values_list("name", "name_key")) == {
        "Søren Ågård": "søren ågård",
        "SØREN ÅGÅRD": f"søren ågård #{second.pk}",
    }
    assert get_or_create_by_name(Author, ["søren ågård"])["søren ågård"] == first
