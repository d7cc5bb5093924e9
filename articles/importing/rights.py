"""Who imports, and what they may do: the importer holds everyone to the roles of the admin.

The rules themselves live with the roles (``editorial.permissions.import_rights``
builds an ``ImportRights`` from a user); the importer only asks the questions.
An operator at the shell imports with ``FULL_RIGHTS`` unless the command is told
whose rights to use (``--user``).
"""

from dataclasses import dataclass

from articles.models import Article


@dataclass(frozen=True)
class ImportRights:
    """What whoever imports may do; small and picklable, so that worker processes get it too."""

    user_id: int | None = None  # who the revisions name; None for the operator at the shell
    add: bool = True  # create articles
    publish: bool = True  # publish, schedule, and change articles that are live or scheduled
    # The states in which an article may be changed; None for any.
    change_states: frozenset[str] | None = None

    def may_change(self, article: Article) -> bool:
        return self.change_states is None or article.state in self.change_states

    def refusal(self, *, existing: Article | None, publish: bool) -> str:
        """Why this import may not go ahead, or ''."""
        if publish and not self.publish:
            return "only an editor can publish imported articles"
        if existing is None and not self.add:
            return "you may not create articles"
        if existing is not None and not self.may_change(existing):
            return (
                f"“{existing.headline}” is {existing.state.label.lower()}: only an editor can change it, "
                "by import as in the admin"
            )
        return ""


FULL_RIGHTS = ImportRights()
