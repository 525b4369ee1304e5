"""The events API at /api/: what host sites get, how it fails, caches and stays public (what
its filters leave, beside every other output's, is in test_listing)."""

import datetime

import pytest
from django.core.cache import cache
from django.test import override_settings
from icalendar import Calendar

from tests import builders
from tests.factories import (
    EventPageFactory,
    EventTypeFactory,
    OrganisationFactory,
    PersonPageFactory,
    TopicFactory,
    noon,
)
from tests.hidden_pages import HIDDEN_WAYS, hidden_page
from wagtail_events import queries
from wagtail_events.api import schemas
from wagtail_events.models import EmbedProfile, Role

# The ETags compared across requests name the cache period: one period for each test.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("one_cache_period")]

shared_tree, home_page, events_index, series, people_index = builders.tree_fixtures()

EVENTS = "/api/events/"
SOON = noon(10)

ENGLISH = {
    "Hvem tar regningen?": "Who pays the bill?",
    "hvem-tar-regningen": "who-pays-the-bill",
    "Kommunene må ruste seg.": "Municipalities must prepare.",
    "Nyhetsredaktør": "News editor",
    "Forsker": "Researcher",
    "I denne debatten spør vi:": "In this debate we ask:",
    "Hvem betaler?": "Who pays?",
    "Åpning": "Opening",
    "Velkommen": "Welcome",
}


def at(days, hours=1):
    start = SOON + datetime.timedelta(days=days)
    return {"start": start, "end": start + datetime.timedelta(hours=hours)}


def titles(response):
    assert response.status_code == 200, response.content
    return [item["title"] for item in response.json()["items"]]


def build_hemit():
    return OrganisationFactory(name="Hemit", short_name="Hemit", url="https://www.hemit.no/")


@pytest.fixture
def hemit():
    return build_hemit()


def build_debate(series, people_index, hemit):
    """An event with a moderator, a participant, two contact people and an agenda."""
    moderator = PersonPageFactory(
        parent=people_index,
        given_name="Ingrid",
        family_name="Berg",
        job_title="Nyhetsredaktør",
        organisation=OrganisationFactory(name="Agderposten", short_name=""),
    )
    participant = PersonPageFactory(
        parent=people_index, given_name="Per", family_name="Hansen", job_title="Forsker"
    )
    return EventPageFactory(
        parent=series,
        title="Hvem tar regningen?",
        slug="hvem-tar-regningen",
        lead="Kommunene må ruste seg.",
        **at(1),
        event_type=EventTypeFactory(name="Debatt"),
        topics=[TopicFactory(name="Klima")],
        organisers=[hemit],
        people=[
            (moderator, Role.MODERATOR),
            (participant, Role.PARTICIPANT),
            {
                "role": Role.CONTACT,
                "name": "Siri Dahl",
                "phone": "+47 400 00 321",
                "email": "siri.dahl@example.org",
                "contact_public": True,
            },
            {"role": Role.CONTACT, "name": "Ola Skjult", "phone": "+47 400 00 999"},
        ],
        body=[
            {
                "type": "questions",
                "value": {"heading": "I denne debatten spør vi:", "questions": ["Hvem betaler?"]},
            },
            {
                "type": "agenda",
                "value": {
                    "heading": "",
                    "items": [
                        {
                            "start_time": "09:00",
                            "end_time": "09:15",
                            "title": "Åpning",
                            "description": "Velkommen",
                            "people": [moderator.pk],
                        }
                    ],
                },
            },
        ],
    )


