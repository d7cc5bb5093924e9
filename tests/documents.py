"""Where the tests' documents are.

The reference document is third-party text kept in ``../shared/`` beside the
checkout, not in the repository. Tests that need it skip with a reason in a
lone clone; the original documents in ``sample_documents/`` and
``tests/documents/`` cover the same behaviour.
"""

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
REFERENCE = ROOT.parent / "shared" / "documents" / "000_5db3053b1fc29a68.txt"
SAMPLES = ROOT / "sample_documents"
NO_REFERENCE = f"the reference document is not beside this checkout ({REFERENCE})"

requires_reference = pytest.mark.skipif(not REFERENCE.exists(), reason=NO_REFERENCE)


def reference_bytes() -> bytes:
    """The reference document's bytes; skips the calling test when it is absent."""
    if not REFERENCE.exists():
        pytest.skip(NO_REFERENCE)
    return REFERENCE.read_bytes()


def sample_paths() -> list[Path]:
    return sorted(SAMPLES.glob("*.txt"))


def sample_uploads(count: int) -> list[tuple[str, bytes]]:
    """``count`` distinct documents as (file name, bytes): the samples, then copies under new headlines."""
    samples = [path.read_text(encoding="utf-8") for path in sample_paths()]
    uploads = []
    for n in range(count):
        text = samples[n % len(samples)]
        if n >= len(samples):
            headline = text.split("\n", 1)[0]
            text = text.replace(headline, f"{headline} (copy {n})", 1)
        uploads.append((f"{n:04d}-sample.txt", text.encode()))
    return uploads
