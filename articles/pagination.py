"""Pages of readers' listings that cost the same at 1,000 articles and at a million.

Django's ``Paginator`` counts every row of a listing on every page (an exact
``COUNT`` of a topic with 20,000 articles, for "page 1 of 1,000"). Here a page
reads its rows plus one: the extra row tells that an older page exists, and
nothing is counted. The total is known only on the last page (and shown
there); ``count`` is bounded, counting at most ``COUNT_BOUND`` rows, for pages
that say how many results there are ("1,000+ results").

Page numbers stay in the addresses (``?page=5``), the titles and the
canonical links: a page is its number, read with ``OFFSET`` over the ordered
listing. The listing's ordering must be unique ((published time, id)) so that
pages neither repeat nor skip a row, and the queries of the listing leave the
body and the search vector unread, so a deep page reads index entries and small
rows, not articles.

Listings in publication order (``KeysetPaginator``: topics, countries,
sections, authors, people, the home page's latest) number their first
``NUMBERED_PAGES`` pages only. From there "Older" leads to ``?after=<id>``: the
articles older than that article of the listing, read down the (published
time, id) order from it (keyset pagination), so the thousandth page costs what
the second does. "Newer" on such a page reads the ids just newer than it (at
most ``NUMBERED_PAGES`` pages of them, index entries only): close to the top it
knows which numbered page comes before, further down it names the cursor of the
page before. An address with a page number past the numbered pages (a link
from before there were cursors) is still served: past the numbered pages, any
listing's page reads its ids past the ``OFFSET`` from the indexes alone, then
the rows of those ids. A cursor that
is not a number, or not an article of this listing as readers see it (a draft,
another topic's article), is a page that does not exist: 404.
"""

from functools import cached_property

from django.core.paginator import EmptyPage, InvalidPage, Page, PageNotAnInteger, Paginator
from django.db.models import Q, QuerySet

# A listing's count stops here: beyond it, readers see "1,000+".
COUNT_BOUND = 1000
# Pages of a listing in publication order that are numbered; "Older" on the last of them leads to a cursor.
NUMBERED_PAGES = 10
# The order keyset pages read: unique, and the one of every listing in publication order.
KEYSET_ORDER = ("-published_at", "-pk")


class ListingPage(Page):
    """A page that knows whether another follows without the paginator's count."""

    def __init__(self, object_list, number, paginator, *, more: bool):
        super().__init__(object_list, number, paginator)
        self.more = more

    def has_next(self) -> bool:
        return self.more

    def next_page_number(self) -> int:
        if not self.more:
            raise EmptyPage("That page contains no results")
        return self.number + 1

    def previous_page_number(self) -> int:
        if self.number <= 1:
            raise EmptyPage("That page number is less than 1")
        return self.number - 1

    def start_index(self) -> int:
        return (self.number - 1) * self.paginator.per_page + (1 if self.object_list else 0)

    def end_index(self) -> int:
        return (self.number - 1) * self.paginator.per_page + len(self.object_list)

    def next_params(self) -> dict:
        """The older page's query: its number, or past the numbered pages the cursor of this last row."""
        if self.paginator.numbered_pages is not None and self.number >= self.paginator.numbered_pages:
            return {"after": self.object_list[-1].pk}
        return {"page": self.next_page_number()}

    def previous_params(self) -> dict:
        """The query of the newer page ({} for the first)."""
        number = self.previous_page_number()
        return {"page": number} if number > 1 else {}


class CursorPage(ListingPage):
    """The rows of a listing after one of its rows: no number, a cursor, and the newer page's query."""

    def __init__(self, object_list, paginator, *, more: bool, after: int, previous: dict):
        super().__init__(object_list, None, paginator, more=more)
        self.after, self._previous = after, previous

    def has_previous(self) -> bool:
        return True

    def next_page_number(self):
        raise EmptyPage("A page read after a cursor has no number")

    previous_page_number = next_page_number

    def start_index(self) -> int | None:
        return None

    end_index = start_index

    def next_params(self) -> dict:
        return {"after": self.object_list[-1].pk}

    def previous_params(self) -> dict:
        return self._previous

    @property
    def since(self):
        """When its newest article was published (the page's name: "older than ...")."""
        return self.object_list[0].published_at if self.object_list else None


