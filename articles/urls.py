from django.urls import path

from . import views

app_name = "articles"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("articles/<uslug:slug>/", views.ArticleDetailView.as_view(), name="detail"),
    path("topics/<uslug:slug>/", views.TopicView.as_view(), name="topic"),
    path("countries/<uslug:slug>/", views.CountryView.as_view(), name="country"),
]
