"""Signal handlers, connected when the app is ready. CDN purges are the
``wagtail_events.frontend_cache`` app's, the embed profiles' the ``wagtail_events.embed`` app's.

Each handler is connected to the models it is for, one sender at a time, as
``wagtail.contrib.frontend_cache`` does: saving a model that no output shows costs nothing.
"""

from django.apps import apps
from django.core.signals import request_finished, request_started, setting_changed
from django.db.models.signals import post_delete, post_save
from wagtail.images.models import AbstractImage
from wagtail.models import AbstractPage, Locale, PageViewRestriction, Site
from wagtail.search.index import class_is_indexed
from wagtail.search.tasks import insert_or_update_object_task
from wagtail.signals import page_published, page_unpublished, post_page_move

from . import queries
from .caching import bump_content_version, bump_event_version
from .models import EventPageMixin
from .models.taxonomy import SluggedSnippet

# Saving or deleting any of these can change what the public outputs show.
CONTENT = (
    AbstractPage,
    PageViewRestriction,
    Site,
    Locale,
    SluggedSnippet,
    AbstractImage,
)
# Settings the cached outputs are made from: a change (override_settings in tests) makes
# them stale, as a publish does.
CACHED_SETTINGS = {
    "WAGTAIL_EVENTS",
    "LANGUAGES",
    "LANGUAGE_CODE",
    "WAGTAIL_CONTENT_LANGUAGES",
    "TIME_ZONE",
}


def reindex_published_event(sender, instance, **kwargs):
    """Index the event again once its people and organisers are saved.

    Wagtail indexes a page when its row is saved, and modelcluster saves the page's child rows
    (people, organisers) after that, so the index would hold the previous version's names.
    """
    model = type(instance)
    if (
        isinstance(instance, EventPageMixin)
        and class_is_indexed(model)
        and getattr(model, "search_auto_update", True)
    ):
        opts = instance._meta
        insert_or_update_object_task.enqueue(opts.app_label, opts.model_name, str(instance.pk))


def content_changed(sender, instance, **kwargs):
    # An event's own change reaches other cached events only through its translations (see
    # caching). Deleting one deletes its plain Page row too, which makes everything stale.
    if issubclass(sender, EventPageMixin):
        bump_event_version(instance.translation_key)
    else:
        bump_content_version()


def cached_setting_changed(setting, **kwargs):
    if setting in CACHED_SETTINGS:
        bump_content_version()


def _models(*bases):
    return [model for model in apps.get_models() if issubclass(model, bases)]


def register_signal_handlers():
    for model in _models(EventPageMixin):
        page_published.connect(
            reindex_published_event, sender=model, dispatch_uid="wagtail_events_reindex_event"
        )

    for model in _models(*CONTENT):
        for signal in (post_save, post_delete):
            signal.connect(content_changed, sender=model, dispatch_uid="wagtail_events_content")
    for model in _models(AbstractPage):
        for signal in (page_published, page_unpublished, post_page_move):
            signal.connect(content_changed, sender=model, dispatch_uid="wagtail_events_content")
    setting_changed.connect(cached_setting_changed, dispatch_uid="wagtail_events_settings")

    # View restrictions are read once per request, and again after any change to them.
    request_started.connect(queries.request_started, dispatch_uid="wagtail_events_restrictions")
    request_finished.connect(queries.request_finished, dispatch_uid="wagtail_events_restrictions")
    for signal in (post_save, post_delete):
        signal.connect(
            queries.restrictions_changed,
            sender=PageViewRestriction,
            dispatch_uid="wagtail_events_restrictions",
        )
    post_page_move.connect(queries.restrictions_changed, dispatch_uid="wagtail_events_restrictions")
