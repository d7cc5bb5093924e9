"""Shared pieces of the admin browser tests: role accounts, signing in, and axe-core checks.

Test modules import the fixtures (``desktop_page`` as ``page``, ``roles_fixture``,
``staff_fixture``) to use them; the admin is tested at desktop width only.
"""

import importlib
import json
from pathlib import Path

import pytest
from django.apps import apps
from django.contrib.auth.models import Group, User
from django.urls import reverse

from .conftest import BROWSER_TIMEOUT_MS, SCREENSHOTS

AXE = Path(__file__).resolve().parent / "vendor" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
PASSWORD = "A-long-test-passphrase-7"


@pytest.fixture(name="roles")
def roles_fixture(transactional_db):
    """Transactional tests empty the tables afterwards; put the role groups back for each test."""
    migration = importlib.import_module("editorial.migrations.0003_roles_after_quote_move")
    migration.sync_roles(apps)
    importlib.import_module("editorial.migrations.0005_roles_with_pictures").grant(apps)


@pytest.fixture(name="staff")
def staff_fixture(roles):
    """Make a staff account in a role; it signs in with PASSWORD."""

    def make(role: str, username: str) -> User:
        user = User.objects.create_user(username, f"{username}@example.com", PASSWORD, is_staff=True)
        user.groups.add(Group.objects.get(name=role))
        return user

    return make


def sign_in(page, live_server, username: str) -> None:
    page.goto(live_server.url + reverse("admin:login"))
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(live_server.url + reverse("admin:index"))


def sign_out(page) -> None:
    page.context.clear_cookies()


def check_accessibility(page, name: str) -> list[dict]:
    """Run axe-core on the page; fail on any serious or critical violation.

    The report is saved beside the screenshots as axe-<name>.json.
    """
    page.add_script_tag(content=AXE.read_text())
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        AXE_TAGS,
    )
    violations = [
        {
            "id": v["id"],
            "impact": v["impact"],
            "help": v["help"],
            "nodes": [n["target"] for n in v["nodes"]][:5],
        }
        for v in result["violations"]
    ]
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    report = {"url": page.url, "violations": violations}
    (SCREENSHOTS / f"axe-{name}.json").write_text(json.dumps(report, indent=2))
    serious = [v for v in violations if v["impact"] in ("serious", "critical")]
    assert serious == [], f"{page.url}: {json.dumps(serious, indent=2)}"
    return violations


@pytest.fixture(name="page")
def desktop_page(browser):
    """The admin is a desk tool: its browser tests run at desktop width only."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(BROWSER_TIMEOUT_MS)
    page.profile = "desktop"
    page.set_default_timeout(10_000)
    yield page
    context.close()


def pick_autocomplete(page, container, text: str) -> None:
    """Choose ``text`` in a Django admin autocomplete (select2) inside ``container``."""
    container.locator(".select2-selection").click()
    page.locator(".select2-container--open .select2-search__field").fill(text)
    page.locator(".select2-results__option", has_text=text).first.click()
