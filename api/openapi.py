"""The OpenAPI 3.1 description of the JSON API, written by hand.

The schemas are strict (every field required, no others allowed), and the
tests validate real responses against them, so this document cannot drift
from what the views return. Paths come from the URL configuration.
"""

from django.conf import settings
from django.urls import reverse

from articles.bodyjson import BODY_SCHEMA
from articles.bodyjson import SCHEMAS as BODY_SCHEMAS
from articles.pagination import COUNT_BOUND
from newstext import DATE_RANGE
from people.models import Person

from .limits import DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, MAX_PARAMETER_LENGTH

# The lists /api/ names, by URL name.
INDEX_ENDPOINTS = ("articles", "topics", "countries", "people", "quotes", "openapi")
# The days newstext.EARLIEST to LATEST (1600-01-01 to 2200-12-31) written YYYY-MM-DD; a test holds the
# two together.
DAY_PATTERN = r"^(1[6-9][0-9]{2}|2[01][0-9]{2}|2200)-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"
# What the views refuse in any text parameter: a NUL character, or more than MAX_PARAMETER_LENGTH.
TEXT = {"type": "string", "maxLength": MAX_PARAMETER_LENGTH, "pattern": "^[^\\u0000]*$"}
# Whether a name in the text is a person or an organisation.
KIND = {"type": "string", "enum": list(Person.Kind.values)}


def ref(name: str) -> dict:
    return {"$ref": f"#/components/schemas/{name}"}


def obj(properties: dict, *, description: str = "") -> dict:
    schema = {
        "type": "object",
        "properties": properties,
        "required": list(properties),
        "additionalProperties": False,
    }
    if description:
        schema["description"] = description
    return schema


def string(description: str = "", **extra) -> dict:
    return {"type": "string", **({"description": description} if description else {}), **extra}


URL = string("Absolute URL of the page on the site.", format="uri")
TIMESTAMP = string("ISO 8601 with the offset of the newsroom's time zone.", format="date-time")
COUNT = {"type": "integer", "minimum": 0}

BYLINE = obj({"name": string(), "location": string(), "role": string()})
SECTION = {
    "oneOf": [
        obj(
            {
                "name": string(),
                "slug": string("Use it as the `section` filter."),
                "url": URL,
                "parent": {"type": ["string", "null"], "description": "The parent section's slug."},
            }
        ),
        {"type": "null"},
    ],
    "description": "The section the article belongs to; null when it has none.",
}
PIXELS = {"type": "integer", "minimum": 1}
IMAGE = obj(
    {
        "alt": string("What the picture shows, for readers who cannot see it."),
        "caption": string(),
        "credit": string("As printed, e.g. “Photograph: Ana Lima/Reuters”."),
        "width": PIXELS,
        "height": PIXELS,
        "src": string(
            "A JPEG (PNG with transparency) about 960 pixels wide, for a plain <img>.", format="uri"
        ),
        "renditions": {
            "type": "array",
            "description": "The whole picture in several widths, narrowest first, in WebP and JPEG/PNG. "
            "Empty for a moment after upload, while they are made (then use src).",
            "items": obj(
                {
                    "url": string(format="uri"),
                    "width": PIXELS,
                    "format": {"type": "string", "enum": ["webp", "jpeg", "png"]},
                }
            ),
        },
    },
    description="A picture of the image library with its renditions.",
)
NULLABLE_IMAGE = {"oneOf": [{"$ref": "#/components/schemas/Image"}, {"type": "null"}]}

