import pytest

from images.library import add_image
from images.renditions import make_renditions
from tests.documents import ARCHIVE_DOCUMENTS, ArchiveDocument
from tests.images.pictures import photo


@pytest.fixture(autouse=True)
def _plain_static_storage(settings):
    """Tests render templates without running collectstatic first."""
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path_factory):
    """Uploaded pictures and renditions go to a fresh folder, never into the checkout."""
    settings.MEDIA_ROOT = tmp_path_factory.mktemp("media")


@pytest.fixture(autouse=True)
def _fresh_cache():
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def iso_countries(transactional_db):
    """Transactional tests empty every table afterwards; put the ISO list back for each one."""
    from articles.countries import sync_countries
    from articles.models import Country

    sync_countries(Country)


@pytest.fixture(params=ARCHIVE_DOCUMENTS, ids=lambda document: document.name)
def archive_document(request) -> ArchiveDocument:
    """Each document in the archive's layout at hand: the original, and the reference when it is there."""
    return request.param


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


@pytest.fixture
def make_image(db):
    """Add a picture to the library (renditions made unless ``renditions=False``)."""

    def make(width=640, height=480, *, renditions=True, fmt="JPEG", name=None, **details):
        details.setdefault("alt_text", "A test picture")
        content = photo(width, height, fmt=fmt)
        name = name or f"test-{width}x{height}.{fmt.lower()}"
        image = add_image(content=content, name=name, **details).image
        if renditions:
            make_renditions(image)
        return image

    return make
