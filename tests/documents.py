"""Where the tests' documents are, and what importing each document in the archive's layout gives.

The reference document is third-party text kept in ``../shared/`` beside the
checkout, not in the repository. Tests that need it skip with a reason in a
lone clone; the original documents in ``sample_documents/`` and
``tests/documents/`` cover the same behaviour. The loader and search tests run
on each entry of ``ARCHIVE_DOCUMENTS``: the original document always, the
reference too when it is there.
"""

from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
REFERENCE = ROOT.parent / "shared" / "documents" / "000_5db3053b1fc29a68.txt"
ORIGINAL = ROOT / "tests" / "documents" / "archive_story.txt"
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


@dataclass(frozen=True)
class ArchiveDocument:
    """A document in the reference layout and the values its import must give, asserted exactly.

    The people, quotes and countries behind ``summary``, ``person`` and ``countries`` are the
    parser's, asserted in full in ``tests/newstext/test_reference.py`` and
    ``tests/newstext/test_archive_story.py``: a change to the extraction changes both places.
    """

    name: str  # the test id
    path: Path
    slug: str  # the plain slug of the headline
    author: str  # the byline's one author
    paragraphs: int
    related: int
    summary: str  # what the import command prints about the document after "created: PATH "
    countries: list[str]
    person: str  # named in full, then by surname
    aliases: list[str]
    phrase: str  # words of the body that the tests edit
    edited: str  # the same words as an editor rewrites them
    edited_word: str  # a word ``edited`` adds that the document does not hold
    retitle: tuple[str, str]  # a part of the headline, and the part of another story on the same people
    search: str  # words that find the document

    def text(self) -> str:
        return self.path.read_text(encoding="utf-8")


REFERENCE_DOCUMENT = ArchiveDocument(
    name="reference",
    path=REFERENCE,
    slug="putins-mission-to-minsk-raises-fears-he-will-drag-belarus-into-ukraine-war",
    author="Pjotr Sauer",
    paragraphs=24,
    related=10,
    summary="(24 paragraphs, 10 related, 15 quotes, 7 people, countries: BY, RU, UA)",
    countries=["BY", "RU", "UA"],
    person="Vladimir Putin",
    aliases=["Putin"],
    phrase="a rare visit",
    edited="a rare, short visit",
    edited_word="short",
    retitle=("Putin’s mission to Minsk", "Putin visits Minsk"),
    search="Lukashenko Minsk",
)

ORIGINAL_DOCUMENT = ArchiveDocument(
    name="original",
    path=ORIGINAL,
    slug="vongsas-mekong-dam-offer-fails-to-calm-cambodia-and-vietnam-as-the-delta-runs-dry",
    author="Tobias Reinholt",
    paragraphs=22,
    related=9,
    summary="(22 paragraphs, 9 related, 11 quotes, 7 people, countries: KH, LA, VN)",
    countries=["KH", "LA", "VN"],
    person="Somphet Vongsa",
    aliases=["Vongsa"],
    phrase="a rare concession",
    edited="a rare, grudging concession",
    edited_word="grudging",
    retitle=("Vongsa’s Mekong dam offer", "Vongsa’s new Mekong offer"),
    search="Sokha Nakasang",
)

# The reference joins only when it is beside the checkout, so that a lone clone runs the
# original alone rather than skipping half of each test (test_reference.py skips instead).
ARCHIVE_DOCUMENTS = [ORIGINAL_DOCUMENT, *([REFERENCE_DOCUMENT] if REFERENCE.exists() else [])]


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
