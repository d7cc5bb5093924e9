from django.apps import AppConfig


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = "Articles"

    def ready(self):
        from images import usage  # the models are ready only now

        from . import pictures, receivers

        receivers.connect()
        # The image library refuses to delete a picture a live or scheduled article shows.
        usage.register(pictures.article_usages)
