from django.urls import path

from newsroom.cache import reader_page as cached

from . import views

app_name = "people"

urlpatterns = [
    path("authors/<uslug:slug>/", cached(views.AuthorView.as_view()), name="author"),
    path("people/<uslug:slug>/", cached(views.PersonView.as_view()), name="person"),
    path("quotes/", cached(views.QuoteListView.as_view()), name="quotes"),
]
