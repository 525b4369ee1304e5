"""RSS and Atom feeds of an index's upcoming events."""

import datetime
import uuid
import xml.etree.ElementTree as ET

import pytest
from django.utils import timezone

from tests.factories import (
    EventPageFactory,
    EventTypeFactory,
    OrganisationFactory,
    TopicFactory,
)
from wagtail_events.models import EventIndexPage, EventPage

# The ETags compared across requests name the cache period: one period for each test.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("one_cache_period")]

ATOM = "{http://www.w3.org/2005/Atom}"


def from_now(**delta):
    return timezone.now().replace(microsecond=0) + datetime.timedelta(**delta)


def rss_items(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/rss+xml; charset=utf-8"
    channel = ET.fromstring(response.content).find("channel")  # noqa: S314 (our own output)
    return channel, channel.findall("item")


def atom_entries(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/atom+xml; charset=utf-8"
    feed = ET.fromstring(response.content)  # noqa: S314 (our own output)
    return feed, feed.findall(f"{ATOM}entry")


@pytest.fixture
def programme(series):
    """Two upcoming events (the later one published first) and one that is over."""
    later = EventPageFactory(
        parent=series,
        title="Helse & KI",
        lead="Om <pilotering>.",
        start=from_now(days=8),
        end=from_now(days=8, hours=1),
        event_type=EventTypeFactory(name="Debatt"),
        topics=[TopicFactory(name="Helse")],
        organisers=[OrganisationFactory(name="KS", slug="ks")],
    )
    sooner = EventPageFactory(
        parent=series,
        title="Frokostmøte",
        start=from_now(days=1),
        end=from_now(days=1, hours=1),
        organisers=[OrganisationFactory(name="Hemit", slug="hemit")],
    )
    EventPageFactory(
        parent=series, title="Ferdig", start=from_now(days=-3), end=from_now(days=-3, hours=1)
    )
    return sooner, later


def test_rss_feed_lists_upcoming_events_soonest_first(client, series, programme):
    sooner, later = programme

    channel, items = rss_items(client, series.url + "feed/")

    assert channel.findtext("title") == "Arendalsuka 2025"
    assert channel.findtext("link") == f"http://localhost{series.url}"
    assert channel.findtext("language") == "nb"
    # Titles are escaped once more for readers that take them as HTML, as Django does.
    assert [item.findtext("title") for item in items] == ["Frokostmøte", "Helse &amp; KI"]
    item = items[1]
    assert item.findtext("link") == f"http://localhost{later.url}"
    guid = item.find("guid")
    assert guid.get("isPermaLink") == "false"
    assert guid.text == uuid.uuid5(later.translation_key, "nb").urn
    assert [c.text for c in item.findall("category")] == ["Debatt", "Helse"]
    description = item.findtext("description")
    assert "Om &lt;pilotering&gt;." in description
    assert "<strong>" in description


def test_atom_feed_lists_the_same_events_as_plain_text_titles(client, series, programme):
    sooner, later = programme

    feed, entries = atom_entries(client, series.url + "feed/atom/")

    assert feed.findtext(f"{ATOM}title") == "Arendalsuka 2025"
    assert [entry.findtext(f"{ATOM}title") for entry in entries] == ["Frokostmøte", "Helse & KI"]
    assert entries[1].findtext(f"{ATOM}id") == uuid.uuid5(later.translation_key, "nb").urn
    assert entries[1].find(f"{ATOM}link").get("href") == f"http://localhost{later.url}"
    assert entries[1].find(f"{ATOM}summary").get("type") == "html"
    links = {link.get("rel"): link.get("href") for link in feed.findall(f"{ATOM}link")}
    assert links["self"] == f"http://localhost{series.url}feed/atom/"
    feed, entries = atom_entries(client, series.url + "feed/atom/?organiser=ks")
    assert [entry.findtext(f"{ATOM}title") for entry in entries] == ["Helse & KI"]
    self_link = feed.find(f"{ATOM}link[@rel='self']").get("href")
    assert self_link == f"http://localhost{series.url}feed/atom/?organiser=ks"


def test_feeds_keep_the_index_filters(client, series, programme):
    for url, read in ((f"{series.url}feed/", rss_items), (f"{series.url}feed/atom/", atom_entries)):
        _feed, entries = read(client, url + "?organiser=hemit&when=past")
        assert len(entries) == 1, url
        _feed, entries = read(client, url + "?organiser=no-such-organiser")
        assert len(entries) == 2, "an unusable filter is ignored, as on the index page"


def test_item_ids_stay_when_an_event_is_renamed_and_moved(client, events_index, series):
    event = EventPageFactory(parent=series, start=from_now(days=1), end=from_now(days=1, hours=1))
    _feed, (entry,) = atom_entries(client, series.url + "feed/atom/")
    before = entry.findtext(f"{ATOM}id")

    page = event.get_latest_revision_as_object()
    page.title, page.slug = "Nytt navn", "nytt-navn"
    page.save_revision().publish()
    other = events_index.add_child(instance=EventIndexPage(title="Andre", slug="andre"))
    EventPage.objects.get(pk=event.pk).move(other, pos="last-child")

    _feed, (entry,) = atom_entries(client, other.url + "feed/atom/")
    assert entry.findtext(f"{ATOM}title") == "Nytt navn"
    assert entry.findtext(f"{ATOM}id") == before


def test_english_feeds_show_english_titles(client, series, translate_into_english, locale_en):
    event = EventPageFactory(
        parent=series,
        title="Debatt",
        slug="debatt",
        lead="Ingress",
        start=from_now(days=1),
        end=from_now(days=1, hours=1),
    )
    translate_into_english(event, {"Debatt": "Debate", "debatt": "debate", "Ingress": "Lead"})
    english_series = series.get_translation(locale_en)

    channel, items = rss_items(client, english_series.url + "feed/")

    assert channel.findtext("language") == "en"
    assert [item.findtext("title") for item in items] == ["Debate"]
    assert items[0].findtext("link").endswith("/en/arrangementer/arendalsuka-2025/debate/")
    # A language version is an entry of its own.
    assert items[0].findtext("guid") == uuid.uuid5(event.translation_key, "en").urn


def test_feeds_answer_conditional_requests_with_their_etag(client, series, programme):
    for url in (series.url + "feed/", series.url + "feed/atom/"):
        response = client.get(url)
        assert "Last-Modified" not in response
        assert client.get(url).content == response.content
        not_modified = client.get(url, headers={"If-None-Match": response["ETag"]})
        assert not_modified.status_code == 304

    etag = client.get(series.url + "feed/")["ETag"]
    page = programme[0].get_latest_revision_as_object()
    page.title = "Frokostmøte om KI"
    page.save_revision().publish()
    assert client.get(series.url + "feed/", headers={"If-None-Match": etag}).status_code == 200


def test_feeds_list_the_soonest_events_up_to_the_setting(client, series, programme, settings):
    sooner, later = programme
    settings.WAGTAIL_EVENTS = {**getattr(settings, "WAGTAIL_EVENTS", {}), "FEED_ITEMS": 1}

    _channel, items = rss_items(client, series.url + "feed/")
    _feed, entries = atom_entries(client, series.url + "feed/atom/")

    assert [item.findtext("title") for item in items] == [sooner.title]
    assert [entry.findtext(f"{ATOM}title") for entry in entries] == [sooner.title]
