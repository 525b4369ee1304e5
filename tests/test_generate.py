"""The generate_events command: many fictional, public, translated events for benchmarks."""

import io

import pytest
from django.core.management import call_command

from tests.factories import EventPageFactory
from wagtail_events.base_page import page_model
from wagtail_events.models import EventPage, EventPerson, Organisation, PersonPage, Venue
from wagtail_events.queries import load_events, public_events

pytestmark = pytest.mark.django_db

SMALL = {"events": 12, "people": 8, "organisations": 4}


def generate(**options):
    out = io.StringIO()
    call_command("generate_events", **{**SMALL, **options}, stdout=out)
    return out.getvalue()


def generated_events(locale):
    return public_events(locale).filter(slug__startswith="synthetic-event-")


def test_events_are_public_in_both_languages_with_people_and_organisers(
    client, home_page, locale_nb, locale_en
):
    output = generate()

    assert "events: 12, in English: 12" in output
    assert page_model().find_problems() == ([], [], [], [], [])  # a valid page tree
    norwegian = load_events(generated_events(locale_nb).order_by("slug"))
    english = load_events(generated_events(locale_en).order_by("slug"))
    assert len(norwegian) == len(english) == 12
    for source, translation in zip(norwegian, english, strict=True):
        assert translation.translation_key == source.translation_key
        assert translation.title != source.title
        assert (translation.start, translation.venue_id) == (source.start, source.venue_id)
        assert translation.localized_organisers
        assert [o.locale_id for o in translation.localized_organisers] == [locale_en.pk] * len(
            translation.localized_organisers
        )
        assert [(p.translation_key, p.locale_id) for p in translation.people_in_event] == [
            (p.translation_key, locale_en.pk) for p in source.people_in_event
        ]
    assert all(event.people_in_event for event in norwegian)
    assert {event.start > event.last_published_at for event in norwegian} == {True, False}
    assert PersonPage.objects.live().public().filter(locale=locale_en).count() == 8

    page = client.get(english[0].url)
    assert page.status_code == 200
    assert english[0].title in page.content.decode()


def test_the_events_api_lists_them(client, home_page):
    generate()

    response = client.get("/api/events/", {"lang": "en", "when": "all", "limit": 50})

    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 12
    assert {item["locale"] for item in body["items"]} == {"en"}
    assert all(item["organisers"] and item["people"] for item in body["items"])


def test_running_again_adds_only_what_is_missing(home_page, locale_nb):
    generate()
    first = sorted(generated_events(locale_nb).values_list("slug", flat=True))

    assert generate().startswith("Nothing to add")
    assert generate(events=14).splitlines()[1] == "  events: 2, in English: 2"

    after = sorted(generated_events(locale_nb).values_list("slug", flat=True))
    assert after[:12] == first
    assert len(after) == 14


def test_clear_removes_only_generated_content_and_the_seed_repeats(
    home_page, events_index, locale_nb
):
    own_event = EventPageFactory(parent=events_index)
    few = {"events": 3, "people": 2, "organisations": 1}
    generate(**few, parent="/arrangementer/")
    titles = sorted(generated_events(locale_nb).values_list("title", flat=True))
    assert EventPage.objects.child_of(events_index).count() == 4

    generate(**few, clear=True, parent="/arrangementer/")
    assert sorted(generated_events(locale_nb).values_list("title", flat=True)) == titles

    generate(clear=True, events=0, people=0, organisations=0)
    assert not EventPage.objects.filter(slug__startswith="synthetic-").exists()
    assert not PersonPage.objects.filter(slug__startswith="synthetic-").exists()
    assert not Organisation.objects.filter(slug__startswith="synthetic-").exists()
    assert not EventPerson.objects.exists()
    assert list(EventPage.objects.all()) == [own_event]
    assert Venue.objects.get() == own_event.venue
