"""What the APIs say about each thing: its shape, and how it is read from the read layer's objects.

Each shape is a django-ninja ``Schema``. Its fields are what the events API returns and what
its OpenAPI document describes; its resolvers (``resolve_<field>``) read the field from the
objects the read layer loaded, so rendering makes no queries of its own and a list costs the
same queries at 5 and at 50 items. Wagtail's API v2 gives its nested fields in the same shapes
(see ``wagtail_events.api_v2.fields``).

``render(shape, obj, request)`` gives an object's data in a shape, ready for JSON; URLs are
absolute, on the host of ``request``. Texts are in each object's own language.
"""

import datetime
import uuid
from typing import Annotated
from urllib.parse import urlencode

from django.urls import reverse
from django.utils import translation
from ninja import Schema
from ninja.schema import DjangoGetter
from pydantic import ConfigDict, Field, PlainSerializer, WithJsonSchema, model_validator
from wagtail.images.models import SourceImageIOError
from wagtail.rich_text import expand_db_html

from ..blocks import AGENDA, items_by_day, list_values, questions_in, raw_blocks
from ..choices import ACCESSIBILITY_FEATURES
from ..images import IMAGE_RENDITIONS

# A moment as Python writes it, with its offset ("+00:00", where pydantic would write "Z").
Moment = Annotated[
    datetime.datetime,
    PlainSerializer(datetime.datetime.isoformat, return_type=str, when_used="json"),
    WithJsonSchema({"type": "string", "format": "date-time"}),
]


def render(shape, obj, request, **context):
    """``obj`` in ``shape``, as data ready for JSON. ``context`` goes on to the resolvers."""
    validated = shape.model_validate(obj, context={"request": request, **context})
    return validated.model_dump(mode="json")


def page_url(request, page):
    """The page's full URL, worked out once per page and request: lists name pages often."""
    if page is None:
        return None
    urls = request.__dict__.setdefault("_wagtail_events_page_urls", {})
    if page.pk not in urls:
        urls[page.pk] = page.get_full_url(request)
    return urls[page.pk]


def route_url(request, page, route):
    """The absolute URL of one of a routable page's routes, e.g. its calendar."""
    url = page_url(request, page)
    return url + page.reverse_subpage(route) if url else None


def api_url(request, name, **params):
    """The absolute URL of one of the events API's operations, in the API serving ``request``
    (the package's own, or a site's that mounts its router)."""
    url = reverse(f"{request.resolver_match.namespace}:{name}")
    query = urlencode(params, doseq=True)
    return request.build_absolute_uri(f"{url}?{query}" if query else url)


def _language_of(obj):
    return obj.locale.language_code


class Shape(Schema):
    """A shape of the APIs' data.

    From a read object, each field is read from the attribute its alias names, or else its
    own, or worked out by its resolver. Data already in the shape (a dict: what a resolver
    worked out whole, or an answer read back by a client) is taken as it is, by field name.
    """

    model_config = ConfigDict(from_attributes=True, populate_by_name=True)

    @model_validator(mode="wrap")
    @classmethod
    def _run_root_validator(cls, values, handler, info):
        # In place of ninja's own, which would run the resolvers on a dict too.
        if not isinstance(values, dict):
            values = DjangoGetter(values, cls, info.context)
        return handler(values)


class InItsLanguage(Shape):
    """A page's shape, its labels and dates in the page's own language, not the request's."""

    @model_validator(mode="wrap")
    @classmethod
    def _in_its_language(cls, values, handler):
        if isinstance(values, dict):
            return handler(values)
        with translation.override(values.locale.language_code):
            return handler(values)

    resolve_locale = staticmethod(_language_of)


class Term(Shape):
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


class Rendition(Shape):
    url: str
    width: int
    height: int


class Image(Shape):
    alt: str
    width: int
    height: int
    renditions: dict[str, Rendition] = Field(
        description="'card' (640×360, cropped) and 'large' (1280 wide)."
    )

    @staticmethod
    def resolve_alt(image):
        return getattr(image, "default_alt_text", "") or image.title

    @staticmethod
    def resolve_renditions(image, context):
        # Those prefetched (see images.renditions_prefetch); missing ones are made.
        try:
            made = image.get_renditions(*IMAGE_RENDITIONS.values())
        except SourceImageIOError:
            made = {}  # the original file is gone: what shows it is still worth showing
        request = context["request"]
        return {
            name: {
                "url": request.build_absolute_uri(made[spec].url),
                "width": made[spec].width,
                "height": made[spec].height,
            }
            for name, spec in IMAGE_RENDITIONS.items()
            if spec in made
        }


