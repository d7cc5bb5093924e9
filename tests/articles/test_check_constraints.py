"""Check constraints validated in Python decide as the database does (articles.models.constraints).

No database access is allowed here: a validation that queried would fail these tests."""

import pytest
from django.core.exceptions import ValidationError

from articles.models import Article, BodyBlock
from articles.models.constraints import decide


def named(model, name):
    return next(c for c in model._meta.constraints if c.name == name)


@pytest.mark.parametrize(
    ("status", "published_at", "valid"),
    [("published", None, False), ("published", "2024-01-01T10:00Z", True), ("draft", None, True)],
)
def test_the_articles_time_check_decides_without_a_query(status, published_at, valid):
    article = Article(headline="H", slug="h", status=status, published_at=published_at)
    check = named(Article, "published_article_has_time")
    if valid:
        check.validate(Article, article)
    else:
        with pytest.raises(ValidationError, match="published_article_has_time"):
            check.validate(Article, article)


def test_a_block_of_an_unknown_kind_is_refused_without_a_query():
    with pytest.raises(ValidationError):
        named(BodyBlock, "bodyblock_kind_known").validate(BodyBlock, BodyBlock(kind="poem"))
    named(BodyBlock, "bodyblock_kind_known").validate(BodyBlock, BodyBlock(kind="text"))


def test_a_comparison_with_null_is_unknown_and_passes_as_in_sql():
    check = named(BodyBlock, "bodyblock_kind_known")
    assert decide(check.condition, BodyBlock(kind=None)) is None
    check.validate(BodyBlock, BodyBlock(kind=None))


def test_a_check_on_a_field_left_out_is_not_checked():
    named(BodyBlock, "bodyblock_kind_known").validate(BodyBlock, BodyBlock(kind="poem"), exclude={"kind"})
