"""The registry of tag kinds: topics and countries, as data.

Search vectors, the receivers that keep them current, history snapshots, URLs,
feeds, sitemaps, reports and the bulk admin actions loop over ``TAG_KINDS``.
A third vocabulary is one more entry here, its two models (tag and through)
and a migration.
"""

from dataclasses import dataclass

from taggit.models import TagBase, TaggedItemBase

from .models import Country, TaggedCountry, TaggedTopic, Topic


@dataclass(frozen=True)
class TagKind:
    name: str  # the manager on Article, the URL prefix and the report's field: "topics"
    singular: str  # the URL names' stem and the admin's noun: "topic"
    model: type[TagBase]  # the tag model
    through: type[TaggedItemBase]  # the through model linking it to articles
    key: str  # the field that names a tag in reports, history and the API: "name" or "code"
    controlled: bool  # staff pick from a fixed list and cannot create new tags
    preposition: str  # "articles on Belarus", "articles about Belarus"
    searched: tuple[str, ...] = ("name",)  # the tag's fields whose words an article is found by
    former_slug_field: str | None = None  # a field holding an old slug that redirects to the tag

    def search_text(self, tag) -> str:
        """The words ``tag`` lends an article's search vector (as the vector's SQL joins them)."""
        return " ".join(value for value in (getattr(tag, field) for field in self.searched) if value)

    @property
    def label(self) -> str:
        return self.name.capitalize()

    @property
    def url_name(self) -> str:
        return f"articles:{self.singular}"

    @property
    def feed_url_name(self) -> str:
        return f"articles:{self.singular}-feed"

    @property
    def atom_url_name(self) -> str:
        return f"articles:{self.singular}-feed-atom"

    def manager(self, article):
        return getattr(article, self.name)

    def keys(self, article) -> list[str]:
        """The article's tags of this kind by key, sorted; reads a prefetched ``.all()``."""
        return sorted((getattr(tag, self.key) for tag in self.manager(article).all()), key=str.casefold)


TOPICS = TagKind(
    name="topics",
    singular="topic",
    model=Topic,
    through=TaggedTopic,
    key="name",
    controlled=False,
    preposition="on",
)
COUNTRIES = TagKind(
    name="countries",
    singular="country",
    model=Country,
    through=TaggedCountry,
    key="code",
    controlled=True,
    preposition="about",
    searched=("name", "iso_name"),  # "Russia" and "Russian Federation"
    former_slug_field="former_slug",
)
TAG_KINDS: tuple[TagKind, ...] = (TOPICS, COUNTRIES)


def kind_of(model) -> TagKind:
    """The kind whose tag model or through model is ``model``."""
    return next(kind for kind in TAG_KINDS if model in (kind.model, kind.through))


def names_from_string(text: str) -> list[str]:
    """Tag names as typed in one field, sorted: separated by commas or new lines, never by spaces.

    "Ukraine war" is one topic (taggit's own parser made it two when no comma was typed);
    a name in double quotes may hold a comma. Django-taggit calls this for every tag
    field (``TAGGIT_TAGS_FROM_STRING`` in the settings).
    """
    names: list[str] = []
    buffer: list[str] = []
    quoted = False

    def flush() -> None:
        name = " ".join("".join(buffer).split())
        if name and name.casefold() not in {n.casefold() for n in names}:
            names.append(name)
        buffer.clear()

    for character in text or "":
        if character == '"':
            quoted = not quoted
        elif character in ",\n" and not quoted:
            flush()
        else:
            buffer.append(character)
    flush()
    return sorted(names)  # as taggit's parser: its fields compare the sorted names
