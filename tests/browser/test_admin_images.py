"""An editor uploads a picture, sets its focal point by clicking it and from the keyboard, finds it in
the library, and is told why a picture on a live page cannot be deleted: axe-clean throughout."""

import pytest
from django.contrib.auth.models import User
from django.urls import reverse
from playwright.sync_api import expect

from images import usage
from images.library import add_image
from images.models import Image
from images.renditions import renditions
from tests.factories import ArticleFactory
from tests.images.pictures import photo

from .admin_helpers import PASSWORD, check_accessibility, desktop_page, sign_in  # noqa: F401  (fixture)

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.urls("tests.images.urls_media")]


@pytest.fixture
def editor(transactional_db):
    return User.objects.create_superuser("ella", "ella@example.com", PASSWORD)


def test_an_editor_uploads_a_picture_and_sets_its_focal_point(live_server, page, screenshot, editor):
    sign_in(page, live_server, "ella")
    page.goto(live_server.url + reverse("admin:images_image_add"))
    picture = page.locator(".focal-point-picture")
    assert picture.is_hidden()
    page.get_by_label("Picture").set_input_files(
        {"name": "harbour.jpg", "mimeType": "image/jpeg", "buffer": photo(1600, 1000)}
    )
    picture.wait_for(state="visible")
    # Not page.wait_for_function: its polling evaluates a string, which the site's policy refuses.
    expect(picture).not_to_have_js_property("naturalWidth", 0)
    box = picture.bounding_box()
    picture.click(position={"x": box["width"] * 0.25, "y": box["height"] * 0.75})
    across, down = page.get_by_label("Across (0 left, 1 right)"), page.get_by_label("Down (0 top, 1 bottom)")
    assert float(across.input_value()) == pytest.approx(0.25, abs=0.02)
    assert float(down.input_value()) == pytest.approx(0.75, abs=0.02)
    assert (
        across.get_attribute("aria-valuetext") == f"{round(float(across.input_value()) * 100)}% from the left"
    )
    # From the keyboard: the slider moves in steps of 0.01, and so does the marker.
    down.focus()
    before = float(down.input_value())
    for _ in range(5):
        page.keyboard.press("ArrowLeft")
    assert float(down.input_value()) == pytest.approx(before - 0.05, abs=0.001)
    assert (
        page.locator(".focal-point-marker").evaluate("m => m.style.top") == f"{round((before - 0.05) * 100)}%"
    )
    page.get_by_label("Alt text").fill("Three sailing boats on a choppy sea")
    page.get_by_label("Credit").fill("Photograph: Ana Lima/Reuters")
    check_accessibility(page, "admin-image-add")
    screenshot("admin-image-add")
    page.get_by_role("button", name="Save and continue editing").click()
    page.wait_for_selector(".messagelist")

    image = Image.objects.get()
    assert (image.focal_x, image.focal_y) == (float(across.input_value()), float(down.input_value()))
    assert image.uploaded_by == editor
    assert image.renditions_ready
    # The change page shows the saved picture (a rendition) with its marker where it was set.
    assert page.locator(".focal-point-picture").evaluate("p => p.complete && p.naturalWidth") == 800
    check_accessibility(page, "admin-image-change")
    screenshot("admin-image-change")

    page.goto(live_server.url + reverse("admin:images_image_changelist") + "?q=boats")
    row = page.get_by_role("link", name="Three sailing boats on a choppy sea")
    assert row.is_visible()
    thumbnail = page.locator("img.image-thumbnail")
    assert thumbnail.evaluate("t => t.complete && t.naturalWidth") == 160
    check_accessibility(page, "admin-image-list")
    screenshot("admin-image-list")


def test_deleting_a_picture_on_a_live_page_is_refused_with_the_page_named(
    live_server, page, screenshot, editor
):
    image = add_image(content=photo(800, 600), name="boats.jpg", alt_text="Boats").image
    image.refresh_from_db()  # the task queue (run at once in tests) made the renditions
    assert renditions(image)

    def finder(image_ids):
        return [usage.Usage(image.pk, "Article “Minsk talks stall”", url="/", blocks_deletion=True)]

    usage.register(finder)
    try:
        sign_in(page, live_server, "ella")
        page.goto(live_server.url + reverse("admin:images_image_delete", args=[image.pk]))
        assert (
            "“Boats” is in use on live pages and cannot be deleted." in page.locator("#content").inner_text()
        )
        assert page.get_by_role("link", name="Article “Minsk talks stall”").is_visible()
        assert page.get_by_role("button", name="Yes, I’m sure").count() == 0
        check_accessibility(page, "admin-image-delete-refused")
        screenshot("admin-image-delete-refused")
    finally:
        usage.unregister(finder)
    assert Image.objects.filter(pk=image.pk).exists()


def test_an_editor_picks_a_lead_picture_by_searching_the_library_with_thumbnails(
    live_server, page, screenshot, editor
):
    add_image(content=photo(900, 600), name="quay.jpg", alt_text="A quay at dawn with moored boats")
    add_image(content=photo(700, 500), name="court.jpg", alt_text="A crowd outside the court")
    article = ArticleFactory(headline="Quay reopens")
    sign_in(page, live_server, "ella")
    page.goto(live_server.url + reverse("admin:articles_article_change", args=[article.pk]))
    field = page.locator(".field-lead_image")
    field.locator(".select2-selection").click()
    page.locator(".select2-container--open .select2-search__field").fill("quay")
    option = page.locator(".select2-results__option .image-chooser-option", has_text="A quay at dawn")
    # select2 lists the whole library first and the search's results once its delay has passed.
    expect(page.locator(".select2-results__option")).to_have_count(1)
    option.wait_for()
    thumbnail = option.locator("img")
    for _ in range(50):  # the thumbnail loads after the option shows (no wait_for_function: the CSP)
        if thumbnail.evaluate("t => t.complete && t.naturalWidth"):
            break
        page.wait_for_timeout(100)
    assert thumbnail.evaluate("t => t.complete && t.naturalWidth") == 160
    screenshot("admin-article-lead-picture-chooser")
    option.click()
    assert field.locator(".select2-selection img").is_visible()  # the chosen picture's thumbnail
    check_accessibility(page, "admin-article-lead-picture")
    page.get_by_role("button", name="Save and continue editing").click()
    page.wait_for_selector(".messagelist")
    article.refresh_from_db()
    assert article.lead_image.alt_text == "A quay at dawn with moored boats"


def test_an_editor_uploads_a_lead_picture_without_leaving_the_article_form(live_server, page, editor):
    sign_in(page, live_server, "ella")
    page.goto(live_server.url + reverse("admin:articles_article_add"))
    with page.expect_popup() as opened:
        page.locator("#add_id_lead_image").click()
    upload = opened.value
    upload.wait_for_load_state()
    upload.get_by_label("Picture").set_input_files(
        {"name": "quay.jpg", "mimeType": "image/jpeg", "buffer": photo(1000, 700)}
    )
    upload.get_by_label("Alt text").fill("A quay at dawn with moored boats")
    upload.get_by_role("button", name="Save", exact=True).click()
    upload.wait_for_event("close")

    chosen = page.locator(".field-lead_image .select2-selection__rendered")
    assert "A quay at dawn with moored boats" in chosen.inner_text()
    assert chosen.bounding_box()["width"] > 300  # the chooser keeps its width when it was empty
    assert page.locator("#id_lead_image").input_value() == str(Image.objects.get().pk)
