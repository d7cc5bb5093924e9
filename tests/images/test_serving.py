"""Uploaded pictures answer 200: under runserver (DEBUG on), and under gunicorn with DEBUG=0 when a
demo opts in; in production the web server or the object store serves them, and the app does not."""

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError

from images.renditions import renditions
from images.serving import CACHE_CONTROL, media_urlpatterns

from .pictures import photo

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION = {
    "DEBUG": "0",
    "SECRET_KEY": "k3y-" + "a1b2c3d4e5f6g7h8i9j0" * 3,
    "ALLOWED_HOSTS": "127.0.0.1",
    "SECURE_SSL_REDIRECT": "0",
}


@pytest.mark.parametrize(
    ("debug", "serve", "backend", "media_url", "served"),
    [
        (True, False, "django.core.files.storage.FileSystemStorage", "media/", True),
        (False, False, "django.core.files.storage.FileSystemStorage", "media/", False),
        (False, True, "django.core.files.storage.FileSystemStorage", "media/", True),
        (True, False, "storages.backends.s3.S3Storage", "media/", False),
        (True, False, "django.core.files.storage.FileSystemStorage", "https://cdn.example.com/", False),
    ],
)
def test_the_app_serves_media_only_in_development_or_when_a_demo_opts_in(
    settings, debug, serve, backend, media_url, served
):
    settings.DEBUG, settings.NEWSROOM_SERVE_MEDIA, settings.MEDIA_URL = debug, serve, media_url
    settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": backend}}
    assert bool(media_urlpatterns()) is served


@pytest.mark.django_db
@pytest.mark.urls("tests.images.urls_media")
def test_a_rendition_is_served_with_its_type_and_cached_for_good(client, make_image):
    rendition = next(r for r in renditions(make_image(640, 480)) if r.format == "webp")
    response = client.get(rendition.url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/webp"
    assert response["Cache-Control"] == CACHE_CONTROL
    assert b"".join(response.streaming_content)[:4] == b"RIFF"
    assert client.get("/media/../newsroom/settings.py").status_code == 400  # SuspiciousFileOperation
    assert client.get("/media/images/missing.jpg").status_code == 404


def test_check_deploy_warns_when_the_app_serves_media(settings):
    settings.DEBUG, settings.NEWSROOM_SERVE_MEDIA = False, True
    with pytest.raises(SystemCheckError, match="images.W001"):
        call_command("check", deploy=True, fail_level="WARNING", tags=["security"])


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> tuple[int, str, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310  (our own server)
            return response.status, response.headers["Content-Type"], response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers["Content-Type"], b""


def serve(args: list[str], env: dict, url: str):
    """Start a server, wait until it answers ``url``, return the process."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_") and k not in PRODUCTION}
    clean.pop("DATABASE_URL", None)
    process = subprocess.Popen(
        args, cwd=ROOT, env=clean | env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", int(url.split(":")[2].split("/")[0])), timeout=1).close()
            return process
        except OSError:
            if process.poll() is not None:
                raise AssertionError(process.stderr.read().decode()) from None
            time.sleep(0.2)
    process.kill()
    raise AssertionError("the server did not start")


@pytest.fixture
def media(tmp_path):
    """A MEDIA_ROOT holding one picture and one rendition, and a database for the server."""
    root = tmp_path / "media"
    (root / "images" / "2026" / "11").mkdir(parents=True)
    (root / "images" / "2026" / "11" / "harbour-1a2b3c4d.jpg").write_bytes(photo(320, 240))
    (root / "__processed__" / "abc" / "def").mkdir(parents=True)
    (root / "__processed__" / "abc" / "def" / "harbour-1a2b3c4d-0123456789ab.webp").write_bytes(
        photo(160, 120, fmt="WEBP")
    )
    return {"MEDIA_ROOT": str(root), "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}"}


def stop(process):
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()


PICTURE = "/media/images/2026/11/harbour-1a2b3c4d.jpg"
RENDITION = "/media/__processed__/abc/def/harbour-1a2b3c4d-0123456789ab.webp"


def test_media_is_served_under_runserver_as_make_run_starts_it(media):
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    process = serve(
        [sys.executable, "manage.py", "runserver", "--noreload", "--skip-checks", f"127.0.0.1:{port}"],
        media,
        base,
    )
    try:
        assert fetch(base + PICTURE)[:2] == (200, "image/jpeg")
        assert fetch(base + RENDITION)[:2] == (200, "image/webp")
    finally:
        stop(process)


@pytest.fixture(scope="module")
def static_root(tmp_path_factory):
    """The README's production shape: collectstatic, then gunicorn."""
    root = tmp_path_factory.mktemp("static")
    clean = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_") and k not in PRODUCTION}
    result = subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=ROOT,
        env=clean | PRODUCTION | {"STATIC_ROOT": str(root)},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return str(root)


@pytest.mark.parametrize(("opt_in", "status"), [("1", 200), ("0", 404)])
def test_media_under_gunicorn_with_debug_off_only_when_a_demo_opts_in(media, static_root, opt_in, status):
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = PRODUCTION | media | {"NEWSROOM_SERVE_MEDIA": opt_in, "STATIC_ROOT": static_root}
    gunicorn = str(Path(sys.executable).parent / "gunicorn")
    process = serve([gunicorn, "--bind", f"127.0.0.1:{port}", "--workers", "1", "newsroom.wsgi"], env, base)
    try:
        code, content_type, body = fetch(base + RENDITION)
        assert code == status
        if status == 200:
            assert content_type == "image/webp"
            assert body[:4] == b"RIFF"
    finally:
        stop(process)
