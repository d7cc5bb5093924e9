"""Whatever the input, the parser returns a Document or raises ParseError with a line number.

Nothing else may escape: no IndexError from a short document, no ValueError from
a date, no UnicodeDecodeError from bytes.
"""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newstext import Document, ParseError, decode_document, parse_document
from tests.documents import ORIGINAL, REFERENCE, sample_paths

# The reference document joins the originals when it is beside the checkout.
DOCUMENTS = [
    *([REFERENCE.read_text(encoding="utf-8")] if REFERENCE.exists() else []),
    ORIGINAL.read_text(encoding="utf-8"),
    *(path.read_text(encoding="utf-8-sig") for path in sample_paths()),
]

FAST = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Text made of what documents are made of, so that examples get past the first checks.
PIECES = st.sampled_from(
    [
        "\n",
        "\n\n",
        "\r\n",
        " ",
        "“",
        "”",
        '"',
        "’",
        ",",
        ".",
        ":",
        "(ISW)",
        " said",
        " he said",
        "Vladimir Putin",
        "Putin",
        "Related Content",
        "Article image",
        "26, Mar, 2023 @5:44 PM",
        "31, Feb, 2023 @5:44 PM",
        "Andrew Roth in Moscow and Peter Beaumont in Dnipro, Ukraine",
        "The GuardianTramp",
        "Belarus",
        "the",
        "\ufeff",
        "\x00",
    ]
)
DOCUMENT_LIKE_TEXT = st.lists(st.one_of(PIECES, st.text(max_size=12)), max_size=60).map("".join)


def check_text(text: str) -> None:
    try:
        document = parse_document(text)
    except ParseError as error:
        assert isinstance(error.line, int)
        assert error.line >= 1
        assert str(error).startswith(f"line {error.line}: ")
    else:
        assert isinstance(document, Document)
        assert document.headline and document.paragraphs
        assert {quote.speaker for quote in document.quotes} <= {person.name for person in document.people}
        assert list(document.countries) == sorted(set(document.countries))


@FAST
@given(st.text())
def test_any_text(text):
    check_text(text)


@FAST
@given(DOCUMENT_LIKE_TEXT)
def test_document_like_text(text):
    check_text(text)


@FAST
@given(st.binary(max_size=400))
def test_any_bytes(data):
    try:
        text = decode_document(data, max_bytes=300)
    except ParseError as error:
        if len(data) > 300:
            assert error.line is None
        else:
            assert isinstance(error.line, int)
    else:
        check_text(text)


@st.composite
def mutated_documents(draw) -> str:
    lines = draw(st.sampled_from(DOCUMENTS)).split("\n")
    for _ in range(draw(st.integers(min_value=1, max_value=6))):
        if not lines:
            break
        index = draw(st.integers(min_value=0, max_value=len(lines) - 1))
        operation = draw(st.sampled_from(["drop", "duplicate", "shuffle", "truncate", "replace"]))
        if operation == "drop":
            del lines[index]
        elif operation == "duplicate":
            lines.insert(index, lines[draw(st.integers(min_value=0, max_value=len(lines) - 1))])
        elif operation == "shuffle":
            lines = draw(st.permutations(lines))
        elif operation == "truncate":
            lines[index] = lines[index][: draw(st.integers(min_value=0, max_value=len(lines[index])))]
        else:
            lines[index] = draw(st.one_of(PIECES, st.text(max_size=20)))
    return "\n".join(lines)


@FAST
@given(mutated_documents())
def test_mutated_documents(text):
    check_text(text)


@FAST
@given(mutated_documents())
def test_mutated_documents_as_bytes(text):
    try:
        decoded = decode_document(text.encode("utf-8", "surrogatepass"))
    except ParseError as error:
        assert isinstance(error.line, int)
    else:
        check_text(decoded)


def test_the_untouched_documents_parse():
    for text in DOCUMENTS:
        assert isinstance(parse_document(text), Document)
