"""Calendar files a visitor downloads or subscribes to, and the links that lead to them."""

import datetime
import re
import zoneinfo
from decimal import Decimal
from html.parser import HTMLParser
from urllib.parse import parse_qs, urlsplit

import icalendar
import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from tests import builders
from tests.factories import (
    EventPageFactory,
    EventTypeFactory,
    OrganisationFactory,
    PersonPageFactory,
    TopicFactory,
    VenueFactory,
)
from wagtail_events.calendar_links import (
    MAX_LINK_LENGTH,
    OUTLOOK_OFFICE,
    google_calendar_link,
    outlook_link,
)
from wagtail_events.models import AttendanceMode, EventIndexPage, EventPage, EventStatus, Role

# The ETags compared across requests name the cache period: one period for each test.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("one_cache_period")]

shared_tree, home_page, events_index, series, people_index = builders.tree_fixtures()

OSLO = zoneinfo.ZoneInfo("Europe/Oslo")
NEW_YORK = zoneinfo.ZoneInfo("America/New_York")


def calendar_of(client, url, **headers):
    response = client.get(url, headers=headers)
    assert response.status_code == 200, response
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return icalendar.Calendar.from_ical(response.content)


def calendar_name(calendar):
    # icalendar reads X- properties raw, without undoing the text escapes.
    raw = calendar["X-WR-CALNAME"].to_ical().decode()
    return re.sub(r"\\([\\;,nN])", lambda m: {"n": "\n", "N": "\n"}.get(m[1], m[1]), raw)


def summaries(calendar):
    return [str(vevent["SUMMARY"]) for vevent in calendar.walk("VEVENT")]


def from_now(**delta):
    return timezone.now().replace(microsecond=0) + datetime.timedelta(**delta)


def publish(event, **changes):
    """Publish a new revision of the event with ``changes``, as an editor would."""
    page = EventPage.objects.get(pk=event.pk).get_latest_revision_as_object()
    for name, value in changes.items():
        setattr(page, name, value)
    page.save_revision().publish()
    return EventPage.objects.get(pk=event.pk)


# --- one event ------------------------------------------------------------------------------


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
    assert response["Content-Disposition"] == f'attachment; filename="{event.slug}.ics"'
    calendar = icalendar.Calendar.from_ical(response.content)
    (vevent,) = calendar.walk("VEVENT")
    assert str(vevent["SUMMARY"]) == "Debatt; om KI, og helse"
    assert vevent.decoded("DTSTART") == datetime.datetime(2025, 8, 12, 9, 0, tzinfo=OSLO)
    assert vevent["DTSTART"].params["TZID"] == "Europe/Oslo"
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Oslo"]
    assert str(vevent["UID"]) == f"{event.translation_key}@wagtail-events"
    assert str(vevent["URL"]) == f"http://localhost{event.url}"
    assert str(vevent["ORGANIZER"]) == f"mailto:{contact.email}"
    assert vevent["ORGANIZER"].params["CN"] == "Hemit HF"
    # The same content gives the same bytes.
    assert client.get(event.url + "calendar/").content == response.content


def test_event_calendar_file_carries_every_fact_a_calendar_app_shows(client, series):
    event = EventPageFactory(
        parent=series,
        title="Hvem tar regningen?",
        lead="Kommunene må ruste seg.",
        body=[
            ("rich_text", "<p>Ikke med i kalenderen.</p>"),
            (
                "questions",
                {"heading": "I debatten spør vi:", "questions": ["Hvem betaler?", "Når?"]},
            ),
        ],
        venue=VenueFactory(
            name="Arendal kulturhus",
            street_address="Friergangen 1",
            postcode="4836",
            city="Arendal",
            latitude=Decimal("58.461000"),
            longitude=Decimal("8.772000"),
        ),
        event_type=EventTypeFactory(name="Debatt"),
        topics=[TopicFactory(name="Klima, miljø"), TopicFactory(name="Økonomi")],
        organisers=[OrganisationFactory(name="KS", url="https://www.ks.no/")],
    )

    (vevent,) = calendar_of(client, event.url + "calendar/").walk("VEVENT")

    assert str(vevent["DESCRIPTION"]) == (
        "Kommunene må ruste seg.\n\nI debatten spør vi:\n1. Hvem betaler?\n2. Når?"
    )
    assert str(vevent["LOCATION"]).startswith("Arendal kulturhus, Friergangen 1, 4836")
    assert (vevent["GEO"].latitude, vevent["GEO"].longitude) == (58.461, 8.772)
    assert [str(c) for c in vevent["CATEGORIES"].cats] == ["Debatt", "Klima, miljø", "Økonomi"]
    # Without a public contact, the organiser is reached through its website.
    assert str(vevent["ORGANIZER"]) == "https://www.ks.no/"
    assert vevent["STATUS"] == "CONFIRMED"
    assert vevent["SEQUENCE"] == 0


