"""Wagtail's API v2: what a programme app or another site gets about events and people."""

import datetime

import pytest
from wagtail.models import PageViewRestriction

from tests.factories import (
    OSLO,
    EventPageFactory,
    EventTypeFactory,
    OrganisationFactory,
    PersonPageFactory,
    TopicFactory,
    VenueFactory,
    page_type,
)
from tests.hidden_pages import HIDDEN_WAYS, hidden_page
from tests.test_jsonld import make_image
from wagtail_events.models import EventStatus, Role

pytestmark = pytest.mark.django_db

PAGES = "/api/v2/pages/"
# The site's own page types: the pages app's, or the swapped test site's.
EVENTS = {"type": page_type("EVENT_PAGE_MODEL"), "fields": "*"}
PEOPLE = {"type": page_type("PERSON_PAGE_MODEL"), "fields": "*"}

ENGLISH = {
    "Hvem tar regningen for klimatilpasningen?": "Who pays for climate adaptation?",
    "hvem-tar-regningen": "who-pays",
    "Kommunene må ruste seg for mer ekstremvær.": (
        "Municipalities must prepare for extreme weather."
    ),
    "Nyhetsredaktør": "News editor",
    "Forsker": "Researcher",
}
PERSON_KEYS = [
    "person_id",
    "url",
    "name",
    "role",
    "role_label",
    "title",
    "organisation",
    "phone",
    "email",
]
ORGANISATION_KEYS = ["id", "name", "slug", "short_name", "url"]


def items(client, query, **params):
    """The listed pages by title."""
    response = client.get(PAGES, {**query, **params})
    assert response.status_code == 200
    return {item["title"]: item for item in response.json()["items"]}


@pytest.fixture
def event(series, people_index):
    moderator = PersonPageFactory(
        parent=people_index,
        given_name="Ingrid",
        family_name="Berg",
        job_title="Nyhetsredaktør",
        organisation=OrganisationFactory(name="Agderposten", short_name=""),
        phone="+47 400 00 101",
        email="ingrid.berg@example.org",
    )
    private_contact = PersonPageFactory(
        parent=people_index,
        given_name="Per",
        family_name="Hansen",
        job_title="Forsker",
        phone="+47 400 00 102",
        email="per.hansen@example.org",
    )
    return EventPageFactory(
        parent=series,
        title="Hvem tar regningen for klimatilpasningen?",
        slug="hvem-tar-regningen",
        lead="Kommunene må ruste seg for mer ekstremvær.",
        venue=VenueFactory(
            name="Arendal kulturhus",
            wheelchair_accessible=True,
            hearing_loop=False,
            accessibility_note="",
        ),
        event_type=EventTypeFactory(name="Debatt"),
        topics=[TopicFactory(name="Klima")],
        organisers=[OrganisationFactory(name="Kommunesektorens organisasjon", short_name="KS")],
        people=[
            (moderator, Role.MODERATOR),
            {"person": private_contact, "role": Role.CONTACT},
            {
                "role": Role.CONTACT,
                "name": "Siri Dahl",
                "title": "Nyhetsredaktør",
                "phone": "+47 400 00 321",
                "email": "siri.dahl@example.org",
                "contact_public": True,
            },
        ],
        hearing_loop=True,
    )


def test_events_in_norwegian_with_people_and_facts(client, event):
    item = items(client, EVENTS)["Hvem tar regningen for klimatilpasningen?"]

    assert item["meta"]["locale"] == "nb"
    assert item["meta"]["html_url"].endswith(event.url)
    assert item["lead"] == "Kommunene må ruste seg for mer ekstremvær."
    assert item["start"] == "2025-08-18T09:00:00+02:00"
    assert item["status"] == "scheduled"
    assert [list(person) for person in item["people"]] == [PERSON_KEYS] * 3
    assert [list(organiser) for organiser in item["organisers"]] == [ORGANISATION_KEYS]
    moderator = item["people"][0]
    assert list(moderator["organisation"]) == ORGANISATION_KEYS
    assert moderator["url"] == "http://localhost/personer/ingrid-berg/"
    assert item["people"][2]["url"] is None  # someone without a person page
    assert {key: moderator[key] for key in ("name", "role", "role_label", "title")} == {
        "name": "Ingrid Berg",
        "role": "moderator",
        "role_label": "Ordstyrer",
        "title": "Nyhetsredaktør",
    }
    assert moderator["organisation"]["name"] == "Agderposten"
    assert moderator["person_id"] == event.people_in_event[0].person_id
    assert [o["name"] for o in item["organisers"]] == ["Kommunesektorens organisasjon"]
    assert item["organisers"][0]["short_name"] == "KS"
    assert (item["venue"]["name"], item["venue"]["city"]) == ("Arendal kulturhus", "Arendal")
    assert (item["venue"]["latitude"], item["venue"]["longitude"]) == ("58.461000", "8.772000")
    assert item["event_type"]["name"] == "Debatt"
    assert [(t["name"], t["slug"]) for t in item["topics"]] == [("Klima", "klima")]
    assert item["accessibility"] == {
        "wheelchair_accessible": True,  # from the venue
        "accessible_toilet": True,
        "hearing_loop": True,  # the event's own
        "sign_language_interpreting": False,
        "note": "",
    }


