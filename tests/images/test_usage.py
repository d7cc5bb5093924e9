"""Deleting a picture a live page uses is refused, however it is done; an unused one goes with its files."""

import pytest
from django.urls import reverse

from images import usage
from images.models import Image
from images.renditions import rendition_names

pytestmark = pytest.mark.django_db


@pytest.fixture
def uses():
    """Register a finder for the test: ``uses[image_id] = (label, live)``."""
    found: dict[int, tuple[str, bool]] = {}

    def finder(image_ids):
        for image_id, (label, live) in found.items():
            if image_id in image_ids:
                yield usage.Usage(image_id, label, url=f"/admin/story/{image_id}/", blocks_deletion=live)

    usage.register(finder)
    yield found
    usage.unregister(finder)


def test_deleting_an_image_a_live_article_uses_raises_with_the_uses(make_image, uses):
    image = make_image(320, 240)
    uses[image.pk] = ("Article “Minsk talks stall”", True)
    with pytest.raises(usage.ImageInUse) as refused:
        image.delete()
    assert str(refused.value.args[0]) == (
        "This image is in use and cannot be deleted: Article “Minsk talks stall”."
    )
    assert [use.label for use in refused.value.uses] == ["Article “Minsk talks stall”"]
    with pytest.raises(usage.ImageInUse):
        Image.objects.filter(pk=image.pk).delete()
    assert Image.objects.filter(pk=image.pk).exists()


def test_the_admin_refuses_the_delete_and_says_where_the_image_is_used(admin_client, make_image, uses):
    image = make_image(320, 240, alt_text="Boats")
    uses[image.pk] = ("Article “Minsk talks stall”", True)
    url = reverse("admin:images_image_delete", args=[image.pk])
    page = admin_client.get(url).content.decode()
    assert "<p>“Boats” is in use on live pages and cannot be deleted. Take it out of these first:</p>" in page
    assert f'<li><a href="/admin/story/{image.pk}/">Article “Minsk talks stall”</a></li>' in page
    assert 'type="submit"' not in page.split('id="content"')[1]
    assert admin_client.post(url, {"post": "yes"}).status_code == 200
    assert Image.objects.filter(pk=image.pk).exists()


def test_the_bulk_delete_action_refuses_images_in_use(admin_client, make_image, uses):
    used, unused = make_image(320, 240, name="used.jpg"), make_image(330, 240, name="unused.jpg")
    uses[used.pk] = ("Article “Minsk talks stall”", True)
    response = admin_client.post(
        reverse("admin:images_image_changelist"),
        {"action": "delete_selected", "_selected_action": [used.pk, unused.pk], "post": "yes"},
    )
    page = response.content.decode()
    assert "would require deleting the following protected related objects" in page
    assert "Article “Minsk talks stall”" in page
    assert Image.objects.count() == 2


def test_an_image_used_only_by_drafts_is_deleted_with_its_files(
    admin_client, make_image, uses, django_capture_on_commit_callbacks
):
    image = make_image(320, 240)
    uses[image.pk] = ("Draft “Unfinished”", False)
    storage = image.file.storage
    files = [image.file.name, *rendition_names(image).values()]
    assert all(storage.exists(name) for name in files)
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(reverse("admin:images_image_delete", args=[image.pk]), {"post": "yes"})
    assert response.status_code == 302
    assert not Image.objects.filter(pk=image.pk).exists()
    assert [name for name in files if storage.exists(name)] == []


def test_the_change_page_lists_where_the_image_is_used(admin_client, make_image, uses):
    image = make_image(320, 240)
    uses[image.pk] = ("Article “Minsk talks stall”", True)
    page = admin_client.get(reverse("admin:images_image_change", args=[image.pk])).content.decode()
    assert f'<li><a href="/admin/story/{image.pk}/">Article “Minsk talks stall”</a> (live)</li>' in page
