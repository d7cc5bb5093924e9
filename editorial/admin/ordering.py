"""Ordered inlines (bylines, related links, quotes): drag and drop, buttons for the keyboard, safe saves.

Drag and drop is django-admin-sortable2's; ``static/editorial/reorder.js`` adds
"Move up" and "Move down" buttons (and Alt+↑/↓) for keyboard users. Any
reordering saves: a unique position per article would otherwise be violated
half-way through a swap, so the rows that move are first moved out of the way.
"""

from adminsortable2.admin import CustomInlineFormSet
from django.contrib.admin.widgets import AutocompleteSelect, AutocompleteSelectMultiple
from django.db.models import F

from .formsets import PartsFormSet

# Positions the moving rows pass through: far above any real one, within a small integer's range.
OUT_OF_THE_WAY = 20_000


class OrderedPartsFormSet(PartsFormSet, CustomInlineFormSet):
    """Saves the rows in the order they were posted, numbered 0, 1, 2… (as the importer numbers
    them, so an article saved in its order writes no position), whatever the positions were."""

    def _posted_position(self, form) -> int:
        # A new row posted without a place (none, or the field's default 0) goes last; a stored
        # row's 0 is its place, first.
        value = form.cleaned_data.get(self.default_order_field)
        if value is None or (value == 0 and form.instance.pk is None):
            return OUT_OF_THE_WAY
        return value

    def clean(self):
        # The posted order, numbered from 0 before the uniqueness checks: two rows posted with one
        # position are put in page order, no error.
        field = self.default_order_field
        kept = [
            form
            for form in self.forms
            if form.is_valid()
            and not self._should_delete_form(form)
            and (form.instance.pk is not None or form.has_changed())
        ]
        posted = sorted(enumerate(kept), key=lambda pair: (self._posted_position(pair[1]), pair[0]))
        for number, (_, form) in enumerate(posted):
            form.cleaned_data[field] = number
            setattr(form.instance, field, number)
        super().clean()

    def save(self, commit=True):
        if not commit:
            return super().save(commit)
        field = self.default_order_field
        kept = [form for form in self.forms if form.is_valid() and not self._should_delete_form(form)]
        moved = [
            form
            for form in kept
            if form.instance.pk is not None and form.initial.get(field) != getattr(form.instance, field)
        ]
        leaving = [form.instance.pk for form in self.initial_forms if self._should_delete_form(form)]
        if moved or leaving:
            self.model._default_manager.filter(pk__in=[f.instance.pk for f in moved] + leaving).update(
                **{field: F(field) + OUT_OF_THE_WAY}
            )
        saved = super().save(commit)
        # A row that only moved is not "changed" for the formset: its new place is written here.
        still = [form.instance for form in moved if not form.has_changed()]
        if still:
            self.model._default_manager.bulk_update(still, [field])
        return saved


class OrderedInline:
    """An inline ordered by its ``position``, by drag and drop or keyboard (before a Sortable*Inline)."""

    formset = OrderedPartsFormSet
    ordering = ["position"]

    class Media:
        js = ["editorial/reorder.js"]


class KnownChoicesAutocomplete(AutocompleteSelect):
    """An autocomplete select that names its chosen objects from the inline's rows, fetched once
    for all of them, instead of asking the database once per row (15 quotes, 15 speaker queries);
    or from ``known``, objects by their key, which the form has already."""

    def __init__(self, *args, rows=None, related: str = "", known: dict | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.rows, self.related, self._known = rows, related, known

    def __deepcopy__(self, memo):
        copied = super().__deepcopy__(memo)
        copied.rows, copied.related = self.rows, self.related
        copied._known = self._known
        return copied

    def known(self) -> dict:
        if self._known is None:
            self._known = {}
            if self.rows is not None:
                for row in self.rows:
                    self._known[str(getattr(row, f"{self.related}_id"))] = getattr(row, self.related)
        return self._known

    def optgroups(self, name, value, attr=None):
        selected = [str(v) for v in value if str(v) not in self.choices.field.empty_values]
        known = self.known() if selected else {}
        if not selected or any(v not in known for v in selected):
            return super().optgroups(name, value, attr)
        empty = not self.is_required and not self.allow_multiple_selected
        options = [self.create_option(name, "", "", False, 0)] if empty else []
        for v in selected:
            label = self.choices.field.label_from_instance(known[v])
            options.append(self.create_option(name, v, label, set(selected), len(options)))
        return [(None, options, 0)]


class KnownChoicesAutocompleteMultiple(KnownChoicesAutocomplete, AutocompleteSelectMultiple):
    """The many-object autocomplete, naming its chosen objects from ``known`` (the form's initial)."""


class _Rows:
    """The rows the inline's formset fetched (with their related objects), for every form's widget."""

    def __init__(self):
        self.queryset = None

    def __iter__(self):
        return iter(self.queryset if self.queryset is not None else ())


class RowsKnownInline:
    """An inline whose rows come with their related objects (``row_related``), which its
    autocomplete fields name without a query per row (before the admin's inline class)."""

    row_related: tuple[str, ...] = ()

    def get_queryset(self, request):
        return super().get_queryset(request).select_related(*self.row_related)

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        if obj is None:
            return formset
        rows = _Rows()

        class RowsKnownFormSet(formset):
            def get_queryset(self):
                rows.queryset = super().get_queryset()  # evaluated once, by the formset
                return rows.queryset

        formset = RowsKnownFormSet
        for name in self.row_related:
            field = formset.form.base_fields.get(name)
            if field is None:
                continue
            wrapper = field.widget if hasattr(field.widget, "widget") else None
            widget = wrapper.widget if wrapper is not None else field.widget
            if not isinstance(widget, AutocompleteSelect):
                continue
            known = KnownChoicesAutocomplete(
                widget.field,
                widget.admin_site,
                attrs=widget.attrs,
                choices=widget.choices,
                rows=rows,
                related=name,
            )
            if wrapper is not None:
                wrapper.widget = known
            else:
                field.widget = known
        return formset
