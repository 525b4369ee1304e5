from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WagtailEventsAPIAppConfig(AppConfig):
    """The events API (django-ninja): its router, the package's own NinjaAPI and its URLs.

    Optional: a site without it keeps its pages, calendars and feeds, and needs no django-ninja
    for them.
    """

    name = "wagtail_events.api"
    label = "wagtail_events_api"
    verbose_name = _("Events API")
    default_auto_field = "django.db.models.BigAutoField"
