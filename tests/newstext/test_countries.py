"""Countries central to a story: in the headline or standfirst, or named at least twice in the body."""

from newstext import parse_document
from newstext.countries import find_countries


def countries(headline: str, standfirst: str, *body: str) -> tuple[str, ...]:
    text = "\n\n".join([headline, standfirst, *body, "Jane Doe", "The Guardian"])
    return parse_document(text).countries


def test_named_in_the_headline():
    assert countries("Storm hits Belarus", "Standfirst", "No country here.") == ("BY",)


def test_named_by_demonym_in_the_headline():
    assert countries("Belarusian troops drill", "Standfirst", "Nothing.") == ("BY",)


def test_named_by_capital_in_the_standfirst():
    assert countries("Headline", "Fears grow in Minsk and Kyiv", "Nothing.") == ("BY", "UA")


def test_named_twice_in_the_body_by_name_demonym_or_capital():
    assert countries("Headline", "Standfirst", "Norway said so.", "Norwegian officials agreed.") == ("NO",)
    assert countries("Headline", "Standfirst", "In Oslo it rained.", "Norwegians stayed in.") == ("NO",)


def test_a_passing_mention_in_the_body_is_not_tagged():
    assert countries("Headline", "Standfirst", "Denmark sent howitzers.", "Nothing else.") == ()


def test_a_country_never_mentioned_is_not_tagged():
    assert countries("Cats purr", "A standfirst", "Nothing about places.") == ()


def test_hyphenated_compounds_do_not_count():
    body = (
        "A US-based thinktank and a UK-led grouping spoke.",
        "The pro-Russia part of society and US-made arms.",
    )
    assert countries("Headline", "Standfirst", *body) == ()


def test_a_hyphenated_country_name_counts():
    assert countries("Vote in Guinea-Bissau", "Standfirst", "Nothing.") == ("GW",)


def test_the_longest_name_wins():
    assert countries("Papua New Guinea votes", "Standfirst", "Nothing.") == ("PG",)
    assert countries("South Sudan talks", "Standfirst", "Nothing.") == ("SS",)


def test_well_known_variants_from_the_supplement_table():
    assert countries("Britain and the US agree", "Standfirst", "Nothing.") == ("GB", "US")
    assert countries("Headline", "News from Kiev", "Nothing.") == ("UA",)


def test_alternative_spellings_from_the_data():
    assert countries("Russian Federation responds", "Standfirst", "Nothing.") == ("RU",)
    assert countries("Czechia votes", "Standfirst", "Nothing.") == ("CZ",)


def test_a_us_state_is_not_the_country_it_contains():
    assert countries("Floods in New Mexico", "Standfirst", "Nothing.") == ()


def test_matching_is_case_sensitive():
    assert countries("Roast turkey for Christmas", "Standfirst", "Nothing.") == ()


def test_a_country_inside_a_persons_name_does_not_count():
    body = ("Michael Jordan, a former basketball player, spoke.", "Jordan said he was happy.")
    assert countries("Headline", "Standfirst", *body) == ()


def test_codes_are_sorted():
    assert countries("Ukraine, Belarus and Russia", "Standfirst", "Nothing.") == ("BY", "RU", "UA")


def test_find_countries_counts_each_mention():
    assert find_countries("Belarus and Belarusians met in Minsk; Russia’s army waited.") == {"BY": 3, "RU": 1}
