"""The six sample documents of the repository, each read through decode_document as the importer does."""

import datetime

from newstext import Byline, Mention, decode_document, parse_document
from tests.documents import SAMPLES


def sample(name: str):
    return parse_document(decode_document((SAMPLES / name).read_bytes()))


def speakers(document) -> list[tuple[str, int, bool]]:
    return [(quote.speaker, quote.paragraph, quote.partial) for quote in document.quotes]


def test_01_floods():
    document = sample("01-jacui-delta-floods.txt")
    assert document.authors == (Byline(name="Ines Okafor", location="Porto Alegre, Brazil"),)
    assert document.publication == "The Northern Ledger"
    assert document.people == (
        Mention(
            name="Beatriz Salgueiro",
            description="hydrologist at the Pelotas Institute for River Sciences",
            aliases=("Salgueiro",),
        ),
        Mention(
            name="Anselmo Teixeira",
            description="coordinator of the state’s emergency shelter programme",
            aliases=("Teixeira",),
        ),
        Mention(
            name="Joana Prates",
            description="fisher who has lived on Ilha da Pintada for four decades",
            aliases=("Prates",),
        ),
    )
    assert speakers(document) == [
        ("Beatriz Salgueiro", 3, False),
        ("Beatriz Salgueiro", 4, False),  # "she said"
        ("Anselmo Teixeira", 5, True),
        ("Joana Prates", 7, False),  # continued into paragraph 8
        ("Anselmo Teixeira", 12, False),  # "he said"
    ]
    assert document.quotes[3].text.endswith(
        "too strong to row.\n\nBy midnight there was nothing left to do but "
        "wait and pray that the railings held."
    )
    assert document.countries == ("BR",)
    assert [item.published_at for item in document.related] == [
        datetime.datetime(2026, 11, 19, 12, 0),  # noqa: DTZ001 (12 PM is noon)
        datetime.datetime(2026, 1, 14, 0, 0),  # noqa: DTZ001 (12 AM is midnight)
        datetime.datetime(2024, 10, 10, 20, 30),  # noqa: DTZ001
    ]


def test_02_rates_with_straight_quotes():
    document = sample("02-czech-brazil-rates.txt")
    assert document.authors == (
        Byline(name="Marek Dvořák", location="Prague"),
        Byline(name="Ines Okafor", location="Porto Alegre, Brazil"),
    )
    assert [(m.name, m.description) for m in document.people] == [
        ("Radka Horáková", "governor of the Czech central bank"),
        ("Vojtěch Malý", "chief economist at Vltava Capital Partners"),
        ("Lúcia Barreto", "director of the Southern Reconstruction Fund"),
        ("Rafael Cunha", "economist at the Instituto Sulista think tank in São Paulo"),
    ]
    assert speakers(document) == [
        ("Radka Horáková", 3, False),
        ("Vojtěch Malý", 5, False),
        ("Lúcia Barreto", 9, False),
        ("Rafael Cunha", 12, False),
        ("Radka Horáková", 13, True),
    ]
    assert document.quotes[1].text == (
        "The bank is buying itself one more month of data. If the wage figures cool in December, I would "
        "expect a cut early in the new year."
    )
    assert document.countries == ("BR", "CZ")
    assert document.related[3].authors == (Byline(name="Ines Okafor"), Byline(name="José Núñez"))


def test_03_election_with_crlf_and_an_organisation():
    data = (SAMPLES / "03-madeira-election.txt").read_bytes()
    assert b"\r\n" in data
    document = sample("03-madeira-election.txt")
    assert document.people[0] == Mention(
        name="Gonçalo Vasconcelos Pimenta",
        description="outgoing president of the regional government",
        aliases=("Pimenta",),
    )
    assert document.people[3] == Mention(
        name="Funchal Electoral Observatory",
        description="non-partisan monitoring group",
        kind="organisation",
        aliases=("FEO",),
    )
    assert speakers(document) == [
        ("Gonçalo Vasconcelos Pimenta", 3, False),
        ("Cristina Abreu", 5, False),
        ("Helena Roque", 8, False),
        ("Funchal Electoral Observatory", 9, False),
        ("Funchal Electoral Observatory", 10, False),
        ("Cristina Abreu", 11, True),
    ]
    assert "returners" not in {quote.text for quote in document.quotes}
    assert document.countries == ("PT",)
    assert document.related[2].published_at == datetime.datetime(2024, 12, 12, 0, 15)  # noqa: DTZ001


def test_04_transfer_without_related_content():
    document = sample("04-kongelund-transfer.txt")
    assert document.related == ()
    assert document.publication == "The Northern Ledger"
    assert document.authors == (
        Byline(name="Łucja Wiśniewska"),
        Byline(name="José Núñez"),
        Byline(name="Søren Ågård"),
    )
    assert speakers(document) == [
        ("Mette Krogh", 4, False),
        ("Zbigniew Nowacki", 6, False),
        ("Paulo Serrador", 9, False),
        ("Kacper Zieliński", 10, True),
    ]
    assert document.quotes[1].text == (
        "He arrived here as a skinny 12-year-old who could not stop scoring in the car park. Every coach in "
        "this building has a story about him.\n\nToday we are sad, but we are also very proud."
    )
    assert document.countries == ("DK", "PL")


def test_05_grid_with_a_role_byline():
    document = sample("05-baltic-grid-cold-snap.txt")
    assert document.authors == (Byline(name="Helga Brandt", role="Energy and climate correspondent"),)
    assert [m.name for m in document.people] == [
        "Kadri Tamm",
        "Baltic Grid Observatory",
        "Rūta Vaitkienė",
        "Jānis Ozoliņš",
    ]
    assert speakers(document) == [
        ("Kadri Tamm", 3, False),
        ("Baltic Grid Observatory", 4, False),
        ("Baltic Grid Observatory", 5, False),
        ("Rūta Vaitkienė", 7, False),
        ("Jānis Ozoliņš", 8, True),
        ("Kadri Tamm", 12, False),  # "she said"
    ]
    assert document.countries == ("EE", "LT", "LV")


def test_06_satellite_with_a_byte_order_mark_and_html():
    assert (SAMPLES / "06-kenyan-student-satellite.txt").read_bytes().startswith(b"\xef\xbb\xbf")
    document = sample("06-kenyan-student-satellite.txt")
    assert (
        document.headline == "Kenyan student satellite beams first images as hackers deface mission website"
    )
    assert "<b>bold claim</b>" in document.paragraphs[5]
    assert "<script>alert(1)</script>" in document.paragraphs[5]
    assert document.authors == (Byline(name="Ada Mwangi"),)
    assert document.people[3] == Mention(
        name="Faith Chebet", description="institute’s head of communications", aliases=("Chebet",)
    )
    assert speakers(document) == [
        ("Wanjiru Kamau", 3, False),
        ("Wanjiru Kamau", 4, False),
        ("Otieno Barasa", 7, False),
        ("Achieng Odhiambo", 9, True),
        ("Faith Chebet", 10, False),
    ]
    assert document.countries == ("KE",)
