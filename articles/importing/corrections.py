"""A JSON article's corrections and clarifications: added to the article's, never edited or removed.

Corrections are appended and timed (``articles.models.Correction``): an import adds those of the
file that the article lacks. One the article has already (the same kind at the same second, as
the export writes it) is left as editors keep it; where its words differ from the file's, the
report says so instead of silently replacing either.
"""

from datetime import datetime

from django.utils import timezone

from articles.models import Correction
from newsroom.dates import range_error

CORRECTIONS_SCHEMA = {
    "type": "array",
    "items": {
        "type": "object",
        "required": ["kind", "text", "at"],
        "properties": {
            "kind": {"enum": list(Correction.Kind.values)},
            "text": {"type": "string", "minLength": 1},
            "at": {"type": "string", "format": "date-time"},
            "shown_above": {"type": "boolean"},
        },
    },
}


def correction_time(text: str) -> datetime:
    """A correction's time as the export writes it (ISO 8601); a time without a zone is the newsroom's."""
    value = datetime.fromisoformat(text)
    return value if timezone.is_aware(value) else timezone.make_aware(value)


def problems(items: list[dict]) -> list[str]:
    """Times that are not ISO 8601 or outside the dates the site takes, by JSON path."""
    found = []
    for index, item in enumerate(items):
        try:
            at = correction_time(item["at"])
        except ValueError:
            found.append(f"$.corrections[{index}].at: “{item['at']}” is not an ISO 8601 time")
            continue
        if error := range_error(at, what="the correction's time"):
            found.append(f"$.corrections[{index}].at: {error}")
    return found


def _key(kind: str, at: datetime) -> tuple[str, datetime]:
    return kind, at.replace(microsecond=0)


def add_corrections(article, items: list[dict]) -> list[str]:
    """Add the file's corrections the article lacks; notes for those that read differently in the CMS."""
    stored = {_key(c.kind, c.at): c for c in Correction.objects.filter(article=article)}
    new, notes = [], []
    for index, item in enumerate(items):
        at, above = correction_time(item["at"]), item.get("shown_above", False)
        found = stored.get(_key(item["kind"], at))
        if found is None:
            new.append(
                Correction(article=article, kind=item["kind"], text=item["text"], at=at, changes_story=above)
            )
        elif (found.text, found.changes_story) != (item["text"], above):
            notes.append(
                f"$.corrections[{index}]: the article's {found.get_kind_display().lower()} of {item['at']} "
                "reads differently in the CMS: kept as editors left it, the file's version not added"
            )
    Correction.objects.bulk_create(new)
    return notes
