"""A check constraint that model validation checks without a query when its condition allows."""

from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import DEFAULT_DB_ALIAS, models
from django.db.models import Q

# A condition Python cannot decide as the database would (another lookup, an expression).
_UNDECIDED = object()
# SQL's unknown (a comparison with NULL), which a CHECK constraint lets pass.
_UNKNOWN = None


def _leaves(condition: Q):
    for child in condition.children:
        if isinstance(child, Q):
            yield from _leaves(child)
        else:
            yield child


def _lookup(instance, child):
    if not (isinstance(child, tuple) and len(child) == 2 and isinstance(child[0], str)):
        return _UNDECIDED
    lookup, value = child
    name, _, op = lookup.partition("__")
    try:
        field = instance._meta.get_field(name)
    except FieldDoesNotExist:
        return _UNDECIDED
    if not field.concrete or field.is_relation or hasattr(value, "resolve_expression"):
        return _UNDECIDED
    current = getattr(instance, field.attname)
    if op in ("", "exact") and value is None:
        op, value = "isnull", True
    if op == "isnull":
        return (current is None) == bool(value)
    if op not in ("", "exact", "in"):
        return _UNDECIDED
    if current is None:
        return _UNKNOWN
    return current in value if op == "in" else current == value


def decide(condition: Q, instance):
    """True, False or unknown (None), as SQL's three-valued logic has it; ``_UNDECIDED`` otherwise."""
    results = []
    for child in condition.children:
        result = decide(child, instance) if isinstance(child, Q) else _lookup(instance, child)
        if result is _UNDECIDED:
            return _UNDECIDED
        results.append(result)
    if condition.connector == Q.AND:
        result = False if False in results else (_UNKNOWN if _UNKNOWN in results else True)
    elif condition.connector == Q.OR:
        result = True if True in results else (_UNKNOWN if _UNKNOWN in results else False)
    else:
        return _UNDECIDED
    return (not result) if condition.negated and result is not _UNKNOWN else result


class CheckConstraint(models.CheckConstraint):
    """Django's check constraint, validated in Python when its condition compares the row's own
    fields with values (``=``, ``IN``, ``IS NULL`` under ``NOT``, ``AND``, ``OR``), instead of a
    query (and a savepoint) per validated row; any other condition as Django validates it. The
    database enforces it either way, and migrations see Django's own class."""

    def validate(self, model, instance, exclude=None, using=DEFAULT_DB_ALIAS):
        if not isinstance(self.condition, Q):
            return super().validate(model, instance, exclude=exclude, using=using)
        named = (c[0].split("__")[0] for c in _leaves(self.condition) if isinstance(c, tuple))
        if exclude and any(name in exclude for name in named):
            return None  # as Django: a condition on a field left out of validation is not checked
        result = decide(self.condition, instance)
        if result is _UNDECIDED:
            return super().validate(model, instance, exclude=exclude, using=using)
        if result is False:
            raise ValidationError(self.get_violation_error_message(), code=self.violation_error_code)
        return None
