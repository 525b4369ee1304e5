from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WagtailEventsFrontendCacheAppConfig(AppConfig):
    """Purges the URLs a change makes stale from a CDN, through Wagtail's frontend cache."""

    name = "wagtail_events.frontend_cache"
    label = "wagtail_events_frontend_cache"
    verbose_name = _("Events in a CDN")

    def ready(self):
        from .signal_handlers import register_signal_handlers

        register_signal_handlers()
