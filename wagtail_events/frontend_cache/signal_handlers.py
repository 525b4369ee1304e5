"""Purges follow the event and person pages and the organisations, one sender at a time, as
``wagtail.contrib.frontend_cache`` connects its own handlers."""

from django.apps import apps
from django.db import transaction
from django.db.models.signals import post_save, pre_delete
from wagtail.contrib.frontend_cache.utils import purge_pages_from_cache
from wagtail.signals import page_published, page_unpublished, post_page_move, pre_page_move

from ..models import EventPageMixin, Organisation, PersonPageMixin
from ..signals import events_changed
from .purges import purge_for

# Changes to these pages, and to organisations, are purged (see ``purges``).
PURGED_PAGES = (EventPageMixin, PersonPageMixin)


def purge(sender, instance, **kwargs):
    purge_for(instance)


def purge_page(sender, instance, **kwargs):
    # Wagtail may send a page as a plain Page (a moved one, fetched again at its new address).
    purge_for(instance.specific)


def purge_changed_events(sender, events, **kwargs):
    """Events changed without a publish: their outputs, and the live pages themselves (which
    Wagtail's frontend cache purges only on a publish)."""
    for event in events:
        purge_for(event)
    live = [event for event in events if event.live]
    if live:
        transaction.on_commit(lambda: purge_pages_from_cache(live))


def register_signal_handlers():
    for model in apps.get_models():
        if not issubclass(model, PURGED_PAGES):
            continue
        # Published, unpublished, moved (old and new place) or about to be deleted.
        for signal in (page_published, page_unpublished, pre_page_move, post_page_move):
            signal.connect(purge_page, sender=model, dispatch_uid="wagtail_events_purge")
        pre_delete.connect(purge, sender=model, dispatch_uid="wagtail_events_purge")
    for signal in (post_save, pre_delete):
        signal.connect(purge, sender=Organisation, dispatch_uid="wagtail_events_purge")
    events_changed.connect(purge_changed_events, dispatch_uid="wagtail_events_purge")
