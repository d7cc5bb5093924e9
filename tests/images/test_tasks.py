"""Renditions are made by a task on the queue once a picture is saved, never in the request."""

from io import StringIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from articles.models import Article
from images.models import Image
from images.tasks import make_renditions
from newsroom import versions
from tests.factories import ArticleFactory
from tests.images.pictures import photo

pytestmark = pytest.mark.django_db


def test_an_upload_queues_the_renditions_instead_of_making_them(
    admin_client, queue_in_database, django_capture_on_commit_callbacks
):
    quay = SimpleUploadedFile("quay.jpg", photo(900, 600), content_type="image/jpeg")
    upload = {"file": quay, "alt_text": "Quay", "focal_point_0": "0.5", "focal_point_1": "0.5"}
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(reverse("admin:images_image_add"), upload)
    assert response.status_code == 302
    image = Image.objects.get()
    assert not image.renditions_ready  # the request made none
    (queued,) = DBTaskResult.objects.all()
    assert queued.task_path == "images.tasks.make_renditions"
    assert queued.args_kwargs["args"] == [image.pk]


def test_the_task_makes_them_and_marks_cached_pages_stale(make_image, django_capture_on_commit_callbacks):
    image = make_image(900, 600, renditions=False)
    before = versions.read()
    with django_capture_on_commit_callbacks(execute=True):
        made = make_renditions.call(image.pk)
    image.refresh_from_db()
    assert made > 0
    assert image.renditions_ready
    assert versions.read() != before
    assert make_renditions.call(image.pk) == 0  # again: nothing to do
    assert make_renditions.call(image.pk + 1000) == 0  # a deleted picture: nothing to do


def test_a_page_with_a_picture_waiting_for_renditions_queues_nothing(client, make_image, queue_in_database):
    article = ArticleFactory(lead_image=make_image(900, 600, renditions=False))
    assert client.get(article.get_absolute_url()).status_code == 200
    assert not DBTaskResult.objects.exists()


def test_make_renditions_command_makes_what_is_missing_or_queues_it(make_image, queue_in_database):
    waiting = make_image(700, 500, renditions=False)
    make_image(600, 400)
    call_command("make_renditions", "--queue", stdout=(out := StringIO()))
    assert "Renditions queued for 1 picture(s)." in out.getvalue()
    assert list(DBTaskResult.objects.values_list("args_kwargs", flat=True)) == [
        {"args": [waiting.pk], "kwargs": {}}
    ]
    call_command("make_renditions", stdout=(out := StringIO()))
    waiting.refresh_from_db()
    assert waiting.renditions_ready
    assert "Renditions made for 1 picture(s)." in out.getvalue()


def test_the_sample_content_gives_every_sample_article_a_described_lead_picture():
    call_command("load_sample_content", stdout=StringIO())
    articles = list(Article.objects.select_related("lead_image"))
    assert len(articles) == 6
    assert all(a.lead_image and a.lead_image.alt_text and a.lead_image.credit for a in articles)
    assert len({a.lead_image_id for a in articles}) == 6
    floods = next(a for a in articles if "Jacuí" in a.headline)
    assert (
        floods.lead_caption == "Floodwater around houses on the islands of the Jacuí delta, off Porto Alegre."
    )
    assert not any(a.was_updated for a in articles)
