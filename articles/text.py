"""Small text helpers shared by models, views and the importer (no Django imports)."""

import re
import unicodedata

_QUOTES = str.maketrans(
    {
        "‘": "'",
        "’": "'",
        "‚": "'",
        "′": "'",
        "“": '"',
        "”": '"',
        "„": '"',
        "″": '"',
        "–": "-",
        "—": "-",
        "‐": "-",
        "‑": "-",
    }
)
_SPACE = re.compile(r"\s+")


def normalise_title(text: str) -> str:
    """A key under which two spellings of one headline compare equal.

    Ignores case, curly versus straight quote marks, dash style and spacing.
    """
    text = unicodedata.normalize("NFC", text).translate(_QUOTES)
    return _SPACE.sub(" ", text).strip().casefold()
