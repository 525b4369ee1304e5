"""Lists kept as per-event fragments: fast after a publish, and never stale."""

import datetime

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from icalendar import Calendar

from tests import builders
from tests.factories import EventPageFactory, PersonPageFactory, VenueFactory
from tests.test_jsonld import make_image
from wagtail_events.models import EventPage, Role

pytestmark = pytest.mark.django_db

EVENTS = "/api/events/"
CALENDAR = "/api/events.ics"
SOON = timezone.now() + datetime.timedelta(days=10)


def at(days):
    start = SOON + datetime.timedelta(days=days)
    return {"start": start, "end": start + datetime.timedelta(hours=2)}


@pytest.fixture(scope="module", autouse=True)
def site(django_db_setup, django_db_blocker):
    """Four events with a moderator, built once for the module: every test here starts from
    them, and what a test changes is undone after it."""
    with builders.shared_data(django_db_blocker):
        tree = builders.site_tree()
        tree.person = PersonPageFactory(
            parent=tree.people_index, given_name="Ingrid", family_name="Berg"
        )
        venue = VenueFactory(name="Clarion Hotel")
        tree.programme = [
            EventPageFactory(
                parent=tree.series,
                title=f"Debatt {n}",
                venue=venue,
                image=make_image() if n == 0 else None,
                people=[(tree.person, Role.MODERATOR)],
                **at(n),
            )
            for n in range(4)
        ]
        yield tree


@pytest.fixture
def person(site, db):
    return builders.fresh(site.person)


@pytest.fixture
def programme(site, db):
    return builders.fresh(site.programme)


def items(client, host="testserver", **params):
    response = client.get(EVENTS, {"lang": "nb", "limit": 20, **params}, headers={"host": host})
    assert response.status_code == 200, response.content
    return response.json()["items"]


def queries(request):
    with CaptureQueriesContext(connection) as captured:
        request()
    return len(captured)


def republish(page, **changes):
    page = page.get_latest_revision_as_object()
    for name, value in changes.items():
        setattr(page, name, value)
    page.save_revision().publish()
    return type(page).objects.get(pk=page.pk)


def test_another_list_of_the_same_events_costs_only_finding_them(client, programme):
    cold = queries(lambda: items(client))
    # A different URL misses the response cache, but every event's part is ready.
    warm = queries(lambda: items(client, limit=19))
    # The restricted paths, the count and the events' ids.
    assert warm == 3 < cold
    assert items(client, limit=19) == items(client)


def test_a_list_after_a_publish_shows_the_change_and_keeps_the_rest(client, programme):
    before = items(client)
    republish(programme[1], title="Debatt om tillit")

    after = items(client)

    assert [item["title"] for item in after] == [
        "Debatt 0",
        "Debatt om tillit",
        "Debatt 2",
        "Debatt 3",
    ]
    assert [after[0], *after[2:]] == [before[0], *before[2:]]


def test_a_new_translation_is_listed_with_the_event_it_translates(client, programme, locale_en):
    assert items(client)[0]["translations"] == []
    english = programme[0].copy_for_translation(locale_en, copy_parents=True)
    english.title = "Debate 0"
    english.save_revision().publish()

    [translation] = items(client)[0]["translations"]

    assert translation["locale"] == "en"
    assert translation["id"] == english.pk


def test_a_person_unpublished_since_is_no_longer_linked(client, programme, person):
    assert items(client)[0]["people"][0]["url"].endswith("/ingrid-berg/")
    person.unpublish()

    assert [item["people"][0]["url"] for item in items(client)] == [None] * 4


def test_a_renamed_venue_reaches_every_event(client, programme):
    items(client)
    venue = programme[0].venue
    venue.name = "Arendal kulturhus"
    venue.save()

    assert {item["venue"]["name"] for item in items(client)} == {"Arendal kulturhus"}


def test_an_image_given_new_alt_text_shows_it(client, programme):
    assert items(client)[0]["image"]["alt"] == "Panelet på scenen"
    image = programme[0].image
    image.title = "Ordstyrer og panel"
    image.save()

    assert items(client)[0]["image"]["alt"] == "Ordstyrer og panel"


def test_urls_follow_the_host_asked(client, programme):
    items(client)
    image = items(client, host="events.example.org")[0]["image"]

    assert image["renditions"]["card"]["url"].startswith("http://events.example.org/")


def test_a_calendar_from_kept_entries_is_the_calendar_built_afresh(client, programme):
    built_afresh = client.get(CALENDAR, {"lang": "nb"}).content
    from_fragments = client.get(CALENDAR, {"lang": "nb", "limit": 499}).content

    assert from_fragments == built_afresh
    cache.clear()
    assert client.get(CALENDAR, {"lang": "nb", "limit": 498}).content == built_afresh


def test_a_calendar_after_a_publish_has_the_new_title(client, programme):
    client.get(CALENDAR, {"lang": "nb"})
    republish(programme[2], title="Debatt om tillit")

    calendar = Calendar.from_ical(client.get(CALENDAR, {"lang": "nb"}).content)

    assert [str(e["SUMMARY"]) for e in calendar.walk("VEVENT")] == [
        "Debatt 0",
        "Debatt 1",
        "Debatt om tillit",
        "Debatt 3",
    ]


def test_an_event_unpublished_between_finding_and_loading_is_left_out(client, programme):
    from wagtail_events.api import listing

    found = listing.find_event_refs

    def find_then_unpublish(query):
        refs = found(query)
        EventPage.objects.filter(pk=programme[1].pk).update(live=False)
        return refs

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("wagtail_events.api.views.find_event_refs", find_then_unpublish)
        titles = [item["title"] for item in items(client)]

    assert titles == ["Debatt 0", "Debatt 2", "Debatt 3"]
