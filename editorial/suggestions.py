"""Countries and people the text names, offered to editors and taggers for one-click acceptance.

The detection is the importer's own (``newstext.analyse_text``): the same rules that
tag imported documents read the article being edited, so the suggestions match
what an import would have tagged.
"""

import logging
from dataclasses import dataclass, field

from articles import body as article_body
from articles.models import Article, Country
from newstext import Mention, analyse_text, normalise_name
from people.models import Person

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Suggestions:
    countries: list[Country] = field(default_factory=list)  # detected, not yet tagged
    people: list[Person] = field(default_factory=list)  # detected, known, not yet linked
    new_people: list[Mention] = field(default_factory=list)  # detected, not in the database yet

    def __bool__(self) -> bool:
        return bool(self.countries or self.people or self.new_people)


def detect(*, headline: str, standfirst: str, body: str, authors: list[str]) -> tuple[tuple[str, ...], tuple]:
    """Country codes and people (Mentions) named in the text, by the importer's rules."""
    analysis = analyse_text(
        headline=headline, standfirst=standfirst, paragraphs=article_body.paragraphs(body), authors=authors
    )
    return analysis.countries, analysis.people


def suggest_for(article: Article, *, countries=None, people=None) -> Suggestions:
    """What the text of ``article`` names that its tags and people do not have yet.

    ``countries`` and ``people`` are the article's own, when the caller has them already (the
    form reads them for its fields); otherwise they are read here.
    """
    try:
        codes, mentions = detect(
            headline=article.headline,
            standfirst=article.standfirst,
            body=article.body_text,
            authors=[author.name for author in article.authors.all()],
        )
    except Exception:
        # A suggestion is a convenience: text the detector cannot read must not break the form.
        logger.exception("Could not detect countries and people in article %s", article.pk)
        return Suggestions()
    tagged = {c.code for c in (article.countries.all() if countries is None else countries)}
    linked = {p.pk for p in (article.people.all() if people is None else people)}
    suggested = list(Country.objects.filter(code__in=set(codes) - tagged).order_by("name"))
    by_name = {
        person.name_key: person
        for person in Person.objects.filter(name_key__in=[normalise_name(m.name) for m in mentions])
    }
    known: list[Person] = []
    new_people: list[Mention] = []
    for mention in mentions:
        person = by_name.get(normalise_name(mention.name))
        if person is None:
            new_people.append(mention)
        elif person.pk not in linked:
            known.append(person)
    return Suggestions(countries=suggested, people=known, new_people=new_people)
