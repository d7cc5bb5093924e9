"""Quotations and their speakers: each attribution form, continued, split, partial and scare quotes."""

from newstext import Mention, QuoteData, parse_document


def parse(*paragraphs: str, headline: str = "A headline", standfirst: str = "A standfirst"):
    return parse_document("\n\n".join([headline, standfirst, *paragraphs, "Jane Reporter", "The Guardian"]))


def quotes(*paragraphs: str, **parts: str) -> tuple[QuoteData, ...]:
    return parse(*paragraphs, **parts).quotes


INTRO = "Maria Okafor, the agency’s director, spoke on Monday."


# Attribution after the quotation ------------------------------------------------------------


def test_attribution_after_with_the_surname_resolves_to_the_full_name():
    assert quotes("Vladimir Putin met officials.", "“We agreed on everything,” Putin said.") == (
        QuoteData(speaker="Vladimir Putin", text="We agreed on everything.", paragraph=1),
    )


def test_he_said_resolves_to_the_latest_named_subject():
    found = quotes(
        "Vladimir Putin met Volodymyr Zelenskiy’s envoy.",
        "Zelenskiy on Monday urged leaders to act.",
        "“A lot depends on you,” he said in a video address.",
    )
    assert found == (QuoteData(speaker="Volodymyr Zelenskiy", text="A lot depends on you.", paragraph=2),)


def test_she_said_after_a_sentence_about_a_person_in_the_same_paragraph():
    found = quotes(INTRO, "Okafor said the plan was late. “We have enough beds for tonight,” she said.")
    assert found == (QuoteData(speaker="Maria Okafor", text="We have enough beds for tonight.", paragraph=1),)


def test_a_pronoun_with_no_one_named_before_is_not_attributed():
    assert quotes("“We will win,” he said.") == ()


def test_inverted_attribution():
    assert quotes(INTRO, "“We are ready,” said Okafor.") == (
        QuoteData(speaker="Maria Okafor", text="We are ready.", paragraph=1),
    )


def test_inverted_attribution_with_a_role_introduces_the_speaker():
    document = parse("“We are ready,” said Maria Okafor, the agency's director.")
    assert document.quotes == (QuoteData(speaker="Maria Okafor", text="We are ready.", paragraph=0),)
    assert document.people == (Mention(name="Maria Okafor", description="agency's director"),)


def test_according_to_after_a_full_quotation():
    assert quotes(INTRO, "“The road is closed,” according to Okafor.") == (
        QuoteData(speaker="Maria Okafor", text="The road is closed.", paragraph=1),
    )


# Attribution before the quotation -----------------------------------------------------------


def test_attribution_before_with_a_colon():
    assert quotes(INTRO, "Okafor said: “We are ready.”") == (
        QuoteData(speaker="Maria Okafor", text="We are ready.", paragraph=1),
    )


def test_a_speech_verb_in_the_sentence_before_attributes_the_quotation():
    found = quotes(
        "Artyom Shraibman, a Belarusian political analyst, spoke.",
        "But Shraibman warned that while Lukashenko would try to resist, his position could change. "
        "“For now, Putin seems content.”",
    )
    assert found == (
        QuoteData(speaker="Artyom Shraibman", text="For now, Putin seems content.", paragraph=1),
    )


def test_a_paragraph_ending_in_a_colon_introduces_the_next():
    assert quotes(INTRO, "Okafor said on Monday:", "“We are ready.”") == (
        QuoteData(speaker="Maria Okafor", text="We are ready.", paragraph=2),
    )


# Continued and split quotations -----------------------------------------------------------


def test_a_quotation_continued_across_paragraphs_is_one_quote():
    found = quotes(
        INTRO,
        "“The water came up through the floorboards. We put the children in the boat.",
        "“By midnight there was nothing left to do,” Okafor said.",
    )
    assert found == (
        QuoteData(
            speaker="Maria Okafor",
            text=(
                "The water came up through the floorboards. We put the children in the boat.\n\n"
                "By midnight there was nothing left to do."
            ),
            paragraph=1,
        ),
    )


