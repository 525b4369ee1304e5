"""The schema.org Event that search engines read in each event page's head, in nb and en."""

import datetime
import io
import json
import re
import zoneinfo

import pytest
from bs4 import BeautifulSoup
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.images import get_image_model

from tests import builders
from tests.factories import (
    EventPageFactory,
    OrganisationFactory,
    PersonPageFactory,
    VenueFactory,
    noon,
)
from wagtail_events.jsonld import script
from wagtail_events.models import AttendanceMode, EventPage, EventStatus, Role

pytestmark = pytest.mark.django_db

shared_tree, home_page, events_index, series, people_index = builders.tree_fixtures()

OSLO = zoneinfo.ZoneInfo("Europe/Oslo")
SITE = "http://localhost"
SCRIPT = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.DOTALL)


def jsonld_in(html):
    """The one JSON-LD block in the page, read as a search engine reads it."""
    blocks = SCRIPT.findall(html)
    assert len(blocks) == 1, f"expected one JSON-LD block, found {len(blocks)}"
    return json.loads(blocks[0])


def jsonld_of(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    return jsonld_in(response.content.decode())


def oslo(*args):
    return datetime.datetime(*args, tzinfo=OSLO)


def offered(event, availability):
    """The offer's availability, and when it opened: when the page was first published."""
    opened = event.first_published_at.astimezone(OSLO).replace(microsecond=0)
    return {"availability": f"https://schema.org/{availability}", "validFrom": opened.isoformat()}


def make_image():
    buffer = io.BytesIO()
    PILImage.new("RGB", (1600, 900), "#2a6f97").save(buffer, "PNG")
    return get_image_model().objects.create(
        title="Panelet på scenen", file=ImageFile(buffer, name="panel.png")
    )


@pytest.fixture
def debate(series, people_index):
    hemit = OrganisationFactory(name="Hemit HF", url="https://hemit.example.org/")
    norwai = OrganisationFactory(name="NTNU NorwAI", url="")
    contact = PersonPageFactory(
        parent=people_index, given_name="Nina", family_name="Kotte", organisation=hemit
    )
    moderator = PersonPageFactory(
        parent=people_index,
        given_name="Eiliv",
        family_name="Flakne",
        job_title="Kommunikasjonsdirektør",
        organisation=norwai,
    )
    guest = PersonPageFactory(
        parent=people_index, given_name="Ola", family_name="Gjest", organisation=None
    )
    event = EventPageFactory(
        parent=series,
        title="Når kunstig intelligens blir del av helseteamet",
        slug="ki-i-helseteamet",
        lead="Hva stopper kunstig intelligens i helsetjenesten?",
        start=oslo(2025, 8, 12, 9),
        end=oslo(2025, 8, 12, 9, 45),
        venue=VenueFactory(
            name="Bankgården",
            street_address="Strandgaten 1",
            postcode="4836",
            city="Arendal",
        ),
        image=make_image(),
        spoken_languages=["nb"],
        is_free=False,
        price="NOK 200, gratis for studenter",
        registration_required=True,
        registration_url="https://example.org/pamelding",
        organisers=[norwai, hemit],
        people=[
            {"person": contact, "role": Role.CONTACT, "contact_public": True},
            (moderator, Role.MODERATOR),
            {"person": guest, "role": Role.SPEAKER, "title": "Forsker"},
        ],
    )
    # A speaker on stage needs a person page; once it is deleted, the event keeps the name.
    guest.delete()
    return type(event).objects.get(pk=event.pk)


def test_event_page_describes_the_event_to_search_engines(client, debate):
    data = jsonld_of(client, debate)

    image = data.pop("image")
    assert image.startswith(f"{SITE}/") and image.endswith(".png")
    assert data == {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": "Når kunstig intelligens blir del av helseteamet",
        "description": "Hva stopper kunstig intelligens i helsetjenesten?",
        "url": f"{SITE}/arrangementer/arendalsuka-2025/ki-i-helseteamet/",
        "startDate": "2025-08-12T09:00:00+02:00",
        "endDate": "2025-08-12T09:45:00+02:00",
        "eventStatus": "https://schema.org/EventScheduled",
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "location": {
            "@type": "Place",
            "name": "Bankgården",
            "address": {
                "@type": "PostalAddress",
                "streetAddress": "Strandgaten 1",
                "postalCode": "4836",
                "addressLocality": "Arendal",
                "addressCountry": "NO",
            },
            "geo": {"@type": "GeoCoordinates", "latitude": 58.461, "longitude": 8.772},
        },
        "organizer": [
            {"@type": "Organization", "name": "NTNU NorwAI"},
            {"@type": "Organization", "name": "Hemit HF", "url": "https://hemit.example.org/"},
        ],
        # The contact person answers questions; the others take part.
        "performer": [
            {
                "@type": "Person",
                "name": "Eiliv Flakne",
                "jobTitle": "Kommunikasjonsdirektør",
                "affiliation": {"@type": "Organization", "name": "NTNU NorwAI"},
                "url": f"{SITE}/personer/eiliv-flakne/",
            },
            {"@type": "Person", "name": "Ola Gjest", "jobTitle": "Forsker"},
        ],
        "superEvent": {
            "@type": "EventSeries",
            "name": "Arendalsuka 2025",
            "url": f"{SITE}/arrangementer/arendalsuka-2025/",
        },
        "isAccessibleForFree": False,
        "offers": {
            "@type": "Offer",
            "url": "https://example.org/pamelding",
            "price": "200",
            "priceCurrency": "NOK",
            "description": "NOK 200, gratis for studenter",
            **offered(debate, "Discontinued"),  # the debate is over
        },
        "inLanguage": "nb",
    }


def test_an_image_whose_file_is_gone_leaves_the_page_standing(client, debate):
    debate.image.file.storage.delete(debate.image.file.name)

    data = jsonld_of(client, debate)

    assert data["name"] == debate.title
    assert "image" not in data


def test_image_is_a_rendition_served_by_the_site(client, debate):
    image = jsonld_of(client, debate)["image"]

    rendition = debate.image.get_rendition("width-1200")
    assert rendition.width == 1200
    assert image == SITE + rendition.url


def test_editor_text_cannot_break_out_of_the_script(client, series):
    title = '</script><script>alert("title")</script> <!-- & -->'
    lead = "Slutt </SCRIPT> og <!--"
    event = EventPageFactory(parent=series, title=title, lead=lead)

    html = client.get(event.url).content.decode()

    head = html[: html.index("</head>")]
    # Neither text appears as markup anywhere in the head...
    for text in ("</script><script>", "</SCRIPT>", "<!--"):
        assert text not in head
    # ...and an HTML parser finds the JSON-LD whole, reading back what the editor wrote.
    element = BeautifulSoup(html, "html.parser").head.find("script", type="application/ld+json")
    data = json.loads(element.string)
    assert (data["name"], data["description"]) == (title, lead)


def test_script_escapes_markup_characters_once():
    html = script({"name": "A & B <b>"})
    assert html == (
        '<script type="application/ld+json">{"name": "A \\u0026 B \\u003Cb\\u003E"}</script>'
    )


@pytest.mark.parametrize(
    ("timezone", "start", "expected"),
    [
        ("Europe/Oslo", oslo(2025, 12, 1, 18), "2025-12-01T18:00:00+01:00"),
        ("Europe/Oslo", oslo(2025, 6, 1, 18), "2025-06-01T18:00:00+02:00"),
        ("America/New_York", oslo(2025, 6, 1, 18), "2025-06-01T12:00:00-04:00"),
    ],
)
def test_times_are_given_in_the_events_own_zone(client, series, timezone, start, expected):
    event = EventPageFactory(
        parent=series, timezone=timezone, start=start, end=start + datetime.timedelta(hours=2)
    )
    assert jsonld_of(client, event)["startDate"] == expected


def test_all_day_events_give_dates(client, series):
    event = EventPageFactory(
        parent=series, all_day=True, start=oslo(2025, 8, 11), end=oslo(2025, 8, 15, 23, 59)
    )
    data = jsonld_of(client, event)
    assert (data["startDate"], data["endDate"]) == ("2025-08-11", "2025-08-15")


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        (EventStatus.SCHEDULED, "EventScheduled"),
        (EventStatus.CANCELLED, "EventCancelled"),
        (EventStatus.POSTPONED, "EventPostponed"),
        (EventStatus.RESCHEDULED, "EventRescheduled"),
        (EventStatus.MOVED_ONLINE, "EventMovedOnline"),
    ],
)
def test_status_tells_whether_the_event_goes_ahead(client, series, status, expected):
    event = EventPageFactory(parent=series, status=status)
    data = jsonld_of(client, event)
    assert data["eventStatus"] == f"https://schema.org/{expected}"
    assert "previousStartDate" not in data


