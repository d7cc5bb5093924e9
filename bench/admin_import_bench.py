"""An import of N documents through the admin's upload and the task workers, against the import command.

    .venv/bin/python bench/admin_import_bench.py [--documents 1000] [--database sqlite|postgres]
        [--workers 1] [--reader-requests 200]

On a fresh database (migrated first, not timed) it serves the site with gunicorn
(two processes), starts ``--workers`` task workers (``manage.py run_worker``),
signs in to the admin and uploads N reference-shaped documents (those of
``import_bench.py``) on the import page, then follows the job's progress view
until the job ends. Meanwhile a reader thread asks for the home page and an
article page, one request after another, to show how fast web requests stay.
It prints the upload request's time, the job's time (from the end of the
upload to the end of the job), the same documents imported by
``manage.py import_document`` on another fresh database, and the latency of
reader pages (before the import, and while it runs) and of the progress view.
"""

import argparse
import http.cookiejar
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
import uuid
from pathlib import Path

from import_bench import REFERENCE, generate

ROOT = Path(__file__).resolve().parent.parent
PYTHON = str(ROOT / ".venv" / "bin" / "python")
PG = "postgres://postgres@127.0.0.1:5432/"
PORT = 8791
PASSWORD = "bench-" + uuid.uuid4().hex
# Seconds between two reader requests: a steady trickle of readers, not a load test.
READER_PACE = 0.1


def environment(database_url: str) -> dict:
    return os.environ | {
        "DATABASE_URL": database_url,
        "DEBUG": "0",
        "SECRET_KEY": "bench-" + "x" * 60,
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "0",
        "SESSION_COOKIE_SECURE": "0",
        "CSRF_COOKIE_SECURE": "0",
        "DJANGO_SUPERUSER_PASSWORD": PASSWORD,
        "LOG_LEVEL": "WARNING",
    }


def manage(env: dict, *args: str) -> float:
    started = time.perf_counter()
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True, capture_output=True)
    return time.perf_counter() - started


class Database:
    """A fresh database: a SQLite file in a temporary directory, or a PostgreSQL database dropped after."""

    def __init__(self, kind: str, name: str):
        self.kind, self.name = kind, name
        self.tmp = tempfile.TemporaryDirectory()

    def __enter__(self) -> str:
        if self.kind == "sqlite":
            return f"sqlite:///{self.tmp.name}/{self.name}.sqlite3"
        self._pg("dropdb", "--if-exists")
        self._pg("createdb")
        return PG + self.name

    def __exit__(self, *exc):
        if self.kind == "postgres":
            self._pg("dropdb", "--if-exists")
        self.tmp.cleanup()

    def _pg(self, command: str, *options: str) -> None:
        subprocess.run([command, "-h", "127.0.0.1", "-U", "postgres", *options, self.name], check=True)


class Browser:
    """Just enough of a browser for the admin: cookies, CSRF tokens, multipart uploads."""

    def __init__(self, base: str):
        self.base = base
        cookies = urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
        self.opener = urllib.request.build_opener(cookies)

    def get(self, path: str) -> tuple[int, bytes, float]:
        started = time.perf_counter()
        with self.opener.open(self.base + path) as response:
            body = response.read()
            return response.status, body, time.perf_counter() - started

    def post(self, path: str, data: bytes, content_type: str) -> tuple[str, float]:
        request = urllib.request.Request(self.base + path, data=data, headers={"Content-Type": content_type})
        request.add_header("Referer", self.base + path)
        started = time.perf_counter()
        with self.opener.open(request) as response:
            response.read()
            return urllib.parse.urlsplit(response.url).path, time.perf_counter() - started

    def token(self, path: str) -> str:
        html = self.get(path)[1].decode()
        return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)

    def sign_in(self) -> None:
        token = self.token("/admin/login/")
        fields = {"csrfmiddlewaretoken": token, "username": "admin", "password": PASSWORD, "next": "/admin/"}
        body = urllib.parse.urlencode(fields).encode()
        self.post("/admin/login/", body, "application/x-www-form-urlencoded")

    def upload(self, paths: list[Path]) -> tuple[str, float]:
        boundary = uuid.uuid4().hex
        parts = [_field(boundary, "csrfmiddlewaretoken", self.token("/admin/articles/article/import/"))]
        parts += [_file(boundary, "documents", path.name, path.read_bytes()) for path in paths]
        body = b"".join(parts) + f"--{boundary}--\r\n".encode()
        return self.post("/admin/articles/article/import/", body, f"multipart/form-data; boundary={boundary}")


def _field(boundary: str, name: str, value: str) -> bytes:
    return f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode()


def _file(boundary: str, name: str, filename: str, data: bytes) -> bytes:
    head = (
        f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
        "Content-Type: text/plain\r\n\r\n"
    )
    return head.encode() + data + b"\r\n"


