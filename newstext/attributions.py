"""The wording of attributions: the patterns that find who a quotation's speaker is.

Shared by ``quotes.py``: the subject forms (a name, a pronoun, a role phrase
such as "the foreign ministry's spokeswoman"), what may stand between a subject
and its speech verb, and the attributions after a quotation (“…,” Putin said;
said Lúcia Barreto, the director of …; said another resident, a 63-year-old man
named Gareth Lloyd; according to the mayor; “…” of millions of people, Donnelly
said).
"""

import re

from .names import (
    CAP_WORD,
    DEMONYM_NOUNS,
    DOCUMENT_ROLES,
    ORGANISATION_ROLES,
    PERSON_ROLES,
    PROPER_PHRASE,
    SPEECH_VERBS,
    SPOKEN_THINGS,
)
from .paragraphs import MASK

ADVERBS = (
    "on|in|at|late|early|last|this|earlier|later|also|previously|has|have|had|then|again|once|repeatedly|"
    "reportedly|recently|separately|further|meanwhile|however|would|will|could|may|might|been|was|is|"
    "already|often|publicly|privately|openly|directly|even|subtly|firmly|simply|flatly|angrily|quickly|"
    "immediately|today|yesterday|tonight|not|never|first|finally|Monday|Tuesday|Wednesday|Thursday|"
    "Friday|Saturday|Sunday|morning|afternoon|evening|night|week|month|year|weekend|went|goes|to|later|"
    "quickly|swiftly|pointedly|bluntly|cheerfully|calmly|sternly|confidently"
)
BE = frozenset({"been", "was", "is", "were", "are", "be", "being"})  # "have been told": passive
VERBS = "|".join(sorted(SPEECH_VERBS, key=len, reverse=True))
ROLE_NOUNS = sorted(
    PERSON_ROLES | ORGANISATION_ROLES | DOCUMENT_ROLES | {w.lower() for w in DEMONYM_NOUNS} | {"ceo", "mp"},
    key=len,
    reverse=True,
)
# "the CEO", "the foreign ministry’s spokeswoman", "Its general secretary", "the club's former striker and
# now television pundit Ray Donnelly": a role phrase, with the name that may follow it.
ROLE_PHRASE = (
    rf"(?P<role>(?:[tT]he|[iI]ts|[hH]is|[hH]er|[tT]heir|[aA]n?|{CAP_WORD}(?:[ \u00a0]+{CAP_WORD})*[’']s)"
    rf"(?:\s+[\w\-]+(?:[’']s)?){{0,8}}?\s+(?i:{'|'.join(ROLE_NOUNS)})\b)"
    rf"(?:\s+(?P<named>{PROPER_PHRASE}))?"
)
ROLE_PHRASE_RE = re.compile(ROLE_PHRASE)
ROLE_NOUN_SET = frozenset(ROLE_NOUNS)
SUBJECT = rf"(?:{ROLE_PHRASE}|(?P<subject>{PROPER_PHRASE}|\b(?:he|she|it|He|She|It)\b))"
# What may stand between a subject and its speech verb.
GAP = (
    rf"(?P<thing>[’']s\s+(?:own\s+)?(?:{'|'.join(sorted(SPOKEN_THINGS))}))?"
    r"(?:\s*\((?P<abbreviation>[A-Z][A-Z0-9&]{1,9})\))?"
    rf"(?:\s+(?:in|at|from)\s+{CAP_WORD}(?:\s+{CAP_WORD})?(?=\s))?"  # "… of Nursing in Wales called"
    rf"(?:\s*,\s*(?P<appositive>(?:who|whose)\b[^“”\"{MASK}]{{1,200}}?|[^,“”\"{MASK}]{{1,200}}?)\s*,)?"
    r"(?P<trailing>\s*,)?"
    r"(?:\s*,?\s+who)?"
    rf"(?:\s+(?:{ADVERBS}))*"
    r"\s+"
)
GAP_RE = re.compile(GAP)
PRONOUN_RE = re.compile(r"\b(?:he|she|it|He|She|It)\b")
PRONOUN_REACH = 80  # a pronoun subject stands just before its verb: "he said", "she told reporters"
# Attribution right after a closing mark: “…,” Putin said / he said / the Institute … said
# “…,” union leader Tadeusz Grabowski told reporters: a descriptor without an article may come first.
AFTER_RE = re.compile(
    rf"[\s,]*(?P<the>the\s+)?(?:(?!(?:{VERBS})\b)[a-z][\w\-]*\s+){{0,4}}?{SUBJECT}{GAP}(?P<verb>{VERBS})\b"
)
# “…,” said Lúcia Barreto, the director of … / said supporter Janet Ruiz / said another resident, a
# 63-year-old man named Gareth Lloyd / said the CEO
INVERTED_RE = re.compile(
    rf"[\s,]*(?:{VERBS})\s+(?:(?:another|a|an|one)\s+[a-z][\w\s\-]{{0,40}}?,\s+(?:an?\s+)?"
    rf"[\w\s\-]{{0,40}}?\b(?:named|called)\s+|(?:[a-z][\w\-]+\s+){{0,3}}?)?(?P<the>the\s+)?{SUBJECT}"
)
# “…” of millions of people, Donnelly said: more words after the quotation, then the attribution.
LATER_RE = re.compile(
    rf"[^“”\"\x1f.!?]{{1,80}}?,\s*(?P<the>the\s+)?{SUBJECT}{GAP}(?P<verb>{VERBS})\b(?=\s*[.,]|\s*$)"
)
# “…,” according to Okafor / according to the mayor, Vitali Klitschko
ACCORDING_RE = re.compile(rf"[\s,]*according\s+to\s+(?:the\s+[^,]{{1,80}},\s+)?(?P<the>the\s+)?{SUBJECT}")
SENTENCE_SUBJECT_RE = re.compile(
    rf"\s*(?:(?:But|And|Yet|So|However|Meanwhile|Still|Then|Now|Later|Earlier)\s*,?\s+)?{SUBJECT}"
    rf"(?:\s*,\s*(?:[^,“”\"\x1f]{{0,80}}?\s)??(?P<appositive_name>{PROPER_PHRASE})\s*(?=,))?"
    rf"(?:\s*\([A-Z][A-Z0-9&]{{1,9}}\))?"
    r"(?=\s*,|\s+(?P<next>[a-z]+))"
)
# The verb after a sentence's subject (past its apposition): "Oduya praised", "Miriam Oduya, …, has accepted".
VERB_AFTER_SUBJECT_RE = re.compile(
    r"(?:\s*,[^,“”\"\x1f]{1,120}(?=,))?\s*,?\s+(?:also\s+|has\s+|had\s+|have\s+)?(?P<word>[a-z]+)"
)
NOT_ACTING = frozenset({"who", "which", "that", "and", "to", "of", "in", "on", "at", "for", "with"})
TRAILING_NAME_RE = re.compile(rf"{PROPER_PHRASE}$")
# After a new full name at the start of a sentence, a verb that makes it the subject: "Maria Okafor runs".
VERB_LIKE_RE = re.compile(r"(?:has|had|have|is|was|will|would|could|can|did|does|also|who|\w+ed|\w+[^s]s)")
SPACE_RE = re.compile(r"\s*")
RELATIVE_BEFORE_RE = re.compile(
    r",\s+(?:who|whose)\b"
)  # "Maisie, who reads with her grandmother, Jean, said"
IT_AFTER_RE = re.compile(r"\s+(?:that\s+)?(?:it|its)\b")
NAMED_BEFORE_RE = re.compile(r"\b(?:named|called)\s+$")
VERBS_BEFORE = 3  # how many speech verbs back an unattributed quotation looks for its speaker
ENDS_WITH_CONJUNCTION_RE = re.compile(r"(?:,|\band|\bbut|\bor|\bthen)\s*$")