def test_rescheduled_events_give_their_previous_start(client, series):
    event = EventPageFactory(parent=series, start=oslo(2025, 8, 12, 9), end=oslo(2025, 8, 12, 10))
    page = event.get_latest_revision_as_object()
    page.status = EventStatus.RESCHEDULED
    page.start, page.end = oslo(2025, 8, 14, 13), oslo(2025, 8, 14, 14)
    page.full_clean()
    page.save_revision().publish()

    data = jsonld_of(client, event)

    assert data["startDate"] == "2025-08-14T13:00:00+02:00"
    assert data["previousStartDate"] == "2025-08-12T09:00:00+02:00"


@pytest.mark.parametrize(
    ("mode", "status", "livestream", "expected_mode", "expected_location"),
    [
        (AttendanceMode.IN_PERSON, EventStatus.SCHEDULED, "", "Offline", ["Place"]),
        (AttendanceMode.ONLINE, EventStatus.SCHEDULED, "https://tv.example.org/", "Online", []),
        (
            AttendanceMode.MIXED,
            EventStatus.SCHEDULED,
            "https://tv.example.org/",
            "Mixed",
            ["Place"],
        ),
        (
            AttendanceMode.IN_PERSON,
            EventStatus.MOVED_ONLINE,
            "https://tv.example.org/",
            "Online",
            [],
        ),
    ],
)
def test_location_follows_how_people_attend(
    client, series, mode, status, livestream, expected_mode, expected_location
):
    event = EventPageFactory(
        parent=series, attendance_mode=mode, status=status, livestream_url=livestream
    )
    data = jsonld_of(client, event)

    assert data["eventAttendanceMode"] == f"https://schema.org/{expected_mode}EventAttendanceMode"
    locations = data["location"] if isinstance(data["location"], list) else [data["location"]]
    places = [location["@type"] for location in locations if location["@type"] == "Place"]
    assert places == expected_location
    virtual = [location for location in locations if location["@type"] == "VirtualLocation"]
    assert virtual == ([{"@type": "VirtualLocation", "url": livestream}] if livestream else [])


