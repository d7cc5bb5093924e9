"""The pages every footer links to, with a first text for editors to replace."""

from django.db import migrations

PAGES = [
    (
        "about",
        "About us",
        "We are an independent newsroom. This page is for the editors to tell readers who we are, "
        "what we cover and how we work.\n\nEdit it in the admin: Articles → Site pages.",
    ),
    (
        "contact",
        "Contact us",
        "To reach the newsroom, write to the editors. This page is for the editors to give the "
        "addresses readers should use for tips, corrections and questions.",
    ),
    (
        "privacy",
        "Privacy",
        "This site sets no tracking cookies and loads no third-party scripts. Staff who sign in to "
        "the admin get a session cookie. This page is for the editors to complete.",
    ),
]


def create(apps, schema_editor):
    Page = apps.get_model("articles", "Page")
    for slug, title, body in PAGES:
        Page.objects.get_or_create(slug=slug, defaults={"title": title, "body": body})


def remove(apps, schema_editor):
    apps.get_model("articles", "Page").objects.filter(slug__in=[slug for slug, _, _ in PAGES]).delete()


class Migration(migrations.Migration):
    dependencies = [("articles", "0021_site_pages")]

    operations = [migrations.RunPython(create, remove)]
