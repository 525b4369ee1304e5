"""A Norwegian event translated into English with wagtail-localize, from submission to sync."""

import datetime

import pytest
from django.urls import reverse
from wagtail_localize.models import Translation

from tests.factories import (
    EventPageFactory,
    EventTypeFactory,
    OrganisationFactory,
    PersonPageFactory,
    TopicFactory,
    VenueFactory,
)
from wagtail_events.models import EventPage, Role

pytestmark = pytest.mark.django_db

QUESTIONS = {
    "Hvem skal betale for å klimatilpasse kommunene?": (
        "Who should pay to prepare municipalities for a changing climate?"
    ),
    "Hva må staten gjøre annerledes?": "What must the state do differently?",
}

# Every Norwegian text an editor can translate, with the English a translator typed in.
ENGLISH = {
    # The event
    "Hvem tar regningen for klimatilpasningen?": "Who pays for climate adaptation?",
    "hvem-tar-regningen": "who-pays",
    "Kommunene må ruste seg for mer ekstremvær. Men hvem skal betale?": (
        "Municipalities must prepare for more extreme weather. But who should pay?"
    ),
    "I debatten spør vi:": "In this debate we ask:",
    **QUESTIONS,
    "Tegnspråktolk på scenen.": "Sign-language interpreter on stage.",
    # Titles the people had at this event
    "Nyhetsredaktør": "News editor",
    "Kommunikasjonsrådgiver": "Communications adviser",
    # Snippets
    "Kommunesektorens organisasjon": "Norwegian Association of Local and Regional Authorities",
    "KS": "KS",
    "Agderposten": "Agderposten",
    "Arendal kulturhus": "Arendal Culture House",
    "Arendal": "Arendal",
    "Norge": "Norway",
    "Trinnfri inngang fra torget.": "Step-free entrance from the square.",
    "Debatt": "Debate",
    "Klima": "Climate",
    "Kommuneøkonomi": "Local government finance",
}


@pytest.fixture
def nb_event(series, people_index):
    moderator = PersonPageFactory(
        parent=people_index,
        given_name="Ingrid",
        family_name="Berg",
        job_title="Nyhetsredaktør",
        organisation=OrganisationFactory(name="Agderposten", short_name=""),
    )
    return EventPageFactory(
        parent=series,
        title="Hvem tar regningen for klimatilpasningen?",
        slug="hvem-tar-regningen",
        lead="Kommunene må ruste seg for mer ekstremvær. Men hvem skal betale?",
        body=[
            ("questions", {"heading": "I debatten spør vi:", "questions": list(QUESTIONS)}),
        ],
        venue=VenueFactory(name="Arendal kulturhus"),
        event_type=EventTypeFactory(name="Debatt"),
        topics=[TopicFactory(name="Klima"), TopicFactory(name="Kommuneøkonomi")],
        organisers=[OrganisationFactory(name="Kommunesektorens organisasjon", short_name="KS")],
        people=[
            (moderator, Role.MODERATOR),
            {
                "role": Role.CONTACT,
                "name": "Siri Dahl",
                "title": "Kommunikasjonsrådgiver",
                "email": "siri.dahl@example.org",
                "contact_public": True,
            },
        ],
        accessibility_note="Tegnspråktolk på scenen.",
    )


@pytest.fixture
def translate(translate_into_english):
    return lambda obj: translate_into_english(obj, ENGLISH)


