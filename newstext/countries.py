"""Which countries a story is about, as ISO 3166-1 alpha-2 codes.

The rule: a country is tagged when it is named in the headline or standfirst,
or at least twice in the body. It counts as named by its name ("Belarus",
"Russian Federation"), its demonym ("Belarusian", "Belarusians") or its capital
("Minsk"). So a passing mention (Norway asked for launchers, once) is not
tagged, and a country never named never is.

Two kinds of mention do not count:

* a name inside a hyphenated compound: "US-based thinktank", "UK-led grouping",
  "pro-Russia part of society". The country qualifies another noun there
  rather than placing the story in it. (A hyphenated country name such as
  "Guinea-Bissau" is matched whole and does count.)
* a name inside a person's name found in the same document ("Michael Jordan").

The names come from maintained data: pycountry for the codes and the ISO
names, countryinfo for demonyms, capitals and alternative spellings, with a
small commented table (``_EXTRA_FORMS``) for well-known forms the data lacks
("UK", "Britain", "US", "Kiev"). A form two countries claim goes to the name
over the demonym, then to the more populous country ("American" is the United
States, not the Northern Mariana Islands). Capitals count only for places of
at least 100,000 people, and one-word alternative spellings only when they
are ISO names (endonyms such as "Island" or "Mann" are English words).

The lookup is built once (it is immutable) into one regular expression shaped
as a trie, so a body is scanned in one pass. Matching is case-sensitive (the
names are proper nouns: "Turkey" yes, "turkey" no) and on word boundaries.
"""

import functools
import re
from collections import Counter
from collections.abc import Iterable

import pycountry
from countryinfo import CountryInfo

from .text import trie_pattern

__all__ = ["country_of", "country_words", "find_countries", "tag_countries"]

# Capitals of places smaller than this are left out: they are mostly territories
# whose capitals share a name with common places and people (Hamilton, Stanley,
# Douglas, Plymouth, Victoria, Jamestown, Kingston on Norfolk Island).
_MIN_CAPITAL_POPULATION = 100_000

# Well-known forms the data lacks. None means "not a country" and stops a
# shorter name inside it from matching ("Mexico" in "New Mexico").
_EXTRA_FORMS: dict[str, str | None] = {
    "UK": "GB",
    "U.K.": "GB",
    "Britain": "GB",
    "England": "GB",
    "Scotland": "GB",  # countryinfo has Scotland without an ISO code
    "Scottish": "GB",
    "Northern Ireland": "GB",  # else "Ireland" would match inside it
    "Northern Irish": "GB",
    "US": "US",
    "U.S.": "US",
    "USA": "US",
    "America": "US",
    "Washington": "US",  # countryinfo has "Washington D.C."
    "UAE": "AE",
    "DRC": "CD",
    "Kiev": "UA",  # the data has the current spelling, Kyiv
    "Vatican": "VA",
    "New Mexico": None,
    "New Jersey": None,
    "New Guinea": None,
    "Latin America": None,
    "Latin American": None,
    "South America": None,
    "South American": None,
    "North America": None,
    "North American": None,
    "Central America": None,
    "Central American": None,
    "Indian Ocean": None,
}
# Latin letters only: the data's Cyrillic, Arabic and CJK spellings never occur in English copy.
_LATIN_RE = re.compile(r"[A-Za-z\u00c0-\u024f\u1e00-\u1eff .'’\-]+")
_PARENTHESIS_RE = re.compile(r"\s*\([^)]*\)")


def _clean(form: str) -> str:
    form = _PARENTHESIS_RE.sub("", form).strip()
    if form[:4] in ("The ", "the "):
        form = form[4:]
    return form


def _usable(form: str) -> bool:
    return (
        len(form) >= 3
        and "," not in form
        and not form.isupper()  # ISO codes and abbreviations; the useful ones are in _EXTRA_FORMS
        and _LATIN_RE.fullmatch(form) is not None
    )


