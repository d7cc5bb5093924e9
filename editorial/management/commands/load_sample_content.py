"""Load the demo site: import and publish ``sample_documents/``, as an editor would tag and schedule them.

The documents go through the same importer as the archive; then each gets the
topics an editor would give it (``sample_documents/topics.json``), a lead picture
from the sample pictures with its caption for the story (``sample_documents/pictures.json``;
the archive's documents carry no pictures) and a publication time a few hours apart,
so that the home page reads like a day's news.
"""

import json
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from articles.importing import Source, Status, import_batch
from articles.models import Article
from images.samples import SAMPLES as SAMPLE_PICTURES
from images.samples import load_sample_images
from images.tasks import make_renditions
from newsroom.cache import bump_content_version

SAMPLES = Path(settings.BASE_DIR) / "sample_documents"


class Command(BaseCommand):
    help = "Import, tag and publish the sample articles in sample_documents/ (safe to run again)."

    def handle(self, *args, **options):
        topics = json.loads((SAMPLES / "topics.json").read_text(encoding="utf-8"))
        pictures = json.loads((SAMPLES / "pictures.json").read_text(encoding="utf-8"))
        library = self.sample_pictures()
        paths = sorted(SAMPLES.glob("*.txt"))
        now = timezone.now().replace(second=0, microsecond=0)
        newest_first = list(reversed(paths))
        sources = [Source(name=path.name, path=path) for path in newest_first]
        for age, (path, result) in enumerate(
            zip(newest_first, import_batch(sources, publish=True), strict=True)
        ):
            if result.status == Status.ERROR:
                raise CommandError(result.error)
            article = Article.objects.get(pk=result.article_id)
            if result.status != Status.UNCHANGED:
                # The newest file is the latest story; the others went out earlier in the day
                # (and have not been edited since, so readers see no "Updated" line). The time is
                # this command's decision, no longer the import's: they are news (news sitemap).
                when = now - timedelta(hours=3 * age)
                Article.objects.filter(pk=article.pk).update(
                    published_at=when, updated_at=when, dated_by_import=False
                )
            article.topics.add(*topics.get(path.name, []))
            if path.name in pictures and article.lead_image_id is None:
                # update(): a picture given by the demo is not an editor's change ("Updated" line).
                chosen = pictures[path.name]
                Article.objects.filter(pk=article.pk).update(
                    lead_image=library[chosen["picture"]], lead_image_caption=chosen["caption"]
                )
            self.stdout.write(f"{result.status}: {article.headline}")
        bump_content_version()  # QuerySet.update() sends no signal to the page cache
        self.stdout.write(self.style.SUCCESS(f"{len(paths)} sample articles are on the site."))

    def sample_pictures(self) -> dict:
        """The sample pictures by file name; their renditions are queued for the worker if missing."""
        library = {}
        for sample, (image, created) in zip(SAMPLE_PICTURES, load_sample_images(), strict=True):
            library[sample.name] = image
            if not created and not image.renditions_ready:  # a new one is queued by its save
                make_renditions.enqueue(image.pk)
        return library
