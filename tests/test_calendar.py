"""Calendar files a visitor downloads or subscribes to."""

import datetime
import zoneinfo

import icalendar
import pytest

from tests.factories import EventPageFactory, OrganisationFactory, PersonPageFactory
from wagtail_events.models import EventStatus, Role

pytestmark = pytest.mark.django_db

OSLO = zoneinfo.ZoneInfo("Europe/Oslo")


def test_event_calendar_file_has_one_event_in_oslo_time(client, series, people_index):
    contact = PersonPageFactory(parent=people_index)
    event = EventPageFactory(
        parent=series,
        title="Debatt; om KI, og helse",
        start=datetime.datetime(2025, 8, 12, 9, 0, tzinfo=OSLO),
        end=datetime.datetime(2025, 8, 12, 9, 45, tzinfo=OSLO),
        organisers=[OrganisationFactory(name="Hemit HF")],
        people=[{"person": contact, "role": Role.CONTACT, "contact_public": True}],
    )

    response = client.get(event.url + "calendar/")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = icalendar.Calendar.from_ical(response.content)
    (vevent,) = calendar.walk("VEVENT")
    assert str(vevent["SUMMARY"]) == "Debatt; om KI, og helse"
    assert vevent.decoded("DTSTART") == datetime.datetime(2025, 8, 12, 9, 0, tzinfo=OSLO)
    assert vevent["DTSTART"].params["TZID"] == "Europe/Oslo"
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Oslo"]
    assert str(vevent["UID"]).startswith(str(event.translation_key))
    assert str(vevent["URL"]).endswith(event.url)
    assert str(vevent["ORGANIZER"]) == f"mailto:{contact.email}"
    # The same content gives the same bytes.
    assert client.get(event.url + "calendar/").content == response.content


def test_cancelled_events_say_so_to_calendar_apps(client, series):
    event = EventPageFactory(parent=series, status=EventStatus.CANCELLED)
    calendar = icalendar.Calendar.from_ical(client.get(event.url + "calendar/").content)
    (vevent,) = calendar.walk("VEVENT")
    assert vevent["STATUS"] == "CANCELLED"


def test_draft_events_have_no_calendar_file(client, series):
    event = EventPageFactory(parent=series, publish=False)
    assert client.get(event.url + "calendar/").status_code == 404
