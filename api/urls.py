from django.urls import path

from . import views

app_name = "api"

urlpatterns = [
    path("", views.IndexView.as_view(), name="index"),
    path("articles/", views.ArticleListView.as_view(), name="articles"),
    path("articles/<uslug:slug>/", views.ArticleDetailView.as_view(), name="article"),
    path("topics/", views.TopicListView.as_view(), name="topics"),
    path("countries/", views.CountryListView.as_view(), name="countries"),
    path("people/", views.PersonListView.as_view(), name="people"),
    path("quotes/", views.QuoteListView.as_view(), name="quotes"),
    path("openapi.json", views.OpenApiView.as_view(), name="openapi"),
]
