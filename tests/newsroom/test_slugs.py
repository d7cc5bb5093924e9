"""Slugs stay unique, made one at a time or for a batch of new rows."""

import pytest

from newsroom.slugs import unique_slug, unique_slugs
from people.models import Person

pytestmark = pytest.mark.django_db


def test_a_batch_gets_the_slugs_one_at_a_time_would_give(django_assert_num_queries):
    Person.objects.create(name="Maria Okafor")  # maria-okafor
    Person.objects.create(name="Maria Okafor 2")  # maria-okafor-2: the suffix a clash would take

    with django_assert_num_queries(1):
        assert unique_slugs(Person, ["Ines Okafor", "Jan Nowak"]) == ["ines-okafor", "jan-nowak"]
    slugs = unique_slugs(Person, ["Maria Okafor", "Ines Okafor", "Ines  Okafor", "Łukasz Żółć"])

    assert slugs == ["maria-okafor-3", "ines-okafor", "ines-okafor-2", "łukasz-żółć"]
    assert unique_slug(Person(), "Maria Okafor") == "maria-okafor-3"


def test_an_empty_name_still_gets_a_slug():
    assert unique_slugs(Person, ["???", "!!!"]) == ["item", "item-2"]