def test_online_events_give_the_stream_as_their_location(client, series):
    event = EventPageFactory(
        parent=series,
        attendance_mode=AttendanceMode.ONLINE,
        livestream_url="https://stream.example.org/debatt",
    )
    (vevent,) = calendar_of(client, event.url + "calendar/").walk("VEVENT")
    assert str(vevent["LOCATION"]) == "https://stream.example.org/debatt"
    assert "GEO" not in vevent


def test_calendar_name_is_escaped(client, series):
    event = EventPageFactory(parent=series, title="Debatt; om KI, og helse\\data")
    content = client.get(event.url + "calendar/").content
    assert b"X-WR-CALNAME:Debatt\\; om KI\\, og helse\\\\data\r\n" in content
    calendar = icalendar.Calendar.from_ical(content)
    assert calendar_name(calendar) == "Debatt; om KI, og helse\\data"


def test_cancelled_events_say_so_to_calendar_apps(client, series):
    event = EventPageFactory(
        parent=series, status=EventStatus.CANCELLED, status_note="Innleder er syk."
    )
    calendar = icalendar.Calendar.from_ical(client.get(event.url + "calendar/").content)
    (vevent,) = calendar.walk("VEVENT")
    assert vevent["STATUS"] == "CANCELLED"
    assert str(vevent["DESCRIPTION"]).startswith("Avlyst: Innleder er syk.\n\n")


def test_all_day_events_are_whole_days(client, series):
    event = EventPageFactory(
        parent=series,
        all_day=True,
        start=datetime.datetime(2025, 8, 18, 0, 0, tzinfo=OSLO),
        end=datetime.datetime(2025, 8, 19, 23, 59, tzinfo=OSLO),
    )
    (vevent,) = calendar_of(client, event.url + "calendar/").walk("VEVENT")
    assert vevent.decoded("DTSTART") == datetime.date(2025, 8, 18)
    # DTEND is the day after the last day.
    assert vevent.decoded("DTEND") == datetime.date(2025, 8, 20)


def test_past_events_keep_their_calendar_file(client, series):
    event = EventPageFactory(parent=series, start=from_now(days=-800), end=from_now(days=-799))
    assert summaries(calendar_of(client, event.url + "calendar/")) == [event.title]


def test_uid_stays_through_edits_slug_moves_and_translation(
    client, events_index, series, translate_into_english, locale_en
):
    event = EventPageFactory(parent=series, title="Debatt", slug="debatt", lead="Ingress")

    def uid(page):
        (vevent,) = calendar_of(client, page.url + "calendar/").walk("VEVENT")
        return str(vevent["UID"])

    first = uid(event)
    event = publish(event, title="Ny tittel", slug="ny-adresse")
    other_series = events_index.add_child(instance=EventIndexPage(title="Andre", slug="andre"))
    event.move(other_series, pos="last-child")
    event = EventPage.objects.get(pk=event.pk)
    assert event.url == "/arrangementer/andre/ny-adresse/"
    english = translate_into_english(
        event, {"Ny tittel": "New title", "ny-adresse": "new-address", "Ingress": "Lead"}
    )

    assert uid(event) == first
    assert english.url.startswith("/en/")
    assert uid(english) == first


def test_sequence_rises_in_the_calendar_when_time_place_or_status_change(client, series):
    event = EventPageFactory(parent=series, start=from_now(days=5), end=from_now(days=5, hours=1))
    url = event.url + "calendar/"

    def sequence():
        (vevent,) = calendar_of(client, url).walk("VEVENT")
        return vevent["SEQUENCE"]

    assert sequence() == 0
    publish(event, lead="Ny ingress")
    assert sequence() == 0
    later = datetime.timedelta(hours=2)
    publish(event, start=event.start + later, end=event.end + later)
    assert sequence() == 1
    publish(event, venue=VenueFactory())
    assert sequence() == 2
    publish(event, status=EventStatus.CANCELLED)
    assert sequence() == 3
    # The index calendar says the same.
    (vevent,) = calendar_of(client, series.url + "calendar/").walk("VEVENT")
    assert (vevent["SEQUENCE"], vevent["STATUS"]) == (3, "CANCELLED")


