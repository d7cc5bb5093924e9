"""What an article page shows beside the story: the share links (its reading time is articles.body's)."""

from urllib.parse import quote, urlencode

from django import template

register = template.Library()


@register.inclusion_tag("includes/share.html", takes_context=True)
def share_links(context, article, url: str):
    """Plain links to share ``url`` (no third-party script), and the buttons share.js turns on."""
    title = article.headline
    links = [
        ("Email", "mailto:?" + urlencode({"subject": title, "body": url}, quote_via=quote)),
        ("X", "https://x.com/intent/post?" + urlencode({"text": title, "url": url})),
        ("Facebook", "https://www.facebook.com/sharer/sharer.php?" + urlencode({"u": url})),
        ("LinkedIn", "https://www.linkedin.com/sharing/share-offsite/?" + urlencode({"url": url})),
        ("WhatsApp", "https://wa.me/?" + urlencode({"text": f"{title} {url}"})),
    ]
    return {"links": links, "url": url, "title": title}
