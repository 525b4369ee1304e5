"""Every list, feed and widget costs the same number of queries at 5 events as at 50.

The two programmes of ``tests.builders.sized_programmes`` are built once, for one test that
only reads them; each output is a subtest of it. Each output is asked for the small programme
and for the large one, each time from an empty cache, and must make as many queries for both
and show all the events it should.
"""

import difflib
from typing import NamedTuple

import icalendar
import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache
from django.db import connection, transaction
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from tests import builders
from tests.builders import FEW, MANY
from tests.factories import page_type
from tests.test_feeds import atom_entries, rss_items
from tests.test_search import found
from wagtail_events.caching import bump_content_version
from wagtail_events.views import EVENTS_PER_PAGE

# The two programmes take a while to build.
pytestmark = [pytest.mark.django_db, pytest.mark.slow]

PAGES = "/api/v2/pages/"
V2_EVENTS = {"type": page_type("EVENT_PAGE_MODEL"), "fields": "*"}
V2_PEOPLE = {"type": page_type("PERSON_PAGE_MODEL"), "fields": "*"}


@pytest.fixture(scope="module")
def programmes(django_db_setup, django_db_blocker):
    with builders.shared_data(django_db_blocker):
        yield builders.sized_programmes()


def same_queries(few, many):
    """Call ``few`` and ``many`` (each asks an output for the small programme or the large one)
    and assert they make the same number of queries; give what each returned and how many
    queries they made after a publish.

    Each runs once first, for what is made once and kept (content types, image renditions).
    Then both are measured twice: after a publish (the cached lists and fragments are stale,
    the site and renditions still cached) and from an empty cache (renditions and the site
    read from the database too). On a failure the message shows where their queries differ.
    """
    few()
    many()
    counts = {}
    for state, reset in (("after a publish", bump_content_version), ("empty cache", cache.clear)):
        results, statements = [], []
        for ask in (few, many):
            reset()
            with CaptureQueriesContext(connection) as queries:
                results.append(ask())
            # The start of each statement tells them apart; their ids and columns only hide it.
            statements.append([query["sql"][:160] for query in queries.captured_queries])
        at_few, at_many = statements
        if len(at_few) != len(at_many):
            diff = difflib.unified_diff(at_few, at_many, f"at {FEW}", f"at {MANY}", lineterm="")
            pytest.fail(
                f"{state}: {len(at_few)} queries for the small programme, {len(at_many)} for"
                " the large one:\n" + "\n".join(diff)
            )
        counts[state] = len(at_few)
    return results, counts["after a publish"]


def ok(response):
    assert response.status_code == 200, response.content[:500]
    return response


def events_in_calendar(response):
    calendar = icalendar.Calendar.from_ical(ok(response).content)
    return len(calendar.walk("VEVENT"))


def embed_titles(response):
    page = BeautifulSoup(ok(response).content.decode(), "html.parser")
    return page.select("a.we-embed__title")


# --- the outputs ------------------------------------------------------------------------------
# Each takes the client, the data and the programme to show, and gives how many events (or
# people) the answer holds.


def index_page(query):
    def ask(client, data, programme):
        return len(ok(client.get(programme.index.url, query)).context["events"])

    return ask


def search_on_the_index(client, data, programme):
    query = {"q": f"seminar {programme.index.slug}", "when": "all"}
    return len(ok(client.get(programme.index.url, query)).context["events"])


def search_page(client, data, programme):
    return len(found(client, f"seminar {programme.index.slug}")["events"])


def person_page(client, data, programme):
    context = ok(client.get(programme.moderator.url)).context
    return len(context["upcoming_events"]), len(context["past_events"])


def event_page(client, data, with_people):
    # Half the people have no person page: contacts, shown by name.
    return ok(client.get(with_people[0].url)).content.decode().count("Kontakt ")


def api_list(lang):
    def ask(client, data, programme):
        query = {"limit": 100, "lang": lang, "series": programme.index.pk}
        listed = ok(client.get("/api/events/", query)).json()
        titles = [event["title"] for event in listed["items"]]
        assert all(title.endswith("(English)") for title in titles) == (lang == "en"), titles
        assert listed["count"] == len(titles)
        return len(titles)

    return ask


def api_search(client, data, programme):
    query = {"q": f"seminar {programme.index.slug}", "series": programme.index.pk, "limit": 50}
    return len(ok(client.get("/api/events/", query)).json()["items"])


def api_people(client, data, programme):
    limit = len(programme.events)
    people = ok(client.get("/api/people/", {"limit": limit})).json()["items"]
    assert all(set(person["portrait"]["renditions"]) == {"card", "large"} for person in people)
    return len(people)


def api_calendar(client, data, programme):
    response = client.get("/api/events.ics", {"series": programme.index.pk})
    # The agenda's questions are in each event's description.
    assert "1. Hvorfor?" in response.content.decode().replace("\r\n ", "")
    return events_in_calendar(response)


def index_calendar(client, data, programme):
    return events_in_calendar(client.get(programme.index.url + "calendar/"))


def person_calendar(client, data, programme):
    return events_in_calendar(client.get(programme.moderator.url + "calendar/"))


def rss_feed(client, data, programme):
    return len(rss_items(client, programme.index.url + "feed/")[1])


def atom_feed(client, data, programme):
    return len(atom_entries(client, programme.index.url + "feed/atom/")[1])


def widget(profile):
    def ask(client, data, programme):
        query = {"organiser": programme.organiser.slug, "limit": 100}
        if profile:
            # A profile costs its own lookup, and no more for more events.
            query["profile"] = data.profile.slug
        return len(embed_titles(client.get("/embed/events/", query)))

    return ask


@override_settings(WAGTAILAPI_LIMIT_MAX=MANY)
def _v2_items(client, query):
    return ok(client.get(PAGES, query)).json()["items"]


