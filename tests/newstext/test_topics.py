"""Subject topics, and the rule for which quotes readers see."""

import pytest

from newstext import (
    MIN_PRESENTED_PARTIAL_WORDS,
    SUBJECTS,
    QuoteData,
    analyse_text,
    parse_document,
    presents_quote,
)
from newstext.topics import MAX_TOPICS, MIN_BODY_HITS


def topics(*paragraphs: str, headline: str = "A headline", standfirst: str = "A standfirst"):
    return analyse_text(headline=headline, standfirst=standfirst, paragraphs=list(paragraphs)).topics


def test_a_subject_in_the_headline_is_a_topic():
    assert topics("Nothing else here.", headline="Thousands flee as floodwaters swamp the delta") == (
        "Floods",
    )


def test_a_subject_named_often_in_the_body_is_a_topic():
    assert topics(*["The strike closed the line."] * MIN_BODY_HITS) == ("Strikes",)


def test_a_subject_named_in_passing_is_not():
    assert topics(*["The strike closed the line."] * (MIN_BODY_HITS - 1), "It rained.") == ()


def test_people_in_the_headline_are_not_topics():
    found = topics(
        "Vladimir Putin, the Russian president, met troops. Putin spoke.",
        headline="Putin’s mission raises fears he will drag Belarus into Ukraine war",
    )
    assert found == ("Ukraine war",)
    assert "Vladimir Putin" not in found


def test_at_most_max_topics_highest_score_first():
    found = topics(
        headline="Election, strike, flood and vaccine news",
        standfirst="The flood and the strike",
    )
    assert len(found) == MAX_TOPICS
    assert found[:2] == ("Floods", "Strikes")


def test_every_subject_has_words():
    assert all(words for words in SUBJECTS.values())


def test_document_topics_match_the_analysis():
    document = parse_document(
        "Dairy farmers warn of closures\n\nMilk price falls\n\nThe herd was sold.\n\nJane Doe\n\nThe Guardian"
    )
    assert document.topics == ("Farming",)


@pytest.mark.parametrize(
    ("text", "partial", "shown"),
    [
        ("absorb", True, False),
        ("Russian aggression", True, False),
        ("all possible defence scenarios", True, True),
        ("No.", False, True),
    ],
)
def test_one_and_two_word_partial_quotes_are_not_presented(text, partial, shown):
    assert MIN_PRESENTED_PARTIAL_WORDS == 3
    assert presents_quote(text=text, partial=partial) is shown
    assert QuoteData(speaker="Vladimir Putin", text=text, paragraph=0, partial=partial).presented is shown
