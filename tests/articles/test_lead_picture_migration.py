"""articles 0016: pictures stored on articles move into the image library, and back."""

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from tests.images.pictures import photo, with_exif

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [("articles", "0015_topic_name_key"), ("images", "0001_image_library")]
AFTER = [("articles", "0016_lead_pictures_from_library")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.fixture
def old_schema():
    apps = migrate(BEFORE)
    yield apps
    migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())


def test_pictures_move_into_the_library_and_back(old_schema):
    Article = old_schema.get_model("articles", "Article")
    RelatedLink = old_schema.get_model("articles", "RelatedLink")
    harbour = photo(800, 500)
    located = with_exif(photo(600, 400), gps=True)

    def article(headline, content=None, name="", **fields):
        row = Article(
            headline=headline, slug=headline.lower().replace(" ", "-"), headline_key=headline, **fields
        )
        if content is not None:
            row.image.save(name, ContentFile(content), save=False)
        row.save()
        return row

    first = article("First", harbour, "harbour.jpg", image_alt="Boats in a harbour", image_credit="Photo: A")
    second = article("Second", harbour, "harbour-again.jpg", image_alt="Other words", image_credit="Photo: B")
    third = article("Third", located, "gps.jpg", image_alt="A street")
    broken = article("Broken", b"not a picture at all", "broken.jpg", image_alt="Nothing")
    plain = article("Plain")
    link = RelatedLink(article=first, position=0, title="Elsewhere", title_key="elsewhere")
    link.image.save("card.jpg", ContentFile(photo(500, 300)), save=False)
    link.save()

    apps = migrate(AFTER)
    Article = apps.get_model("articles", "Article")
    Image = apps.get_model("images", "Image")
    RelatedLink = apps.get_model("articles", "RelatedLink")
    by_headline = {a.headline: a for a in Article.objects.select_related("lead_image")}

    assert Image.objects.count() == 3  # the harbour (once, for two articles), the street, the card
    moved = by_headline["First"].lead_image
    assert (moved.alt_text, moved.credit, moved.width, moved.height) == (
        "Boats in a harbour",
        "Photo: A",
        800,
        500,
    )
    assert moved.file.name.startswith("images/") and moved.sha256
    assert moved.source.startswith("Moved into the library from “articles/")
    assert by_headline["Second"].lead_image_id == moved.pk  # the same file: one picture
    street = by_headline["Third"].lead_image
    with street.file.open("rb") as stored:
        assert b"GPS" not in stored.read()  # the library keeps a copy without the location
    assert by_headline["Broken"].lead_image_id is None  # not a picture: reported, left behind
    assert by_headline["Plain"].lead_image_id is None
    card = RelatedLink.objects.select_related("image").get()
    assert (card.image.width, card.image.height) == (500, 300)
    assert not moved.renditions_fingerprint  # made by the worker or manage.py make_renditions

    apps = migrate(BEFORE)
    Article = apps.get_model("articles", "Article")
    RelatedLink = apps.get_model("articles", "RelatedLink")
    back = {a.headline: a for a in Article.objects.all()}
    assert back["First"].image.name == moved.file.name
    assert (back["First"].image_alt, back["First"].image_credit) == ("Boats in a harbour", "Photo: A")
    assert back["Second"].image.name == moved.file.name
    assert back["Third"].image.name == street.file.name
    assert back["Broken"].image.name == "" and back["Plain"].image.name == ""
    assert RelatedLink.objects.get().image.name == card.image.file.name
    assert second.pk and third.pk and broken.pk and plain.pk
