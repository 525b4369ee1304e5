"""A Norwegian event translated into English with wagtail-localize, from submission to sync."""

import datetime

import pytest
from django.urls import reverse
from wagtail_localize.models import Translation

from tests import builders
from tests.builders import QUESTIONS
from wagtail_events.models import EventPage, Venue

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def shared(django_db_setup, django_db_blocker):
    """The translated event, which every test here reads (or changes inside its savepoint)."""
    with builders.shared_data(django_db_blocker):
        yield builders.translated_event()


@pytest.fixture
def data(shared, db):
    return builders.fresh(shared)


@pytest.fixture
def admin_client(client, data):
    client.force_login(data.editor)
    return client


def test_event_translated_into_english(client, data, locale_en):
    nb_event, en_event = data.event, data.english_event

    assert en_event.live
    assert en_event.locale == locale_en
    assert en_event.url.startswith("/en/")
    assert en_event.title == "Who pays for climate adaptation?"
    assert en_event.lead == builders.IN_ENGLISH[nb_event.lead]
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
    assert [p.title for p in en_people] == [
        "News editor",
        "Senior adviser",
        "Communications adviser",
    ]
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


def test_english_event_shows_translated_snippets(client, data):
    nb_event, en_event = data.event, data.english_event

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
        "Norwegian Institute of Public Health",
        "Central Norway Health Trust",
    ]
    moderator, speaker, contact = en_event.people_in_event
    assert moderator.display_organisation.name == "The Agder Post"
    assert speaker.display_organisation.name == "Central Norway Health Trust"
    # The contact's employer at the time was not translated: it keeps its one name.
    assert contact.display_organisation.name == "Arendal kommune"

    api = client.get(f"/api/v2/pages/{en_event.pk}/").json()
    assert api["title"] == "Who pays for climate adaptation?"
    assert api["venue"]["name"] == "Arendal Culture House"
    assert api["event_type"]["name"] == "Debate"
    assert sorted(t["name"] for t in api["topics"]) == ["Climate", "Local government finance"]
    assert [o["name"] for o in api["organisers"]] == [
        "Norwegian Institute of Public Health",
        "Central Norway Health Trust",
    ]
    assert [p["title"] for p in api["people"]] == [
        "News editor",
        "Senior adviser",
        "Communications adviser",
    ]

    html = client.get(en_event.url).content.decode()
    assert "Arendal Culture House" in html
    assert "Arendal kulturhus" not in html


def test_untranslated_snippets_fall_back_to_their_norwegian_names(client, data, locale_en):
    nb_event = data.event
    Venue.objects.filter(translation_key=nb_event.venue.translation_key, locale=locale_en).delete()

    en_event = EventPage.objects.get(pk=data.english_event.pk)

    assert en_event.localized_venue.name == "Arendal kulturhus"
    html = client.get(en_event.url).content.decode()
    assert "Arendal kulturhus" in html
    assert "Arendal Culture House" not in html


def test_new_date_in_norwegian_reaches_the_english_event(
    admin_client, data, django_capture_on_commit_callbacks
):
    nb_event = data.event
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

    en_event = EventPage.objects.get(pk=data.english_event.pk)
    assert (en_event.start, en_event.end) == (nb_event.start, nb_event.end)
    assert not en_event.has_unpublished_changes
    # The translation is kept.
    assert en_event.title == "Who pays for climate adaptation?"
