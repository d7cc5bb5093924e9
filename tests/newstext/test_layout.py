"""The layout of a document: decoding, line endings, its parts, and the errors for bad input."""

import datetime

import pytest

from newstext import (
    Byline,
    ParseError,
    RelatedItem,
    decode_document,
    normalise_title,
    parse_document,
)

TITLE = "Putin’s timeline for storing tactical nuclear weapons in Belarus is hard to believe"
ITEM = """Article image
Putin’s timeline for storing tactical nuclear weapons in Belarus is hard to believe
Although Alexander Lukashenko has agreed to host nuclear bases

Julian Borger in Washington

26, Mar, 2023 @5:44 PM"""

DOCUMENT = f"""Headline of the story

The standfirst of the story

The first paragraph.

The second paragraph.


Jane Doe

The GuardianTramp

Related Content

{ITEM}"""
#  1 Headline  3 standfirst  5 first  7 second  10 byline  12 publication  14 Related Content
# 16 Article image  17 title  18 standfirst  20 byline  22 date


def parse_bytes(data: bytes):
    return parse_document(decode_document(data))


def error_of(text: str) -> ParseError:
    with pytest.raises(ParseError) as raised:
        parse_document(text)
    return raised.value


def test_reads_every_part():
    document = parse_document(DOCUMENT)
    assert document.headline == "Headline of the story"
    assert document.standfirst == "The standfirst of the story"
    assert document.paragraphs == ("The first paragraph.", "The second paragraph.")
    assert document.authors == (Byline(name="Jane Doe"),)
    assert document.publication == "The Guardian"
    assert document.related == (
        RelatedItem(
            title="Putin’s timeline for storing tactical nuclear weapons in Belarus is hard to believe",
            standfirst="Although Alexander Lukashenko has agreed to host nuclear bases",
            authors=(Byline(name="Julian Borger", location="Washington"),),
            published_at=datetime.datetime(2023, 3, 26, 17, 44),  # noqa: DTZ001 (naive on purpose)
            line=17,
        ),
    )


def test_a_utf8_byte_order_mark_is_dropped():
    assert parse_bytes(b"\xef\xbb\xbf" + DOCUMENT.encode()) == parse_document(DOCUMENT)
    assert decode_document(b"\xef\xbb\xbfHeadline").startswith("Headline")


def test_a_byte_order_mark_in_text_is_dropped():
    assert parse_document("\ufeff" + DOCUMENT).headline == "Headline of the story"


@pytest.mark.parametrize("newline", ["\r\n", "\r"], ids=["crlf", "cr"])
def test_other_line_endings_read_the_same(newline):
    data = DOCUMENT.replace("\n", newline).encode()
    assert decode_document(data) == DOCUMENT
    assert parse_bytes(data) == parse_document(DOCUMENT)


def test_crlf_text_passed_straight_to_the_parser():
    assert parse_document(DOCUMENT.replace("\n", "\r\n")) == parse_document(DOCUMENT)


def test_without_related_content_the_file_ends_on_the_publication_line():
    text = DOCUMENT.split("\n\nRelated Content")[0]
    document = parse_document(text)
    assert (document.authors, document.publication, document.related) == (
        (Byline(name="Jane Doe"),),
        "The Guardian",
        (),
    )


def test_the_byline_may_follow_the_body_without_a_blank_line():
    document = parse_document("Headline\n\nStandfirst\n\nBody paragraph.\nJane Doe\n\nThe Guardian")
    assert document.paragraphs == ("Body paragraph.",)
    assert document.authors == (Byline(name="Jane Doe"),)


def test_a_paragraph_broken_over_lines_keeps_its_line_break():
    document = parse_document("Headline\n\nStandfirst\n\nOne line\nand the next.\n\nJane Doe\n\nThe Guardian")
    assert document.paragraphs == ("One line\nand the next.",)