class TestDebate:
    """The debate, which these tests read (or change inside their own savepoint): built once
    for the class."""

    @pytest.fixture(scope="class")
    @classmethod
    def shared(cls, shared_tree, django_db_blocker):
        with builders.shared_data(django_db_blocker):
            tree = builders.fresh(shared_tree)
            hemit = build_hemit()
            yield {"hemit": hemit, "debate": build_debate(tree.series, tree.people_index, hemit)}

    @pytest.fixture
    def hemit(self, shared, db):
        return builders.fresh(shared["hemit"])

    @pytest.fixture
    def debate(self, shared, db):
        return builders.fresh(shared["debate"])

    def test_an_event_carries_its_people_organisers_agenda_and_public_contacts_only(
        self, client, debate
    ):
        response = client.get(EVENTS, {"organiser": "hemit", "lang": "nb"})
        [event] = response.json()["items"]
        schemas.EventList.model_validate(response.json())

        assert event["title"] == "Hvem tar regningen?"
        assert event["url"].endswith("/hvem-tar-regningen/")
        assert event["start"].endswith("+01:00")  # Oslo in winter, with its offset
        assert event["timezone"] == "Europe/Oslo"
        assert [o["name"] for o in event["organisers"]] == ["Hemit"]
        assert event["type"]["name"] == "Debatt"
        assert [t["name"] for t in event["topics"]] == ["Klima"]
        people = {p["name"]: p for p in event["people"]}
        assert people["Ingrid Berg"]["role"] == "moderator"
        assert people["Ingrid Berg"]["role_label"] == "Ordstyrer"
        assert people["Ingrid Berg"]["title"] == "Nyhetsredaktør"
        assert people["Ingrid Berg"]["organisation"]["name"] == "Agderposten"
        assert people["Ingrid Berg"]["url"].endswith("/ingrid-berg/")
        assert people["Per Hansen"]["role"] == "participant"
        assert people["Siri Dahl"]["phone"] == "+47 400 00 321"
        assert people["Siri Dahl"]["email"] == "siri.dahl@example.org"
        assert people["Ola Skjult"]["phone"] == people["Ola Skjult"]["email"] == ""
        assert event["questions"] == [
            {"heading": "I denne debatten spør vi:", "questions": ["Hvem betaler?"]}
        ]
        [agenda] = event["agenda"]
        assert agenda["items"][0]["start_time"] == "09:00"
        assert [p["name"] for p in agenda["items"][0]["people"]] == ["Ingrid Berg"]
        assert event["ics_url"].endswith("/hvem-tar-regningen/calendar/")
        assert event["series"]["title"] == "Arendalsuka 2025"

        detail = client.get(f"{EVENTS}{event['id']}/").json()
        assert "Hvem betaler?" in detail["body_html"]
        assert detail["people"] == event["people"]

    def test_the_english_list_shows_the_english_version_linked_to_the_norwegian(
        self, client, debate, translate_into_english
    ):
        english = translate_into_english(debate, ENGLISH)

        [event] = client.get(EVENTS, {"lang": "en"}).json()["items"]

        assert event["id"] == english.pk
        assert event["locale"] == "en"
        assert event["title"] == "Who pays the bill?"
        assert event["url"].endswith("/en/arrangementer/arendalsuka-2025/who-pays-the-bill/")
        assert {p["role_label"] for p in event["people"]} >= {"Moderator", "Contact person"}
        assert [t["locale"] for t in event["translations"]] == ["nb"]
        assert event["translations"][0]["id"] == debate.pk
        assert event["questions"][0]["heading"] == "In this debate we ask:"

    def test_unknown_ids_and_profiles_are_404(self, client, debate):
        assert client.get(f"{EVENTS}999999/").status_code == 404
        assert client.get("/api/people/999999/").status_code == 404
        response = client.get(EVENTS, {"profile": "nobody"})
        assert response.status_code == 404
        assert "nobody" in response.json()["detail"]

    def test_an_editor_gets_exactly_what_a_visitor_gets(self, client, admin_client, debate, series):
        hidden_page(EventPageFactory, "draft", parent=series, title="Utkast", **at(2))
        anonymous = client.get(EVENTS)
        # A fresh cache, so the editor's answer is computed, not served from the visitor's.

        cache.clear()
        editor = admin_client.get(EVENTS)

        assert editor.content == anonymous.content
        assert "Cookie" not in editor.get("Vary", "")
        assert not editor.cookies

    def test_a_repeat_and_a_conditional_request_cost_no_query(
        self, client, debate, django_assert_num_queries
    ):
        first = client.get(EVENTS)
        assert first["ETag"]
        # One version for every URL: a date could call a changed answer unmodified (see caching).
        assert "Last-Modified" not in first
        assert first["Cache-Control"] == "public, max-age=60"

        with django_assert_num_queries(0):
            again = client.get(EVENTS)
        assert again.content == first.content
        with django_assert_num_queries(0):
            not_modified = client.get(EVENTS, HTTP_IF_NONE_MATCH=first["ETag"])
        assert not_modified.status_code == 304
        detail = client.get(f"{EVENTS}{debate.pk}/")
        with django_assert_num_queries(0):
            detail = client.get(f"{EVENTS}{debate.pk}/", HTTP_IF_NONE_MATCH=detail["ETag"])
        assert detail.status_code == 304

    def test_publishing_makes_the_cached_answer_stale(self, client, debate):
        before = client.get(EVENTS)

        revision = debate.get_latest_revision_as_object()
        revision.title = "Ny tittel"
        revision.save_revision().publish()

        after = client.get(EVENTS, HTTP_IF_NONE_MATCH=before["ETag"])
        assert after.status_code == 200
        assert titles(after) == ["Ny tittel"]
        debate.refresh_from_db()
        debate.unpublish()
        assert titles(client.get(EVENTS)) == []

    def test_the_calendar_feed_holds_the_listed_events(self, client, debate):
        response = client.get("/api/events.ics", {"organiser": "hemit"})

        assert response["Content-Type"] == "text/calendar; charset=utf-8"
        calendar = Calendar.from_ical(response.content)
        assert [str(e["SUMMARY"]) for e in calendar.walk("VEVENT")] == ["Hvem tar regningen?"]

    def test_the_small_lists(self, client, debate):
        # The moderator's, the participant's (a generated name) and the organiser.
        participant = debate.people_with_role(Role.PARTICIPANT)[0].person
        assert participant.organisation.name.startswith("Eksempeletaten ")
        assert [o["name"] for o in client.get("/api/organisations/").json()] == [
            "Agderposten",
            participant.organisation.name,
            "Hemit",
        ]
        assert [t["name"] for t in client.get("/api/types/").json()] == ["Debatt"]
        assert [t["name"] for t in client.get("/api/topics/").json()] == ["Klima"]
        assert [v["locale"] for v in client.get("/api/venues/").json()] == ["nb"]
        series = {s["title"]: s for s in client.get("/api/series/").json()}
        assert series["Arendalsuka 2025"]["parent_id"] == series["Arrangementer"]["id"]
        events = client.get(series["Arendalsuka 2025"]["events_url"])
        assert titles(events) == ["Hvem tar regningen?"]

    @override_settings(CORS_ALLOWED_ORIGINS=["https://www.hemit.no"])
    def test_cors_allows_listed_and_profile_origins_without_credentials(self, client, debate):
        allowed = client.get(EVENTS, HTTP_ORIGIN="https://www.hemit.no")
        assert allowed["Access-Control-Allow-Origin"] == "https://www.hemit.no"
        assert "Access-Control-Allow-Credentials" not in allowed

        assert "Access-Control-Allow-Origin" not in client.get(
            EVENTS, HTTP_ORIGIN="https://evil.test"
        )

        EmbedProfile.objects.create(
            name="Helse", slug="helse", language="nb", allowed_origins="https://helse.example.org"
        )
        profile_origin = client.get(EVENTS, HTTP_ORIGIN="https://helse.example.org")
        assert profile_origin["Access-Control-Allow-Origin"] == "https://helse.example.org"
        # Not site-wide: the pages themselves stay same-origin.
        assert "Access-Control-Allow-Origin" not in client.get(
            "/", HTTP_ORIGIN="https://helse.example.org"
        )

    def test_publishing_an_event_purges_the_api_feeds_and_widget_urls(
        self, debate, purged, django_capture_on_commit_callbacks
    ):
        with django_capture_on_commit_callbacks(execute=True):
            debate.save_revision().publish()

        assert "http://localhost/api/events/" in purged
        assert "http://localhost/api/events/?lang=en" in purged
        assert f"http://localhost/api/events/{debate.pk}/" in purged
        assert "http://localhost/api/events.ics" in purged
        assert (
            "http://localhost/arrangementer/arendalsuka-2025/hvem-tar-regningen/calendar/" in purged
        )
        assert "http://localhost/arrangementer/arendalsuka-2025/feed/" in purged
        assert "http://localhost/arrangementer/calendar/" in purged
        assert "http://localhost/personer/ingrid-berg/calendar/" in purged

    def test_unpublishing_deleting_and_moving_purge_too(
        self, debate, series, events_index, purged, django_capture_on_commit_callbacks
    ):
        detail = f"http://localhost/api/events/{debate.pk}/"
        with django_capture_on_commit_callbacks(execute=True):
            debate.unpublish()
        assert detail in purged

        purged.clear()
        with django_capture_on_commit_callbacks(execute=True):
            debate.move(events_index, pos="last-child")
        # Both where it was and where it is now.
        assert "http://localhost/arrangementer/arendalsuka-2025/feed/" in purged
        assert "http://localhost/arrangementer/hvem-tar-regningen/calendar/" in purged

        purged.clear()
        with django_capture_on_commit_callbacks(execute=True):
            debate.delete()
        assert detail in purged

    def test_changing_a_person_or_an_organisation_purges_the_lists(
        self, debate, hemit, purged, django_capture_on_commit_callbacks
    ):
        person = debate.event_people.first().person
        with django_capture_on_commit_callbacks(execute=True):
            person.save_revision().publish()
        assert f"http://localhost/api/people/{person.pk}/" in purged
        assert "http://localhost/api/people/?lang=nb" in purged

        purged.clear()
        hemit.name = "Hemit HF"
        with django_capture_on_commit_callbacks(execute=True):
            hemit.save()
        assert "http://localhost/api/organisations/" in purged
        assert "http://localhost/api/events/" in purged

    def test_every_answer_has_its_documented_shape(self, client, debate, people_index):
        from pydantic import TypeAdapter

        from tests.test_jsonld import make_image

        EventPageFactory(parent=debate.get_parent(), title="Med bilde", image=make_image(), **at(2))
        person = debate.event_people.first().person
        shapes = {
            EVENTS: schemas.EventList,
            f"{EVENTS}{debate.pk}/": schemas.EventDetail,
            "/api/people/": schemas.PersonList,
            f"/api/people/{person.pk}/": schemas.Person,
            "/api/organisations/": list[schemas.OrganisationItem],
            "/api/venues/": list[schemas.VenueItem],
            "/api/types/": list[schemas.TermItem],
            "/api/topics/": list[schemas.TermItem],
            "/api/series/": list[schemas.Series],
        }
        for url, shape in shapes.items():
            response = client.get(url)
            assert response.status_code == 200, url
            TypeAdapter(shape).validate_json(response.content)

        image = client.get(EVENTS, {"q": "bilde"}).json()["items"][0]["image"]
        assert image["renditions"]["card"]["width"] == 640
        assert image["renditions"]["card"]["url"].startswith("http://testserver/")


