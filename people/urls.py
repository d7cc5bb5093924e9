from django.urls import path

from . import views

app_name = "people"

urlpatterns = [
    path("authors/<uslug:slug>/", views.AuthorView.as_view(), name="author"),
    path("people/<uslug:slug>/", views.PersonView.as_view(), name="person"),
    path("quotes/", views.QuoteListView.as_view(), name="quotes"),
]
