"""Admin widgets: the focal-point picker, and a picture chooser for other models' forms."""

from django import forms
from django.contrib.admin.widgets import AutocompleteSelect
from django.urls import reverse

from .models import Image
from .serialize import thumbnail_url

ACCEPT = "image/jpeg,image/png,image/webp,image/gif"
# Width of the picture shown to set the focal point, and of the chooser's thumbnails.
PREVIEW_WIDTH = 800
CHOOSER_THUMBNAIL_WIDTH = 160


class RangeInput(forms.NumberInput):
    input_type = "range"


class FocalPointWidget(forms.MultiWidget):
    """Two sliders (across, down), and the picture: clicking it moves both to the click.

    The sliders are the keyboard's and screen reader's way (arrow keys; each announces its
    value as a percentage), the click the mouse's; a marker shows the point on the picture.
    On the upload form the picture appears as soon as a file is chosen.
    """

    template_name = "images/widgets/focal_point.html"

    class Media:
        css = {"all": ["images/focal-point.css"]}
        js = ["images/focal-point.js"]

    def __init__(self, attrs=None):
        slider = {"min": "0", "max": "1", "step": "0.01"}
        super().__init__([RangeInput(attrs=slider), RangeInput(attrs=slider)], attrs)
        self.preview = None  # (url, width, height) of the picture, set by the form

    def decompress(self, value):
        return list(value) if value else [0.5, 0.5]

    def id_for_label(self, id_):
        # Each slider has its own label; the field's label names the group.
        return ""

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["preview"] = self.preview
        context["widget"]["labels"] = ["Across (0 left, 1 right)", "Down (0 top, 1 bottom)"]
        return context


class ImageChooserWidget(AutocompleteSelect):
    """Pick a picture of the library by searching its alt text, caption and credit, with thumbnails.

    Use it for any ``ForeignKey`` to ``images.Image`` in an admin form (``ImageChooserMixin`` does);
    the admin's add/change links beside it open the upload form in a pop-up, so a new picture is
    uploaded without leaving the form.
    """

    def get_url(self):
        return reverse(f"{self.admin_site.name}:images_image_choose")

    def build_attrs(self, base_attrs, extra_attrs=None):
        attrs = super().build_attrs(base_attrs, extra_attrs=extra_attrs)
        # Our script starts select2 with thumbnails; Django's autocomplete.js must leave it alone.
        attrs["class"] = attrs["class"].replace("admin-autocomplete", "image-chooser")
        return attrs

    def optgroups(self, name, value, attr=None):
        groups = super().optgroups(name, value, attr)
        options = [option for _group, group_options, _index in groups for option in group_options]
        chosen = Image.objects.in_bulk([option["value"] for option in options if option["value"] != ""])
        for option in options:
            image = chosen.get(option["value"])
            if image is not None:
                option["attrs"]["data-thumbnail"] = thumbnail_url(image, width=CHOOSER_THUMBNAIL_WIDTH)
        return groups

    @property
    def media(self):
        # Named after jquery.init.js, so that merging the form's media keeps chooser.js after it
        # (the script reads django.jQuery as it loads).
        chooser = forms.Media(
            css={"all": ["images/chooser.css"]}, js=["admin/js/jquery.init.js", "images/chooser.js"]
        )
        return super().media + chooser
