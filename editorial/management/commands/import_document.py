"""Import archive documents: ``manage.py import_document PATH [PATH ...]``.

Thin over ``articles.importing.import_batch``; DESIGN.md has the contract.
"""

import json
from datetime import datetime

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from articles.importing import (
    FORMATS,
    FULL_RIGHTS,
    ImportResult,
    Source,
    Status,
    UnknownSection,
    document_paths,
    effective_jobs,
    import_batch,
    section_named,
)
from articles.models import Section
from editorial.permissions import import_rights
from newsroom.dates import range_error


class Command(BaseCommand):
    help = "Import articles from the archive's documents, each in its own transaction."

    def add_arguments(self, parser):
        kinds = ", ".join(FORMATS)
        parser.add_argument(
            "paths", nargs="+", metavar="PATH", help=f"Document files, or directories of documents ({kinds})."
        )
        parser.add_argument("--publish", action="store_true", help="Publish imported articles now.")
        parser.add_argument(
            "--published-at", metavar="ISO-8601", help="Publish at this time (a future time schedules)."
        )
        parser.add_argument(
            "--section",
            metavar="SLUG",
            help="Put every imported article in this section (the archive names none; without it, "
            "new articles have no section and existing ones keep theirs).",
        )
        parser.add_argument("--dry-run", action="store_true", help="Parse and report without writing.")
        parser.add_argument("--json", action="store_true", help="Print one JSON object per document.")
        parser.add_argument(
            "--overwrite",
            action="store_true",
            help="Replace articles editors changed since their import (reported as conflicts otherwise); "
            "the replaced versions stay in history.",
        )
        parser.add_argument(
            "--user",
            metavar="USERNAME",
            help="Import as this staff account: its roles apply, as in the admin, and the revisions name it.",
        )
        parser.add_argument(
            "--jobs",
            type=int,
            default=1,
            metavar="N",
            help="Import N documents at a time in worker processes (PostgreSQL; SQLite takes one writer).",
        )

    def handle(self, *args, **options):
        as_json, dry_run = options["json"], options["dry_run"]
        when = self.parse_time(options["published_at"]) if options["published_at"] else None
        section = self.find_section(options["section"]) if options["section"] else None
        files = document_paths(options["paths"])
        if not files:
            raise CommandError("No documents found: the directories given hold no documents.", returncode=2)
        jobs = options["jobs"]
        if jobs < 1:
            raise CommandError("--jobs must be 1 or more.", returncode=2)
        if effective_jobs(jobs) < jobs:
            self.stderr.write("--jobs: SQLite takes one writer at a time; importing one document at a time.")
        rights = self.rights_of(options["user"]) if options["user"] else FULL_RIGHTS
        show_progress = not as_json and len(files) > 1 and self.stderr.isatty()
        failures = 0
        results = import_batch(
            [Source.of_path(path) for path in files],
            jobs=jobs,
            publish=options["publish"],
            published_at=when,
            dry_run=dry_run,
            section=section,
            overwrite=options["overwrite"],
            rights=rights,
        )
        for number, (path, result) in enumerate(zip(files, results, strict=True), start=1):
            if show_progress:
                self.stderr.write(f"\r[{number}/{len(files)}] {path.name[:60]:<60}", ending="")
                self.stderr.flush()
            failures += result.status in (Status.ERROR, Status.CONFLICT)
            if as_json:
                self.stdout.write(json.dumps(result.as_json(), ensure_ascii=False))
            else:
                self.report(result, dry_run=dry_run)
        if show_progress:
            self.stderr.write("")
        if failures:
            raise CommandError(
                f"{failures} of {len(files)} document(s) failed to import or were in conflict.", returncode=1
            )

    def rights_of(self, username: str):
        user = get_user_model()._default_manager.filter(username=username, is_active=True).first()
        if user is None or not user.is_staff:
            raise CommandError(f"--user: no active staff account called {username!r}.", returncode=2)
        return import_rights(user)

    def find_section(self, slug: str) -> Section:
        try:
            return section_named(slug)
        except UnknownSection as unknown:
            raise CommandError(f"--section: {unknown}.", returncode=2) from None

    def parse_time(self, text: str) -> datetime:
        try:
            value = datetime.fromisoformat(text)
        except ValueError:
            raise CommandError(
                f"--published-at: {text!r} is not an ISO-8601 time such as 2026-11-27T09:30", returncode=2
            ) from None
        value = value if timezone.is_aware(value) else timezone.make_aware(value)
        if error := range_error(value, what=f"--published-at {text}:"):
            raise CommandError(error, returncode=2)
        return value

    def report(self, result: ImportResult, *, dry_run: bool) -> None:
        if result.status == Status.ERROR:
            self.stderr.write(self.style.ERROR(f"error: {result.error}"))
            return
        # A summary from the parsed document; the full stored state is what --json prints.
        prefix = "would be " if dry_run and result.status in (Status.CREATED, Status.UPDATED) else ""
        self.stdout.write(f"{prefix}{result.status}: {result.path} ({result.summary})")
        for note in result.notes:
            self.stderr.write(self.style.WARNING(f"note: {result.path}: {note}"))
