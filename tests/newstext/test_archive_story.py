"""The original archive document, end to end: every field worked out by hand and asserted exactly.

``tests/documents/archive_story.txt`` was written for these tests in the reference
document's layout, with the same kinds of content (see its README), so that what
``test_reference.py`` checks on the third-party reference is checked in every
checkout. The expected people, quotes and countries are in this module only; the
loader's view of the same document is ``ORIGINAL_DOCUMENT`` in ``tests/documents.py``.
"""

import datetime

import pytest

from newstext import Byline, Mention, QuoteData, RelatedItem, decode_document, parse_document
from tests.documents import ORIGINAL


@pytest.fixture(scope="module")
def document():
    return parse_document(decode_document(ORIGINAL.read_bytes()))


def test_headline_and_standfirst(document):
    assert document.headline == (
        "Vongsa’s Mekong dam offer fails to calm Cambodia and Vietnam as the delta runs dry"
    )
    assert document.standfirst == (
        "Laotian minister promises ten days of extra releases from the Nakasang reservoir, but fishers and "
        "rice farmers downstream say it will not save this year’s harvest"
    )


def test_twenty_two_body_paragraphs(document):
    assert len(document.paragraphs) == 22
    assert document.paragraphs[0] == (
        "Somphet Vongsa, Laos’s energy minister, has promised to open the sluices of the Nakasang dam "
        "for ten days next month, a rare concession to Cambodia and Vietnam as the lower Mekong falls to "
        "its lowest dry-season level in a generation."
    )
    assert document.paragraphs[-1] == (
        "Observers from Myanmar and China, which hold the river’s upper reaches, attended Tuesday’s meeting "
        "but made no commitments."
    )


def test_paragraphs_keep_curly_quotes_dashes_and_ellipses(document):
    assert document.paragraphs[3].startswith("“We have listened to our neighbours.")
    assert "stay open for ten days – whatever it costs us in lost power,” Vongsa" in document.paragraphs[3]
    assert "“Rainfall upstream" in document.paragraphs[17]
    assert "The water fell … it simply did not reach us.”" in document.paragraphs[17]


def test_byline_and_publication(document):
    assert document.authors == (Byline(name="Tobias Reinholt"),)
    assert document.publication == "The Northern Ledger"  # "The Northern LedgerTramp" in the file


