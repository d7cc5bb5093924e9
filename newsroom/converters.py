class UnicodeSlugConverter:
    """Slugs that may hold letters beyond ASCII, as ``slugify(allow_unicode=True)`` makes them."""

    regex = r"[-\w]+"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value