def test_html_is_kept_verbatim():
    body = "The page showed <b>bold claim</b> and <script>alert(1)</script> &amp; more."
    document = parse_document(f"A <i>headline</i>\n\nStandfirst\n\n{body}\n\nJane Doe\n\nThe Guardian")
    assert document.headline == "A <i>headline</i>"
    assert document.paragraphs == (body,)


def test_an_item_without_an_image_placeholder():
    text = DOCUMENT.replace("Article image\n", "")
    assert parse_document(text).related[0].title.startswith("Putin’s timeline")
    assert parse_document(text).related[0].line == 16


def test_the_last_item_may_end_with_a_newline():
    assert parse_document(DOCUMENT + "\n").related == parse_document(DOCUMENT).related


# Errors ------------------------------------------------------------------------------------


def test_empty_document():
    error = error_of("")
    assert (error.message, error.line) == ("document is empty", 1)


def test_empty_bytes():
    with pytest.raises(ParseError, match="^line 1: document is empty$"):
        parse_bytes(b"")


def test_whitespace_only():
    error = error_of(" \n\n\t \n")
    assert (error.message, error.line) == ("document contains only whitespace", 1)


def test_a_headline_and_nothing_else():
    error = error_of("Just a headline\n")
    assert error.message == "document has a headline but no standfirst, body, byline or publication line"
    assert error.line == 1


def test_a_headline_and_standfirst_only():
    error = error_of("Headline\n\nStandfirst\n")
    assert error.message == "document has a headline and standfirst but no body, byline or publication line"
    assert error.line == 3


def test_too_few_lines_for_body_byline_and_publication():
    error = error_of("Headline\n\nStandfirst\n\nBody.\n\nJane Doe")
    assert error.message == (
        "document has only 4 lines of text: "
        "it needs a headline, standfirst, body, byline and publication line"
    )
    assert error.line == 7


def test_no_byline_or_publication_after_the_body():
    error = error_of("Headline\n\nStandfirst\n\nOne.\n\nTwo.\n\nThree.")
    assert error.message == "document ends without a byline and publication line: found a paragraph “Three.”"
    assert error.line == 9


def test_no_publication_line_after_the_byline():
    error = error_of("Headline\n\nStandfirst\n\nOne.\n\nTwo.\n\nJane Doe")
    assert (error.message, error.line) == ("document has no publication line after the byline “Jane Doe”", 9)


def test_no_byline_before_the_publication_line():
    error = error_of("Headline\n\nStandfirst\n\nOne.\n\nTwo.\n\nThe Guardian")
    assert error.message == "expected the byline before the publication line, found a paragraph: “Two.”"
    assert error.line == 7


def test_a_related_item_without_its_date_line_before_the_next_item():
    text = DOCUMENT.replace("\n\n26, Mar, 2023 @5:44 PM", "") + "\n\n" + ITEM
    error = error_of(text)
    assert error.message == (
        f"related item “{TITLE}” has no date line: "
        "expected a date like “26, Mar, 2023 @5:44 PM”, found “Article image”"
    )
    assert error.line == 22


def test_the_last_related_item_without_its_date_line():
    error = error_of(DOCUMENT.replace("\n\n26, Mar, 2023 @5:44 PM", ""))
    assert error.message.endswith(
        "has no date line: expected a date like “26, Mar, 2023 @5:44 PM”, found the end of the document"
    )
    assert error.line == 20


def test_a_related_item_without_its_byline():
    error = error_of(DOCUMENT.replace("Julian Borger in Washington\n\n", ""))
    assert (
        error.message == f"related item “{TITLE}” has no byline line: found the date “26, Mar, 2023 @5:44 PM”"
    )
    assert error.line == 20


def test_an_impossible_related_date():
    error = error_of(DOCUMENT.replace("26, Mar, 2023", "31, Feb, 2023"))
    assert error.message == "impossible date “31, Feb, 2023 @5:44 PM”: there is no 31 February 2023"
    assert error.line == 22


def test_an_unreadable_related_date():
    error = error_of(DOCUMENT.replace("26, Mar, 2023 @5:44 PM", "yesterday"))
    assert error.message == "unreadable date “yesterday”: expected a date like “26, Mar, 2023 @5:44 PM”"
    assert error.line == 22


