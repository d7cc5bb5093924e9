"""Playwright for Python driving the system Chromium (/usr/bin/chromium).

Without the browser these tests are skipped, unless NEWSROOM_REQUIRE_BROWSER=1
(as in CI), where a missing browser fails the run.
"""

import os
import shutil
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
SCREENSHOTS = Path(
    os.environ.get("NEWSROOM_SCREENSHOTS", Path(__file__).resolve().parents[2] / "screenshots")
)
WIDTHS = {"mobile": (390, 844), "desktop": (1280, 900)}


# A busy CI machine saves a picture (with its renditions) or signs in slowly: wait up to a minute.
BROWSER_TIMEOUT_MS = 60_000


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(autouse=True)
def countries(iso_countries):
    """Every browser test runs against a live server, so it is transactional: reload the ISO list."""


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists() and not shutil.which(CHROMIUM):
        message = f"Chromium not found at {CHROMIUM}: install the Debian package 'chromium'"
        if os.environ.get("NEWSROOM_REQUIRE_BROWSER") == "1":
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an event loop in this thread; the ORM calls the
    # tests make between page actions are still plain synchronous code.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
            ],
        )
        yield browser
        browser.close()
    del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]


@pytest.fixture(params=list(WIDTHS))
def page(request, browser):
    width, height = WIDTHS[request.param]
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    page.set_default_timeout(BROWSER_TIMEOUT_MS)
    page.profile = request.param
    yield page
    context.close()


@pytest.fixture
def screenshot(page):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    def take(name: str) -> Path:
        path = SCREENSHOTS / f"{name}-{page.profile}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return take
