"""Events to schema.org JSON-LD. Pure: no HTTP and no database access of its own.

:func:`event_data` turns one event, fetched by the read layer, into a dict in the event's own
language; :func:`script` turns such a dict into the ``<script>`` element for the page head. Editor
text reaches the page only through :func:`script`, which escapes it.
"""

import json
import re

from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from .choices import AttendanceMode, EventStatus, Role
from .weblinks import web_url

SCHEMA = "https://schema.org/"

EVENT_STATUS = {
    EventStatus.SCHEDULED: "EventScheduled",
    EventStatus.CANCELLED: "EventCancelled",
    EventStatus.POSTPONED: "EventPostponed",
    EventStatus.RESCHEDULED: "EventRescheduled",
    EventStatus.MOVED_ONLINE: "EventMovedOnline",
}

ATTENDANCE_MODE = {
    AttendanceMode.IN_PERSON: "OfflineEventAttendanceMode",
    AttendanceMode.ONLINE: "OnlineEventAttendanceMode",
    AttendanceMode.MIXED: "MixedEventAttendanceMode",
}

# Prices are free text; a structured price is given only when the text names an amount in
# Norwegian kroner: "NOK 200", "kr 150,-", "1 500 kr", "NOK 1,500, free for students", "200".
CURRENCY = "NOK"
_AMOUNT = r"(\d{1,3}(?:[ \u00a0.,]\d{3})+|\d+)(?:[.,](\d{1,2})\b)?(?:,-)?"
# "NOK", "kr", "kr." or "kroner", but not the "kr" in a word such as "ekstra".
_KRONER = r"(?<![^\W\d_])(?:NOK|kr(?:oner)?)(?![^\W\d_])\.?"
_PRICES = [
    re.compile(rf"{_KRONER}\s*{_AMOUNT}", re.IGNORECASE),
    re.compile(rf"{_AMOUNT}\s*{_KRONER}", re.IGNORECASE),
    re.compile(rf"^\s*{_AMOUNT}\s*$"),
]

# Characters that could end the <script> element or open an HTML comment inside it. JSON allows
# the \u escapes in any string, so the data reads the same.
_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def event_data(event, *, url, page_url, image_url=None, now=None):
    """The schema.org ``Event`` for ``event``, as a dict ready for :func:`script`.

    ``url`` is the event's absolute address, ``page_url(page)`` gives the absolute address of a
    linked page (the series, a person) and ``image_url`` is the absolute address of the image
    rendition, if there is one. ``now`` (by default the current time) decides whether the
    event is over: its recording and the state of its offer follow.
    """
    now = now or timezone.now()
    status = event.status
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "description": event.lead,
        "url": url,
        "startDate": _date(event, event.start),
        "endDate": _date(event, event.end),
        "eventStatus": SCHEMA + EVENT_STATUS.get(status, "EventScheduled"),
        "eventAttendanceMode": SCHEMA + ATTENDANCE_MODE[_attendance_mode(event)],
    }
    if status == EventStatus.RESCHEDULED and event.previous_start:
        data["previousStartDate"] = _date(event, event.previous_start)
    location = _location(event, url)
    if location:
        data["location"] = location[0] if len(location) == 1 else location
    if image_url:
        data["image"] = image_url
    organisers = [_organisation(org) for org in event.localized_organisers]
    if organisers:
        data["organizer"] = organisers
    performers = [_person(item, page_url) for item in event.people_in_event if _performs(item)]
    if performers:
        data["performer"] = performers
    series = event.series
    if series is not None and series.live:
        data["superEvent"] = _drop_empty(
            {"@type": "EventSeries", "name": series.title, "url": page_url(series)}
        )
    data["isAccessibleForFree"] = event.is_free
    offer = _offer(event, url, now)
    if offer:
        data["offers"] = offer
    # 0 is no capacity anyone would enter; the page shows none either.
    data["maximumAttendeeCapacity"] = event.capacity or None
    recording = event.recording_link(now)
    if recording:
        data["recordedIn"] = {"@type": "CreativeWork", "url": recording}
    data["inLanguage"] = _languages(event)
    return _drop_empty(data)


