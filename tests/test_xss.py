"""An XSS corpus in every editor field: inert in the pages, JSON-LD, .ics, APIs, feeds and widget.

One event carries the corpus in each of its texts, and so do its person, organisation, venue,
type, topic and body blocks. Every output must show each text exactly as typed (as text, not as
markup or template code) and gain no element, event-handler attribute or ``javascript:`` link.
The custom element's rendering of hostile API data is tested in Chromium, in
``tests/browser/test_embed.py``.
"""

import datetime
import html
import json
import re
import xml.etree.ElementTree as ET

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar
from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter
from wagtail.blocks import URLBlock

from tests.factories import (
    EventPageFactory,
    EventTypeFactory,
    OrganisationFactory,
    PersonPageFactory,
    TopicFactory,
    VenueFactory,
    page_type,
    published_quickly,
)
from wagtail_events.caching import bump_content_version
from wagtail_events.models import (
    AttendanceMode,
    EventPage,
    EventPerson,
    EventStatus,
    Organisation,
    Role,
)

pytestmark = pytest.mark.django_db

SCRIPT = "</script><script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(1)>'
QUOTE = "' onmouseover='alert(1)"
SVG = "<svg/onload=alert(1)>"
TEMPLATE = "{{ 7*7 }}{% now 'Y' %}{# c #}"
RTL = "\u202egnp.exe\u202c"
ZERO_WIDTH = "a\u200db\u200cc\u200bd\ufeffe"
CORPUS = " ".join([SCRIPT, IMG, QUOTE, SVG, TEMPLATE, RTL, ZERO_WIDTH])
JS_URL = "javascript:alert(1)"
# 10,000 characters of markup, for the fields without a length limit.
LONG = "<b>&amp;</b>" * 833 + "<i>"


def corpus(label):
    """The whole corpus, tagged with the field it is in (so each field is found on its own)."""
    return f"{label}: {CORPUS}"


def short(label):
    return f"{label}{IMG}"  # for fields of 32-64 characters


SOON = timezone.now() + datetime.timedelta(days=10)
TEXT = {
    "event_title": corpus("event title"),
    "lead": corpus("lead"),
    "status_note": corpus("status note") + LONG,
    "price": corpus("price"),
    "event_accessibility_note": corpus("event accessibility") + LONG,
    "rich_text": corpus("rich text"),
    "questions_heading": corpus("questions heading"),
    "question": corpus("question"),
    "agenda_heading": corpus("agenda heading"),
    "agenda_title": corpus("agenda item"),
    "agenda_description": corpus("agenda description") + LONG,
    "quote": corpus("quote") + LONG,
    "attribution": corpus("attribution"),
    "cta": "cta" + SVG + RTL,  # 120 characters at most
    "given_name": "given" + IMG + RTL,
    "family_name": "family" + SVG + ZERO_WIDTH,
    "job_title": corpus("job title"),
    "bio": corpus("bio"),
    "person_link": corpus("person link")[:120],
    "organisation": corpus("organisation"),
    "short_name": short("short"),
    "venue": corpus("venue"),
    "street": corpus("street"),
    "postcode": "<b>4836</b>",
    "city": corpus("city")[:128],
    "country": corpus("country")[:128],
    "venue_accessibility_note": corpus("venue accessibility") + LONG,
    "event_type": corpus("event type"),
    "topic": corpus("topic"),
    "row_name": corpus("row name"),
    "row_title": corpus("row title"),
    "contact_name": corpus("contact name"),
    "contact_title": corpus("contact title"),
    "phone": '"><svg onload=alert(1)>',
    # Valid: a quoted local part may hold both quotes' breakers.
    "email": '"\'><svg/onload=alert(1)>"@example.org',
}


def contentstate(text, url):
    """What the rich-text editor sends: ``text`` with its first word linked to ``url``."""
    return json.dumps(
        {
            "blocks": [
                {
                    "key": "a",
                    "type": "unstyled",
                    "depth": 0,
                    "text": text,
                    "inlineStyleRanges": [],
                    "entityRanges": [{"offset": 0, "length": 4, "key": 0}],
                }
            ],
            "entityMap": {"0": {"type": "LINK", "mutability": "MUTABLE", "data": {"url": url}}},
        }
    )


def from_editor(text, features=("bold", "italic", "link")):
    """Rich text as the editor stores it, with a ``javascript:`` link the editor tried to make."""
    return ContentstateConverter(list(features)).to_database_format(contentstate(text, JS_URL))


