"""The event index: upcoming events and the archive, filters, pagination, and what stays out."""

import datetime
import re

import pytest
from django.conf import settings
from django.test import override_settings
from django.utils import timezone, translation
from django.utils.html import escape

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
from wagtail_events import queries, views
from wagtail_events.models import EventStatus, Role

pytestmark = pytest.mark.django_db

shared_tree, home_page, events_index, series, people_index = builders.tree_fixtures()


def at(days, hours=1):
    """Start and end of an event at noon ``days`` from today (negative: in the past)."""
    start = noon(days)
    return {"start": start, "end": start + datetime.timedelta(hours=hours)}


def in_nb(message, **values):
    """What the Norwegian page says, whatever the catalogue holds today."""
    with translation.override("nb"):
        text = str(translation.gettext(message))
    return text % values if values else text


def in_nb_plural(message, count):
    """What the Norwegian page says for ``count`` of something."""
    with translation.override("nb"):
        return translation.ngettext(message, message + "s", count) % {"counter": count}


def titles(response):
    """Event titles in the order the listing shows them."""
    html = response.content.decode()
    return re.findall(r'class="we-event-summary__title"><a href="[^"]*">([^<]*)</a>', html)


def test_upcoming_events_by_default_soonest_first(client, series):
    EventPageFactory(parent=series, title="I fjor", **at(-300))
    EventPageFactory(parent=series, title="Neste uke", **at(7))
    EventPageFactory(parent=series, title="I morgen", **at(1))
    # Started an hour ago and still going: visitors can still join.
    now = timezone.now()
    EventPageFactory(
        parent=series,
        title="Pågår nå",
        start=now - datetime.timedelta(hours=1),
        end=now + datetime.timedelta(hours=1),
    )

    response = client.get(series.url)

    assert response.status_code == 200
    assert titles(response) == ["Pågår nå", "I morgen", "Neste uke"]
    html = response.content.decode()
    with translation.override("nb"):
        assert (
            translation.ngettext("%(counter)s event", "%(counter)s events", 3) % {"counter": 3}
            in html
        )


def test_past_events_archive_newest_first(client, series):
    EventPageFactory(parent=series, title="I fjor", **at(-365))
    EventPageFactory(parent=series, title="Forrige uke", **at(-7))
    EventPageFactory(parent=series, title="I morgen", **at(1))

    response = client.get(series.url, {"when": "past"})

    assert titles(response) == ["Forrige uke", "I fjor"]
    html = response.content.decode()
    assert f'href="{series.url}?when=past" aria-current="page"' in html


def test_index_lists_the_events_of_its_series_below_it(client, events_index, series):
    EventPageFactory(parent=events_index, title="I hovedprogrammet", **at(2))
    EventPageFactory(parent=series, title="I Arendalsuka", **at(1))

    assert titles(client.get(events_index.url)) == ["I Arendalsuka", "I hovedprogrammet"]
    assert titles(client.get(series.url)) == ["I Arendalsuka"]


def build_programme(series, people_index):
    """Three upcoming events that differ in every way the filters look at.

    What each filter leaves of them, on this page and in every other output, is in
    ``test_listing``; the tests here are of the form.
    """
    nav = OrganisationFactory(name="Arbeids- og velferdsetaten", short_name="NAV")
    ks = OrganisationFactory(name="Kommunesektorens organisasjon", short_name="KS")
    ingrid = PersonPageFactory(
        parent=people_index, given_name="Ingrid", family_name="Berg", organisation=ks
    )
    jonas = PersonPageFactory(
        parent=people_index,
        given_name="Jonas",
        family_name="Aasen",
        organisation=OrganisationFactory(name="Agderposten", short_name=""),
    )
    debate = EventTypeFactory(name="Debatt")
    seminar = EventTypeFactory(name="Seminar")
    health = TopicFactory(name="Helse")
    climate = TopicFactory(name="Klima")
    return {
        "health": EventPageFactory(
            parent=series,
            title="Digital helse i kommunene",
            lead="Velferdsteknologi som virker.",
            event_type=debate,
            topics=[health],
            organisers=[nav],
            people=[(ingrid, Role.MODERATOR)],
            **at(2),
        ),
        "climate": EventPageFactory(
            parent=series,
            title="Hvem betaler for klimatilpasningen?",
            lead="Kommunene må ruste seg for mer ekstremvær.",
            event_type=seminar,
            topics=[climate, health],
            organisers=[ks],
            people=[(jonas, Role.PARTICIPANT)],
            **at(10),
        ),
        "cancelled": EventPageFactory(
            parent=series,
            title="Frokostmøte om arbeidsliv",
            lead="Et møte som ble avlyst.",
            event_type=debate,
            organisers=[nav, ks],
            status=EventStatus.CANCELLED,
            status_note="Innleder er syk.",
            **at(20),
        ),
    }


