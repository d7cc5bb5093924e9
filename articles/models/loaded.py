"""What an article was read with, so that a save can tell what it changed."""


class RemembersLoadedStatus:
    """Keeps the status an article was read from the database with (``status_changed``).

    The stored counts follow an article's links when its status changes (published or not), and
    only then: an edit of a live article's words leaves every count as it was.
    """

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)  # type: ignore[misc]
        instance._loaded_status = instance.__dict__.get("status")  # None when the field was deferred
        return instance

    def status_changed(self) -> bool:
        """Whether the status differs from the one read (True when it was not read: not known)."""
        loaded = getattr(self, "_loaded_status", None)
        return loaded is None or loaded != self.status  # type: ignore[attr-defined]

    def status_saved(self) -> None:
        """The status now stored is this one."""
        self._loaded_status = self.status  # type: ignore[attr-defined]