@pytest.fixture
def event(series, people_index):
    """The event with the corpus everywhere, its URL fields then set to ``javascript:`` in code."""
    with published_quickly():
        organisation = OrganisationFactory(
            name=TEXT["organisation"], short_name=TEXT["short_name"], url="https://example.org/"
        )
        venue = VenueFactory(
            name=TEXT["venue"],
            street_address=TEXT["street"],
            postcode=TEXT["postcode"],
            city=TEXT["city"],
            country=TEXT["country"],
            accessibility_note=TEXT["venue_accessibility_note"],
        )
        person = PersonPageFactory(
            parent=people_index,
            slug="person",
            given_name=TEXT["given_name"],
            family_name=TEXT["family_name"],
            job_title=TEXT["job_title"],
            organisation=organisation,
            bio=from_editor(TEXT["bio"]),
            email=TEXT["email"],
            email_public=True,
            phone=TEXT["phone"],
            phone_public=True,
            links=[{"type": "link", "value": {"label": TEXT["person_link"], "url": JS_URL}}],
        )
        page = EventPageFactory(
            parent=series,
            slug="xss",
            title=TEXT["event_title"],
            lead=TEXT["lead"],
            start=SOON,
            end=SOON + datetime.timedelta(hours=1),
            status=EventStatus.POSTPONED,
            status_note=TEXT["status_note"],
            attendance_mode=AttendanceMode.MIXED,
            livestream_url="https://example.org/live",
            recording_url="https://example.org/recording",
            registration_required=True,
            registration_url="https://example.org/register",
            is_free=False,
            price=TEXT["price"],
            accessibility_note=TEXT["event_accessibility_note"],
            venue=venue,
            event_type=EventTypeFactory(
                name=TEXT["event_type"], description=from_editor(TEXT["event_type"])
            ),
            topics=[TopicFactory(name=TEXT["topic"])],
            organisers=[organisation],
            people=[
                (person, Role.MODERATOR),
                {
                    "role": Role.PARTICIPANT,
                    "person": person,
                    "name": TEXT["row_name"],
                    "title": TEXT["row_title"],
                },
                {
                    "role": Role.CONTACT,
                    "name": TEXT["contact_name"],
                    "title": TEXT["contact_title"],
                    "phone": TEXT["phone"],
                    "email": TEXT["email"],
                    "contact_public": True,
                },
            ],
            body=[
                {"type": "rich_text", "value": from_editor(TEXT["rich_text"], ["link"])},
                {
                    "type": "questions",
                    "value": {
                        "heading": TEXT["questions_heading"],
                        "questions": [TEXT["question"]],
                    },
                },
                {
                    "type": "agenda",
                    "value": {
                        "heading": TEXT["agenda_heading"],
                        "items": [
                            {
                                "start_time": "09:00",
                                "end_time": "09:15",
                                "title": TEXT["agenda_title"],
                                "description": TEXT["agenda_description"],
                                "people": [person.pk],
                            }
                        ],
                    },
                },
                {
                    "type": "quote",
                    "value": {"quote": TEXT["quote"], "attribution": TEXT["attribution"]},
                },
                {"type": "call_to_action", "value": {"text": TEXT["cta"], "url": JS_URL}},
            ],
        )
    # Model validation refuses javascript: addresses (see test_url_fields_refuse_javascript);
    # code that skips it can still store them, and no output may make them links.
    EventPage.objects.filter(pk=page.pk).update(
        livestream_url=JS_URL, recording_url=JS_URL, registration_url=JS_URL
    )
    Organisation.objects.filter(pk=organisation.pk).update(url=" " + JS_URL.upper())
    bump_content_version()
    return EventPage.objects.get(pk=page.pk)


EVENT_PAGE_TEXTS = [
    key
    for key in TEXT
    if key not in {"bio", "person_link", "short_name", "email", "phone", "given_name"}
    # The event's own accessibility note replaces the venue's.
    and key not in {"family_name", "job_title", "venue_accessibility_note"}
]


def html_of(response):
    assert response.status_code == 200, response.content[:500]
    return response.content.decode()


def assert_inert(markup, texts=(), allowed_scripts=0):
    """No markup came from the data, and each of ``texts`` is there as text."""
    soup = BeautifulSoup(markup, "html.parser")
    scripts = [s for s in soup.find_all("script") if s.get("type") != "application/ld+json"]
    assert len(scripts) <= allowed_scripts, scripts
    assert not any("alert" in str(s) for s in scripts)
    assert soup.find_all(["img", "iframe", "object", "embed"], src="x") == []
    assert soup.find_all("svg", onload=True) == []
    for tag in soup.find_all(True):
        handlers = [name for name in tag.attrs if name.lower().startswith("on")]
        assert handlers == [], tag
        for name in ("href", "src", "action", "formaction", "xlink:href", "data"):
            value = re.sub(r"[\x00-\x20]", "", str(tag.get(name, ""))).lower()
            assert not value.startswith(("javascript:", "vbscript:", "data:text")), tag
    text = soup.get_text()
    missing = [t for t in texts if t not in text]
    assert missing == []
    return soup


