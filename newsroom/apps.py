from django.apps import AppConfig


class NewsroomConfig(AppConfig):
    """Project-wide wiring that belongs to no single app."""

    name = "newsroom"
    verbose_name = "Newsroom"

    def ready(self):
        from . import receivers

        receivers.connect()
