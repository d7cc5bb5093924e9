import pytest
from django.contrib.auth.models import Group
from django.test import Client

ROLES = ("Writer", "Editor", "Tagger")


@pytest.fixture
def make_user(db, django_user_model):
    def make(
        role: str | None = None,
        *,
        username: str | None = None,
        superuser: bool = False,
        password: str | None = None,
    ):
        base = username or (role or ("root" if superuser else "nobody")).lower()
        username, n = base, 1
        while django_user_model.objects.filter(username=username).exists():
            n += 1
            username = f"{base}{n}"
        # No password unless a test signs in with one: hashing is slow by design.
        user = django_user_model.objects.create_user(
            username, f"{username}@example.com", password, is_staff=True, is_superuser=superuser
        )
        if role:
            user.groups.add(Group.objects.get(name=role))
        return user

    return make


@pytest.fixture
def client_as(make_user):
    """A logged-in client for a role: "Writer", "Editor", "Tagger", "superuser", or None (anonymous)."""

    def login(role: str | None, *, username: str | None = None):
        client = Client()
        if role == "superuser":
            client.force_login(make_user(superuser=True, username=username))
        elif role:
            client.force_login(make_user(role, username=username))
        return client

    return login


@pytest.fixture
def writer(client_as):
    return client_as("Writer")


@pytest.fixture
def editor(client_as):
    return client_as("Editor")


@pytest.fixture
def tagger(client_as):
    return client_as("Tagger")