def v2_events(search):
    def ask(client, data, programme):
        # The latest first: both languages on the smallest page.
        query = {**V2_EVENTS, "order": "-start", "limit": len(programme.events)}
        if search:
            query["search"] = "seminar"
        listed = _v2_items(client, query)
        # Every event has its picture, whose renditions are made.
        assert all(set(item["image"]["renditions"]) == {"card", "large"} for item in listed)
        english = [item for item in listed if item["meta"]["locale"] == "en"]
        assert english, "the page holds events in both languages"
        for item in english:
            # The first person has an English page, the first organiser an English name.
            assert item["people"][0]["url"].startswith("http://localhost/en/")
            assert item["organisers"][0]["name"] == "Central Norway Regional Health Authority"
        return len(listed)

    return ask


def v2_people(client, data, programme):
    listed = _v2_items(client, {**V2_PEOPLE, "order": "id", "limit": len(programme.events)})
    assert all(person["portrait"]["renditions"]["card"]["url"] for person in listed)
    speaker = {person["meta"]["locale"]: person for person in listed if "Felles" in person["title"]}
    # The shared speaker works for an organisation with an English name, the participants each
    # for one without.
    assert speaker["nb"]["organisation"]["name"] == "Helse Midt-Norge RHF"
    assert speaker["en"]["organisation"]["name"] == "Central Norway Regional Health Authority"
    participant = next(person for person in listed if person["title"].startswith("Kari"))
    assert participant["organisation"]["name"].startswith("Eksempeletaten")
    return len(listed)


def v2_event(language):
    def ask(client, data, with_people):
        event = with_people[0 if language == "nb" else 1]
        item = ok(client.get(f"{PAGES}{event.pk}/")).json()
        assert item["meta"]["locale"] == language
        return len(item["people"])

    return ask


class Output(NamedTuple):
    ask: object
    # How many events (or people) the answer holds for the small and the large programme.
    expected: tuple
    # For the outputs that list more people on one event instead of more events.
    by_people: bool = False
    # The most queries the output may make.
    at_most: int | None = None


PAGE = EVENTS_PER_PAGE
OUTPUTS = {
    "index page": Output(index_page({}), (FEW, PAGE)),
    "index page, by organiser": Output(index_page({"organiser": "helse-midt-norge"}), (FEW, PAGE)),
    "index page, by topic, person and words": Output(
        index_page({"topic": "felles-tema", "person": "felles-person", "q": "seminar"}),
        (FEW, PAGE),
    ),
    "index page, page 2 of all in dates": Output(
        index_page({"from": "2020-01-01", "to": "2099-12-31", "when": "all", "page": "2"}),
        # The small programme has no page 2 and shows its only one.
        (FEW, PAGE),
    ),
    "index page, unknown type and page": Output(
        # Both are ignored, with a notice: the first page of the whole programme.
        index_page({"type": "finnes-ikke", "page": "abc"}),
        (FEW, PAGE),
    ),
    "index page, search": Output(search_on_the_index, (FEW, PAGE)),
    "search page": Output(search_page, (FEW, PAGE)),
    "person page (upcoming, past)": Output(
        person_page, ((FEW, FEW * 2 // 5), (MANY, MANY * 2 // 5))
    ),
    "event page with 2 or 20 people": Output(event_page, (1, 10), by_people=True),
    # The restricted paths, the count, the ids, then for the events not cached (here all):
    # events, people, organisers, topics and related pages; an English list adds one per kind
    # of translated snippet (venue, type, topic, organiser). The series filter adds two.
    "events API": Output(api_list("nb"), (FEW, MANY), at_most=10),
    "events API in English": Output(api_list("en"), (FEW, MANY), at_most=14),
    "events API, search": Output(api_search, (FEW, MANY)),
    "people API": Output(api_people, (FEW, MANY)),
    "events API calendar": Output(api_calendar, (FEW, MANY)),
    "index calendar": Output(index_calendar, (FEW, MANY)),
    "person calendar": Output(person_calendar, (FEW, MANY)),
    "RSS feed": Output(rss_feed, (FEW, MANY)),
    "Atom feed": Output(atom_feed, (FEW, MANY)),
    "widget": Output(widget(profile=False), (FEW, MANY)),
    "widget with a profile": Output(widget(profile=True), (FEW, MANY)),
    "API v2 events": Output(v2_events(search=False), (FEW, MANY)),
    "API v2 events, search": Output(v2_events(search=True), (FEW, MANY)),
    "API v2 people": Output(v2_people, (FEW, MANY)),
    "API v2 event with 2 or 20 people": Output(v2_event("nb"), (2, 20), by_people=True),
    "API v2 English event with 2 or 20 people": Output(v2_event("en"), (2, 20), by_people=True),
}


def check(client, programmes, output):
    few, many = (
        (programmes.with_few_people, programmes.with_many_people)
        if output.by_people
        else (programmes.few, programmes.many)
    )
    shown, queries = same_queries(
        lambda: output.ask(client, programmes, few), lambda: output.ask(client, programmes, many)
    )
    assert tuple(shown) == output.expected
    if output.at_most is not None:
        assert queries <= output.at_most


def test_every_output_costs_the_same_queries_for_5_and_50_events(client, programmes, subtests):
    # One test for all the outputs, each a subtest of its own, so that under xdist the two
    # programmes are built once, by one worker, instead of by each worker that runs a part.
    for name, output in OUTPUTS.items():
        with subtests.test(name), transaction.atomic():
            try:
                check(client, programmes, output)
            finally:
                # What an output leaves behind (renditions made, a cached site, the language
                # of its request) is undone before the next, as between separate tests.
                transaction.set_rollback(True)
                cache.clear()
                translation.deactivate()
