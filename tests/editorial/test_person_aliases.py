"""A person's aliases are edited as a list of boxes, not raw JSON (issue 14, defect 6)."""

import pytest
from django.urls import reverse

from people.models import Person

from .helpers import form_data

pytestmark = pytest.mark.django_db


def person_form(client, person):
    response = client.get(reverse("admin:people_person_change", args=[person.pk]))
    return response, form_data(response.content.decode(), "person_form")


def test_aliases_are_one_box_each_with_spares(editor):
    person = Person.objects.create(name="Artyom Shraibman", slug="artyom-shraibman", aliases=["Shraibman"])
    response, data = person_form(editor, person)
    html = response.content.decode()
    assert "Enter a valid JSON" not in html
    assert html.count('name="aliases"') == 3  # the alias and two spare boxes
    assert data["aliases"] == ["Shraibman", "", ""]


def test_typing_aliases_in_boxes_saves_a_list(editor):
    person = Person.objects.create(name="Artyom Shraibman", slug="artyom-shraibman", aliases=["Shraibman"])
    _, data = person_form(editor, person)
    data["aliases"] = ["Shraibman", "a, b", "  Mr   Shraibman ", "shraibman", "Artyom Shraibman"]
    response = editor.post(reverse("admin:people_person_change", args=[person.pk]), data)
    assert response.status_code == 302
    person.refresh_from_db()
    # Commas are part of an alias; spacing is tidied; repeats and the name itself are dropped.
    assert person.aliases == ["Shraibman", "a, b", "Mr Shraibman"]


def test_emptying_every_box_clears_the_aliases(editor):
    person = Person.objects.create(name="Artyom Shraibman", slug="artyom-shraibman", aliases=["Shraibman"])
    _, data = person_form(editor, person)
    data["aliases"] = ["", "", ""]
    assert editor.post(reverse("admin:people_person_change", args=[person.pk]), data).status_code == 302
    person.refresh_from_db()
    assert person.aliases == []
