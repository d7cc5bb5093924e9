"""The publication line, without the archive mirror's name glued to it.

The archive was scraped through mirrors that appended their own name to the
publication without a space: "The GuardianTramp". The rule:

The last word of the line is split at its last lower-to-upper case change
("GuardianTramp" -> "Guardian" + "Tramp"). The glued tail is dropped when

* it is a known mirror name (``MIRROR_NAMES``), or
* what is left ends with a word that ends publication names (``MASTHEAD_WORDS``:
  Guardian, Observer, Times, Post, Ledger, …), so "Financial TimesTramp" and
  "The Northern LedgerXyz" lose their tails even for a mirror never seen before.

Otherwise the line is kept as written. That keeps real CamelCase names intact:
"BuzzFeed News" (the CamelCase word is not the last), "BuzzFeed" ("Buzz" ends no
masthead), "McClatchy", "HuffPost", "TechCrunch".
"""

import re

from .text import LOWER, UPPER

__all__ = ["MASTHEAD_WORDS", "MIRROR_NAMES", "clean_publication"]

MIRROR_NAMES = frozenset({"Tramp"})
MASTHEAD_WORDS = frozenset(
    {
        "Advertiser",
        "Bulletin",
        "Chronicle",
        "Courier",
        "Economist",
        "Examiner",
        "Express",
        "Gazette",
        "Globe",
        "Guardian",
        "Herald",
        "Independent",
        "Inquirer",
        "Journal",
        "Ledger",
        "Mail",
        "Mercury",
        "Mirror",
        "Monitor",
        "Observer",
        "Post",
        "Press",
        "Record",
        "Register",
        "Reporter",
        "Review",
        "Scotsman",
        "Sentinel",
        "Spectator",
        "Standard",
        "Star",
        "Statesman",
        "Sun",
        "Telegraph",
        "Times",
        "Tribune",
    }
)
# The last lower-to-upper change in the last word: (head)(Tail) at the end of the line.
_GLUED_RE = re.compile(rf"(?P<head>.*[{LOWER}])(?P<tail>[{UPPER}][^\s]*)\Z", re.DOTALL)


def clean_publication(line: str) -> str:
    """The publication's name: "The GuardianTramp" -> "The Guardian"."""
    text = " ".join(line.split())
    words = text.rsplit(" ", 1)
    match = _GLUED_RE.match(words[-1])
    if match is None:
        return text
    head, tail = match["head"], match["tail"]
    if tail in MIRROR_NAMES or head.rsplit("-", 1)[-1] in MASTHEAD_WORDS:
        return f"{words[0]} {head}" if len(words) == 2 else head
    return text
