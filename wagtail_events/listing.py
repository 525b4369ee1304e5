"""One event listing: what a list of events asks for, and the one way to find those events.

Every list of events (an index page, its calendar and feeds, a person's page and calendar, the
events API, its calendar file and the widget) describes what it wants as an
:class:`EventListing` and gets its events from :func:`listed_events`. The index page's form
(``filters.EventFilterSet``) and the API's parameters (``api.filters.EventQuery``) only parse
a request into a listing, so a filter, a time span or an order means the same in every output.

The listing narrows public events (``queries.public_events``); it never decides what is public.
"""

import datetime
from dataclasses import dataclass, field, replace

from django.db.models import Q
from django.utils import timezone

from .page_models import (
    event_index_page_model,
    event_organiser_model,
    event_page_model,
    event_person_model,
    person_page_model,
)
from .queries import public_events
from .search import events_matching

# The time spans: events not yet over (soonest first), over (newest first), or all.
UPCOMING = "upcoming"
PAST = "past"
ALL = "all"

# The calendar's first and last instants.
EARLIEST = datetime.datetime.min.replace(tzinfo=datetime.UTC)
LATEST = datetime.datetime.max.replace(tzinfo=datetime.UTC)


def day_start(day):
    """Midnight at the start of ``day`` in the site's time zone, in UTC.

    The database is given times in UTC, and at the calendar's ends that can overflow (midnight
    on 0001-01-01 in Oslo is still year 0 in UTC): the calendar's first or last instant then.
    """
    midnight = datetime.datetime.combine(
        day, datetime.time.min, tzinfo=timezone.get_current_timezone()
    )
    try:
        return midnight.astimezone(datetime.UTC)
    except OverflowError:
        return EARLIEST if day.year == 1 else LATEST


def next_day_start(day):
    """Midnight at the end of ``day`` (see ``day_start``); after the calendar's last day, its
    last instant."""
    if day == datetime.date.max:
        return LATEST
    return day_start(day + datetime.timedelta(days=1))


def moment(value, *, end_of_day):
    """The instant in UTC: a datetime as it is, a day as its start or the start of the next.

    A moment beyond the ends of the calendar in UTC (midnight on 0001-01-01 in Oslo is still
    in year 0 there) is its first or last instant: every valid date is answered, none overflows.
    """
    if value is None:
        return value
    if not isinstance(value, datetime.datetime):
        return next_day_start(value) if end_of_day else day_start(value)
    try:
        # In UTC, as PostgreSQL takes offsets up to 15:59 only (Python up to 23:59).
        return value.astimezone(datetime.UTC)
    except OverflowError:
        return EARLIEST if value.year == 1 else LATEST


# The conditions behind each filter. Each is a subquery, not a join, so an event is listed once
# whatever it links to.


def ending_from(instant):
    return Q(end__gte=instant)


def starting_before(instant):
    return Q(start__lt=instant)


def of_types(slugs):
    return Q(event_type__slug__in=slugs)


def on_topics(slugs):
    return Q(pk__in=event_page_model().objects.filter(topics__slug__in=slugs).values("pk"))


def organised_by(slugs):
    """Organised by any of the organisations; a slug is the same in every language."""
    return Q(
        pk__in=event_organiser_model()
        .objects.filter(organisation__slug__in=slugs)
        .values("page_id")
    )


def with_people(slugs):
    """With any of the people, in any role; a slug may be the person page's in any language."""
    people = person_page_model().objects.filter(slug__in=slugs).values("translation_key")
    taking_part = event_person_model().objects.filter(person__translation_key__in=people)
    return Q(pk__in=taking_part.values("page_id"))


def with_person(person):
    """With this person, in any role: links on translated events point at the source-language
    person page, so every language version of the person has the same events."""
    links = event_person_model().objects.filter(person__translation_key=person.translation_key)
    return Q(pk__in=links.values("page_id"))


def in_series(series_id, language_code):
    """Below the series with this id, or below its translation into ``language_code``."""
    series_model = event_index_page_model()
    series = series_model.objects.filter(pk=series_id).values("translation_key")
    within = Q(pk=series_id)
    if language_code:
        within |= Q(translation_key__in=series, locale__language_code=language_code)
    paths = series_model.objects.filter(within).values_list("path", flat=True)
    condition = Q(pk__in=[])
    for path in paths:
        condition |= Q(path__startswith=path)
    return condition


