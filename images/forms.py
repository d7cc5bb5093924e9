"""The image library's upload and edit form."""

from django import forms
from django.core.files.base import ContentFile
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils.html import format_html

from . import usage
from .library import apply_prepared
from .models import Image
from .serialize import thumbnail_url
from .uploads import FORMAT_NAMES, check_size, max_bytes, max_pixels, prepare_image
from .widgets import ACCEPT, PREVIEW_WIDTH, FocalPointWidget


class FocalPointField(forms.MultiValueField):
    widget = FocalPointWidget

    def __init__(self, **kwargs):
        fields = (forms.FloatField(min_value=0, max_value=1), forms.FloatField(min_value=0, max_value=1))
        super().__init__(fields, require_all_fields=True, **kwargs)

    def compress(self, data_list):
        return tuple(data_list) if data_list else (0.5, 0.5)


class ImageForm(forms.ModelForm):
    file = forms.FileField(label="Picture", widget=forms.FileInput(attrs={"accept": ACCEPT}))
    focal_point = FocalPointField(
        label="Focal point",
        required=False,
        help_text="The point crops keep in view: 0.5 and 0.5 is the centre.",
    )

    class Meta:
        model = Image
        fields = ["file", "alt_text", "caption", "credit", "source"]
        widgets = {
            "caption": forms.Textarea(attrs={"rows": 3}),
            "source": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._prepared = None
        upload = self.fields["file"]
        upload.help_text = (
            f"A {FORMAT_NAMES} file of at most {filesizeformat(max_bytes())} and "
            f"{max_pixels() / 1_000_000:g} megapixels. Its location and camera details are removed."
        )
        if self.instance.pk:
            upload.required = False
            upload.label = "Replace the picture"
            self.fields["focal_point"].widget.preview = (
                thumbnail_url(self.instance, width=PREVIEW_WIDTH),
                self.instance.width,
                self.instance.height,
            )
        self.initial.setdefault("focal_point", (self.instance.focal_x, self.instance.focal_y))

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if not upload or upload == self.instance.file:
            return None
        check_size(upload.size, name=upload.name)
        prepared = prepare_image(upload.read(), name=upload.name)
        duplicate = Image.objects.filter(sha256=prepared.sha256).exclude(pk=self.instance.pk).first()
        if duplicate is not None:
            raise forms.ValidationError(
                format_html(
                    'The library already has this picture: <a href="{}">{}</a>.',
                    reverse("admin:images_image_change", args=[duplicate.pk]),
                    duplicate,
                ),
                code="duplicate",
            )
        self._prepared = prepared
        return ContentFile(prepared.content, name=prepared.name)

    def clean_alt_text(self):
        alt_text = self.cleaned_data.get("alt_text", "")
        if not alt_text.strip() and self.instance.pk:
            live = usage.blocking_usages([self.instance.pk])
            if live:
                raise forms.ValidationError(
                    "Published and scheduled articles show this picture, so it needs alt text: "
                    + "; ".join(use.label for use in live)
                    + ".",
                    code="alt_text_in_use",
                )
        return alt_text

    def clean(self):
        cleaned = super().clean()
        if self._prepared is not None:
            apply_prepared(self.instance, self._prepared)
        focal_point = cleaned.get("focal_point")
        if focal_point:
            self.instance.focal_x, self.instance.focal_y = focal_point
        return cleaned
