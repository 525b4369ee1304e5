"""One place decides which pages are public and how events are fetched for display.

Every public output (pages, calendars, feeds, JSON-LD, APIs, widget) starts here, so a new
output can neither show an unpublished page nor add a query per event.
"""

from collections import defaultdict

from django.db.models import Prefetch, Q, prefetch_related_objects
from django.utils import timezone

from .models import EventIndexPage, EventOrganiser, EventPage, EventPerson, PersonPage


def public_pages(model, locale=None):
    """Live, publicly viewable pages of ``model`` that have not expired, optionally in a locale."""
    now = timezone.now()
    queryset = (
        model.objects.live()
        .public()
        .filter(Q(expire_at__isnull=True) | Q(expire_at__gt=now))
        .filter(Q(go_live_at__isnull=True) | Q(go_live_at__lte=now))
    )
    if locale is not None:
        queryset = queryset.filter(locale=locale)
    return queryset


def within_publication_dates(page, now=None):
    """Whether a page already in hand has gone live and not yet expired.

    The dates :func:`public_pages` filters on, for one page. Wagtail leaves a page live
    past its expiry date until the ``publish_scheduled`` command runs.
    """
    now = now or timezone.now()
    has_gone_live = page.go_live_at is None or page.go_live_at <= now
    return has_gone_live and (page.expire_at is None or page.expire_at > now)


def public_events(locale=None):
    return public_pages(EventPage, locale)


def _detail_prefetches():
    return [
        Prefetch(
            "event_people",
            queryset=EventPerson.objects.select_related("person", "organisation").order_by(
                "sort_order"
            ),
        ),
        Prefetch(
            "organisers",
            queryset=EventOrganiser.objects.select_related("organisation").order_by("sort_order"),
        ),
        "topics",
    ]


def with_event_details(queryset):
    """What every event output shows, in a fixed number of queries however many events."""
    return queryset.select_related("locale", "venue", "event_type", "image").prefetch_related(
        *_detail_prefetches()
    )


def load_event_details(event):
    """The same for one event already in hand, e.g. the page being served."""
    prefetch_related_objects([event], "venue", "event_type", *_detail_prefetches())
    resolve_translations([event])
    return event


def load_events(queryset):
    """Fetch the events with their details, shown in each event's own language."""
    events = list(with_event_details(queryset))
    resolve_translations(events)
    return events


def resolve_translations(events):
    """Pre-fill each event's ``localized_*`` values with one query per kind of linked object.

    Links on a translation point at source-language objects; this swaps in their translations
    (live ones, for person pages) where they exist.
    """
    wanted = defaultdict(set)  # (model, locale_id) -> translation keys
    for event in events:
        for obj in _linked_objects(event):
            if obj.locale_id != event.locale_id:
                wanted[(type(obj), event.locale_id)].add(obj.translation_key)

    found = {}
    for (model, locale_id), keys in wanted.items():
        queryset = model.objects.filter(translation_key__in=keys, locale_id=locale_id)
        if issubclass(model, PersonPage):
            queryset = queryset.filter(live=True)
        for obj in queryset:
            found[(model, locale_id, obj.translation_key)] = obj

    def shown(obj, locale_id):
        if obj is None or obj.locale_id == locale_id:
            return obj
        return found.get((type(obj), locale_id, obj.translation_key), obj)

    series = _series_by_path(events)
    for event in events:
        locale_id = event.locale_id
        event.__dict__["localized_venue"] = shown(event.venue, locale_id)
        event.__dict__["localized_event_type"] = shown(event.event_type, locale_id)
        event.__dict__["localized_topics"] = [shown(t, locale_id) for t in event.topics.all()]
        event.__dict__["localized_organisers"] = [
            shown(item.organisation, locale_id) for item in event.organisers.all()
        ]
        people = list(event.event_people.all())
        for item in people:
            item.__dict__["display_organisation"] = shown(item.organisation, locale_id)
            item.__dict__["display_person"] = shown(item.person, locale_id)
        event.__dict__["people_in_event"] = people
        event.__dict__["series"] = series.get(event.path[: -event.steplen])


def _linked_objects(event):
    yield from (obj for obj in (event.venue, event.event_type) if obj is not None)
    yield from event.topics.all()
    yield from (item.organisation for item in event.organisers.all())
    for item in event.event_people.all():
        yield from (obj for obj in (item.organisation, item.person) if obj is not None)


def _series_by_path(events):
    paths = {event.path[: -event.steplen] for event in events}
    return {index.path: index for index in EventIndexPage.objects.filter(path__in=paths)}
