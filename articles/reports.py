"""The JSON shape of an article: the one builder, used by the import report and the API.

The fields follow the import command's contract in DESIGN.md; keep both in step.
"""

from django.utils import timezone

from . import body
from .models import Article
from .tagkinds import TAG_KINDS

# The fields of an article's report, in order, with their value when there is no article.
EMPTY_REPORT = {
    "slug": None,
    "headline": None,
    "standfirst": None,
    "paragraph_count": 0,
    "authors": [],
    "publication": None,
    "related": [],
    "people": [],
    "quotes": [],
    **{kind.name: [] for kind in TAG_KINDS},
}


def empty_report() -> dict:
    """The report's fields for a document that stored nothing (an error)."""
    return {key: list(value) if isinstance(value, list) else value for key, value in EMPTY_REPORT.items()}


def byline_data(name: str, location: str = "", role: str = "") -> dict:
    return {"name": name, "location": location, "role": role}


def wall_clock(value) -> str | None:
    """A datetime as the newsroom's readers see it: ``YYYY-MM-DDTHH:MM`` in the configured zone."""
    if value is None:
        return None
    return timezone.localtime(value).strftime("%Y-%m-%dT%H:%M")


def corrections_data(article: Article) -> list[dict]:
    """The article's corrections and clarifications, oldest first (reads the prefetched ``corrections``)."""
    return [
        {
            "kind": c.kind,
            "text": c.text,
            "at": timezone.localtime(c.at).isoformat(timespec="seconds"),
            "shown_above": c.at_top,
        }
        for c in article.corrections.all()
    ]


def article_data(article: Article, *, public: bool = True) -> dict:
    """What is stored for an article, in the import report's field names.

    Expects the article to come from ``Article.objects.for_page()`` so that the
    relations are prefetched; it reads them with ``.all()`` only. A public
    report names a related link's target only when readers can see it; the
    import report for editors names it whatever its state.
    """
    return {
        "slug": article.slug,
        "headline": article.headline,
        "standfirst": article.standfirst,
        "paragraph_count": body.paragraph_count(article.blocks.all()),
        "authors": [
            byline_data(b.author.name, b.location or b.author.location, b.role or b.author.role)
            for b in article.bylines.all()
        ],
        "publication": article.publication,
        "related": [
            {
                "title": link.title,
                "standfirst": link.standfirst,
                "authors": link.authors,
                "published_at": wall_clock(link.published_at),
                "article": link.target.slug
                if link.target_id and (link.target.is_live or not public)
                else None,
            }
            for link in article.related_links.all()
        ],
        "people": [
            {"name": p.name, "description": p.description, "kind": p.kind} for p in article.people.all()
        ],
        "quotes": [{"speaker": q.speaker.name, "text": q.text} for q in article.quotes.all()],
        **{
            kind.name: sorted(getattr(tag, kind.key) for tag in kind.manager(article).all())
            for kind in TAG_KINDS
        },
    }
