"""Signal handlers, connected when the app is ready."""

from wagtail.search.index import class_is_indexed
from wagtail.search.tasks import insert_or_update_object_task
from wagtail.signals import page_published

from .models import EventPageMixin


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


def register_signal_handlers():
    page_published.connect(reindex_published_event, dispatch_uid="wagtail_events_reindex_event")