def script(data):
    """``data`` as a ``<script type="application/ld+json">`` element, safe inside HTML."""
    text = json.dumps(data, ensure_ascii=False).translate(_SCRIPT_ESCAPES)
    # Safe once escaped: the JSON holds no <, > or & of its own.
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))  # noqa: S308


def _date(event, value):
    """ISO 8601 in the event's own zone, with its UTC offset; whole days as dates."""
    local = value.astimezone(event.tzinfo)
    return local.date().isoformat() if event.all_day else local.isoformat()


def _attendance_mode(event):
    # An event moved online is attended online, whatever mode it was planned with.
    if event.status == EventStatus.MOVED_ONLINE:
        return AttendanceMode.ONLINE
    return event.attendance_mode


def _location(event, url):
    mode = _attendance_mode(event)
    places = []
    venue = event.localized_venue
    if venue is not None and mode != AttendanceMode.ONLINE:
        places.append(_place(venue))
    if mode != AttendanceMode.IN_PERSON:
        # Where to join; until the stream link is known, the event page says how.
        places.append(
            _drop_empty({"@type": "VirtualLocation", "url": web_url(event.livestream_url) or url})
        )
    return places


def _place(venue):
    address = _drop_empty(
        {
            "@type": "PostalAddress",
            "streetAddress": venue.street_address,
            "postalCode": venue.postcode,
            "addressLocality": venue.city,
            "addressCountry": venue.country_code,
        }
    )
    place = {"@type": "Place", "name": venue.name, "address": address}
    if venue.latitude is not None and venue.longitude is not None:
        place["geo"] = {
            "@type": "GeoCoordinates",
            "latitude": float(venue.latitude),
            "longitude": float(venue.longitude),
        }
    return place


def _organisation(organisation):
    return _drop_empty(
        {"@type": "Organization", "name": organisation.name, "url": web_url(organisation.url)}
    )


def _performs(item):
    # Contact people answer questions about the event; everyone else takes part in it.
    return item.role != Role.CONTACT and bool(item.display_name)


def _person(item, page_url):
    person = item.display_person
    organisation = item.display_organisation
    return _drop_empty(
        {
            "@type": "Person",
            "name": item.display_name,
            "jobTitle": item.title,
            "affiliation": _organisation(organisation) if organisation else None,
            "url": page_url(person) if person is not None and person.live else None,
        }
    )


def _offer(event, url, now):
    registration_url = web_url(event.registration_url)
    if not registration_url and (event.is_free or not event.price):
        return None
    offer = {"@type": "Offer", "url": registration_url or url}
    if event.is_free:
        offer.update(price="0", priceCurrency=CURRENCY)
    else:
        amount = _price(event.price)
        if amount is not None:
            offer.update(price=amount, priceCurrency=CURRENCY)
        offer["description"] = event.price
    offer["availability"] = SCHEMA + _availability(event, now)
    if event.first_published_at:
        # Registration opens when the event is announced: when this page was first published.
        published = event.first_published_at.astimezone(event.tzinfo).replace(microsecond=0)
        offer["validFrom"] = published.isoformat()
    return _drop_empty(offer)


def _availability(event, now):
    # The package does not count registrations, so it never says "sold out"; an offer for an
    # event that is over or cancelled is no longer offered at all.
    if event.status == EventStatus.CANCELLED or event.is_over(now):
        return "Discontinued"
    return "InStock"


def _price(text):
    """The first amount in kroner in a free-text price, as a decimal string; None if none."""
    matches = [match for pattern in _PRICES if (match := pattern.search(text or ""))]
    if not matches:
        return None
    whole, fraction = min(matches, key=lambda match: match.start()).groups()
    whole = int(re.sub(r"\D", "", whole))
    return f"{whole}.{fraction.ljust(2, '0')}" if fraction else str(whole)


def _languages(event):
    # The languages the event is held in; the page's own language when the editor gave none.
    languages = list(event.spoken_languages or []) or [event.locale.language_code]
    return languages[0] if len(languages) == 1 else languages


def _drop_empty(data):
    return {key: value for key, value in data.items() if value not in (None, "", [], {})}
