"""The one place rich text is made safe: every stored HTML fragment of a body passes through here.

Text blocks and asides are sanitised on save (the admin's form fields and the model's
``clean``), on import (archive documents and JSON articles) and by the data migration; what
is stored is what is rendered. The rules are ammonia's (through nh3, its maintained binding),
given as an allow-list:

- elements: ``p``, ``h2``, ``h3``, ``strong``, ``em``, ``a``, ``ul``, ``ol``, ``li``,
  ``blockquote`` and ``br`` (the API contract's list, and line breaks inside a paragraph);
  anything else is unwrapped to its text, and ``script``/``style`` go with their content;
- attributes: ``href`` and ``title`` on links only: no event handlers, no ``style``, no
  ``class``;
- link schemes: ``http``, ``https`` and ``mailto``; ``javascript:``, ``data:`` and the rest are
  dropped with the attribute;
- links to other sites (an absolute ``http(s)`` address) get ``rel="noopener"``; the site's own
  relative links are left alone.

The editor (django-prose-editor) is configured with the same elements, so what an editor can
make is what survives.
"""

import re

import nh3

ALLOWED_TAGS = frozenset({"p", "h2", "h3", "strong", "em", "a", "ul", "ol", "li", "blockquote", "br"})
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}
URL_SCHEMES = frozenset({"http", "https", "mailto"})
EXTERNAL_REL = "noopener"

# Built once per process from constants: the same in every process, never changed.
_CLEANER = nh3.Cleaner(
    tags=set(ALLOWED_TAGS),
    clean_content_tags={"script", "style"},
    attributes={tag: set(names) for tag, names in ALLOWED_ATTRIBUTES.items()},
    url_schemes=set(URL_SCHEMES),
    link_rel=None,
    strip_comments=True,
)
# ammonia writes attributes double-quoted, href first as allowed: an absolute link's opening tag.
_EXTERNAL_LINK = re.compile(r'<a href="(?:https?:)?//[^"]*"')
# ProseMirror's empty document.
_EMPTY = re.compile(r"^\s*(?:<p>\s*(?:<br>)?\s*</p>\s*)*$")


def sanitise_html(html: str) -> str:
    """``html`` reduced to the allow-list above; "" when nothing readable is left."""
    cleaned = _CLEANER.clean(html or "")
    if _EMPTY.match(cleaned):
        return ""
    return _EXTERNAL_LINK.sub(lambda m: f'{m.group(0)} rel="{EXTERNAL_REL}"', cleaned)


def is_clean(html: str) -> bool:
    """Whether ``html`` is already what ``sanitise_html`` makes of it (the import report's "changed")."""
    return sanitise_html(html) == (html or "")
