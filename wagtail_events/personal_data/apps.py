from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WagtailEventsPersonalDataAppConfig(AppConfig):
    """The ``person_data`` command, which exports or erases what the site holds about a person."""

    name = "wagtail_events.personal_data"
    label = "wagtail_events_personal_data"
    verbose_name = _("Personal data in events")
