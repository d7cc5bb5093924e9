"""Character-level helpers: decoding the archive's bytes, line endings, title keys.

Also the upper- and lower-case letter classes the other modules build their
regular expressions from: Python's ``re`` has no ``\\p{Lu}``, and names in the
archive carry diacritics (Łukasz Żółć, José Ñúñez, Jānis Ozoliņš).
"""

import re
import unicodedata
from collections.abc import Iterable

from .records import ParseError

__all__ = [
    "DEFAULT_MAX_BYTES",
    "LOWER",
    "UPPER",
    "decode_document",
    "normalise_name",
    "normalise_newlines",
    "normalise_title",
    "trie_pattern",
]

_QUOTES = str.maketrans(
    {
        "\u2018": "'",  # ‘
        "\u2019": "'",  # ’
        "\u201a": "'",  # ‚
        "\u201b": "'",  # ‛
        "\u2032": "'",  # ′
        "\u201c": '"',  # “
        "\u201d": '"',  # ”
        "\u201e": '"',  # „
        "\u201f": '"',  # ‟
        "\u2033": '"',  # ″
        "\u2010": "-",  # hyphen
        "\u2011": "-",  # non-breaking hyphen
        "\u2012": "-",  # figure dash
        "\u2013": "-",  # –
        "\u2014": "-",  # —
        "\u2015": "-",  # horizontal bar
        "\u2212": "-",  # minus
        "\u2026": "...",  # …
    }
)
_SPACE_RE = re.compile(r"\s+")


def normalise_title(text: str) -> str:
    """A key under which two spellings of one headline compare equal.

    Ignores case, curly versus straight quote marks, dash style and spacing.
    """
    text = unicodedata.normalize("NFC", text).translate(_QUOTES).casefold()
    return _SPACE_RE.sub(" ", text).strip()


def normalise_name(text: str) -> str:
    """A key under which two spellings of one name compare equal, whatever the database.

    The rules of ``normalise_title``: Unicode case folding (“ŁUCJA” and “Łucja”,
    “Søren” and “SØREN” match, which SQLite's ``lower()`` does not do), NFC,
    curly or straight quote marks (“O’Brien”, “O'Brien”), dash style, spacing.
    """
    return normalise_title(text)


# The largest document read unless the caller sets another limit (the site's setting starts from it).
DEFAULT_MAX_BYTES = 5 * 1024 * 1024

UTF8_BOM = b"\xef\xbb\xbf"
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def _letter_class(predicate) -> str:
    """A regex character-class body (no brackets) of the letters in Latin, Greek and Cyrillic."""
    ranges: list[tuple[int, int]] = []
    for code in range(0x41, 0x2000):
        if predicate(chr(code)):
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1] = (ranges[-1][0], code)
            else:
                ranges.append((code, code))
    return "".join(
        re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in ranges
    )


UPPER = _letter_class(lambda c: c.isupper() or c.istitle())
LOWER = _letter_class(str.islower)

# C0 controls other than tab, line feed, form feed and carriage return do not occur in text.
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_NEWLINE_RE = re.compile(r"\r\n?")
_WHITESPACE_RE = re.compile(r"\s+")


def normalise_newlines(text: str) -> str:
    """CRLF and lone CR become LF."""
    return _NEWLINE_RE.sub("\n", text) if "\r" in text else text


def decode_document(data: bytes, *, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """The text of a document's bytes: UTF-8 (a BOM is dropped), line endings made LF.

    Raises ParseError for a document over ``max_bytes``, for binary data and for
    bytes that are not UTF-8. Never guesses another encoding.
    """
    if len(data) > max_bytes:
        raise ParseError(f"document is {len(data)} bytes, over the limit of {max_bytes} bytes", line=None)
    if data.startswith(UTF8_BOM):
        data = data[len(UTF8_BOM) :]
    elif data.startswith(UTF16_BOMS):
        raise ParseError("UTF-16 text, not UTF-8: save the document as UTF-8", line=1)
    nul = data.find(b"\x00")
    if nul != -1:
        raise ParseError("binary data, not a text document", line=_line_of(data, nul))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise _not_utf8(data, error.start) from None
    control = _CONTROL_RE.search(text)
    if control is not None:
        line = normalise_newlines(text[: control.start()]).count("\n") + 1
        raise ParseError("binary data, not a text document", line=line)
    return normalise_newlines(text)


def _line_of(data: bytes, index: int) -> int:
    prefix = data[:index]
    return prefix.count(b"\n") + prefix.count(b"\r") - prefix.count(b"\r\n") + 1


def _not_utf8(data: bytes, index: int) -> ParseError:
    prefix = data[:index]
    line_start = max(prefix.rfind(b"\n"), prefix.rfind(b"\r")) + 1
    message = f"not valid UTF-8: byte 0x{data[index]:02x} at column {index - line_start + 1}"
    try:
        data.decode("cp1252")
    except UnicodeDecodeError:
        pass
    else:
        message += " (is it Windows-1252?)"
    return ParseError(message, line=_line_of(data, index))


def trie_pattern(words: Iterable[str]) -> str:
    """A regex alternation of ``words`` factored as a trie, so matching does not try each word in turn."""
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def render(node: dict) -> str:
        ends = "" in node
        branches = [re.escape(char) + render(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        # Where a shorter word ends, the rest is optional and greedy: the longer name wins.
        return "(?:" + body + ")?" if ends else body

    return render(trie)