class ListingPaginator(Paginator):
    """Reads a page's rows and one more; counts at most ``COUNT_BOUND`` rows, and only when asked."""

    bound = COUNT_BOUND
    # Pages numbered before "Older" carries a cursor (None: all of them, see KeysetPaginator).
    numbered_pages: int | None = None

    def validate_number(self, number) -> int:
        try:
            if isinstance(number, float) and not number.is_integer():
                raise ValueError
            number = int(number)
        except (TypeError, ValueError) as error:
            raise PageNotAnInteger("That page number is not an integer") from error
        if number < 1:
            raise EmptyPage("That page number is less than 1")
        return number

    def page(self, number) -> ListingPage:
        number = self.validate_number(number)
        offset = (number - 1) * self.per_page
        if number <= NUMBERED_PAGES or not isinstance(self.object_list, QuerySet):
            rows = list(self.object_list[offset : offset + self.per_page + 1])
            return self.numbered_page(number, rows[: self.per_page], more=len(rows) > self.per_page)
        # A deep page: its ids first, read past the offset from the indexes alone, then the
        # rows of those ids only (not the offset's rows with their joins).
        ids = list(self.ids()[offset : offset + self.per_page + 1])
        rows = {row.pk: row for row in self.object_list.filter(pk__in=ids[: self.per_page])}
        found = [rows[pk] for pk in ids[: self.per_page] if pk in rows]
        return self.numbered_page(number, found, more=len(ids) > self.per_page)

    def ids(self) -> QuerySet:
        """The listing's ids in its order, and nothing else."""
        return self.object_list.prefetch_related(None).values_list("pk", flat=True)

    def numbered_page(self, number: int, rows: list, *, more: bool) -> ListingPage:
        """Page ``number``, of ``rows``; ``more``: another page follows."""
        if not rows and number > 1:
            raise EmptyPage("That page contains no results")
        if not more:
            # The last page: now the total is known without counting.
            self.__dict__["pages_known"] = number
            self.__dict__["count"] = (number - 1) * self.per_page + len(rows)
        return ListingPage(rows, number, self, more=more)

    @cached_property
    def pages_known(self) -> int | None:
        """How many pages there are, when a page read has told (the last page); else None."""
        return None

    @cached_property
    def count(self) -> int:
        """The number of rows, counting at most ``COUNT_BOUND`` (see ``count_is_exact``)."""
        rows = self.object_list
        if isinstance(rows, QuerySet):  # count ids, not the annotations (a search's rank, snippets)
            return rows.order_by().values("pk")[: self.bound + 1].count()
        return min(len(rows), self.bound + 1)

    @property
    def count_is_exact(self) -> bool:
        return self.pages_known is not None or self.count <= self.bound

    @cached_property
    def num_pages(self) -> int:
        """Pages up to the bound (for ``?page=last``); an exact count only below it."""
        return super().num_pages


def older_than(published_at, pk) -> Q:
    """Rows after (published_at, pk) in ``KEYSET_ORDER``; written so that the time bounds the index scan."""
    return Q(published_at__lte=published_at) & (Q(published_at__lt=published_at) | Q(pk__lt=pk))


def not_older_than(published_at, pk) -> Q:
    """The row (published_at, pk) and those before it in ``KEYSET_ORDER``."""
    return Q(published_at__gte=published_at) & (Q(published_at__gt=published_at) | Q(pk__gte=pk))


class KeysetPaginator(ListingPaginator):
    """A listing in ``KEYSET_ORDER``: its first pages numbered, later ones read after a cursor."""

    numbered_pages = NUMBERED_PAGES

    def __init__(self, object_list, per_page, *args, **kwargs):
        if tuple(object_list.query.order_by) != KEYSET_ORDER:
            order = tuple(object_list.query.order_by)
            raise ValueError(f"A keyset listing is ordered by {KEYSET_ORDER}, not {order}")
        super().__init__(object_list, per_page, *args, **kwargs)

    def page_after(self, cursor: str) -> CursorPage:
        """The page of rows after the listing's row ``cursor`` (an id); InvalidPage when there is none."""
        if not cursor.isascii() or not cursor.isdigit() or len(cursor) > 18:
            raise InvalidPage("That cursor is not an article's number")
        listing = self.object_list
        key = listing.filter(pk=int(cursor)).values_list("published_at", "pk").first()
        if key is None:
            raise InvalidPage("That cursor is no article of this listing")
        rows = list(listing.filter(older_than(*key))[: self.per_page + 1])
        if not rows:
            raise EmptyPage("Nothing is older than that cursor")
        # The ids from the cursor up, nearest first: at most the numbered pages' worth.
        reach = self.numbered_pages * self.per_page
        newer = list(self.ids().filter(not_older_than(*key)).order_by("published_at", "pk")[: reach + 1])
        if len(newer) <= reach and len(newer) % self.per_page == 0:
            # Exactly after a numbered page (the last one's "Older"): "Newer" is that page.
            number = len(newer) // self.per_page
            previous = {"page": number} if number > 1 else {}
        elif len(newer) > self.per_page:
            previous = {"after": newer[self.per_page]}
        else:
            previous = {}
        more = len(rows) > self.per_page
        return CursorPage(rows[: self.per_page], self, more=more, after=int(cursor), previous=previous)
