"""What a page does when it is served: its routes, template context and sitemap entries.

These mixins sit on the serve floor, above the content mixins of ``models.events`` and
``models.people``: they hand the request to the views, feeds and queries, which the content floor
may not import. A concrete page lists its routes mixin first, before its content mixin and the
base page (see ``wagtail_events.pages.models``). The calendars and feeds are served by the one
caching policy of the API and widget (``caching.cached_response``).
"""

from django.utils.decorators import method_decorator
from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from . import feeds
from .caching import cached_response
from .page_models import person_page_model
from .queries import (
    load_event_details,
    load_events,
    public_events,
    public_pages,
    within_publication_dates,
)
from .views import event_index_context, person_index_context, person_page_context

cached_route = method_decorator(cached_response)


class PublicSitemapMixin:
    def get_sitemap_urls(self, request=None):
        # Wagtail's own sitemap lists live pages, and a page stays live past its expiry date
        # until the publish_scheduled command runs.
        return super().get_sitemap_urls(request) if within_publication_dates(self) else []


class EventIndexPageRoutesMixin(RoutablePageMixin):
    def get_events(self):
        """Live, public events anywhere below this index, soonest first, with their details."""
        return load_events(public_events(self.locale).descendant_of(self).order_by("start"))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(event_index_context(self, request))
        return context

    @path("calendar/", name="calendar")
    @cached_route
    def calendar(self, request):
        return feeds.index_calendar(request, self)

    @path("feed/", name="feed")
    @cached_route
    def rss_feed(self, request):
        return feeds.index_rss_feed(request, self)

    @path("feed/atom/", name="atom_feed")
    @cached_route
    def atom_feed(self, request):
        return feeds.index_atom_feed(request, self)


class EventPageRoutesMixin(PublicSitemapMixin, RoutablePageMixin):
    @path("calendar/", name="calendar")
    @cached_route
    def calendar(self, request):
        return feeds.event_calendar(request, self)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # A preview holds unsaved people and organisers in memory: keep them, don't refetch.
        if not getattr(request, "is_preview", False):
            load_event_details(self)
        return context


class PersonPageRoutesMixin(PublicSitemapMixin, RoutablePageMixin):
    @path("calendar/", name="calendar")
    @cached_route
    def calendar(self, request):
        return feeds.person_calendar(request, self)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(person_page_context(self, request))
        return context


class PersonIndexPageRoutesMixin:
    def get_people(self):
        """The public people under this index, by family name."""
        return (
            public_pages(person_page_model())
            .child_of(self)
            .select_related("organisation")
            .order_by("family_name", "given_name", "pk")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(person_index_context(self, request))
        return context
