"""Related links find their targets: the article on this site whose headline a link's title names."""

from django.db import connection

from newsroom.cache import bump_content_version

from .models import Article, RelatedLink


def resolve_links_around(article: Article) -> int:
    """Point the unresolved links from ``article`` and to it at the articles their titles name.

    A link is matched to the first article created with its title (ignoring
    case, quote-mark style and spacing), never to its own article. Inside a
    transaction, rows that a concurrent transaction has not committed are
    invisible: two documents imported side by side, each naming the other,
    would both miss. So Article's post_save runs this twice, at once and again
    after commit; whichever of two such transactions commits last finds the
    other's rows. Returns the number of links resolved.
    """
    # One constant statement: the same update built from ORM expressions (Exists,
    # Subquery, OuterRef) costs about 0.8 ms of Python, on every article saved.
    with connection.cursor() as cursor:
        cursor.execute(RESOLVE_AROUND_SQL, [article.pk, article.headline_key])
        resolved = cursor.rowcount
    if resolved:
        bump_content_version()  # after commit; raw SQL sends no signal
    return resolved


# The first article created with the link's title wins, as in find_link_target and the importer.
LINK_TARGET_SQL = """(
    SELECT a.id FROM articles_article AS a
    WHERE a.headline_key = l.title_key AND a.id <> l.article_id ORDER BY a.id LIMIT 1
)"""
# The target is looked up per candidate link, through the headline index: as a
# scalar subquery it cannot become a join that reads every article, as an
# EXISTS can in a prepared statement's generic plan. "+l.target_id" keeps
# SQLite, which has no statistics unless ANALYZE ran, from reading every
# unresolved link (most are links to other sites) through the target_id index.
RESOLVE_AROUND_SQL = f"""
UPDATE articles_relatedlink AS l SET target_id = {LINK_TARGET_SQL}
WHERE (l.article_id = %s OR l.title_key = %s) AND +l.target_id IS NULL AND {LINK_TARGET_SQL} IS NOT NULL
"""  # noqa: S608  (constants of this module, not input)


def find_link_target(link: RelatedLink) -> Article | None:
    """The article on this site whose headline matches the link's title, if any."""
    return (
        Article.objects.filter(headline_key=link.title_key)
        .exclude(pk=link.article_id)
        .order_by("pk")  # the first created, as RESOLVE_AROUND_SQL and the importer pick
        .first()
    )
