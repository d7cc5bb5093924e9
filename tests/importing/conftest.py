from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
REFERENCE = ROOT.parent / "shared" / "documents" / "000_5db3053b1fc29a68.txt"
SAMPLES = ROOT / "sample_documents"


@pytest.fixture
def reference_path() -> Path:
    if not REFERENCE.exists():
        pytest.fail(f"The reference document is missing: {REFERENCE} (shared/ must sit beside the checkout)")
    return REFERENCE
