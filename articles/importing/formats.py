"""The file formats the importer reads: the one place where a new format plugs in.

Each format turns a document's bytes into a ``newstext.Document`` or raises
``newstext.ParseError``. A file whose suffix names no format is read as an
archive text document, the layout the newsroom's archive is made of.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path, PurePath

from newstext import Document, decode_document, parse_document


@dataclass(frozen=True)
class Format:
    suffix: str  # ".txt"
    label: str  # for people: "archive text document"
    media_types: tuple[str, ...]  # what an upload field may accept
    parse: Callable[..., Document]  # parse(data: bytes, *, max_bytes: int) -> Document


def parse_archive_text(data: bytes, *, max_bytes: int) -> Document:
    return parse_document(decode_document(data, max_bytes=max_bytes))


ARCHIVE_TEXT = Format(
    suffix=".txt", label="archive text document", media_types=("text/plain",), parse=parse_archive_text
)
FORMATS: dict[str, Format] = {fmt.suffix: fmt for fmt in (ARCHIVE_TEXT,)}
# An article in the API's shape, with its pictures beside it (articles/importing/jsonarticle.py).
JSON_SUFFIX = ".json"


def format_for(name: str) -> Format:
    """The format of a file by its name's suffix; the archive's text layout when none matches."""
    return FORMATS.get(PurePath(name).suffix.lower(), ARCHIVE_TEXT)


def accepted() -> str:
    """The ``accept`` attribute of a file input for every format."""
    return ",".join([*FORMATS, *(t for fmt in FORMATS.values() for t in fmt.media_types)])


def document_paths(arguments: Iterable[str]) -> list[Path]:
    """Files named on a command line; a directory stands for the files of every format in it."""
    paths: list[Path] = []
    for argument in arguments:
        path = Path(argument)
        if path.is_dir():
            paths.extend(
                sorted(
                    p for p in path.iterdir() if p.suffix.lower() in {*FORMATS, JSON_SUFFIX} and p.is_file()
                )
            )
        else:
            paths.append(path)
    return paths
