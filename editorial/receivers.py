"""What the editorial tools do when something is saved: every receiver of the app, with its reason."""

from reversion.signals import post_revision_commit

from .history import record_tags


def connect() -> None:
    # A revision stores an article's fields and parts, but not its tags (they are kept by
    # name, so that old revisions survive merged and renamed topics): record them beside it.
    post_revision_commit.connect(record_tags, dispatch_uid="editorial-record-tags")