@pytest.mark.urls("tests.stock_api_v2_urls")
def test_wagtail_s_own_endpoint_gives_the_plain_fields_and_refuses_the_related_ones(client, event):
    # The related fields take the package's endpoint (EventPagesAPIViewSet or EventFieldsMixin).
    item = items(client, EVENTS)["Hvem tar regningen for klimatilpasningen?"]

    assert (item["lead"], item["status"]) == (
        "Kommunene må ruste seg for mer ekstremvær.",
        "scheduled",
    )
    assert not {"venue", "people", "organisers", "event_type", "topics", "image"} & set(item)
    for params in ({**EVENTS, "fields": "venue"}, {**PEOPLE, "fields": "portrait"}):
        response = client.get(PAGES, params)
        assert response.status_code == 400
        assert "unknown" in response.json()["message"]


def test_contact_details_only_when_made_public_for_the_event(client, event):
    people = items(client, EVENTS)[event.title]["people"]
    moderator, private_contact, public_contact = people
    assert (moderator["phone"], moderator["email"]) == ("", "")
    # Copied from the person page for the editors, but not ticked public.
    assert private_contact["name"] == "Per Hansen"
    assert (private_contact["phone"], private_contact["email"]) == ("", "")
    assert (public_contact["phone"], public_contact["email"]) == (
        "+47 400 00 321",
        "siri.dahl@example.org",
    )
    assert "+47 400 00 102" not in client.get(PAGES, EVENTS).content.decode()


def test_no_link_to_a_person_page_taken_offline(client, event):
    event.people_in_event[0].person.unpublish()

    moderator = items(client, EVENTS)[event.title]["people"][0]
    assert (moderator["name"], moderator["url"]) == ("Ingrid Berg", None)


def test_drafts_and_unpublished_events_are_not_listed(client, series, event):
    EventPageFactory(parent=series, title="Hemmelig utkast", publish=False)
    withdrawn = EventPageFactory(parent=series, title="Trukket arrangement")
    withdrawn.unpublish()
    event.title = "Ny tittel som ikke er publisert"
    event.save_revision()

    assert set(items(client, EVENTS)) == {"Hvem tar regningen for klimatilpasningen?"}


def test_events_in_english(client, event, locale_en, translate_into_english):
    en_event = translate_into_english(event, ENGLISH)
    moderator_page = event.people_in_event[0].person
    translate_into_english(
        moderator_page, {**ENGLISH, "Ingrid Berg": "Ingrid Berg", "ingrid-berg": "ingrid-berg"}
    )

    assert set(items(client, EVENTS, locale="en")) == {"Who pays for climate adaptation?"}
    assert set(items(client, EVENTS, locale="nb")) == {"Hvem tar regningen for klimatilpasningen?"}

    item = items(client, EVENTS, locale="en")["Who pays for climate adaptation?"]
    assert item["id"] == en_event.pk
    assert item["meta"]["locale"] == "en"
    assert item["meta"]["html_url"].endswith("/en/arrangementer/arendalsuka-2025/who-pays/")
    assert item["lead"] == "Municipalities must prepare for extreme weather."
    assert item["start"] == "2025-08-18T09:00:00+02:00"
    moderator = item["people"][0]
    assert (moderator["name"], moderator["role"], moderator["role_label"]) == (
        "Ingrid Berg",
        "moderator",
        "Moderator",
    )
    assert [p["title"] for p in item["people"]] == ["News editor", "Researcher", "News editor"]
    assert item["people"][2]["email"] == "siri.dahl@example.org"
    assert [list(person) for person in item["people"]] == [PERSON_KEYS] * 3
    # The person page in English where it is translated; the id stays the Norwegian page's.
    assert moderator["url"] == "http://localhost/en/personer/ingrid-berg/"
    assert moderator["person_id"] == moderator_page.pk
    assert item["people"][1]["url"] == "http://localhost/personer/per-hansen/"
    assert item["people"][2]["url"] is None
    # Snippets not translated yet are shown in Norwegian rather than left out.
    assert item["venue"]["name"] == "Arendal kulturhus"
    assert [o["name"] for o in item["organisers"]] == ["Kommunesektorens organisasjon"]


