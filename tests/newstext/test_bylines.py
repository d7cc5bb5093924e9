"""Byline lines: every form the archive uses, for the article and its related items."""

import pytest

from newstext import Byline, parse_byline


def test_a_name_alone():
    assert parse_byline("Pjotr Sauer") == (Byline(name="Pjotr Sauer"),)


def test_a_name_in_a_city():
    assert parse_byline("Julian Borger in Washington") == (
        Byline(name="Julian Borger", location="Washington"),
    )


def test_a_location_keeps_its_country():
    assert parse_byline("Peter Beaumont in Dnipro, Ukraine") == (
        Byline(name="Peter Beaumont", location="Dnipro, Ukraine"),
    )


def test_two_authors_each_with_a_location():
    assert parse_byline("Andrew Roth in Moscow and Peter Beaumont in Dnipro, Ukraine") == (
        Byline(name="Andrew Roth", location="Moscow"),
        Byline(name="Peter Beaumont", location="Dnipro, Ukraine"),
    )


def test_a_location_with_a_country_before_another_author():
    assert parse_byline("Ines Okafor in Porto Alegre, Brazil and Marek Dvořák in Prague") == (
        Byline(name="Ines Okafor", location="Porto Alegre, Brazil"),
        Byline(name="Marek Dvořák", location="Prague"),
    )


def test_a_and_b():
    assert parse_byline("Ines Okafor and José Núñez") == (
        Byline(name="Ines Okafor"),
        Byline(name="José Núñez"),
    )


def test_a_b_and_c_keep_diacritics():
    assert parse_byline("Łucja Wiśniewska, José Núñez and Søren Ågård") == (
        Byline(name="Łucja Wiśniewska"),
        Byline(name="José Núñez"),
        Byline(name="Søren Ågård"),
    )


def test_a_b_and_c_with_a_serial_comma():
    assert parse_byline("Łukasz Żółć, José Ñúñez, and Ada Mwangi") == (
        Byline(name="Łukasz Żółć"),
        Byline(name="José Ñúñez"),
        Byline(name="Ada Mwangi"),
    )


def test_a_name_followed_by_a_role():
    assert parse_byline("Shaun Walker Central and eastern Europe correspondent") == (
        Byline(name="Shaun Walker", role="Central and eastern Europe correspondent"),
    )


def test_and_inside_a_role_does_not_split_authors():
    assert parse_byline("Helga Brandt Energy and climate correspondent") == (
        Byline(name="Helga Brandt", role="Energy and climate correspondent"),
    )


def test_a_capitalised_place_inside_a_role_does_not_split_authors():
    assert parse_byline("Shaun Walker Central and Eastern Europe correspondent") == (
        Byline(name="Shaun Walker", role="Central and Eastern Europe correspondent"),
    )


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        ("Mary Jane Smith Political editor", "Mary Jane Smith", "Political editor"),
        ("José Ñúñez Mexico City correspondent", "José Ñúñez", "Mexico City correspondent"),
        (
            "Shaun Walker, Central and eastern Europe correspondent",
            "Shaun Walker",
            "Central and eastern Europe correspondent",
        ),
    ],
)
def test_where_the_name_ends_and_the_role_begins(text, name, role):
    assert parse_byline(text) == (Byline(name=name, role=role),)


def test_another_author_after_one_with_a_role():
    assert parse_byline("Jane Doe, Mary Smith Political editor") == (
        Byline(name="Jane Doe"),
        Byline(name="Mary Smith", role="Political editor"),
    )


def test_shaun_walker_in_moscow():
    assert parse_byline("Shaun Walker in Moscow") == (Byline(name="Shaun Walker", location="Moscow"),)


def test_two_cities_in_one_location():
    assert parse_byline("Jane Doe in Kyiv and Lviv") == (Byline(name="Jane Doe", location="Kyiv and Lviv"),)


def test_a_name_with_particles():
    assert parse_byline("Ursula von der Leyen in Brussels") == (
        Byline(name="Ursula von der Leyen", location="Brussels"),
    )


def test_a_leading_by_is_dropped():
    assert parse_byline("By Jane Doe") == (Byline(name="Jane Doe"),)


@pytest.mark.parametrize("text", ["Guardian staff and agencies", "Reuters"])
def test_a_byline_without_a_personal_name_is_kept_whole(text):
    assert parse_byline(text) == (Byline(name=text),)


def test_whitespace_is_collapsed():
    assert parse_byline("  Andrew   Roth  in  Moscow ") == (Byline(name="Andrew Roth", location="Moscow"),)


def test_an_empty_byline_has_no_authors():
    assert parse_byline("   ") == ()


@pytest.mark.parametrize(
    "text", ["Nordwire staff", "The Channel North news desk", "The Wexham Gazette newsroom"]
)
def test_an_outlets_desk_is_one_byline_name(text):
    assert parse_byline(text) == (Byline(name=text),)


def test_a_and_b_in_a_related_items_byline_are_two_authors():
    assert parse_byline("Oliver Crane and Aisha Rahman") == (
        Byline(name="Oliver Crane"),
        Byline(name="Aisha Rahman"),
    )
