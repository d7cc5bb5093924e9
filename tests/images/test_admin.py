"""The image library in the admin: list, upload with checks, focal point, chooser endpoint and widget."""

import json

import pytest
from django.contrib import admin
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import models
from django.urls import reverse

from images.admin import ImageChooserMixin
from images.models import Image
from images.serialize import thumbnail_url
from images.widgets import ImageChooserWidget

from .pictures import photo, with_exif

pytestmark = pytest.mark.django_db
ADD = reverse("admin:images_image_add")
LIST = reverse("admin:images_image_changelist")


def upload(name="harbour.jpg", content=None, **fields):
    data = {
        "file": SimpleUploadedFile(name, content if content is not None else photo(800, 600)),
        "alt_text": "Boats in the harbour",
        "caption": "",
        "credit": "Photograph: Ana Lima",
        "source": "Reuters, licence 123",
        "focal_point_0": "0.25",
        "focal_point_1": "0.75",
    }
    return data | fields


def test_an_editor_uploads_a_picture_with_its_focal_point(
    admin_client, admin_user, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(ADD, upload(content=with_exif(photo(800, 600), gps=True)))
    assert response.status_code == 302
    image = Image.objects.get()
    assert (image.alt_text, image.credit, image.source) == (
        "Boats in the harbour",
        "Photograph: Ana Lima",
        "Reuters, licence 123",
    )
    assert (image.focal_x, image.focal_y, image.width, image.height) == (0.25, 0.75, 800, 600)
    assert image.uploaded_by == admin_user
    assert b"Examplecam" not in image.file.read()
    assert image.renditions_ready  # made once the upload committed


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        (
            "notes.jpg",
            b"Just some text",
            "“notes.jpg” is not a picture we can read: upload a JPEG, PNG, WebP or GIF file.",
        ),
        ("empty.jpg", b"", "The submitted file is empty."),
    ],
)
def test_a_bad_upload_is_refused_on_the_form_with_a_clear_message(admin_client, name, content, message):
    response = admin_client.post(ADD, upload(name=name, content=content))
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["file"] == [message]
    assert Image.objects.count() == 0


def test_uploading_a_picture_the_library_has_links_to_it(admin_client, make_image):
    content = photo(800, 600)
    admin_client.post(ADD, upload(content=content))
    existing = Image.objects.get()
    response = admin_client.post(ADD, upload(name="again.jpg", content=content))
    [error] = response.context["adminform"].form.errors["file"]
    assert error == (
        "The library already has this picture: "
        f'<a href="{reverse("admin:images_image_change", args=[existing.pk])}">Boats in the harbour</a>.'
    )
    assert f"<li>{error}</li>" in response.content.decode()


def test_the_change_form_moves_the_focal_point_without_a_new_file(admin_client, make_image):
    image = make_image(800, 600)
    name = image.file.name
    url = reverse("admin:images_image_change", args=[image.pk])
    page = admin_client.get(url).content.decode()
    assert (
        f'<img class="focal-point-picture" alt="" src="{thumbnail_url(image, width=800)}" '
        'width="800" height="600">' in page
    )
    assert '<label for="id_focal_point_0">Across (0 left, 1 right)</label>' in page
    assert 'type="range" name="focal_point_0" value="0.5" min="0" max="1" step="0.01"' in page
    data = {
        "alt_text": image.alt_text,
        "caption": "",
        "credit": "",
        "source": "",
        "focal_point_0": "0.1",
        "focal_point_1": "0.2",
    }
    assert admin_client.post(url, data).status_code == 302
    image.refresh_from_db()
    assert (image.focal_x, image.focal_y, image.file.name) == (0.1, 0.2, name)


def test_a_focal_point_outside_the_picture_is_refused(admin_client):
    response = admin_client.post(ADD, upload(focal_point_0="1.5"))
    assert response.context["adminform"].form.errors["focal_point"] == [
        "Ensure this value is less than or equal to 1."
    ]


def test_the_list_shows_thumbnails_and_finds_by_caption_and_filters(
    admin_client, make_image, django_assert_max_num_queries
):
    harbour = make_image(800, 600, caption="Boats in Minsk harbour", alt_text="Boats")
    make_image(600, 800, caption="Portrait of the minister", alt_text="", name="minister.jpg")
    page = admin_client.get(LIST).content.decode()
    assert (
        f'<img src="{thumbnail_url(harbour)}" width="96" height="72" alt="" loading="lazy" '
        'class="image-thumbnail">' in page
    )
    found = admin_client.get(LIST, {"q": "harbour"}).context["cl"].result_list
    assert [i.pk for i in found] == [harbour.pk]
    missing = admin_client.get(LIST, {"alt": "missing"}).context["cl"].result_list
    assert [i.caption for i in missing] == ["Portrait of the minister"]
    portrait = admin_client.get(LIST, {"orientation": "portrait"}).context["cl"].result_list
    assert [i.caption for i in portrait] == ["Portrait of the minister"]


def test_the_chooser_endpoint_answers_select2_with_thumbnails(admin_client, make_image):
    image = make_image(800, 600, alt_text="Boats in the harbour", credit="Photograph: A. Lima")
    make_image(640, 480, alt_text="Tractor in a field", name="tractor.jpg")
    response = admin_client.get(reverse("admin:images_image_choose"), {"term": "boats"})
    assert json.loads(response.content) == {
        "results": [
            {
                "id": str(image.pk),
                "text": "Boats in the harbour",
                "thumbnail": thumbnail_url(image, width=160),
                "credit": "Photograph: A. Lima",
                "size": "800 × 600",
            }
        ],
        "pagination": {"more": False},
    }


def test_the_chooser_endpoint_needs_permission_to_view_images(client, django_user_model):
    user = django_user_model.objects.create_user("writer", is_staff=True)
    client.force_login(user)
    url = reverse("admin:images_image_choose")
    assert client.get(url).status_code == 403
    user.user_permissions.add(Permission.objects.get(codename="view_image"))
    assert client.get(url).status_code == 200


def test_the_chooser_widget_renders_the_chosen_picture_with_its_thumbnail(make_image):
    image = make_image(800, 600, alt_text="Boats")
    field = models.ForeignKey(Image, on_delete=models.PROTECT, null=True)
    field.set_attributes_from_name("lead_image")
    field.model = Image  # stands in for the model that points at pictures
    widget = ImageChooserWidget(field, admin.site)
    widget.choices = field.formfield().choices
    html = widget.render("lead_image", image.pk)
    assert 'class="image-chooser"' in html
    assert 'data-ajax--url="/admin/images/image/choose/"' in html
    assert (
        f'<option value="{image.pk}" selected data-thumbnail="{thumbnail_url(image, width=160)}">'
        "Boats</option>" in html
    )
    assert "images/chooser.js" in str(widget.media)


def test_the_chooser_mixin_gives_foreign_keys_to_images_the_chooser(rf, admin_user):
    class PointsAtPictures(ImageChooserMixin, admin.ModelAdmin):
        pass

    field = models.ForeignKey(Image, on_delete=models.PROTECT, null=True, blank=True)
    field.set_attributes_from_name("lead_image")
    field.model = Image
    request = rf.get("/")
    request.user = admin_user
    formfield = PointsAtPictures(Image, admin.site).formfield_for_foreignkey(field, request)
    assert type(formfield.widget) is ImageChooserWidget
