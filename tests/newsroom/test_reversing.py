"""Addresses by slug are reverse()'s, remembered per URL configuration and script prefix."""

from django.urls import clear_script_prefix, reverse, set_script_prefix

from newsroom.reversing import slug_url


def test_a_remembered_address_is_reverses_own():
    for slug in ("grid-holds", "łódź-floods"):
        assert slug_url("articles:detail", slug) == reverse("articles:detail", kwargs={"slug": slug})


def test_the_script_prefix_is_part_of_what_is_remembered():
    plain = slug_url("articles:topic", "energy")
    set_script_prefix("/news/")
    try:
        assert slug_url("articles:topic", "energy") == "/news" + plain
    finally:
        clear_script_prefix()
    assert slug_url("articles:topic", "energy") == plain