def test_calendars_answer_conditional_requests_with_their_etag(client, series):
    event = EventPageFactory(parent=series)
    for url in (event.url + "calendar/", series.url + "calendar/"):
        response = client.get(url)
        etag = response["ETag"]
        assert re.fullmatch(r'"[0-9a-f]+"', etag)

        not_modified = client.get(url, headers={"If-None-Match": etag})
        assert not_modified.status_code == 304
        assert not_modified.content == b""
        assert client.get(url, headers={"If-None-Match": '"stale"'}).status_code == 200

    etag = client.get(event.url + "calendar/")["ETag"]
    publish(event, title="Ny tittel")
    changed = client.get(event.url + "calendar/", headers={"If-None-Match": etag})
    assert changed.status_code == 200
    assert changed["ETag"] != etag


# --- indexes --------------------------------------------------------------------------------


def test_index_calendar_is_a_feed_of_the_events_below_it(client, events_index, series):
    EventPageFactory(
        parent=series, title="Om ei uke", start=from_now(days=7), end=from_now(days=7, hours=1)
    )
    EventPageFactory(
        parent=series, title="I morgen", start=from_now(days=1), end=from_now(days=1, hours=1)
    )
    EventPageFactory(
        parent=series,
        title="For 10 dager siden",
        start=from_now(days=-10),
        end=from_now(days=-10, hours=1),
    )
    EventPageFactory(
        parent=series,
        title="For 100 dager siden",
        start=from_now(days=-100),
        end=from_now(days=-100, hours=1),
    )

    response = client.get(events_index.url + "calendar/")

    assert response["Content-Disposition"] == 'attachment; filename="arrangementer.ics"'
    calendar = icalendar.Calendar.from_ical(response.content)
    # Recent past events stay, so subscribers keep their history; nested series count.
    assert summaries(calendar) == ["For 10 dager siden", "I morgen", "Om ei uke"]
    assert calendar_name(calendar) == "Arrangementer"
    # Subscribed apps are asked to look again every hour.
    assert (
        b"\r\nREFRESH-INTERVAL;VALUE=DURATION:PT1H\r\nX-PUBLISHED-TTL:PT1H\r\n" in response.content
    )


def test_index_calendar_keeps_the_index_filters(client, series):
    ks = OrganisationFactory(name="KS", slug="ks")
    health = TopicFactory(name="Helse", slug="helse")
    for title, days, organiser, topics in (
        ("KS før", -10, ks, [health]),
        ("KS snart", 1, ks, [health]),
        ("KS uten helse", 2, ks, []),
        ("Andre", 3, OrganisationFactory(), [health]),
    ):
        EventPageFactory(
            parent=series,
            title=title,
            start=from_now(days=days),
            end=from_now(days=days, hours=1),
            organisers=[organiser],
            topics=topics,
        )
    query = "?organiser=ks&topic=helse"

    listed = client.get(series.url + query).context["events"]
    calendar = calendar_of(client, series.url + "calendar/" + query)

    # What the index page lists, plus the recent past that subscribers keep.
    assert [event.title for event in listed] == ["KS snart"]
    assert summaries(calendar) == ["KS før", "KS snart"]
    # The page's choice of upcoming or past events does not narrow the calendar.
    assert summaries(calendar_of(client, f"{series.url}calendar/{query}&when=past")) == [
        "KS før",
        "KS snart",
    ]
    # Unusable values are ignored, as on the index page.
    assert len(summaries(calendar_of(client, series.url + "calendar/?organiser=nobody"))) == 4


def test_how_long_index_calendars_keep_past_events_is_a_setting(client, series, settings):
    EventPageFactory(
        parent=series,
        title="For 10 dager siden",
        start=from_now(days=-10),
        end=from_now(days=-10, hours=1),
    )
    settings.WAGTAIL_EVENTS = {**settings.WAGTAIL_EVENTS, "CALENDAR_PAST_DAYS": 5}
    assert summaries(calendar_of(client, series.url + "calendar/")) == []
    settings.WAGTAIL_EVENTS = {**settings.WAGTAIL_EVENTS, "CALENDAR_PAST_DAYS": 30}
    assert summaries(calendar_of(client, series.url + "calendar/")) == ["For 10 dager siden"]