def test_people_with_email_only_when_made_public(client, people_index):
    employer = OrganisationFactory(name="Universitetet i Agder", short_name="UiA")
    PersonPageFactory(
        parent=people_index,
        given_name="Åse",
        family_name="Lie",
        job_title="Professor",
        organisation=employer,
        email="ase.lie@example.org",
        email_public=True,
        phone="+47 400 00 201",
    )
    PersonPageFactory(
        parent=people_index,
        given_name="Ola",
        family_name="Nordmann",
        email="ola.nordmann@example.org",
        phone="+47 400 00 202",
        phone_public=True,
    )
    PersonPageFactory(parent=people_index, given_name="Kladd", publish=False)

    people = items(client, PEOPLE)
    assert set(people) == {"Åse Lie", "Ola Nordmann"}
    ase, ola = people["Åse Lie"], people["Ola Nordmann"]
    assert (ase["given_name"], ase["family_name"], ase["job_title"]) == ("Åse", "Lie", "Professor")
    assert (ase["organisation"]["name"], ase["organisation"]["short_name"]) == (
        "Universitetet i Agder",
        "UiA",
    )
    assert (ase["public_email"], ase["public_phone"]) == ("ase.lie@example.org", "")
    assert (ola["public_email"], ola["public_phone"]) == ("", "+47 400 00 202")
    listing = client.get(PAGES, PEOPLE).content.decode()
    assert "ola.nordmann@example.org" not in listing
    assert "+47 400 00 201" not in listing


def test_events_and_people_carry_their_pictures_as_renditions(client, series, people_index):
    PersonPageFactory(
        parent=people_index, given_name="Åse", family_name="Lie", portrait=make_image()
    )
    event = EventPageFactory(parent=series, title="Med bilde", image=make_image())
    EventPageFactory(parent=series, title="Uten bilde")

    events = items(client, EVENTS)
    picture = events["Med bilde"]["image"]
    portrait = items(client, PEOPLE)["Åse Lie"]["portrait"]

    assert events["Uten bilde"]["image"] is None
    assert (picture["alt"], picture["width"], picture["height"]) == ("Panelet på scenen", 1600, 900)
    card, large = picture["renditions"]["card"], picture["renditions"]["large"]
    assert (card["width"], card["height"], large["width"]) == (640, 360, 1280)
    # Absolute addresses of renditions the site serves, not of the uploaded original.
    assert card["url"] == "http://testserver" + event.image.get_rendition("fill-640x360").url
    assert large["url"] == "http://testserver" + event.image.get_rendition("width-1280").url
    # The same as in the package's own events API, and in the detail view.
    assert picture == client.get(f"/api/events/{event.pk}/").json()["image"]
    assert client.get(f"{PAGES}{event.pk}/").json()["image"] == picture
    assert set(portrait["renditions"]) == {"card", "large"}
    assert portrait["renditions"]["card"]["url"].startswith("http://testserver/")


def test_a_moved_event_gives_its_previous_start(client, series):
    start = datetime.datetime(2025, 8, 18, 9, 0, tzinfo=OSLO)
    event = EventPageFactory(
        parent=series, title="Flyttet debatt", start=start, end=start + datetime.timedelta(hours=1)
    )
    page = event.get_latest_revision_as_object()
    page.status = EventStatus.RESCHEDULED
    page.start, page.end = (
        event.start + datetime.timedelta(days=1),
        event.end + datetime.timedelta(days=1),
    )
    page.full_clean()
    page.save_revision().publish()
    EventPageFactory(parent=series, title="Som planlagt")

    listed = items(client, EVENTS)

    assert listed["Flyttet debatt"]["previous_start"] == "2025-08-18T09:00:00+02:00"
    assert listed["Flyttet debatt"]["start"] == "2025-08-19T09:00:00+02:00"
    assert listed["Som planlagt"]["previous_start"] is None


@pytest.mark.parametrize("way", HIDDEN_WAYS)
def test_pages_the_public_may_not_see_are_not_served(client, series, people_index, way):
    EventPageFactory(parent=series, title="Åpent møte")
    PersonPageFactory(parent=people_index, given_name="Åpen", family_name="Person")
    hidden_event = hidden_page(EventPageFactory, way, parent=series, title="Skjult møte")
    hidden_person = hidden_page(
        PersonPageFactory, way, parent=people_index, given_name="Skjult", family_name="Person"
    )

    assert set(items(client, EVENTS)) == {"Åpent møte"}
    assert set(items(client, PEOPLE)) == {"Åpen Person"}
    every_page = items(client, {})
    assert "Åpent møte" in every_page
    assert not {"Skjult møte", "Skjult Person"} & set(every_page)
    for page in (hidden_event, hidden_person):
        assert client.get(f"{PAGES}{page.pk}/").status_code == 404


def test_signed_in_editors_get_the_public_listing_too(admin_client, series):
    EventPageFactory(parent=series, title="Åpent møte")
    members_only = EventPageFactory(parent=series, title="Bare for innloggede")
    PageViewRestriction.objects.create(
        page=members_only, restriction_type=PageViewRestriction.LOGIN
    )

    assert set(items(admin_client, EVENTS)) == {"Åpent møte"}
    assert admin_client.get(f"{PAGES}{members_only.pk}/").status_code == 404


# Query counts: a page of 50 costs what a page of 5 costs, in either language.


def test_search_finds_public_events_only(client, series):
    EventPageFactory(parent=series, title="Kunstig intelligens i klinikken")
    hidden_page(EventPageFactory, "view-restricted", parent=series, title="Skjult intelligens")

    found = items(client, {"type": EVENTS["type"]}, search="intelligens")

    assert list(found) == ["Kunstig intelligens i klinikken"]
