"""Model validation that takes a related object already fetched as proof that it exists."""


class FetchedRelationsExist:
    """``full_clean`` without a query per foreign key whose object the instance holds already.

    Django checks that each foreign key's object exists with a query of its own, even when the
    object was just fetched to be assigned (a form field looked it up: the admin's inlines fetch
    the speakers or authors of all their rows at once). An object loaded from the database counts
    as existing; the database's own foreign key still refuses one deleted since. A key whose
    field limits its choices is checked as before.
    """

    def clean_fields(self, exclude=None):
        exclude = set(exclude or ())
        for field in self._meta.concrete_fields:
            if not field.many_to_one or field.name in exclude or not field.is_cached(self):
                continue
            related = field.get_cached_value(self)
            if (
                related is not None
                and not related._state.adding
                and getattr(related, field.target_field.attname) == getattr(self, field.attname)
                and not field.get_limit_choices_to()
                and not field.validators
            ):
                exclude.add(field.name)
        super().clean_fields(exclude=exclude)