def test_the_event_page_shows_every_text_as_text(client, event):
    markup = html_of(client.get(event.url))
    soup = assert_inert(
        markup,
        [TEXT[key] for key in EVENT_PAGE_TEXTS] + [TEXT["phone"], TEXT["email"]],
    )
    # Texts whose javascript: address was stored in code are shown, unlinked.
    assert soup.find("a", string=TEXT["organisation"]) is None
    assert soup.find("a", class_="we-cta__link") is None


def test_the_json_ld_is_escaped_and_round_trips(client, event):
    markup = html_of(client.get(event.url))
    soup = BeautifulSoup(markup, "html.parser")
    [script] = soup.find_all("script", type="application/ld+json")
    raw = script.string
    assert "<" not in raw and ">" not in raw
    # No script element ends early: each </script> closes one of the page's own.
    assert markup.lower().count("</script") == len(soup.find_all("script"))
    data = json.loads(raw)
    assert data["name"] == TEXT["event_title"]
    assert data["description"] == TEXT["lead"]
    assert data["location"][0]["name"] == TEXT["venue"]
    assert data["location"][0]["address"]["streetAddress"] == TEXT["street"]
    assert data["organizer"][0]["name"] == TEXT["organisation"]
    assert data["offers"]["description"] == TEXT["price"]
    assert {p["name"] for p in data["performer"]} == {
        f"{TEXT['given_name']} {TEXT['family_name']}",
        TEXT["row_name"],
    }
    assert TEXT["row_title"] in {p.get("jobTitle") for p in data["performer"]}
    assert JS_URL not in raw.lower()


def test_the_person_page_shows_every_text_as_text(client, event):
    person = event.moderators[0].person
    markup = html_of(client.get(person.url))
    soup = assert_inert(
        markup,
        [
            TEXT[key]
            for key in ("given_name", "family_name", "job_title", "bio", "organisation")
            + ("person_link", "email", "phone", "event_title", "lead", "venue", "row_title")
        ],
    )
    # The editor dropped the javascript: link from the biography; the link block has no href.
    assert soup.find("a", string=TEXT["person_link"]) is None


def test_the_indexes_show_every_text_as_text(client, event, series, people_index):
    assert_inert(
        html_of(client.get(series.url)),
        [TEXT[key] for key in ("event_title", "lead", "venue", "event_type", "organisation")],
    )
    assert_inert(
        html_of(client.get(people_index.url)),
        [TEXT[key] for key in ("given_name", "family_name", "job_title", "organisation")],
    )


def test_the_widget_shows_every_text_as_text(client, event):
    response = client.get("/embed/events/")
    assert_inert(html_of(response), [TEXT["event_title"], TEXT["venue"]])


def test_the_calendar_files_round_trip_every_text(client, event):
    response = client.get(event.url + "calendar/")
    assert response.status_code == 200
    [vevent] = Calendar.from_ical(response.content).walk("VEVENT")
    assert str(vevent["summary"]) == TEXT["event_title"]
    description = str(vevent["description"])
    for key in ("status_note", "lead", "questions_heading", "question"):
        assert TEXT[key] in description
    assert str(vevent["location"]).startswith(TEXT["venue"])
    assert TEXT["street"] in str(vevent["location"])
    assert [str(c) for c in vevent["categories"].cats] == [TEXT["event_type"], TEXT["topic"]]
    assert str(vevent["organizer"].params["cn"]) == TEXT["organisation"]
    assert str(vevent["organizer"]) == f"mailto:{TEXT['email']}"
    assert not str(vevent["url"]).lower().startswith("javascript")

    person = event.moderators[0].person
    response = client.get(person.url + "calendar/")
    [vevent] = Calendar.from_ical(response.content).walk("VEVENT")
    assert str(vevent["summary"]) == TEXT["event_title"]


def test_the_calendar_file_names_no_javascript_organiser(client, event):
    # Without a public contact email, the organiser is reached through its website.
    EventPerson.objects.filter(page=event).update(contact_public=False)
    bump_content_version()
    response = client.get(event.url + "calendar/")
    [vevent] = Calendar.from_ical(response.content).walk("VEVENT")
    organiser = str(vevent.get("organizer", "")).strip().lower()
    assert not organiser.startswith("javascript:")


def strings_in(data):
    if isinstance(data, str):
        yield data
    elif isinstance(data, dict):
        for value in data.values():
            yield from strings_in(value)
    elif isinstance(data, list):
        for value in data:
            yield from strings_in(value)


