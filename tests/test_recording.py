"""An event's recording: offered on its page, to search engines and in calendars once it is over.

Editors often enter the recording's address before the event (a channel's replay page). Until
the end the outputs offer the livestream; from the end they offer the recording, with no
publish: the time alone decides, within the cache timeout for what is cached.
"""

import datetime

import icalendar
import pytest
import time_machine
from bs4 import BeautifulSoup

from tests.factories import EventPageFactory, noon
from tests.test_jsonld import jsonld_in
from wagtail_events.conf import get_setting
from wagtail_events.models import EventPage

pytestmark = pytest.mark.django_db

RECORDING = "https://tv.example.org/opptak/hvem-tar-regningen"
API_CALENDAR = "/api/events.ics"
HOUR = datetime.timedelta(hours=1)


def recording_links(html):
    """The page's links to the recording, as (text, address)."""
    facts = BeautifulSoup(html, "html.parser").select(".we-event__facts a")
    return [(a.get_text(), a["href"]) for a in facts if a["href"] == RECORDING]


def descriptions(ics):
    return [
        str(vevent.get("DESCRIPTION", ""))
        for vevent in icalendar.Calendar.from_ical(ics).walk("VEVENT")
    ]


def event_ending(end, **fields):
    return EventPageFactory(
        parent=fields.pop("parent"),
        title="Hvem tar regningen?",
        slug="hvem-tar-regningen",
        lead="Kommunene må ruste seg.",
        start=end - HOUR,
        end=end,
        recording_url=RECORDING,
        **fields,
    )


def test_a_past_event_links_its_recording_and_an_upcoming_one_does_not(client, series):
    over = event_ending(noon(-1), parent=series)
    ahead = EventPageFactory(
        parent=series, start=noon(1), end=noon(1) + HOUR, recording_url=RECORDING
    )

    assert [href for _text, href in recording_links(client.get(over.url).content.decode())] == [
        RECORDING
    ]
    assert recording_links(client.get(ahead.url).content.decode()) == []
    assert RECORDING not in client.get(ahead.url).content.decode()


def test_english_visitors_are_offered_the_recording_in_english(
    client, series, translate_into_english
):
    event = event_ending(noon(-1), parent=series)
    english = translate_into_english(
        event,
        {
            "Hvem tar regningen?": "Who pays the bill?",
            "hvem-tar-regningen": "who-pays-the-bill",
            "Kommunene må ruste seg.": "Municipalities must prepare.",
        },
    )

    assert recording_links(client.get(english.url).content.decode()) == [
        ("Watch the recording", RECORDING)
    ]
    (description,) = descriptions(client.get(english.url + "calendar/").content)
    assert description == f"Recording: {RECORDING}\n\nMunicipalities must prepare."


def test_the_calendar_gives_the_recording_first_and_says_the_entry_changed_at_the_end(
    client, series
):
    end = noon(1)
    with time_machine.travel(end - 2 * HOUR, tick=False):
        event = event_ending(end, parent=series)
    with time_machine.travel(end + HOUR, tick=False):
        ics = client.get(event.url + "calendar/").content

    (vevent,) = icalendar.Calendar.from_ical(ics).walk("VEVENT")

    recording_line, lead = str(vevent["DESCRIPTION"]).split("\n\n")
    assert recording_line.endswith(f": {RECORDING}")
    assert lead == "Kommunene må ruste seg."
    # Published before it ended: the recording came in at the end, after the last publish.
    assert vevent.decoded("LAST-MODIFIED") == vevent.decoded("DTSTAMP") == end


def test_an_address_that_is_not_a_web_address_is_offered_nowhere(client, series):
    event = event_ending(noon(-1), parent=series)
    # Saved past the form's validation, as code may do.
    EventPage.objects.filter(pk=event.pk).update(recording_url="javascript:alert(1)")

    html = client.get(event.url).content.decode()
    assert "javascript:" not in html
    assert "recordedIn" not in jsonld_in(html)
    assert all(
        "javascript:" not in text
        for text in descriptions(client.get(event.url + "calendar/").content)
    )


def test_the_recording_comes_with_the_end_without_a_publish(client, series):
    # A minute past noon: not on a cache period's boundary, so a cached answer from before the
    # end would still be current for a while.
    end = noon(1) + datetime.timedelta(minutes=1)
    event = event_ending(end, parent=series)
    timeout = get_setting("CACHE_TIMEOUT")

    calendars = (event.url + "calendar/", API_CALENDAR)
    with time_machine.travel(end - datetime.timedelta(seconds=1), tick=False):
        html = client.get(event.url).content.decode()
        assert recording_links(html) == []
        assert "recordedIn" not in jsonld_in(html)
        before = {url: client.get(url) for url in calendars}
        for response in before.values():
            assert RECORDING not in response.content.decode()

    # The page is made for each request: the recording is there at once.
    with time_machine.travel(end + datetime.timedelta(seconds=1), tick=False):
        html = client.get(event.url).content.decode()
        assert [href for _text, href in recording_links(html)] == [RECORDING]
        assert jsonld_in(html)["recordedIn"] == {"@type": "CreativeWork", "url": RECORDING}

    # The calendars are cached, the event's as the API's, and their ETags too: both are stale
    # by the timeout.
    with time_machine.travel(end + datetime.timedelta(seconds=timeout), tick=False):
        for url, response in before.items():
            after = client.get(url, headers={"if-none-match": response["ETag"]})
            assert after.status_code == 200
            assert after["ETag"] != response["ETag"]
            assert RECORDING in descriptions(after.content)[0]
            assert RECORDING in descriptions(client.get(url).content)[0]
