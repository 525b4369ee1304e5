"""Editors at work in the real Wagtail admin: creating, publishing and editing events and people."""

import datetime
import json

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    querydict_from_html,
    rich_text,
    streamfield,
)

from tests import builders
from tests.factories import (
    OSLO,
    EventPageFactory,
    EventTypeFactory,
    OrganisationFactory,
    PersonPageFactory,
    TopicFactory,
    VenueFactory,
)
from wagtail_events.models import EventPage, EventStatus, PersonPage, Role

pytestmark = pytest.mark.django_db

shared_tree, home_page, events_index, series, people_index = builders.tree_fixtures()

QUESTIONS = [
    "Hvem skal betale for å klimatilpasse kommunene?",
    "Hva må staten gjøre annerledes?",
]


def list_block(values):
    """Form data for a ListBlock, in the shape Wagtail's editor posts it."""
    data = {
        str(index): {"value": value, "deleted": "", "order": str(index)}
        for index, value in enumerate(values)
    }
    data["count"] = str(len(values))
    return data


def stream_handed_to_the_editor(page):
    """The StreamField blocks the admin page gives its editor script (as JSON) to show."""
    widget = BeautifulSoup(page, "html.parser").find(attrs={"data-w-block-arguments-value": True})
    return json.loads(widget["data-w-block-arguments-value"])[0]


@pytest.fixture
def snippets():
    return {
        "venue": VenueFactory(name="Arendal kulturhus"),
        "event_type": EventTypeFactory(name="Debatt"),
        "topics": [TopicFactory(name="Klima"), TopicFactory(name="Kommuneøkonomi")],
        "organiser": OrganisationFactory(name="Kommunesektorens organisasjon", short_name="KS"),
    }


@pytest.fixture
def moderator(people_index):
    return PersonPageFactory(
        parent=people_index,
        given_name="Ingrid",
        family_name="Berg",
        job_title="Journalist",
        organisation=OrganisationFactory(name="Agderposten"),
    )


def event_form_data(snippets, moderator, *, people_ids=(), organiser_ids=(), **fields):
    """What the event form posts when every tab is filled in and the editor clicks Publish.

    Pass the ids of saved inline rows (``people_ids``, ``organiser_ids``) to post an edit.
    """
    people = [
        {"person": moderator.pk, "role": Role.MODERATOR},
        {
            "role": Role.CONTACT,
            "name": "Siri Dahl",
            "title": "Kommunikasjonsrådgiver",
            "phone": "+47 400 00 321",
            "email": "siri.dahl@example.org",
            "contact_public": "on",
        },
    ]
    organisers = [{"organisation": snippets["organiser"].pk}]
    for rows, ids in ((people, people_ids), (organisers, organiser_ids)):
        for row, pk in zip(rows, ids, strict=False):
            row["id"] = pk
    data = nested_form_data(
        {
            # Content
            "title": "Hvem tar regningen for klimatilpasningen?",
            "lead": "Kommunene må ruste seg for mer ekstremvær. Men hvem skal betale?",
            "event_type": snippets["event_type"].pk,
            "image": "",
            "body": streamfield(
                [
                    (
                        "questions",
                        {"heading": "I debatten spør vi:", "questions": list_block(QUESTIONS)},
                    )
                ]
            ),
            # Time and place
            "start": "2025-08-19 10:00",
            "end": "2025-08-19 11:30",
            "timezone": "Europe/Oslo",
            "status": EventStatus.SCHEDULED,
            "status_note": "",
            "venue": snippets["venue"].pk,
            "attendance_mode": "mixed",
            "livestream_url": "https://strøm.example.org/klima",
            "recording_url": "",
            "is_free": "on",
            "price": "",
            "capacity": "120",
            "registration_url": "",
            "wheelchair_accessible": "unknown",
            "accessible_toilet": "true",
            "hearing_loop": "false",
            "sign_language_interpreting": "on",
            "accessibility_note": "Tegnspråktolk på scenen.",
            # People
            "organisers": inline_formset(organisers, initial=len(organiser_ids)),
            "event_people": inline_formset(people, initial=len(people_ids)),
            # Promote and settings
            "slug": "hvem-tar-regningen",
            "seo_title": "",
            "search_description": "",
            "go_live_at": "",
            "expire_at": "",
            "action-publish": "action-publish",
        }
    )
    data["topics"] = [topic.pk for topic in snippets["topics"]]
    data["spoken_languages"] = ["nb", "nsl"]
    data.update(fields)
    return data


def add_event_url(series):
    return reverse("wagtailadmin_pages:add", args=("wagtail_events_pages", "eventpage", series.pk))


