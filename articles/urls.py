from django.urls import path

from newsroom.cache import CURSOR, PAGE, SLUG, TEXT
from newsroom.cache import reader_page as cached

from . import corrections, feeds, fronts, views
from .tagkinds import TAG_KINDS

app_name = "articles"

# The query parameters each page reads (with any other, it is rendered and not cached).
PAGED = {"page": PAGE}
# Listings in publication order: their later pages are read after a cursor (articles.pagination).
LISTING = {**PAGED, "after": CURSOR}

urlpatterns = [
    path("", cached(fronts.FrontPageView.as_view(), params=LISTING), name="home"),
    path("articles/<uslug:slug>/", cached(views.ArticleDetailView.as_view()), name="detail"),
    path("search/", cached(views.SearchView.as_view(), params={"q": TEXT, **PAGED}), name="search"),
    path("authors/<uslug:slug>/", cached(views.AuthorView.as_view(), params=LISTING), name="author"),
    path("people/<uslug:slug>/", cached(views.PersonView.as_view(), params=LISTING), name="person"),
    path(
        "quotes/",
        cached(views.QuoteListView.as_view(), params={"q": TEXT, "speaker": TEXT, **PAGED}),
        name="quotes",
    ),
    path("topics/", cached(views.TopicIndexView.as_view(), params={"letter": SLUG}), name="topics"),
    path("countries/", cached(views.CountryIndexView.as_view()), name="countries"),
    path("authors/", cached(views.AuthorIndexView.as_view(), params={"letter": SLUG}), name="authors"),
    path("people/", cached(views.PersonIndexView.as_view(), params={"letter": SLUG}), name="people"),
    path("sections/<uslug:slug>/", cached(fronts.SectionFrontView.as_view(), params=LISTING), name="section"),
    path("sections/<uslug:slug>/feed/", cached(feeds.SectionFeed()), name="section-feed"),
    path("sections/<uslug:slug>/atom/", cached(feeds.SectionAtomFeed()), name="section-feed-atom"),
    path("pages/<slug:slug>/", cached(views.PageView.as_view()), name="page"),
    path("corrections/", cached(corrections.CorrectionListView.as_view(), params=PAGED), name="corrections"),
    path("corrections/feed/", cached(corrections.CorrectionsFeed()), name="corrections-feed"),
    path("corrections/atom/", cached(corrections.CorrectionsAtomFeed()), name="corrections-feed-atom"),
    path("feeds/latest/", cached(feeds.LatestArticlesFeed()), name="feed"),
    path("feeds/latest/atom/", cached(feeds.LatestArticlesAtomFeed()), name="feed-atom"),
    path("authors/<uslug:slug>/feed/", cached(feeds.AuthorFeed()), name="author-feed"),
    path("authors/<uslug:slug>/atom/", cached(feeds.AuthorAtomFeed()), name="author-feed-atom"),
]

# Each tag kind has a page, an RSS feed and an Atom feed: /topics/<slug>/, /topics/<slug>/feed/, …
for kind in TAG_KINDS:
    urlpatterns += [
        path(
            f"{kind.name}/<uslug:slug>/",
            cached(views.TagArticlesView.as_view(kind=kind), params=LISTING),
            name=kind.singular,
        ),
        path(f"{kind.name}/<uslug:slug>/feed/", cached(feeds.TagFeed(kind)), name=f"{kind.singular}-feed"),
        path(
            f"{kind.name}/<uslug:slug>/atom/",
            cached(feeds.TagAtomFeed(kind)),
            name=f"{kind.singular}-feed-atom",
        ),
    ]