SCHEMAS = {
    "Error": obj({"error": string("What was wrong with the request.")}),
    "Byline": BYLINE,
    "Image": IMAGE,
    "ArticleSummary": obj(
        {
            "slug": string(),
            "headline": string(),
            "standfirst": string(),
            "url": URL,
            "published_at": TIMESTAMP,
            "publication": string("Where it first appeared, e.g. “The Guardian”."),
            "section": SECTION,
            "lead_image": NULLABLE_IMAGE,
            "authors": {
                "type": "array",
                "items": obj(
                    {
                        "name": string(),
                        "slug": string("Use it as the `author` filter."),
                        "location": string(),
                        "role": string(),
                    }
                ),
            },
            "topics": {"type": "array", "items": string()},
            "countries": {"type": "array", "items": string("ISO 3166-1 alpha-2 code.")},
        }
    ),
    "Article": obj(
        {
            "slug": string(),
            "headline": string(),
            "standfirst": string(),
            "paragraph_count": COUNT,
            "authors": {"type": "array", "items": ref("Byline")},
            "publication": string(),
            "lead_image": NULLABLE_IMAGE,
            "related": {
                "type": "array",
                "items": obj(
                    {
                        "title": string(),
                        "standfirst": string(),
                        "authors": {"type": "array", "items": ref("Byline")},
                        "published_at": {
                            "type": ["string", "null"],
                            "format": "date-time",
                            "description": "ISO 8601 with the offset of the newsroom's time zone.",
                        },
                        "article": {
                            "type": ["string", "null"],
                            "description": "Slug of the published article on this site it links to.",
                        },
                        "image": {
                            **NULLABLE_IMAGE,
                            "description": "The linked article's lead picture, else the link's own.",
                        },
                    }
                ),
            },
            "people": {
                "type": "array",
                "items": obj({"name": string(), "description": string(), "kind": KIND}),
            },
            "quotes": {"type": "array", "items": obj({"speaker": string(), "text": string()})},
            "topics": {"type": "array", "items": string()},
            "countries": {"type": "array", "items": string("ISO 3166-1 alpha-2 code.")},
            "url": URL,
            "published_at": TIMESTAMP,
            "section": SECTION,
            "corrections": {
                "type": "array",
                "description": "Corrections and clarifications, oldest first.",
                "items": obj(
                    {
                        "kind": {"type": "string", "enum": ["correction", "clarification"]},
                        "text": string(),
                        "at": TIMESTAMP,
                        "shown_above": {
                            "type": "boolean",
                            "description": "A clarification that changes the story: shown above it.",
                        },
                    }
                ),
            },
            "updated_at": TIMESTAMP,
            "body": BODY_SCHEMA,
        },
        description="The fields of the import report (see the import command), plus url, published_at, "
        "updated_at, section, corrections and the body's blocks.",
    ),
    **BODY_SCHEMAS,
    "Topic": obj({"name": string(), "slug": string(), "url": URL, "article_count": COUNT}),
    "Country": obj(
        {
            "code": string("ISO 3166-1 alpha-2 code."),
            "name": string(),
            "slug": string(),
            "url": URL,
            "article_count": COUNT,
        }
    ),
    "Person": obj(
        {
            "name": string(),
            "slug": string(),
            "kind": KIND,
            "description": string(),
            "aliases": {"type": "array", "items": string()},
            "url": URL,
            "article_count": COUNT,
            "quote_count": COUNT,
        }
    ),
    "Quote": obj(
        {
            "text": string(),
            "partial": {"type": "boolean", "description": "A few words quoted inside a sentence."},
            "speaker": obj({"name": string(), "slug": string(), "url": URL}),
            "article": obj({"slug": string(), "headline": string(), "url": URL, "published_at": TIMESTAMP}),
        }
    ),
}


def page_of(item: str) -> dict:
    return obj(
        {
            "total": {
                **COUNT,
                "description": f"Results, counted up to {COUNT_BOUND}: beyond, this is {COUNT_BOUND} "
                "and `total_is_exact` is false (the last page, once read, tells the exact total).",
            },
            "total_is_exact": {
                "type": "boolean",
                "description": "False when there are more than `total`: read on until a page is short.",
            },
            "pages": {**COUNT, "description": "Pages of `total` results (at least so many when not exact)."},
            "current_page": {"type": "integer", "minimum": 1},
            "page_size": {"type": "integer", "minimum": 1, "maximum": MAX_PAGE_SIZE},
            "results": {"type": "array", "items": ref(item)},
        }
    )


SCHEMAS["Index"] = obj(dict.fromkeys(INDEX_ENDPOINTS, URL))

for _name in ("ArticleSummary", "Topic", "Country", "Person", "Quote"):
    SCHEMAS[f"{_name}Page"] = page_of(_name)


def query(name: str, description: str, **schema) -> dict:
    return {"name": name, "in": "query", "required": False, "description": description, "schema": schema}


def text_query(name: str, description: str) -> dict:
    return query(name, description, **TEXT)


def filter_query(name: str, description: str) -> dict:
    return text_query(name, f"{description} Naming nothing that a published article carries matches nothing.")