def test_a_continued_quotation_closed_by_an_inverted_attribution():
    found = quotes(INTRO, "“He arrived here as a skinny boy.", "“Today we are sad,” said Okafor.")
    assert found[0].text == "He arrived here as a skinny boy.\n\nToday we are sad."
    assert found[0].speaker == "Maria Okafor"


def test_a_quotation_split_by_its_attribution_is_one_quote():
    found = quotes(
        "Artyom Shraibman, a Belarusian political analyst, spoke.",
        "“Participation in this war would be extremely unpopular,” Shraibman said. "
        "“And this includes supporters of Lukashenko.”",
    )
    assert found == (
        QuoteData(
            speaker="Artyom Shraibman",
            text=(
                "Participation in this war would be extremely unpopular. "
                "And this includes supporters of Lukashenko."
            ),
            paragraph=1,
        ),
    )


def test_a_split_inside_one_sentence_keeps_its_comma():
    assert quotes(INTRO, "“When we lost,” Okafor said, “I was sad.”")[0].text == "When we lost, I was sad."


def test_a_second_quotation_with_its_own_attribution_is_a_second_quote():
    found = quotes(
        INTRO, "Jan Novak, a farmer, came.", "“We will go,” Okafor said. “We will stay,” Novak said."
    )
    assert [(quote.speaker, quote.text) for quote in found] == [
        ("Maria Okafor", "We will go."),
        ("Jan Novak", "We will stay."),
    ]


def test_a_paragraph_of_only_a_quotation_continues_the_speaker_before():
    found = quotes(INTRO, "“We are ready,” Okafor said.", "“We have been ready for years.”")
    assert [quote.speaker for quote in found] == ["Maria Okafor", "Maria Okafor"]


def test_a_full_quotation_without_any_speaker_is_not_recorded():
    assert quotes("The crowd chanted.", "“We want change.”") == ()


def test_an_unnamed_group_is_not_a_speaker():
    assert quotes("Experts said: “We are doomed.”") == ()


# Partial quotations and scare quotes ------------------------------------------------------


def test_a_partial_quotation_inside_a_sentence():
    found = quotes(
        "Alexander Lukashenko, the Belarusian president, spoke.",
        "Lukashenko called Russia “his closest ally”.",
    )
    assert found == (
        QuoteData(speaker="Alexander Lukashenko", text="his closest ally", paragraph=1, partial=True),
    )


def test_a_second_partial_quotation_after_and_said():
    found = quotes(
        "Alexander Lukashenko, the Belarusian president, spoke.",
        "Lukashenko called Russia “his closest ally and strategic partner” and said that Belarus could not "
        "protect its “independence alone”.",
    )
    assert [(quote.text, quote.speaker, quote.partial) for quote in found] == [
        ("his closest ally and strategic partner", "Alexander Lukashenko", True),
        ("independence alone", "Alexander Lukashenko", True),
    ]


def test_one_word_partial_quotations_of_a_named_speaker_are_recorded():
    found = quotes(
        "Vladimir Putin, the Russian president, spoke.",
        "Putin on Monday said he did not want to “absorb” anyone and accused unspecified “enemies” of "
        "plotting.",
    )
    assert [(quote.text, quote.speaker, quote.partial) for quote in found] == [
        ("absorb", "Vladimir Putin", True),
        ("enemies", "Vladimir Putin", True),
    ]


def test_a_partial_quotation_after_a_participle_takes_the_sentence_subject():
    found = quotes(
        "Alexander Lukashenko, the Belarusian president, spoke.",
        "But Lukashenko has not joined the war, at times even criticising it, saying it was “dragging on”.",
    )
    assert found == (
        QuoteData(speaker="Alexander Lukashenko", text="dragging on", paragraph=1, partial=True),
    )


