"""The list parameters of the events API, validated by pydantic and documented in OpenAPI.

The conditions themselves are the ones the event index pages use (``wagtail_events.filters``),
so a filter means the same on a page, in the API and in the widget.
"""

import datetime
from typing import Annotated, ClassVar, Literal

from django.conf import settings
from django.db.models import Q
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from ninja import Field, FilterSchema, Schema
from pydantic import PrivateAttr, StringConstraints, field_validator

from .. import filters
from ..filters import ALL, PAST, UPCOMING
from ..models.embeds import MAX_LIMIT
from ..models.events import EventStatus

# A request may name this many organisers, topics, types or people.
MAX_VALUES = 20
# Page ids are 32-bit; a larger one is an invalid parameter, not a database error.
MAX_PAGE_ID = 2**31 - 1
LANGUAGES = tuple(code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES)
Language = Literal[LANGUAGES]  # type: ignore[valid-type]
# PostgreSQL cannot compare text with a NUL character, so a value with one is invalid.
NO_NUL = r"^[^\x00]*$"
Slugs = list[Annotated[str, StringConstraints(pattern=NO_NUL)]] | None
DateOrDateTime = datetime.datetime | datetime.date | None


def _date_or_datetime(value):
    """A day (``2025-08-12``) or a moment (``2025-08-12T09:00``, site time unless an offset)."""
    if value is None or isinstance(value, datetime.date):
        return value
    text = str(value).strip()
    try:
        day = parse_date(text)
        moment = None if day else parse_datetime(text)
    except ValueError:
        day = moment = None
    if day is None and moment is None:
        raise ValueError("not a date (YYYY-MM-DD) or date-time (YYYY-MM-DDTHH:MM[±HH:MM])")
    if moment is not None and timezone.is_naive(moment):
        moment = timezone.make_aware(moment)
    return day or moment


def _moment(value, *, end_of_day):
    """The instant in UTC: a datetime as it is, a day as its start or the start of the next.

    A moment beyond the ends of the calendar in UTC (midnight on 0001-01-01 in Oslo is still
    in year 0 there) is its first or last instant: every valid date is answered, none overflows.
    """
    if value is None:
        return value
    if not isinstance(value, datetime.datetime):
        return filters.next_day_start(value) if end_of_day else filters.day_start(value)
    try:
        # In UTC, as PostgreSQL takes offsets up to 15:59 only (Python up to 23:59).
        return value.astimezone(datetime.UTC)
    except OverflowError:
        return filters.EARLIEST if value.year == 1 else filters.LATEST


def _slugs_field(description):
    return Field(None, description=description, max_length=MAX_VALUES)


class EventFilters(FilterSchema):
    """What narrows the list of events. Every value given must match."""

    date_from: DateOrDateTime = Field(
        None,
        alias="from",
        description="Events that end on or after this day (or moment). "
        "A date-time without an offset is in the site's time zone.",
    )
    date_to: DateOrDateTime = Field(
        None,
        alias="to",
        description="Events that start on or before this day (or before this moment).",
    )
    organiser: Slugs = _slugs_field(
        "Organisation slug; repeat for several (events by any of them). "
        "An unknown slug matches nothing: the list is empty, not an error."
    )
    type: Slugs = _slugs_field("Event type slug; repeat for several.")
    topic: Slugs = _slugs_field("Topic slug; repeat for several.")
    person: Slugs = _slugs_field("Person page slug (in any language); repeat for several.")
    status: EventStatus | None = Field(None, description="Only events with this status.")
    q: str | None = Field(
        None,
        max_length=200,
        pattern=NO_NUL,
        description="Words that must all be found, as the site's search finds them (with its "
        "stemming), in the title, lead or body, or the name of a person or organisation. "
        "Punctuation is ignored; the same words give the same events as the search page.",
    )

    _normalise_dates = field_validator("date_from", "date_to", mode="before")(
        classmethod(lambda cls, value: _date_or_datetime(value))
    )

    @field_validator("date_to")
    @classmethod
    def _not_before_from(cls, end, info):
        start = info.data.get("date_from")
        if start is None or end is None:
            return end
        # A day as 'to' runs to its end (the next day's start), so it may hold a 'from' time.
        last = _moment(end, end_of_day=True)
        first = _moment(start, end_of_day=False)
        if last < first or (not isinstance(end, datetime.datetime) and last == first):
            raise ValueError("'to' is before 'from'")
        return end

    def moment_from(self):
        return _moment(self.date_from, end_of_day=False)

    def moment_to(self):
        return _moment(self.date_to, end_of_day=True)

    def filter_date_from(self, value):
        return filters.ending_from(self.moment_from()) if value is not None else Q()

    def filter_date_to(self, value):
        if value is None:
            return Q()
        if isinstance(value, datetime.datetime):
            return Q(start__lte=self.moment_to())
        return filters.starting_before(self.moment_to())

    def filter_organiser(self, value):
        return filters.organised_by(value) if value else Q()

    def filter_type(self, value):
        return filters.of_types(value) if value else Q()

    def filter_topic(self, value):
        return filters.on_topics(value) if value else Q()

    def filter_person(self, value):
        return filters.with_people(value) if value else Q()

    def filter_status(self, value):
        return Q(status=value) if value else Q()


