"""Text folded for matching: accents and case ignored, and the English stop words.

PostgreSQL's search on the site ignores accents (its ``unaccent`` dictionary)
and English stop words (its ``english`` stop list); the search fallback for
SQLite uses these to match the same way: "jacui" finds "Jacuí", "Lucja" finds
"Łucja", and "the" alone finds nothing on either.
"""

import re
import unicodedata
from functools import cache

# Letters that carry no combining mark in Unicode's decomposition, as unaccent reads them.
_PLAIN = str.maketrans(
    {
        "ł": "l",
        "Ł": "L",
        "ø": "o",
        "Ø": "O",
        "đ": "d",
        "Đ": "D",
        "ħ": "h",
        "Ħ": "H",
        "ı": "i",
        "ŧ": "t",
        "Ŧ": "T",
        "ŀ": "l",
        "Ŀ": "L",
        "ð": "d",
        "Ð": "D",
    }
)

# PostgreSQL's english.stop list (tsearch_data/english.stop), word for word.
ENGLISH_STOP_WORDS = frozenset(
    [
        "i",
        "me",
        "my",
        "myself",
        "we",
        "our",
        "ours",
        "ourselves",
        "you",
        "your",
        "yours",
        "yourself",
        "yourselves",
        "he",
        "him",
        "his",
        "himself",
        "she",
        "her",
        "hers",
        "herself",
        "it",
        "its",
        "itself",
        "they",
        "them",
        "their",
        "theirs",
        "themselves",
        "what",
        "which",
        "who",
        "whom",
        "this",
        "that",
        "these",
        "those",
        "am",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "have",
        "has",
        "had",
        "having",
        "do",
        "does",
        "did",
        "doing",
        "a",
        "an",
        "the",
        "and",
        "but",
        "if",
        "or",
        "because",
        "as",
        "until",
        "while",
        "of",
        "at",
        "by",
        "for",
        "with",
        "about",
        "against",
        "between",
        "into",
        "through",
        "during",
        "before",
        "after",
        "above",
        "below",
        "to",
        "from",
        "up",
        "down",
        "in",
        "out",
        "on",
        "off",
        "over",
        "under",
        "again",
        "further",
        "then",
        "once",
        "here",
        "there",
        "when",
        "where",
        "why",
        "how",
        "all",
        "any",
        "both",
        "each",
        "few",
        "more",
        "most",
        "other",
        "some",
        "such",
        "no",
        "nor",
        "not",
        "only",
        "own",
        "same",
        "so",
        "than",
        "too",
        "very",
        "s",
        "t",
        "can",
        "will",
        "just",
        "don",
        "should",
        "now",
    ]
)


def fold(text: str) -> str:
    """``text`` without accents and case: "Łucja Wiśniewska" -> "lucja wisniewska"."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_PLAIN))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


@cache
def _variants() -> dict[str, str]:
    """Each plain letter and every letter (Latin, Greek, Cyrillic) that folds to it."""
    found: dict[str, set[str]] = {}
    for code in range(0x41, 0x2000):
        char = chr(code)
        if not char.isalpha():
            continue
        plain = fold(char)
        if len(plain) == 1 and plain != char:
            found.setdefault(plain, {plain}).update({char, char.lower(), char.upper()})
    return {plain: "".join(sorted(chars)) for plain, chars in found.items()}


def accent_insensitive(word: str) -> str:
    """A regular expression matching ``word`` with or without its accents, in any case."""
    variants = _variants()
    parts = []
    for char in fold(word):
        chars = variants.get(char)
        parts.append(f"[{re.escape(chars)}]" if chars else re.escape(char))
    return "".join(parts)
