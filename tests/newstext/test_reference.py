"""The reference document, end to end: every field worked out by hand and asserted exactly.

The document is read from ``../shared/documents`` (CI lays shared/ beside the
checkout); its SHA-256 is checked so that the expectations match its bytes.
"""

import datetime
import hashlib

import pytest

from newstext import Byline, Mention, QuoteData, RelatedItem, decode_document, parse_document
from tests.documents import REFERENCE as REFERENCE_PATH
from tests.documents import reference_bytes, requires_reference

REFERENCE_SHA256 = "7d23973286c3fa88ee778bac98ae52dc767c1ab8b67857463305b15b3582fab0"


pytestmark = requires_reference


def reference_text() -> str:
    """The reference document from ../shared beside the checkout (third-party text: not copied in)."""
    return reference_bytes().decode("utf-8")


@pytest.fixture(scope="module")
def document():
    return parse_document(decode_document(REFERENCE_PATH.read_bytes()))


def test_reference_document_is_the_expected_version():
    assert hashlib.sha256(REFERENCE_PATH.read_bytes()).hexdigest() == REFERENCE_SHA256


def test_headline_and_standfirst(document):
    assert document.headline == "Putin’s mission to Minsk raises fears he will drag Belarus into Ukraine war"
    assert document.standfirst == (
        "Putin and Lukashenko announce more joint manouevres as Kyiv warns of potential new invasion "
        "from north"
    )


def test_twenty_four_body_paragraphs(document):
    assert len(document.paragraphs) == 24
    assert document.paragraphs[0] == (
        "Vladimir Putin has discussed closer military cooperation with his Belarusian counterpart, "
        "Alexander Lukashenko, during a rare visit to the country, as fears grow in Kyiv that Moscow is "
        "pushing its closest ally to join a new ground offensive against Ukraine."
    )
    assert document.paragraphs[-1] == (
        "Zelenskiy went on to address several European leaders directly, asking, among others, Norway to "
        "supply more Nasams launchers, Denmark to transfer Caesar howitzers, and Lithuania to send Nasams as "
        "well as Stinger missiles."
    )


def test_paragraphs_keep_curly_quotes_dashes_and_ellipses(document):
    assert document.paragraphs[14].startswith("“Putin’s visit to Minsk could indicate that Putin is trying")
    assert "conditions for … a renewed offensive against Ukraine – possibly" in document.paragraphs[14]


def test_byline_and_publication(document):
    assert document.authors == (Byline(name="Pjotr Sauer"),)
    assert document.publication == "The Guardian"