def test_online_event_without_stream_link_points_at_its_page(client, series):
    event = EventPageFactory(parent=series, attendance_mode=AttendanceMode.ONLINE, venue=None)
    data = jsonld_of(client, event)
    assert data["location"] == {"@type": "VirtualLocation", "url": SITE + event.url}


@pytest.mark.parametrize(
    ("price", "offer"),
    [
        ("NOK 1 500, gratis for studenter", {"price": "1500", "priceCurrency": "NOK"}),
        ("NOK 1,500, free for students", {"price": "1500", "priceCurrency": "NOK"}),
        ("1 500 kr", {"price": "1500", "priceCurrency": "NOK"}),
        ("kr 150,-", {"price": "150", "priceCurrency": "NOK"}),
        ("200kr", {"price": "200", "priceCurrency": "NOK"}),
        ("200,-", {"price": "200", "priceCurrency": "NOK"}),
        ("99,50 kr", {"price": "99.50", "priceCurrency": "NOK"}),
        ("250", {"price": "250", "priceCurrency": "NOK"}),
        # No amount in kroner: the text alone, never a guessed price.
        ("EUR 20", {}),
        ("Se nettsiden", {}),
        ("Ekstra 300 for middag", {}),
    ],
)
def test_offer_gives_a_price_only_when_the_text_names_one_in_kroner(client, series, price, offer):
    event = EventPageFactory(parent=series, is_free=False, price=price)
    assert jsonld_of(client, event)["offers"] == {
        "@type": "Offer",
        "url": SITE + event.url,
        **offer,
        "description": price,
        **offered(event, "Discontinued"),
    }


def test_free_events_offer_registration_at_no_cost(client, series):
    without = EventPageFactory(parent=series)
    with_registration = EventPageFactory(
        parent=series, registration_required=True, registration_url="https://example.org/meld"
    )

    data = jsonld_of(client, without)
    assert data["isAccessibleForFree"] is True
    assert "offers" not in data
    assert jsonld_of(client, with_registration)["offers"] == {
        "@type": "Offer",
        "url": "https://example.org/meld",
        "price": "0",
        "priceCurrency": "NOK",
        **offered(with_registration, "Discontinued"),
    }


REGISTRATION = {"registration_required": True, "registration_url": "https://example.org/meld"}


def hour_at_noon(days):
    return {"start": noon(days), "end": noon(days) + datetime.timedelta(hours=1)}


@pytest.mark.parametrize(
    ("days", "status", "availability"),
    [
        (10, EventStatus.SCHEDULED, "InStock"),
        (10, EventStatus.RESCHEDULED, "InStock"),
        # Registrations usually stand while the new date is found.
        (10, EventStatus.POSTPONED, "InStock"),
        (10, EventStatus.CANCELLED, "Discontinued"),
        (-2, EventStatus.SCHEDULED, "Discontinued"),
    ],
)
def test_offer_is_open_until_the_event_is_over_or_cancelled(
    client, series, days, status, availability
):
    event = EventPageFactory(parent=series, **hour_at_noon(days), status=status, **REGISTRATION)
    offer = jsonld_of(client, event)["offers"]
    assert offer["availability"] == f"https://schema.org/{availability}"


