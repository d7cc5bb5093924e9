"""The newsroom's text analysis: archive documents and story text in, frozen dataclasses out.

Pure Python: no Django, no I/O when imported. What other packages may use is
listed in ``__all__`` below; the modules behind it are private. The work is
split over small modules:

========================  ==========================================================
``parse.py``              the document layout: ``parse_document``
``analysis.py``           people, quotes, countries and topics of a text: ``analyse_text``
``records.py``            ``ParseError`` and the frozen dataclasses
``text.py``               bytes to text (``decode_document``), title keys
``dates.py``              related-item dates (``parse_related_date``)
``bylines.py``            byline lines (``parse_byline``)
``publication.py``        the publication line and the mirror suffix
``paragraphs.py``         quotation marks and sentences inside a paragraph
``names.py``              the closed word lists and regex pieces for names
``organisations.py``      organisations named in the body, by their whole name
``descriptions.py``       appositions, titles and descriptors around a name
``entities.py``           the entities being read and the shape of a person's name
``people.py``             people and organisations named in the body, their genders
``resolution.py``         who a subject names: names, pronouns, role nouns
``attributions.py``       the wording of attributions (the patterns)
``quotes.py``             quotations and their speakers
``countries.py``          the countries a story is about
``topics.py``             the subjects a story is about (``SUBJECTS``)
========================  ==========================================================

Each module's docstring states its rules. The layout (see the reference
document in DESIGN.md)::

    headline
    <blank>
    standfirst
    <blank>
    body paragraphs, separated by blank lines
    <one or more blank lines>
    byline
    <blank>
    publication
    [Related Content
     items: "Article image", title, standfirst, <blank>, byline, <blank>, date]

The byline and the publication are the last two non-blank lines before
"Related Content" (or before the end of the file), whatever blank lines
surround them; everything between the standfirst and the byline is body, cut
into paragraphs at blank lines. Both lines are checked (a single short line,
not a sentence) so that a document that lacks them is reported rather than
read with its last paragraphs taken for a byline. Text is kept verbatim:
``<script>`` stays ``<script>``; escaping is the templates' job.

The judgement calls, in short (the modules have the detail):

* Scare quotes: a quotation inside a sentence is somebody's partial quote only
  when that sentence has a speech verb before it whose subject is named
  (``Putin … said he did not want to “absorb” anyone``); otherwise it is a
  scare quote and not recorded (“kamikaze drones”, “combat readiness”).
* Split quotes: ``“…there,” Shraibman said. “And …”`` is one quote, its pieces
  joined by a space; a quote running over paragraphs is one quote, joined by a
  blank line.
* People: full names that look like a person's and that the text treats as
  one (apposition, title or descriptor, age, surname reused, speech verb);
  organisations by their whole name, listed only when quoted. Role nouns
  ("the CEO said", "the commission said") resolve to whom they name; "he" and
  "she" to the latest person the pronoun fits.
* What readers see: one- and two-word partial quotes are kept in the data but
  not presented (``presents_quote``, ``QuoteData.presented``).
* Topics: subjects from a fixed list (``SUBJECTS``), never the people.
* Countries: named in the headline or standfirst, or twice in the body, by
  name, demonym or capital; hyphenated compounds ("US-based") do not count.
* Publication: a glued tail ("The GuardianTramp") is cut when it is a known
  mirror or what is left ends like a masthead; "BuzzFeed News" stays.
"""

from .analysis import Analysis, analyse_text
from .bylines import parse_byline
from .dates import DATE_RANGE, EARLIEST, LATEST, parse_related_date
from .parse import parse_document
from .people import ORGANISATION, PERSON
from .records import (
    MIN_PRESENTED_PARTIAL_WORDS,
    Byline,
    Document,
    Lines,
    Mention,
    ParseError,
    QuoteData,
    RelatedItem,
    presents_quote,
)
from .text import DEFAULT_MAX_BYTES, decode_document, normalise_name, normalise_title
from .topics import SUBJECTS

__all__ = [
    "DATE_RANGE",
    "DEFAULT_MAX_BYTES",
    "EARLIEST",
    "LATEST",
    "Lines",
    "MIN_PRESENTED_PARTIAL_WORDS",
    "ORGANISATION",
    "PERSON",
    "Analysis",
    "Byline",
    "Document",
    "Mention",
    "ParseError",
    "QuoteData",
    "RelatedItem",
    "SUBJECTS",
    "analyse_text",
    "decode_document",
    "normalise_name",
    "normalise_title",
    "parse_byline",
    "parse_document",
    "parse_related_date",
    "presents_quote",
]