RELATED = (
    RelatedItem(
        title="Laos bets its future on Mekong dams as villages downstream pay the price",
        standfirst=(
            "A decade of hydropower building has made Vientiane a power exporter, but fishers and farmers "
            "say they were never asked"
        ),
        authors=(Byline(name="Tobias Reinholt", location="Vientiane"),),
        published_at=datetime.datetime(2026, 2, 14, 9, 20),  # noqa: DTZ001 (naive on purpose)
        line=57,
    ),
    RelatedItem(
        title="Tonle Sap fishers give up their boats as the great lake shrinks",
        standfirst=(
            "Catches on Cambodia’s largest lake have fallen by half in three years, and young people are "
            "leaving for factory work"
        ),
        authors=(Byline(name="Ruth Adeyemi", role="Asia correspondent"),),
        published_at=datetime.datetime(2026, 1, 3, 18, 45),  # noqa: DTZ001
        line=65,
    ),
    RelatedItem(
        title="Salt water creeps up the Mekong delta as rice farmers run out of options",
        standfirst=(
            "Vietnamese growers switch to shrimp and coconuts as the dry season starts earlier every year"
        ),
        authors=(
            Byline(name="Tobias Reinholt", location="Vientiane"),
            Byline(name="Linh Tran", location="Can Tho, Vietnam"),
        ),
        published_at=datetime.datetime(2025, 3, 22, 4, 0),  # noqa: DTZ001
        line=73,
    ),
    RelatedItem(
        title="Can three countries share one river? The Mekong talks explained",
        standfirst=(
            "What Laos, Cambodia and Vietnam have agreed so far, and what is still missing from a deal"
        ),
        authors=(Byline(name="Linh Tran"), Byline(name="Ruth Adeyemi")),
        published_at=datetime.datetime(2026, 4, 9, 12, 30),  # noqa: DTZ001
        line=81,
    ),
    RelatedItem(
        title="Hanoi presses Vientiane for binding rules on dry-season water",
        standfirst=(
            "Vietnam’s agriculture ministry wants minimum flows written into a treaty rather than promised "
            "year by year"
        ),
        authors=(Byline(name="Linh Tran", location="Hanoi"),),
        published_at=datetime.datetime(2026, 3, 17, 11, 5),  # noqa: DTZ001
        line=89,
    ),
    RelatedItem(
        title="Cambodia asks for emergency rice as lake villages go hungry",
        standfirst=(
            "Provincial officials say thousands of families around the Tonle Sap have borrowed against "
            "harvests that may never come"
        ),
        authors=(Byline(name="Sophal Kem", location="Phnom Penh"),),
        published_at=datetime.datetime(2026, 3, 28, 7, 10),  # noqa: DTZ001
        line=97,
    ),
    RelatedItem(
        title="Thai buyers of Laotian hydropower face questions over drought downstream",
        standfirst="Bangkok’s power utility says its contracts leave water management to the dam operators",
        authors=(Byline(name="Ruth Adeyemi", location="Bangkok"),),
        published_at=datetime.datetime(2025, 12, 2, 15, 15),  # noqa: DTZ001
        line=105,
    ),
    RelatedItem(
        title="The dam that holds the lower Mekong’s fate",
        standfirst=(
            "Inside the Nakasang plant, where engineers decide each morning how much water flows south"
        ),
        authors=(Byline(name="Tobias Reinholt"),),
        published_at=datetime.datetime(2025, 11, 30, 22, 0),  # noqa: DTZ001
        line=113,
    ),
    RelatedItem(
        title="Scientists map a warming Mekong from source to sea",
        standfirst=(
            "A five-year study finds the river’s flood pulse weakening, with dams and rainfall both to blame"
        ),
        authors=(Byline(name="Jonas Whitcombe", role="Science correspondent"),),
        published_at=datetime.datetime(2024, 10, 19, 8, 50),  # noqa: DTZ001
        line=121,
    ),
)


@pytest.mark.parametrize("number", range(9), ids=lambda number: f"item-{number + 1}")
def test_related_item(document, number):
    assert document.related[number] == RELATED[number]


def test_exactly_nine_related_items(document):
    assert len(document.related) == 9


def test_related_datetimes_are_naive_wall_clock_times(document):
    assert all(item.published_at.tzinfo is None for item in document.related)
    assert document.related[2].published_at.hour == 4  # "@4:00 AM"
    assert document.related[3].published_at.hour == 12  # "@12:30 PM"


PEOPLE = (
    Mention(name="Somphet Vongsa", description="Laos’s energy minister", aliases=("Vongsa",)),
    Mention(name="Chea Sopheap", description="provincial governor"),  # "according to the provincial …"
    Mention(
        name="Duong Thi Hoa",
        description="hydrologist at the Southern Delta Water Institute in Can Tho",
        aliases=("Hoa",),
    ),
    Mention(
        name="Mekong Flow Watch",
        description="Bangkok-based research group",
        kind="organisation",
        aliases=("MFW",),
    ),
    Mention(
        name="Meas Sokha",
        description="fisheries officer in Cambodia’s Kampong Chhnang province",
        aliases=("Sokha",),
    ),
    Mention(name="Pham Quoc Thanh", description="Vietnam’s deputy agriculture minister", aliases=("Thanh",)),
    Mention(name="Keo Ratana"),  # "his Cambodian counterpart": relational
)


def test_people_in_order_of_first_appearance(document):
    assert document.people == PEOPLE