class EventQuery(EventFilters):
    """The list parameters: the filters, then language, time, order, page and profile."""

    lang: Language = Field(
        settings.LANGUAGE_CODE, description="The language version of the events to list."
    )
    when: Literal[UPCOMING, PAST, ALL] | None = Field(
        None,
        description="Events not yet over, over, or all. Without it: all (the widget: "
        "upcoming, unless 'from' or 'to' is given, when the dates alone decide).",
    )
    series: int | None = Field(
        None,
        ge=1,
        le=MAX_PAGE_ID,
        description="Id of an event index (programme or series), in any language.",
    )
    order: Literal["start", "-start"] | None = Field(
        None,
        description="By start time; '-start' newest first. Default: past events newest "
        "first, others soonest first.",
    )
    limit: int = Field(20, ge=1, le=MAX_LIMIT, description="How many events per page.")
    offset: int = Field(0, ge=0, le=100_000, description="How many events to skip.")
    profile: str | None = Field(
        None,
        max_length=64,
        pattern=r"^[-a-zA-Z0-9_]+$",
        description="An embed profile's slug: its organisers, topics, language and number of "
        "events apply where the request does not set them.",
    )

    def filter_lang(self, value):
        return Q(locale__language_code=value)

    # The embed profile whose defaults were applied (see listing.with_profile).
    _embed_profile: object = PrivateAttr(None)

    @property
    def embed_profile(self):
        return self._embed_profile

    def custom_expression(self):
        # The time span applies even when 'when' is left out, which the fields alone skip.
        return self._connect_fields() & self._time_span()

    def _time_span(self):
        now = timezone.now()
        when = self.effective_when
        if when == UPCOMING:
            return filters.ending_from(now)
        if when == PAST:
            return Q(end__lt=now)
        return Q()

    # Parameters that choose the page or the defaults, not a condition.
    def _no_condition(self, value):
        return Q()

    # The search and the series ask the database; the listing applies them (see
    # ``listing.matching_events``), so building the conditions never does.
    filter_when = filter_series = filter_q = filter_order = _no_condition
    filter_limit = filter_offset = filter_profile = _no_condition

    # The span without 'when' or dates. The API lists everything, so data users can page
    # through the archive too; the widget sets UPCOMING.
    default_when: ClassVar[str] = ALL

    @property
    def effective_when(self):
        if self.when:
            return self.when
        return ALL if (self.date_from or self.date_to) else self.default_when

    @property
    def ordering(self):
        order = self.order or ("-start" if self.effective_when == PAST else "start")
        return (order, "-pk" if order.startswith("-") else "pk")


class ListParameters(Schema):
    """Language and page for the small lists (people, organisations, ...)."""

    lang: Language = Field(settings.LANGUAGE_CODE, description="The language version to list.")
    limit: int = Field(100, ge=1, le=500, description="How many per page.")
    offset: int = Field(0, ge=0, le=100_000, description="How many to skip.")


class PersonQuery(ListParameters):
    limit: int = Field(20, ge=1, le=MAX_LIMIT, description="How many people per page.")
    q: str | None = Field(
        None,
        max_length=200,
        pattern=NO_NUL,
        description="Words that must all be found in a name, title, biography or organisation, "
        "as the site's search finds them.",
    )
    organisation: str | None = Field(
        None,
        max_length=255,
        pattern=NO_NUL,
        description="Organisation slug: people who work there now.",
    )
