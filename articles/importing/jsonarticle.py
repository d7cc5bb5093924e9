"""Import one article from a ``.json`` file in the shape of ``GET /api/articles/<slug>/``.

What the API gives is what the import takes (``export_articles`` writes such files): the body's
blocks are checked against the same block schemas as the OpenAPI document
(``articles.bodyjson``), pictures are files named by ``src`` relative to the JSON file, and rich
text is sanitised, each change reported. Everything is checked before anything is written; a
problem is reported with its JSON path (``$.body[3].image.src``) and nothing is stored. The
rest of the article (byline, people, quotes, related links, tags) is stored by the archive
importer's own ``store``, so both formats give the same rows, and both go through the one import
path (``load.import_prepared``): the same rights, conflict and ``--overwrite`` rule, revisions and
alt-text check. The file's section (by slug; an unknown one is an error naming it) is a new
article's, or one's with none, unless the importer names one: a section editors gave the article
stays. Its corrections are added to the article's, never edited (``corrections``).
"""

import hashlib
import json
from datetime import datetime
from pathlib import Path, PurePath
from types import SimpleNamespace

from jsonschema import Draft202012Validator
from referencing import Registry
from referencing.jsonschema import DRAFT202012

from articles import embeds
from articles.body import paragraph_count
from articles.bodyjson import BLOCK_SCHEMAS, BLOCK_TYPES, IMAGE_SCHEMA, blocks_from_data
from articles.bodytext import refresh_body_text
from articles.models import Article, BodyBlock, Section
from articles.sanitise import sanitise_html
from images.library import add_image
from newstext import Byline, Document, Mention, QuoteData, RelatedItem, normalise_name
from people.models import Person

from .corrections import CORRECTIONS_SCHEMA, add_corrections
from .corrections import problems as correction_problems
from .formats import JSON_SUFFIX
from .lookups import UnknownSection, section_named
from .results import ImportResult, Prepared, Status

