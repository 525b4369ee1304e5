"""Signal handlers, connected when the app is ready."""

from corsheaders.signals import check_request_enabled
from django.core.signals import request_finished, request_started
from django.db.models.signals import post_delete, post_save, pre_delete
from wagtail.images.models import AbstractImage
from wagtail.models import AbstractPage, Locale, PageViewRestriction, Site
from wagtail.search.index import class_is_indexed
from wagtail.search.tasks import insert_or_update_object_task
from wagtail.signals import page_published, page_unpublished, post_page_move, pre_page_move

from . import queries
from .caching import bump_content_version, bump_event_version
from .cors import allow_profile_origins
from .models import EmbedProfile, EventPage, EventPageMixin, Organisation, PersonPage
from .models.taxonomy import SluggedSnippet
from .purges import purge_for

# Saving or deleting any of these can change what the public outputs show.
CONTENT = (
    AbstractPage,
    PageViewRestriction,
    Site,
    Locale,
    SluggedSnippet,
    EmbedProfile,
    AbstractImage,
)
# Changes to these are purged from a CDN (see ``purges``).
PURGED = (EventPage, PersonPage, Organisation)


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


def content_saved_or_deleted(sender, instance, **kwargs):
    if isinstance(instance, CONTENT):
        content_changed(sender, instance)


def content_changed(sender, instance, **kwargs):
    # An event's own change reaches other cached events only through its translations (see
    # caching). Deleting one deletes its plain Page row too, which makes everything stale.
    if issubclass(sender, EventPageMixin):
        bump_event_version(instance.translation_key)
    else:
        bump_content_version()


def purge(sender, instance, **kwargs):
    if isinstance(instance, PURGED):
        purge_for(instance)


def purge_moved(sender, instance, **kwargs):
    # Wagtail sends the moved page as a plain Page, fetched again at its new address.
    if issubclass(sender, PURGED):
        purge_for(instance.specific)


def register_signal_handlers():
    page_published.connect(reindex_published_event, dispatch_uid="wagtail_events_reindex_event")

    post_save.connect(content_saved_or_deleted, dispatch_uid="wagtail_events_content_saved")
    post_delete.connect(content_saved_or_deleted, dispatch_uid="wagtail_events_content_deleted")
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(content_changed, dispatch_uid="wagtail_events_content_changed")

    # Published, unpublished, moved (old and new place) or about to be deleted.
    for signal in (page_published, page_unpublished, pre_page_move):
        signal.connect(purge, dispatch_uid="wagtail_events_purge")
    post_page_move.connect(purge_moved, dispatch_uid="wagtail_events_purge_moved")
    pre_delete.connect(purge, dispatch_uid="wagtail_events_purge_deleted")
    post_save.connect(purge, sender=Organisation, dispatch_uid="wagtail_events_purge_org")

    check_request_enabled.connect(allow_profile_origins, dispatch_uid="wagtail_events_cors")

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