def test_every_time_zone_used_gets_a_vtimezone_and_output_is_stable(client, series):
    EventPageFactory(
        parent=series,
        title="New York",
        timezone="America/New_York",
        start=datetime.datetime(2030, 3, 1, 9, 0, tzinfo=NEW_YORK),
        end=datetime.datetime(2030, 3, 1, 10, 0, tzinfo=NEW_YORK),
    )
    EventPageFactory(
        parent=series,
        title="Oslo",
        start=datetime.datetime(2030, 3, 1, 9, 0, tzinfo=OSLO),
        end=datetime.datetime(2030, 3, 1, 10, 0, tzinfo=OSLO),
    )
    EventPageFactory(
        parent=series,
        title="Hele dagen",
        all_day=True,
        start=datetime.datetime(2030, 3, 2, 0, 0, tzinfo=OSLO),
        end=datetime.datetime(2030, 3, 2, 23, 59, tzinfo=OSLO),
    )
    url = series.url + "calendar/"

    calendar = calendar_of(client, url)

    tzids = {vevent["DTSTART"].params.get("TZID") for vevent in calendar.walk("VEVENT")} - {None}
    assert tzids == {"America/New_York", "Europe/Oslo"}
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == sorted(tzids)
    assert calendar.get_missing_tzids() == set()
    new_york = next(v for v in calendar.walk("VEVENT") if str(v["SUMMARY"]) == "New York")
    assert new_york.decoded("DTSTART") == datetime.datetime(2030, 3, 1, 9, 0, tzinfo=NEW_YORK)
    assert client.get(url).content == client.get(url).content


def test_english_index_calendar_lists_the_english_titles(
    client, series, translate_into_english, locale_en
):
    event = EventPageFactory(
        parent=series,
        title="Debatt",
        slug="debatt",
        lead="Ingress",
        start=from_now(days=3),
        end=from_now(days=3, hours=1),
    )
    translate_into_english(event, {"Debatt": "Debate", "debatt": "debate", "Ingress": "Lead"})
    english_series = series.get_translation(locale_en)

    calendar = calendar_of(client, english_series.url + "calendar/")

    assert english_series.url.startswith("/en/")
    (vevent,) = calendar.walk("VEVENT")
    assert str(vevent["SUMMARY"]) == "Debate"
    assert str(vevent["DESCRIPTION"]) == "Lead"
    assert str(vevent["URL"]).endswith("/en/arrangementer/arendalsuka-2025/debate/")
    assert summaries(calendar_of(client, series.url + "calendar/")) == ["Debatt"]


# --- people ---------------------------------------------------------------------------------


def test_person_calendar_has_the_events_they_take_part_in(client, series, people_index):
    person = PersonPageFactory(parent=people_index, given_name="Ingrid", family_name="Berg")
    someone_else = PersonPageFactory(parent=people_index)
    soon = from_now(days=2)
    EventPageFactory(
        parent=series,
        title="Leder ordet",
        start=soon,
        end=soon + datetime.timedelta(hours=1),
        people=[(person, Role.MODERATOR)],
    )
    EventPageFactory(
        parent=series,
        title="Snakker og er kontakt",
        start=soon + datetime.timedelta(hours=2),
        end=soon + datetime.timedelta(hours=3),
        people=[(person, Role.SPEAKER), {"person": person, "role": Role.CONTACT}],
    )
    EventPageFactory(
        parent=series,
        title="Uten henne",
        start=soon,
        end=soon + datetime.timedelta(hours=1),
        people=[someone_else],
    )

    response = client.get(person.url + "calendar/")

    assert response["Content-Disposition"] == 'attachment; filename="ingrid-berg.ics"'
    calendar = icalendar.Calendar.from_ical(response.content)
    # Once each, however many roles they have.
    assert summaries(calendar) == ["Leder ordet", "Snakker og er kontakt"]
    assert "Ingrid Berg" in calendar_name(calendar)
    assert b"\r\nREFRESH-INTERVAL;VALUE=DURATION:PT1H\r\n" in response.content


def test_english_person_calendar_lists_the_english_titles(
    client, series, people_index, translate_into_english, locale_en
):
    person = PersonPageFactory(
        parent=people_index,
        given_name="Ingrid",
        family_name="Berg",
        job_title="Redaktør",
        organisation=None,
    )
    event = EventPageFactory(
        parent=series,
        title="Debatt",
        slug="debatt",
        lead="Ingress",
        start=from_now(days=3),
        end=from_now(days=3, hours=1),
        people=[(person, Role.MODERATOR)],
    )
    translate_into_english(
        event, {"Debatt": "Debate", "debatt": "debate", "Ingress": "Lead", "Redaktør": "Editor"}
    )
    english_person = translate_into_english(
        person, {"Ingrid Berg": "Ingrid Berg", "ingrid-berg": "ingrid-berg", "Redaktør": "Editor"}
    )

    assert summaries(calendar_of(client, english_person.url + "calendar/")) == ["Debate"]
    assert summaries(calendar_of(client, person.url + "calendar/")) == ["Debatt"]


