from pathlib import Path

import pytest

from tests.documents import REFERENCE, reference_bytes


@pytest.fixture
def reference_path() -> Path:
    reference_bytes()  # skips the test when the reference document is absent
    return REFERENCE


# The role fixtures (writer, editor, tagger, client_as, make_user) of the editorial tests.
from tests.editorial.conftest import client_as, editor, make_user, tagger, writer  # noqa: E402, F401
