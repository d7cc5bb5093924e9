"""Read an HTML form the way a browser would submit it, to post realistic admin forms."""

from html.parser import HTMLParser


class _FormReader(HTMLParser):
    def __init__(self, form_id: str) -> None:
        super().__init__(convert_charrefs=True)
        self.form_id = form_id
        self.inside = False
        self.data: list[tuple[str, str]] = []
        self._select: str | None = None
        self._textarea: str | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and attrs.get("id") == self.form_id:
            self.inside = True
        if not self.inside:
            return
        name = attrs.get("name")
        if tag == "input" and name:
            kind = attrs.get("type", "text")
            if kind in ("submit", "button", "image", "reset", "file"):
                return
            if kind in ("checkbox", "radio") and "checked" not in attrs:
                return
            self.data.append((name, attrs.get("value", "on" if kind == "checkbox" else "")))
        elif tag == "select" and name:
            self._select = name
        elif tag == "option" and self._select and "selected" in attrs:
            self.data.append((self._select, attrs.get("value", "")))
        elif tag == "textarea" and name:
            self._textarea, self._text = name, []

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "select":
            self._select = None
        elif tag == "textarea" and self._textarea:
            text = "".join(self._text)
            self.data.append((self._textarea, text[1:] if text.startswith("\n") else text))
            self._textarea = None

    def handle_data(self, data):
        if self._textarea:
            self._text.append(data)


def form_data(html: str, form_id: str) -> dict[str, str | list[str]]:
    """The fields a browser would post from the form ``form_id``; repeated names become lists."""
    reader = _FormReader(form_id)
    reader.feed(html)
    data: dict[str, str | list[str]] = {}
    for name, value in reader.data:
        if name in data:
            previous = data[name]
            data[name] = [*previous, value] if isinstance(previous, list) else [previous, value]
        else:
            data[name] = value
    return data


def article_form(client, article) -> dict:
    """The article's change form, as the browser would post it unchanged."""
    from django.urls import reverse

    response = client.get(reverse("admin:articles_article_change", args=[article.pk]))
    assert response.status_code == 200
    return form_data(response.content.decode(), "article_form")


def body_text(text: str) -> dict:
    """Form data that replaces the text of the article's first body block (a text block)."""
    from articles import body

    return {"blocks-0-html": body.paragraph_html(body.paragraphs(text))}
