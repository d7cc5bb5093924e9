"""The details readers expect on an article: reading time, sharing, print, dark mode, updates, site pages."""

import re
from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, Page
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

CSS = (Path(settings.BASE_DIR) / "static" / "css" / "site.css").read_text(encoding="utf-8")


def page_of(client, article) -> str:
    return client.get(article.get_absolute_url()).content.decode()


@pytest.mark.parametrize(("words", "minutes"), [(10, 1), (230, 1), (231, 2), (1150, 5)])
def test_reading_time_counts_the_words_at_230_a_minute(client, words, minutes):
    article = ArticleFactory(standfirst="", body=" ".join(["word"] * words))

    assert f'<span class="reading-time">{minutes} min read</span>' in page_of(client, article)


def test_share_links_are_plain_links_to_the_canonical_address(client):
    article = ArticleFactory(headline="Floods & rates")
    html = page_of(client, article)
    url = f"http%3A%2F%2Ftestserver%2Farticles%2F{article.slug}%2F"

    assert f'href="https://www.facebook.com/sharer/sharer.php?u={url}"' in html
    assert f'href="https://x.com/intent/post?text=Floods+%26+rates&amp;url={url}"' in html
    assert f'href="mailto:?subject=Floods%20%26%20rates&amp;body={url}"' in html
    assert f'data-share-url="http://testserver/articles/{article.slug}/"' in html


def test_the_share_and_copy_buttons_wait_for_the_script_and_no_third_party_script_is_loaded(client):
    html = page_of(client, ArticleFactory())

    assert '<li hidden data-share-native><button type="button" class="share-button">Share…</button>' in html
    assert '<li hidden data-share-copy><button type="button" class="share-button">Copy link</button>' in html
    scripts = re.findall(r"<script\b[^>]*>", html)
    assert scripts == ['<script type="application/ld+json">', '<script src="/static/js/share.js" defer>']


def test_the_share_script_uses_the_web_share_api_and_the_clipboard():
    script = (Path(settings.BASE_DIR) / "static" / "js" / "share.js").read_text(encoding="utf-8")
    assert "navigator.share(" in script
    assert "navigator.clipboard.writeText(url)" in script


def test_the_printed_page_carries_its_address_and_leaves_out_navigation_search_and_footer(client):
    article = ArticleFactory()
    html = page_of(client, article)
    print_rules = CSS[CSS.index("@media print") :]

    assert f'<p class="print-url">This article: http://testserver/articles/{article.slug}/</p>' in html
    hidden = re.search(r"\n  ([^{]+)\{ display: none !important; \}", print_rules)[1]
    for selector in (".masthead", ".site-footer", ".masthead-search", ".site-nav", ".share"):
        assert selector in hidden
    assert ".print-url { display: block;" in print_rules


def test_dark_mode_follows_the_system_setting(client):
    html = client.get(reverse("articles:home")).content.decode()

    assert '<meta name="color-scheme" content="light dark">' in html
    dark = CSS[CSS.index("@media (prefers-color-scheme: dark)") :]
    assert "--paper: #121212" in dark and "--ink: #e8e8e8" in dark


def test_the_updated_time_shows_only_when_the_article_changed_later(client):
    fresh = ArticleFactory(published_at=timezone.now() - timedelta(minutes=10))
    changed = ArticleFactory(published_at=timezone.now() - timedelta(hours=5))
    Article.objects.filter(pk=changed.pk).update(updated_at=timezone.now())

    assert 'class="updated"' not in page_of(client, fresh)
    assert '<span class="updated">Updated <time datetime="' in page_of(client, changed)


def test_every_page_links_to_the_about_contact_and_privacy_pages(client):
    html = client.get(reverse("articles:home")).content.decode()

    for slug in ("about", "contact", "privacy"):
        assert f'href="/pages/{slug}/"' in html
        assert client.get(f"/pages/{slug}/").status_code == 200


def test_a_site_page_shows_what_editors_wrote_with_its_addresses_linked(
    client, django_capture_on_commit_callbacks
):
    client.get("/pages/contact/")  # cached
    with django_capture_on_commit_callbacks(execute=True):
        Page.objects.filter(slug="contact").delete()
        Page.objects.create(
            slug="contact", title="Contact the desk", body="Write to desk@example.com.\n\nOr call us."
        )

    html = client.get("/pages/contact/").content.decode()

    assert '<h1 class="page-title">Contact the desk</h1>' in html
    assert '<a href="mailto:desk@example.com">desk@example.com</a>' in html
    assert "<p>Or call us.</p>" in html
    assert client.get("/pages/nowhere/").status_code == 404
