"""What an article page shows beside the story: reading time and the share links."""

import math
from urllib.parse import quote, urlencode

from django import template

from .. import body

register = template.Library()

# Words an adult reads in a minute on screen (studies put silent reading at 200–260).
WORDS_PER_MINUTE = 230


@register.filter
def reading_minutes(article) -> int:
    """Whole minutes to read the headline's story, at least one."""
    words = len(getattr(article, body.SEARCH_COLUMN).split()) + len(article.standfirst.split())
    return max(1, math.ceil(words / WORDS_PER_MINUTE))


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
