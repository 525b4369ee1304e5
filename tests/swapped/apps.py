from django.apps import AppConfig


class SwappedConfig(AppConfig):
    """A site that swaps Wagtail's base page (``WAGTAIL_PAGE_MODEL``) and builds its own event
    pages from the package's mixins, as docs/explanation/swappable-base-page.md shows."""

    name = "tests.swapped"
    label = "swapped"
    default_auto_field = "django.db.models.BigAutoField"
