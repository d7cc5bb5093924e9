"""A topic input that suggests existing topics as you type (static/editorial/topics.js).

Without JavaScript it is taggit's plain comma-separated text input.
"""

from django import forms
from django.urls import reverse
from taggit.forms import TagWidget


class TopicsWidget(TagWidget):
    template_name = "editorial/widgets/topics.html"

    class Media:
        js = ["editorial/combobox.js", "editorial/topics.js"]
        css = {"all": ["editorial/admin.css"]}

    def get_context(self, name, value, attrs):
        attrs = {
            **(attrs or {}),
            "data-topic-suggestions": reverse("admin:articles_topic_suggest"),
            "autocomplete": "off",
            "role": "combobox",
            "aria-autocomplete": "list",
            "aria-expanded": "false",
        }
        if attrs.get("id"):
            attrs["aria-controls"] = f"{attrs['id']}_suggestions"
        return super().get_context(name, value, attrs)


class TopicTokensWidget(TopicsWidget):
    """The article form's topics as tokens (chips): each topic whole, existing ones suggested.

    ``static/editorial/topic_tokens.js`` turns the comma-separated input into chips
    and a box to type in; a topic that does not exist is offered as "Create new topic"
    only to those who may create topics, and named in the form's ``new_topics``
    field when chosen. Without JavaScript it is the comma-separated input.
    """

    template_name = "editorial/widgets/topic_tokens.html"

    def __init__(self, attrs=None, *, may_create: bool = False):
        super().__init__(attrs=attrs)
        self.may_create = may_create

    class Media:
        js = ["editorial/combobox.js", "editorial/topic_tokens.js"]
        css = {"all": ["editorial/admin.css"]}

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["may_create"] = self.may_create
        return context


class TopicNameInput(TopicsWidget):
    """One topic name, with the same suggestions (for the bulk "add a topic" action)."""

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["attrs"]["data-single"] = "true"
        return context


class DateTimeLocalInput(forms.DateTimeInput):
    """The browser's own date and time picker; the value is wall-clock time in the newsroom's zone."""

    input_type = "datetime-local"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%dT%H:%M")