def latencies(browser: Browser, paths: list[str], *, count: int | None = None, until=None) -> list[float]:
    """Milliseconds of reader requests, READER_PACE apart: ``count`` of them, or until ``until`` is set."""
    times = []
    while (count is None or len(times) < count) and not (until is not None and until.is_set()):
        status, _, seconds = browser.get(paths[len(times) % len(paths)])
        assert status == 200, status
        times.append(seconds * 1000)
        time.sleep(READER_PACE)
    return times


def summary(times: list[float]) -> str:
    if len(times) < 2:
        return "n/a"
    cuts = statistics.quantiles(times, n=20)
    return f"p50 {statistics.median(times):6.1f} ms  p95 {cuts[18]:6.1f} ms  ({len(times)} requests)"


def run(args) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        paths = generate(Path(tmp), args.documents)
        with Database(args.database, "newsroom_tasks_bench") as url:
            env = environment(url)
            manage(env, "migrate", "--noinput")
            manage(env, "collectstatic", "--noinput")
            manage(env, "load_sample_content")  # pages for the readers
            manage(env, "createsuperuser", "--noinput", "--username", "admin", "--email", "admin@example.com")
            results = through_admin(env, paths, workers=args.workers, reader_requests=args.reader_requests)
        with Database(args.database, "newsroom_tasks_bench_command") as url:
            env = environment(url)
            manage(env, "migrate", "--noinput")
            results["command"] = manage(env, "import_document", tmp, "--jobs", str(args.workers))
    n = args.documents
    print(f"{n} documents on {args.database}, {args.workers} worker(s)")
    print(f"  upload request      {results['upload']:7.2f} s")
    print(f"  job after upload    {results['job']:7.2f} s   {n / results['job']:6.1f} documents/s")
    print(f"  upload + job        {results['upload'] + results['job']:7.2f} s")
    print(f"  import command      {results['command']:7.2f} s   {n / results['command']:6.1f} documents/s")
    print(f"  reader pages idle   {summary(results['idle'])}")
    print(f"  reader pages busy   {summary(results['busy'])}")
    print(f"  progress view busy  {summary(results['progress'])}")
    print(f"  progress view idle  {summary(results['progress_idle'])}")
    print(f"  job: {results['final']}")


def through_admin(env: dict, paths: list[Path], *, workers: int, reader_requests: int) -> dict:
    base = f"http://127.0.0.1:{PORT}"
    gunicorn = [str(ROOT / ".venv" / "bin" / "gunicorn"), "newsroom.wsgi", "-w", "2"]
    gunicorn += ["-b", f"127.0.0.1:{PORT}"]
    server = subprocess.Popen(gunicorn, cwd=ROOT, env=env, stderr=subprocess.DEVNULL)
    worker_command = [PYTHON, "manage.py", "run_worker", "--interval", "0.2"]
    task_workers = [subprocess.Popen(worker_command, cwd=ROOT, env=env) for _ in range(workers)]
    try:
        reader, editor = Browser(base), Browser(base)
        for _ in range(100):  # until gunicorn answers
            try:
                reader.get("/")
                break
            except OSError:
                time.sleep(0.1)
        article = re.search(r'href="(/[^"]+/\d{4}/[^"]+/)"', reader.get("/")[1].decode())
        pages = ["/", article.group(1) if article else "/"]
        idle = latencies(reader, pages, count=reader_requests)
        editor.sign_in()

        ended, busy = threading.Event(), []
        thread = threading.Thread(target=lambda: busy.extend(latencies(reader, pages, until=ended)))
        job_url, upload_seconds = editor.upload(paths)
        started = time.perf_counter()
        thread.start()
        progress, state = [], {}
        while not state.get("ended"):
            _, body, seconds = editor.get(job_url + "progress/")
            progress.append(seconds * 1000)
            state = json.loads(body)
            time.sleep(0.5)
        job_seconds = time.perf_counter() - started
        ended.set()
        thread.join()
        progress_idle = [editor.get(job_url + "progress/")[2] * 1000 for _ in range(20)]
        return {
            "upload": upload_seconds,
            "job": job_seconds,
            "idle": idle,
            "busy": busy,
            "progress": progress,
            "progress_idle": progress_idle,
            "final": {key: state[key] for key in ("state", "done", "failed", "total")},
        }
    finally:
        for process in [*task_workers, server]:
            process.terminate()
        for process in [*task_workers, server]:
            process.wait(timeout=60)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--documents", type=int, default=1000)
    parser.add_argument("--database", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--workers", type=int, default=1, help="task worker processes")
    parser.add_argument("--reader-requests", type=int, default=200, help="reader requests before the upload")
    args = parser.parse_args()
    if not REFERENCE.exists():
        sys.exit(f"The reference document is needed: {REFERENCE}")
    run(args)


if __name__ == "__main__":
    main()
