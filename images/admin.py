"""The image library in the admin: a searchable list with thumbnails, the upload form with its
focal-point picker, a chooser endpoint for other forms, and deletes refused while in use."""

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import JsonResponse
from django.urls import path
from django.utils.html import format_html, format_html_join

from . import usage
from .forms import ImageForm
from .models import Image
from .serialize import thumbnail_url
from .widgets import CHOOSER_THUMBNAIL_WIDTH, ImageChooserWidget

LIST_THUMBNAIL_WIDTH = 96  # CSS pixels; the 160-pixel WebP covers it at up to 1.7x density
CHOOSER_PAGE_SIZE = 20


def _link(use: usage.Usage):
    return format_html('<a href="{}">{}</a>', use.url, use.label) if use.url else use.label


class AltTextFilter(admin.SimpleListFilter):
    title = "alt text"
    parameter_name = "alt"

    def lookups(self, request, model_admin):
        return [("missing", "Missing"), ("written", "Written")]

    def queryset(self, request, queryset):
        if self.value() == "missing":
            return queryset.missing_alt_text()
        if self.value() == "written":
            return queryset.exclude(alt_text="")
        return queryset


class OrientationFilter(admin.SimpleListFilter):
    title = "orientation"
    parameter_name = "orientation"

    def lookups(self, request, model_admin):
        return [("landscape", "Landscape"), ("portrait", "Portrait"), ("square", "Square")]

    def queryset(self, request, queryset):
        if self.value() in {"landscape", "portrait", "square"}:
            return getattr(queryset, self.value())()
        return queryset


@admin.register(Image)
class ImageAdmin(admin.ModelAdmin):
    form = ImageForm
    list_display = ["thumbnail", "__str__", "credit", "dimensions", "created_at", "uploaded_by"]
    list_display_links = ["__str__"]
    list_select_related = ["uploaded_by"]
    list_filter = [AltTextFilter, OrientationFilter, ("uploaded_by", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["alt_text", "caption", "credit", "source", "file"]
    date_hierarchy = "created_at"
    list_per_page = 50
    readonly_fields = ["dimensions", "used_in", "uploaded_by", "created_at", "updated_at"]
    fieldsets = [
        (None, {"fields": ["file", "focal_point"]}),
        ("For readers", {"fields": ["alt_text", "caption", "credit"]}),
        ("For the newsroom", {"fields": ["source", "dimensions", "used_in", "uploaded_by", "created_at"]}),
    ]
    add_fieldsets = [
        (None, {"fields": ["file", "focal_point"]}),
        ("For readers", {"fields": ["alt_text", "caption", "credit"]}),
        ("For the newsroom", {"fields": ["source"]}),
    ]

    def get_fieldsets(self, request, obj=None):
        return self.fieldsets if obj else self.add_fieldsets

    @admin.display(description="Picture")
    def thumbnail(self, image):
        height = round(LIST_THUMBNAIL_WIDTH * image.height / image.width) if image.width else 0
        # The row's link names the picture; the thumbnail beside it is decorative.
        return format_html(
            '<img src="{}" width="{}" height="{}" alt="" loading="lazy" class="image-thumbnail">',
            thumbnail_url(image),
            LIST_THUMBNAIL_WIDTH,
            height,
        )

    @admin.display(description="Size")
    def dimensions(self, image):
        return f"{image.width} × {image.height}" if image.width else "–"

    @admin.display(description="Used in")
    def used_in(self, image):
        uses = usage.usages([image.pk]) if image.pk else []
        if not uses:
            return "Not used yet."
        return format_html(
            "<ul>{}</ul>",
            format_html_join(
                "",
                "<li>{}{}</li>",
                ((_link(use), " (live)" if use.blocks_deletion else "") for use in uses),
            ),
        )

    def save_model(self, request, obj, form, change):
        if not change:
            obj.uploaded_by = request.user
        super().save_model(request, obj, form, change)

    def get_deleted_objects(self, objs, request):
        deleted, model_count, perms_needed, protected = super().get_deleted_objects(objs, request)
        blocking = usage.blocking_usages([obj.pk for obj in objs])
        protected = [*protected, *(_link(use) for use in blocking)]
        return deleted, model_count, perms_needed, protected

    def get_urls(self):
        choose = path(
            "choose/",
            self.admin_site.admin_view(self.choose_view),
            name=f"{self.opts.app_label}_{self.opts.model_name}_choose",
        )
        return [choose, *super().get_urls()]

    def choose_view(self, request):
        """select2's JSON for ``ImageChooserWidget``: the library searched as the list is, with thumbnails."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        queryset, _duplicates = self.get_search_results(
            request, self.get_queryset(request), request.GET.get("term", "")
        )
        page = Paginator(queryset, CHOOSER_PAGE_SIZE).get_page(request.GET.get("page"))
        return JsonResponse(
            {
                "results": [
                    {
                        "id": str(image.pk),
                        "text": str(image),
                        "thumbnail": thumbnail_url(image, width=CHOOSER_THUMBNAIL_WIDTH),
                        "credit": image.credit,
                        "size": f"{image.width} × {image.height}",
                    }
                    for image in page
                ],
                "pagination": {"more": page.has_next()},
            }
        )

    class Media:
        css = {"all": ["images/admin.css"]}


class ImageChooserMixin:
    """For a ``ModelAdmin`` or inline with foreign keys to ``Image``: pick with thumbnails, or upload."""

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.related_model is Image and "widget" not in kwargs:
            kwargs["widget"] = ImageChooserWidget(db_field, self.admin_site)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)
