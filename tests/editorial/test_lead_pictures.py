"""The lead picture's rules: alt text before it goes live, no deleting one a live article shows,
and picking or uploading one from the article form."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from articles import publishing
from articles.models import Article, BodyBlock
from articles.pictures import ALT_TEXT_NEEDED
from images import usage
from images.models import Image
from tests.factories import ArticleFactory, RelatedLinkFactory

from .helpers import article_form

pytestmark = pytest.mark.django_db


def stored(article) -> Article:
    return Article.objects.get(pk=article.pk)


@pytest.fixture
def no_alt(make_image):
    return make_image(400, 300, alt_text="")


def test_publishing_an_article_whose_lead_picture_has_no_alt_text_is_refused(no_alt):
    article = ArticleFactory(draft=True, lead_image=no_alt)
    result = publishing.publish_now([article])
    assert result.changed == []
    assert [refusal.article for refusal in result.refused] == [article]
    assert str(result.refused[0]) == f"“{article.headline}” was not published: {ALT_TEXT_NEEDED}"
    assert stored(article).state == Article.State.DRAFT


def test_a_picture_in_the_body_needs_alt_text_too(no_alt, make_image):
    article = ArticleFactory(draft=True, lead_image=make_image(420, 300, alt_text="A harbour"))
    assert article.blocks.count() == 1  # the factory's text
    BodyBlock.objects.create(article=article, kind=BodyBlock.Kind.IMAGE, image=no_alt, position=1)

    result = publishing.publish_now([article])

    assert result.changed == []
    assert "picture in block 2 of the body has no alt text" in str(result.refused[0])
    assert stored(article).state == Article.State.DRAFT
    Image.objects.filter(pk=no_alt.pk).update(alt_text="A boat at dawn")
    assert publishing.publish_now([article]).changed == [article]


def test_scheduling_it_is_refused_too(no_alt):
    article = ArticleFactory(draft=True, lead_image=no_alt)
    result = publishing.schedule([article], at=timezone.now() + timedelta(days=1))
    assert result.changed == [] and len(result.refused) == 1
    assert stored(article).state == Article.State.DRAFT


def test_with_alt_text_it_is_published(make_image):
    article = ArticleFactory(draft=True, lead_image=make_image(400, 300, alt_text="A quay at dawn"))
    assert publishing.publish_now([article]).changed == [article]
    assert stored(article).is_live


def test_the_admin_publish_button_says_why_and_publishes_nothing(editor, no_alt):
    article = ArticleFactory(draft=True, lead_image=no_alt)
    data = article_form(editor, article) | {"_publish": "Save and publish now"}
    response = editor.post(reverse("admin:articles_article_change", args=[article.pk]), data)
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["lead_image"] == [ALT_TEXT_NEEDED]
    assert ALT_TEXT_NEEDED in response.content.decode()
    assert stored(article).state == Article.State.DRAFT


def test_a_draft_with_such_a_picture_is_saved(editor, no_alt):
    article = ArticleFactory(draft=True)
    data = article_form(editor, article) | {"lead_image": str(no_alt.pk), "_save": "Save"}
    response = editor.post(reverse("admin:articles_article_change", args=[article.pk]), data)
    assert response.status_code == 302
    assert stored(article).lead_image == no_alt


def test_a_live_article_cannot_be_given_a_picture_without_alt_text(editor, no_alt):
    article = ArticleFactory()
    data = article_form(editor, article) | {"lead_image": str(no_alt.pk), "_save": "Save"}
    response = editor.post(reverse("admin:articles_article_change", args=[article.pk]), data)
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["lead_image"] == [ALT_TEXT_NEEDED]
    assert stored(article).lead_image is None


def test_the_bulk_publish_action_reports_the_refusal(editor, no_alt):
    article = ArticleFactory(draft=True, lead_image=no_alt)
    response = editor.post(
        reverse("admin:articles_article_changelist"),
        {"action": "publish_now", "_selected_action": [article.pk]},
        follow=True,
    )
    assert ALT_TEXT_NEEDED in response.content.decode()
    assert stored(article).state == Article.State.DRAFT


@pytest.mark.parametrize("state", ["live", "scheduled"])
def test_a_picture_a_live_or_scheduled_article_shows_cannot_be_deleted(make_image, state):
    image = make_image(400, 300)
    article = ArticleFactory(
        headline="Quay reopens", lead_image=image, **({"scheduled": True} if state != "live" else {})
    )
    with pytest.raises(usage.ImageInUse) as refused:
        image.delete()
    label = "published" if state == "live" else "scheduled"
    assert str(refused.value.args[0]) == (
        f"This image is in use and cannot be deleted: Lead picture of “Quay reopens” ({label})."
    )
    assert refused.value.uses[0].url == reverse("admin:articles_article_change", args=[article.pk])
    assert Image.objects.filter(pk=image.pk).exists()


def test_a_picture_on_a_live_articles_related_link_cannot_be_deleted(make_image):
    image = make_image(400, 300)
    RelatedLinkFactory(article=ArticleFactory(headline="Quay reopens"), title="Elsewhere", image=image)
    with pytest.raises(usage.ImageInUse):
        Image.objects.filter(pk=image.pk).delete()


def test_a_picture_only_a_draft_shows_is_deleted_and_the_draft_keeps_no_reference(make_image):
    image = make_image(400, 300)
    article = ArticleFactory(draft=True, lead_image=image)
    image.delete()
    assert stored(article).lead_image is None


def test_the_image_admin_refuses_the_delete_and_names_the_article(admin_client, make_image):
    image = make_image(400, 300)
    ArticleFactory(headline="Quay reopens", lead_image=image)
    url = reverse("admin:images_image_delete", args=[image.pk])
    page = admin_client.get(url).content.decode()
    assert "Lead picture of “Quay reopens” (published)" in page
    admin_client.post(url, {"post": "yes"})
    assert Image.objects.filter(pk=image.pk).exists()
    change = admin_client.get(reverse("admin:images_image_change", args=[image.pk])).content.decode()
    assert "Lead picture of “Quay reopens” (published)" in change


def test_the_article_form_picks_pictures_with_thumbnails_and_uploads_in_a_popup(editor, make_image):
    image = make_image(400, 300, alt_text="A quay at dawn")
    article = ArticleFactory(lead_image=image)
    html = editor.get(reverse("admin:articles_article_change", args=[article.pk])).content.decode()
    chooser = reverse("admin:images_image_choose")
    assert f'data-ajax--url="{chooser}"' in html
    assert 'class="image-chooser' in html
    assert 'data-thumbnail="/media/' in html  # the chosen picture shows its thumbnail
    # The admin's "+" opens the upload form in a pop-up: a new picture without leaving the article.
    assert f'href="{reverse("admin:images_image_add")}?_to_field=id&amp;_popup=1"' in html
    found = editor.get(chooser, {"term": "quay"}).json()["results"]
    assert [r["id"] for r in found] == [str(image.pk)]
    assert found[0]["thumbnail"].startswith("/media/")


def test_the_chooser_script_loads_after_djangos_jquery_on_the_article_form(editor):
    html = editor.get(reverse("admin:articles_article_add")).content.decode()
    scripts = re.findall(r'<script src="([^"]+)"', html)
    position = {src.rsplit("/", 1)[-1]: i for i, src in enumerate(scripts)}
    assert position["jquery.init.js"] < position["chooser.js"]


def test_the_alt_text_of_a_picture_a_live_article_shows_cannot_be_removed(admin_client, make_image):
    image = make_image(400, 300, alt_text="A quay at dawn")
    ArticleFactory(headline="Quay reopens", lead_image=image)
    url = reverse("admin:images_image_change", args=[image.pk])
    data = {
        "alt_text": "",
        "caption": "",
        "credit": "",
        "source": "",
        "focal_point_0": "0.5",
        "focal_point_1": "0.5",
    }
    response = admin_client.post(url, data)
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["alt_text"] == [
        "Published and scheduled articles show this picture, so it needs alt text: "
        "Lead picture of “Quay reopens” (published)."
    ]
    image.refresh_from_db()
    assert image.alt_text == "A quay at dawn"