@dataclass(frozen=True)
class EventListing:
    """What a list of events asks for. A filter left at None (or empty) narrows nothing.

    ``date_from`` and ``date_to`` are days or moments: from a day on means ending on or after
    its start, to a day means starting before its end, to a moment starting at or before it.
    Slugs are the snippets' and person pages' (the same in every language). ``when`` is what
    was asked for, ``default_when`` the span without it; ``order`` is ``start`` or ``-start``,
    by default past events newest first and others soonest first.
    """

    date_from: datetime.date | None = None
    date_to: datetime.date | None = None
    types: tuple = ()
    topics: tuple = ()
    organisers: tuple = ()
    people: tuple = ()
    status: str | None = None
    q: str | None = None
    when: str | None = None
    default_when: str = UPCOMING
    order: str | None = None
    # Where and in which language: public events in ``locale`` (a ``Locale``) or with the
    # language code ``language``, below the ``index`` page or the series with id ``series``.
    locale: object = None
    language: str | None = None
    index: object = None
    series: int | None = None
    person: object = None  # a person page: the events they take part in
    # The embed profile whose defaults were applied (see ``with_profile``), and the page.
    profile: object = None
    limit: int | None = None
    offset: int = 0
    # The fields the request set itself, which a profile's defaults leave alone.
    given: frozenset = field(default=frozenset(), compare=False)

    @property
    def effective_when(self):
        return self.when or self.default_when

    @property
    def ordering(self):
        order = self.order or ("-start" if self.effective_when == PAST else "start")
        return (order, "-pk" if order.startswith("-") else "pk")

    def conditions(self):
        """The filters and the time span as one condition on events.

        Building it asks the database nothing, except for a series (its paths) and the
        search's words.
        """
        condition = Q()
        if self.date_from is not None:
            condition &= ending_from(moment(self.date_from, end_of_day=False))
        if self.date_to is not None:
            if isinstance(self.date_to, datetime.datetime):
                condition &= Q(start__lte=moment(self.date_to, end_of_day=True))
            else:
                condition &= starting_before(next_day_start(self.date_to))
        for values, condition_for in (
            (self.types, of_types),
            (self.topics, on_topics),
            (self.organisers, organised_by),
            (self.people, with_people),
        ):
            if values:
                condition &= condition_for(values)
        if self.status:
            condition &= Q(status=self.status)
        if self.language:
            condition &= Q(locale__language_code=self.language)
        if self.index is not None:
            # Below the index, as ``descendant_of`` has it.
            condition &= Q(path__startswith=self.index.path, depth__gt=self.index.depth)
        if self.person is not None:
            condition &= with_person(self.person)
        if self.series:
            condition &= in_series(self.series, self.language)
        condition &= events_matching(self.q)
        return condition & self._time_span()

    def apply(self, events):
        """``events`` narrowed to what the listing asks for, in its order."""
        return events.filter(self.conditions()).order_by(*self.ordering)

    def _time_span(self):
        now = timezone.now()
        when = self.effective_when
        if when == UPCOMING:
            return ending_from(now)
        if when == PAST:
            return Q(end__lt=now)
        return Q()

    def is_filtered(self):
        """Whether anything besides the time, place and language narrows the events."""
        return any(
            (
                self.date_from,
                self.date_to,
                self.types,
                self.topics,
                self.organisers,
                self.people,
                self.status,
                self.q,
            )
        )


def listed_events(listing):
    """The public events the listing asks for, in its order (not yet fetched)."""
    return listing.apply(public_events(listing.locale))


def with_profile(listing, profile):
    """The listing with the embed profile's organisers, topics, language and number of events
    where the request set none (the names in ``listing.given``)."""
    given = listing.given
    defaults = {}
    if "organisers" not in given:
        defaults["organisers"] = tuple(profile.organisers.values_list("slug", flat=True))
    if "topics" not in given:
        defaults["topics"] = tuple(profile.topics.values_list("slug", flat=True))
    if "language" not in given and profile.language:
        defaults["language"] = profile.language
    if "limit" not in given:
        defaults["limit"] = profile.limit
    return replace(listing, profile=profile, **defaults)


def programme(index, *, when=UPCOMING, **filters):
    """The listing of the public events below an event index, in the index's language."""
    return EventListing(index=index, locale=index.locale, default_when=when, **filters)


def person_events(person, *, when=ALL):
    """The listing of the public events a person takes part in, in the person page's language."""
    return EventListing(person=person, locale=person.locale, default_when=when)
