"""Events to iCalendar bytes, with icalendar. Pure: no HTTP and no database access of its own.

The same events give byte-identical output: stamps come from publication times, never "now",
and time zones are written in a fixed order. The clock decides one thing only: whether an
event is over, and so whether its recording is offered.
"""

import datetime
from typing import NamedTuple

from django.utils import timezone, translation
from django.utils.html import strip_tags
from django.utils.translation import gettext as _
from icalendar import Calendar, Event, Timezone, vCalAddress, vDuration, vText

from .blocks import questions_in
from .choices import AttendanceMode, EventStatus
from .conf import get_setting
from .weblinks import web_url

PRODID = "-//wagtail_events//Event programme//EN"

# RFC 5545 STATUS for each of our statuses; a postponed event has no settled time.
ICAL_STATUS = {
    EventStatus.SCHEDULED: "CONFIRMED",
    EventStatus.RESCHEDULED: "CONFIRMED",
    EventStatus.MOVED_ONLINE: "CONFIRMED",
    EventStatus.POSTPONED: "TENTATIVE",
    EventStatus.CANCELLED: "CANCELLED",
}


# RFC 5545 text may hold no control characters but the tab; line breaks are escaped as "\n".
# Strict calendar apps refuse files with others, which pasted text brings in (Word writes a
# vertical tab for a line break): carriage returns, vertical tabs and form feeds become line
# breaks, and the rest are left out.
_CONTROL_CHARACTERS = {code: None for code in [*range(0x20), 0x7F] if code not in (0x09, 0x0A)}
_CONTROL_CHARACTERS.update({0x0B: "\n", 0x0C: "\n", 0x0D: "\n"})


def ical_text(value):
    """``value`` as a calendar may carry it: line breaks as LF, no other control characters."""
    return value.replace("\r\n", "\n").translate(_CONTROL_CHARACTERS)


def event_uid(event):
    """Stable through edits, moves and translation: every language version is the same event."""
    return f"{event.translation_key}@{get_setting('ICAL_UID_DOMAIN')}"


def plain_description(event, now=None):
    """The status (when not plainly scheduled), the recording (once the event is over), the lead
    and the event's questions, as plain text.

    The status and the recording's label are in the event's own language, whatever language
    the request is in.
    """
    parts = []
    with translation.override(event.locale.language_code):
        if event.status != EventStatus.SCHEDULED:
            status = str(event.get_status_display())
            parts.append(f"{status}: {event.status_note.strip()}" if event.status_note else status)
        recording = event.recording_link(now)
        if recording:
            # Calendar apps show the description and make its addresses links; RFC 7986's
            # CONFERENCE is for joining a call and few apps show it, and URL is the page's.
            parts.append(_("Recording: %(url)s") % {"url": recording})
    if event.lead:
        parts.append(event.lead.strip())
    for heading, questions in questions_in(event.body):
        lines = [heading] if heading else []
        lines += [f"{n}. {q}" for n, q in enumerate(questions, start=1)]
        parts.append("\n".join(lines))
    return "\n\n".join(parts)


def location_text(venue):
    return ", ".join([venue.name, *venue.address_lines])


def event_location(event):
    """Where to go: the venue, or the livestream for an event held only online."""
    online_only = (
        event.attendance_mode == AttendanceMode.ONLINE or event.status == EventStatus.MOVED_ONLINE
    )
    venue = event.localized_venue
    if venue is not None and not (online_only and event.livestream_url):
        return location_text(venue), venue
    return event.livestream_url, None


def calendar_dates(event):
    """Start and end as calendars take them: local times, or whole days for all-day events."""
    if event.all_day:
        # DTEND is exclusive for whole days.
        return event.local_start.date(), event.local_end.date() + datetime.timedelta(days=1)
    return event.local_start, event.local_end


