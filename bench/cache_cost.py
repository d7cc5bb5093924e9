"""What a cached page and a 304 cost beside a bare hello view, in-process, in interleaved rounds.

wrk's throughput on a shared, loaded machine swings by 3× between rounds; this
calls Django's WSGI handler directly (the whole middleware stack, no HTTP
server) and reports the median per-request wall and CPU time of each kind of
request, and the ratios of hello's cost to theirs (as throughput ratios read).
CPU time leaves out the wait for Redis, so both are shown.

    DJANGO_SETTINGS_MODULE=bench.settings DATABASE_URL=postgres://… REDIS_URL=redis://… \\
      DEBUG=0 ALLOWED_HOSTS=127.0.0.1 SECRET_KEY=x SECURE_SSL_REDIRECT=0 \\
      .venv/bin/python bench/cache_cost.py [--rounds 7] [--requests 300]

The database needs published articles (``manage.py import_document sample_documents/*.txt --publish``).
"""

import argparse
import io
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import django  # noqa: E402

django.setup()

from django.core.handlers.wsgi import WSGIHandler  # noqa: E402

from articles.models import Article  # noqa: E402

APP = WSGIHandler()
ACCEPT = "gzip, deflate, br"


def call(path: str, **headers) -> tuple[str, dict]:
    environ = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": path,
        "QUERY_STRING": "",
        "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "80",
        "HTTP_HOST": "127.0.0.1",
        "wsgi.input": io.BytesIO(b""),
        "wsgi.url_scheme": "http",
        "wsgi.errors": sys.stderr,
        **headers,
    }
    started = []
    body = APP(
        environ, lambda status, response_headers, exc_info=None: started.append((status, response_headers))
    )
    b"".join(body)
    body.close()
    status, response_headers = started[0]
    return status, dict(response_headers)


def cost(path: str, n: int, **headers) -> tuple[float, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    for _ in range(n):
        call(path, **headers)
    return (time.perf_counter() - wall) / n * 1e6, (time.process_time() - cpu) / n * 1e6


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--requests", type=int, default=300)
    args = parser.parse_args()
    article = Article.objects.published().order_by("-published_at").first().get_absolute_url()
    call(article, HTTP_ACCEPT_ENCODING=ACCEPT)
    status, headers = call(article, HTTP_ACCEPT_ENCODING=ACCEPT)
    assert headers.get("X-Page-Cache") == "hit", headers
    etag = headers["ETag"]
    kinds = {
        "hello": ("/bench/hello/", {}),
        "cached article": (article, {"HTTP_ACCEPT_ENCODING": ACCEPT}),
        "article 304": (article, {"HTTP_ACCEPT_ENCODING": ACCEPT, "HTTP_IF_NONE_MATCH": etag}),
    }
    assert call(article, **kinds["article 304"][1])[0].startswith("304")
    results = {name: [] for name in kinds}
    for _ in range(args.rounds):
        for name, (path, extra) in kinds.items():
            results[name].append(cost(path, args.requests, **extra))
    hello_wall = [wall for wall, _ in results["hello"]]
    hello_cpu = [cpu for _, cpu in results["hello"]]
    backend = django.conf.settings.CACHES["default"]["BACKEND"]
    print(f"{args.rounds} rounds of {args.requests} requests each, in-process; cache: {backend}")
    for name, rounds in results.items():
        wall = statistics.median(w for w, _ in rounds)
        cpu = statistics.median(c for _, c in rounds)
        wall_ratio = statistics.median(h / w for h, (w, _) in zip(hello_wall, rounds, strict=True))
        cpu_ratio = statistics.median(h / c for h, (_, c) in zip(hello_cpu, rounds, strict=True))
        print(f"  {name:<15} wall {wall:7.0f} µs  cpu {cpu:7.0f} µs", end="   ")
        print(f"hello/this: wall {wall_ratio:.2f}  cpu {cpu_ratio:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
