"""Pages of readers' listings that cost the same at 1,000 articles and at a million.

Django's ``Paginator`` counts every row of a listing on every page (an exact
``COUNT`` of a topic with 20,000 articles, for "page 1 of 1,000"). Here a page
reads its rows plus one: the extra row tells that an older page exists, and
nothing is counted. The total is known only on the last page (and shown
there); ``count`` is bounded, counting at most ``COUNT_BOUND`` rows, for pages
that say how many results there are ("1,000+ results").

Page numbers stay in the addresses (``?page=50``), the titles and the
canonical links: a page is its number, read with ``OFFSET`` over the ordered
listing. The listing's ordering must be unique ((published time, id)) so that
pages neither repeat nor skip a row, and the queries of the listing leave the
body and the search vector unread, so a deep page reads index entries and small
rows, not articles.
"""

from functools import cached_property

from django.core.paginator import EmptyPage, Page, PageNotAnInteger, Paginator
from django.db.models import QuerySet

# A listing's count stops here: beyond it, readers see "1,000+".
COUNT_BOUND = 1000


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


class ListingPaginator(Paginator):
    """Reads a page's rows and one more; counts at most ``COUNT_BOUND`` rows, and only when asked."""

    bound = COUNT_BOUND

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
        rows = list(self.object_list[offset : offset + self.per_page + 1])
        if not rows and number > 1:
            raise EmptyPage("That page contains no results")
        more = len(rows) > self.per_page
        if not more:
            # The last page: now the total is known without counting.
            self.__dict__["pages_known"] = number
            self.__dict__.setdefault("count", offset + len(rows))
        return ListingPage(rows[: self.per_page], number, self, more=more)

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
