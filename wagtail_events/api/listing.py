"""Finding the events a list request asks for: the API, its calendar feed and the widget."""

from dataclasses import dataclass
from typing import NamedTuple

from django.db.models import Q
from django.http import Http404

from ..blocks import agenda_page_ids
from ..images import renditions_prefetch
from ..models.embeds import EmbedProfile
from ..page_models import event_index_page_model
from ..queries import (
    count_reach,
    count_up_to,
    public_events,
    resolve_translations,
    with_event_details,
)
from ..search import events_matching


@dataclass
class Listing:
    query: object
    count: int
    count_exact: bool
    events: list  # the events, or with ``find_event_refs`` their references
    pages: dict  # pages named in the events' agendas, by id

    @property
    def limit(self):
        return self.query.limit

    @property
    def offset(self):
        return self.query.offset


def with_profile(query):
    """The query with the profile's defaults where the request set nothing; 404 if unknown."""
    if not query.profile:
        return query
    profile = EmbedProfile.objects.filter(slug=query.profile).first()
    if profile is None:
        raise Http404(f"There is no embed profile '{query.profile}'.")
    given = query.model_fields_set
    defaults = {}
    if "organiser" not in given:
        defaults["organiser"] = list(profile.organisers.values_list("slug", flat=True)) or None
    if "topic" not in given:
        defaults["topic"] = list(profile.topics.values_list("slug", flat=True)) or None
    if "lang" not in given and profile.language:
        defaults["lang"] = profile.language
    if "limit" not in given:
        defaults["limit"] = profile.limit
    query = query.model_copy(update=defaults)
    query._embed_profile = profile
    return query


def matching_events(query):
    """The public events the query's filters select, in its order (not yet fetched)."""
    queryset = query.filter(public_events()).filter(events_matching(query.q))
    if query.series:
        queryset = queryset.filter(_in_series(query.series, query.lang))
    return queryset.order_by(*query.ordering)


def _page_of_events(query):
    """The query with its profile applied, how many events match (see ``count_up_to``) and
    whether that is all, and its page of them."""
    query = with_profile(query)
    queryset = matching_events(query)
    end = query.offset + query.limit
    return query, *count_up_to(queryset, count_reach(end)), queryset[query.offset : end]


def find_events(query, *, with_body=True):
    """One page of the events the query asks for, with everything the API shows.

    ``with_body=False`` leaves the bodies unread, for outputs that show no agenda.
    """
    query, count, exact, page = _page_of_events(query)
    events, pages = load_events_for_api(page, with_body=with_body)
    return Listing(query, count, exact, events, pages)


class EventRef(NamedTuple):
    """What the fragment cache needs to know of an event (see ``caching.cached_fragments``)."""

    pk: int
    translation_key: object


def find_event_refs(query):
    """One page of the events the query asks for, as references: two queries, fetching little.

    For outputs made of cached per-event fragments: ``events_named`` selects the events whose
    fragment is missing.
    """
    query, count, exact, page = _page_of_events(query)
    rows = page.values_list("pk", "translation_key")
    return Listing(query, count, exact, [EventRef(*row) for row in rows], {})


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


def _in_series(series_id, language_code):
    """Below the series with this id, or below its translation into the listed language."""
    series_model = event_index_page_model()
    series = series_model.objects.filter(pk=series_id).values("translation_key")
    indexes = series_model.objects.filter(
        Q(pk=series_id) | Q(translation_key__in=series, locale__language_code=language_code)
    ).values_list("path", flat=True)
    condition = Q(pk__in=[])
    for path in indexes:
        condition |= Q(path__startswith=path)
    return condition
