"""Events, people and snippets as the plain data the API returns (see ``schemas``).

Pure functions of objects the read layer has loaded: they make no queries of their own, so a
list costs the same queries at 5 and at 50 items. Texts are in each object's own language.
"""

import datetime

from django.utils import translation
from wagtail.rich_text import expand_db_html

from ..blocks import AGENDA, items_by_day, list_values, questions_in, raw_blocks
from ..choices import ACCESSIBILITY_FEATURES, roles
from ..images import image_data

# Image sizes the API offers: name -> Wagtail rendition filter.
IMAGE_RENDITIONS = {"card": "fill-640x360", "large": "width-1280"}


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


def term_data(term):
    return {"id": term.pk, "name": term.name, "slug": term.slug} if term else None


def organisation_data(organisation):
    if organisation is None:
        return None
    return {
        **term_data(organisation),
        "short_name": organisation.short_name,
        "url": organisation.url,
    }


def embed_profile_data(profile):
    if profile is None:
        return None
    return {"slug": profile.slug, "name": profile.name, "colours": profile.colours()}


def venue_data(venue):
    if venue is None:
        return None
    return {
        **term_data(venue),
        "street_address": venue.street_address,
        "postcode": venue.postcode,
        "city": venue.city,
        "country": venue.country,
        "country_code": venue.country_code,
        "latitude": float(venue.latitude) if venue.latitude is not None else None,
        "longitude": float(venue.longitude) if venue.longitude is not None else None,
    }


def person_in_event_data(request, item, role_labels):
    person = item.display_person
    return {
        # The source-language person page, as in Wagtail's API v2; ``url`` is the translation.
        "person_id": item.person_id,
        "url": page_url(request, person) if person is not None and person.live else None,
        "name": item.display_name,
        "role": item.role,
        "role_label": str(role_labels.get(item.role, item.role)),
        "title": item.title,
        "organisation": organisation_data(item.display_organisation),
        # Only what the editor made public for this event.
        "phone": item.public_phone,
        "email": item.public_email,
    }


def _time(value):
    return value[:5] if value else None


def questions_data(event):
    return [
        {"heading": heading, "questions": questions}
        for heading, questions in questions_in(event.body)
    ]


def agenda_data(request, event, pages):
    """Agenda items with their people, in the event's language where translated."""
    agendas = []
    for block in raw_blocks(event.body, AGENDA):
        items = []
        for day, day_items in items_by_day(list_values(block.get("items"))):
            items += [_agenda_item(request, event, pages, item, day) for item in day_items]
        agendas.append({"heading": block.get("heading") or "", "items": items})
    return agendas


def _agenda_item(request, event, pages, item, day):
    people = []
    for pk in list_values(item.get("people")):
        page = pages.get(pk) if pages else None
        if page is None:
            continue  # unpublished or deleted since
        shown = pages.of(page, event.locale_id)
        people.append({"id": shown.pk, "name": shown.title, "url": page_url(request, shown)})
    return {
        # As stored (YYYY-MM-DD), or the day of the item before, as the page shows it.
        "day": day or None,
        "start_time": _time(item.get("start_time")),
        "end_time": _time(item.get("end_time")),
        "title": item.get("title") or "",
        "description": item.get("description") or "",
        "people": people,
    }


def _iso(value, tzinfo):
    return value.astimezone(tzinfo).isoformat() if value else None


def event_data(request, event, pages=None, *, with_body_html=False):
    """Everything the API says about one event, in the event's language.

    ``pages`` holds the pages the agenda names and their translations (an ``i18n.RelatedPages``,
    see ``listing.find_events``).
    """
    tzinfo = event.tzinfo
    language = event.locale.language_code
    # What get_role_display() would look up, once per event rather than once per person.
    role_labels = dict(roles())
    with translation.override(language):
        flags = event.accessibility
        data = {
            "id": event.pk,
            "translation_key": str(event.translation_key),
            "locale": language,
            "title": event.title,
            "lead": event.lead,
            "url": page_url(request, event),
            "start": _iso(event.start, tzinfo),
            "end": _iso(event.end, tzinfo),
            "timezone": event.timezone,
            "all_day": event.all_day,
            "when": event.when,
            "status": event.status,
            "status_label": str(event.get_status_display()),
            "status_note": event.status_note,
            "previous_start": _iso(event.previous_start, tzinfo),
            "attendance_mode": event.attendance_mode,
            "attendance_label": str(event.get_attendance_mode_display()),
            "venue": venue_data(event.localized_venue),
            "livestream_url": event.livestream_url,
            "recording_url": event.recording_url,
            "organisers": [organisation_data(o) for o in event.localized_organisers],
            "type": term_data(event.localized_event_type),
            "topics": [term_data(topic) for topic in event.localized_topics],
            "people": [
                person_in_event_data(request, item, role_labels) for item in event.people_in_event
            ],
            "questions": questions_data(event),
            "agenda": agenda_data(request, event, pages),
            "accessibility": {
                **{name: bool(flags[name]) for name, _label in ACCESSIBILITY_FEATURES},
                "note": flags["note"],
            },
            "registration": {
                "required": event.registration_required,
                "url": event.registration_url,
                "is_free": event.is_free,
                "price": event.price,
                "capacity": event.capacity,
            },
            "spoken_languages": list(event.spoken_languages or []),
            "image": image_data(request, event.image),
            "ics_url": route_url(request, event, "calendar"),
            "series": _series_data(request, event.in_language.series),
            "translations": translations_data(request, event.in_language.translations),
            "last_published_at": _iso(event.last_published_at, datetime.UTC),
        }
        if with_body_html:
            data["body_html"] = str(event.body)
    return data


def _series_data(request, series):
    if series is None:
        return None
    return {"id": series.pk, "title": series.title, "url": page_url(request, series)}


def translations_data(request, pages):
    return [
        {"locale": page.locale.language_code, "id": page.pk, "url": page_url(request, page)}
        for page in pages
    ]


def person_data(request, person, events_url):
    """What the API says about a person: public contact details only."""
    with translation.override(person.locale.language_code):
        url = page_url(request, person)
        return {
            "id": person.pk,
            "translation_key": str(person.translation_key),
            "locale": person.locale.language_code,
            "name": person.full_name,
            "given_name": person.given_name,
            "family_name": person.family_name,
            "job_title": person.job_title,
            "organisation": organisation_data(person.localized_organisation),
            "bio_html": expand_db_html(person.bio),
            "phone": person.public_phone,
            "email": person.public_email,
            "portrait": image_data(request, person.portrait),
            "url": url,
            "ics_url": route_url(request, person, "calendar"),
            "events_url": events_url,
            "translations": translations_data(request, person.in_language.translations),
            "last_published_at": _iso(person.last_published_at, datetime.UTC),
        }
