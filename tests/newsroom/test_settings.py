"""Configuration comes from the environment; production settings pass Django's deploy checks."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION = {
    "DEBUG": "0",
    "SECRET_KEY": "k3y-" + "a1b2c3d4e5f6g7h8i9j0" * 3,
    "ALLOWED_HOSTS": "news.example.com",
}


def run(args, **env):
    configured = {"DEBUG", "SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "REDIS_URL", "TIME_ZONE"}
    # Whatever other tests set for themselves (the browser tests' async flag) stays out.
    clean = {k: v for k, v in os.environ.items() if k not in configured and not k.startswith("DJANGO_")}
    clean["DJANGO_SETTINGS_MODULE"] = "newsroom.settings"
    return subprocess.run(
        [sys.executable, *args], cwd=ROOT, env=clean | env, capture_output=True, text=True, timeout=120
    )


def settings_with(**env) -> dict:
    code = (
        "import json, django; django.setup(); from django.conf import settings as s; "
        "print(json.dumps({'db': s.DATABASES['default'], 'cache': s.CACHES['default']['BACKEND'], "
        "'tz': s.TIME_ZONE, 'debug': s.DEBUG}, default=str))"
    )
    result = run(["-c", code], **env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_check_deploy_reports_nothing_with_production_values():
    result = run(["manage.py", "check", "--deploy", "--fail-level", "WARNING"], **PRODUCTION)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


@pytest.mark.parametrize(
    ("missing", "message"),
    [
        ("SECRET_KEY", "SECRET_KEY is not set. With DEBUG off, set the SECRET_KEY environment variable"),
        (
            "ALLOWED_HOSTS",
            "ALLOWED_HOSTS is not set. With DEBUG off, set the ALLOWED_HOSTS environment variable",
        ),
    ],
)
def test_missing_production_setting_stops_start_up_with_a_clear_message(missing, message):
    env = {k: v for k, v in PRODUCTION.items() if k != missing}
    result = run(["manage.py", "check"], **env)
    assert result.returncode != 0
    assert message in result.stderr


def test_defaults_need_no_environment():
    values = settings_with()
    assert values["debug"] is True
    assert values["db"]["ENGINE"] == "django.db.backends.sqlite3"
    assert values["db"]["NAME"].endswith("db.sqlite3")
    assert "journal_mode=WAL" in values["db"]["OPTIONS"]["init_command"]
    assert values["db"]["OPTIONS"]["timeout"] == 20
    assert values["cache"] == "django.core.cache.backends.locmem.LocMemCache"
    assert values["tz"] == "Europe/London"


def test_database_url_selects_postgresql_with_persistent_checked_connections():
    values = settings_with(DATABASE_URL="postgres://postgres@127.0.0.1:5432/newsroom")
    assert values["db"]["ENGINE"] == "django.db.backends.postgresql"
    assert values["db"]["NAME"] == "newsroom"
    assert values["db"]["CONN_MAX_AGE"] == 600
    assert values["db"]["CONN_HEALTH_CHECKS"] is True
    assert values["db"]["OPTIONS"] == {
        "server_side_binding": True,
        "prepare_threshold": 5,
        "connect_timeout": 3,
        "options": "-c plan_cache_mode=force_custom_plan",
    }


def test_options_in_the_database_url_are_kept():
    values = settings_with(DATABASE_URL="postgres://postgres@db.example.com:5432/newsroom?sslmode=require")
    assert values["db"]["OPTIONS"] == {
        "sslmode": "require",
        "server_side_binding": True,
        "prepare_threshold": 5,
        "connect_timeout": 3,
        "options": "-c plan_cache_mode=force_custom_plan",
    }


def test_prepared_statements_can_be_turned_off_for_a_pooler():
    values = settings_with(
        DATABASE_URL="postgres://postgres@127.0.0.1:5432/newsroom", DATABASE_PREPARED_STATEMENTS="0"
    )
    assert values["db"]["OPTIONS"] == {
        "server_side_binding": True,
        "prepare_threshold": None,
        "connect_timeout": 3,
        "options": "-c plan_cache_mode=force_custom_plan",
    }


def test_options_for_the_server_in_the_url_are_kept_beside_custom_plans():
    values = settings_with(
        DATABASE_URL="postgres://postgres@127.0.0.1:5432/newsroom?options=-c%20statement_timeout%3D5000"
    )
    assert (
        values["db"]["OPTIONS"]["options"] == "-c statement_timeout=5000 -c plan_cache_mode=force_custom_plan"
    )


@pytest.mark.django_db
def test_postgresql_binds_parameters_on_the_server():
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("a PostgreSQL setting")
    connection.ensure_connection()
    assert type(connection.connection.cursor()).__name__ == "ServerBindingCursor"
    assert connection.connection.prepare_threshold == 5


@pytest.mark.django_db
def test_postgresql_bulk_inserts_send_binary_arrays_that_keep_every_character():
    from django.db import connection
    from psycopg.adapt import PyFormat, Transformer

    from people.models import Person

    if connection.vendor != "postgresql":
        pytest.skip("a PostgreSQL setting")
    connection.ensure_connection()
    dumper = Transformer(connection.connection).get_dumper(["a"], PyFormat.AUTO)
    assert type(dumper).__name__ == "ListBinaryDumper"
    names = ['Quote "marks" and \\ back\\slashes', "{braces}, commas", "Łukasz Żółć", "NULL", " "]
    # bulk_create calls no save(): the name key (newsroom.names) is given as the importer gives it.
    Person.objects.bulk_create(
        Person(name=name, slug=f"p{n}", name_key=f"{n}:{name}") for n, name in enumerate(names)
    )
    assert list(Person.objects.order_by("slug").values_list("name", flat=True)) == names


def test_redis_url_selects_the_redis_cache_and_time_zone_is_configurable():
    values = settings_with(REDIS_URL="redis://127.0.0.1:6379/0", TIME_ZONE="America/New_York")
    assert values["cache"] == "newsroom.cache_backends.FailSafeRedisCache"
    assert values["tz"] == "America/New_York"


@pytest.mark.django_db
def test_sqlite_runs_in_wal_mode():
    from django.db import connection

    if connection.vendor != "sqlite":
        pytest.skip("WAL is a SQLite setting")
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA journal_mode")
        mode = cursor.fetchone()[0]
    # The test database lives in memory, where SQLite reports "memory"; a file database reports "wal".
    assert mode in {"wal", "memory"}


def test_each_log_event_is_printed_once():
    code = (
        "import logging, django; django.setup(); "
        "logging.getLogger('django.request').warning('Not Found: /nowhere/'); "
        "logging.getLogger('django.utils.autoreload').info('Watching for file changes')"
    )
    result = run(["-c", code])

    assert result.returncode == 0, result.stderr
    assert result.stderr.count("Not Found: /nowhere/") == 1
    assert result.stderr.count("Watching for file changes") == 1