def test_places_things_and_the_journalist_are_not_people(document):
    names = {mention.name for mention in document.people}
    assert not names & {
        "Southern Delta Water Institute",
        "Delta Water Institute",
        "Tonle Sap",
        "Kampong Chhnang",
        "Ben Tre",
        "Tra Vinh",
        "Can Tho",
        "Phnom Penh",
        "Nakasang",
        "Mekong",
        "Tuesday",
        "Tobias Reinholt",
    }


QUOTES = (
    QuoteData(
        speaker="Somphet Vongsa", text="share the river as good neighbours do", paragraph=2, partial=True
    ),
    QuoteData(
        speaker="Somphet Vongsa",
        text=(
            "We have listened to our neighbours. The sluices will open on the first day of next month and "
            "stay open for ten days – whatever it costs us in lost power."
        ),
        paragraph=3,
    ),
    QuoteData(  # split by an inverted attribution: “…,” said Duong Thi Hoa, … “…”
        speaker="Duong Thi Hoa",
        text=(
            "Ten days is a gesture, not a plan. What the delta needs is water that arrives every dry season, "
            "not only when a minister feels generous."
        ),
        paragraph=4,
    ),
    QuoteData(
        speaker="Mekong Flow Watch",
        text=(
            "The lower Mekong has lost about a fifth of its dry-season flow in five years, and the dams "
            "upstream explain most of that loss."
        ),
        paragraph=6,
    ),
    QuoteData(  # MFW’s report said: “…”
        speaker="Mekong Flow Watch",
        text=(
            "Without agreed minimum flows, every dry season becomes a negotiation, and the country that owns "
            "the dam will always win it."
        ),
        paragraph=9,
    ),
    QuoteData(  # split: “…five,” Sokha said. “Some …”
        speaker="Meas Sokha",
        text=(
            "The men on my stretch of the river used to bring in forty kilos on a good night. This year they "
            "are glad of five. Some of them have already sold their boats."
        ),
        paragraph=11,
    ),
    QuoteData(
        speaker="Meas Sokha",
        text="borrowing against a harvest that is not coming",
        paragraph=12,
        partial=True,
    ),
    QuoteData(
        speaker="Pham Quoc Thanh",
        text="We are grateful for ten days. We would be more grateful for a rule.",
        paragraph=14,
    ),
    QuoteData(
        speaker="Somphet Vongsa", text="a matter of the weather, not of Laos", paragraph=16, partial=True
    ),
    QuoteData(
        speaker="Duong Thi Hoa",
        text="Rainfall upstream was close to normal last year. The water fell … it simply did not reach us.",
        paragraph=17,
    ),
    QuoteData(
        speaker="Duong Thi Hoa",
        text="If the dam holds back water in a normal year, what happens in a dry one?",
        paragraph=18,
    ),
)


def test_every_quote_with_its_speaker(document):
    assert document.quotes == QUOTES


def test_he_said_resolves_to_thanh_from_the_paragraph_before(document):
    assert document.paragraphs[14].endswith("” he said.")
    assert document.paragraphs[13].startswith("Vietnam’s deputy agriculture minister, Pham Quoc Thanh, said")
    assert document.quotes[7].speaker == "Pham Quoc Thanh"


def test_she_asked_after_a_question_resolves_to_hoa(document):
    assert document.paragraphs[18].endswith("in a dry one?” she asked.")
    assert document.quotes[10].speaker == "Duong Thi Hoa"


def test_scare_quotes_are_not_quotes(document):
    texts = {quote.text for quote in document.quotes}
    assert not texts & {"the worst catch anyone can remember", "battery of south-east Asia"}


def test_every_speaker_is_one_of_the_people(document):
    assert {quote.speaker for quote in document.quotes} <= {mention.name for mention in document.people}


def test_countries(document):
    # Laos, Cambodia and Vietnam are in the headline or standfirst and all through the body. Thailand,
    # Myanmar and China are named once each; "Bangkok-based" does not count.
    assert document.countries == ("KH", "LA", "VN")
