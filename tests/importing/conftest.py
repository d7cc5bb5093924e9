# The role fixtures (writer, editor, tagger, client_as, make_user) of the editorial tests.
from tests.editorial.conftest import client_as, editor, make_user, tagger, writer  # noqa: F401
