"""The test suite's settings: the site's own, with what tests do not test made fast."""

from newsroom.settings import *  # noqa: F403

# Hashing is not what the tests test; the login-throttling tests alone spent a minute on it.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