def test_agenda_items_carry_their_day_and_the_event_its_places(client, series):
    first, second = SOON.date(), SOON.date() + datetime.timedelta(days=1)

    def item(title, day=None):
        return {"day": day and day.isoformat(), "start_time": "09:00", "title": title, "people": []}

    event = EventPageFactory(
        parent=series,
        start=SOON,
        end=SOON + datetime.timedelta(days=1, hours=4),
        capacity=80,
        body=[
            {
                "type": "agenda",
                "value": {
                    "heading": "Program",
                    "items": [
                        item("Åpning", first),
                        item("Debatt"),
                        item("Frokost", second),
                        item("Avslutning"),
                    ],
                },
            }
        ],
    )

    [listed] = client.get(EVENTS).json()["items"]
    response = client.get(f"{EVENTS}{event.pk}/")
    detail = schemas.EventDetail.model_validate_json(response.content)

    # An item without a day is on the day of the item before it, as the page groups them.
    assert [item["day"] for item in listed["agenda"][0]["items"]] == [
        first.isoformat(),
        first.isoformat(),
        second.isoformat(),
        second.isoformat(),
    ]
    assert [item.day for item in detail.agenda[0].items] == [first, first, second, second]
    assert listed["registration"]["capacity"] == detail.registration.capacity == 80