class TestFilters:
    """The filter form on a programme that the tests only read (or change inside their own
    savepoint), built once for the class."""

    @pytest.fixture(scope="class")
    @classmethod
    def site(cls, shared_tree, django_db_blocker):
        with builders.shared_data(django_db_blocker):
            tree = builders.fresh(shared_tree)
            tree.programme = build_programme(tree.series, tree.people_index)
            yield tree

    @pytest.fixture
    def series(self, site, db):
        return builders.fresh(site.series)

    @pytest.fixture
    def programme(self, site, db):
        return builders.fresh(site.programme)

    def test_filter_form_lists_what_the_programme_uses(self, client, series, programme):
        EventTypeFactory(name="Konsert")  # used by no event here

        html = client.get(series.url).content.decode()

        assert '<option value="debatt">Debatt</option>' in html
        assert '<option value="seminar">Seminar</option>' in html
        assert "Konsert" not in html
        assert '<option value="ingrid-berg">Ingrid Berg</option>' in html
        assert '<label class="we-field__label" for="id_organiser">' in html
        assert "<legend" in html
        assert 'type="submit"' in html

    def test_filters_with_too_many_options_give_way_to_the_search(self, client, series, programme):
        EventPageFactory(
            parent=series,
            organisers=[OrganisationFactory(name="Kulturrådet")],
            topics=[TopicFactory(name="Kultur")],
            **at(30),
        )
        with override_settings(WAGTAIL_EVENTS={**settings.WAGTAIL_EVENTS, "FILTER_OPTIONS": 2}):
            html = client.get(series.url).content.decode()
            # The two people are offered; the three organisers and topics are not.
            assert '<option value="ingrid-berg">Ingrid Berg</option>' in html
            assert 'name="organiser"' not in html
            assert 'name="topic"' not in html
            assert 'name="q"' in html

            # Chosen from a link, a filter is offered with that one option, and still applies.
            response = client.get(series.url, {"organiser": "kommunesektorens-organisasjon"})
            assert titles(response) == [programme["climate"].title, programme["cancelled"].title]
            select = re.search(
                r'<select name="organiser".*?</select>', response.content.decode(), re.S
            )
            options = re.findall(r'<option value="([^"]*)"', select.group())
            assert options == ["", "kommunesektorens-organisasjon"]

            # An organiser no event here has is refused as before.
            response = client.get(series.url, {"organiser": "finnes-ikke"})
            assert "organiser" in response.context["filter"].form.errors

    @pytest.mark.parametrize(
        ("query", "field"),
        [
            ({"from": "31.02.2025"}, "from"),
            ({"from": "i morgen"}, "from"),
            ({"from": "2026-05-01", "to": "2026-04-01"}, "to"),
            ({"type": "finnes-ikke"}, "type"),
            ({"topic": "finnes-ikke"}, "topic"),
            ({"organiser": "finnes-ikke"}, "organiser"),
            ({"person": "finnes-ikke"}, "person"),
            ({"organiser": "nav\x00"}, "organiser"),  # PostgreSQL refuses NUL in a query
            ({"status": "kanskje"}, "status"),
            ({"when": "i-overmorgen"}, "when"),
            ({"q": "x" * 500}, "q"),
            ({"topic": ["helse", "<script>alert(1)</script>"]}, "topic"),
        ],
    )
    def test_unusable_filters_give_the_page_with_an_error(
        self, client, series, programme, query, field
    ):
        response = client.get(series.url, query)

        assert response.status_code == 200
        form = response.context["filter"].form
        assert field in form.errors
        html = response.content.decode()
        assert 'class="we-filters__errors"' in html
        assert escape(form.errors[field][0]) in html
        assert "<script>alert" not in html
        # The other events are still listed: an unusable filter narrows nothing.
        assert response.context["result_count"] >= 1

    def test_unknown_parameters_are_ignored(self, client, series, programme):
        response = client.get(series.url, {"utm_source": "nyhetsbrev", "sort": "tittel"})

        assert response.status_code == 200
        assert response.context["result_count"] == 3
        assert not response.context["filter"].form.errors

    def test_filters_that_match_nothing_offer_to_clear_them(self, client, series, programme):
        response = client.get(series.url, {"q": "finnes ikke noe sted"})

        assert titles(response) == []
        html = response.content.decode()
        assert in_nb("No events match these filters.") in html
        assert f'<a href="{series.url}">' in html


