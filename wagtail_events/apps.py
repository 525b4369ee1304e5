from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WagtailEventsAppConfig(AppConfig):
    name = "wagtail_events"
    label = "wagtail_events"
    verbose_name = _("Events")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from .signal_handlers import register_signal_handlers

        register_signal_handlers()