def test_the_list_pages_with_limit_offset_and_links(client, series):
    for day in range(5):
        EventPageFactory(parent=series, title=f"E{day}", **at(day))

    first = client.get(EVENTS, {"limit": 2}).json()
    assert first["count"] == 5
    assert [item["title"] for item in first["items"]] == ["E0", "E1"]
    assert first["previous"] is None
    assert first["count_exact"] is True
    second = client.get(first["next"]).json()
    assert [item["title"] for item in second["items"]] == ["E2", "E3"]
    assert client.get(second["previous"]).json()["items"] == first["items"]


def test_a_long_list_counts_ahead_and_its_links_reach_the_end(client, series, monkeypatch):
    monkeypatch.setattr(queries, "COUNT_STEP", 3)
    for day in range(7):
        EventPageFactory(parent=series, title=f"E{day}", **at(day))

    first = client.get(EVENTS, {"limit": 2}).json()
    assert (first["count"], first["count_exact"]) == (3, False)
    titles_seen = [item["title"] for item in first["items"]]
    page = first
    while page["next"]:
        page = client.get(page["next"]).json()
        titles_seen += [item["title"] for item in page["items"]]
    assert titles_seen == [f"E{day}" for day in range(7)]
    assert (page["count"], page["count_exact"]) == (7, True)


