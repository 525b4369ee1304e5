"""Wagtail's API v2 pages endpoint, serving events and people through the read layer.

Register :class:`EventPagesAPIViewSet` as the ``pages`` endpoint in place of Wagtail's
``PagesAPIViewSet``. It answers the same requests with the same shape, but a page of events or
people costs a fixed number of queries, and it shows only what :mod:`wagtail_events.queries`
calls public. The pages' related fields (venue, people, organisers, ...) come in the events
API's shapes (see ``fields``).
"""

from django.db.models import prefetch_related_objects
from django.utils.functional import cached_property
from wagtail.api import APIField
from wagtail.api.v2.views import PagesAPIViewSet

from ..images import renditions_prefetch
from ..page_models import event_page_model, person_page_model
from ..queries import (
    fill_event_details,
    load_event_details,
    load_people,
    load_stream_field,
    only_public,
)
from .fields import related_fields


class EventFieldsMixin:
    """Gives an API v2 pages endpoint the package's pages' related fields (``related_fields``).

    The pages' ``api_fields`` leave them out, so Wagtail's own endpoint, which cannot give
    them, lists the other fields and answers 400 to a request that names one. A field the site
    gives a serializer of its own in ``api_fields`` keeps it.
    """

    @classmethod
    def get_body_fields(cls, model):
        fields = super().get_body_fields(model)
        named = {field.name for field in fields}
        return fields + [APIField(name) for name in related_fields(model) if name not in named]

    @classmethod
    def get_field_serializer_overrides(cls, model):
        return {**related_fields(model), **super().get_field_serializer_overrides(model)}


class EventPagesAPIViewSet(EventFieldsMixin, PagesAPIViewSet):
    """Wagtail's pages endpoint, with events and people loaded in a fixed number of queries."""

    def get_base_queryset(self):
        return self._public_pages

    @cached_property
    def _public_pages(self):
        # Wagtail lets through pages whose view restriction the request has passed, and pages
        # past their expiry date until the publish_scheduled command runs; we show neither.
        # Computed once per request: Wagtail asks for it several times.
        return only_public(super().get_base_queryset())

    def paginate_queryset(self, queryset):
        pages = list(super().paginate_queryset(queryset))
        # Every item shows its locale, which Wagtail would fetch page by page.
        prefetch_related_objects(pages, "locale")
        event_model, person_model = event_page_model(), person_page_model()
        events = [page for page in pages if isinstance(page, event_model)]
        fill_event_details(events)
        load_stream_field(events, "body")
        people = [page for page in pages if isinstance(page, person_model)]
        load_people(people)
        # Their pictures and the renditions already made, for all of them at once.
        prefetch_related_objects(events, "image", renditions_prefetch("image"))
        prefetch_related_objects(people, "portrait", renditions_prefetch("portrait"))
        return pages

    def detail_view(self, request, pk):
        page = self.get_object()
        if isinstance(page, event_page_model()):
            load_event_details(page)
        return super().detail_view(request, pk)
