"""People named in the body: who counts, their descriptions and aliases, and who does not count."""

from newstext import Mention, parse_document


def people(
    *paragraphs: str, headline: str = "A headline", byline: str = "Jane Reporter"
) -> tuple[Mention, ...]:
    text = "\n\n".join([headline, "A standfirst", *paragraphs, byline, "The Guardian"])
    return parse_document(text).people


def test_description_from_an_apposition_after_the_name():
    assert people(
        "Artyom Shraibman, a Belarusian political analyst and non-resident scholar at the Carnegie Endowment "
        "for International Peace, said any involvement was risky."
    ) == (
        Mention(
            name="Artyom Shraibman",
            description=(
                "Belarusian political analyst and non-resident scholar at the Carnegie Endowment for "
                "International Peace"
            ),
        ),
    )


def test_description_from_the_words_before_the_name():
    assert people("Drones hit Kyiv, according to the mayor, Vitali Klitschko.") == (
        Mention(name="Vitali Klitschko", description="mayor"),
    )
    assert people("Zelenskiy spoke, addressing the British prime minister, Rishi Sunak.") == (
        Mention(name="Rishi Sunak", description="British prime minister"),
    )


def test_a_possessive_description_is_kept_whole():
    assert people("Ukraine’s president, Volodymyr Zelenskiy, said on Sunday that Ukraine was ready.") == (
        Mention(name="Volodymyr Zelenskiy", description="Ukraine’s president"),
    )


def test_a_relational_description_is_dropped():
    assert people("Vladimir Putin met his Belarusian counterpart, Alexander Lukashenko, in Minsk.") == (
        Mention(name="Alexander Lukashenko"),
    )


def test_a_title_before_the_name_is_stripped_and_describes():
    assert people("Prime Minister Rishi Sunak met the king.") == (
        Mention(name="Rishi Sunak", description="prime minister"),
    )


def test_a_courtesy_title_is_stripped_without_describing():
    assert people("Mr Joe Bloggs came home.") == (Mention(name="Joe Bloggs"),)


def test_the_surname_used_alone_is_an_alias_and_proves_a_person():
    assert people("Vladimir Putin arrived.", "Putin left.") == (
        Mention(name="Vladimir Putin", aliases=("Putin",)),
    )


def test_no_alias_when_the_surname_is_never_used_alone():
    assert people("Drones hit Kyiv, according to the mayor, Vitali Klitschko.")[0].aliases == ()


def test_a_three_word_name_takes_its_last_word_as_alias():
    assert people(
        "Gonçalo Vasconcelos Pimenta, the outgoing president, conceded.", "“We heard it,” Pimenta said."
    ) == (
        Mention(name="Gonçalo Vasconcelos Pimenta", description="outgoing president", aliases=("Pimenta",)),
    )


def test_names_keep_their_diacritics():
    assert people("Jānis Ozoliņš, a spokesman for the group, spoke.") == (
        Mention(name="Jānis Ozoliņš", description="spokesman for the group"),
    )


def test_a_capitalised_phrase_without_evidence_is_not_a_person():
    assert people("Ferries left Porto Alegre at dawn.") == ()


def test_places_organisations_and_things_are_not_people():
    assert (
        people(
            "Leaders of the Joint Expeditionary Force, a UK-led grouping, met at Lake Victoria.",
            "Denmark sent Caesar howitzers and Stinger missiles on Monday, the Carnegie Endowment noted.",
            "The Rift Valley and Costa Rica were mentioned.",
        )
        == ()
    )


def test_an_apposition_naming_an_organisation_makes_it_no_person():
    assert people("Nemunas Transmission, the Lithuanian network operator, cut power.") == ()


def test_a_sentence_opening_word_is_not_a_first_name():
    assert people("Vladimir Putin, the president, spoke.", "But Putin left.") == (
        Mention(name="Vladimir Putin", description="president", aliases=("Putin",)),
    )


def test_the_journalist_in_the_byline_is_not_a_person_of_the_story():
    assert people("Pjotr Sauer, a reporter, contributed.", "Sauer wrote it.", byline="Pjotr Sauer") == ()


def test_a_person_named_only_in_the_headline_is_not_listed():
    assert people("Nothing about her here.", headline="Angela Merkel, the chancellor, resigns") == ()


def test_people_are_in_order_of_first_appearance_in_the_body():
    found = people(
        "Kadri Tamm, a grid engineer, spoke first.",
        "Rūta Vaitkienė, the head of dispatch, spoke next.",
        "Tamm agreed with Vaitkienė.",
    )
    assert [mention.name for mention in found] == ["Kadri Tamm", "Rūta Vaitkienė"]


def test_a_person_whose_surname_is_a_country():
    assert people("Michael Jordan, a former basketball player, spoke.", "Jordan said he was happy.") == (
        Mention(name="Michael Jordan", description="former basketball player", aliases=("Jordan",)),
    )


def test_a_country_used_alone_does_not_make_a_person():
    assert people("Greater Poland is a region.", "Poland is a country.") == ()


def test_a_surname_that_is_also_a_title():
    assert people("John Major, a former prime minister, spoke.", "Major said little.") == (
        Mention(name="John Major", description="former prime minister", aliases=("Major",)),
    )
