"""Metadata for search engines and social sites: schema.org NewsArticle JSON-LD."""

import json

from django.conf import settings
from django.templatetags.static import static

from .models import Article
from .templatetags.newsroom import isotime

# The characters that could close a <script> element or start an HTML entity.
_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


DEFAULT_IMAGES = ("img/share.png", "img/share-4x3.png", "img/share-1x1.png")  # 16:9, 4:3, 1:1


def share_image_url(article: Article, request) -> str:
    """The article's main image, or the site's default 16:9 share picture, as an absolute URL."""
    url = article.image.url if article.image else static(DEFAULT_IMAGES[0])
    return request.build_absolute_uri(url)


def image_urls(article: Article, request) -> list[str]:
    if article.image:
        return [request.build_absolute_uri(article.image.url)]
    return [request.build_absolute_uri(static(path)) for path in DEFAULT_IMAGES]


def news_article(article: Article, request) -> dict:
    """schema.org NewsArticle for one article; reads only prefetched relations."""
    url = request.build_absolute_uri(article.get_absolute_url())
    mentions = [
        {
            "@type": "Person" if person.kind == "person" else "Organization",
            "name": person.name,
            "url": request.build_absolute_uri(person.get_absolute_url()),
        }
        for person in article.people.all()
    ] + [{"@type": "Country", "name": country.name} for country in article.countries.all()]
    return {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "url": url,
        "headline": article.headline,
        "description": article.standfirst,
        "articleBody": article.body_text,  # the blocks' words as plain text
        "datePublished": isotime(article.published_at) or None,
        "dateModified": isotime(max(article.updated_at, article.published_at or article.updated_at)),
        "author": [
            {
                "@type": "Person",
                "name": byline.author.name,
                "url": request.build_absolute_uri(byline.author.get_absolute_url()),
            }
            for byline in article.bylines.all()
        ],
        "publisher": {
            "@type": "Organization",
            "name": settings.NEWSROOM_NAME,
            "logo": {"@type": "ImageObject", "url": request.build_absolute_uri(static("img/logo.png"))},
        },
        "image": image_urls(article, request),
        "keywords": [t.name for t in article.topics.all()] + [c.name for c in article.countries.all()],
        "mentions": mentions,
        "isAccessibleForFree": True,
        "inLanguage": "en-GB",
    }


def as_script_json(data: dict) -> str:
    """JSON safe to place inside <script type="application/ld+json">."""
    return json.dumps(data, ensure_ascii=False).translate(_SCRIPT_ESCAPES)
