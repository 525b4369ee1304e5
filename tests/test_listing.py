"""One filter matrix over every output that lists events.

The index page, its calendar and feeds, the events API, its calendar file and the widget all
find their events through one ``EventListing``; each filter here is asked of each of them, and
each must list the same events. Where an output keeps its own time span (a calendar keeps the
recent past, a feed and the widget what is coming) the span rows say so.
"""

import datetime
import xml.etree.ElementTree as ET
from typing import NamedTuple

import icalendar
import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from tests import builders
from tests.factories import EventPageFactory, noon
from tests.test_index import at, build_programme, titles
from wagtail_events.models import EmbedProfile
from wagtail_events.page_models import person_page_model

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


def page_titles(response):
    """The index page's events; its count says the same."""
    shown = titles(response)
    assert response.context["result_count"] == len(shown)
    return shown


def calendar_titles(response):
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = icalendar.Calendar.from_ical(response.content)
    return [str(vevent["SUMMARY"]) for vevent in calendar.walk("VEVENT")]


def rss_titles(response):
    channel = ET.fromstring(response.content).find("channel")  # noqa: S314 (our own output)
    # RSS titles are escaped HTML; these have nothing to escape.
    return [item.findtext("title") for item in channel.findall("item")]


def atom_titles(response):
    feed = ET.fromstring(response.content)  # noqa: S314 (our own output)
    return [entry.findtext(f"{ATOM}title") for entry in feed.findall(f"{ATOM}entry")]


def api_titles(response):
    return [item["title"] for item in response.json()["items"]]


def widget_titles(response):
    frame = BeautifulSoup(response.content.decode(), "html.parser")
    return [link.get_text() for link in frame.select("a.we-embed__title")]


class Output(NamedTuple):
    name: str
    # "page": an index's own outputs, which take the index page's filters (one value each);
    # "api": the API's and the widget's, which take its parameters and name the index by id.
    takes: str
    path: str  # after the index's URL, or the whole path
    titles: object

    def get(self, client, index, params):
        params = as_sent(params)
        if self.takes == "api":
            response = client.get(self.path, {**params, "series": index.pk})
        else:
            response = client.get(index.url + self.path, params)
        assert response.status_code == 200, response.content[:500]
        return self.titles(response)


OUTPUTS = [
    Output("index page", "page", "", page_titles),
    Output("index calendar", "page", "calendar/", calendar_titles),
    Output("rss", "page", "feed/", rss_titles),
    Output("atom", "page", "feed/atom/", atom_titles),
    Output("api list", "api", "/api/events/", api_titles),
    Output("api calendar", "api", "/api/events.ics", calendar_titles),
    Output("widget", "api", "/embed/events/", widget_titles),
]
API_OUTPUTS = [output for output in OUTPUTS if output.takes == "api"]


class Day(int):
    """The date this many days from today in the site's zone; ``str`` gives it as a parameter
    at the time of the request, ``repr`` names the test stably."""

    def __str__(self):
        return timezone.localdate(noon(self)).isoformat()

    def __repr__(self):
        return f"day{self:+d}"


def day(days):
    return Day(days)


def as_sent(params):
    return {name: str(value) if isinstance(value, Day) else value for name, value in params.items()}


# Every filter, as the index page and the API both take it, and the events it leaves of the
# series' programme (see ``build_programme``: upcoming events on days 2, 10 and 20). The
# events in the past and elsewhere (see ``site``) match none of them.
FILTERS = [
    ({"type": "debatt"}, ["health", "cancelled"]),
    ({"topic": "helse"}, ["health", "climate"]),
    ({"organiser": "kommunesektorens-organisasjon"}, ["climate", "cancelled"]),
    ({"person": "ingrid-berg"}, ["health"]),
    ({"status": "cancelled"}, ["cancelled"]),
    ({"q": "klimatilpasningen"}, ["climate"]),  # title
    ({"q": "velferdsteknologi"}, ["health"]),  # lead
    ({"q": "Jonas Aasen"}, ["climate"]),  # a person taking part
    ({"q": "velferdsetaten"}, ["health", "cancelled"]),  # an organiser
    ({"q": "NAV"}, ["health", "cancelled"]),  # by its short name
    ({"q": "agderposten"}, ["climate"]),  # the employer of someone taking part
    ({"q": "finnes ikke noe sted"}, []),
    ({"type": "debatt", "organiser": "kommunesektorens-organisasjon"}, ["cancelled"]),
    # Whole days in the site's zone: from the first event's day to the second's.
    ({"from": day(2), "to": day(10)}, ["health", "climate"]),
    ({"from": day(3)}, ["climate", "cancelled"]),
    ({"from": day(1), "to": day(9)}, ["health"]),
    ({"from": day(10), "to": day(10)}, ["climate"]),
]

