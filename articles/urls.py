from django.urls import path

from . import feeds, views

app_name = "articles"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("articles/<uslug:slug>/", views.ArticleDetailView.as_view(), name="detail"),
    path("topics/<uslug:slug>/", views.TopicView.as_view(), name="topic"),
    path("countries/<uslug:slug>/", views.CountryView.as_view(), name="country"),
    path("search/", views.SearchView.as_view(), name="search"),
    path("feeds/latest/", feeds.LatestArticlesFeed(), name="feed"),
    path("feeds/latest/atom/", feeds.LatestArticlesAtomFeed(), name="feed-atom"),
    path("topics/<uslug:slug>/feed/", feeds.TopicFeed(), name="topic-feed"),
    path("topics/<uslug:slug>/atom/", feeds.TopicAtomFeed(), name="topic-feed-atom"),
    path("countries/<uslug:slug>/feed/", feeds.CountryFeed(), name="country-feed"),
    path("countries/<uslug:slug>/atom/", feeds.CountryAtomFeed(), name="country-feed-atom"),
    path("authors/<uslug:slug>/feed/", feeds.AuthorFeed(), name="author-feed"),
    path("authors/<uslug:slug>/atom/", feeds.AuthorAtomFeed(), name="author-feed-atom"),
]
