"""The publication line: the archive mirror's glued suffix goes, real CamelCase names stay."""

import pytest

from newstext import parse_document
from newstext.publication import clean_publication


@pytest.mark.parametrize(
    ("line", "publication"),
    [
        ("The GuardianTramp", "The Guardian"),  # the reference document
        ("The ObserverTramp", "The Observer"),
        ("Financial TimesTramp", "Financial Times"),
        ("The Northern LedgerTramp", "The Northern Ledger"),
        ("GuardianTramp", "Guardian"),
        ("BuzzFeed NewsTramp", "BuzzFeed News"),  # a known mirror name after any masthead
        ("BuzzFeedTramp", "BuzzFeed"),
    ],
)
def test_the_glued_mirror_suffix_is_removed(line, publication):
    assert clean_publication(line) == publication


def test_an_unknown_mirror_glued_to_a_masthead_is_removed():
    assert clean_publication("The Washington PostArchivr") == "The Washington Post"
    assert clean_publication("The TimesMirrorly") == "The Times"


@pytest.mark.parametrize(
    "line",
    [
        "The Guardian",
        "BuzzFeed News",
        "BuzzFeed",
        "McClatchy",
        "HuffPost",
        "TechCrunch",
        "The Northern Ledger",
    ],
)
def test_real_names_are_kept(line):
    assert clean_publication(line) == line


def test_camel_case_after_a_word_that_ends_no_masthead_is_kept():
    assert clean_publication("The NewsMinute") == "The NewsMinute"


def test_whitespace_is_collapsed():
    assert clean_publication("  The   GuardianTramp ") == "The Guardian"


def test_the_document_publication_has_no_suffix():
    text = "Headline\n\nStandfirst\n\nBody.\n\nJane Doe\n\nThe GuardianTramp"
    assert parse_document(text).publication == "The Guardian"


def test_a_plain_publication_line_is_kept():
    text = "Headline\n\nStandfirst\n\nBody.\n\nJane Doe\n\nBuzzFeed News"
    assert parse_document(text).publication == "BuzzFeed News"
