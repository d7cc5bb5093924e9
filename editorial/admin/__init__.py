"""The whole article admin: every registration of the articles app's models, in one place.

Split by concern: ``roles`` (who may change what), ``workflow`` (publishing),
``history`` (revisions, compare, revert), ``previews`` (shareable links),
``tagging`` (bulk tag actions and filters), ``topics`` (the vocabularies'
admins), ``importing`` (the import page), ``inlines`` (the article's parts),
and ``articles`` (the article admin composed from them).
"""

from django.contrib import admin
from taggit.models import Tag

from articles.models import Article, Country, FrontItem, Page, Quote, RelatedLink, Section, Topic
from people.models import Person, PersonRedirect

from ..history import register_models
from ..models import TopicRedirect
from .articles import ArticleAdmin
from .fronts import FrontItemAdmin
from .inlines import QuoteAdmin, RelatedLinkAdmin
from .pages import PageAdmin
from .people import PersonMergeAdmin, PersonRedirectAdmin
from .sections import SectionAdmin
from .topics import CountryAdmin, TopicAdmin, TopicRedirectAdmin

# The article and its parts are registered with django-reversion, with the parts it
# follows, before the VersionAdmin is instantiated, which would otherwise register
# it without them (idempotent; EditorialConfig.ready() does it too).
register_models()

admin.site.register(Article, ArticleAdmin)
admin.site.register(Topic, TopicAdmin)
admin.site.register(Country, CountryAdmin)
admin.site.register(RelatedLink, RelatedLinkAdmin)
admin.site.register(Quote, QuoteAdmin)
admin.site.register(TopicRedirect, TopicRedirectAdmin)
admin.site.register(Section, SectionAdmin)
admin.site.register(FrontItem, FrontItemAdmin)
admin.site.register(Page, PageAdmin)
# The people app's own admin (imported above, so registered whatever the order of the apps), with
# the editors' merge and likely duplicates added.
if admin.site.is_registered(Person):
    admin.site.unregister(Person)
admin.site.register(Person, PersonMergeAdmin)
admin.site.register(PersonRedirect, PersonRedirectAdmin)

# Newsroom tags with its own Topic and Country models; taggit's generic Tag is unused.
if admin.site.is_registered(Tag):
    admin.site.unregister(Tag)
