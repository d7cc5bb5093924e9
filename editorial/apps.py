from django.apps import AppConfig


class EditorialConfig(AppConfig):
    """The newsroom's working tools on top of the admin: roles, workflow, history, tagging."""

    name = "editorial"
    verbose_name = "Editorial"

    def ready(self):
        from . import history, receivers  # the models are ready only now

        history.register_models()
        receivers.connect()
