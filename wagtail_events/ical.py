"""Events to iCalendar bytes, with icalendar. Pure: no HTTP and no database access of its own.

The same events give byte-identical output: stamps come from publication times, never "now".
"""

import datetime

from django.utils.html import strip_tags
from icalendar import Calendar, Event, vCalAddress, vText

from .conf import get_setting
from .models import EventStatus

PRODID = "-//wagtail_events//Event programme//EN"

# RFC 5545 STATUS for each of our statuses; a postponed event has no settled time.
ICAL_STATUS = {
    EventStatus.SCHEDULED: "CONFIRMED",
    EventStatus.RESCHEDULED: "CONFIRMED",
    EventStatus.MOVED_ONLINE: "CONFIRMED",
    EventStatus.POSTPONED: "TENTATIVE",
    EventStatus.CANCELLED: "CANCELLED",
}


def event_uid(event):
    """Stable through edits, moves and translation: every language version is the same event."""
    return f"{event.translation_key}@{get_setting('ICAL_UID_DOMAIN')}"


def plain_description(event):
    """The lead and the event's questions, as plain text."""
    parts = [event.lead.strip()] if event.lead else []
    for block in event.body:
        if block.block_type != "questions":
            continue
        lines = [block.value["heading"]] if block.value["heading"] else []
        lines += [f"{n}. {q}" for n, q in enumerate(block.value["questions"], start=1)]
        parts.append("\n".join(lines))
    return "\n\n".join(parts)


def location_text(venue):
    return ", ".join([venue.name, *venue.address_lines])


def _dates(event):
    if event.all_day:
        # DTEND is exclusive for whole days.
        return event.local_start.date(), event.local_end.date() + datetime.timedelta(days=1)
    return event.local_start, event.local_end


def build_vevent(event, url):
    component = Event()
    start, end = _dates(event)
    stamp = (event.last_published_at or event.first_published_at or event.start).astimezone(
        datetime.UTC
    )
    component.add("uid", event_uid(event))
    component.add("dtstamp", stamp)
    component.add("last-modified", stamp)
    component.add("sequence", event.sequence)
    component.add("dtstart", start)
    component.add("dtend", end)
    component.add("summary", event.title)
    description = plain_description(event)
    if description:
        component.add("description", description)
    component.add("url", url)
    component.add("status", ICAL_STATUS.get(event.status, "CONFIRMED"))
    venue = event.localized_venue
    if venue is not None:
        component.add("location", location_text(venue))
        if venue.latitude is not None and venue.longitude is not None:
            component.add("geo", (float(venue.latitude), float(venue.longitude)))
    elif event.livestream_url:
        component.add("location", event.livestream_url)
    organiser = _organizer(event)
    if organiser is not None:
        component.add("organizer", organiser)
    categories = [
        term.name for term in (event.localized_event_type, *event.localized_topics) if term
    ]
    if categories:
        component.add("categories", categories)
    return component


def _organizer(event):
    """The first organiser, reachable by the public contact's email or the organiser's site."""
    organisers = event.localized_organisers
    contact_email = next((p.public_email for p in event.contact_people if p.public_email), "")
    address = f"mailto:{contact_email}" if contact_email else ""
    if not address and organisers and organisers[0].url:
        address = organisers[0].url
    if not address:
        return None
    organizer = vCalAddress(address)
    if organisers:
        organizer.params["cn"] = vText(organisers[0].name)
    return organizer


def build_calendar(items, name):
    """``items`` are (event, absolute url) pairs; ``name`` is the calendar's display name."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    # icalendar does not escape this non-standard property by itself.
    calendar.add("x-wr-calname", vText(strip_tags(name)))
    starts = []
    for event, url in items:
        calendar.add_component(build_vevent(event, url))
        starts += [event.start.date(), event.end.date()]
    if starts:
        # A VTIMEZONE that covers the events with a year's margin, not 1970–2038.
        margin = datetime.timedelta(days=366)
        calendar.add_missing_timezones(
            first_date=min(starts) - margin, last_date=max(starts) + margin
        )
    return calendar.to_ical()
