"""Add the demo's pictures to the image library (safe to run again)."""

from django.core.management.base import BaseCommand
from django.db import transaction

from images.samples import load_sample_images


class Command(BaseCommand):
    help = "Add the sample pictures, with alt text, captions and credits, to the image library."

    def handle(self, *args, **options):
        with transaction.atomic():
            loaded = load_sample_images()
        for image, created in loaded:
            self.stdout.write(f"{'created' if created else 'unchanged'}: {image}")
        self.stdout.write(self.style.SUCCESS(f"{len(loaded)} sample pictures are in the library."))
