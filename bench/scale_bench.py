"""Readers' pages at 1,000 articles and at N (default 100,000), in the same interleaved rounds.

Grows two PostgreSQL databases of the same shape (``bench/scale_data.py``: COPY,
a few minutes for 100,000 articles), serves each with one gunicorn worker, every
request rendered (``PAGE_CACHE_SECONDS=0``: the cost of the page, not of the
cache), and measures in rounds that alternate the two servers page by page:

- throughput of each page (two client threads keep the one worker busy), the
  ratio N / 1k (median of the rounds' ratios), and its median latency at N;
- search "lukashenko" p50 / p95 at both sizes, one request at a time;
- the uncached article page against a bare hello view (``bench/urls.py``) served
  by the same gunicorn in the same rounds.

The machine is shared: absolute figures swing between runs, the ratios within
one run are what to read.

    .venv/bin/python bench/scale_bench.py                    # 100,000 articles, 3 rounds of 3 s per page
    .venv/bin/python bench/scale_bench.py --articles 20000 --rounds 5 --seconds 2
    .venv/bin/python bench/scale_bench.py --rebuild          # grow the databases again
    .venv/bin/python bench/scale_bench.py --db-prefix newsroom_me_scale --port 8511  # beside others

The databases (``newsroom_scale_1000`` and ``newsroom_scale_<N>``) are kept for
the next run, which only migrates them; ``--drop`` removes them at the end.
"""

import argparse
import http.client
import os
import signal
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

import psycopg

ROOT = Path(__file__).resolve().parent.parent
PY = str(ROOT / ".venv" / "bin" / "python")
GUNICORN = str(ROOT / ".venv" / "bin" / "gunicorn")
SERVER = "postgres://postgres@127.0.0.1:5432"
ENV = {
    "DJANGO_SETTINGS_MODULE": "bench.settings",
    "DEBUG": "0",
    "ALLOWED_HOSTS": "127.0.0.1",
    "SECURE_SSL_REDIRECT": "0",
    "SECURE_HSTS_SECONDS": "0",
    "SECRET_KEY": "scale-bench-not-secret-" + "x" * 40,
    "PAGE_CACHE_SECONDS": "0",
}
DEEP_PAGE = 50
PAGE_SIZE = 20


def dsn(db: str) -> str:
    return f"{SERVER}/{db}"


def env_for(db: str) -> dict:
    return {**os.environ, **ENV, "DATABASE_URL": dsn(db)}


def article_count(db: str) -> int | None:
    try:
        with psycopg.connect(dsn(db)) as conn:
            return conn.execute("SELECT count(*) FROM articles_article").fetchone()[0]
    except psycopg.Error:
        return None


