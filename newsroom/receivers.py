"""Project-wide receivers: how the project's PostgreSQL connections pass values."""

from django.db.backends.signals import connection_created
from psycopg.types.array import ListBinaryDumper


def send_lists_as_binary_arrays(sender, connection, **kwargs):
    """Pass Python lists to PostgreSQL as binary arrays.

    ``bulk_create`` on PostgreSQL sends each column as one array
    (``INSERT ... SELECT * FROM UNNEST(%s, ...)``). In psycopg's text format
    every element of such an array is checked and escaped by regular
    expressions in Python; in the binary format the elements are packed by
    psycopg's C dumpers: a 15-element list dumps in 3 µs instead of 21 µs,
    and the import benchmark (--jobs 2) ran about 5% faster.
    """
    if connection.vendor == "postgresql":
        connection.connection.adapters.register_dumper(list, ListBinaryDumper)


def connect() -> None:
    connection_created.connect(send_lists_as_binary_arrays, dispatch_uid="newsroom-binary-arrays")
