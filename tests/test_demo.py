"""The demo loader: what a visitor of the example site sees, in Norwegian and English."""

import datetime
import io
import json
import zoneinfo

import icalendar
import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale, Page, ReferenceIndex, Revision, Site
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from example_project.home.models import HomePage
from wagtail_events.models import (
    AttendanceMode,
    EventIndexPage,
    EventOrganiser,
    EventPage,
    EventPerson,
    EventStatus,
    EventType,
    Organisation,
    PersonIndexPage,
    PersonPage,
    Topic,
    Venue,
)

OSLO = zoneinfo.ZoneInfo("Europe/Oslo")
TITLE_NB = "Når kunstig intelligens blir del av helseteamet: Fra forsøk til gevinst"
TITLE_EN = "When artificial intelligence joins the health team: from pilot to payoff"

# (role, name, title nb, title en, organisation nb or None), in the seed's order.
REFERENCE_PEOPLE = [
    ("contact", "Nina Kotte", "Kommunikasjonssjef", "Head of Communications", "Hemit HF"),
    (
        "moderator",
        "Eiliv Flakne",
        "Kommunikasjonsdirektør",
        "Director of Communications",
        "Helse Midt-Norge RHF",
    ),
    (
        "participant",
        "Karianne Oldernes Tung",
        "Digitaliserings- og forvaltningsminister",
        "Minister of Digitalisation and Public Governance",
        None,
    ),
    (
        "participant",
        "Bjørn Atle Lein Bjørnbeth",
        "Administrerende direktør",
        "Chief Executive",
        "Oslo universitetssykehus",
    ),
    (
        "participant",
        "Morten Troøyen",
        "Klinikksjef, Klinikk for bildediagnostikk",
        "Head of Clinic, Clinic of Diagnostic Imaging",
        "St. Olavs hospital",
    ),
    ("participant", "Terje Brasethvik", "Forskningsdirektør", "Research Director", "NTNU NorwAI"),
    ("participant", "Trond Utne", "Administrerende direktør", "Chief Executive", "Hemit HF"),
]
ORGANISATION_EN = {
    "Hemit HF": "Hemit HF",
    "Helse Midt-Norge RHF": "Central Norway Regional Health Authority",
    "Oslo universitetssykehus": "Oslo University Hospital",
    "St. Olavs hospital": "St. Olav's Hospital",
    "NTNU NorwAI": "NTNU NorwAI",
}


def load_demo():
    # No on-commit callbacks are run here: the command must publish everything by itself, even
    # inside a transaction.
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


@pytest.fixture(scope="module")
def demo_output(django_db_setup, django_db_blocker):
    """Build the demo once for this module, in a transaction rolled back when the module ends."""
    with django_db_blocker.unblock(), transaction.atomic():
        output = load_demo()
        yield output
        transaction.set_rollback(True)


@pytest.fixture
def demo(demo_output, db):
    return demo_output


@pytest.fixture
def nb(demo):
    return Locale.objects.get(language_code="nb")


@pytest.fixture
def en(demo):
    return Locale.objects.get(language_code="en")


@pytest.fixture
def reference_nb(nb):
    return EventPage.objects.get(locale=nb, title=TITLE_NB)


@pytest.fixture
def reference_en(reference_nb, en):
    return reference_nb.get_translation(en)


def counts():
    models = [
        Page,
        EventPage,
        PersonPage,
        EventPerson,
        EventOrganiser,
        Organisation,
        Venue,
        EventType,
        Topic,
        Locale,
        Site,
        Revision,
        TranslationSource,
        Translation,
        StringTranslation,
        get_user_model(),
    ]
    return {model.__name__: model.objects.count() for model in models}


def test_second_run_changes_nothing(demo, monkeypatch):
    before = counts()
    monkeypatch.setenv("PORT", "8123")

    output = load_demo()

    assert counts() == before
    assert "0 objects created, 55 already there" in output
    assert "http://127.0.0.1:8123/admin/" in output


def test_first_run_says_how_to_log_in(demo):
    assert "http://127.0.0.1:8000/admin/" in demo
    assert "admin" in demo
    assert "demo-admin-password" in demo
    assert get_user_model().objects.get(username="admin").check_password("demo-admin-password")