_STRING, _ARRAY = {"type": "string"}, {"type": "array"}
_BYLINE = {
    "type": "object",
    "properties": {"name": _STRING, "location": _STRING, "role": _STRING},
    "required": ["name"],
}
# The fields of the API's article the import reads, as the OpenAPI document describes them; the
# others (url, counts, pictures of other issues) may be present and are not read.
ARTICLE_SCHEMA = {
    "type": "object",
    "required": ["slug", "headline", "standfirst", "body"],
    "properties": {
        "slug": {"type": "string", "minLength": 1, "maxLength": 200},
        "headline": {"type": "string", "minLength": 1, "maxLength": 300},
        "standfirst": _STRING,
        "publication": _STRING,
        "published_at": {"type": ["string", "null"], "format": "date-time"},
        "authors": {**_ARRAY, "items": _BYLINE},
        "topics": {**_ARRAY, "items": _STRING},
        "countries": {**_ARRAY, "items": {"type": "string", "pattern": "^[A-Z]{2}$"}},
        "people": {
            **_ARRAY,
            "items": {
                "type": "object",
                "required": ["name"],
                "properties": {
                    "name": _STRING,
                    "description": _STRING,
                    "kind": {"enum": ["person", "organisation"]},
                },
            },
        },
        "quotes": {
            **_ARRAY,
            "items": {
                "type": "object",
                "required": ["speaker", "text"],
                "properties": {"speaker": _STRING, "text": _STRING},
            },
        },
        "related": {
            **_ARRAY,
            "items": {
                "type": "object",
                "required": ["title", "published_at"],
                "properties": {
                    "image": {
                        "oneOf": [{"$ref": "urn:newsroom:blocks#/components/schemas/Image"}, {"type": "null"}]
                    },
                    "title": _STRING,
                    "standfirst": _STRING,
                    "authors": {**_ARRAY, "items": _BYLINE},
                    "published_at": {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$"},
                },
            },
        },
        "lead_image": {
            "oneOf": [{"$ref": "urn:newsroom:blocks#/components/schemas/Image"}, {"type": "null"}]
        },
        "section": {
            "oneOf": [
                {"type": "object", "required": ["slug"], "properties": {"slug": {"type": "string"}}},
                {"type": "null"},
            ]
        },
        "corrections": CORRECTIONS_SCHEMA,
        "body": {
            **_ARRAY,
            "items": {
                "type": "object",
                "required": ["type"],
                "properties": {"type": {"enum": list(BLOCK_TYPES)}},
            },
        },
    },
}
_REGISTRY = Registry().with_resource(
    "urn:newsroom:blocks",
    DRAFT202012.create_resource({"components": {"schemas": {"Image": IMAGE_SCHEMA, **BLOCK_SCHEMAS}}}),
)


class Invalid(Exception):
    def __init__(self, problems: list[str]):
        super().__init__("; ".join(problems))
        self.problems = problems


def is_json_article(path: str) -> bool:
    return PurePath(path).suffix.lower() == JSON_SUFFIX


def _problems(validator: Draft202012Validator, data, base: str) -> list[str]:
    found = sorted(validator.iter_errors(data), key=lambda e: list(map(str, e.absolute_path)))
    return [f"{base}{e.json_path[1:]}: {e.message}" for e in found[:5]]


def validate(data) -> list[str]:
    """Problems with ``data`` as an article, each with its JSON path; [] when it is one."""
    problems = _problems(Draft202012Validator(ARTICLE_SCHEMA, registry=_REGISTRY), data, "$")
    if problems:
        return problems
    for index, block in enumerate(data["body"]):
        name = BLOCK_TYPES[block["type"]]
        schema = {"$ref": f"urn:newsroom:blocks#/components/schemas/{name}"}
        validator = Draft202012Validator(schema, registry=_REGISTRY)
        problems += _problems(validator, block, f"$.body[{index}]")
        if block["type"] == "embed" and embeds.match(block.get("url", "")) is None:
            problems.append(f"$.body[{index}].url: not an address of {embeds.supported_providers()}")
    return problems + correction_problems(data.get("corrections", []))


def pictures_of(data: dict) -> dict[str, dict]:
    """The article's picture objects by JSON path: lead picture, related links' and the body's."""
    found = {"$.lead_image": data.get("lead_image")}
    found |= {f"$.related[{i}].image": item.get("image") for i, item in enumerate(data.get("related", []))}
    found |= {
        f"$.body[{i}].image": b.get("image") for i, b in enumerate(data["body"]) if b["type"] == "image"
    }
    return {path: image for path, image in found.items() if image}


def picture_files(data: dict, *, folder: Path) -> dict[str, Path]:
    """The file of each picture, by the JSON path of its object, checked to exist inside ``folder``."""
    files, problems = {}, []
    for path, image in pictures_of(data).items():
        src = image["src"]
        file = (folder / src).resolve()
        if "://" in src or not file.is_relative_to(folder.resolve()):
            problems.append(f"{path}.src: “{src}” must be a file beside the JSON file")
        elif not file.is_file():
            problems.append(f"{path}.src: no file “{src}” beside the JSON file")
        else:
            files[path] = file
    if problems:
        raise Invalid(problems)
    return files


def as_document(data: dict) -> Document:
    """The article's byline, people, quotes, related links and tags as the archive importer stores them."""
    people = [
        Mention(p["name"], p.get("description", ""), p.get("kind", "person")) for p in data.get("people", [])
    ]
    known = {normalise_name(p.name) for p in people}
    for quote in data.get("quotes", []):
        if normalise_name(quote["speaker"]) not in known:
            known.add(normalise_name(quote["speaker"]))
            people.append(Mention(quote["speaker"]))
    bylines = lambda items: tuple(Byline(a["name"], a.get("location", ""), a.get("role", "")) for a in items)  # noqa: E731
    return Document(
        headline=data["headline"],
        standfirst=data["standfirst"],
        paragraphs=(),
        authors=bylines(data.get("authors", [])),
        publication=data.get("publication", ""),
        related=tuple(
            RelatedItem(
                title=item["title"],
                standfirst=item.get("standfirst", ""),
                authors=bylines(item.get("authors", [])),
                published_at=datetime.fromisoformat(item["published_at"]),
                line=0,
            )
            for item in data.get("related", [])
        ),
        people=tuple(people),
        quotes=tuple(QuoteData(q["speaker"], q["text"], 0) for q in data.get("quotes", [])),
        countries=tuple(sorted(data.get("countries", []))),
        topics=tuple(data.get("topics", [])),
    )


def read_json_article(data: bytes, *, path: str, max_bytes: int, section: Section | None):
    """A JSON article, read and checked (pictures, section, sanitised markup); an error result when
    it is not one. ``section`` (the importer's choice) wins over the file's own, which a new
    article (or one with none) is put in."""
    error = lambda message: ImportResult(path=path, status=Status.ERROR, error=f"{path}: {message}")  # noqa: E731
    if len(data) > max_bytes:
        return error(f"larger than {max_bytes} bytes")
    try:
        article_data = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as problem:
        return error(f"$: not a JSON document ({problem})")
    problems = validate(article_data)
    if problems:
        return error("; ".join(problems))
    try:
        files = picture_files(article_data, folder=Path(path).parent)
        own = article_data.get("section")
        # The importer's section makes the file's moot: it is looked up only without one.
        own_section = section_of(own["slug"], where="$.section.slug") if own and not section else None
    except Invalid as invalid:
        return error("; ".join(invalid.problems))
    notes = []
    for index, block in enumerate(article_data["body"]):
        if "html" in block and sanitise_html(block["html"]) != block["html"]:
            notes.append(f"$.body[{index}].html: changed by the sanitiser (unsafe or unknown markup removed)")
            block["html"] = sanitise_html(block["html"])
    slug, published_at = article_data["slug"], article_data.get("published_at")
    texts = [SimpleNamespace(kind=b["type"], html=b.get("html", "")) for b in article_data["body"]]
    return Prepared(
        document=as_document(article_data),
        source_name=PurePath(path).name,
        digest=hashlib.sha256(data).hexdigest(),
        find=lambda: Article.objects.filter(slug=slug).first(),
        section=section,
        own_section=own_section,
        paragraphs=paragraph_count(texts),
        published_at=datetime.fromisoformat(published_at) if published_at else None,
        finish=lambda article: _store(article_data, article=article, files=files),
        notes=tuple(notes),
    )


def section_of(slug: str, *, where: str) -> Section:
    """The section of this slug; an unknown one is a problem naming it and the sections there are."""
    try:
        return section_named(slug)
    except UnknownSection as unknown:
        raise Invalid([f"{where}: {unknown}"]) from None


def _store(data: dict, *, article: Article, files: dict[str, Path]) -> list[str]:
    """What ``store`` does not write: the slug, pictures, body blocks and corrections; notes."""

    def picture(image: dict, path: str):
        content = files[path].read_bytes()
        # An exported picture is named as the library stored it, its content's hash included;
        # the library adds that hash again, so it is taken off to keep the picture's name.
        name = PurePath(files[path].name)
        tag = f"-{hashlib.sha256(content).hexdigest()[:8]}"
        if name.stem.endswith(tag):
            name = name.with_stem(name.stem.removesuffix(tag))
        added = add_image(
            content=content,
            name=str(name),
            alt_text=image["alt"],
            caption=image["caption"],
            credit=image["credit"],
        )
        return added.image

    article.slug = data["slug"]
    lead = data.get("lead_image")
    article.lead_image = picture(lead, "$.lead_image") if lead else None
    caption = lead["caption"] if lead else ""
    library_caption = article.lead_image.caption if article.lead_image else ""
    article.lead_image_caption = "" if caption == library_caption else caption
    article.save(update_fields=["slug", "lead_image", "lead_image_caption"])
    for position, item in enumerate(data.get("related", [])):
        if item.get("image"):
            image = picture(item["image"], f"$.related[{position}].image")
            article.related_links.filter(position=position).update(image=image)

    def image_for(image: dict, index: int):
        return picture(image, f"$.body[{index}].image")

    def person_for(slug: str):
        return Person.objects.filter(slug=slug).first()

    blocks = blocks_from_data(data["body"], image_for=image_for, person_for=person_for)
    for block in blocks:
        block.article = article
    BodyBlock.objects.bulk_create(blocks)
    refresh_body_text([article.pk])
    return add_corrections(article, data.get("corrections", []))