# The quote block is in body_html only.
API_EVENT_TEXTS = [
    key for key in EVENT_PAGE_TEXTS if key not in {"rich_text", "cta", "quote", "attribution"}
]
API_PERSON_TEXTS = ["given_name", "family_name", "job_title", "organisation", "short_name"]


def test_the_events_api_returns_every_text_exactly(client, event):
    response = client.get("/api/events/", {"lang": "nb"})
    [item] = response.json()["items"]
    detail = client.get(f"/api/events/{item['id']}/").json()
    strings = set(strings_in(detail))
    missing = [key for key in API_EVENT_TEXTS if TEXT[key] not in strings]
    assert missing == []
    assert item["title"] == detail["title"] == TEXT["event_title"]
    # The rendered body in the API is HTML like the page's.
    assert_inert(detail["body_html"], [TEXT["rich_text"], TEXT["quote"], TEXT["cta"]])

    people = client.get("/api/people/").json()["items"]
    strings = set(strings_in(people))
    assert [key for key in API_PERSON_TEXTS if TEXT[key] not in strings] == []


def test_wagtails_api_returns_every_text_exactly(client, event):
    pages = client.get("/api/v2/pages/", {"type": page_type("EVENT_PAGE_MODEL"), "fields": "*"})
    strings = set(strings_in(pages.json()))
    for key in ("event_title", "lead", "status_note", "price", "venue", "organisation", "topic"):
        assert TEXT[key] in strings, key
    people = client.get("/api/v2/pages/", {"type": page_type("PERSON_PAGE_MODEL"), "fields": "*"})
    strings = set(strings_in(people.json()))
    assert [key for key in API_PERSON_TEXTS if TEXT[key] not in strings] == []


ATOM = "{http://www.w3.org/2005/Atom}"


def test_the_feeds_escape_every_text(client, event, series):
    response = client.get(series.url + "feed/")
    channel = ET.fromstring(response.content).find("channel")  # noqa: S314 (our own output)
    [item] = channel.findall("item")
    # RSS readers may read titles as HTML: escaped once, they show the title as text.
    assert html.unescape(item.findtext("title")) == TEXT["event_title"]
    assert_inert(item.findtext("title"), [TEXT["event_title"]])
    assert_inert(
        item.findtext("description"),
        [TEXT[key] for key in ("lead", "venue", "status_note")],
    )
    assert list(item.find("title")) == []

    response = client.get(series.url + "feed/atom/")
    feed = ET.fromstring(response.content)  # noqa: S314 (our own output)
    [entry] = feed.findall(f"{ATOM}entry")
    assert entry.findtext(f"{ATOM}title") == TEXT["event_title"]
    summary = entry.find(f"{ATOM}summary")
    assert list(summary) == []
    assert_inert(summary.text, [TEXT[key] for key in ("lead", "venue", "status_note")])


def test_url_fields_refuse_javascript(admin_client, locale_nb):
    for model, name in [
        (EventPage, "livestream_url"),
        (EventPage, "recording_url"),
        (EventPage, "registration_url"),
        (Organisation, "url"),
    ]:
        with pytest.raises(ValidationError):
            model._meta.get_field(name).clean(JS_URL, None)
    with pytest.raises(ValidationError):
        URLBlock().clean(JS_URL)
    with pytest.raises(ValidationError):
        EventPerson._meta.get_field("email").clean(IMG + "@example.org", None)

    response = admin_client.post(
        reverse("wagtailsnippets_wagtail_events_organisation:add") + "?locale=nb",
        {"name": "Hemit", "short_name": "", "slug": "", "url": JS_URL},
    )
    assert response.status_code == 200
    assert not Organisation.objects.exists()

    # The rich-text editor drops the link but keeps its text.
    stored = from_editor("Link and text")
    assert "javascript" not in stored
    assert BeautifulSoup(stored, "html.parser").get_text() == "Link and text"


@pytest.mark.parametrize(
    ("url", "linked"),
    [
        ("https://example.org/?a=1&b=\"'", True),
        ("HTTP://example.org/", True),
        (JS_URL, False),
        (" javascript:alert(1)", False),
        ("JaVaScRiPt:alert(1)", False),
        ("data:text/html,<script>alert(1)</script>", False),
        ("//example.org/", False),
        ("", False),
    ],
)
def test_templates_link_only_web_addresses(url, linked):
    markup = render_to_string(
        "wagtail_events/includes/web_link.html", {"url": url, "text": SVG, "class": "x"}
    )
    soup = assert_inert(markup, [SVG])
    links = soup.find_all("a")
    assert [link["href"] for link in links] == ([url] if linked else [])
