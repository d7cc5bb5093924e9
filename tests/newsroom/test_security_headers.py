"""Content-Security-Policy (the site itself only) and Permissions-Policy on every response."""

import base64
import hashlib
import os
import re
import subprocess
import sys
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.urls import reverse

from articles import embeds
from articles.models import Section
from tests.factories import ArticleFactory, BylineFactory, RelatedLinkFactory

pytestmark = pytest.mark.django_db


def directives(response) -> dict[str, str]:
    header = response["Content-Security-Policy"]
    return dict(part.strip().split(" ", 1) for part in header.split(";"))


@pytest.fixture
def article():
    article = ArticleFactory(section=Section.objects.create(name="World", slug="world"))
    BylineFactory(article=article)
    RelatedLinkFactory(article=article, url="https://example.com/x")
    article.topics.add("Energy")
    return article


def reader_urls(article) -> list[str]:
    return [
        reverse("articles:home"),
        article.get_absolute_url(),
        reverse("articles:section", kwargs={"slug": "world"}),
        reverse("articles:topic", kwargs={"slug": "energy"}),
        reverse("articles:search") + "?q=headline",
        reverse("articles:topics"),
        reverse("articles:page", kwargs={"slug": "about"}),
    ]


def test_reader_pages_allow_only_the_site_itself(client, article):
    for url in reader_urls(article):
        for _ in range(2):  # rendered, then served from the page cache
            policy = directives(client.get(url))
            assert policy["default-src"] == "'self'"
            assert policy["script-src"] == "'self'"
            assert policy["style-src"] == "'self'"
            assert policy["img-src"] == "'self' data: blob:"
            assert policy["object-src"] == "'none'"
            assert policy["frame-ancestors"] == "'none'"
            assert "unsafe-inline" not in client.get(url)["Content-Security-Policy"]


def test_no_reader_page_needs_an_inline_script_or_style(client, article):
    for url in reader_urls(article):
        html = client.get(url).content.decode()
        inline = [tag for tag in re.findall(r"<script\b[^>]*>", html) if "src=" not in tag]
        assert inline in ([], ['<script type="application/ld+json">']), url
        assert " style=" not in html, url
        assert "<style" not in html, url


def test_the_admin_and_the_api_carry_the_policy_too(admin_client, client, article):
    assert (
        directives(admin_client.get(reverse("admin:articles_article_changelist")))["script-src"] == "'self'"
    )
    assert directives(client.get(reverse("api:articles")))["default-src"] == "'self'"


def test_permissions_policy_turns_off_what_no_page_uses(client, article):
    value = client.get(article.get_absolute_url())["Permissions-Policy"]

    for feature in ("camera=()", "microphone=()", "geolocation=()", "payment=()", "usb=()"):
        assert feature in value
    assert "clipboard-write=(self)" in value


@pytest.mark.parametrize(
    ("environment", "sources"),
    [
        (
            {"MEDIA_URL": "https://media.example.net/m/"},
            ["'self'", "data:", "blob:", "https://media.example.net/m/"],
        ),
        (
            {"MEDIA_S3_BUCKET": "b", "MEDIA_S3_CUSTOM_DOMAIN": "cdn.example.net"},
            ["'self'", "data:", "blob:", "https://cdn.example.net"],
        ),
        ({"MEDIA_S3_BUCKET": "b"}, ["'self'", "data:", "blob:", "https://*.amazonaws.com"]),
    ],
)
def test_pictures_may_come_from_where_the_media_are_stored(environment, sources):
    code = "from newsroom import settings as s; print(s.CONTENT_SECURITY_POLICY['DIRECTIVES']['img-src'])"
    env = {**os.environ, **environment}
    env.pop("DATABASE_URL", None)
    result = subprocess.run(  # noqa: S603  (this interpreter, a fixed program)
        [sys.executable, "-c", code],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        cwd=settings.BASE_DIR,
    )
    assert result.stdout.strip() == str(sources)


def test_the_policy_can_be_sent_as_report_only():
    code = (
        "from newsroom import settings as s; "
        "print(s.CONTENT_SECURITY_POLICY, s.CONTENT_SECURITY_POLICY_REPORT_ONLY['DIRECTIVES']['script-src'])"
    )
    env = {**os.environ, "CSP_REPORT_ONLY": "1"}
    env.pop("DATABASE_URL", None)
    result = subprocess.run(  # noqa: S603  (this interpreter, a fixed program)
        [sys.executable, "-c", code],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        cwd=settings.BASE_DIR,
    )
    assert result.stdout.strip() == "None [\"'self'\"]"


def test_every_embed_player_may_be_framed_and_nothing_else(settings):
    frames = set(settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]["frame-src"]) - {"'self'"}
    players = {"https://" + urlsplit(provider.player).hostname for provider in embeds.PROVIDERS}
    assert frames == players


def test_the_admins_import_map_and_nothing_else_inline_may_run(admin_client, client):
    article = ArticleFactory()
    response = admin_client.get(reverse("admin:articles_article_change", args=[article.pk]))
    maps = re.findall(rb'<script type="importmap"[^>]*>(.*?)</script>', response.content, re.DOTALL)
    assert maps  # the body's rich-text editor
    script_src = next(
        part
        for part in response["Content-Security-Policy"].split(";")
        if part.strip().startswith("script-src")
    )
    for found in maps:
        digest = base64.b64encode(hashlib.sha256(found).digest()).decode()
        assert f"'sha256-{digest}'" in script_src
    assert "unsafe-inline" not in script_src
    # A reader's page has no inline script, and its policy allows none.
    assert "sha256-" not in client.get(article.get_absolute_url())["Content-Security-Policy"]


def test_a_304_leaves_the_policy_to_the_copy_it_revalidates(client, article):
    url = article.get_absolute_url()
    page = client.get(url)
    assert "default-src 'self'" in page["Content-Security-Policy"]

    not_modified = client.get(url, headers={"If-None-Match": page["ETag"]})

    assert not_modified.status_code == 304
    assert "Content-Security-Policy" not in not_modified
    assert not_modified["ETag"] == page["ETag"]
