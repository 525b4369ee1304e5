"""Visitors search events and people in their own language, and find only what is public."""

import pytest
from bs4 import BeautifulSoup

from tests import builders
from tests.factories import (
    EventPageFactory,
    OrganisationFactory,
    PersonPageFactory,
    add_people,
    published_quickly,
)
from tests.hidden_pages import HIDDEN_WAYS, hidden_page
from wagtail_events.models import EventPage, Role
from wagtail_events.search import search_events, search_people

pytestmark = pytest.mark.django_db

shared_tree, home_page, events_index, series, people_index = builders.tree_fixtures()


def found(client, query, language="nb", **params):
    """The titles of the events and the names of the people the search page shows."""
    prefix = "" if language == "nb" else f"/{language}"
    response = client.get(f"{prefix}/search/", {"q": query, **params})
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")

    def titles(heading_id):
        section = soup.find("section", attrs={"aria-labelledby": heading_id})
        return [link.get_text(strip=True) for link in section.select("ul.search-results a")]

    return {"events": titles("search-events"), "people": titles("search-people")}


def test_people_added_later_make_the_event_findable(client, series, people_index):
    event = EventPageFactory(parent=series, title="Seminar om helsedata")
    assert found(client, "Eriksen")["events"] == []

    newcomer = PersonPageFactory(parent=people_index, given_name="Jonas", family_name="Eriksen")
    add_people(event, people=[newcomer], organisers=[OrganisationFactory(name="Helsedirektoratet")])

    assert found(client, "Eriksen")["events"] == ["Seminar om helsedata"]
    assert found(client, "Helsedirektoratet")["events"] == ["Seminar om helsedata"]


def test_people_removed_later_no_longer_find_the_event(client, series, people_index):
    person = PersonPageFactory(parent=people_index, given_name="Jonas", family_name="Eriksen")
    event = EventPageFactory(parent=series, title="Seminar om helsedata", people=[person])
    assert found(client, "Eriksen")["events"] == ["Seminar om helsedata"]

    page = EventPage.objects.get(pk=event.pk).get_latest_revision_as_object()
    page.event_people.clear()
    page.save_revision().publish()

    assert found(client, "Eriksen")["events"] == []


@pytest.mark.parametrize("way", HIDDEN_WAYS)
def test_hidden_events_and_people_are_never_found(client, series, people_index, way):
    EventPageFactory(parent=series, title="Åpent seminar om helse")
    PersonPageFactory(parent=people_index, given_name="Åpen", family_name="Helsesøster")
    hidden_page(EventPageFactory, way, parent=series, title="Skjult seminar om helse")
    hidden_page(
        PersonPageFactory, way, parent=people_index, given_name="Skjult", family_name="Helsesøster"
    )

    assert everywhere(client, series, "seminar") == ["Åpent seminar om helse"]
    assert everywhere(client, series, "Skjult") == []
    assert found(client, "Helsesøster")["people"] == ["Åpen Helsesøster"]
    assert found(client, "Skjult")["people"] == []
    assert [event.title for event in search_events("seminar")] == ["Åpent seminar om helse"]
    assert [person.title for person in search_people("Helsesøster")] == ["Åpen Helsesøster"]


def test_search_page_without_a_query_shows_just_the_form(client, home_page):
    response = client.get("/search/")
    soup = BeautifulSoup(response.content, "html.parser")

    assert response.status_code == 200
    form = soup.find("form", role="search")
    assert form.find("input", type="search", id="search-query", attrs={"name": "q"})
    assert form.find("label", attrs={"for": "search-query"}).get_text(strip=True)
    assert soup.find("section") is None
    assert soup.find("meta", attrs={"name": "robots"})["content"] == "noindex"


def test_search_results_come_in_pages(client, series):
    with published_quickly():
        for number in range(25):
            EventPageFactory(parent=series, title=f"Seminar {number}")

    first = found(client, "seminar")["events"]
    second = found(client, "seminar", page="2")["events"]
    assert (len(first), len(second)) == (20, 5)
    assert set(first).isdisjoint(second)
    # Nonsense page numbers give a page of results, never an error.
    assert len(found(client, "seminar", page="abc")["events"]) == 20
    assert len(found(client, "seminar", page="99")["events"]) == 5


