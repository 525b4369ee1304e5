"""Visitors search events and people in their own language, and find only what is public."""

import pytest
from bs4 import BeautifulSoup

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


@pytest.fixture
def programme(series, people_index):
    hospital = OrganisationFactory(name="Sykehusinnkjøp HF")
    speaker = PersonPageFactory(
        parent=people_index,
        given_name="Ragnhild",
        family_name="Solberg",
        job_title="Fagdirektør",
        organisation=hospital,
    )
    EventPageFactory(
        parent=series,
        title="Debatt om kunstig intelligens",
        lead="Hvordan tar sykehusene i bruk maskinlæring?",
        body=[("rich_text", "<p>Vi snakker om pasientsikkerhet og personvern.</p>")],
        organisers=[OrganisationFactory(name="Folkehelseinstituttet")],
        people=[(speaker, Role.SPEAKER)],
    )
    EventPageFactory(parent=series, title="Frokostmøte om klima", lead="Kaffe og prat.")
    return speaker


@pytest.mark.parametrize(
    "query",
    [
        "intelligens",  # title
        "maskinlæring",  # lead
        "pasientsikkerhet",  # body
        "Ragnhild",  # a person's name
        "Solberg",
        "Sykehusinnkjøp",  # the organisation a person came from
        "Folkehelseinstituttet",  # an organiser
    ],
)
def test_events_are_found_by_what_they_say_and_who_takes_part(client, programme, query):
    assert found(client, query)["events"] == ["Debatt om kunstig intelligens"]


@pytest.mark.parametrize("query", ["Ragnhild", "Solberg", "Fagdirektør", "Sykehusinnkjøp"])
def test_people_are_found_by_name_title_and_organisation(client, programme, query):
    assert found(client, query)["people"] == ["Ragnhild Solberg"]


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


def test_visitors_find_pages_in_their_own_language(
    client, series, people_index, translate_into_english, locale_nb, locale_en
):
    person = PersonPageFactory(
        parent=people_index, given_name="Ragnhild", family_name="Solberg", job_title=""
    )
    event = EventPageFactory(
        parent=series,
        title="Debatt om helse",
        slug="debatt-om-helse",
        lead="Hvem betaler for sykehusene?",
        people=[(person, Role.SPEAKER)],
    )
    translate_into_english(
        event,
        {
            "Debatt om helse": "Debate on health",
            "debatt-om-helse": "debate-on-health",
            "Hvem betaler for sykehusene?": "Who pays for the hospitals?",
        },
    )
    translate_into_english(person, {"Ragnhild Solberg": "Ragnhild Solberg", person.slug: "rs"})

    assert found(client, "Ragnhild") == {
        "events": ["Debatt om helse"],
        "people": ["Ragnhild Solberg"],
    }
    assert found(client, "Ragnhild", language="en") == {
        "events": ["Debate on health"],
        "people": ["Ragnhild Solberg"],
    }
    assert found(client, "hospitals", language="en")["events"] == ["Debate on health"]
    assert found(client, "hospitals")["events"] == []
    english_people = list(search_people("Ragnhild", locale_en))
    assert [p.locale for p in english_people] == [locale_en]
    assert [e.locale for e in search_events("Ragnhild", locale_nb)] == [locale_nb]


@pytest.mark.parametrize("way", HIDDEN_WAYS)
def test_hidden_events_and_people_are_never_found(client, series, people_index, way):
    EventPageFactory(parent=series, title="Åpent seminar om helse")
    PersonPageFactory(parent=people_index, given_name="Åpen", family_name="Helsesøster")
    hidden_page(EventPageFactory, way, parent=series, title="Skjult seminar om helse")
    hidden_page(
        PersonPageFactory, way, parent=people_index, given_name="Skjult", family_name="Helsesøster"
    )

    assert found(client, "seminar")["events"] == ["Åpent seminar om helse"]
    assert found(client, "Helsesøster")["people"] == ["Åpen Helsesøster"]
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
