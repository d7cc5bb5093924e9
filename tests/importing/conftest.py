from pathlib import Path

import pytest

from tests.documents import REFERENCE, reference_bytes


@pytest.fixture
def reference_path() -> Path:
    reference_bytes()  # skips the test when the reference document is absent
    return REFERENCE