def test_home_page_is_the_site_root_in_both_languages(demo, client, en):
    site = Site.objects.get(is_default_site=True)
    home = site.root_page.specific
    assert isinstance(home, HomePage)
    assert home.get_translation(en).live
    # Wagtail's placeholder welcome page is gone.
    assert not Page.objects.filter(depth=2).exclude(content_type=home.content_type).exists()
    assert client.get("/").status_code == 200
    assert client.get("/en/").status_code == 200


def test_every_page_and_snippet_has_a_live_english_translation(nb, en):
    pages = Page.objects.filter(locale=nb, depth__gt=1).specific()
    assert len(pages) > 25
    for page in pages:
        translation = page.get_translation(en)
        assert translation.live, page
        if isinstance(page, PersonPage):
            assert translation.title == page.title
        elif isinstance(page, EventPage):
            assert translation.title != page.title
    for model in (Organisation, Venue, EventType, Topic):
        for item in model.objects.filter(locale=nb):
            assert item.get_translation(en).slug == item.slug
    # Translations are real English, not copies of the Norwegian.
    assert EventIndexPage.objects.get(locale=en, depth=3).title == "Events"
    assert PersonIndexPage.objects.get(locale=en).title == "People"
    assert EventType.objects.get(locale=en, slug="debatt").name == "Debate"
    assert {topic.name for topic in Topic.objects.filter(locale=en)} >= {"Research", "Health"}


def test_reference_event_in_norwegian(reference_nb):
    event = reference_nb
    assert event.live
    assert event.series.title == "Arendalsuka 2025"
    assert event.local_start == datetime.datetime(2025, 8, 12, 9, 0, tzinfo=OSLO)
    assert event.local_end == datetime.datetime(2025, 8, 12, 9, 45, tzinfo=OSLO)
    assert event.timezone == "Europe/Oslo"
    assert event.venue.name == "Bankgården"
    assert event.venue.address_lines == ["Strandgaten 1", "Arendal", "Norge"]
    assert event.venue.postcode == ""
    assert event.attendance_mode == AttendanceMode.IN_PERSON
    assert event.status == EventStatus.SCHEDULED
    assert event.event_type.name == "Debatt"
    assert sorted(topic.name for topic in event.topics.all()) == ["Forskning", "Helse"]
    assert event.is_free
    assert not event.registration_required
    assert [org.name for org in event.localized_organisers] == ["NTNU NorwAI", "Hemit HF"]
    assert "helsetjenesten" in event.lead

    blocks = {block.block_type: block.value for block in event.body}
    assert blocks["rich_text"].source.count("<p>") == 3
    assert blocks["questions"]["heading"] == "I denne debatten spør vi:"
    assert len(blocks["questions"]["questions"]) == 3

    people = [
        (row.role, row.display_name, row.title, getattr(row.display_organisation, "name", None))
        for row in event.people_in_event
    ]
    assert people == [(role, name, title, org) for role, name, title, _en, org in REFERENCE_PEOPLE]


def test_reference_event_in_english(reference_en, reference_nb):
    event = reference_en
    assert event.live
    assert event.title == TITLE_EN
    assert event.start == reference_nb.start
    assert event.end == reference_nb.end
    assert event.localized_venue.name == "Bankgården"
    assert event.localized_venue.address_lines == ["Strandgaten 1", "Arendal", "Norway"]
    assert event.localized_event_type.name == "Debate"
    assert sorted(topic.name for topic in event.localized_topics) == ["Health", "Research"]
    assert [org.name for org in event.localized_organisers] == ["NTNU NorwAI", "Hemit HF"]
    assert event.lead != reference_nb.lead
    assert "health service" in event.lead

    blocks = {block.block_type: block.value for block in event.body}
    assert "health service of the future" in blocks["rich_text"].source
    assert blocks["questions"]["heading"] == "In this debate we ask:"
    assert len(blocks["questions"]["questions"]) == 3

    people = [
        (row.role, row.display_name, row.title, getattr(row.display_organisation, "name", None))
        for row in event.people_in_event
    ]
    assert people == [
        (role, name, title, ORGANISATION_EN.get(org))
        for role, name, _nb, title, org in REFERENCE_PEOPLE
    ]