# The API's own parameters: several values of a filter, the order, the language, unknown
# slugs (which match nothing there; the index page's form refuses them instead).
API_FILTERS = [
    ({"organiser": ["arbeids-og-velferdsetaten", "kommunesektorens-organisasjon"]}, "THREE"),
    ({"topic": ["helse", "klima"]}, ["health", "climate"]),
    ({"topic": "klima"}, ["climate"]),
    ({"person": ["ingrid-berg", "jonas-aasen"]}, ["health", "climate"]),
    # Different filters must all hold: Ingrid talks on health, not on climate.
    ({"topic": "klima", "person": "ingrid-berg"}, []),
    ({"topic": "helse", "person": "ingrid-berg"}, ["health"]),
    ({"type": ["debatt", "seminar"], "when": "upcoming"}, "THREE"),
    ({"when": "upcoming", "order": "-start"}, ["cancelled", "climate", "health"]),
    ({"lang": "en"}, []),  # the programme has no English version
    ({"organiser": "finnes-ikke"}, []),
    ({"topic": "finnes-ikke"}, []),
    ({"person": "finnes-ikke"}, []),
    ({"type": "finnes-ikke"}, []),
    # An embed profile's organisers, unless the request names its own.
    ({"profile": "ks"}, ["climate", "cancelled"]),
    ({"profile": "ks", "organiser": "arbeids-og-velferdsetaten"}, ["health", "cancelled"]),
    ({"profile": "ks", "organiser": "finnes-ikke"}, []),
    ({"profile": "ks", "type": "seminar"}, ["climate"]),
]

THREE = ["health", "climate", "cancelled"]
ALL_OF_IT = ["archive", "recent", *THREE]
# Each output's own span: what it lists for parameters that name no filter.
SPANS = [
    (
        "series",
        {},
        {
            # Calendars keep the recent past (CALENDAR_PAST_DAYS), the API all of it.
            "index calendar": ["recent", *THREE],
            "api list": ALL_OF_IT,
            "api calendar": ALL_OF_IT,
        },
        THREE,
    ),
    (
        "series",
        {"when": "upcoming"},
        {"index calendar": ["recent", *THREE]},
        THREE,
    ),
    (
        "series",
        {"when": "past"},
        {
            # Past events newest first; calendars and feeds keep their own span.
            "index page": ["recent", "archive"],
            "api list": ["recent", "archive"],
            "api calendar": ["recent", "archive"],
            "widget": ["recent", "archive"],
            "index calendar": ["recent", *THREE],
        },
        THREE,
    ),
    (
        "series",
        {"when": "all"},
        {
            "index page": ALL_OF_IT,
            "api list": ALL_OF_IT,
            "api calendar": ALL_OF_IT,
            "widget": ALL_OF_IT,
            "index calendar": ["recent", *THREE],
        },
        THREE,
    ),
    (
        # In the API and the widget the dates alone decide; pages keep their span.
        "series",
        {"from": day(-400), "to": day(-400)},
        {"api list": ["archive"], "api calendar": ["archive"], "widget": ["archive"]},
        [],
    ),
    (
        # The events index lists its series' events and its own.
        "events_index",
        {},
        {
            "index calendar": ["recent", *THREE, "elsewhere"],
            "api list": [*ALL_OF_IT, "elsewhere"],
            "api calendar": [*ALL_OF_IT, "elsewhere"],
        },
        [*THREE, "elsewhere"],
    ),
    ("events_index", {"organiser": "kommunesektorens-organisasjon"}, {}, ["climate", "cancelled"]),
]


def expect(site, names):
    return [site.events[name].title for name in (THREE if names == "THREE" else names)]