# One meaning for "q": the event index, the events API and the search page ask the same Wagtail
# search, so the same words give the same events in each.


def on_index(client, series, query, **params):
    # The index lists upcoming events unless asked; the API and the search page list all.
    response = client.get(series.url, {"q": query, "when": "all", **params})
    assert response.status_code == 200
    return sorted(event.title for event in response.context["events"])


def in_api(client, query, path="/api/events/", key="title", **params):
    response = client.get(path, {"q": query, **params})
    assert response.status_code == 200, response.content
    return sorted(item[key] for item in response.json()["items"])


def everywhere(client, series, query):
    """The events each output finds for ``query``; the test fails where they differ."""
    index, api, page = on_index(client, series, query), in_api(client, query), found(client, query)
    assert index == api == sorted(page["events"]), query
    return index


DEBATE = ["Debatt om kunstig intelligens"]
BREAKFAST = ["Frokostmøte om klima"]


def build_two_events(series, people_index):
    """A debate and a breakfast meeting, each with words of its own in every field the search
    reads; returns the debate's organiser."""
    institute = OrganisationFactory(name="Folkehelseinstituttet", short_name="FHI")
    speaker = PersonPageFactory(
        parent=people_index,
        given_name="Ragnhild",
        family_name="Solberg",
        job_title="Fagdirektør",
        bio="<p>Forsker på helseøkonomi.</p>",
        organisation=OrganisationFactory(name="Sykehusinnkjøp HF"),
    )
    EventPageFactory(
        parent=series,
        title="Debatt om kunstig intelligens",
        lead="Hvordan tar sykehusene i bruk maskinlæring?",
        body=[("rich_text", "<p>Vi snakker om pasientsikkerhet og hospitals.</p>")],
        organisers=[institute],
        people=[(speaker, Role.SPEAKER)],
    )
    EventPageFactory(
        parent=series,
        title="Frokostmøte om klima",
        lead="Kaffe og prat om kunstig snø.",
        organisers=[OrganisationFactory(name="Miljødirektoratet")],
    )
    return institute


def test_words_in_a_draft_are_found_only_once_published(client, series):
    event = EventPageFactory(parent=series, title="Seminar om helse")
    draft = event.get_latest_revision_as_object()
    draft.lead = "Hemmelig gjesteforeleser."
    revision = draft.save_revision()

    assert everywhere(client, series, "Hemmelig") == []
    assert everywhere(client, series, "Seminar") == ["Seminar om helse"]

    revision.publish()
    assert everywhere(client, series, "Hemmelig") == ["Seminar om helse"]


