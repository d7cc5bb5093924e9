"""Sign-in is throttled by username and address together, for a cool-off of minutes, not forever."""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

pytestmark = pytest.mark.django_db

PASSWORD = "correct-Horse-9"


@pytest.fixture
def editor_account(make_user):
    return make_user("Editor", username="ed", password=PASSWORD)


def sign_in(client, username, password, address="10.0.0.1"):
    return client.post(
        reverse("admin:login"),
        {"username": username, "password": password, "next": reverse("admin:index")},
        REMOTE_ADDR=address,
    )


def fail(client, times, username="ed", address="10.0.0.1"):
    return [sign_in(client, username, "wrong", address).status_code for _ in range(times)]


def test_settings_lock_by_username_and_address_with_a_cool_off():
    assert settings.AUTHENTICATION_BACKENDS[0] == "axes.backends.AxesStandaloneBackend"
    assert settings.MIDDLEWARE[-1] == "axes.middleware.AxesMiddleware"
    assert settings.AXES_LOCKOUT_PARAMETERS == [["username", "ip_address"]]
    assert settings.AXES_FAILURE_LIMIT == 5
    assert settings.AXES_COOLOFF_TIME.total_seconds() == 15 * 60


def test_fifth_failure_locks_the_pair_out_even_with_the_right_password(client, editor_account):
    assert fail(client, 4) == [200, 200, 200, 200]
    response = sign_in(client, "ed", "wrong")
    assert response.status_code == 429
    assert "Too many sign-in attempts" in response.content.decode()
    assert "Try again in 15 minutes." in response.content.decode()
    locked = sign_in(client, "ed", PASSWORD)
    assert locked.status_code == 429
    assert "_auth_user_id" not in client.session


def test_the_same_user_from_another_address_still_signs_in(client, editor_account):
    fail(client, 5)
    response = sign_in(client, "ed", PASSWORD, address="10.0.0.2")
    assert response.status_code == 302


def test_another_user_from_the_same_address_still_signs_in(client, editor_account, make_user):
    make_user("Writer", username="wr", password=PASSWORD)
    fail(client, 5)
    assert sign_in(client, "wr", PASSWORD).status_code == 302


def test_lockout_ends_after_the_cool_off(client, editor_account):
    fail(client, 5)
    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(minutes=16))
    assert sign_in(client, "ed", PASSWORD).status_code == 302


def test_a_successful_sign_in_resets_the_count(client, editor_account):
    fail(client, 4)
    assert sign_in(client, "ed", PASSWORD).status_code == 302
    client.logout()
    fail(client, 4)
    assert sign_in(client, "ed", PASSWORD).status_code == 302