# --- what never appears ---------------------------------------------------------------------


class Outputs:
    """Every calendar and feed that could show an event of the series, read for its titles.

    The series holds one visible upcoming event with a person; hidden events get the same
    person, so they would show in the person's calendar too.
    """

    def __init__(self, client, series, person):
        self.client, self.series, self.person = client, series, person
        EventPageFactory(parent=series, title="Synlig", people=[person], **self.tomorrow())

    @staticmethod
    def tomorrow():
        return {"start": from_now(days=1), "end": from_now(days=1, hours=1)}

    def hidden_event(self, **kwargs):
        return EventPageFactory(
            parent=self.series, title="Skjult", people=[self.person], **self.tomorrow(), **kwargs
        )

    def titles(self, hidden):
        client, series = self.client, self.series
        found = {
            "index calendar": summaries(calendar_of(client, series.url + "calendar/")),
            "person calendar": summaries(calendar_of(client, self.person.url + "calendar/")),
            "RSS": re.findall(r"<title>([^<]*)</title>", client.get(series.url + "feed/").text),
            "Atom": re.findall(
                r"<title>([^<]*)</title>", client.get(series.url + "feed/atom/").text
            ),
        }
        # The hidden event's own calendar is missing, asks for a password, or is empty.
        response = client.get(hidden.url + "calendar/") if hidden.url else None
        if response is not None and response.get("Content-Type", "").startswith("text/calendar"):
            found["event calendar"] = summaries(icalendar.Calendar.from_ical(response.content))
        return found

    def assert_only_visible(self, hidden):
        found = self.titles(EventPage.objects.get(pk=hidden.pk))
        assert found["index calendar"] == ["Synlig"]
        assert found["person calendar"] == ["Synlig"]
        assert "Synlig" in found["RSS"]
        assert "Synlig" in found["Atom"]
        for name, titles in found.items():
            assert "Skjult" not in titles, name


@pytest.fixture
def outputs(client, series, people_index):
    return Outputs(client, series, PersonPageFactory(parent=people_index))


def test_drafts_appear_in_no_calendar_or_feed(outputs):
    outputs.assert_only_visible(outputs.hidden_event(publish=False))


def test_unpublished_events_appear_in_no_calendar_or_feed(outputs):
    event = outputs.hidden_event()
    event.unpublish()
    outputs.assert_only_visible(event)


def test_expired_events_appear_in_no_calendar_or_feed(outputs):
    event = outputs.hidden_event()
    # The expiry time has passed, but Wagtail's publish_scheduled has not unpublished it yet.
    EventPage.objects.filter(pk=event.pk).update(expire_at=from_now(minutes=-5))
    outputs.assert_only_visible(event)


def test_scheduled_events_appear_in_no_calendar_or_feed(outputs):
    event = outputs.hidden_event(go_live_at=from_now(days=1))
    assert event.get_latest_revision().approved_go_live_at is not None
    assert not event.live
    outputs.assert_only_visible(event)


def test_view_restricted_events_appear_in_no_calendar_or_feed(outputs):
    event = outputs.hidden_event()
    PageViewRestriction.objects.create(
        page=event, restriction_type=PageViewRestriction.PASSWORD, password="hemmelig"
    )
    outputs.assert_only_visible(event)


# --- query counts ---------------------------------------------------------------------------


# --- links to the calendars -----------------------------------------------------------------


class LinkCollector(HTMLParser):
    """The <link> elements of a page's head, and the links inside its calendar control."""

    def __init__(self):
        super().__init__()
        self.head_links = []
        self.control = None
        self.control_links = []
        self._depth = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link" and attrs.get("rel") == "alternate" and "type" in attrs:
            self.head_links.append(attrs)
        if tag == "details" and "we-calendar" in attrs.get("class", ""):
            self.control = attrs
            self._depth = 1
        elif tag == "details" and self._depth:
            self._depth += 1
        if tag == "a" and self._depth:
            self.control_links.append(attrs)

    def handle_endtag(self, tag):
        if tag == "details" and self._depth:
            self._depth -= 1


