from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WagtailEventsPagesAppConfig(AppConfig):
    name = "wagtail_events.pages"
    label = "wagtail_events_pages"
    verbose_name = _("Event pages")
    default_auto_field = "django.db.models.BigAutoField"
