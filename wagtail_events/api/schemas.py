"""The shapes of the API's responses, as the OpenAPI document describes them."""

import datetime
import uuid

from pydantic import BaseModel as Schema
from pydantic import Field

from ..queries import COUNT_STEP


class Term(Schema):
    id: int
    name: str
    slug: str


class Organisation(Term):
    short_name: str
    url: str = Field(description="The organisation's own website.")


class Venue(Term):
    street_address: str
    postcode: str
    city: str
    country: str
    country_code: str
    latitude: float | None
    longitude: float | None


class Rendition(Schema):
    url: str
    width: int
    height: int


class Image(Schema):
    alt: str
    width: int
    height: int
    renditions: dict[str, Rendition] = Field(
        description="'card' (640×360, cropped) and 'large' (1280 wide)."
    )


class PersonInEvent(Schema):
    person_id: int | None = Field(
        description="The person page in the source language (as in Wagtail's API v2)."
    )
    url: str | None
    name: str
    role: str
    role_label: str
    title: str = Field(description="The person's title at the time of the event.")
    organisation: Organisation | None = Field(
        description="The person's organisation at the time of the event."
    )
    phone: str = Field(description="Empty unless the editor made it public for this event.")
    email: str = Field(description="Empty unless the editor made it public for this event.")


class Questions(Schema):
    heading: str
    questions: list[str]


class AgendaPerson(Schema):
    id: int
    name: str
    url: str | None


class AgendaItem(Schema):
    day: datetime.date | None = Field(
        description="The day of an item in an agenda over several days: as the editor gave it, "
        "or else the day of the item before. Null when no day is given."
    )
    start_time: str | None = Field(description="Local time, HH:MM.")
    end_time: str | None
    title: str
    description: str
    people: list[AgendaPerson]


class Agenda(Schema):
    heading: str
    items: list[AgendaItem]


class Accessibility(Schema):
    wheelchair_accessible: bool
    accessible_toilet: bool
    hearing_loop: bool
    sign_language_interpreting: bool
    note: str


class Registration(Schema):
    required: bool
    url: str
    is_free: bool
    price: str
    capacity: int | None


class PageLink(Schema):
    id: int
    title: str
    url: str | None


class Translation(Schema):
    locale: str
    id: int
    url: str | None


class Event(Schema):
    id: int
    translation_key: uuid.UUID = Field(description="The same for every language version.")
    locale: str
    title: str
    lead: str
    url: str | None
    start: datetime.datetime = Field(description="In the event's time zone, with its offset.")
    end: datetime.datetime
    timezone: str
    all_day: bool
    when: str = Field(description="Date and time as people read them, in the event's language.")
    status: str
    status_label: str
    status_note: str
    previous_start: datetime.datetime | None = Field(
        description="The start before a rescheduled or postponed event moved."
    )
    attendance_mode: str
    attendance_label: str
    venue: Venue | None
    livestream_url: str
    recording_url: str
    organisers: list[Organisation]
    type: Term | None
    topics: list[Term]
    people: list[PersonInEvent]
    questions: list[Questions]
    agenda: list[Agenda]
    accessibility: Accessibility
    registration: Registration
    spoken_languages: list[str]
    image: Image | None
    ics_url: str | None = Field(description="The event's calendar file.")
    series: PageLink | None = Field(description="The programme or series the event is in.")
    translations: list[Translation] = Field(description="The other public language versions.")
    last_published_at: datetime.datetime | None


class EventDetail(Event):
    body_html: str


COUNT_DESCRIPTION = (
    f"How many items match, counted up to the next multiple of {COUNT_STEP} past this page: "
    "a lower bound when count_exact is false."
)
COUNT_EXACT_DESCRIPTION = "Whether count is every match, or the count stopped short."


class Colours(Schema):
    accent: str = Field(description="Links and the focus outline, as #rrggbb.")
    text: str = Field(description="Other text, as #rrggbb.")
    background: str = Field(description="The background, as #rrggbb.")


class EmbedProfile(Schema):
    slug: str
    name: str
    colours: Colours = Field(description="The colours the widget shows the events in.")


class EventList(Schema):
    count: int = Field(description=COUNT_DESCRIPTION)
    count_exact: bool = Field(description=COUNT_EXACT_DESCRIPTION)
    next: str | None
    previous: str | None
    items: list[Event]
    profile: EmbedProfile | None = Field(
        description="The embed profile named with the profile parameter; null without one."
    )


class Person(Schema):
    id: int
    translation_key: uuid.UUID
    locale: str
    name: str
    given_name: str
    family_name: str
    job_title: str
    organisation: Organisation | None
    bio_html: str
    phone: str = Field(description="Empty unless the editor made it public.")
    email: str = Field(description="Empty unless the editor made it public.")
    portrait: Image | None
    url: str | None
    ics_url: str | None = Field(description="A calendar of the events the person is in.")
    events_url: str = Field(description="The person's events in this API.")
    translations: list[Translation]
    last_published_at: datetime.datetime | None


class PersonList(Schema):
    count: int = Field(description=COUNT_DESCRIPTION)
    count_exact: bool = Field(description=COUNT_EXACT_DESCRIPTION)
    next: str | None
    previous: str | None
    items: list[Person]


class OrganisationItem(Organisation):
    locale: str
    events_url: str = Field(description="The organisation's events in this API.")


class VenueItem(Venue):
    locale: str


class TermItem(Term):
    locale: str


class Series(Schema):
    id: int
    translation_key: uuid.UUID
    locale: str
    title: str
    url: str | None
    parent_id: int | None = Field(description="The series this one is part of, if any.")
    ics_url: str | None
    feed_url: str | None
    events_url: str


class Message(Schema):
    detail: str


class ParameterError(Schema):
    type: str
    loc: list[str | int] = Field(description="Where the value is, e.g. ['query', 'limit'].")
    msg: str


class InvalidParameters(Schema):
    detail: list[ParameterError]
    message: str = Field(description="One line naming the invalid parameters.")
