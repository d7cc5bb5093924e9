"""Readers get a clear 503 page, not an error page, while the database cannot be reached."""

from .cache import DATABASE_DOWN
from .views import service_unavailable


class DatabaseUnavailableMiddleware:
    """Turns a view's "cannot reach the database" error into the 503 page with Retry-After.

    Errors raised outside views reach ``handler500``, which does the same.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, DATABASE_DOWN):
            return service_unavailable(request)
        return None
