"""Faults under load: Redis stopped, PostgreSQL restarted and stopped, a worker killed, an unpublish.

Starts its own PostgreSQL cluster and its own Redis on other ports (never the
shared servers), gunicorn with two workers on production settings, and drives
load with wrk through every phase: on the readers' cacheable surfaces, and
separately on search (which always needs the database). Prints the answers of
each phase by status, then the unpublish check: right after an article is
unpublished, every surface is asked again and again, with Redis and without,
and every answer that still shows the article is counted.

    .venv/bin/python bench/fault_bench.py                 # 8 s a phase
    .venv/bin/python bench/fault_bench.py --seconds 5

Needs wrk (Debian package "wrk"), redis-server and PostgreSQL 15's server binaries.
Run as root (the cluster is run as the postgres user) or as any user that may run initdb.
"""

import argparse
import contextlib
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections import Counter
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
PG_BIN = Path("/usr/lib/postgresql/15/bin")
PYTHON = BASE_DIR / ".venv" / "bin" / "python"

WRK_SCRIPT = r"""
local paths = {PATHS}
local counter = 0
statuses = {}
local threads = {}
function setup(thread) table.insert(threads, thread) end
function request()
  counter = counter + 1
  return wrk.format("GET", paths[(counter % #paths) + 1], {["Accept-Encoding"] = "gzip, br"})
end
function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end
function done(summary, latency, requests)
  local totals = {}
  for _, thread in ipairs(threads) do
    for status, n in pairs(thread:get("statuses")) do totals[status] = (totals[status] or 0) + n end
  end
  for status, n in pairs(totals) do io.write(string.format("status %d %d\n", status, n)) end
  local e = summary.errors
  io.write(string.format("socket %d\n", e.connect + e.read + e.write + e.timeout))
end
"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until(check, *, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.1)
    raise RuntimeError(f"{what} did not happen within {timeout} s")


def get(url: str, *, timeout: float = 5) -> tuple[int, str]:
    request = urllib.request.Request(url, headers={"Accept-Encoding": "identity"})  # noqa: S310 (ours)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()
    except OSError:
        return 0, ""


class Postgres:
    """A cluster of our own in a temporary directory, run as the postgres user when we are root."""

    def __init__(self, directory: Path):
        self.port = free_port()
        self.data = directory / "pgdata"
        self.socket_dir = directory
        self.as_postgres = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        if self.as_postgres:
            shutil.chown(directory, "postgres")
        self.run("initdb", "-D", str(self.data), "-A", "trust", "-U", "postgres", "--no-sync")

    def run(self, tool: str, *args: str) -> None:
        subprocess.run([*self.as_postgres, str(PG_BIN / tool), *args], check=True, capture_output=True)

    def pg_ctl(self, action: str, *args: str) -> None:
        options = f"-p {self.port} -k {self.socket_dir} -c listen_addresses=127.0.0.1 -c fsync=off"
        self.run(
            "pg_ctl", action, "-D", str(self.data), "-w", "-o", options, "-l", str(self.data / "log"), *args
        )

    @property
    def url(self) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/newsroom"


class Redis:
    def __init__(self, directory: Path):
        self.port = free_port()
        self.directory = directory
        self.process = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        self.process = subprocess.Popen(
            [
                "redis-server",
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
            ],
            cwd=self.directory,
            stdout=subprocess.DEVNULL,
        )
        time.sleep(0.3)

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait()
            self.process = None


class Site:
    """gunicorn with two workers, on production settings."""

    def __init__(self, env: dict, log: Path):
        self.port = free_port()
        self.env = env
        self.log = log
        self.process = None

    @property
    def origin(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        self.process = subprocess.Popen(
            [str(BASE_DIR / ".venv" / "bin" / "gunicorn"), "newsroom.wsgi", "-b", f"127.0.0.1:{self.port}"]
            + ["-w", "2", "--log-level", "warning"],
            cwd=BASE_DIR,
            env=self.env,
            stderr=self.log.open("a"),
        )
        wait_until(lambda: get(self.origin + "/healthz")[0] == 200, timeout=60, what="gunicorn start")

    def workers(self) -> list[int]:
        out = subprocess.run(
            ["ps", "-o", "pid=", "--ppid", str(self.process.pid)], capture_output=True, text=True
        )
        return [int(pid) for pid in out.stdout.split()]

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait()
            self.process = None


def manage(env: dict, *args: str) -> str:
    result = subprocess.run(
        [str(PYTHON), "manage.py", *args], cwd=BASE_DIR, env=env, capture_output=True, text=True
    )
    if result.returncode != 0:
        raise RuntimeError(result.stderr)
    return result.stdout


def wrk(origin: str, paths: list[str], seconds: int, connections: int, directory: Path, name: str) -> Counter:
    script = directory / f"{name}.lua"
    script.write_text(WRK_SCRIPT.replace("{PATHS}", "{" + ", ".join(json.dumps(p) for p in paths) + "}"))
    out = subprocess.run(
        ["wrk", "-t1", f"-c{connections}", f"-d{seconds}s", "--timeout", "10s", "-s", str(script), origin],
        capture_output=True,
        text=True,
    ).stdout
    counts = Counter()
    for status, n in re.findall(r"^status (\d+) (\d+)$", out, re.MULTILINE):
        counts[int(status)] += int(n)
    counts["socket"] = int(re.search(r"^socket (\d+)$", out, re.MULTILINE).group(1))
    return counts


def phase(site: Site, surfaces: dict, args, directory: Path, fault=None) -> dict[str, Counter]:
    """Load on every surface for args.seconds; ``fault`` runs one second in."""
    results = {}
    runs = [
        threading.Thread(
            target=lambda name=name, paths=paths: results.__setitem__(
                name, wrk(site.origin, paths, args.seconds, args.connections, directory, name)
            )
        )
        for name, paths in surfaces.items()
    ]
    for run in runs:
        run.start()
    if fault is not None:
        time.sleep(1)
        fault()
    for run in runs:
        run.join()
    return results


def summary(counts: Counter) -> str:
    total = sum(n for key, n in counts.items() if key != "socket")
    ok = sum(n for key, n in counts.items() if key != "socket" and 200 <= key < 400)
    c503 = counts.get(503, 0)
    other5 = sum(n for key, n in counts.items() if key != "socket" and key >= 500 and key != 503)
    c4 = sum(n for key, n in counts.items() if key != "socket" and 400 <= key < 500)
    return f"{total:>7} {ok:>7} {c4:>5} {c503:>6} {other5:>6} {counts['socket']:>7}"


def stale_after_unpublish(site: Site, env: dict, found: dict, surfaces: list[str], rounds: int) -> tuple:
    """Unpublish, then ask every surface ``rounds`` times: how many answers still show the article?"""
    slug, headline = found["slug"], found["headline"]
    for _ in range(3):  # warm both workers' copies of every surface while the article is live
        for path in surfaces:
            get(site.origin + path)
    code = f"from articles import publishing; from articles.models import Article; publishing.unpublish(Article.objects.filter(slug={slug!r}))"  # noqa: E501
    manage(env, "shell", "-c", code)
    started = time.monotonic()
    stale = answers = 0
    for _ in range(rounds):
        for path in surfaces:
            status, body = get(site.origin + path)
            answers += 1
            if path.endswith(f"/{slug}/") and "/api/" not in path:
                stale += status == 200
            else:
                stale += headline in body or f"/{slug}/" in body
    elapsed = time.monotonic() - started
    code = f"from articles import publishing; from articles.models import Article; publishing.publish_now(Article.objects.filter(slug={slug!r}))"  # noqa: E501
    manage(env, "shell", "-c", code)
    return stale, answers, elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=int, default=8, help="length of each phase (default 8)")
    parser.add_argument("--connections", type=int, default=8, help="wrk connections per load (default 8)")
    args = parser.parse_args()
    for tool in ("wrk", "redis-server"):
        if shutil.which(tool) is None:
            print(
                f"{tool} is missing: apt-get install {'wrk' if tool == 'wrk' else 'redis-server'}",
                file=sys.stderr,
            )
            return 2

    directory = Path(tempfile.mkdtemp(prefix="newsroom-fault-"))
    postgres = Postgres(directory)
    redis = Redis(directory)
    site = None
    try:
        postgres.pg_ctl("start")
        postgres.run("createdb", "-h", "127.0.0.1", "-p", str(postgres.port), "-U", "postgres", "newsroom")
        redis.start()
        env = {
            **{k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL"}},
            "DJANGO_SETTINGS_MODULE": "newsroom.settings",
            "DATABASE_URL": postgres.url,
            "REDIS_URL": redis.url,
            "DEBUG": "0",
            "ALLOWED_HOSTS": "127.0.0.1",
            "SECRET_KEY": "fault-bench-" + os.urandom(16).hex(),
            "SECURE_SSL_REDIRECT": "0",
            "SECURE_HSTS_SECONDS": "0",
        }
        manage(env, "migrate", "-v0")
        # The sample articles (the folder's .json files are the demo's pictures, sections and topics).
        samples = sorted(str(path) for path in (BASE_DIR / "sample_documents").glob("*.txt"))
        manage(env, "import_document", *samples, "--publish")
        manage(env, "collectstatic", "--noinput", "-v0")
        found = json.loads(
            manage(
                env,
                "shell",
                "-c",
                "import json; from articles.models import Article;"
                "a = Article.objects.published().order_by('-published_at').first();"
                "t = a.topics.first(); c = a.countries.first(); b = a.bylines.first(); p = a.people.first();"
                "print(json.dumps({'article': a.get_absolute_url(), 'slug': a.slug, 'headline': a.headline,"
                "'topic': t.get_absolute_url() if t else None,"
                "'country': c.get_absolute_url() if c else None,"
                "'author': b.author.get_absolute_url() if b else None,"
                "'person': p.get_absolute_url() if p else None}))",
            )
            .strip()
            .splitlines()[-1]
        )
        cached = [
            "/",
            found["article"],
            *(found[k] for k in ("topic", "country", "author", "person") if found[k]),
            "/feeds/latest/",
            "/feeds/latest/atom/",
            "/sitemap.xml",
            "/news-sitemap.xml",
            "/api/articles/",
            f"/api/articles/{found['slug']}/",
            "/quotes/",
        ]
        surfaces = {"cached surfaces": cached, "search": ["/search/?q=satellite", "/search/?q=election"]}
        log = directory / "gunicorn.log"
        site = Site(env, log)
        site.start()
        for path in cached:  # every surface in the cache once
            get(site.origin + path)

        rows = []

        def run(name, fault=None, before=None):
            if before is not None:
                before()
            results = phase(site, surfaces, args, directory, fault)
            rows.append((name, results))

        run("healthy")
        run("Redis stopped", before=redis.stop)
        run("Redis started again", before=redis.start)
        run("PostgreSQL restarting (fast)", fault=lambda: postgres.pg_ctl("restart", "-m", "fast"))
        run("PostgreSQL stopped", before=lambda: postgres.pg_ctl("stop", "-m", "fast"))
        run("PostgreSQL started again", before=lambda: postgres.pg_ctl("start"))
        run("a worker killed (SIGKILL)", fault=lambda: os.kill(site.workers()[0], signal.SIGKILL))

        print(f"gunicorn 2 workers; wrk {args.connections} connections per load, {args.seconds} s per phase")
        print("load: cached surfaces =", ", ".join(cached))
        print("      search          = /search/?q=satellite, /search/?q=election (needs the database)")
        print()
        header = ("phase", "load", "answers", "2xx/3xx", "4xx", "503", "5xx", "socket")
        print("{:<30} {:<16} {:>7} {:>7} {:>5} {:>6} {:>6} {:>7}".format(*header))
        for name, results in rows:
            for load, counts in results.items():
                print(f"{name:<30} {load:<16} {summary(counts)}")
        unreachable = log.read_text().count("is unreachable")
        print(f"\n'cache unreachable' lines logged by gunicorn during the Redis outage: {unreachable}")

        print("\nAfter an unpublish (through manage.py on the same database), every surface asked 10 times:")
        with_redis = stale_after_unpublish(site, env, found, cached, 10)
        site.stop()
        no_redis_env = {**env, "REDIS_URL": ""}
        site = Site(no_redis_env, log)
        site.start()
        without_redis = stale_after_unpublish(site, no_redis_env, found, cached, 10)
        for name, (stale, answers, elapsed) in [("with Redis", with_redis), ("without Redis", without_redis)]:
            print(f"  {name:<14} {stale} stale answers of {answers} (asked in {elapsed:.1f} s)")
        return 0
    finally:
        if site is not None:
            site.stop()
        redis.stop()
        with contextlib.suppress(subprocess.CalledProcessError):
            postgres.pg_ctl("stop", "-m", "immediate")
        shutil.rmtree(directory, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
