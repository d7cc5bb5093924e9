"""Metadata for search engines and social sites: schema.org NewsArticle JSON-LD."""

import json

from django.conf import settings
from django.templatetags.static import static

from images.serialize import share_crops, structured_data_urls

from .models import Article
from .templatetags.newsroom import isotime

# The characters that could close a <script> element or start an HTML entity.
_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


DEFAULT_IMAGES = ("img/share.png", "img/share-4x3.png", "img/share-1x1.png")  # 16:9, 4:3, 1:1


# The site's default share picture (static/img/share.png) and its size.
DEFAULT_SHARE_SIZE = (1200, 675)


def share_image(article: Article, request) -> dict:
    """What OpenGraph and the Twitter card show: the lead picture's 16:9 focal crop (absolute URL,
    size, type, alt text), else the site's default picture. Reads only the prefetched picture."""
    image = article.lead_image
    if image is not None:
        crop = share_crops(image, request=request).get("16:9")
        if crop is not None:
            return {
                "url": crop.url,
                "width": crop.width,
                "height": crop.height,
                "type": crop.mime_type,
                "alt": image.alt_text,
            }
        # Renditions still being made: the stored picture, which social sites crop themselves.
        return {
            "url": request.build_absolute_uri(image.file.url),
            "width": image.width,
            "height": image.height,
            "type": "",
            "alt": image.alt_text,
        }
    width, height = DEFAULT_SHARE_SIZE
    url = request.build_absolute_uri(static(DEFAULT_IMAGES[0]))
    return {"url": url, "width": width, "height": height, "type": "image/png", "alt": ""}


def share_image_url(article: Article, request) -> str:
    """The picture shared with the article, as an absolute URL."""
    return share_image(article, request)["url"]


def image_urls(article: Article, request) -> list[str]:
    """JSON-LD ``image``: the lead picture's 16:9, 4:3 and 1:1 focal crops (as Google asks), else the
    site's defaults in the same three shapes."""
    image = article.lead_image
    if image is not None:
        return structured_data_urls(image, request=request) or [request.build_absolute_uri(image.file.url)]
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
        **first_appeared(article),
    }


def first_appeared(article: Article) -> dict:
    """Where an article that first appeared in another publication came from, in schema.org terms.

    This site publishes the copy (``publisher``); the organisation that produced it is its
    ``sourceOrganization``, and the original piece, published there, is what it ``isBasedOn``
    (a CreativeWork: all that is known of it is where it appeared).
    """
    name = article.original_publication
    if not name:
        return {}
    source = {"@type": "NewsMediaOrganization", "name": name}
    return {
        "sourceOrganization": source,
        "isBasedOn": {
            "@type": "CreativeWork",
            "headline": article.headline,
            "publisher": source,
        },
    }


def with_corrections(data: dict, article: Article) -> dict:
    """``data`` (an article's NewsArticle) with its corrections, as schema.org ``correction`` comments."""
    corrections = [
        {
            "@type": "CorrectionComment",
            "text": correction.text,
            "datePublished": isotime(correction.at),
            "name": correction.get_kind_display(),
        }
        for correction in article.corrections.all()
    ]
    return {**data, "correction": corrections} if corrections else data


def as_script_json(data: dict) -> str:
    """JSON safe to place inside <script type="application/ld+json">."""
    return json.dumps(data, ensure_ascii=False).translate(_SCRIPT_ESCAPES)