def test_scare_quotes_without_a_speech_verb_are_not_quotes():
    found = quotes(
        "Vitali Klitschko, the mayor, spoke.",
        "Moscow launched “kamikaze drones” that damaged “key infrastructure”, according to the mayor, "
        "Vitali Klitschko.",
        "The city’s plans for so-called “sponge parks” were never funded.",
    )
    assert found == ()


def test_a_scare_quote_whose_speaker_is_not_named_is_not_a_quote():
    found = quotes(
        "Alexander Lukashenko, the Belarusian president, spoke.",
        "Hours before the visit, the Belarusian defence ministry announced drills, which Lukashenko had "
        "ordered to check the “combat readiness” of the army.",
    )
    assert found == ()


def test_single_quotation_marks_do_not_make_quotes():
    assert quotes(INTRO, "Okafor said Minsk is ‘now an extension of the Kremlin’.") == ()


# Organisations ----------------------------------------------------------------------------


def test_an_organisation_introduced_with_its_abbreviation_is_a_speaker():
    document = parse(
        "“Putin is trying to set conditions,” the Institute for the Study of War (ISW), "
        "a US-based thinktank, said in a report last week.",
        "“Belarusian forces remain extremely unlikely to invade,” ISW’s report said.",
    )
    assert document.people == (
        Mention(
            name="Institute for the Study of War",
            description="US-based thinktank",
            kind="organisation",
            aliases=("ISW",),
        ),
    )
    assert [quote.speaker for quote in document.quotes] == ["Institute for the Study of War"] * 2


def test_it_said_resolves_to_the_latest_organisation():
    found = quotes(
        "“Reserves are thin,” the Baltic Grid Observatory (BGO), an independent monitoring group, said.",
        "“A cold spell could cut power,” it said.",
    )
    assert [quote.speaker for quote in found] == ["Baltic Grid Observatory"] * 2


def test_the_kremlin_said():
    document = parse("“We will act,” the Kremlin said.")
    assert document.quotes == (QuoteData(speaker="Kremlin", text="We will act.", paragraph=0),)
    assert document.people == (Mention(name="Kremlin", kind="organisation"),)


def test_an_organisation_that_does_not_speak_is_not_recorded():
    document = parse("Heads of the Joint Expeditionary Force, a UK-led grouping, met the Carnegie Endowment.")
    assert document.people == ()


# Marks and text ---------------------------------------------------------------------------


def test_straight_quotation_marks():
    found = quotes(
        "Radka Horáková, the governor of the Czech central bank, spoke.",
        'Horáková said: "We see inflation coming down."',
        'She said the bank stood "ready to act in either direction" if needed.',
    )
    assert [(quote.text, quote.speaker, quote.partial) for quote in found] == [
        ("We see inflation coming down.", "Radka Horáková", False),
        ("ready to act in either direction", "Radka Horáková", True),
    ]


def test_straight_scare_quotes_are_not_quotes():
    assert quotes('The bank\'s "wait-and-see" approach has drawn criticism.') == ()


def test_a_surname_in_the_headline_before_the_full_name_resolves():
    document = parse(
        "Putin said: “No.”", "Vladimir Putin, the Russian president, later left.", headline="Putin says no"
    )
    assert document.quotes == (QuoteData(speaker="Vladimir Putin", text="No.", paragraph=0),)
    assert document.people == (
        Mention(name="Vladimir Putin", description="Russian president", aliases=("Putin",)),
    )


def test_the_comma_before_the_attribution_becomes_a_full_stop():
    assert quotes(INTRO, "“We are ready,” Okafor said.")[0].text == "We are ready."


def test_a_question_mark_is_kept():
    assert quotes(INTRO, "“Why now?” Okafor asked.")[0].text == "Why now?"


def test_quotes_are_in_body_order_with_their_paragraph():
    found = quotes(INTRO, "“One,” Okafor said.", "No quotes here.", "“Two,” Okafor said.")
    assert [(quote.text, quote.paragraph) for quote in found] == [("One.", 1), ("Two.", 3)]
