"""Two app servers, one site: a change made through one is seen at once on the other.

Starts two gunicorn instances (two workers each, so four processes with their
own memory) on different ports, sharing this test's PostgreSQL database, and
either one Redis of the test's own or none (each process then caches in its own
memory). Through server A, staff sign in and unpublish, then publish again, an
article; server B's very first answers on every reader surface of the no-leak
matrix must already agree. Sessions and sign-in throttling are shared too.
"""

import http.cookiejar
import os
import re
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import override_settings
from django.urls import reverse

from articles.models import Article
from tests.factories import ArticleFactory
from tests.servers import REDIS_SERVER, RedisServer, free_port, wait_for_port
from tests.test_no_leaks import HEADLINE, NOT_FOUND, SURFACES, surround

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]

BASE_DIR = Path(settings.BASE_DIR)
# Surfaces that show a live article and must stop showing it; API lists of tags do not name it.
CORE_SURFACES = {
    *("article page", "home", "topic page", "country page", "author page", "person page"),
    *("latest feed", "latest atom feed", "topic feed", "country feed", "author feed"),
    *("sitemap", "news sitemap", "search", "API article", "API articles", "API articles search"),
}
PASSWORD = "two servers, one site"
SERVER_HASHERS = ["django.contrib.auth.hashers.PBKDF2PasswordHasher"]


@pytest.fixture
def postgresql():
    if connection.vendor != "postgresql":
        pytest.skip("two servers share one database server: run with DATABASE_URL=postgres://…")
    return connection.settings_dict


class Server:
    def __init__(self, name: str, env: dict):
        self.name = name
        self.port = free_port()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "newsroom.wsgi", "-b", f"127.0.0.1:{self.port}", "-w", "2"]
            + ["--log-level", "warning"],
            cwd=BASE_DIR,
            env=env,
        )

    @property
    def origin(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def wait(self) -> None:
        wait_for_port(self.port, up=True, timeout=60)

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)


def server_env(db: dict, redis_url: str) -> dict:
    env = {key: value for key, value in os.environ.items() if key not in {"DJANGO_SETTINGS_MODULE"}}
    env.update(
        DATABASE_URL=f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}",
        REDIS_URL=redis_url,
        # DEBUG on: templates find static files without a collectstatic run; nothing else here depends on it.
        DEBUG="1",
        SECRET_KEY="two-servers-share-this-key-for-their-sessions",
        DJANGO_SETTINGS_MODULE="newsroom.settings",
    )
    return env


def opener(jar=None):
    handlers = [urllib.request.HTTPCookieProcessor(jar)] if jar is not None else []
    return urllib.request.build_opener(*handlers)


def fetch(url: str, *, client=None, data: dict | None = None) -> tuple[int, str]:
    client = client or opener()
    body = urllib.parse.urlencode(data).encode() if data is not None else None
    try:
        with client.open(url, data=body, timeout=30) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def shows(surface: str, status: int, body: str, ctx: dict) -> bool:
    """Whether this surface shows the article (the opposite of the no-leak matrix's check)."""
    if surface in NOT_FOUND:
        return status == 200
    if surface == "API related link":
        return f'"article": "{ctx["slug"]}"' in body
    if surface == "related link on a live article":
        return f"/{ctx['slug']}/" in body
    return HEADLINE in body or f"/{ctx['slug']}/" in body


def look(server: Server, ctx: dict, surfaces) -> dict[str, bool]:
    """Every surface twice (so that both workers answer, most likely): shown by either?"""
    seen = {}
    for surface in surfaces:
        results = [fetch(server.origin + SURFACES[surface](ctx)) for _ in range(2)]
        assert all(status in (200, 404) for status, _ in results), (surface, [s for s, _ in results])
        seen[surface] = any(shows(surface, status, body, ctx) for status, body in results)
    return seen


def sign_in(server: Server, jar, *, password: str = PASSWORD) -> int:
    client = opener(jar)
    login = server.origin + reverse("admin:login")
    _, page = fetch(login, client=client)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    status, _ = fetch(
        login,
        client=client,
        data={"username": "editor", "password": password, "csrfmiddlewaretoken": token, "next": "/"},
    )
    return status


def admin_action(server: Server, jar, action: str, article: Article) -> None:
    client = opener(jar)
    changelist = server.origin + reverse("admin:articles_article_changelist")
    _, page = fetch(changelist, client=client)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    status, _ = fetch(
        changelist,
        client=client,
        data={"action": action, "_selected_action": article.pk, "csrfmiddlewaretoken": token},
    )
    assert status == 200


def make_site() -> tuple[Article, dict]:
    """The no-leak matrix's site (its article live), and a superuser to act through a server."""
    article = ArticleFactory(headline=HEADLINE)
    ctx = surround(article)
    # The servers run the real settings, whose hashers do not include the tests' fast MD5 one.
    with override_settings(PASSWORD_HASHERS=SERVER_HASHERS):
        get_user_model().objects.create_superuser("editor", "editor@example.com", PASSWORD)
    return article, ctx


@pytest.fixture(params=["Redis", "no Redis"])
def servers(request, postgresql, iso_countries, tmp_path):
    redis_url = ""
    redis = None
    if request.param == "Redis":
        if REDIS_SERVER is None:
            pytest.skip("redis-server is not installed (Debian package redis-server)")
        redis = RedisServer(tmp_path)
        redis.start()
        redis_url = redis.url
    env = server_env(postgresql, redis_url)
    pair = [Server("A", env), Server("B", env)]
    try:
        for server in pair:
            server.wait()
        yield pair
    finally:
        for server in pair:
            server.stop()
        if redis is not None:
            redis.stop()


def test_an_unpublish_and_a_publish_through_one_server_are_seen_at_once_on_the_other(servers):
    a, b = servers
    article, ctx = make_site()
    live = look(b, ctx, SURFACES)
    look(a, ctx, SURFACES)  # both servers' caches hold every surface now
    assert {surface for surface, shown in live.items() if shown} >= CORE_SURFACES
    watched = [surface for surface, shown in live.items() if shown]
    jar = http.cookiejar.CookieJar()
    assert sign_in(a, jar) == 200

    admin_action(a, jar, "unpublish", article)
    after_unpublish = look(b, ctx, watched)

    assert [surface for surface, shown in after_unpublish.items() if shown] == []
    assert Article.objects.get(pk=article.pk).state == Article.State.UNPUBLISHED

    admin_action(a, jar, "publish_now", article)
    after_publish = look(b, ctx, watched)

    # Each check was B's first answer after the change: "at once", stronger than within a second.
    assert [surface for surface, shown in after_publish.items() if not shown] == []


def test_a_session_and_sign_in_throttling_are_shared_by_both_servers(servers):
    a, b = servers
    make_site()
    jar = http.cookiejar.CookieJar()
    assert sign_in(a, jar) == 200

    status, page = fetch(b.origin + reverse("admin:index"), client=opener(jar))
    assert status == 200
    assert "Site administration" in page or "Editorial desk" in page

    attacker = http.cookiejar.CookieJar()
    for server in [a, b, a, b, a][: settings.AXES_FAILURE_LIMIT]:
        sign_in(server, attacker, password="wrong")
    status = sign_in(b, attacker)
    assert status == settings.AXES_HTTP_RESPONSE_CODE