def build_vevent(event, url, now=None):
    now = now or timezone.now()
    component = Event()
    start, end = calendar_dates(event)
    stamp = event.last_published_at or event.first_published_at or event.start
    if event.recording_link(now):
        # The entry changed when the event ended and its recording came in, so apps that go by
        # LAST-MODIFIED take the new description.
        stamp = max(stamp, event.end)
    stamp = stamp.astimezone(datetime.UTC)
    component.add("uid", event_uid(event))
    component.add("dtstamp", stamp)
    component.add("last-modified", stamp)
    component.add("sequence", event.sequence)
    component.add("dtstart", start)
    component.add("dtend", end)
    component.add("summary", ical_text(event.title))
    description = ical_text(plain_description(event, now))
    if description:
        component.add("description", description)
    component.add("url", url)
    component.add("status", ICAL_STATUS.get(event.status, "CONFIRMED"))
    location, venue = event_location(event)
    if location:
        component.add("location", ical_text(location))
    if venue is not None and venue.latitude is not None and venue.longitude is not None:
        component.add("geo", (float(venue.latitude), float(venue.longitude)))
    organiser = _organizer(event)
    if organiser is not None:
        component.add("organizer", organiser)
    categories = event_categories(event)
    if categories:
        component.add("categories", [ical_text(name) for name in categories])
    return component


def event_categories(event):
    """The event type and topics, in the event's language."""
    return [term.name for term in (event.localized_event_type, *event.localized_topics) if term]


def _organizer(event):
    """The first organiser, reachable by the public contact's email or the organiser's site."""
    organisers = event.localized_organisers
    contact_email = next((p.public_email for p in event.contact_people if p.public_email), "")
    address = f"mailto:{contact_email}" if contact_email else ""
    if not address and organisers and web_url(organisers[0].url):
        address = organisers[0].url
    if not address:
        return None
    organizer = vCalAddress(address)
    if organisers:
        organizer.params["cn"] = vText(ical_text(organisers[0].name))
    return organizer


class CalendarEntry(NamedTuple):
    """One event as calendar text, with what the calendar around it needs to know.

    Plain data, so a list can cache each event's entry (see ``caching.cached_fragments``).
    """

    vevent: bytes
    tzids: tuple  # time zones its times name, which the calendar must define
    first: datetime.date
    last: datetime.date


def calendar_entry(event, url):
    component = build_vevent(event, url)
    # icalendar finds the TZIDs a component uses only from within a calendar.
    holder = Calendar()
    holder.add_component(component)
    return CalendarEntry(
        vevent=component.to_ical(),
        tzids=tuple(sorted(holder.get_missing_tzids())),
        first=event.start.date(),
        last=event.end.date(),
    )


def build_calendar(entries, name, refresh_interval=None):
    """``entries`` are ``CalendarEntry``s; ``name`` is the calendar's display name.

    ``refresh_interval`` (a timedelta) tells subscribing apps how often to fetch the calendar
    again; leave it out for a one-off download.
    """
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    # icalendar does not escape this non-standard property by itself.
    calendar.add("x-wr-calname", vText(ical_text(strip_tags(name))))
    if refresh_interval is not None:
        # RFC 7986 REFRESH-INTERVAL, and the older property Outlook reads.
        calendar.add("refresh-interval", refresh_interval, parameters={"VALUE": "DURATION"})
        calendar.add("x-published-ttl", vDuration(refresh_interval))
    if entries:
        tzids = sorted({tzid for entry in entries for tzid in entry.tzids})
        first = min(entry.first for entry in entries)
        last = max(entry.last for entry in entries)
        _add_timezones(calendar, tzids, first, last)
    # The events follow the time zones, as icalendar would write them had it built them all.
    text = calendar.to_ical()
    end = b"END:VCALENDAR\r\n"
    return text.removesuffix(end) + b"".join(entry.vevent for entry in entries) + end


def _add_timezones(calendar, tzids, first, last):
    """A VTIMEZONE for every TZID used, first in the file and sorted, so output is stable.

    Each covers the events with a year's margin, not 1970–2038.
    """
    margin = datetime.timedelta(days=366)
    for tzid in tzids:
        calendar.add_component(
            Timezone.from_tzid(tzid, first_date=first - margin, last_date=last + margin)
        )