@pytest.mark.parametrize(
    ("params", "parameter"),
    [
        ({"from": "2025-13-01"}, "from"),
        ({"to": "i morgen"}, "to"),
        ({"limit": "abc"}, "limit"),
        ({"limit": "0"}, "limit"),
        ({"limit": "101"}, "limit"),
        ({"offset": "-1"}, "offset"),
        ({"from": "2025-08-20", "to": "2025-08-19"}, "to"),
        ({"lang": "de"}, "lang"),
        ({"status": "over"}, "status"),
        ({"when": "soon"}, "when"),
        ({"order": "title"}, "order"),
        ({"series": "x"}, "series"),
    ],
)
def test_bad_input_gets_a_422_naming_the_parameter(client, params, parameter):
    response = client.get(EVENTS, params)

    assert response.status_code == 422
    assert response.json()["message"] == f"Invalid parameters: {parameter}."


@pytest.mark.parametrize("way", HIDDEN_WAYS)
def test_hidden_events_are_in_no_api_output(client, series, way):
    EventPageFactory(parent=series, title="Offentlig", **at(1))
    hidden = hidden_page(EventPageFactory, way, parent=series, title="Skjult", **at(2))

    assert titles(client.get(EVENTS)) == ["Offentlig"]
    assert client.get(f"{EVENTS}{hidden.pk}/").status_code == 404
    calendar = Calendar.from_ical(client.get("/api/events.ics").content)
    assert [str(e["SUMMARY"]) for e in calendar.walk("VEVENT")] == ["Offentlig"]


def test_people_show_public_contact_details_only(client, people_index):
    PersonPageFactory(
        parent=people_index,
        given_name="Anne",
        family_name="Person",
        phone="+47 400 00 001",
        phone_public=True,
        email="apen@example.org",
    )
    PersonPageFactory(parent=people_index, given_name="Lukket", family_name="Person")

    people = {p["name"]: p for p in client.get("/api/people/").json()["items"]}

    assert people["Anne Person"]["phone"] == "+47 400 00 001"
    assert people["Anne Person"]["email"] == ""
    assert people["Lukket Person"]["phone"] == people["Lukket Person"]["email"] == ""
    assert people["Anne Person"]["events_url"].endswith("?person=anne-person&lang=nb")


def test_openapi_describes_every_endpoint(client):
    document = client.get("/api/openapi.json").json()

    assert set(document["paths"]) >= {
        "/api/events/",
        "/api/events/{event_id}/",
        "/api/events.ics",
        "/api/people/",
        "/api/people/{person_id}/",
        "/api/organisations/",
        "/api/types/",
        "/api/topics/",
        "/api/venues/",
        "/api/series/",
    }
    names = {p["name"] for p in document["paths"]["/api/events/"]["get"]["parameters"]}
    assert names >= {"lang", "from", "to", "organiser", "type", "topic", "person", "status"}
    assert names >= {"series", "q", "order", "limit", "offset", "when", "profile"}
    assert client.get("/api/docs").status_code == 200


def test_an_event_whose_image_file_is_gone_is_still_listed(client, series):
    from tests.test_jsonld import make_image

    image = make_image()
    EventPageFactory(parent=series, title="Bildet er borte", image=image, **at(1))
    image.file.storage.delete(image.file.name)

    [event] = client.get(EVENTS).json()["items"]

    assert event["title"] == "Bildet er borte"
    assert event["image"]["renditions"] == {}
