"""The Permissions-Policy header: what browser features the site's pages may use.

Django has no setting for it and django-csp covers only Content-Security-Policy, so
one small middleware writes ``PERMISSIONS_POLICY`` (feature -> allowed origins,
``"self"`` or an origin; an empty list turns the feature off). Another lets the admin's
inline import maps through the Content-Security-Policy by their hashes.
"""

import base64
import hashlib
import re

from csp.middleware import CSPMiddleware
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


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, which a 304 skips: it has no body for a policy to guard.

    The browser keeps the policy of the copy it revalidated (RFC 9111, 4.3.4: a
    header that a 304 leaves out stays as stored), and building the policy is the
    costliest part of answering one.
    """

    def process_response(self, request, response):
        if response.status_code == 304:
            return response
        return super().process_response(request, response)


# The import maps of a page: the admin's rich-text editor (django-prose-editor, through
# django-js-asset) names its ES modules in an inline <script type="importmap">.
IMPORT_MAP = re.compile(rb'<script type="importmap"[^>]*>(.*?)</script>', re.DOTALL)


class ImportMapHashMiddleware:
    """Lets a page's inline import maps run under a policy that allows no inline script.

    An import map cannot be loaded from a file, and the one the editor needs is JSON the
    site itself wrote (the static addresses of its modules). Each one found in an HTML
    response is allowed by its SHA-256 hash in that response's policy alone; every other
    inline script stays refused. Readers' pages have none, so theirs are untouched. Placed
    after django-csp's middleware, so that its hashes reach the policy django-csp writes.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.streaming or not response.get("Content-Type", "").startswith("text/html"):
            return response
        hashes = [
            f"'sha256-{base64.b64encode(hashlib.sha256(found.group(1)).digest()).decode()}'"
            for found in IMPORT_MAP.finditer(response.content)
        ]
        if hashes:
            # django-csp adds an update's sources to the policy's own (report-only: its twin).
            for name in ("_csp_update", "_csp_update_ro"):
                update = dict(getattr(response, name, None) or {})
                update["script-src"] = [*update.get("script-src", []), *hashes]
                setattr(response, name, update)
        return response
