"""The shareable preview: one draft on the real article page, for whoever holds the link."""

from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers

from articles.models import Article
from articles.views import ArticleDetailView

from .previews import PreviewLinkError, article_for_token


def _private(response):
    add_never_cache_headers(response)
    response["X-Robots-Tag"] = "noindex, nofollow"
    # The token is in the address: never send it to the sites the article links to.
    response["Referrer-Policy"] = "no-referrer"
    return response


class SharedPreviewView(ArticleDetailView):
    """The article page, as staff preview it, for a valid preview token (see editorial.previews)."""

    def get_queryset(self):
        return Article.objects.all().for_page()

    def get_object(self, queryset=None):
        return article_for_token(self.kwargs["token"], queryset=self.get_queryset())

    def get(self, request, *args, **kwargs):
        try:
            self.object = self.get_object()
        except PreviewLinkError as error:
            if error.reason == "forged":
                raise Http404("No such preview.") from error
            response = TemplateResponse(
                request, "editorial/preview_gone.html", {"reason": error.reason}, status=410
            )
            return _private(response)
        if self.object.is_live:
            return redirect(self.object)
        context = self.get_context_data(object=self.object)
        context["is_preview"] = True
        context["is_shared_preview"] = True
        return _private(self.render_to_response(context))