RELATED = (
    RelatedItem(
        title="Putin’s timeline for storing tactical nuclear weapons in Belarus is hard to believe",
        standfirst=(
            "Although Alexander Lukashenko has agreed to host nuclear bases little construction work "
            "seems to have started"
        ),
        authors=(Byline(name="Julian Borger", location="Washington"),),
        published_at=datetime.datetime(2023, 3, 26, 17, 44),  # noqa: DTZ001 (naive on purpose)
        line=61,
    ),
    RelatedItem(
        title="Belarus protesters defy crackdown to march again through Minsk",
        standfirst="Calls grow for Lukashenko to step down as president promises tough response",
        authors=(Byline(name="Shaun Walker", role="Central and eastern Europe correspondent"),),
        published_at=datetime.datetime(2020, 8, 30, 16, 11),  # noqa: DTZ001
        line=69,
    ),
    RelatedItem(
        title="Belarus partisans say they blew up Russian plane near Minsk",
        standfirst=(
            "Group says it used drones to hit early warning aircraft at Machulishchy airfield 12km from Minsk"
        ),
        authors=(
            Byline(name="Andrew Roth", location="Moscow"),
            Byline(name="Peter Beaumont", location="Dnipro, Ukraine"),
        ),
        published_at=datetime.datetime(2023, 2, 27, 11, 23),  # noqa: DTZ001
        line=77,
    ),
    RelatedItem(
        title="Would Lukashenko really throw Belarus into a war Russia is losing?",
        standfirst=(
            "Experts are sceptical about the chance of Belarusian troops fighting against Ukraine, even if "
            "Putin is pushing for it"
        ),
        authors=(
            Byline(name="Andrew Roth", location="Moscow"),
            Byline(name="Daniel Boffey", location="Lviv"),
        ),
        published_at=datetime.datetime(2022, 10, 12, 4, 0),  # noqa: DTZ001
        line=85,
    ),
    RelatedItem(
        title="Belarus may be about to send its troops into Ukraine, US official says",
        standfirst="Move could happen this week as official says Minsk is ‘now an extension of the Kremlin’",
        authors=(Byline(name="Peter Beaumont", location="Lviv"),),
        published_at=datetime.datetime(2022, 2, 28, 16, 4),  # noqa: DTZ001
        line=93,
    ),
    RelatedItem(
        title="Belarus says detained Russian mercenaries were plotting terror attack",
        standfirst="President Lukashenko accuses Russia of interference in country’s imminent elections",
        authors=(Byline(name="Andrew Roth", location="Moscow"),),
        published_at=datetime.datetime(2020, 7, 30, 11, 23),  # noqa: DTZ001
        line=101,
    ),
    RelatedItem(
        title="Merkel appeals to Putin to intervene in Belarus border crisis",
        standfirst=(
            "Call comes after Polish PM said Russia was behind flow of people from Middle East to EU borders"
        ),
        authors=(Byline(name="Andrew Roth", location="Moscow"),),
        published_at=datetime.datetime(2021, 11, 10, 18, 5),  # noqa: DTZ001
        line=109,
    ),
    RelatedItem(
        title="Putin holds key to Belarus crisis as Lukashenko heads to Moscow",
        standfirst=(
            "With a stalemate in Minsk, the next chapter of Belarusian history may be written in the Kremlin"
        ),
        authors=(Byline(name="Shaun Walker", location="Moscow"),),
        published_at=datetime.datetime(2020, 9, 11, 13, 37),  # noqa: DTZ001
        line=117,
    ),
    RelatedItem(
        title="EU leaders urged to tell Moscow not to meddle in Belarus",
        standfirst=(
            "Calls for bloc to use emergency meeting to send strong message against military intervention"
        ),
        authors=(Byline(name="Jennifer Rankin", location="Brussels"),),
        published_at=datetime.datetime(2020, 8, 17, 17, 10),  # noqa: DTZ001
        line=125,
    ),
    RelatedItem(
        title="Belarus leader proposes three-way partnership with Russia and North Korea",
        standfirst=(
            "Alexander Lukashenko put forward axis plan during summit with Vladimir Putin in Sochi as "
            "rumours of arms deal persist"
        ),
        authors=(Byline(name="Andrew Roth"),),
        published_at=datetime.datetime(2023, 9, 15, 17, 12),  # noqa: DTZ001
        line=133,
    ),
)


@pytest.mark.parametrize("number", range(10), ids=lambda number: f"item-{number + 1}")
def test_related_item(document, number):
    assert document.related[number] == RELATED[number]


def test_exactly_ten_related_items(document):
    assert len(document.related) == 10


def test_related_datetimes_are_naive_wall_clock_times(document):
    assert all(item.published_at.tzinfo is None for item in document.related)
    assert document.related[3].published_at.hour == 4  # "@4:00 AM"


PEOPLE = (
    Mention(name="Vladimir Putin", aliases=("Putin",)),
    Mention(name="Alexander Lukashenko", aliases=("Lukashenko",)),  # "his Belarusian counterpart": relational
    Mention(name="Vitali Klitschko", description="mayor"),
    Mention(name="Volodymyr Zelenskiy", description="Ukraine’s president", aliases=("Zelenskiy",)),
    Mention(
        name="Institute for the Study of War",
        description="US-based thinktank",
        kind="organisation",
        aliases=("ISW",),
    ),
    Mention(
        name="Artyom Shraibman",
        description=(
            "Belarusian political analyst and non-resident scholar at the Carnegie Endowment for "
            "International Peace"
        ),
        aliases=("Shraibman",),
    ),
    Mention(name="Rishi Sunak", description="British prime minister"),
)


def test_people_in_order_of_first_appearance(document):
    assert document.people == PEOPLE


def test_places_things_and_the_journalist_are_not_people(document):
    names = {mention.name for mention in document.people}
    assert not names & {
        "Joint Expeditionary Force",
        "Carnegie Endowment",
        "Carnegie Endowment for International Peace",
        "Caesar",
        "Stinger",
        "Nasams",
        "Kremlin",
        "Monday",
        "Pjotr Sauer",
    }


