"""Tagging at scale on the article admin: bulk add and remove actions for every tag kind, list filters,
and the countries and people detected in the text, offered on the form.

The actions are made from ``articles.tagkinds.TAG_KINDS``: each kind gets
``add_<kind>`` and ``remove_<kind>``. A controlled kind (countries) is picked from
its list; a free kind (topics) is typed, with existing topics suggested, and a
new one is created only for users allowed to add topics.
"""

from django.contrib import admin, messages
from django.db.models import Q

from articles.models import Article, Byline
from articles.tagkinds import TAG_KINDS, TagKind
from people.models import Author

from .. import permissions, tagging
from ..forms import TagChoiceForm, TopicNameForm
from ..suggestions import suggest_for


class NeedsTaggingFilter(admin.SimpleListFilter):
    title = "needs tagging"
    parameter_name = "needs_tagging"

    def lookups(self, request, model_admin):
        kinds = " or no ".join(kind.singular for kind in TAG_KINDS)
        return [("any", f"No {kinds}"), *((kind.singular, f"No {kind.singular}") for kind in TAG_KINDS)]

    def queryset(self, request, queryset):
        if self.value() == "any":
            return tagging.needs_tagging(queryset)
        for kind in TAG_KINDS:
            if self.value() == kind.singular:
                return tagging.lacking(kind, queryset)
        return queryset


# The list filters of tags and authors offer those of this many of the latest articles (and the
# one chosen), not a vocabulary of thousands; any other is reached from its own admin page
# ("Articles" on a topic) or by its slug in the address (?topic=<slug>).
RECENT_ARTICLES = 300


def recent_article_ids():
    return Article.objects.order_by("-created_at", "-pk").values("pk")[:RECENT_ARTICLES]


class TagInUseFilter(admin.SimpleListFilter):
    """Offers the tags of one kind on the latest articles, and the one chosen: a bounded list at any size."""

    kind: TagKind

    def lookups(self, request, model_admin):
        recent = self.kind.through.objects.filter(content_object__in=recent_article_ids()).values("tag")
        chosen = self.kind.model.objects.filter(slug=self.value() or "").values("pk")
        tags = self.kind.model.objects.filter(Q(pk__in=recent) | Q(pk__in=chosen)).order_by("name")
        return [(tag.slug, tag.name) for tag in tags.only("slug", "name")]

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(**{f"{self.kind.name}__slug": self.value()})
        return queryset


class RecentAuthorFilter(admin.SimpleListFilter):
    """Offers the authors of the latest articles, and the one chosen (by id, as Django's own filter)."""

    title = "author"
    parameter_name = "authors__id__exact"

    def lookups(self, request, model_admin):
        recent = Byline.objects.filter(article__in=recent_article_ids()).values("author")
        chosen = [int(self.value())] if (self.value() or "").isdigit() else []
        authors = Author.objects.filter(Q(pk__in=recent) | Q(pk__in=chosen)).order_by("name")
        return [(str(author.pk), author.name) for author in authors.only("name")]

    def queryset(self, request, queryset):
        if (self.value() or "").isdigit():
            return queryset.filter(authors__id=int(self.value()))
        return queryset


def tag_filter(kind: TagKind) -> type[TagInUseFilter]:
    return type(
        f"{kind.singular.capitalize()}Filter",
        (TagInUseFilter,),
        {"kind": kind, "title": kind.singular, "parameter_name": kind.singular},
    )


TAG_FILTERS = [tag_filter(kind) for kind in TAG_KINDS]


def _with_new_topics(fields: list) -> list:
    if "topics" not in fields or "new_topics" in fields:
        return list(fields)
    at = list(fields).index("topics") + 1
    return [*fields[:at], "new_topics", *fields[at:]]