class PersonInEvent(Shape):
    person_id: int | None = Field(
        description="The person page in the source language (as in Wagtail's API v2)."
    )
    url: str | None
    name: str = Field(alias="display_name")
    role: str
    role_label: str
    title: str = Field(description="The person's title at the time of the event.")
    organisation: Organisation | None = Field(
        alias="display_organisation",
        description="The person's organisation at the time of the event.",
    )
    # Only what the editor made public for this event.
    phone: str = Field(
        alias="public_phone", description="Empty unless the editor made it public for this event."
    )
    email: str = Field(
        alias="public_email", description="Empty unless the editor made it public for this event."
    )

    @staticmethod
    def resolve_url(item, context):
        # The person page in the event's language where it has a public translation.
        person = item.display_person
        if person is None or not person.live:
            return None
        return page_url(context["request"], person)

    @staticmethod
    def resolve_role_label(item):
        # In the event's language, not the request's: the APIs are not under /en/.
        with translation.override(item.page.locale.language_code):
            return str(item.get_role_display())


class Questions(Shape):
    heading: str
    questions: list[str]


class AgendaPerson(Shape):
    id: int
    name: str
    url: str | None


class AgendaItem(Shape):
    day: datetime.date | None = Field(
        description="The day of an item in an agenda over several days: as the editor gave it, "
        "or else the day of the item before. Null when no day is given."
    )
    start_time: str | None = Field(description="Local time, HH:MM.")
    end_time: str | None
    title: str
    description: str
    people: list[AgendaPerson]


class Agenda(Shape):
    heading: str
    items: list[AgendaItem]


class Accessibility(Shape):
    wheelchair_accessible: bool
    accessible_toilet: bool
    hearing_loop: bool
    sign_language_interpreting: bool
    note: str


class Registration(Shape):
    required: bool
    url: str
    is_free: bool
    price: str
    capacity: int | None


class PageLink(Shape):
    id: int
    title: str
    url: str | None

    @staticmethod
    def resolve_url(page, context):
        return page_url(context["request"], page)


class Translation(Shape):
    locale: str
    id: int
    url: str | None

    resolve_locale = staticmethod(_language_of)
    resolve_url = staticmethod(PageLink.resolve_url)


def _time(value):
    return value[:5] if value else None


def _in_tz(value, tzinfo):
    return value.astimezone(tzinfo) if value else None


# Everything the API says about one event, in the event's language. The agenda's people are
# looked up in context["pages"], the pages the agendas name and their translations (an
# i18n.RelatedPages, see api.listing.load_events_for_api). No docstring: the OpenAPI document
# would show it.
class Event(InItsLanguage):
    id: int
    translation_key: uuid.UUID = Field(description="The same for every language version.")
    locale: str
    title: str
    lead: str
    url: str | None
    start: Moment = Field(description="In the event's time zone, with its offset.")
    end: Moment
    timezone: str
    all_day: bool
    when: str = Field(description="Date and time as people read them, in the event's language.")
    status: str
    status_label: str
    status_note: str
    previous_start: Moment | None = Field(
        description="The start before a rescheduled or postponed event moved."
    )
    attendance_mode: str
    attendance_label: str
    venue: Venue | None = Field(alias="localized_venue")
    livestream_url: str
    recording_url: str
    organisers: list[Organisation] = Field(alias="localized_organisers")
    type: Term | None = Field(alias="localized_event_type")
    topics: list[Term] = Field(alias="localized_topics")
    people: list[PersonInEvent] = Field(alias="people_in_event")
    questions: list[Questions]
    agenda: list[Agenda]
    accessibility: Accessibility
    registration: Registration
    spoken_languages: list[str]
    image: Image | None
    ics_url: str | None = Field(description="The event's calendar file.")
    series: PageLink | None = Field(description="The programme or series the event is in.")
    translations: list[Translation] = Field(description="The other public language versions.")
    last_published_at: Moment | None

    @staticmethod
    def resolve_url(event, context):
        return page_url(context["request"], event)

    @staticmethod
    def resolve_start(event):
        return _in_tz(event.start, event.tzinfo)

    @staticmethod
    def resolve_end(event):
        return _in_tz(event.end, event.tzinfo)

    @staticmethod
    def resolve_previous_start(event):
        return _in_tz(event.previous_start, event.tzinfo)

    @staticmethod
    def resolve_status_label(event):
        return str(event.get_status_display())

    @staticmethod
    def resolve_attendance_label(event):
        return str(event.get_attendance_mode_display())

    @staticmethod
    def resolve_questions(event):
        return [
            {"heading": heading, "questions": questions}
            for heading, questions in questions_in(event.body)
        ]

    @staticmethod
    def resolve_agenda(event, context):
        """Agenda items with their people, in the event's language where translated."""
        agendas = []
        for block in raw_blocks(event.body, AGENDA):
            items = []
            for day, day_items in items_by_day(list_values(block.get("items"))):
                items += [_agenda_item(event, item, day, context) for item in day_items]
            agendas.append({"heading": block.get("heading") or "", "items": items})
        return agendas

    @staticmethod
    def resolve_accessibility(event):
        flags = event.accessibility
        return {
            **{name: bool(flags[name]) for name, _label in ACCESSIBILITY_FEATURES},
            "note": flags["note"],
        }

    @staticmethod
    def resolve_registration(event):
        return {
            "required": event.registration_required,
            "url": event.registration_url,
            "is_free": event.is_free,
            "price": event.price,
            "capacity": event.capacity,
        }

    @staticmethod
    def resolve_spoken_languages(event):
        return list(event.spoken_languages or [])

    @staticmethod
    def resolve_ics_url(event, context):
        return route_url(context["request"], event, "calendar")

    @staticmethod
    def resolve_last_published_at(event):
        return _in_tz(event.last_published_at, datetime.UTC)


