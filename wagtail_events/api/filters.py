"""The list parameters of the events API, validated by pydantic and documented in OpenAPI.

``EventQuery`` only parses: ``.listing()`` is the ``EventListing`` it asks for, the one the
event index pages, their calendars and feeds use too (``wagtail_events.listing``), so a filter
means the same on a page, in the API and in the widget.
"""

import datetime
from typing import Annotated, ClassVar, Literal

from django.conf import settings
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from ninja import Field, FilterSchema, Schema
from pydantic import StringConstraints, field_validator

from ..choices import EventStatus
from ..listing import ALL, PAST, UPCOMING, EventListing, moment
from ..models.embeds import MAX_LIMIT

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


def _slugs_field(description):
    return Field(None, description=description, max_length=MAX_VALUES)


class EventQuery(FilterSchema):
    """The list parameters: the filters (every value given must match), then language, time,
    order, page and profile."""

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
        last = moment(end, end_of_day=True)
        first = moment(start, end_of_day=False)
        if last < first or (not isinstance(end, datetime.datetime) and last == first):
            raise ValueError("'to' is before 'from'")
        return end

    # The span without 'when' or dates. The API lists everything, so data users can page
    # through the archive too; the widget sets UPCOMING.
    default_when: ClassVar[str] = ALL

    # The listing's names for the parameters that differ (see ``with_profile``).
    LISTING_NAMES: ClassVar[dict] = {
        "organiser": "organisers",
        "topic": "topics",
        "type": "types",
        "person": "people",
        "lang": "language",
    }

    def listing(self):
        """The ``EventListing`` these parameters ask for (the profile not yet applied)."""
        dated = self.date_from is not None or self.date_to is not None
        return EventListing(
            date_from=self.date_from,
            date_to=self.date_to,
            organisers=tuple(self.organiser or ()),
            types=tuple(self.type or ()),
            topics=tuple(self.topic or ()),
            people=tuple(self.person or ()),
            status=self.status,
            q=self.q,
            # With dates, the dates alone decide.
            when=self.when,
            default_when=ALL if dated else self.default_when,
            order=self.order,
            language=self.lang,
            series=self.series,
            limit=self.limit,
            offset=self.offset,
            given=frozenset(self.LISTING_NAMES.get(name, name) for name in self.model_fields_set),
        )

    def custom_expression(self):
        # Ninja's filtering, for whoever uses it, is the listing's.
        return self.listing().conditions()


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