def test_create_publish_and_edit_an_event(admin_client, series, snippets, moderator):
    response = admin_client.get(add_event_url(series))
    assert response.status_code == 200
    tabs = BeautifulSoup(response.content.decode(), "html.parser").select('[role="tab"]')
    # Each tab ends with a placeholder for its error count: "()".
    names = [" ".join(tab.get_text().split()).removesuffix(" ()") for tab in tabs]
    assert names == ["Content", "Time and place", "People", "Promote"]

    response = admin_client.post(add_event_url(series), event_form_data(snippets, moderator))
    assert response.status_code == 302, response.context["form"].errors

    event = EventPage.objects.get(slug="hvem-tar-regningen")
    assert event.live
    assert event.get_parent().specific == series
    assert event.title == "Hvem tar regningen for klimatilpasningen?"
    assert event.local_start == datetime.datetime(2025, 8, 19, 10, 0, tzinfo=OSLO)
    assert event.local_end == datetime.datetime(2025, 8, 19, 11, 30, tzinfo=OSLO)
    assert event.venue == snippets["venue"]
    assert event.event_type == snippets["event_type"]
    assert set(event.topics.all()) == set(snippets["topics"])
    assert event.localized_organisers == [snippets["organiser"]]
    assert event.spoken_languages == ["nb", "nsl"]
    assert event.accessibility == {
        "wheelchair_accessible": True,  # from the venue
        "accessible_toilet": True,
        "hearing_loop": False,
        "sign_language_interpreting": True,
        "note": "Tegnspråktolk på scenen.",
    }
    questions = event.body[0]
    assert questions.block_type == "questions"
    assert list(questions.value["questions"]) == QUESTIONS

    moderator_row, contact_row = event.people_in_event
    # The moderator's name, title and employer are copied from the person page on save.
    assert (moderator_row.role, moderator_row.name, moderator_row.title) == (
        Role.MODERATOR,
        "Ingrid Berg",
        "Journalist",
    )
    assert moderator_row.organisation.name == "Agderposten"
    assert (contact_row.name, contact_row.public_phone) == ("Siri Dahl", "+47 400 00 321")

    public = admin_client.get(event.url)
    assert public.status_code == 200
    assert "Hvem tar regningen for klimatilpasningen?" in public.content.decode()

    edit_url = reverse("wagtailadmin_pages:edit", args=(event.pk,))
    response = admin_client.get(edit_url)
    assert response.status_code == 200
    form = querydict_from_html(response.content.decode(), form_id="page-edit-form")
    assert form["title"] == "Hvem tar regningen for klimatilpasningen?"
    assert form["event_people-TOTAL_FORMS"] == "2"
    assert form["event_people-1-name"] == "Siri Dahl"

    response = admin_client.post(
        edit_url,
        event_form_data(
            snippets,
            moderator,
            people_ids=[moderator_row.pk, contact_row.pk],
            organiser_ids=[event.organisers.get().pk],
            title="Hvem betaler for klimatilpasningen?",
            end="2025-08-19 12:00",
        ),
    )
    assert response.status_code == 302, response.context["form"].errors

    event = EventPage.objects.get(pk=event.pk)
    assert event.title == "Hvem betaler for klimatilpasningen?"
    assert event.local_end == datetime.datetime(2025, 8, 19, 12, 0, tzinfo=OSLO)
    assert not event.has_unpublished_changes
    # The same two rows, edited in place rather than added again.
    assert [row.pk for row in event.people_in_event] == [moderator_row.pk, contact_row.pk]
    assert event.organisers.count() == 1
    assert "Hvem betaler for klimatilpasningen?" in admin_client.get(event.url).content.decode()


def test_validation_error_keeps_everything_typed(admin_client, series, snippets, moderator):
    data = event_form_data(snippets, moderator, end="2025-08-19 09:00")
    response = admin_client.post(add_event_url(series), data)

    assert response.status_code == 200
    assert not EventPage.objects.exists()
    page = response.content.decode()
    assert "The event must end after it starts." in page
    form = querydict_from_html(page, form_id="page-edit-form")
    assert form["title"] == "Hvem tar regningen for klimatilpasningen?"
    assert form["lead"].strip() == data["lead"]
    assert (form["start"], form["end"]) == ("2025-08-19 10:00", "2025-08-19 09:00")
    assert form["capacity"] == "120"
    assert form["accessibility_note"].strip() == "Tegnspråktolk på scenen."
    assert form["organisers-TOTAL_FORMS"] == "1"
    assert form["organisers-0-organisation"] == str(snippets["organiser"].pk)
    assert form["event_people-TOTAL_FORMS"] == "2"
    assert form["event_people-0-person"] == str(moderator.pk)
    assert form["event_people-0-role"] == Role.MODERATOR
    assert form["event_people-1-name"] == "Siri Dahl"
    assert form["event_people-1-phone"] == "+47 400 00 321"
    assert form["event_people-1-email"] == "siri.dahl@example.org"
    assert sorted(form.getlist("topics")) == sorted(str(t.pk) for t in snippets["topics"])
    body = stream_handed_to_the_editor(page)
    assert [block["type"] for block in body] == ["questions"]
    assert body[0]["value"]["heading"] == "I debatten spør vi:"
    assert [item["value"] for item in body[0]["value"]["questions"]] == QUESTIONS


