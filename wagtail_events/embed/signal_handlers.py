"""The embed app's signal handlers, connected when the app is ready."""

from corsheaders.signals import check_request_enabled
from django.core.signals import setting_changed
from django.db.models.signals import post_delete, post_save

from ..caching import bump_content_version
from .cors import allow_profile_origins
from .models import EmbedProfile


def profile_changed(sender, **kwargs):
    # A profile's organisers, topics, language, colours and origins are in the cached outputs.
    bump_content_version()


def cors_setting_changed(setting, **kwargs):
    # The allowed origins are cached under the content version (see ``cors``).
    if setting == "CORS_ALLOWED_ORIGINS":
        bump_content_version()


def register_signal_handlers():
    for signal in (post_save, post_delete):
        signal.connect(profile_changed, sender=EmbedProfile, dispatch_uid="wagtail_events_embed")
    setting_changed.connect(cors_setting_changed, dispatch_uid="wagtail_events_embed_settings")
    check_request_enabled.connect(allow_profile_origins, dispatch_uid="wagtail_events_cors")
