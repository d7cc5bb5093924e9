"""Pictures in the API's answers: the image library's object (``images.serialize.image_data``)."""

from articles.models import Article
from images.serialize import image_data


def lead_image_data(article: Article, request) -> dict | None:
    """The article's lead picture, with the article's own caption when it has one; None without."""
    if article.lead_image is None:
        return None
    return {**image_data(article.lead_image, request=request), "caption": article.lead_caption}


def with_related_pictures(data: dict, article: Article, request) -> dict:
    """``data`` (``article_data``) with each related link's card picture, as the article page shows it."""
    related = [
        {**item, "image": image_data(link.picture, request=request) if link.picture else None}
        for item, link in zip(data["related"], article.related_links.all(), strict=True)
    ]
    return {**data, "related": related}
