from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WagtailEventsEmbedAppConfig(AppConfig):
    """The widget, the embed profiles editors manage, and CORS for the host sites they name."""

    name = "wagtail_events.embed"
    label = "wagtail_events_embed"
    verbose_name = _("Embedded events")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from .signal_handlers import register_signal_handlers

        register_signal_handlers()
