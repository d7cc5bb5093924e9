from django.urls import path

from newsroom.cache import reader_page as cached

from . import feeds, views

app_name = "articles"

urlpatterns = [
    path("", cached(views.HomeView.as_view()), name="home"),
    path("articles/<uslug:slug>/", cached(views.ArticleDetailView.as_view()), name="detail"),
    path("topics/<uslug:slug>/", cached(views.TopicView.as_view()), name="topic"),
    path("countries/<uslug:slug>/", cached(views.CountryView.as_view()), name="country"),
    path("search/", views.SearchView.as_view(), name="search"),
    path("feeds/latest/", cached(feeds.LatestArticlesFeed()), name="feed"),
    path("feeds/latest/atom/", cached(feeds.LatestArticlesAtomFeed()), name="feed-atom"),
    path("topics/<uslug:slug>/feed/", cached(feeds.TopicFeed()), name="topic-feed"),
    path("topics/<uslug:slug>/atom/", cached(feeds.TopicAtomFeed()), name="topic-feed-atom"),
    path("countries/<uslug:slug>/feed/", cached(feeds.CountryFeed()), name="country-feed"),
    path("countries/<uslug:slug>/atom/", cached(feeds.CountryAtomFeed()), name="country-feed-atom"),
    path("authors/<uslug:slug>/feed/", cached(feeds.AuthorFeed()), name="author-feed"),
    path("authors/<uslug:slug>/atom/", cached(feeds.AuthorAtomFeed()), name="author-feed-atom"),
]
