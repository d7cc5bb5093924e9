"""Ordered inlines (bylines, related links, quotes): drag and drop, buttons for the keyboard, safe saves.

Drag and drop is django-admin-sortable2's; ``static/editorial/reorder.js`` adds
"Move up" and "Move down" buttons (and Alt+↑/↓) for keyboard users. Any
reordering saves: a unique position per article would otherwise be violated
half-way through a swap, so the rows that move are first moved out of the way.
"""

from adminsortable2.admin import CustomInlineFormSet
from django.db.models import F

# Positions the moving rows pass through: far above any real one, within a small integer's range.
OUT_OF_THE_WAY = 20_000


class OrderedPartsFormSet(CustomInlineFormSet):
    """Saves the rows in the order they were posted, numbered 1, 2, 3…, whatever the positions were."""

    def clean(self):
        # The posted order (a row without a position goes last), numbered from 1 before the
        # uniqueness checks: two rows posted with one position are put in page order, no error.
        field = self.default_order_field
        kept = [
            form
            for form in self.forms
            if form.is_valid()
            and not self._should_delete_form(form)
            and (form.instance.pk is not None or form.has_changed())
        ]
        posted = sorted(
            enumerate(kept), key=lambda pair: (pair[1].cleaned_data.get(field) or OUT_OF_THE_WAY, pair[0])
        )
        for number, (_, form) in enumerate(posted, start=1):
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
