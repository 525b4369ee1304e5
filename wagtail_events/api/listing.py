"""Finding the events a list request asks for: the API, its calendar feed and the widget."""

from dataclasses import dataclass
from typing import NamedTuple

from django.http import Http404

from ..blocks import agenda_page_ids
from ..images import renditions_prefetch
from ..listing import EventListing, listed_events, with_profile
from ..page_models import embed_profile_model
from ..queries import (
    count_reach,
    count_up_to,
    public_events,
    resolve_translations,
    with_event_details,
)


@dataclass
class EventsPage:
    """One page of a list request's events: the listing they answer (its profile applied),
    how many match in all (see ``count_up_to``) and whether that count is exact."""

    listing: EventListing
    count: int
    count_exact: bool
    events: list  # the events, or with ``find_event_refs`` their references
    pages: object  # pages named in the events' agendas (``i18n.RelatedPages``), or none

    @property
    def limit(self):
        return self.listing.limit

    @property
    def offset(self):
        return self.listing.offset


def listing_of(query):
    """The listing the API parameters ask for, with their profile's defaults; 404 if the
    profile is unknown, as every profile is on a site without the embed app."""
    listing = query.listing()
    if not query.profile:
        return listing
    model = embed_profile_model()
    profile = model.objects.filter(slug=query.profile).first() if model else None
    if profile is None:
        raise Http404(f"There is no embed profile '{query.profile}'.")
    return with_profile(listing, profile)


def _page_of_events(query):
    """The listing, how many events match (see ``count_up_to``) and whether that is all, and
    its page of them."""
    listing = listing_of(query)
    queryset = listed_events(listing)
    end = listing.offset + listing.limit
    return listing, *count_up_to(queryset, count_reach(end)), queryset[listing.offset : end]


def find_events(query, *, with_body=True):
    """One page of the events the query asks for, with everything the API shows.

    ``with_body=False`` leaves the bodies unread, for outputs that show no agenda.
    """
    listing, count, exact, page = _page_of_events(query)
    events, pages = load_events_for_api(page, with_body=with_body)
    return EventsPage(listing, count, exact, events, pages)


class EventRef(NamedTuple):
    """What the fragment cache needs to know of an event (see ``caching.cached_fragments``)."""

    pk: int
    translation_key: object


def find_event_refs(query):
    """One page of the events the query asks for, as references: two queries, fetching little.

    For outputs made of cached per-event fragments: ``events_named`` selects the events whose
    fragment is missing.
    """
    listing, count, exact, page = _page_of_events(query)
    rows = page.values_list("pk", "translation_key")
    return EventsPage(listing, count, exact, [EventRef(*row) for row in rows], {})


def events_named(refs):
    """The public events among ``refs``, not yet fetched: those missing a cached fragment."""
    return public_events().filter(pk__in=[ref.pk for ref in refs])


def in_order_of(refs, events):
    """``events`` in the order of ``refs``, None for one that is no longer public."""
    by_id = {event.pk: event for event in events}
    return [by_id.get(ref.pk) for ref in refs]


def load_events_for_api(queryset, *, with_body=True):
    """The events with their details, image renditions and the pages their agendas name.

    A fixed number of queries, however many events.
    """
    if not with_body:
        queryset = queryset.defer_streamfields()
    events = list(with_event_details(queryset).prefetch_related(renditions_prefetch("image")))
    agenda_ids = {pk for event in events for pk in agenda_page_ids(event.body)} if with_body else ()
    pages = resolve_translations(events, agenda_ids)
    return events, pages
