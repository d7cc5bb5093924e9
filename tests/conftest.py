import pytest


@pytest.fixture(autouse=True)
def _plain_static_storage(settings):
    """Tests render templates without running collectstatic first."""
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(autouse=True)
def _fresh_cache():
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def iso_countries(transactional_db):
    """Transactional tests empty every table afterwards; put the ISO list back for each one."""
    import importlib

    from django.apps import apps

    importlib.import_module("articles.migrations.0003_load_countries").load_countries(apps, None)


@pytest.fixture
def queue_in_database(settings):
    """Tasks wait in the database for a worker, as on the site (with a short lease and no wait to retry)."""
    settings.TASKS = {
        "default": {
            "BACKEND": "newsroom.tasks.DatabaseBackend",
            "OPTIONS": {"LEASE_SECONDS": 3, "MAX_ATTEMPTS": 3, "RETRY_SECONDS": 0},
        }
    }


@pytest.fixture
def work_off_queue(queue_in_database, transactional_db, iso_countries):
    """Run a worker in this process until the queue is empty (it commits, so the test's data must too)."""
    from newsroom.worker import Worker

    def run(worker_id: str = "test-worker") -> Worker:
        worker = Worker(
            queue_names=["default"],
            excluded_queue_names=[],
            interval=0,
            batch=True,
            backend_name="default",
            startup_delay=False,
            max_tasks=None,
            worker_id=worker_id,
        )
        worker.run()
        return worker

    return run
