import pytest
from django.urls import reverse


@pytest.fixture(autouse=True)
def _london(settings):
    """Dates and offsets in these tests are written for the default zone."""
    settings.TIME_ZONE = "Europe/London"


@pytest.fixture
def api(client):
    """GET an API endpoint by URL name; returns the response, its JSON in ``.data``."""

    def get(name: str, params: dict | None = None, **kwargs):
        response = client.get(reverse(f"api:{name}", kwargs=kwargs or None), params or {})
        response.data = response.json()
        return response

    return get
