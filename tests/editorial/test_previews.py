"""Previews: staff see drafts on the real page, uncached; a signed link shows one draft to anyone."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from editorial import previews
from editorial.previews import PreviewLinkError, article_for_token, make_preview_link
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft():
    return ArticleFactory(draft=True, headline="Embargoed story", body="Secret paragraph.")


def assert_uncached(response):
    assert "no-cache" in response["Cache-Control"]
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]


def test_editor_sees_the_draft_with_the_banner_and_no_cache(editor, draft):
    response = editor.get(draft.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    assert '<p class="preview-banner" role="status">Preview: this article is a draft' in html
    assert "Secret paragraph." in html
    assert_uncached(response)


def test_writer_previews_a_scheduled_article(writer):
    article = ArticleFactory(scheduled=True)
    response = writer.get(article.get_absolute_url())
    assert response.status_code == 200
    assert "Preview: this article is scheduled for" in response.content.decode()


@pytest.mark.parametrize("kwargs", [{"draft": True}, {"scheduled": True}])
def test_reader_gets_404(client, kwargs):
    assert client.get(ArticleFactory(**kwargs).get_absolute_url()).status_code == 404


def test_shared_link_shows_the_draft_without_an_account(client, draft):
    link = make_preview_link(draft, valid_for=timedelta(days=1))
    response = client.get(link.path)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1" in html and "Embargoed story" in html
    assert '<p class="preview-banner" role="status">Preview: this article is a draft' in html
    assert_uncached(response)
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert response["Referrer-Policy"] == "no-referrer"


def test_shared_link_expires(client, draft, monkeypatch):
    link = make_preview_link(draft, valid_for=timedelta(hours=1))
    later = timezone.now() + timedelta(hours=1, seconds=1)
    monkeypatch.setattr(previews.timezone, "now", lambda: later)
    response = client.get(link.path)
    assert response.status_code == 410
    assert "The link has expired." in response.content.decode()
    assert_uncached(response)


def test_editing_the_article_revokes_the_link(client, draft):
    link = make_preview_link(draft, valid_for=timedelta(days=1))
    draft.headline = "Edited."
    draft.save()
    response = client.get(link.path)
    assert response.status_code == 410
    assert "The article was edited after the link was made, which revokes it." in response.content.decode()


def test_a_forged_or_mangled_token_is_404(client, draft):
    token = make_preview_link(draft, valid_for=timedelta(days=1)).token
    mangled = token[:-2] + ("AA" if not token.endswith("AA") else "BB")
    assert client.get(reverse("editorial:preview", kwargs={"token": mangled})).status_code == 404
    assert client.get(reverse("editorial:preview", kwargs={"token": "nonsense"})).status_code == 404


def test_validity_is_capped(settings, draft):
    settings.EDITORIAL_PREVIEW_MAX_HOURS = 2
    link = make_preview_link(draft, valid_for=timedelta(days=30))
    assert link.expires_at <= timezone.now() + timedelta(hours=2)


def test_a_deleted_article_revokes_the_link(draft):
    link = make_preview_link(draft, valid_for=timedelta(days=1))
    Article.objects.filter(pk=draft.pk).delete()
    with pytest.raises(PreviewLinkError) as error:
        article_for_token(link.token)
    assert error.value.reason == "revoked"


def test_link_to_an_article_now_live_redirects_to_its_page(client, draft):
    link = make_preview_link(draft, valid_for=timedelta(days=1))
    Article.objects.filter(pk=draft.pk).update(status="published", published_at=timezone.now())
    # update() leaves updated_at alone, so the link is still valid: it now leads to the public page.
    response = client.get(link.path)
    assert response.status_code == 302
    assert response["Location"] == draft.get_absolute_url()


def test_writer_makes_a_link_in_the_admin(writer, client, draft):
    url = reverse("admin:articles_article_share", args=[draft.pk])
    assert "Make a preview link" in writer.get(url).content.decode()
    response = writer.post(url, {"valid_for": "3d"})
    link_url = response.context["link_url"]
    assert link_url.startswith("http://testserver/preview/")
    assert response.context["link"].expires_at > timezone.now() + timedelta(days=2, hours=23)
    assert client.get(link_url.removeprefix("http://testserver")).status_code == 200


def test_change_form_offers_the_share_link_for_drafts_only(editor, draft):
    share = reverse("admin:articles_article_share", args=[draft.pk])
    assert share in editor.get(reverse("admin:articles_article_change", args=[draft.pk])).content.decode()
    live = ArticleFactory()
    live_share = reverse("admin:articles_article_share", args=[live.pk])
    assert (
        live_share
        not in editor.get(reverse("admin:articles_article_change", args=[live.pk])).content.decode()
    )
