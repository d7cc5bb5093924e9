"""The people admin's forms: aliases as a list of names, one box each, never raw JSON."""

from django import forms
from django.core.exceptions import ValidationError

from .models import Person

# Empty boxes shown after the aliases, so that a few can be added without JavaScript.
SPARE_ALIASES = 2
ALIAS_MAX_LENGTH = 200


class AliasesWidget(forms.Widget):
    """One text box per alias, with spare boxes; ``static/people/aliases.js`` adds "Add an alias"."""

    template_name = "people/widgets/aliases.html"

    class Media:
        js = ["people/aliases.js"]
        css = {"all": ["people/aliases.css"]}

    def format_value(self, value):
        if isinstance(value, str):  # a JSONField's initial value arrives as JSON text
            return [value] if value else []
        return list(value or [])

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        values = self.format_value(value)
        context["widget"]["values"] = [*values, *[""] * SPARE_ALIASES]
        return context

    def value_from_datadict(self, data, files, name):
        return data.getlist(name) if hasattr(data, "getlist") else data.get(name, [])

    def value_omitted_from_data(self, data, files, name):
        return False  # no boxes posted means no aliases


class AliasesField(forms.Field):
    widget = AliasesWidget

    def to_python(self, value):
        if value in (None, ""):
            return []
        if isinstance(value, str):
            value = [value]
        aliases: list[str] = []
        for alias in value:
            alias = " ".join(str(alias).split())
            if alias and alias.casefold() not in {a.casefold() for a in aliases}:
                aliases.append(alias)
        return aliases

    def validate(self, value):
        super().validate(value)
        too_long = [a for a in value if len(a) > ALIAS_MAX_LENGTH]
        if too_long:
            raise ValidationError(
                f"An alias has at most {ALIAS_MAX_LENGTH} characters: “{too_long[0][:40]}…”."
            )

    def has_changed(self, initial, data):
        return self.to_python(initial or []) != self.to_python(data)


class PersonForm(forms.ModelForm):
    aliases = AliasesField(
        required=False,
        help_text="Other names used for them, one per box: a surname on second reference, an abbreviation.",
    )

    class Meta:
        model = Person
        fields = ["name", "slug", "kind", "description", "aliases"]

    def clean_aliases(self):
        aliases = self.cleaned_data["aliases"]
        name = (self.cleaned_data.get("name") or "").casefold()
        return [alias for alias in aliases if alias.casefold() != name]