def day_query(name: str, description: str) -> dict:
    return query(
        name, f"{description} A day from {DATE_RANGE}.", type="string", format="date", pattern=DAY_PATTERN
    )


PAGE_PARAMETERS = [
    query("page", "Page number, from 1.", type="integer", minimum=1, default=1),
    query(
        "page-size",
        "Results a page.",
        type="integer",
        minimum=1,
        maximum=MAX_PAGE_SIZE,
        default=DEFAULT_PAGE_SIZE,
    ),
]


def json_response(description: str, schema: dict) -> dict:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


BAD_REQUEST = json_response(
    "A parameter is malformed or out of range (a number or date given empty is malformed).", ref("Error")
)
PAST_THE_LAST_PAGE = json_response("The page asked for is past the last page.", ref("Error"))


def list_operation(operation_id: str, summary: str, item: str, parameters: list) -> dict:
    return {
        "get": {
            "operationId": operation_id,
            "summary": summary,
            "parameters": [*parameters, *PAGE_PARAMETERS],
            "responses": {
                "200": json_response("A page of results.", ref(f"{item}Page")),
                "400": BAD_REQUEST,
                "404": PAST_THE_LAST_PAGE,
            },
        }
    }


def openapi_document() -> dict:
    articles = reverse("api:articles")
    return {
        "openapi": "3.1.0",
        "info": {
            "title": f"{settings.NEWSROOM_NAME} API",
            "version": "1.0.0",
            "summary": "Read-only access to the published articles, their tags, people and quotes.",
            "description": (
                "Only published articles whose publication time has come are ever counted or "
                "returned. Lists are paginated. Bad parameters answer 400 with an `error` message; "
                "a filter that names nothing published gives an empty page; a page past the last, "
                "and any address under the API that is not an endpoint, answer 404 with an `error`."
            ),
            "license": {"name": "BSD-3-Clause", "identifier": "BSD-3-Clause"},
        },
        "paths": {
            reverse("api:index"): {
                "get": {
                    "operationId": "getIndex",
                    "summary": "The addresses of the lists and of this document.",
                    "responses": {"200": json_response("The endpoints by name.", ref("Index"))},
                }
            },
            articles: list_operation(
                "listArticles",
                "Published articles, newest first, or best match first when `q` is given.",
                "ArticleSummary",
                [
                    text_query(
                        "q", "Words to search for: “quoted phrases”, `or`, and `-word` to leave a word out."
                    ),
                    filter_query("topic", "A topic's slug."),
                    filter_query("country", "An ISO 3166-1 alpha-2 code (e.g. `UA`) or a country's slug."),
                    filter_query("author", "An author's slug."),
                    filter_query("section", "A section's slug: its articles and those of its subsections."),
                    day_query("from-date", "Published on or after this day, in the newsroom's time zone."),
                    day_query(
                        "to-date",
                        "Published on or before this day, in the newsroom's time zone. "
                        "Before `from-date`, it matches nothing.",
                    ),
                ],
            ),
            f"{articles}{{slug}}/": {
                "get": {
                    "operationId": "getArticle",
                    "summary": "One published article.",
                    "parameters": [
                        {"name": "slug", "in": "path", "required": True, "schema": {"type": "string"}}
                    ],
                    "responses": {
                        "200": json_response("The article.", ref("Article")),
                        "404": json_response("No published article has this slug.", ref("Error")),
                    },
                }
            },
            reverse("api:topics"): list_operation(
                "listTopics", "Topics of published articles, by name, with counts.", "Topic", []
            ),
            reverse("api:countries"): list_operation(
                "listCountries", "Countries of published articles, by name, with counts.", "Country", []
            ),
            reverse("api:people"): list_operation(
                "listPeople", "People named or quoted in published articles, by name.", "Person", []
            ),
            reverse("api:quotes"): list_operation(
                "listQuotes",
                "Quotes from published articles, newest article first.",
                "Quote",
                [
                    text_query("q", "Words the quote contains."),
                    filter_query(
                        "speaker", "A name, or part of one, or the speaker's slug (see the people list)."
                    ),
                ],
            ),
            reverse("api:openapi"): {
                "get": {
                    "operationId": "getOpenApi",
                    "summary": "This document.",
                    "responses": {
                        "200": json_response("The OpenAPI description of the API.", {"type": "object"})
                    },
                }
            },
        },
        "components": {"schemas": SCHEMAS},
    }