def test_contact_details_are_public_on_the_event_only(reference_nb, reference_en, client):
    for event in (reference_nb, reference_en):
        (contact,) = event.contact_people
        assert contact.contact_public
        assert contact.public_phone == "+47 400 00 000"
        assert contact.public_email == "nina.kotte@example.org"
        assert all(not row.public_email for row in event.people_in_event if row.pk != contact.pk)

    nina = contact.person.specific
    assert (nina.email, nina.phone) == ("nina.kotte@example.org", "+47 400 00 000")
    assert not nina.email_public and not nina.phone_public
    assert nina.public_email == nina.public_phone == ""
    assert "nina.kotte@example.org" not in client.get(nina.url).content.decode()


@pytest.mark.parametrize("language", ["nb", "en"])
def test_reference_event_page_is_served(language, reference_nb, reference_en, client):
    event = reference_nb if language == "nb" else reference_en
    response = client.get(event.url)

    assert response.status_code == 200
    html = response.content.decode()
    assert event.title in html
    for _role, name, title_nb, title_en, _org in REFERENCE_PEOPLE:
        assert name in html
        assert (title_nb if language == "nb" else title_en) in html
    assert "nina.kotte@example.org" in html
    assert ("I denne debatten spør vi:" if language == "nb" else "In this debate we ask:") in html


def test_events_are_varied_enough_for_listings(nb, en):
    events = list(EventPage.objects.filter(locale=nb).live())
    assert len(events) >= 9
    assert EventPage.objects.filter(locale=en).live().count() == len(events)

    now = timezone.now()
    assert any(event.end < now for event in events)
    assert any(event.start > now for event in events)
    assert {event.attendance_mode for event in events} == set(AttendanceMode.values)
    cancelled = [event for event in events if event.status == EventStatus.CANCELLED]
    assert cancelled and all(event.status_note for event in cancelled)
    online = [event for event in events if event.attendance_mode == AttendanceMode.ONLINE]
    assert all(event.livestream_url for event in online)
    assert len({event.event_type_id for event in events}) >= 5
    organisers = {org.name for event in events for org in event.localized_organisers}
    assert {"Hemit HF", "NTNU NorwAI", "Helse Midt-Norge RHF", "St. Olavs hospital"} <= organisers
    assert any(event.registration_required and event.capacity for event in events)
    assert any(not event.is_free and event.price for event in events)
    assert {"nb", "en"} <= {code for event in events for code in event.spoken_languages}
    assert any(event.sign_language_interpreting for event in events)
    assert any(event.accessibility["hearing_loop"] for event in events)

    agenda_items = [
        item
        for event in events
        for block in event.body
        if block.block_type == "agenda"
        for item in block.value["items"]
    ]
    assert agenda_items
    assert all(isinstance(item["start_time"], datetime.time) for item in agenda_items)
    assert any(item["people"] for item in agenda_items)


@pytest.mark.parametrize("language", ["nb", "en"])
def test_api_lists_the_reference_event_with_its_people(language, demo, client):
    response = client.get(
        f"/api/v2/pages/?type=wagtail_events_pages.EventPage&fields=*&locale={language}"
    )

    assert response.status_code == 200
    items = {item["title"]: item for item in response.json()["items"]}
    item = items[TITLE_NB if language == "nb" else TITLE_EN]
    assert item["meta"]["locale"] == language
    people = [(person["role"], person["name"], person["title"]) for person in item["people"]]
    title_index = 2 if language == "nb" else 3
    assert people == [(row[0], row[1], row[title_index]) for row in REFERENCE_PEOPLE]
    contact = item["people"][0]
    assert (contact["phone"], contact["email"]) == ("+47 400 00 000", "nina.kotte@example.org")
    assert item["people"][1]["email"] == ""
    assert [org["name"] for org in item["organisers"]] == ["NTNU NorwAI", "Hemit HF"]


