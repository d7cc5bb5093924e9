"""The test suite's settings: the site's own, with what tests do not test made fast."""

import os
import tempfile
from pathlib import Path

from newsroom.settings import *  # noqa: F403
from newsroom.settings import DATABASES

# Hashing is not what the tests test; the login-throttling tests alone spent a minute on it.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# Tasks run at once, inside enqueue(); tests of the queue itself ask for the database
# backend and run a worker (the queue_in_database fixture).
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # A file rather than memory: the test of the worker process opens the test database from
    # that process. One per test process (pytest-xdist starts several), removed at the end.
    DATABASES["default"]["TEST"] = {
        "NAME": str(Path(tempfile.gettempdir()) / f"newsroom-tests-{os.getpid()}.sqlite3")
    }
