"""Calendar (.ics) responses for events, indexes and people. Views only fetch and respond."""

from django.http import HttpResponse
from django.utils.text import slugify

from .ical import build_calendar
from .queries import load_events, public_events

ICS_CONTENT_TYPE = "text/calendar; charset=utf-8"


def calendar_response(request, events, name, filename):
    body = build_calendar([(event, event.get_full_url(request)) for event in events], name)
    response = HttpResponse(body, content_type=ICS_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}.ics"'
    return response


def event_calendar(request, event):
    events = load_events(public_events().filter(pk=event.pk))
    return calendar_response(request, events, event.title, slugify(event.slug) or "event")


def index_calendar(request, index):
    events = load_events(public_events(index.locale).descendant_of(index).order_by("start"))
    return calendar_response(request, events, index.title, slugify(index.slug) or "events")


def person_calendar(request, person):
    queryset = public_events(person.locale).filter(
        event_people__person__translation_key=person.translation_key
    )
    events = load_events(queryset.distinct().order_by("start"))
    return calendar_response(request, events, person.title, slugify(person.slug) or "person")
