"""``{% picture %}`` and ``{% figure %}``.

{% load images %}
{% picture article.lead_image sizes="(min-width: 42rem) 40rem, 100vw" lead=True %}
{% picture teaser.image crop="16:9" sizes="10rem" %}
{% figure image caption=block.caption %}
"""

from django import template

from ..pictures import ARTICLE_SIZES, picture_html

register = template.Library()


@register.simple_tag
def picture(image, sizes=ARTICLE_SIZES, crop=None, lead=False, css_class="", alt=None):
    return picture_html(image, sizes=sizes, crop=crop, lead=lead, css_class=css_class, alt=alt)


@register.inclusion_tag("images/figure.html")
def figure(image, sizes=ARTICLE_SIZES, crop=None, lead=False, caption=None, credit=None, css_class=""):
    """The picture with its caption and credit (``caption``/``credit`` override the library's)."""
    return {
        "image": image,
        "picture": picture_html(image, sizes=sizes, crop=crop, lead=lead) if image else "",
        "caption": image.caption if image and caption is None else caption,
        "credit": image.credit if image and credit is None else credit,
        "css_class": css_class,
    }
