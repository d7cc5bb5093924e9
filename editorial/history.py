"""Article history with django-reversion: what is recorded, how two states compare, reverting.

Every save of an article in the admin keeps a revision: the article itself, and,
followed from it, its bylines (the authors in order), related links and quotes.
Its topics and countries are recorded by name beside each revision
(``RevisionTags``), so that an old revision still reads, compares and reverts
after the topics it named were merged, renamed or cleaned up.

A "snapshot" is an article's state as labelled text, built the same way from a
revision or from the live rows, so that any two states compare field by field.
"""

import difflib
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import escape, format_html, format_html_join
from django.utils.safestring import SafeString
from reversion import is_registered, register
from reversion.models import Revision, Version

from articles import body
from articles.models import Article, BodyBlock, Byline, Correction, Quote, RelatedLink
from articles.tagkinds import TAG_KINDS
from images.models import Image
from people.models import Author, Person

from .models import RevisionTags
from .tagging import resolve_topic_names

ARTICLE_FOLLOW = ("blocks", "bylines", "related_links", "quotes", "corrections")
# Tags are recorded by name in RevisionTags; the authors through Byline; the search
# vector and the body's stored text are derived from the blocks and rebuilt on the next save.
# The import fingerprint says what the last import stored; reverting does not change that.
ARTICLE_EXCLUDE = (
    *(kind.name for kind in TAG_KINDS),
    "authors",
    "search_vector",
    body.SEARCH_COLUMN,
    body.HEADINGS_COLUMN,
    "import_fingerprint",
)


def register_models() -> None:
    """Register the article and what it owns with django-reversion (idempotent)."""
    if not is_registered(Article):
        register(Article, follow=ARTICLE_FOLLOW, exclude=ARTICLE_EXCLUDE)
    for model in (BodyBlock, Byline, RelatedLink, Quote, Correction):
        if not is_registered(model):
            register(model)


def record_tags(sender, revision: Revision, versions, **kwargs) -> None:
    """Keep the tags of every article in ``revision``, as they are when it is saved."""
    article_type = ContentType.objects.get_for_model(Article)
    article_ids = {int(v.object_id) for v in versions if v.content_type_id == article_type.pk}
    RevisionTags.objects.bulk_create(
        [RevisionTags(revision=revision, article_id=pk, **current_tags(pk)) for pk in sorted(article_ids)]
    )


def current_tags(article_id: int) -> dict[str, list[str]]:
    article = Article(pk=article_id)
    return {kind.name: kind.keys(article) for kind in TAG_KINDS}


# Snapshots --------------------------------------------------------------------------------

ARTICLE_FIELDS = (
    ("headline", "Headline"),
    ("slug", "Slug"),
    ("standfirst", "Standfirst"),
    ("body", "Body"),
    ("status", "Status"),
    ("published_at", "Publication time"),
    ("publication", "Publication"),
    ("lead_image", "Lead picture"),
    ("lead_image_caption", "Lead picture caption"),
)

Snapshot = dict[str, str]


def _when(value) -> str:
    if not value:
        return ""
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return date_format(timezone.localtime(value), "j F Y, H:i")


def _names(model, ids, attribute: str = "name") -> dict:
    ids = {int(i) for i in ids if i is not None}
    found = dict(model._base_manager.filter(pk__in=ids).values_list("pk", attribute))
    return {pk: found.get(pk, f"(deleted {model._meta.verbose_name} #{pk})") for pk in ids}


Rows = Sequence[Mapping[str, Any]]


def _picture_name(image_id) -> str:
    """A library picture as the history names it: its number and what it shows."""
    found = Image.objects.filter(pk=int(image_id)).first()
    return f"#{image_id} {found}" if found else f"(deleted picture #{image_id})"


def block_text(block: Mapping[str, Any], images: Mapping[int, str]) -> str:
    """One body block as an editor reads it in a comparison."""
    kind = block.get("kind")
    if kind == "text":
        return body.PARAGRAPH_BREAK.join(body.html_paragraphs(block.get("html") or ""))
    if kind == "aside":
        paragraphs = body.PARAGRAPH_BREAK.join(body.html_paragraphs(block.get("html") or ""))
        return f"[Fact box: {block.get('title') or ''}]\n{paragraphs}"
    if kind == "image":
        image_id = int(block.get("image_id") or 0)
        image = images.get(image_id) or (f"picture #{image_id}" if image_id else "(no picture)")
        caption = f" — {block['caption']}" if block.get("caption") else ""
        return f"[Image ({block.get('size')}): {image}{caption}]"
    if kind == "quote":
        return f"[Pull quote: {block.get('speaker') or ''}: “{block.get('text') or ''}”]"
    return f"[Embed: {block.get('url') or ''}]"


