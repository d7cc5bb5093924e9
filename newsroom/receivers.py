"""Project-wide receivers: how the project's database connections pass values."""

from datetime import UTC

from django.db.backends.signals import connection_created

# Django's own implementations of its SQLite date functions, wrapped below: a private module, but the
# only place they are (Django registers them from there on every new SQLite connection).
from django.db.backends.sqlite3 import _functions as sqlite_functions
from psycopg import DataError
from psycopg.types.array import ListBinaryDumper
from psycopg.types.datetime import TimestampLoader, TimestamptzLoader

from .dates import READABLE_FROM, READABLE_UNTIL


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


class ReadableTimestamptzLoader(TimestamptzLoader):
    """Reads a timestamp beyond Python's years 1 to 9999 (a BC date, year 10000) as the nearest it holds.

    Otherwise psycopg raises as soon as such a row is fetched, and every page
    that lists the row fails (see ``newsroom.dates``). ``timezone`` is what
    Django's own loader carries: Django compares it with the connection's zone
    (UTC) and keeps this loader when they agree.
    """

    timezone = UTC

    def load(self, data):
        try:
            return super().load(data).replace(tzinfo=UTC)
        except DataError:
            return READABLE_FROM if bytes(data).endswith(b"BC") else READABLE_UNTIL


class ReadableTimestampLoader(TimestampLoader):
    """The same for a timestamp without time zone: what ``DATE_TRUNC(… AT TIME ZONE …)`` answers."""

    def load(self, data):
        try:
            return super().load(data)
        except DataError:
            edge = READABLE_FROM if bytes(data).endswith(b"BC") else READABLE_UNTIL
            return edge.replace(tzinfo=None)


# SQLite keeps a timestamp as UTC text; Django's functions that convert one to a time zone fail on
# one too near either end of the calendar. Each gets the nearest readable text instead.
SQLITE_READABLE = (f"{READABLE_FROM:%Y-%m-%d %H:%M:%S}", f"{READABLE_UNTIL:%Y-%m-%d %H:%M:%S.%f}")
# The functions, by name: (number of arguments, position of the timestamp among them, implementation).
SQLITE_DATE_FUNCTIONS = {
    "django_datetime_cast_date": (3, 0, sqlite_functions._sqlite_datetime_cast_date),
    "django_datetime_cast_time": (3, 0, sqlite_functions._sqlite_datetime_cast_time),
    "django_datetime_extract": (4, 1, sqlite_functions._sqlite_datetime_extract),
    "django_datetime_trunc": (4, 1, sqlite_functions._sqlite_datetime_trunc),
}


def sqlite_readable(value):
    if not isinstance(value, str):
        return value
    earliest, latest = SQLITE_READABLE
    return earliest if value < earliest else latest if value > latest else value


def readable_sqlite_function(position: int, function):
    def wrapper(*args):
        args = list(args)
        args[position] = sqlite_readable(args[position])
        return function(*args)

    return wrapper


def read_any_stored_timestamp(sender, connection, **kwargs):
    """Every timestamp the database holds can be read and converted (``newsroom.dates`` says why)."""
    if connection.vendor == "postgresql":
        connection.connection.adapters.register_loader("timestamptz", ReadableTimestamptzLoader)
        connection.connection.adapters.register_loader("timestamp", ReadableTimestampLoader)
    elif connection.vendor == "sqlite":
        for name, (arguments, position, function) in SQLITE_DATE_FUNCTIONS.items():
            connection.connection.create_function(
                name, arguments, readable_sqlite_function(position, function), deterministic=True
            )


def connect() -> None:
    connection_created.connect(send_lists_as_binary_arrays, dispatch_uid="newsroom-binary-arrays")
    connection_created.connect(read_any_stored_timestamp, dispatch_uid="newsroom-readable-timestamps")