def test_event_translated_into_english(client, nb_event, locale_en, translate):
    en_event = translate(nb_event)

    assert en_event.live
    assert en_event.locale == locale_en
    assert en_event.url.startswith("/en/")
    assert en_event.title == "Who pays for climate adaptation?"
    assert en_event.lead == ENGLISH[nb_event.lead]
    questions = en_event.body[0].value
    assert questions["heading"] == "In this debate we ask:"
    assert list(questions["questions"]) == list(QUESTIONS.values())
    assert en_event.accessibility["note"] == "Sign-language interpreter on stage."

    # Facts are synchronised: the same time, place, organisers and people.
    assert (en_event.start, en_event.end) == (nb_event.start, nb_event.end)
    assert en_event.venue_id == nb_event.venue_id
    assert en_event.event_type_id == nb_event.event_type_id
    assert set(en_event.topics.all()) == set(nb_event.topics.all())
    assert [o.organisation_id for o in en_event.organisers.all()] == [
        o.organisation_id for o in nb_event.organisers.all()
    ]
    en_people, nb_people = en_event.people_in_event, nb_event.people_in_event
    assert [(p.person_id, p.role, p.name) for p in en_people] == [
        (p.person_id, p.role, p.name) for p in nb_people
    ]
    # ...while what a person was at this event is said in English.
    assert [p.title for p in en_people] == ["News editor", "Communications adviser"]
    assert {p.locale for p in en_people} == {locale_en}

    page = client.get(en_event.url)
    assert page.status_code == 200
    html = page.content.decode()
    assert "Who pays for climate adaptation?" in html
    assert QUESTIONS["Hva må staten gjøre annerledes?"] in html
    assert "News editor" in html
    assert "Hvem tar regningen" not in html
    # The Norwegian page is still there, in Norwegian.
    assert "Hvem tar regningen for klimatilpasningen?" in client.get(nb_event.url).content.decode()


def test_english_event_shows_translated_snippets(client, nb_event, translate):
    en_event = translate(nb_event)
    # Before the snippets are translated, the English page falls back to the Norwegian names.
    assert en_event.localized_venue.name == "Arendal kulturhus"

    translate(nb_event.venue)
    translate(nb_event.event_type)
    for topic in nb_event.topics.all():
        translate(topic)
    for organiser in nb_event.organisers.all():
        translate(organiser.organisation)

    en_event = EventPage.objects.get(pk=en_event.pk)
    venue = en_event.localized_venue
    assert (venue.name, venue.country, venue.slug) == (
        "Arendal Culture House",
        "Norway",
        nb_event.venue.slug,
    )
    assert en_event.accessibility["wheelchair_accessible"] is True
    assert en_event.localized_event_type.name == "Debate"
    assert sorted(t.name for t in en_event.localized_topics) == [
        "Climate",
        "Local government finance",
    ]
    assert [o.name for o in en_event.localized_organisers] == [
        "Norwegian Association of Local and Regional Authorities"
    ]
    # The moderator's employer at the time was not translated: it keeps its one name.
    assert en_event.people_in_event[0].display_organisation.name == "Agderposten"

    api = client.get(f"/api/v2/pages/{en_event.pk}/").json()
    assert api["title"] == "Who pays for climate adaptation?"
    assert api["venue"]["name"] == "Arendal Culture House"
    assert api["event_type"]["name"] == "Debate"
    assert sorted(t["name"] for t in api["topics"]) == ["Climate", "Local government finance"]
    assert [o["name"] for o in api["organisers"]] == [
        "Norwegian Association of Local and Regional Authorities"
    ]
    assert [p["title"] for p in api["people"]] == ["News editor", "Communications adviser"]

    html = client.get(en_event.url).content.decode()
    assert "Arendal Culture House" in html
    assert "Arendal kulturhus" not in html


def test_new_date_in_norwegian_reaches_the_english_event(
    admin_client, nb_event, translate, django_capture_on_commit_callbacks
):
    en_event = translate(nb_event)
    nb_event.start += datetime.timedelta(days=1)
    nb_event.end += datetime.timedelta(days=1, hours=1)
    nb_event.save_revision().publish()

    source = Translation.objects.get(source__object_id=nb_event.translation_key).source
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            reverse("wagtail_localize:update_translations", args=(source.pk,)),
            {"publish_translations": "on"},
        )
    assert response.status_code == 302

    en_event = EventPage.objects.get(pk=en_event.pk)
    assert (en_event.start, en_event.end) == (nb_event.start, nb_event.end)
    assert not en_event.has_unpublished_changes
    # The translation is kept.
    assert en_event.title == "Who pays for climate adaptation?"
