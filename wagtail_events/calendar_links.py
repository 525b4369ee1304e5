"""Links that open one event in Google Calendar or Outlook on the web, ready to save.

Pure functions of an event and its address. The services take the event in the query string,
and browsers and servers refuse very long addresses, so the description is shortened until the
whole link fits in ``MAX_LINK_LENGTH`` characters; the event's own address is always kept.
"""

import datetime
from urllib.parse import urlencode

from django.utils.text import Truncator

from .ical import calendar_dates, event_location, plain_description

# Under the 2,048 characters that the strictest browsers, proxies and the services accept.
MAX_LINK_LENGTH = 2000

GOOGLE_CALENDAR = "https://calendar.google.com/calendar/render"
OUTLOOK_LIVE = "https://outlook.live.com/calendar/0/deeplink/compose"
OUTLOOK_OFFICE = "https://outlook.office.com/calendar/0/deeplink/compose"


def google_calendar_link(event, url):
    if event.all_day:
        # Like iCalendar, both services take the day after an all-day event as its end.
        start, end = calendar_dates(event)
        dates = f"{start:%Y%m%d}/{end:%Y%m%d}"
    else:
        dates = f"{_utc(event.start):%Y%m%dT%H%M%SZ}/{_utc(event.end):%Y%m%dT%H%M%SZ}"
    params = {
        "action": "TEMPLATE",
        "text": event.title,
        "dates": dates,
        "ctz": event.timezone,
        "location": event_location(event)[0],
        "details": plain_description(event),
    }
    return _fit(GOOGLE_CALENDAR, params, url, text_key="details", title_key="text")


def outlook_link(event, url, base=OUTLOOK_LIVE):
    """Outlook.com by default; pass ``base=OUTLOOK_OFFICE`` for Microsoft 365 accounts."""
    if event.all_day:
        start, end = (day.isoformat() for day in calendar_dates(event))
    else:
        start, end = (
            _utc(moment).strftime("%Y-%m-%dT%H:%M:%SZ") for moment in (event.start, event.end)
        )
    params = {
        "path": "/calendar/action/compose",
        "rru": "addevent",
        "subject": event.title,
        "startdt": start,
        "enddt": end,
        "allday": "true" if event.all_day else "false",
        "location": event_location(event)[0],
        "body": plain_description(event),
    }
    return _fit(base, params, url, text_key="body", title_key="subject")


def _utc(moment):
    return moment.astimezone(datetime.UTC)


def _fit(base, params, url, text_key, title_key):
    """The link, with ``url`` after the text; the text, then the title, give way until it fits."""

    def link(values):
        return f"{base}?{urlencode({**values, text_key: _join(values[text_key], url)})}"

    def fits(key, values):
        return lambda shortened: len(link({**values, key: shortened})) <= MAX_LINK_LENGTH

    for key in (text_key, title_key):
        params = {**params, key: _longest_fitting(params[key], fits(key, params))}
    return link(params)


def _longest_fitting(text, fits):
    """``text``, or its longest shortening (ending in “…”) that ``fits``; else nothing."""
    if fits(text):
        return text
    # Encoded length grows with the number of characters kept, so halving finds the longest.
    low, high = 0, len(text) - 1
    while low < high:
        middle = (low + high + 1) // 2
        if fits(Truncator(text).chars(middle)):
            low = middle
        else:
            high = middle - 1
    return Truncator(text).chars(low) if low else ""


def _join(text, url):
    return f"{text}\n\n{url}" if text else url