class TestTwoEvents:
    """Searches of two events that the tests only read: built once for the class."""

    @pytest.fixture(scope="class")
    @classmethod
    def shared(cls, shared_tree, django_db_blocker):
        with builders.shared_data(django_db_blocker):
            tree = builders.fresh(shared_tree)
            tree.institute = build_two_events(tree.series, tree.people_index)
            yield tree

    @pytest.fixture
    def series(self, shared, db):
        return builders.fresh(shared.series)

    @pytest.fixture
    def people_index(self, shared, db):
        return builders.fresh(shared.people_index)

    @pytest.fixture
    def two_events(self, shared, db):
        return builders.fresh(shared.institute)

    @pytest.mark.parametrize(
        ("query", "expected"),
        [
            ("intelligens", DEBATE),  # title
            ("maskinlæring", DEBATE),  # lead
            ("pasientsikkerhet", DEBATE),  # body
            ("Ragnhild", DEBATE),  # a person's name
            ("Solberg", DEBATE),
            ("Sykehusinnkjøp", DEBATE),  # the organisation a person came from
            ("Folkehelseinstituttet", DEBATE),  # an organiser
            ("FHI", DEBATE),  # an organiser's short name
            ("Miljødirektoratet", BREAKFAST),
            ("kunstig", sorted(DEBATE + BREAKFAST)),
            ("kunstig intelligens", DEBATE),  # every word must match
            ("intelligens klima", []),
            ("ＫＵＮＳＴＩＧ", sorted(DEBATE + BREAKFAST)),  # full-width letters are letters
            ('"intelligens"', DEBATE),  # quotes and minus signs are not query syntax
            ("-intelligens", DEBATE),
            ("intelligens OR klima", []),
            ("intelli", []),  # whole words: part of one is not a match
            ("---", []),  # no word at all finds nothing
            ("telefonkatalog", []),
        ],
    )
    def test_the_index_the_api_and_the_search_page_find_the_same_events(
        self, client, series, two_events, query, expected
    ):
        assert everywhere(client, series, query) == expected

    def test_the_backends_word_forms_count_the_same_everywhere(self, client, series, two_events):
        # Whether "hospital" finds "hospitals" is the backend's stemming (PostgreSQL's yes); the
        # three outputs agree either way.
        assert everywhere(client, series, "hospitals") == DEBATE
        assert everywhere(client, series, "hospital") in ([], DEBATE)

    @pytest.mark.parametrize(
        ("query", "expected"),
        [
            ("Ragnhild", ["Ragnhild Solberg"]),
            ("Solberg", ["Ragnhild Solberg"]),
            ("Fagdirektør", ["Ragnhild Solberg"]),  # job title
            ("helseøkonomi", ["Ragnhild Solberg"]),  # biography
            ("Sykehusinnkjøp", ["Ragnhild Solberg"]),  # organisation
            ("Ragnhild Miljødirektoratet", []),
            ("?!", []),
        ],
    )
    def test_people_are_found_alike_on_the_index_the_api_and_the_search_page(
        self, client, people_index, two_events, query, expected
    ):
        response = client.get(people_index.url, {"q": query})
        assert response.status_code == 200
        on_person_index = sorted(person.title for person in response.context["people"])
        api = in_api(client, query, path="/api/people/", key="name")

        assert on_person_index == api == sorted(found(client, query)["people"]) == expected

    @pytest.mark.parametrize("query", ["kunstig\x00", "x" * 201])
    def test_unusable_words_are_a_clear_error_in_the_api(self, client, series, two_events, query):
        for path in ("/api/events/", "/api/people/"):
            response = client.get(path, {"q": query})
            assert response.status_code == 422
            assert "q" in response.content.decode()
        # The index says so in its form and lists the programme unfiltered.
        response = client.get(series.url, {"q": query, "when": "all"})
        assert response.status_code == 200
        assert "q" in response.context["filter"].form.errors
        assert len(response.context["events"]) == 2


class TestTranslatedEvent(builders.SharesTranslatedEvent):
    """Searches of the translated event, which the tests only read (or change inside their
    own savepoint): built once for the class."""

    def test_visitors_find_pages_in_their_own_language(self, client, data, locale_nb, locale_en):
        assert found(client, "Ingrid") == {
            "events": ["Hvem tar regningen for klimatilpasningen?"],
            "people": ["Ingrid Berg"],
        }
        assert found(client, "Ingrid", language="en") == {
            "events": ["Who pays for climate adaptation?"],
            "people": ["Ingrid Berg"],
        }
        assert found(client, "weather", language="en")["events"] == [
            "Who pays for climate adaptation?"
        ]
        assert found(client, "weather")["events"] == []
        english_people = list(search_people("Ingrid", locale_en))
        assert [p.locale for p in english_people] == [locale_en]
        assert [e.locale for e in search_events("Ingrid", locale_nb)] == [locale_nb]

    def test_english_visitors_search_the_english_versions(self, client, data, locale_en):
        english = {"q": "weather"}
        index = client.get(data.series.get_translation(locale_en).url, {**english, "when": "all"})
        api = client.get("/api/events/", {**english, "lang": "en"}).json()["items"]

        assert [event.title for event in index.context["events"]] == [
            "Who pays for climate adaptation?"
        ]
        assert [event["title"] for event in api] == ["Who pays for climate adaptation?"]
        assert found(client, "weather", language="en")["events"] == [
            "Who pays for climate adaptation?"
        ]
        # The Norwegian version says it otherwise.
        assert everywhere(client, data.series, "weather") == []

    def test_an_organisation_is_found_by_its_name_in_any_language(self, client, data):
        # The organisers were translated after the events were published; renaming a snippet
        # reindexes its pages on republish.
        for event in EventPage.objects.live():
            event.save_revision().publish()

        norwegian = ["Hvem tar regningen for klimatilpasningen?"]
        assert everywhere(client, data.series, "Institute") == norwegian
        assert everywhere(client, data.series, "NIPH") == norwegian
