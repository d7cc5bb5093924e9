"""``manage.py export_articles DIR``: the published articles as JSON in the API's shape, with pictures."""

from pathlib import Path

from django.core.management.base import BaseCommand

from articles.exporting import export_articles


class Command(BaseCommand):
    help = (
        "Write each published article as DIR/<slug>.json (the API's shape) and its pictures into DIR/images/."
    )

    def add_arguments(self, parser):
        parser.add_argument("directory", type=Path)

    def handle(self, *args, directory: Path, **options):
        written = export_articles(directory)
        self.stdout.write(f"{len(written)} articles written to {directory}.")
