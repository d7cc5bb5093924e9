"""Who else is on an article's form, on the form itself: a notice kept current while it is open."""

from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from .. import presence


def _people(editors: list[presence.Editor]) -> list[dict]:
    return [{"name": e.name, "since": date_format(timezone.localtime(e.since), "H:i")} for e in editors]


class PresenceMixin:
    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path(
                "<path:object_id>/presence/",
                view(never_cache(require_POST(self.presence_view))),
                name="articles_article_presence",
            ),
            *super().get_urls(),
        ]

    def presence_view(self, request, object_id):
        """The form says it is open (or, with ``gone``, closed); the answer is who else has it open."""
        obj = self.get_object(request, unquote(object_id))
        if obj is None or not self.has_view_or_change_permission(request, obj):
            raise PermissionDenied
        if request.POST.get("gone"):
            presence.gone(article_id=obj.pk, user=request.user)
            return JsonResponse({"others": []})
        presence.here(article_id=obj.pk, user=request.user)
        others = presence.others(article_id=obj.pk, user=request.user)
        return JsonResponse({"others": _people(others), "beat_seconds": presence.BEAT_SECONDS})

    def form_context(self, request, obj, form=None) -> dict:
        context = super().form_context(request, obj, form)
        if obj is None:
            return context
        presence.here(article_id=obj.pk, user=request.user)
        return {
            **context,
            "presence_others": _people(presence.others(article_id=obj.pk, user=request.user)),
            "presence_url": reverse("admin:articles_article_presence", args=[obj.pk]),
            "presence_beat_ms": presence.BEAT_SECONDS * 1000,
        }
