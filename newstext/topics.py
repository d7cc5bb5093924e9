"""The subjects a story is about, as topics from a fixed list: "Ukraine war", "Floods", "Elections".

People are not topics: they are the story's people already, and a topic page
that repeats a person page helps no reader. A subject topic is one of
``SUBJECTS`` below, each with the words that show it (matched as whole words,
case-insensitively, a trailing "s" allowed). The rule:

* a subject is tagged when one of its words is in the headline or the
  standfirst, or its words occur at least ``MIN_BODY_HITS`` times in the body;
* its score is ``TOP_WEIGHT`` for each hit in the headline or standfirst plus
  one for each hit in the body, and at most ``MAX_TOPICS`` subjects are kept,
  the highest scores first (ties in the list's order).

So the reference story ("… drag Belarus into Ukraine war", military drills
all through) is about "Ukraine war" and "Defence", not about Vladimir Putin.
The list is data: a newsroom extends it with its own subjects and words.
"""

import functools
import re
from collections import Counter
from collections.abc import Iterable

from .text import trie_pattern

__all__ = ["MAX_TOPICS", "MIN_BODY_HITS", "SUBJECTS", "subject_topics"]

MAX_TOPICS = 3
MIN_BODY_HITS = 4
TOP_WEIGHT = 3

SUBJECTS: dict[str, tuple[str, ...]] = {
    "Ukraine war": ("ukraine war", "war in ukraine", "invasion of ukraine", "russian invasion"),
    "Defence": ("military", "troops", "army", "armed forces", "weapon", "missile", "drone", "air defence"),
    "Diplomacy": ("ambassador", "foreign ministry", "foreign minister", "diplomat", "summit", "embassy"),
    "Elections": ("election", "ballot", "polling station", "voter", "vote count", "electoral"),
    "Party politics": ("leadership contest", "leadership race", "leadership hopeful", "coalition talks"),
    "Floods": ("flood", "flooding", "floodwater", "burst its banks"),
    "Extreme weather": ("storm", "heatwave", "cold snap", "drought", "record rainfall", "hurricane"),
    "Climate crisis": ("climate", "emission", "net zero", "carbon"),
    "Energy": ("energy", "electricity", "power grid", "blackout", "heat pump", "power cable"),
    "Interest rates": ("interest rate", "rate cut", "rate rise", "basis point"),
    "Central banks": ("central bank",),
    "Public finances": ("budget deficit", "tax cut", "income tax", "borrowing", "public spending"),
    "Football": ("football", "striker", "goalkeeper", "derby", "premier league", "manager"),
    "Transfer window": ("transfer record", "transfer fee", "transfer window"),
    "Tennis": ("tennis", "grand slam", "match point", "top seed"),
    "Health": ("hospital", "patient", "emergency department", "nhs", "health service"),
    "Vaccines": ("vaccine", "vaccination", "immunisation", "measles"),
    "Housing": ("housing", "affordable homes", "new homes", "waiting list", "developer"),
    "Education": ("school", "pupil", "headteacher", "teacher"),
    "Childcare": ("childcare", "nursery", "nurseries"),
    "Transport": ("bus service", "bus route", "rail", "train", "commuter", "airline", "flight"),
    "Strikes": ("strike", "walkout", "industrial action"),
    "Farming": ("farmer", "farm", "dairy", "milk price", "crop", "herd"),
    "Crime": ("burglary", "jailed", "sentenced", "prosecutor", "crown court"),
    "Jobs": ("job cuts", "redundancies", "cut jobs", "jobs"),
    "Product recalls": ("recall", "recalling"),
    "Technology": ("smartphone", "handset", "software", "phone maker", "repairable"),
    "Cybersecurity": ("hacker", "hack", "cyber", "cross-site scripting", "deface"),
    "Space": ("satellite", "orbit", "space agency", "launch pad"),
    "Theatre": ("theatre", "musical", "west end", "playhouse", "revival"),
    "Corruption": ("register of interests", "undeclared", "conflict of interest", "wrongdoing", "tender"),
}


@functools.lru_cache(maxsize=1)
def _lookup() -> tuple[dict[str, str], re.Pattern[str]]:
    """Cue word -> topic, and one pattern (a trie) that finds every cue in one pass."""
    topic_of = {word: topic for topic, words in SUBJECTS.items() for word in words}
    pattern = re.compile(rf"(?<![\w-])(?:{trie_pattern(topic_of)})(?:s|es)?(?![\w-])", re.IGNORECASE)
    return topic_of, pattern


def _hits(text: str) -> Counter[str]:
    topic_of, pattern = _lookup()
    counts: Counter[str] = Counter()
    for match in pattern.finditer(text):
        word = match.group().lower()
        topic = topic_of.get(word) or topic_of.get(word[:-1]) or topic_of.get(word[:-2])
        if topic:
            counts[topic] += 1
    return counts


def subject_topics(
    *, headline: str, standfirst: str, paragraphs: Iterable[str], people: Iterable[str] = ()
) -> tuple[str, ...]:
    """The story's subject topics, highest score first (see the module docstring)."""
    in_top = _hits(f"{headline}\n{standfirst}")
    in_body = _hits("\n".join(paragraphs))
    names = {name.casefold() for name in people}
    scored = [
        (-(TOP_WEIGHT * in_top[topic] + in_body[topic]), order, topic)
        for order, topic in enumerate(SUBJECTS)
        if topic.casefold() not in names and (in_top[topic] or in_body[topic] >= MIN_BODY_HITS)
    ]
    return tuple(topic for *_, topic in sorted(scored)[:MAX_TOPICS])
