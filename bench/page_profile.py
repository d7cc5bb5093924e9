"""Where one reader's page spends its time: cProfile over many uncached renders, in-process.

Calls Django's WSGI handler (the whole middleware stack, no HTTP server) for a
page ``--requests`` times with the page cache off, and prints the functions
with the most cumulative time, and the share of the time spent in template
rendering, in the ORM (building and running queries) and in ``reverse()``.

    DJANGO_SETTINGS_MODULE=bench.settings \\
      DATABASE_URL=postgres://postgres@127.0.0.1:5432/newsroom_scale_1000 PAGE_CACHE_SECONDS=0 \\
       DEBUG=0 ALLOWED_HOSTS=127.0.0.1 SECRET_KEY=x SECURE_SSL_REDIRECT=0 \\
      .venv/bin/python bench/page_profile.py [--url /articles/<slug>/] [--requests 200]

Without ``--url`` it profiles the latest published article (the database of
``bench/scale_bench.py`` does).
"""

import argparse
import cProfile
import io
import pstats
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import django  # noqa: E402

django.setup()

from django.core.handlers.wsgi import WSGIHandler  # noqa: E402

from articles.models import Article  # noqa: E402

APP = WSGIHandler()
# Where the cumulative time of these functions is counted, by the module that holds them.
PARTS = {
    "template rendering": ("django/template/base.py", "render"),
    "ORM: querysets evaluated": ("django/db/models/query.py", "_fetch_all"),
    "SQL executed": ("django/db/backends/utils.py", "_execute"),
    "reverse()": ("django/urls/base.py", "reverse"),
}


def call(path: str, query: str = "") -> int:
    environ = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": path,
        "QUERY_STRING": query,
        "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "80",
        "HTTP_HOST": "127.0.0.1",
        "wsgi.input": io.BytesIO(b""),
        "wsgi.url_scheme": "http",
        "wsgi.errors": sys.stderr,
    }
    started = []
    body = APP(environ, lambda status, headers, exc_info=None: started.append(status))
    size = len(b"".join(body))
    body.close()
    assert started[0].startswith("200"), started[0]
    return size


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--url")
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--top", type=int, default=25)
    args = parser.parse_args()
    url = args.url or Article.objects.published().order_by("-published_at").first().get_absolute_url()
    path, _, query = url.partition("?")
    size = call(path, query)  # warm: templates loaded, connection open
    profile = cProfile.Profile()
    started = time.perf_counter()
    profile.enable()
    for _ in range(args.requests):
        call(path, query)
    profile.disable()
    elapsed = time.perf_counter() - started
    print(f"{url}: {size / 1024:.0f} KB, {elapsed / args.requests * 1000:.2f} ms per request under cProfile")
    stats = pstats.Stats(profile)
    total = stats.total_tt
    for label, (module, function) in PARTS.items():
        cumulative = sum(
            value[3]
            for (filename, _, name), value in stats.stats.items()
            if filename.endswith(module) and name == function
        )
        calls = sum(
            value[1]
            for (filename, _, name), value in stats.stats.items()
            if filename.endswith(module) and name == function
        )
        print(
            f"  {label}: {cumulative / total:.0%} of the time, {calls / args.requests:.0f} calls per request"
        )
    stats.sort_stats("cumulative").print_stats(args.top)
    return 0


if __name__ == "__main__":
    sys.exit(main())