def test_error_text_names_the_line():
    assert str(error_of("Just a headline")) == (
        "line 1: document has a headline but no standfirst, body, byline or publication line"
    )


# Decoding ----------------------------------------------------------------------------------


def test_binary_data_reports_the_line_of_the_first_nul():
    with pytest.raises(ParseError) as raised:
        decode_document(b"Headline\r\n\r\nStand\x00first\n")
    assert (raised.value.message, raised.value.line) == ("binary data, not a text document", 3)


def test_a_png_is_binary_data():
    # The PNG signature holds a CRLF and an LF before its first NUL byte: line 3.
    with pytest.raises(ParseError, match="^line 3: binary data, not a text document$"):
        decode_document(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")


def test_control_characters_are_binary_data():
    with pytest.raises(ParseError) as raised:
        decode_document(b"Headline\n\nStand\x01first")
    assert (raised.value.message, raised.value.line) == ("binary data, not a text document", 3)


def test_windows_1252_quote_marks_are_not_utf8():
    data = "Headline\n\nHe said \u201chello\u201d\n".encode("cp1252")
    with pytest.raises(ParseError) as raised:
        decode_document(data)
    assert raised.value.message == "not valid UTF-8: byte 0x93 at column 9 (is it Windows-1252?)"
    assert raised.value.line == 3


def test_bytes_that_are_not_windows_1252_either():
    with pytest.raises(ParseError) as raised:
        decode_document(b"Head\x81line")
    assert (raised.value.message, raised.value.line) == ("not valid UTF-8: byte 0x81 at column 5", 1)


def test_utf16_is_refused():
    with pytest.raises(ParseError, match="UTF-16 text, not UTF-8"):
        decode_document("Headline".encode("utf-16"))


def test_a_document_over_the_size_limit():
    with pytest.raises(ParseError) as raised:
        decode_document(b"x" * 101, max_bytes=100)
    assert raised.value.message == "document is 101 bytes, over the limit of 100 bytes"
    assert raised.value.line is None
    assert str(raised.value) == "document is 101 bytes, over the limit of 100 bytes"


def test_a_document_at_the_size_limit_is_read():
    assert decode_document(b"x" * 100, max_bytes=100) == "x" * 100


def test_the_default_size_limit_is_five_megabytes():
    with pytest.raises(ParseError, match="over the limit of 5242880 bytes"):
        decode_document(b"x" * (5 * 1024 * 1024 + 1))


# Title keys --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "key"),
    [
        ("Putin’s mission to Minsk", "putin's mission to minsk"),
        ("Putin's  mission to\tMinsk ", "putin's mission to minsk"),
        ("KENYAN Student Satellite", "kenyan student satellite"),
        ("Called it “a farce” – again", 'called it "a farce" - again'),
        ("‘Now an extension’ — of the Kremlin", "'now an extension' - of the kremlin"),
        ("Straße", "strasse"),
    ],
)
def test_normalise_title(title, key):
    assert normalise_title(title) == key


def test_titles_differing_only_in_quotes_case_and_spacing_match():
    assert normalise_title("Thousands flee as floodwaters swamp Brazil’s Jacuí delta") == normalise_title(
        "Thousands  flee as floodwaters swamp BRAZIL's Jacuí delta"
    )


def test_a_missing_date_before_an_item_without_an_image_placeholder():
    next_item = (
        "Belarus protesters defy crackdown\nCalls grow for Lukashenko to step down\n\n"
        "Shaun Walker\n\n30, Aug, 2020 @4:11 PM"
    )
    error = error_of(DOCUMENT.replace("\n\n26, Mar, 2023 @5:44 PM", "") + "\n\n" + next_item)
    assert error.message == (
        f"related item “{TITLE}” has no date line: "
        "expected a date like “26, Mar, 2023 @5:44 PM”, found “Belarus protesters defy crackdown”"
    )
    assert error.line == 22