def _agenda_item(event, item, day, context):
    pages = context.get("pages")
    people = []
    for pk in list_values(item.get("people")):
        page = pages.get(pk) if pages else None
        if page is None:
            continue  # unpublished or deleted since
        shown = pages.of(page, event.locale_id)
        people.append(
            {"id": shown.pk, "name": shown.title, "url": page_url(context["request"], shown)}
        )
    return {
        # As stored (YYYY-MM-DD), or the day of the item before, as the page shows it.
        "day": day or None,
        "start_time": _time(item.get("start_time")),
        "end_time": _time(item.get("end_time")),
        "title": item.get("title") or "",
        "description": item.get("description") or "",
        "people": people,
    }


class EventDetail(Event):
    body_html: str

    @staticmethod
    def resolve_body_html(event):
        return str(event.body)


# What the API says about a person: public contact details only.
class Person(InItsLanguage):
    id: int
    translation_key: uuid.UUID
    locale: str
    name: str = Field(alias="full_name")
    given_name: str
    family_name: str
    job_title: str
    organisation: Organisation | None = Field(alias="localized_organisation")
    bio_html: str
    phone: str = Field(alias="public_phone", description="Empty unless the editor made it public.")
    email: str = Field(alias="public_email", description="Empty unless the editor made it public.")
    portrait: Image | None
    url: str | None
    ics_url: str | None = Field(description="A calendar of the events the person is in.")
    events_url: str = Field(description="The person's events in this API.")
    translations: list[Translation] = Field(alias="in_language.translations")
    last_published_at: Moment | None

    @staticmethod
    def resolve_bio_html(person):
        return expand_db_html(person.bio)

    @staticmethod
    def resolve_url(person, context):
        return page_url(context["request"], person)

    @staticmethod
    def resolve_ics_url(person, context):
        return route_url(context["request"], person, "calendar")

    @staticmethod
    def resolve_events_url(person, context):
        lang = person.locale.language_code
        return api_url(context["request"], "events", person=person.slug, lang=lang)

    resolve_last_published_at = staticmethod(Event.resolve_last_published_at)


class Colours(Shape):
    accent: str = Field(description="Links and the focus outline, as #rrggbb.")
    text: str = Field(description="Other text, as #rrggbb.")
    background: str = Field(description="The background, as #rrggbb.")


class EmbedProfile(Shape):
    slug: str
    name: str
    colours: Colours = Field(description="The colours the widget shows the events in.")

    @staticmethod
    def resolve_colours(profile):
        return profile.colours()


# Snippets in a list of them, each with the language it is given in.


class OrganisationItem(Organisation):
    events_url: str = Field(description="The organisation's events in this API.")
    locale: str

    resolve_locale = staticmethod(_language_of)

    @staticmethod
    def resolve_events_url(organisation, context):
        # In the language the list was asked for.
        request, lang = context["request"], context["lang"]
        return api_url(request, "events", organiser=organisation.slug, lang=lang)


class VenueItem(Venue):
    locale: str

    resolve_locale = staticmethod(_language_of)


class TermItem(Term):
    locale: str

    resolve_locale = staticmethod(_language_of)


# An event index (a programme, festival or series) in a list of them. context["indexes"]
# holds the list's indexes by their tree path, to find each one's parent among them;
# context["lang"] is the language the list was asked for.
class Series(Shape):
    id: int
    translation_key: uuid.UUID
    locale: str
    title: str
    url: str | None
    parent_id: int | None = Field(description="The series this one is part of, if any.")
    ics_url: str | None
    feed_url: str | None
    events_url: str

    resolve_locale = staticmethod(_language_of)
    resolve_url = staticmethod(PageLink.resolve_url)

    @staticmethod
    def resolve_parent_id(index, context):
        parent = context["indexes"].get(index.path[: -index.steplen])
        return parent.pk if parent else None

    @staticmethod
    def resolve_ics_url(index, context):
        return route_url(context["request"], index, "calendar")

    @staticmethod
    def resolve_feed_url(index, context):
        return route_url(context["request"], index, "feed")

    @staticmethod
    def resolve_events_url(index, context):
        request, lang = context["request"], context["lang"]
        return api_url(request, "events", series=index.pk, lang=lang)
