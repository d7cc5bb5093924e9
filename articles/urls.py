from django.urls import path

from newsroom.cache import reader_page as cached

from . import feeds, views
from .tagkinds import TAG_KINDS

app_name = "articles"

urlpatterns = [
    path("", cached(views.HomeView.as_view()), name="home"),
    path("articles/<uslug:slug>/", cached(views.ArticleDetailView.as_view()), name="detail"),
    path("search/", views.SearchView.as_view(), name="search"),
    path("authors/<uslug:slug>/", cached(views.AuthorView.as_view()), name="author"),
    path("people/<uslug:slug>/", cached(views.PersonView.as_view()), name="person"),
    path("quotes/", cached(views.QuoteListView.as_view()), name="quotes"),
    path("topics/", cached(views.TopicIndexView.as_view()), name="topics"),
    path("countries/", cached(views.CountryIndexView.as_view()), name="countries"),
    path("authors/", cached(views.AuthorIndexView.as_view()), name="authors"),
    path("people/", cached(views.PersonIndexView.as_view()), name="people"),
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
            cached(views.TagArticlesView.as_view(kind=kind)),
            name=kind.singular,
        ),
        path(f"{kind.name}/<uslug:slug>/feed/", cached(feeds.TagFeed(kind)), name=f"{kind.singular}-feed"),
        path(
            f"{kind.name}/<uslug:slug>/atom/",
            cached(feeds.TagAtomFeed(kind)),
            name=f"{kind.singular}-feed-atom",
        ),
    ]
