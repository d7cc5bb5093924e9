"""Names that compare the same way on every database: a stored key, unique in its table.

A database compares names by its own rules: SQLite's ``lower()`` and
``iexact`` fold ASCII letters only, PostgreSQL's fold every letter, so a
lookup and a constraint written with them disagree on “Łucja Wiśniewska” and
“ŁUCJA WIŚNIEWSKA”. Authors, people and topics instead keep ``name_key``
(``newstext.normalise_name``, computed in Python) with a unique constraint on
it, and every lookup by name compares keys.
"""

from django.core.exceptions import ValidationError
from django.db import models

from newstext import normalise_name

# Case folding and the key's rules turn one character into at most three ("ß" → "ss", "…" → "...").
NAME_KEY_LENGTH = 600


class KeyedNameMixin(models.Model):
    """Gives a model with a ``name`` its ``name_key``; the model declares the unique constraint."""

    name_key = models.CharField(
        max_length=NAME_KEY_LENGTH, editable=False, help_text="The name as compared: see newsroom.names."
    )

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.name_key = normalise_name(self.name)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "name" in update_fields:
            kwargs["update_fields"] = {*update_fields, "name_key"}
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        clash = (
            type(self)._default_manager.filter(name_key=normalise_name(self.name)).exclude(pk=self.pk).first()
        )
        if clash is not None:
            kind = self._meta.verbose_name
            message = f"There is already {kind} “{clash.name}”: names compare regardless of case."
            raise ValidationError({"name": message})
