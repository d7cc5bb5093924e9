"""What tells this deployment's pages from those rendered by other code: part of every cache key."""

import hashlib
import os
from functools import cache as memoise
from pathlib import Path

from django.conf import settings

# Files whose change changes pages: code, templates, static files (their hashed names are in pages).
RELEASE_SUFFIXES = {".py", ".html", ".xml", ".txt", ".css", ".js", ".svg", ".json"}
RELEASE_SKIPPED_DIRS = {
    *("__pycache__", "node_modules", "tests", "bench", "sample_documents", "media", "staticfiles"),
}


@memoise
def release() -> str:
    """What distinguishes this deployment's pages: ``NEWSROOM_RELEASE``, or a hash of the code.

    Part of every page key, so that pages rendered by other code are never served
    after a deploy, though the content did not change.
    """
    if settings.NEWSROOM_RELEASE:
        return settings.NEWSROOM_RELEASE
    base = Path(settings.BASE_DIR)
    digest = hashlib.blake2b(digest_size=8)
    files = []
    for folder, subfolders, names in os.walk(base):
        subfolders[:] = sorted(
            name for name in subfolders if not name.startswith(".") and name not in RELEASE_SKIPPED_DIRS
        )
        files += [Path(folder, name) for name in names if Path(name).suffix in RELEASE_SUFFIXES]
    manifest = Path(settings.STATIC_ROOT, "staticfiles.json")
    if manifest.exists():
        files.append(manifest)
    for path in sorted(files):
        digest.update(str(path.relative_to(base) if path.is_relative_to(base) else path).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()
