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
from countryinfo import CountryInfo
from countryinfo.exceptions import CountryNotFoundError
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
# Codes outside ISO 3166-1 that newsrooms tag with: code -> (name, region).
USER_ASSIGNED = {"XK": ("Kosovo", "Europe")}
# The continent of a territory countryinfo does not place (Antarctica, Bouvet Island …).
OTHER_REGION = "Antarctica and other territories"


@dataclass(frozen=True)
class CountryRow:
    code: str
    name: str  # as printed
    iso_name: str  # ISO 3166-1's own name, also searched
    former_name: str  # the name this list gave before the style table (its slug redirects)
    region: str  # the continent, for the countries index

    @property
    def slug(self) -> str:
        return slugify(self.name)


def country_rows() -> list[CountryRow]:
    rows = []
    for country in pycountry.countries:
        common = getattr(country, "common_name", None) or country.name
        name = PRINTED_NAMES.get(country.alpha_2, common)
        rows.append(
            CountryRow(
                code=country.alpha_2,
                name=name,
                iso_name=country.name,
                former_name=common,
                region=region_of(country.alpha_2),
            )
        )
    rows += [
        CountryRow(code=code, name=name, iso_name=name, former_name=name, region=region)
        for code, (name, region) in USER_ASSIGNED.items()
    ]
    return sorted(rows, key=lambda row: row.code)


def region_of(code: str) -> str:
    try:
        return CountryInfo(code).region() or OTHER_REGION
    except CountryNotFoundError:
        return OTHER_REGION


def sync_countries(Country) -> int:
    """Bring the table (the model class given, a migration's or the app's) to the list; returns rows changed.

    Countries are added, and renamed to the printed style; a renamed country keeps
    its former slug, so that its old address redirects to the new one.
    """
    stored = {country.code: country for country in Country.objects.all()}
    # A migration's model may predate some of the fields: it is given those it has.
    known = {field.name for field in Country._meta.get_fields()}
    changed = 0
    for row in country_rows():
        country = stored.get(row.code)
        fields = {"name": row.name, "iso_name": row.iso_name, "region": row.region}
        fields = {name: value for name, value in fields.items() if name in known}
        if country is None:
            Country.objects.create(code=row.code, slug=row.slug, **fields)
            changed += 1
        elif any(getattr(country, field) != value for field, value in fields.items()):
            if country.slug != row.slug:
                country.former_slug = country.slug
            country.slug = row.slug
            for field, value in fields.items():
                setattr(country, field, value)
            country.save()
            changed += 1
    return changed