def _plural(demonym: str) -> str | None:
    if demonym.endswith(("s", "sh", "ch", "ese", "i")):
        return None
    return demonym + "s"


@functools.lru_cache(maxsize=1)
def _lookup() -> tuple[dict[str, str | None], re.Pattern[str]]:
    """Surface form -> alpha-2 code, and the one regex that finds the forms."""
    iso_names: dict[str, set[str]] = {}
    for country in pycountry.countries:
        iso_names[country.alpha_2] = {country.name, getattr(country, "common_name", country.name)}

    # form -> (rank, -population, code); the lowest wins when two countries claim a form
    claims: dict[str, tuple[int, int, str]] = {}

    def claim(form: str, rank: int, population: int, code: str) -> None:
        form = _clean(form)
        if _usable(form):
            candidate = (rank, -population, code)
            if form not in claims or candidate < claims[form]:
                claims[form] = candidate

    for code, names in iso_names.items():
        for name in names:
            claim(name, 0, 0, code)
    for info in CountryInfo.all().values():
        code = (info.get("ISO") or {}).get("alpha2") or ""
        if code not in iso_names:
            continue
        population = info.get("population") or 0
        claim(info["name"], 0, population, code)
        for spelling in info.get("altSpellings") or ():
            spelling = _clean(spelling)
            # One-word alternative spellings are mostly endonyms that double as English
            # words or surnames ("Island" for Iceland, "Mann" for the Isle of Man).
            if " " in spelling or spelling in iso_names[code]:
                claim(spelling, 1, population, code)
        capitals = info.get("capital") or ()
        if population >= _MIN_CAPITAL_POPULATION:
            for capital in [capitals] if isinstance(capitals, str) else capitals:
                for part in capital.split("/"):
                    claim(part, 2, population, code)
        for demonym in re.split(r"[,/]", info.get("demonym") or ""):
            claim(demonym, 3, population, code)
            plural = _plural(demonym.strip())
            if plural:
                claim(plural, 3, population, code)

    forms: dict[str, str | None] = {form: code for form, (_, _, code) in claims.items()}
    forms.update(_EXTRA_FORMS)
    # No look-behind in the pattern: it would stop re from skipping ahead to the possible
    # first letters, which makes the scan about three times slower. find_countries checks it.
    pattern = re.compile(r"(?:" + trie_pattern(forms) + r")(?![\w]|-\w)")
    return forms, pattern


@functools.lru_cache(maxsize=1)
def country_words() -> frozenset[str]:
    """The one-word country forms: "Belarus", "Belarusian", "Belarusians", "Minsk", "UK"…"""
    forms, _ = _lookup()
    return frozenset(form for form, code in forms.items() if code and " " not in form)


def country_of(name: str) -> str | None:
    """The code of the country ``name`` names as a whole ("Washington" -> "US"), else None."""
    forms, _ = _lookup()
    return forms.get(name)


def find_countries(text: str) -> Counter[str]:
    """How many times each country is named in ``text``."""
    forms, pattern = _lookup()
    counts: Counter[str] = Counter()
    for match in pattern.finditer(text):
        start = match.start()
        if start and (text[start - 1].isalnum() or text[start - 1] in "-_"):
            continue  # inside a word or a hyphenated compound ("pro-Russia")
        code = forms.get(match.group())
        if code:
            counts[code] += 1
    return counts


def tag_countries(
    *, headline: str, standfirst: str, paragraphs: Iterable[str], people: Iterable[str] = ()
) -> tuple[str, ...]:
    """The sorted codes of the countries central to the story (see the module docstring)."""
    top = f"{headline}\n{standfirst}"
    body = "\n\n".join(paragraphs)
    top_counts, body_counts = find_countries(top), find_countries(body)
    for name in people:
        inside = find_countries(name)
        for code, times in inside.items():
            top_counts[code] -= times * top.count(name)
            body_counts[code] -= times * body.count(name)
    central = {code for code, times in top_counts.items() if times >= 1}
    central |= {code for code, times in body_counts.items() if times >= 2}
    return tuple(sorted(central))
