"""Wagtail's API v2: what a programme app or another site gets about events and people."""

import pytest

from tests.factories import (
    EventPageFactory,
    EventTypeFactory,
    OrganisationFactory,
    PersonPageFactory,
    TopicFactory,
    VenueFactory,
)
from wagtail_events.models import Role

pytestmark = pytest.mark.django_db

PAGES = "/api/v2/pages/"
EVENTS = {"type": "wagtail_events.EventPage", "fields": "*"}
PEOPLE = {"type": "wagtail_events.PersonPage", "fields": "*"}

ENGLISH = {
    "Hvem tar regningen for klimatilpasningen?": "Who pays for climate adaptation?",
    "hvem-tar-regningen": "who-pays",
    "Kommunene må ruste seg for mer ekstremvær.": (
        "Municipalities must prepare for extreme weather."
    ),
    "Nyhetsredaktør": "News editor",
    "Forsker": "Researcher",
}


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
    moderator = item["people"][0]
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


def test_drafts_and_unpublished_events_are_not_listed(client, series, event):
    EventPageFactory(parent=series, title="Hemmelig utkast", publish=False)
    withdrawn = EventPageFactory(parent=series, title="Trukket arrangement")
    withdrawn.unpublish()
    event.title = "Ny tittel som ikke er publisert"
    event.save_revision()

    assert set(items(client, EVENTS)) == {"Hvem tar regningen for klimatilpasningen?"}


def test_events_in_english(client, event, locale_en, translate_into_english):
    en_event = translate_into_english(event, ENGLISH)

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
