"""The Django side of importing: store parsed documents as articles, in batches, and report.

The text itself is read by the pure ``newstext`` package; ``formats`` maps file
formats to its parsers. Use what is listed here; the modules behind it are
this package's own.
"""

from .batch import Source, analyse_due, analyse_tables, effective_jobs, import_batch
from .fingerprint import changed_since_import, content_fingerprint
from .formats import FORMATS, Format, accepted, document_paths, format_for
from .load import import_document
from .lookups import Lookups, UnknownSection, get_or_create_by_name, section_named
from .results import ImportResult, Status
from .rights import FULL_RIGHTS, ImportRights

__all__ = [
    "FORMATS",
    "FULL_RIGHTS",
    "Format",
    "ImportResult",
    "ImportRights",
    "Lookups",
    "Source",
    "Status",
    "UnknownSection",
    "accepted",
    "analyse_due",
    "analyse_tables",
    "changed_since_import",
    "content_fingerprint",
    "document_paths",
    "effective_jobs",
    "format_for",
    "get_or_create_by_name",
    "import_batch",
    "import_document",
    "section_named",
]
