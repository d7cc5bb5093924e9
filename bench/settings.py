"""The site's settings, with the benchmarks' urlconf: the site plus a bare "hello" view."""

from newsroom.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
