from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WagtailEventsAPIv2AppConfig(AppConfig):
    """Wagtail's API v2 pages endpoint for events and people, and their related fields.

    Optional: a site that does not serve Wagtail's API v2 leaves it out, and needs neither
    Django REST framework nor ``wagtail.api.v2`` for the rest of the package.
    """

    name = "wagtail_events.api_v2"
    label = "wagtail_events_api_v2"
    verbose_name = _("Events in Wagtail's API v2")
    default_auto_field = "django.db.models.BigAutoField"
