"""Wagtail's API v2: what a programme app or another site gets about events and people."""

import datetime
import io

import pytest
from django.core.cache import cache
from django.core.files.images import ImageFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from PIL import Image as PILImage
from wagtail.images import get_image_model
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
    published_quickly,
)
from tests.hidden_pages import HIDDEN_WAYS, hidden_page
from tests.test_jsonld import make_image
from wagtail_events.images import IMAGE_RENDITIONS
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


@pytest.fixture
def english_copy(locale_en):
    """A function that publishes an English copy of a page, linking what the page links."""

    def copy(page):
        english = page.copy_for_translation(locale_en, copy_parents=True)
        english.save_revision().publish()
        return type(page).objects.get(pk=english.pk)

    return copy


@pytest.fixture
def translated_organisation(locale_en):
    organisation = OrganisationFactory(name="Helse Midt-Norge RHF")
    english = organisation.copy_for_translation(locale_en)
    english.name = "Central Norway Regional Health Authority"
    english.save()
    return organisation


def body_naming(person):
    """An event body whose agenda and call to action choose the person's page."""
    return [
        {
            "type": "agenda",
            "value": {
                "heading": "Program",
                "items": [
                    {
                        "type": "item",
                        "value": {
                            "start_time": "09:00:00",
                            "end_time": "09:30:00",
                            "title": "Velkommen",
                            "description": "",
                            "people": [{"type": "item", "value": person.pk}],
                        },
                    }
                ],
            },
        },
        {"type": "call_to_action", "value": {"text": "Møt oss", "page": person.pk, "url": ""}},
    ]


def small_image(n):
    """A small picture of its own, with the renditions the APIs offer already made."""
    buffer = io.BytesIO()
    PILImage.new("RGB", (64, 36), (n * 5 % 256, 90, 150)).save(buffer, "PNG")
    image = get_image_model().objects.create(
        title=f"Bilde {n}", file=ImageFile(buffer, name=f"bilde-{n}.png")
    )
    image.get_renditions(*IMAGE_RENDITIONS.values())
    return image


def compare_queries(client, django_assert_num_queries, query):
    """Assert that a page of 50 results costs the queries a page of 5 does; give the 50."""
    with CaptureQueriesContext(connection) as queries:
        assert len(items(client, query, limit=5)) == 5
    with django_assert_num_queries(len(queries)):
        listed = items(client, query, limit=50)
    assert len(listed) == 50
    return list(listed.values())


def test_a_page_of_50_events_costs_the_queries_of_a_page_of_5(
    client,
    settings,
    series,
    people_index,
    english_copy,
    translated_organisation,
    django_assert_num_queries,
):
    settings.WAGTAILAPI_LIMIT_MAX = 50
    speaker = PersonPageFactory(parent=people_index)
    english_copy(speaker)
    series_en = english_copy(series)
    shared = {
        "body": body_naming(speaker),
        "people": [
            (speaker, Role.MODERATOR),
            {"role": Role.CONTACT, "name": "Siri Dahl", "email": "siri.dahl@example.org"},
        ],
        "organisers": [translated_organisation, OrganisationFactory()],
        "topics": [TopicFactory()],
        "venue": VenueFactory(),
        "event_type": EventTypeFactory(),
    }
    # Norwegian and English events by turns, so both pages hold both languages; each with its
    # own picture, whose renditions are made (as they are once anyone has asked for them).
    with published_quickly():
        for n in range(50):
            EventPageFactory(parent=(series, series_en)[n % 2], image=small_image(n), **shared)
    # Wagtail also keeps renditions in Django's cache, which a busy site's evicts.
    cache.clear()
    client.get(PAGES, EVENTS)  # the site root is cached after the first request

    for query in (EVENTS, {**EVENTS, "search": "debatt"}):
        listed = compare_queries(client, django_assert_num_queries, {**query, "order": "start"})
    assert all(set(item["image"]["renditions"]) == {"card", "large"} for item in listed)
    english = listed[1]
    assert english["meta"]["locale"] == "en"
    assert english["people"][0]["url"].startswith("http://localhost/en/")
    assert english["organisers"][0]["name"] == "Central Norway Regional Health Authority"


def test_a_page_of_50_people_costs_the_queries_of_a_page_of_5(
    client,
    settings,
    people_index,
    english_copy,
    translated_organisation,
    django_assert_num_queries,
):
    settings.WAGTAILAPI_LIMIT_MAX = 50
    people_index_en = english_copy(people_index)
    untranslated = OrganisationFactory()
    # Norwegian and English people by turns, working for organisations with and without an
    # English name.
    with published_quickly():
        for n in range(50):
            PersonPageFactory(
                parent=(people_index, people_index_en)[n % 2],
                organisation=(translated_organisation, untranslated)[n // 2 % 2],
                portrait=small_image(n),
            )
    cache.clear()
    client.get(PAGES, PEOPLE)

    listed = compare_queries(client, django_assert_num_queries, {**PEOPLE, "order": "id"})
    assert all(person["portrait"]["renditions"]["card"]["url"] for person in listed)
    assert [person["organisation"]["name"] for person in listed[:4]] == [
        "Helse Midt-Norge RHF",
        "Central Norway Regional Health Authority",
        untranslated.name,
        untranslated.name,
    ]


def test_an_event_costs_the_same_queries_with_2_or_20_people(
    client, series, people_index, english_copy, django_assert_num_queries
):
    speakers = [(PersonPageFactory(parent=people_index), Role.SPEAKER) for _ in range(2)]
    organisation = OrganisationFactory()

    def event(how_many):
        contacts = [
            {
                "role": Role.CONTACT,
                "name": f"Kontakt {n}",
                "email": f"kontakt{n}@example.org",
                "organisation": organisation,
            }
            for n in range(how_many - len(speakers))
        ]
        return EventPageFactory(
            parent=series, body=body_naming(speakers[0][0]), people=speakers + contacts
        )

    few, many = event(2), event(20)
    client.get(f"{PAGES}{few.pk}/")

    for small, large in ((few, many), (english_copy(few), english_copy(many))):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(f"{PAGES}{small.pk}/").status_code == 200
        with django_assert_num_queries(len(queries)):
            response = client.get(f"{PAGES}{large.pk}/")
        assert len(response.json()["people"]) == 20


def test_search_finds_public_events_only(client, series):
    EventPageFactory(parent=series, title="Kunstig intelligens i klinikken")
    hidden_page(EventPageFactory, "view-restricted", parent=series, title="Skjult intelligens")

    found = items(client, {"type": EVENTS["type"]}, search="intelligens")

    assert list(found) == ["Kunstig intelligens i klinikken"]