def test_filters_keep_the_past_archive_when_asked(client, series):
    topic = TopicFactory(name="Helse")
    EventPageFactory(parent=series, title="Gammel helsedebatt", topics=[topic], **at(-30))
    EventPageFactory(parent=series, title="Ny helsedebatt", topics=[topic], **at(3))

    assert titles(client.get(series.url, {"topic": "helse", "when": "past"})) == [
        "Gammel helsedebatt"
    ]
    assert titles(client.get(series.url, {"topic": "helse", "when": "all"})) == [
        "Gammel helsedebatt",
        "Ny helsedebatt",
    ]


@pytest.fixture
def three_per_page(monkeypatch):
    monkeypatch.setattr(views, "EVENTS_PER_PAGE", 3)


def test_pagination_keeps_the_filters(client, series, three_per_page):
    topic = TopicFactory(name="Helse")
    for day in range(1, 8):
        EventPageFactory(parent=series, title=f"Helsedag {day}", topics=[topic], **at(day))
    EventPageFactory(parent=series, title="Uten tema", **at(1))

    first = client.get(series.url, {"topic": "helse"})
    html = first.content.decode()
    assert titles(first) == ["Helsedag 1", "Helsedag 2", "Helsedag 3"]
    assert first.context["result_count"] == 7
    assert f'href="{series.url}?topic=helse&amp;page=2" rel="next"' in html

    last = client.get(series.url, {"topic": "helse", "page": "3"})
    assert titles(last) == ["Helsedag 7"]
    html = last.content.decode()
    assert f'href="{series.url}?topic=helse&amp;page=2" rel="prev"' in html
    assert 'aria-current="page"><span class="we-visually-hidden">' in html


def test_a_large_programme_counts_ahead_and_every_page_stays_reachable(
    client, series, three_per_page, monkeypatch
):
    monkeypatch.setattr(queries, "COUNT_STEP", 4)
    for day in range(1, 12):
        EventPageFactory(parent=series, title=f"Dag {day}", **at(day))

    first = client.get(series.url)
    assert first.context["result_count"] == 4
    assert not first.context["result_count_is_exact"]
    html = first.content.decode()
    assert escape(in_nb_plural("More than %(counter)s event", 4)) in html
    assert f'href="{series.url}?page=2" rel="next"' in html

    # Paging further counts further, up to every event and the last page.
    last = client.get(series.url, {"page": "4"})
    assert titles(last) == ["Dag 10", "Dag 11"]
    assert last.context["result_count"] == 11
    assert last.context["result_count_is_exact"]
    assert escape(in_nb_plural("%(counter)s event", 11)) in last.content.decode()


