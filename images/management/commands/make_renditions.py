"""Make the renditions pictures lack: after a migration moved pictures in, or a new rendition set."""

from django.core.management.base import BaseCommand

from images.models import Image
from images.renditions import fingerprint, make_renditions
from images.tasks import make_renditions as make_renditions_task
from newsroom.cache import bump_content_version


class Command(BaseCommand):
    help = "Make the missing renditions of every picture in the library (safe to run again)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--queue", action="store_true", help="Queue one task a picture for the workers instead."
        )

    def handle(self, *args, queue=False, **options):
        waiting = [
            image for image in Image.objects.iterator() if image.renditions_fingerprint != fingerprint(image)
        ]
        for image in waiting:
            if queue:
                make_renditions_task.enqueue(image.pk)
            else:
                result = make_renditions(image)
                self.stdout.write(f"{image.pk}: {result.made} made, {result.existing} already there")
        if waiting and not queue:
            bump_content_version()  # cached pages show the stored pictures: render them again
        verb = "queued" if queue else "made"
        self.stdout.write(self.style.SUCCESS(f"Renditions {verb} for {len(waiting)} picture(s)."))
