"""The country vocabulary: every ISO 3166-1 country, named as the newsroom prints it.

pycountry, the maintained ISO data package, gives the list. ISO's names mix
styles ("Russian Federation", "Palestine, State of", "Congo, The Democratic
Republic of the" beside "Iran"); readers see the names newsrooms print, decided
once in ``PRINTED_NAMES``, and the ISO name stays on the country for search.
Kosovo (XK) is a user-assigned code, not in ISO 3166-1, used by the European
Union and by most newsrooms; it is on the list so that stories can be tagged with it.
"""

from dataclasses import dataclass

import pycountry
from django.utils.text import slugify

# The newsroom's style where it differs from pycountry's common name: short forms readers
# know (BBC, Guardian and Reuters usage), no inverted "X, Republic of" forms.
PRINTED_NAMES = {
    "BN": "Brunei",
    "BQ": "Caribbean Netherlands",
    "CC": "Cocos Islands",
    "CD": "DR Congo",
    "CG": "Republic of the Congo",
    "CI": "Ivory Coast",
    "CV": "Cape Verde",
    "FK": "Falkland Islands",
    "FM": "Micronesia",
    "MF": "Saint Martin",
    "MO": "Macau",
    "PS": "Palestine",
    "RU": "Russia",
    "SH": "Saint Helena",
    "SX": "Sint Maarten",
    "TR": "Turkey",
    "VA": "Vatican City",
    "VG": "British Virgin Islands",
    "VI": "US Virgin Islands",
}
# Codes outside ISO 3166-1 that newsrooms tag with: code -> name.
USER_ASSIGNED = {"XK": "Kosovo"}


@dataclass(frozen=True)
class CountryRow:
    code: str
    name: str  # as printed
    iso_name: str  # ISO 3166-1's own name, also searched
    former_name: str  # the name this list gave before the style table (its slug redirects)

    @property
    def slug(self) -> str:
        return slugify(self.name)


def country_rows() -> list[CountryRow]:
    rows = []
    for country in pycountry.countries:
        common = getattr(country, "common_name", None) or country.name
        name = PRINTED_NAMES.get(country.alpha_2, common)
        rows.append(CountryRow(code=country.alpha_2, name=name, iso_name=country.name, former_name=common))
    rows += [CountryRow(code=c, name=n, iso_name=n, former_name=n) for c, n in USER_ASSIGNED.items()]
    return sorted(rows, key=lambda row: row.code)


def sync_countries(Country) -> int:
    """Bring the table (the model class given, a migration's or the app's) to the list: returns rows changed.

    Countries are added, and renamed to the printed style; a renamed country keeps
    its former slug, so that its old address redirects to the new one.
    """
    stored = {country.code: country for country in Country.objects.all()}
    changed = 0
    for row in country_rows():
        country = stored.get(row.code)
        if country is None:
            Country.objects.create(code=row.code, name=row.name, slug=row.slug, iso_name=row.iso_name)
            changed += 1
        elif (country.name, country.iso_name) != (row.name, row.iso_name):
            if country.slug != row.slug:
                country.former_slug = country.slug
            country.name, country.slug, country.iso_name = row.name, row.slug, row.iso_name
            country.save()
            changed += 1
    return changed
