"""The article's inline formsets (body blocks, bylines, links, quotes, corrections), checked with a
query per inline rather than a few per row.

Django's model formsets look every posted row up once more (its hidden id), and each related
object chosen on a row (a speaker, an author) with a query of its own. Here the rows the formset
fetched answer for the ids, and the objects chosen in one field are fetched together, for all
rows. Until the formsets write, the rows they fetched (their speakers and authors with them)
also stand for the article's parts when its revision follows them (``editorial.history``).
"""

import contextlib

from django import forms
from django.core.exceptions import ValidationError
from django.forms.models import BaseInlineFormSet, InlineForeignKeyField


class _Chosen:
    """The objects chosen in one field on all the formset's rows, fetched on first use."""

    def __init__(self, formset, name: str) -> None:
        self.formset, self.name = formset, name
        self.found: dict[str, object] | None = None

    def get(self, field: forms.ModelChoiceField, value) -> object | None:
        if self.found is None:
            self.found = {}
            key = field.to_field_name or "pk"
            posted = (
                self.formset.data.get(f"{self.formset.add_prefix(i)}-{self.name}")
                for i in range(self.formset.total_form_count())
            )
            values = {v for v in posted if v not in field.empty_values}
            # A malformed value fetches nothing: each row's field then says which, as it would alone.
            with contextlib.suppress(ValueError, TypeError, ValidationError):
                objects = field.queryset.filter(**{f"{key}__in": values})
                self.found = {str(getattr(o, key)): o for o in objects}
        return self.found.get(str(value))


class ChosenTogetherField(forms.ModelChoiceField):
    """A related object chosen on a row of a ``PartsFormSet``, fetched with those of the other rows."""

    chosen: _Chosen | None = None

    def to_python(self, value):
        if self.chosen is not None and value not in self.empty_values:
            found = self.chosen.get(self, value)
            if found is not None:
                return found
        return super().to_python(value)


class RowIdField(forms.ModelChoiceField):
    """A posted row's id, which must be one of the rows the formset fetched (of this article)."""

    def __init__(self, *args, formset, **kwargs):
        super().__init__(*args, **kwargs)
        self.formset = formset

    def __deepcopy__(self, memo):
        copied = super().__deepcopy__(memo)
        copied.formset = self.formset
        return copied

    def to_python(self, value):
        if value in self.empty_values:
            return None
        try:
            key = self.formset.model._meta.pk.to_python(value)
        except ValidationError:
            key = None
        row = self.formset._existing_object(key) if key is not None else None
        if row is None:
            raise ValidationError(
                self.error_messages["invalid_choice"], code="invalid_choice", params={"value": value}
            )
        return row


class PartsFormSet(BaseInlineFormSet):
    def add_fields(self, form, index):
        super().add_fields(form, index)
        pk = self.model._meta.pk
        field = form.fields.get(pk.name)
        if form.is_bound and type(field) is forms.ModelChoiceField:
            form.fields[pk.name] = RowIdField(
                field.queryset, formset=self, initial=field.initial, required=False, widget=field.widget
            )
        for name, field in form.fields.items():
            if isinstance(field, ChosenTogetherField) and not isinstance(field, InlineForeignKeyField):
                field.chosen = self._chosen(name)

    def _chosen(self, name: str) -> _Chosen:
        if not hasattr(self, "_chosen_by_field"):
            self._chosen_by_field: dict[str, _Chosen] = {}
        return self._chosen_by_field.setdefault(name, _Chosen(self, name))

    @property
    def _parts_name(self) -> str:
        return self.fk.remote_field.cache_name

    def get_queryset(self):
        rows = super().get_queryset()
        if self.is_bound and self.instance.pk is not None:
            # The article's revision follows its parts when the article is saved, before the
            # formsets write: these rows (as posted) are those parts, fetched once.
            if not hasattr(self.instance, "_prefetched_objects_cache"):
                self.instance._prefetched_objects_cache = {}
            self.instance._prefetched_objects_cache.setdefault(self._parts_name, rows)
        return rows

    def save(self, commit=True):
        # From here on the article's parts are what the database holds, not these rows.
        getattr(self.instance, "_prefetched_objects_cache", {}).pop(self._parts_name, None)
        return super().save(commit)


class PartsInline:
    """An article inline whose formset is a ``PartsFormSet`` (before the admin's inline class)."""

    formset = PartsFormSet

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        kwargs.setdefault("form_class", ChosenTogetherField)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)