@pytest.mark.parametrize(
    ("page", "shown", "message"),
    [
        ("abc", 1, "“%(page)s” is not a page number, so the first page is shown."),
        ("9999", 3, "There is no page %(page)s, so the last page is shown."),
        ("0", 1, "Pages start at 1, so the first page is shown."),
        ("-2", 1, "Pages start at 1, so the first page is shown."),
    ],
)
def test_page_numbers_out_of_range_show_the_nearest_page(
    client, series, three_per_page, page, shown, message
):
    for day in range(1, 8):
        EventPageFactory(parent=series, **at(day))

    response = client.get(series.url, {"page": page})

    assert response.status_code == 200
    assert response.context["page_obj"].number == shown
    html = response.content.decode()
    assert escape(in_nb(message, page=page)) in html


def test_empty_programme_says_so(client, series):
    EventPageFactory(parent=series, title="I fjor", **at(-300))

    html = client.get(series.url).content.decode()

    assert in_nb("There are no upcoming events here.") in html
    assert f'href="{series.url}?when=past"' in html


@pytest.mark.parametrize("way", HIDDEN_WAYS)
def test_events_that_are_not_public_stay_out_of_the_index(client, series, way):
    EventPageFactory(parent=series, title="Åpent møte", **at(1))
    hidden_organiser = OrganisationFactory(name="Skjult arrangør")
    hidden_page(
        EventPageFactory,
        way,
        parent=series,
        title="Hemmelig møte",
        organisers=[hidden_organiser],
        **at(2),
    )

    for query in ({}, {"when": "all"}, {"q": "møte"}):
        response = client.get(series.url, query)
        assert titles(response) == ["Åpent møte"]
        assert response.context["result_count"] == 1
        # Not even its organiser is offered as a filter.
        assert "Skjult arrangør" not in response.content.decode()


def test_a_live_event_shows_its_published_version_not_the_draft(client, series):
    event = EventPageFactory(parent=series, title="Publisert tittel", **at(1))
    draft = event.get_latest_revision_as_object()
    draft.title = "Utkast til ny tittel"
    draft.save_revision()

    assert titles(client.get(series.url)) == ["Publisert tittel"]


def test_english_index_filters_by_the_norwegian_slugs(
    client, series, translate_into_english, locale_en
):
    health = TopicFactory(name="Helse")
    debate = EventTypeFactory(name="Debatt")
    nav = OrganisationFactory(name="Arbeids- og velferdsetaten", short_name="NAV")
    event = EventPageFactory(
        parent=series,
        title="Helsedebatt",
        lead="Om helse.",
        topics=[health],
        event_type=debate,
        organisers=[nav],
        **at(3),
    )
    EventPageFactory(parent=series, title="Annet", **at(4))
    translate_into_english(health, {"Helse": "Health"})
    translate_into_english(debate, {"Debatt": "Debate"})
    translate_into_english(
        nav,
        {"Arbeids- og velferdsetaten": "Norwegian Labour and Welfare Administration", "NAV": "NAV"},
    )
    translate_into_english(
        event,
        {"Helsedebatt": "Health debate", "helsedebatt": "health-debate", "Om helse.": "On health."},
    )
    english_series = series.get_translation(locale_en)

    for query in (
        {"topic": "helse"},
        {"type": "debatt"},
        {"organiser": "arbeids-og-velferdsetaten"},
        {"q": "Welfare"},
    ):
        response = client.get(english_series.url, query)
        assert response.status_code == 200
        assert titles(response) == ["Health debate"], query

    html = client.get(english_series.url).content.decode()
    assert '<option value="helse">Health</option>' in html
    assert '<option value="debatt">Debate</option>' in html
    assert "Norwegian Labour and Welfare Administration</option>" in html
    assert "Debatt</option>" not in html