class TestMatrix:
    """Each filter over each output, on data built once for the class."""

    @pytest.fixture(scope="class")
    @classmethod
    def site(cls, django_db_setup, django_db_blocker):
        """The filter programme, one event long past and one recent in the same series, one
        upcoming event right below the events index, and an embed profile for KS. Read only."""
        with builders.shared_data(django_db_blocker):
            tree = builders.site_tree()
            events = build_programme(tree.series, tree.people_index)
            events["archive"] = EventPageFactory(
                parent=tree.series, title="Årsmøtet i fjor", lead="Referat.", **at(-400)
            )
            events["recent"] = EventPageFactory(
                parent=tree.series, title="Sommerfest", lead="Grilling.", **at(-10)
            )
            events["elsewhere"] = EventPageFactory(
                parent=tree.events_index, title="Byvandring", lead="Gamlebyen.", **at(30)
            )
            profile = EmbedProfile.objects.create(name="KS", slug="ks", limit=10)
            profile.organisers.set([events["climate"].organisers.first().organisation])
            profile.save()
            tree.events = events
            yield tree

    @pytest.fixture
    def shared(self, site, db):
        return builders.fresh(site)

    @pytest.mark.parametrize("output", OUTPUTS, ids=lambda output: output.name)
    @pytest.mark.parametrize(("params", "expected"), FILTERS, ids=str)
    def test_every_output_lists_what_a_filter_leaves(
        self, client, shared, output, params, expected
    ):
        assert output.get(client, shared.series, params) == expect(shared, expected)

    @pytest.mark.parametrize("output", API_OUTPUTS, ids=lambda output: output.name)
    @pytest.mark.parametrize(("params", "expected"), API_FILTERS, ids=str)
    def test_the_api_and_the_widget_take_their_own_parameters_alike(
        self, client, shared, output, params, expected
    ):
        assert output.get(client, shared.series, params) == expect(shared, expected)

    @pytest.mark.parametrize("output", OUTPUTS, ids=lambda output: output.name)
    @pytest.mark.parametrize(
        ("index", "params", "by_output", "otherwise"),
        SPANS,
        ids=[f"{index}-{params}" for index, params, _, _ in SPANS],
    )
    def test_each_output_keeps_its_own_span(
        self, client, shared, output, index, params, by_output, otherwise
    ):
        expected = by_output.get(output.name, otherwise)
        assert output.get(client, getattr(shared, index), params) == expect(shared, expected)

    @pytest.mark.parametrize(
        ("slug", "expected"), [("ingrid-berg", ["health"]), ("jonas-aasen", ["climate"])]
    )
    def test_a_persons_page_and_calendar_list_what_the_person_filter_leaves(
        self, client, shared, slug, expected
    ):
        person = person_page_model().objects.get(slug=slug)
        titles_expected = expect(shared, expected)
        assert titles(client.get(person.url)) == titles_expected
        response = client.get(person.url + "calendar/")
        assert response.status_code == 200
        assert calendar_titles(response) == titles_expected
        for output in OUTPUTS:
            assert output.get(client, shared.series, {"person": slug}) == titles_expected


def test_a_day_starts_at_midnight_in_the_site_zone_in_every_output(client, series):
    """An event just after midnight on a day is on that day; one just before, on the one before."""
    midnight = datetime.datetime.combine(
        timezone.localdate() + datetime.timedelta(days=5),
        datetime.time.min,
        tzinfo=timezone.get_current_timezone(),
    )
    minute = datetime.timedelta(minutes=1)
    hour = datetime.timedelta(hours=1)
    EventPageFactory(parent=series, title="Før", start=midnight - hour, end=midnight - minute)
    EventPageFactory(parent=series, title="Etter", start=midnight + minute, end=midnight + hour)
    the_day = midnight.date().isoformat()

    for output in OUTPUTS:
        assert output.get(client, series, {"from": the_day}) == ["Etter"], output.name
        assert output.get(client, series, {"to": the_day}) == ["Før", "Etter"], output.name
        before = (midnight.date() - datetime.timedelta(days=1)).isoformat()
        assert output.get(client, series, {"to": before}) == ["Før"], output.name


def test_the_filter_matrix_names_every_filter():
    """A filter added to the index page or the API must be added to the matrix too."""
    from wagtail_events.api.filters import EventQuery
    from wagtail_events.filters import EventFilterSet

    page_filters = set(EventFilterSet.get_filters()) - {"when"}
    api_filters = {field.alias or name for name, field in EventQuery.model_fields.items()}
    in_matrix = {name for params, _ in FILTERS for name in params}
    in_api_matrix = in_matrix | {name for params, _ in API_FILTERS for name in params}
    in_spans = {name for _, params, _, _ in SPANS for name in params}
    assert page_filters <= in_matrix
    # The series is every API output's index; limit and offset are paging (see test_api).
    assert api_filters - {"series", "limit", "offset"} <= in_api_matrix | in_spans