def prepare(db: str, n: int, rebuild: bool) -> None:
    """Make ``db`` a migrated database of n articles, growing it only when it is not one already."""
    if not rebuild and article_count(db) == n:
        subprocess.run([PY, "manage.py", "migrate", "-v0"], cwd=ROOT, env=env_for(db), check=True)
        print(f"{db}: {n} articles already there (migrated)", flush=True)
        return
    with psycopg.connect(dsn("postgres"), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{db}"')
        conn.execute(f'CREATE DATABASE "{db}"')
    subprocess.run([PY, "manage.py", "migrate", "-v0"], cwd=ROOT, env=env_for(db), check=True)
    started = time.perf_counter()
    subprocess.run([PY, __file__, "--grow", str(n)], cwd=ROOT, env=env_for(db), check=True)
    print(f"{db}: grew to {n} articles in {time.perf_counter() - started:.0f} s", flush=True)


def grow_here(n: int) -> None:
    """Run inside a subprocess whose DATABASE_URL names the database to grow."""
    sys.path.insert(0, str(ROOT))
    import django  # noqa: PLC0415  (the settings need this process's environment first)

    django.setup()
    from bench.scale_data import grow  # noqa: PLC0415

    for step, seconds in grow(n).items():
        print(f"  {step}: {seconds:.0f} s", flush=True)


def topic_pages(db: str) -> int:
    """How many pages the leading topic has in ``db``."""
    with psycopg.connect(dsn(db)) as conn:
        on_topic = conn.execute(
            """SELECT count(*) FROM articles_article a
            JOIN articles_taggedtopic t ON t.content_object_id = a.id
            WHERE t.tag_id = 1 AND a.status = 'published' AND a.published_at <= now()"""
        ).fetchone()[0]
    return -(-on_topic // PAGE_SIZE)


def urls(db: str, deep_page: int, same_depth: int) -> dict[str, str]:
    """The pages to measure, the same kind of page at both sizes (the data's leading tags and person)."""
    with psycopg.connect(dsn(db)) as conn:
        one = lambda sql: conn.execute(sql).fetchone()[0]  # noqa: E731
        on_topic = on_topic_rows = (
            "FROM articles_article a JOIN articles_taggedtopic t ON t.content_object_id = a.id "
            "WHERE t.tag_id = 1 AND a.status = 'published' AND a.published_at <= now()"
        )
        topic = one("SELECT slug FROM articles_topic WHERE id = 1")
        article = one(f"SELECT a.slug {on_topic} ORDER BY a.published_at DESC LIMIT 1")  # noqa: S608
        on_topic = one(f"SELECT count(*) {on_topic}")  # noqa: S608
        country = one("SELECT slug FROM articles_country WHERE code = 'BY'")
        person = one("SELECT slug FROM people_person WHERE id = 1")
        page = max(1, min(deep_page, -(-on_topic // PAGE_SIZE)))
        # What "Older" on the page before leads to: the rows after that page's last one.
        cursor = one(
            f"SELECT a.id {on_topic_rows} ORDER BY a.published_at DESC, a.id DESC "  # noqa: S608
            f"OFFSET {max(0, (page - 1) * PAGE_SIZE - 1)} LIMIT 1"
        )
    return {
        "hello": "/bench/hello/",
        "article": f"/articles/{article}/",
        "home": "/",
        "search": "/search/?q=lukashenko",
        "topic page 1": f"/topics/{topic}/",
        "country page 1": f"/countries/{country}/",
        f"topic page {deep_page}": f"/topics/{topic}/?page={page}",
        f"topic page {deep_page} by its cursor": f"/topics/{topic}/?after={cursor}",
        # The smaller archive's last page of the topic, at both sizes: the same depth.
        "topic, small's last page": f"/topics/{topic}/?page={same_depth}",
        "person": f"/people/{person}/",
        # The indexes and the API's lists: stored counts, not a count of a link table.
        "authors index": "/authors/",
        "people index": "/people/",
        "countries index": "/countries/",
        "API topics": "/api/topics/",
        "API countries": "/api/countries/",
        "API people": "/api/people/",
    }


def get(port: int, url: str) -> tuple[int, float, int]:
    started = time.perf_counter()
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=600)
    conn.request("GET", url, headers={"Host": "127.0.0.1"})
    response = conn.getresponse()
    body = response.read()
    conn.close()
    return response.status, time.perf_counter() - started, len(body)


def throughput(port: int, url: str, seconds: float, threads: int = 2) -> tuple[float, list[float]]:
    """Requests per second with ``threads`` clients for ``seconds``, and each request's latency."""
    latencies: list[float] = []
    errors: list[int] = []
    stop = time.perf_counter() + seconds

    def client():
        while time.perf_counter() < stop:
            status, latency, _ = get(port, url)
            (latencies if status == 200 else errors).append(latency if status == 200 else status)

    started = time.perf_counter()
    workers = [threading.Thread(target=client) for _ in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    if errors:
        raise SystemExit(f"{url} on port {port} answered {sorted(set(errors))}")
    return len(latencies) / (time.perf_counter() - started), latencies


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def start_server(db: str, port: int) -> subprocess.Popen:
    server = subprocess.Popen(
        [
            GUNICORN,
            "newsroom.wsgi",
            "-b",
            f"127.0.0.1:{port}",
            "-w",
            "1",
            "--timeout",
            "600",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env_for(db),
    )
    for _ in range(200):
        try:
            if get(port, "/bench/hello/")[0] == 200:
                return server
        except OSError:
            time.sleep(0.1)
    server.kill()
    raise SystemExit(f"gunicorn for {db} did not start")


def measure(sizes: dict[str, tuple[int, dict]], rounds: int, seconds: float, samples: int) -> None:
    names = list(next(iter(sizes.values()))[1])
    rates = {(size, name): [] for size in sizes for name in names}
    lat = {(size, name): [] for size in sizes for name in names}
    search_lat = {size: [] for size in sizes}
    for port, pages in sizes.values():  # warm each page once (connections, templates)
        for url in pages.values():
            get(port, url)
    for r in range(1, rounds + 1):
        for name in names:
            for size, (port, pages) in sizes.items():
                rate, latencies = throughput(port, pages[name], seconds)
                rates[size, name].append(rate)
                lat[size, name].extend(latencies)
        for size, (port, pages) in sizes.items():
            search_lat[size] += [get(port, pages["search"])[1] for _ in range(samples)]
        print(f"  round {r} done", flush=True)
    small, big = list(sizes)
    print(f"\n| page | {small} req/s | {big} req/s | {big} / {small} | {big} median ms", end="")
    print(f" | {small} KB | {big} KB |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for name in names:
        ratio = statistics.median(b / s for s, b in zip(rates[small, name], rates[big, name], strict=True))
        kb = [get(sizes[size][0], sizes[size][1][name])[2] / 1024 for size in (small, big)]
        small_rate, big_rate = statistics.median(rates[small, name]), statistics.median(rates[big, name])
        print(
            f"| {name} | {small_rate:.1f} | {big_rate:.1f} | {ratio:.2f} "
            f"| {statistics.median(lat[big, name]) * 1000:.1f} | {kb[0]:.0f} | {kb[1]:.0f} |"
        )
    print(f"\nsearch, one request at a time ({len(search_lat[big])} requests per size):")
    for size in sizes:
        values = search_lat[size]
        p50, p95 = percentile(values, 50) * 1000, percentile(values, 95) * 1000
        print(f"  {size}: p50 {p50:.1f} ms  p95 {p95:.1f} ms")
    print("\nuncached article / hello, same server, same rounds (median of the rounds):")
    for size in sizes:
        ratio = statistics.median(
            a / h for a, h in zip(rates[size, "article"], rates[size, "hello"], strict=True)
        )
        print(f"  {size}: {ratio:.3f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--small", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seconds", type=float, default=3.0)
    parser.add_argument(
        "--samples", type=int, default=30, help="sequential search requests per size and round"
    )
    parser.add_argument(
        "--fragment-seconds",
        help="FRAGMENT_CACHE_SECONDS for the servers (0: every article rendered in full)",
    )
    parser.add_argument(
        "--db-prefix",
        default="newsroom_scale",
        help="the databases' names: PREFIX_1000 and PREFIX_N (several people benchmarking on one server)",
    )
    parser.add_argument("--port", type=int, default=8411, help="the first server; the second is PORT+1")
    parser.add_argument("--rebuild", action="store_true")
    parser.add_argument("--drop", action="store_true")
    parser.add_argument("--grow", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))  # stop the servers on the way out
    if args.grow:
        grow_here(args.grow)
        return 0
    if args.fragment_seconds is not None:
        ENV["FRAGMENT_CACHE_SECONDS"] = args.fragment_seconds
    dbs = {
        f"{args.small:,}": (f"{args.db_prefix}_{args.small}", args.small),
        f"{args.articles:,}": (f"{args.db_prefix}_{args.articles}", args.articles),
    }
    for db, n in dbs.values():
        prepare(db, n, args.rebuild)
    subprocess.run(
        [PY, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=ROOT, env=env_for("x"), check=True
    )
    servers = []
    try:
        sizes = {}
        same_depth = min(DEEP_PAGE, topic_pages(next(iter(dbs.values()))[0]))
        for i, (label, (db, _)) in enumerate(dbs.items()):
            port = args.port + i
            servers.append(start_server(db, port))
            sizes[label] = (port, urls(db, DEEP_PAGE, same_depth))
        fragments = ENV.get("FRAGMENT_CACHE_SECONDS", "the default")
        print(
            f"one gunicorn worker per size, PAGE_CACHE_SECONDS=0, FRAGMENT_CACHE_SECONDS={fragments}, ",
            end="",
        )
        print(f"{args.rounds} rounds of {args.seconds} s")
        for label, (_, pages) in sizes.items():
            print(f"  {label}: {pages['article']}  {pages[f'topic page {DEEP_PAGE}']}")
        measure(sizes, args.rounds, args.seconds, args.samples)
    finally:
        for server in servers:
            server.terminate()
            server.wait()
        if args.drop:
            with psycopg.connect(dsn("postgres"), autocommit=True) as conn:
                for db, _ in dbs.values():
                    conn.execute(f'DROP DATABASE IF EXISTS "{db}"')
    return 0


if __name__ == "__main__":
    sys.exit(main())
