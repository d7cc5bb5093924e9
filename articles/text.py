"""Small text helpers shared by models, views and the pure importer: no Django imports here."""

import re
import unicodedata

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
_SPACE = re.compile(r"\s+")


def normalise_title(text: str) -> str:
    """A key under which two spellings of one headline compare equal.

    Ignores case, curly versus straight quote marks, dash style and spacing.
    """
    text = unicodedata.normalize("NFC", text).translate(_QUOTES).casefold()
    return _SPACE.sub(" ", text).strip()
