"""An editor uploads documents in the admin; the job page's progress bar gives way to the report."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from tests.documents import sample_uploads

from .admin_helpers import (  # noqa: F401  (the *_fixture and desktop_page imports are fixtures)
    check_accessibility,
    desktop_page,
    roles_fixture,
    sign_in,
    staff_fixture,
)

pytestmark = pytest.mark.django_db(transaction=True)


def test_an_editor_uploads_documents_and_the_job_page_follows_the_worker(
    live_server, page, screenshot, staff, work_off_queue
):
    staff("Editor", "eve")
    sign_in(page, live_server, "eve")
    page.goto(live_server.url + reverse("admin:articles_article_import"))
    page.get_by_label("Documents").set_input_files(
        [{"name": name, "mimeType": "text/plain", "buffer": data} for name, data in sample_uploads(3)]
    )
    page.get_by_role("button", name="Import").click()
    page.wait_for_url("**/import/*/")

    bar = page.get_by_role("progressbar", name="Waiting for a worker")
    expect(bar).to_have_attribute("max", "3")
    expect(bar).to_have_attribute("value", "0")
    expect(page.locator("#import-progress-text")).to_have_text("0 of 3 documents done.")
    check_accessibility(page, "admin-import-job-waiting")
    screenshot("admin-import-job-waiting")

    work_off_queue()  # the page polls its progress view, sees the end, and reloads itself

    expect(page.locator("#import-report tbody tr.import-created")).to_have_count(3, timeout=15_000)
    expect(page.get_by_text("3 imported, 0 failed.")).to_be_visible()
    expect(page.get_by_role("progressbar")).to_have_count(0)
    check_accessibility(page, "admin-import-job-report")
    screenshot("admin-import-job-report")