QUOTES = (
    QuoteData(
        speaker="Vladimir Putin",
        text=(
            "We agreed to continue to take all necessary measures together to ensure the security of our two "
            "countries. To give priority to the training of troops, increase their combat readiness … and "
            "continue the practice of regular joint exercises and other operational and combat training "
            "activities."
        ),
        paragraph=3,
    ),
    QuoteData(
        speaker="Alexander Lukashenko",
        text="his closest ally and strategic partner",
        paragraph=4,
        partial=True,
    ),
    QuoteData(speaker="Alexander Lukashenko", text="independence alone", paragraph=4, partial=True),
    QuoteData(speaker="Vladimir Putin", text="absorb", paragraph=6, partial=True),
    QuoteData(speaker="Vladimir Putin", text="enemies", paragraph=6, partial=True),
    QuoteData(
        speaker="Volodymyr Zelenskiy", text="all possible defence scenarios", paragraph=8, partial=True
    ),
    QuoteData(
        speaker="Volodymyr Zelenskiy",
        text=(
            "Protecting our border, both with Russia and Belarus, is our constant priority. "
            "We are preparing for all possible defence scenarios."
        ),
        paragraph=9,
    ),
    QuoteData(speaker="Alexander Lukashenko", text="dragging on", paragraph=11, partial=True),
    QuoteData(
        speaker="Institute for the Study of War",
        text=(
            "Putin’s visit to Minsk could indicate that Putin is trying to set conditions for … a renewed "
            "offensive against Ukraine – possibly against northern Ukraine or Kyiv – in winter 2023."
        ),
        paragraph=14,
    ),
    QuoteData(
        speaker="Institute for the Study of War",
        text=(
            "Belarusian forces remain extremely unlikely to invade Ukraine without a Russian strike force. "
            "It is far from clear that Lukashenko would commit Belarusian forces to fight in Ukraine even "
            "alongside Russian troops."
        ),
        paragraph=16,
    ),
    QuoteData(
        speaker="Artyom Shraibman",
        text=(
            "Participation in this war would be extremely unpopular: all available polls show that more than "
            "90% of Belarusians do not want to send their army there. And this includes supporters of "
            "Lukashenko and the pro-Russia part of society."
        ),
        paragraph=18,
    ),
    QuoteData(
        speaker="Artyom Shraibman",
        text=(
            "For now, Putin seems content with everything that Lukashenko has given him. But if he demands "
            "direct involvement from Lukashenko in the war, I cannot bet that he will be successful in "
            "resisting for ever."
        ),
        paragraph=19,
    ),
    QuoteData(speaker="Volodymyr Zelenskiy", text="Russian aggression", paragraph=20, partial=True),
    QuoteData(
        speaker="Volodymyr Zelenskiy",
        text=(
            "A lot depends on you – how this war will end. The more successful our defence forces are, the "
            "faster the Russian aggression will fail."
        ),
        paragraph=21,
    ),
    QuoteData(
        speaker="Volodymyr Zelenskiy",
        text=(
            "I ask you to increase the possibility of supplying air defence systems to our country, and to "
            "help speed up the relevant decisions to be taken by our partners."
        ),
        paragraph=22,
    ),
)


def test_every_quote_with_its_speaker(document):
    assert document.quotes == QUOTES


def test_he_said_resolves_to_zelenskiy_from_the_paragraph_before(document):
    assert document.paragraphs[21].endswith("northern European countries.")
    assert "he said in a video address" in document.paragraphs[21]
    assert document.quotes[13].speaker == "Volodymyr Zelenskiy"


def test_scare_quotes_are_not_quotes(document):
    texts = {quote.text for quote in document.quotes}
    assert not texts & {"kamikaze drones", "key infrastructure", "combat readiness"}


def test_every_speaker_is_one_of_the_people(document):
    assert {quote.speaker for quote in document.quotes} <= {mention.name for mention in document.people}


def test_countries(document):
    # Belarus, Ukraine and Russia are in the headline, standfirst and all through the body. The UK
    # ("UK-led", "British"), the US ("US-based"), Norway, Denmark and Lithuania are passing mentions.
    assert document.countries == ("BY", "RU", "UA")


def test_topics_are_the_subjects_not_the_people(document):
    # Issue 15: the loader used to make the headline's people (Putin, Lukashenko) its topics.
    assert document.topics == ("Defence", "Ukraine war")


def test_short_partial_quotes_are_kept_but_not_presented(document):
    hidden = [quote.text for quote in document.quotes if not quote.presented]
    assert hidden == ["independence alone", "absorb", "enemies", "dragging on", "Russian aggression"]
    assert len(document.quotes) == 15