# The ETag compared across two requests names the cache period.
@pytest.mark.usefixtures("one_cache_period")
def test_events_api_lists_hemits_reference_event_with_its_people(demo, client):
    response = client.get("/api/events/", {"organiser": "hemit", "lang": "nb"})

    assert response.status_code == 200
    items = {item["title"]: item for item in response.json()["items"]}
    event = items[TITLE_NB]
    people = [(person["role"], person["name"]) for person in event["people"]]
    assert people == [(row[0], row[1]) for row in REFERENCE_PEOPLE]
    again = client.get(
        "/api/events/", {"organiser": "hemit", "lang": "nb"}, HTTP_IF_NONE_MATCH=response["ETag"]
    )
    assert again.status_code == 304


def test_embed_profiles_for_hemit_and_ntnu(demo, client):
    hemit = client.get("/embed/events/", {"profile": "hemit", "when": "all"})
    assert "frame-ancestors https://www.hemit.no" in hemit["Content-Security-Policy"]
    assert TITLE_NB in hemit.content.decode()
    ntnu = client.get("/api/events/", {"profile": "ntnu"})
    assert TITLE_NB in [item["title"] for item in ntnu.json()["items"]]


def test_refuses_a_site_that_already_has_content(demo):
    root = Page.get_first_root_node()
    other = root.add_child(instance=Page(title="Eksisterende nettsted", slug="eksisterende"))
    other.add_child(instance=Page(title="Underside", slug="underside"))
    Site.objects.filter(is_default_site=True).update(root_page=other)

    with pytest.raises(CommandError, match="Eksisterende nettsted"):
        load_demo()


def test_search_and_usage_indexes_cover_both_languages(reference_nb, reference_en, nb, en):
    assert reference_nb in EventPage.objects.live().filter(locale=nb).search("helseteamet")
    assert reference_en in EventPage.objects.live().filter(locale=en).search("payoff")
    bankgarden = Venue.objects.get(locale=nb, slug="bankgarden")
    using_pages = {ref.object_id for ref in ReferenceIndex.get_references_to(bankgarden)}
    assert {str(reference_nb.pk), str(reference_en.pk)} <= using_pages


@pytest.mark.parametrize("language", ["nb", "en"])
def test_reference_event_links_a_valid_calendar_and_json_ld(
    language, reference_nb, reference_en, client
):
    event = reference_nb if language == "nb" else reference_en
    html = client.get(event.url).content.decode()

    soup = BeautifulSoup(html, "html.parser")
    calendar_link = soup.find("link", rel="alternate", type="text/calendar")["href"]
    calendar = icalendar.Calendar.from_ical(client.get(calendar_link).content)
    (vevent,) = calendar.walk("VEVENT")
    assert str(vevent["SUMMARY"]) == event.title
    assert vevent["DTSTART"].params["TZID"] == "Europe/Oslo"
    assert vevent.decoded("DTSTART") == datetime.datetime(2025, 8, 12, 9, 0, tzinfo=OSLO)
    assert vevent.decoded("DTEND") == datetime.datetime(2025, 8, 12, 9, 45, tzinfo=OSLO)

    (script,) = soup.find_all("script", type="application/ld+json")
    data = json.loads(script.string)
    assert data["@type"] == "Event"
    assert data["name"] == event.title
    assert data["startDate"] == "2025-08-12T09:00:00+02:00"
    assert data["endDate"] == "2025-08-12T09:45:00+02:00"
    assert data["inLanguage"]


@pytest.mark.parametrize(
    "query",
    [
        {"organiser": "hemit"},
        {"type": "debatt"},
        {"topic": "helse"},
        {"from": "2025-08-12", "to": "2025-08-12"},
    ],
)
@pytest.mark.parametrize("language", ["nb", "en"])
def test_programme_filters_find_the_reference_event(
    language, query, reference_nb, reference_en, client
):
    event = reference_nb if language == "nb" else reference_en
    programme = event.get_parent()
    response = client.get(programme.url, {"when": "all", **query})

    # A filter that could not be used would leave the list unfiltered.
    assert not response.context["filter"].errors
    assert event.title in response.content.decode()
    # And it does filter: a topic the reference event lacks leaves it out.
    other = client.get(programme.url, {"when": "all", **query, "topic": "personvern"})
    assert not other.context["filter"].errors
    assert event.title not in other.content.decode()