def test_preview_of_an_unsaved_event_shows_its_people_venue_and_questions(
    admin_client, series, snippets, moderator
):
    preview_url = reverse(
        "wagtailadmin_pages:preview_on_add", args=("wagtail_events_pages", "eventpage", series.pk)
    )

    checked = admin_client.post(preview_url, event_form_data(snippets, moderator))
    assert checked.json() == {"is_valid": True, "is_available": True}
    response = admin_client.get(preview_url)

    assert response.status_code == 200
    page = BeautifulSoup(response.content, "html.parser")
    assert page.h1.get_text(strip=True) == "Hvem tar regningen for klimatilpasningen?"
    text = page.get_text(" ", strip=True)
    assert "Arendal kulturhus" in text
    assert "Kommunesektorens organisasjon" in text
    # The moderator chosen from the person pages, and the contact given by hand, with the
    # phone and email the editor made public.
    moderators = page.find(id="we-moderators").find_parent("section").get_text(" ", strip=True)
    assert "Ingrid Berg" in moderators
    contacts = page.find(id="we-contact").find_parent("section").get_text(" ", strip=True)
    assert "Siri Dahl" in contacts
    assert "+47 400 00 321" in contacts
    assert "siri.dahl@example.org" in contacts
    assert all(question in text for question in QUESTIONS)
    assert not EventPage.objects.exists()


def test_preview_of_an_invalid_event_says_so_and_saves_nothing(
    admin_client, series, snippets, moderator
):
    preview_url = reverse(
        "wagtailadmin_pages:preview_on_add", args=("wagtail_events_pages", "eventpage", series.pk)
    )
    data = event_form_data(snippets, moderator, end="2025-08-19 09:00")

    assert admin_client.post(preview_url, data).json()["is_valid"] is False
    assert not EventPage.objects.exists()


def test_contact_person_without_phone_or_email_is_explained(
    admin_client, series, snippets, moderator
):
    data = event_form_data(snippets, moderator)
    data["event_people-1-phone"] = data["event_people-1-email"] = ""
    response = admin_client.post(add_event_url(series), data)
    assert response.status_code == 200
    assert "A contact person needs a phone number or an email address." in (
        response.content.decode()
    )
    assert not EventPage.objects.exists()


def test_person_page_is_created_without_a_slug(admin_client, people_index):
    organisation = OrganisationFactory(name="Universitetet i Agder")
    url = reverse(
        "wagtailadmin_pages:add", args=("wagtail_events_pages", "personpage", people_index.pk)
    )
    response = admin_client.get(url)
    assert response.status_code == 200

    data = nested_form_data(
        {
            "given_name": "Øystein",
            "family_name": "Haugland",
            "job_title": "Professor",
            "organisation": organisation.pk,
            "portrait": "",
            "bio": rich_text("<p>Forsker på klimatilpasning.</p>", features=["bold"]),
            "email": "oystein.haugland@example.org",
            "phone": "+47 400 00 777",
            "links": streamfield([]),
            "slug": "",
            "seo_title": "",
            "search_description": "",
            "go_live_at": "",
            "expire_at": "",
            "action-publish": "action-publish",
        }
    )
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.context["form"].errors

    person = PersonPage.objects.get()
    assert (person.title, person.slug) == ("Øystein Haugland", "oystein-haugland")
    assert person.live
    # Private unless ticked.
    assert (person.public_email, person.public_phone) == ("", "")


@pytest.mark.parametrize(
    ("model_name", "factory", "match", "other"),
    [
        ("organisation", OrganisationFactory, "Statens vegvesen", "Norsk Tipping"),
        ("venue", VenueFactory, "Clarion Hotel Tyholmen", "Arendal bibliotek"),
        ("eventtype", EventTypeFactory, "Frokostmøte", "Konsert"),
        ("topic", TopicFactory, "Samferdsel", "Kultur"),
    ],
)
def test_snippet_listing_and_search(admin_client, model_name, factory, match, other):
    factory(name=match)
    factory(name=other)
    url = reverse(f"wagtailsnippets_wagtail_events_{model_name}:list")

    listing = admin_client.get(url)
    assert listing.status_code == 200
    assert match in listing.content.decode()
    assert other in listing.content.decode()

    results = admin_client.get(url, {"q": match.split()[0]})
    assert results.status_code == 200
    assert match in results.content.decode()
    assert other not in results.content.decode()