def _body(blocks: Rows, legacy: str | None) -> str:
    """The body, block by block; a revision from before blocks holds its plain text."""
    if not blocks:
        return body.plain_text(legacy or "")
    from_images = [b["image_id"] for b in blocks if b.get("image_id")]
    images = _names(Image, from_images, "alt_text") if from_images else {}
    ordered = sorted(blocks, key=lambda b: (b.get("position") or 0, b.get("id") or 0))
    return "\n\n".join(block_text(b, images) for b in ordered)


def _snapshot(
    fields: dict,
    *,
    blocks: Rows,
    bylines: Rows,
    links: Rows,
    quotes: Rows,
    people: list,
    tags,
    corrections: Rows = (),
) -> Snapshot:
    snapshot: Snapshot = {}
    for name, label in ARTICLE_FIELDS:
        value = fields.get(name)
        if name == "published_at":
            value = _when(value)
        elif name == "body":
            value = _body(blocks, value)
        elif name == "status":
            value = Article.Status(value).label if value in Article.Status.values else value or ""
        elif name == "lead_image" and value:
            value = _picture_name(value)
        snapshot[label] = str(value or "")

    authors = _names(Author, [b["author_id"] for b in bylines])
    lines = []
    for byline in sorted(bylines, key=lambda b: b["position"]):
        credit = byline["location"] or byline["role"]
        lines.append(authors[int(byline["author_id"])] + (f" ({credit})" if credit else ""))
    snapshot["Authors"] = "\n".join(lines)
    for kind in TAG_KINDS:
        if tags is None:
            snapshot[kind.label] = "(not recorded)"
            continue
        keys = getattr(tags, kind.name)
        names = dict(kind.model.objects.filter(**{f"{kind.key}__in": keys}).values_list(kind.key, "name"))
        snapshot[kind.label] = ", ".join(names.get(key, key) for key in keys)
    snapshot["People"] = ", ".join(sorted(_names(Person, people).values(), key=str.casefold))
    targets = _names(Article, [link["target_id"] for link in links], "headline")
    snapshot["Related links"] = "\n".join(
        link["title"]
        + (f" → {targets[int(link['target_id'])]}" if link["target_id"] else "")
        + (f" <{link['url']}>" if link["url"] else "")
        for link in sorted(links, key=lambda link: link["position"])
    )
    speakers = _names(Person, [q["speaker_id"] for q in quotes])
    snapshot["Quotes"] = "\n".join(
        f"{speakers[int(q['speaker_id'])]}: “{q['text']}”"
        for q in sorted(quotes, key=lambda q: q["position"])
    )
    kinds = dict(Correction.Kind.choices)
    snapshot["Corrections"] = "\n".join(
        f"{kinds.get(c['kind'], c['kind'])} ({_when(c['at'])}): {c['text']}"
        for c in sorted(corrections, key=lambda c: (str(c["at"]), c.get("id") or 0))
    )
    return snapshot


def snapshot_of_article(article: Article) -> Snapshot:
    """The article as it is stored now."""
    fields = {name: getattr(article, name, "") for name, _ in ARTICLE_FIELDS}
    fields["lead_image"] = article.lead_image_id
    tags = RevisionTags(**current_tags(article.pk))
    return _snapshot(
        fields,
        blocks=list(article.blocks.values()),
        bylines=list(article.bylines.values("author_id", "position", "location", "role")),
        links=list(article.related_links.values("title", "url", "target_id", "position")),
        quotes=list(article.quotes.values("speaker_id", "text", "position")),
        people=list(article.people.values_list("pk", flat=True)),
        tags=tags,
        corrections=list(article.corrections.values("id", "kind", "text", "at")),
    )


def snapshot_of_version(version: Version) -> Snapshot:
    """The article as ``version`` (one of its revisions) recorded it."""
    data = version.field_dict
    fields = {name: data.get(name) for name, _ in ARTICLE_FIELDS}
    fields["lead_image"] = data.get("lead_image_id")
    article_id = int(version.object_id)
    related: dict[type, list[dict]] = {BodyBlock: [], Byline: [], RelatedLink: [], Quote: [], Correction: []}
    for other in version.revision.version_set.select_related("content_type"):
        model = other.content_type.model_class()
        if model in related:
            values = other.field_dict
            if int(values.get("article_id") or 0) == article_id:
                related[model].append(values)
    return _snapshot(
        fields,
        blocks=related[BodyBlock],
        bylines=related[Byline],
        links=related[RelatedLink],
        quotes=related[Quote],
        corrections=related[Correction],
        people=data.get("people") or [],
        tags=RevisionTags.objects.filter(revision_id=version.revision_id, article_id=article_id).first(),
    )


