"""Forms for editors beyond the model forms the admin builds."""

from django import forms


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """A file field that takes several files at once (Django's documented recipe)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ".txt,text/plain"}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(item, initial) for item in data]
        return [single(data, initial)]


class ImportDocumentsForm(forms.Form):
    documents = MultipleFileField(
        label="Documents",
        help_text="One or more plain-text archive documents (.txt). Each is imported whole or not at all.",
    )
    publish = forms.BooleanField(
        required=False,
        label="Publish now",
        help_text="Leave unticked to import as drafts for checking first.",
    )
    dry_run = forms.BooleanField(
        required=False,
        label="Check only",
        help_text="Read the documents and report, without saving anything.",
    )