def test_offer_is_valid_from_when_the_event_was_announced(client, series):
    event = EventPageFactory(
        parent=series, timezone="America/New_York", **hour_at_noon(10), **REGISTRATION
    )
    published = event.first_published_at.astimezone(zoneinfo.ZoneInfo("America/New_York"))

    valid_from = jsonld_of(client, event)["offers"]["validFrom"]

    # In the event's own zone, with its offset, to the second.
    assert valid_from == published.replace(microsecond=0).isoformat()
    assert valid_from.endswith(("-05:00", "-04:00"))


def test_capacity_is_the_most_people_who_can_attend(client, series):
    limited = EventPageFactory(parent=series, capacity=120)
    open_to_all = EventPageFactory(parent=series)

    assert jsonld_of(client, limited)["maximumAttendeeCapacity"] == 120
    assert "maximumAttendeeCapacity" not in jsonld_of(client, open_to_all)


def test_the_recording_is_given_once_the_event_is_over(client, series):
    recording = "https://tv.example.org/opptak/debatt"
    over = EventPageFactory(parent=series, **hour_at_noon(-1), recording_url=recording)
    ahead = EventPageFactory(parent=series, **hour_at_noon(1), recording_url=recording)
    unsafe = EventPageFactory(parent=series, **hour_at_noon(-1))
    # Saved past the form's validation, as code may do.
    EventPage.objects.filter(pk=unsafe.pk).update(recording_url="javascript:alert(1)")

    assert jsonld_of(client, over)["recordedIn"] == {"@type": "CreativeWork", "url": recording}
    assert "recordedIn" not in jsonld_of(client, ahead)
    assert "recordedIn" not in jsonld_of(client, unsafe)


def test_languages_spoken_win_over_the_page_language(client, series):
    both = EventPageFactory(parent=series, spoken_languages=["nb", "en"])
    unknown = EventPageFactory(parent=series, spoken_languages=[])
    assert jsonld_of(client, both)["inLanguage"] == ["nb", "en"]
    assert jsonld_of(client, unknown)["inLanguage"] == "nb"


class TestTranslatedEvent(builders.SharesTranslatedEvent):
    """The translated event, which the tests only read: built once for the class."""

    def test_english_page_describes_the_event_in_english(self, client, data):
        english = jsonld_of(client, data.english_event)

        assert english["name"] == "Who pays for climate adaptation?"
        assert english["description"] == (
            "Municipalities must prepare for more extreme weather. But who should pay?"
        )
        assert english["url"] == f"{SITE}/en/arrangementer/arendalsuka-2025/who-pays/"
        assert english["location"]["name"] == "Arendal Culture House"
        assert english["location"]["address"]["addressLocality"] == "Arendal"
        assert english["organizer"] == [
            {
                "@type": "Organization",
                "name": "Norwegian Institute of Public Health",
                "url": "https://folkehelseinstituttet.example.org/",
            },
            {"@type": "Organization", "name": "Central Norway Health Trust"},
        ]
        # The contact person answers questions; the others take part.
        assert english["performer"] == [
            {
                "@type": "Person",
                "name": "Ingrid Berg",
                "jobTitle": "News editor",
                "affiliation": {
                    "@type": "Organization",
                    "name": "The Agder Post",
                    "url": "https://agderposten.example.org/",
                },
                # The moderator's English page.
                "url": f"{SITE}/en/personer/ingrid-berg/",
            },
            {
                "@type": "Person",
                "name": "Trond Utne",
                "jobTitle": "Senior adviser",
                "affiliation": {"@type": "Organization", "name": "Central Norway Health Trust"},
                # The speaker has no English page yet: the Norwegian one is linked.
                "url": f"{SITE}/personer/trond-utne/",
            },
        ]
        assert english["superEvent"]["url"] == f"{SITE}/en/arrangementer/arendalsuka-2025/"
        assert english["inLanguage"] == "en"
        # The facts are the Norwegian event's.
        norwegian = jsonld_of(client, data.event)
        assert norwegian["name"] == "Hvem tar regningen for klimatilpasningen?"
        assert norwegian["location"]["name"] == "Arendal kulturhus"
        for fact in ("startDate", "endDate", "eventStatus", "eventAttendanceMode"):
            assert english[fact] == norwegian[fact]


def test_only_event_pages_carry_an_event(client, series, people_index):
    person = PersonPageFactory(parent=people_index)
    EventPageFactory(parent=series)
    for page in (series, person):
        html = client.get(page.url).content.decode()
        assert 'type="application/ld+json"' not in html