class TaggingMixin:
    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        return type(
            form.__name__, (form,), {"may_create_topics": permissions.can_create_topics(request.user)}
        )

    def get_fieldsets(self, request, obj=None):
        """The topics' "New topics to create" beside them, for those who may create topics; for a
        tagger (who may change nothing else) the tagging fields come first."""
        fieldsets = list(super().get_fieldsets(request, obj))
        if permissions.can_create_topics(request.user):
            fieldsets = [
                (name, {**options, "fields": _with_new_topics(options["fields"])})
                for name, options in fieldsets
            ]
        if self.tags_only(request, obj):
            tagging_first = [fs for fs in fieldsets if "topics" in fs[1]["fields"]]
            fieldsets = tagging_first + [fs for fs in fieldsets if fs not in tagging_first]
        return fieldsets

    def form_context(self, request, obj, form=None) -> dict:
        context = super().form_context(request, obj, form)
        if obj is not None and permissions.can_tag(request.user, obj):
            # The form's initial values are the stored tags and people, read once for both.
            known = form.initial if form is not None else {}
            context["suggestions"] = suggest_for(
                obj, countries=known.get("countries"), people=known.get("people")
            )
        return context

    def taggable(self, request, queryset) -> list[Article]:
        return [article for article in queryset if permissions.can_tag(request.user, article)]

    def report_tags(self, request, change, *, verb: str, tag, queryset, articles) -> None:
        refused = queryset.count() - len(articles)
        self.message_user(request, f"{verb} “{tag}”: {change.changed} article(s) changed.", messages.SUCCESS)
        if refused:
            self.message_user(
                request, f"Not yours to tag (published): {refused} article(s).", messages.WARNING
            )

    def add_free_tag(self, request, queryset, *, kind: TagKind):
        """Add a typed topic: an existing one, or a new one for users who may create topics."""
        action = f"add_{kind.singular}"
        form = TopicNameForm(self.posted(request))
        if form.is_valid():
            name = form.cleaned_data["name"]
            may_create = request.user.has_perm(f"articles.add_{kind.model._meta.model_name}")
            if tagging.find_topic(name) is None and not may_create:
                form.add_error(
                    "name", f"There is no such {kind.singular}, and you may not create {kind.name}."
                )
            else:
                articles = self.taggable(request, queryset)
                change = tagging.add_topic(articles, name=name)
                self.report_tags(
                    request, change, verb=f"Added {kind.singular}", tag=tagging.find_topic(name),
                    queryset=queryset, articles=articles,
                )  # fmt: skip
                return None
        return self.ask(request, queryset, form, title=f"Add a {kind.singular}", action=action)

    def retag_from_choice(self, request, queryset, *, kind: TagKind, add: bool):
        """Add or remove one tag picked from a list: any of a controlled kind, or one the articles carry."""
        verb, action = ("Add", f"add_{kind.singular}") if add else ("Remove", f"remove_{kind.singular}")
        tags = kind.model.objects.all()
        if not add:
            tags = tags.filter(tagged_articles__content_object__in=queryset).distinct().order_by("name")
        form = TagChoiceForm(self.posted(request), kind=kind, tags=tags)
        if not form.is_valid():
            title = f"{verb} a {kind.singular}"
            return self.ask(request, queryset, form, title=title, action=action)
        articles = self.taggable(request, queryset)
        change = (tagging.add_tag if add else tagging.remove_tag)(articles, kind=kind, tag=form.tag)
        verb_done = f"{'Added' if add else 'Removed'} {kind.singular}"
        self.report_tags(request, change, verb=verb_done, tag=form.tag, queryset=queryset, articles=articles)
        return None


def _add_action(kind: TagKind):
    def add(self, request, queryset):
        if kind.controlled:
            return self.retag_from_choice(request, queryset, kind=kind, add=True)
        return self.add_free_tag(request, queryset, kind=kind)

    return admin.action(description=f"Add a {kind.singular} to selected articles…", permissions=["tag"])(add)


def _remove_action(kind: TagKind):
    def remove(self, request, queryset):
        return self.retag_from_choice(request, queryset, kind=kind, add=False)

    description = f"Remove a {kind.singular} from selected articles…"
    return admin.action(description=description, permissions=["tag"])(remove)


TAG_ACTIONS: list[str] = []
for _kind in TAG_KINDS:
    for _name, _make in (
        (f"add_{_kind.singular}", _add_action),
        (f"remove_{_kind.singular}", _remove_action),
    ):
        setattr(TaggingMixin, _name, _make(_kind))
        TAG_ACTIONS.append(_name)
