"""The Permissions-Policy header: what browser features the site's pages may use.

Django has no setting for it and django-csp covers only Content-Security-Policy, so
one small middleware writes ``PERMISSIONS_POLICY`` (feature -> allowed origins,
``"self"`` or an origin; an empty list turns the feature off).
"""

from django.conf import settings


def header_value(policy: dict[str, list[str]]) -> str:
    """``camera=(), web-share=(self)``: the header's structured-field syntax."""
    parts = []
    for feature, origins in policy.items():
        allowed = " ".join(origin if origin == "self" else f'"{origin}"' for origin in origins)
        parts.append(f"{feature}=({allowed})")
    return ", ".join(parts)


class PermissionsPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.value = header_value(getattr(settings, "PERMISSIONS_POLICY", {}))

    def __call__(self, request):
        response = self.get_response(request)
        if self.value:
            response.headers.setdefault("Permissions-Policy", self.value)
        return response
