"""factory_boy factories for the models."""

from datetime import timedelta

import factory
from django.utils import timezone

from articles import body as article_body
from articles.bodytext import set_body_text
from articles.models import Article, BodyBlock, Byline, Country, Quote, RelatedLink
from people.models import Author, Person


class AuthorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Author

    name = factory.Sequence(lambda n: f"Author Number{n}")
    role = "Foreign correspondent"


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    name = factory.Sequence(lambda n: f"Person Number{n}")
    description = "political analyst"


class ArticleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Article
        skip_postgeneration_save = True

    headline = factory.Sequence(lambda n: f"Headline number {n}")
    standfirst = "A standfirst that sums the story up."
    status = Article.Status.PUBLISHED
    published_at = factory.LazyFunction(lambda: timezone.now() - timedelta(hours=1))
    publication = "The Northern Ledger"

    class Params:
        draft = factory.Trait(status=Article.Status.DRAFT, published_at=None)
        in_review = factory.Trait(status=Article.Status.IN_REVIEW, published_at=None)
        scheduled = factory.Trait(
            published_at=factory.LazyFunction(lambda: timezone.now() + timedelta(days=1))
        )

    @factory.post_generation
    def body(obj, create, extracted, **kwargs):
        """``body="One.\\n\\nTwo."``: plain-text paragraphs, made one text block (as the importer does)."""
        text = DEFAULT_BODY if extracted is None else extracted
        paragraphs = article_body.paragraphs(text)
        if create and paragraphs:
            block = BodyBlock.objects.create(
                article=obj, kind=BodyBlock.Kind.TEXT, html=article_body.paragraph_html(paragraphs)
            )
            set_body_text(obj, [block])


DEFAULT_BODY = "First paragraph.\n\nSecond paragraph."


class BodyBlockFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = BodyBlock

    article = factory.SubFactory(ArticleFactory, body="")
    position = factory.Sequence(int)
    kind = BodyBlock.Kind.TEXT
    html = "<p>A paragraph of a block.</p>"


class BylineFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Byline

    article = factory.SubFactory(ArticleFactory)
    author = factory.SubFactory(AuthorFactory)
    position = factory.Sequence(int)


class RelatedLinkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RelatedLink

    article = factory.SubFactory(ArticleFactory)
    position = factory.Sequence(int)
    title = factory.Sequence(lambda n: f"Related story {n}")
    standfirst = "What the related story is about."
    byline = "Andrew Roth in Moscow"
    published_at = factory.LazyFunction(lambda: timezone.now() - timedelta(days=30))


class QuoteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Quote

    article = factory.SubFactory(ArticleFactory)
    speaker = factory.SubFactory(PersonFactory)
    text = "We are preparing for all possible scenarios."
    position = factory.Sequence(int)


def country(code: str) -> Country:
    return Country.objects.get(code=code)