def links_on(client, url):
    response = client.get(url)
    assert response.status_code == 200
    collector = LinkCollector()
    collector.feed(response.content.decode())
    return collector


def test_event_page_links_its_calendar_file_and_calendar_services(client, series):
    event = EventPageFactory(parent=series, title="Debatt om KI")

    page = links_on(client, event.url)

    assert {"type": "text/calendar", "href": event.url + "calendar/"}.items() <= page.head_links[
        0
    ].items()
    hrefs = [link["href"] for link in page.control_links]
    assert hrefs[0] == event.url + "calendar/"
    assert "download" in page.control_links[0]
    google, outlook, office = (urlsplit(href) for href in hrefs[1:])
    assert (google.netloc, outlook.netloc, office.netloc) == (
        "calendar.google.com",
        "outlook.live.com",
        "outlook.office.com",
    )
    assert parse_qs(google.query)["text"] == ["Debatt om KI"]
    assert parse_qs(outlook.query)["subject"] == ["Debatt om KI"]
    assert not any(href.startswith("webcal:") for href in hrefs)


def test_cancelled_events_offer_only_the_calendar_file(client, series):
    event = EventPageFactory(parent=series, status=EventStatus.CANCELLED)
    page = links_on(client, event.url)
    assert [link["href"] for link in page.control_links] == [event.url + "calendar/"]


def test_index_page_links_its_calendar_and_feeds_with_the_filters_applied(client, series):
    page = links_on(client, series.url + "?organiser=ks&topic=klima&page=2")

    query = "?organiser=ks&topic=klima"
    types = {link["type"]: link["href"] for link in page.head_links}
    assert types == {
        "text/calendar": f"{series.url}calendar/{query}",
        "application/rss+xml": f"{series.url}feed/{query}",
        "application/atom+xml": f"{series.url}feed/atom/{query}",
    }
    hrefs = [link["href"] for link in page.control_links]
    assert f"webcal://localhost{series.url}calendar/{query}" in hrefs
    assert f"{series.url}calendar/{query}" in hrefs
    assert not any("google" in href or "outlook" in href for href in hrefs)


def test_person_page_offers_a_subscription(client, people_index):
    person = PersonPageFactory(parent=people_index)
    page = links_on(client, person.url)
    assert page.head_links[0]["href"] == person.url + "calendar/"
    hrefs = [link["href"] for link in page.control_links]
    assert hrefs == [f"webcal://localhost{person.url}calendar/", person.url + "calendar/"]


def test_calendar_service_links_are_shortened_to_work(series):
    questions = [f"Spørsmål nummer {n} om æ, ø og å i kommunene?" for n in range(40)]
    event = EventPageFactory(
        parent=series,
        title="Debatt om helse",
        lead="Lang ingress " * 40,
        body=[("questions", {"heading": "Vi spør:", "questions": questions})],
    )
    event_url = "https://www.example.no/arrangementer/debatt-om-helse/"

    for link, key in (
        (google_calendar_link(event, event_url), "details"),
        (outlook_link(event, event_url), "body"),
        (outlook_link(event, event_url, base=OUTLOOK_OFFICE), "body"),
    ):
        assert len(link) <= MAX_LINK_LENGTH
        text = parse_qs(urlsplit(link).query)[key][0]
        assert text.startswith("Lang ingress Lang ingress")
        assert text.endswith(f"…\n\n{event_url}")
        # The link is as long as it may be: little room was left unused.
        assert len(link) > MAX_LINK_LENGTH - 20


def test_short_calendar_service_links_keep_the_whole_text(series):
    event = EventPageFactory(
        parent=series,
        lead="Kort ingress.",
        start=datetime.datetime(2025, 8, 12, 9, 0, tzinfo=OSLO),
        end=datetime.datetime(2025, 8, 12, 9, 45, tzinfo=OSLO),
    )
    google = parse_qs(urlsplit(google_calendar_link(event, "https://x.no/e/")).query)
    assert google["details"] == ["Kort ingress.\n\nhttps://x.no/e/"]
    assert google["dates"] == ["20250812T070000Z/20250812T074500Z"]
    assert google["ctz"] == ["Europe/Oslo"]
    outlook = parse_qs(urlsplit(outlook_link(event, "https://x.no/e/")).query)
    assert (outlook["startdt"], outlook["enddt"], outlook["allday"]) == (
        ["2025-08-12T07:00:00Z"],
        ["2025-08-12T07:45:00Z"],
        ["false"],
    )