@dataclass(frozen=True)
class FieldChange:
    label: str
    old: str
    new: str

    @property
    def diff(self) -> SafeString:
        return word_diff(self.old, self.new)


def compare(old: Snapshot, new: Snapshot) -> list[FieldChange]:
    """The fields that differ between two snapshots, in form order."""
    return [
        FieldChange(label, old.get(label, ""), new[label]) for label in new if old.get(label) != new[label]
    ]


_TOKEN_RE = re.compile(r"\s+|[^\s]+")


def word_diff(old: str, new: str) -> SafeString:
    """``new`` with removed words in <del> and added words in <ins>, everything escaped."""
    a, b = _TOKEN_RE.findall(old), _TOKEN_RE.findall(new)
    parts = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            parts.append(escape("".join(a[i1:i2])))
            continue
        if op in ("delete", "replace"):
            parts.append(format_html("<del>{}</del>", "".join(a[i1:i2])))
        if op in ("insert", "replace"):
            parts.append(format_html("<ins>{}</ins>", "".join(b[j1:j2])))
    return format_html_join("", "{}", ((part,) for part in parts))


# Finding and reverting revisions -----------------------------------------------------------


def versions_of(article_id) -> "list[Version]":
    return Version.objects.get_for_object_reference(Article, article_id).select_related("revision__user")


def version_saved_at(article: Article, updated_at: datetime, *, look_back: int = 50) -> Version | None:
    """The revision that stored ``article`` as it was at ``updated_at``, if one did."""
    # Revisions are stored as JSON, which keeps times to the millisecond.
    wanted = updated_at.replace(microsecond=updated_at.microsecond // 1000 * 1000)
    for version in versions_of(article.pk)[:look_back]:
        if version.field_dict.get("updated_at") == wanted:
            return version
    return None


def restore_tags(article: Article, revision: Revision) -> None:
    """Give ``article`` the tags ``revision`` recorded for it, by name (or code).

    A topic merged or renamed since becomes the topic it turned into; one deleted
    since is created again.
    """
    tags = RevisionTags.objects.filter(revision=revision, article_id=article.pk).first()
    if tags is None:
        return
    for kind in TAG_KINDS:
        keys = getattr(tags, kind.name)
        if kind.controlled:
            kind.manager(article).set(list(kind.model.objects.filter(**{f"{kind.key}__in": keys})))
        else:
            kind.manager(article).set(resolve_topic_names(keys))


def revert_problems(version: Version) -> list[str]:
    """Why the revision of ``version`` cannot be restored as it was, if it cannot."""
    problems = []
    data = version.field_dict
    slug_owner = Article.objects.filter(slug=data.get("slug")).exclude(pk=version.object_id).first()
    if slug_owner:
        problems.append(f"Another article, “{slug_owner}”, now has the address “{data.get('slug')}”.")
    missing: dict[str, set[int]] = {"author": set(), "person": set(), "article": set()}
    wanted: dict[str, set[int]] = {"author": set(), "person": {int(p) for p in data.get("people") or []}}
    wanted["article"] = set()
    for other in version.revision.version_set.select_related("content_type"):
        model = other.content_type.model_class()
        values = other.field_dict
        if model is Byline:
            wanted["author"].add(int(values["author_id"]))
        elif model is Quote:
            wanted["person"].add(int(values["speaker_id"]))
        elif model is RelatedLink and values.get("target_id"):
            wanted["article"].add(int(values["target_id"]))
    for kind, model in (("author", Author), ("person", Person), ("article", Article)):
        existing = set(model.objects.filter(pk__in=wanted[kind]).values_list("pk", flat=True))
        missing[kind] = wanted[kind] - existing
    if missing["author"]:
        problems.append(f"It names {len(missing['author'])} author(s) who have since been deleted.")
    if missing["person"]:
        problems.append(f"It names {len(missing['person'])} person(s) who have since been deleted.")
    if missing["article"]:
        problems.append(f"Its related links point at {len(missing['article'])} article(s) since deleted.")
    return problems