def test_events_listing_filters_by_status_and_date(admin_client, series):
    on_monday = EventPageFactory(
        parent=series,
        title="Frokost om fornybar energi",
        start=datetime.datetime(2025, 8, 18, 8, 0, tzinfo=OSLO),
        end=datetime.datetime(2025, 8, 18, 9, 0, tzinfo=OSLO),
    )
    cancelled_on_tuesday = EventPageFactory(
        parent=series,
        title="Debatt om skolemat",
        start=datetime.datetime(2025, 8, 19, 14, 0, tzinfo=OSLO),
        end=datetime.datetime(2025, 8, 19, 15, 0, tzinfo=OSLO),
        status=EventStatus.CANCELLED,
    )
    url = reverse("wagtail_events_events:index")

    def listed(**params):
        response = admin_client.get(url, params)
        assert response.status_code == 200
        page = response.content.decode()
        return {event.title for event in (on_monday, cancelled_on_tuesday) if event.title in page}

    assert listed() == {on_monday.title, cancelled_on_tuesday.title}
    assert listed(status=EventStatus.CANCELLED) == {cancelled_on_tuesday.title}
    assert listed(status=EventStatus.SCHEDULED) == {on_monday.title}
    assert listed(start_from="2025-08-18", start_to="2025-08-18") == {on_monday.title}
    assert listed(start_from="2025-08-19") == {cancelled_on_tuesday.title}


def listing_rows(response):
    """The text of each row in an admin listing table, with its whitespace squeezed."""
    rows = BeautifulSoup(response.content.decode(), "html.parser").select("table.listing tbody tr")
    return [" ".join(row.get_text().split()) for row in rows]


def test_events_listing_shows_date_status_and_publication(admin_client, series):
    EventPageFactory(
        parent=series,
        title="Utkast til seminar",
        start=datetime.datetime(2025, 8, 21, 12, 0, tzinfo=OSLO),
        end=datetime.datetime(2025, 8, 21, 13, 0, tzinfo=OSLO),
        status=EventStatus.POSTPONED,
        publish=False,
    )
    EventPageFactory(
        parent=series,
        title="Seminar om havvind",
        start=datetime.datetime(2025, 8, 20, 12, 0, tzinfo=OSLO),
        end=datetime.datetime(2025, 8, 20, 13, 0, tzinfo=OSLO),
    )
    response = admin_client.get(reverse("wagtail_events_events:index"))
    assert response.status_code == 200
    # The latest start first, though it was edited before the other.
    draft, live = listing_rows(response)
    assert "Utkast til seminar" in draft
    assert "Postponed" in draft
    assert "draft" in draft
    assert "Seminar om havvind" in live
    assert "Scheduled" in live
    assert "live" in live


def test_people_listing_loads(admin_client, people_index):
    PersonPageFactory(parent=people_index, given_name="Nora", job_title="Ordfører")
    response = admin_client.get(reverse("wagtail_events_people:index"))
    assert response.status_code == 200
    [row] = listing_rows(response)
    assert "Nora Nordmann" in row
    assert "Ordfører" in row
    assert "live" in row


def test_an_agenda_day_outside_the_event_is_marked_on_the_item(
    admin_client, series, snippets, moderator
):
    def item(day, title):
        return {
            "day": day,
            "start_time": "10:00",
            "end_time": "",
            "title": title,
            "description": "",
            "people": list_block([]),
        }

    agenda = {
        "heading": "Program",
        "items": list_block([item("2025-08-19", "Åpning"), item("2025-08-20", "Dag to")]),
    }
    data = event_form_data(snippets, moderator)
    data.update(nested_form_data({"body": streamfield([("agenda", agenda)])}))

    response = admin_client.post(add_event_url(series), data)

    assert response.status_code == 200
    assert not EventPage.objects.exists()
    widget = BeautifulSoup(response.content.decode(), "html.parser").find(
        attrs={"data-w-block-arguments-value": True}
    )
    errors = json.loads(widget["data-w-block-arguments-value"])[1]
    # On the second item's day, where the editor's eye is, not as a note on the whole body.
    items = errors["blockErrors"]["0"]["blockErrors"]["items"]["blockErrors"]
    assert list(items) == ["1"]
    assert items["1"]["blockErrors"]["day"]["messages"] == [
        "Choose a day within the event: 19 August 2025."
    ]
