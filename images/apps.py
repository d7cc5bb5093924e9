from django.apps import AppConfig


class ImagesConfig(AppConfig):
    name = "images"
    verbose_name = "Image library"

    def ready(self):
        from . import checks, receivers  # noqa: F401  (register the checks, connect the receivers)
