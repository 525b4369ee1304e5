"""What search engines find besides JSON-LD: language alternates and the sitemap."""

import xml.etree.ElementTree as ET

import pytest
from bs4 import BeautifulSoup
from django.test import RequestFactory
from django.utils.timezone import localdate
from wagtail.contrib.sitemaps.views import sitemap as wagtail_sitemap_view

from tests import builders
from tests.factories import EventPageFactory, PersonPageFactory
from tests.hidden_pages import HIDDEN_WAYS, hidden_page, hide

pytestmark = pytest.mark.django_db

shared_tree, home_page, events_index, series, people_index = builders.tree_fixtures()

SITE = "http://localhost"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def alternates(html):
    """hreflang -> address of each alternate link in the page head."""
    head = BeautifulSoup(html, "html.parser").head
    links = head.find_all("link", rel="alternate", hreflang=True)
    found = {link["hreflang"]: link["href"] for link in links}
    assert len(found) == len(links), "each language is linked once"
    return found


def language_switch(html):
    nav = BeautifulSoup(html, "html.parser").find("nav", class_="language-switch")
    if nav is None:
        return None
    return [
        (a.get_text(strip=True), a["href"], a["lang"], a["hreflang"]) for a in nav.find_all("a")
    ]


class TestBilingualPages(builders.SharesTranslatedEvent):
    """Tests of the pages in both languages, which they only read (or change inside their own
    savepoint): built once for the class."""

    @pytest.fixture
    def bilingual(self, data):
        """Norwegian pages of each kind, each with an English version: translating the event
        and the moderator gave the pages above them English versions too (aliases of the
        Norwegian ones until they are translated)."""
        return {
            "event": data.event,
            "person": data.moderator,
            "index": data.series,
            "person index": data.people_index,
            "home": data.home,
        }

    @pytest.mark.parametrize("kind", ["event", "person", "index", "person index", "home"])
    def test_every_page_links_its_versions_in_both_languages(
        self, client, bilingual, locale_en, kind
    ):
        norwegian = bilingual[kind]
        english = norwegian.get_translation(locale_en)
        expected = {
            "nb": SITE + norwegian.url,
            "en": SITE + english.url,
            "x-default": SITE + norwegian.url,
        }
        assert english.url.startswith("/en/")

        for page in (norwegian, english):
            assert alternates(client.get(page.url).content.decode()) == expected

    def test_language_switch_leads_to_the_other_version(self, client, bilingual, locale_en):
        norwegian = bilingual["event"]
        english = norwegian.get_translation(locale_en)

        # Links people follow stay on the host they came by; only hreflang needs absolute addresses.
        assert language_switch(client.get(norwegian.url).content.decode()) == [
            ("English", english.url, "en", "en")
        ]
        html = client.get(english.url).content.decode()
        assert language_switch(html) == [("Norsk bokmål", norwegian.url, "nb", "nb")]
        nav = BeautifulSoup(html, "html.parser").find("nav", class_="language-switch")
        assert nav["aria-label"] == "Language"

    @pytest.mark.parametrize("way", ["unpublished", "expired", "not yet due", "view-restricted"])
    def test_hidden_translations_are_not_linked(self, client, bilingual, locale_en, way):
        norwegian = bilingual["event"]
        hide(norwegian.get_translation(locale_en), way)

        html = client.get(norwegian.url).content.decode()
        assert alternates(html) == {}
        assert language_switch(html) is None

    def test_sitemap_lists_both_languages_with_last_modified_dates(
        self, client, bilingual, locale_en
    ):
        entries = sitemap(client)

        for kind in ("event", "person"):
            norwegian = bilingual[kind]
            english = norwegian.get_translation(locale_en)
            # The day in the site's time zone, as the sitemap gives it.
            assert (
                entries[SITE + norwegian.url] == localdate(norwegian.last_published_at).isoformat()
            )
            assert entries[SITE + english.url] == localdate(english.last_published_at).isoformat()
        series = bilingual["index"]
        assert SITE + series.url in entries
        assert SITE + series.get_translation(locale_en).url in entries
        assert f"{SITE}/" in entries
        assert f"{SITE}/en/" in entries


def test_pages_in_one_language_have_no_alternates(client, series):
    event = EventPageFactory(parent=series)
    html = client.get(event.url).content.decode()
    assert alternates(html) == {}
    assert language_switch(html) is None


def test_search_page_switches_language_with_the_query(client, home_page):
    html = client.get("/search/", {"q": "helse"}).content.decode()
    # Every content language of the site (the test settings have three), in their order.
    assert language_switch(html) == [
        ("Norsk nynorsk", "/nn/search/?q=helse", "nn", "nn"),
        ("English", "/en/search/?q=helse", "en", "en"),
    ]


# --- sitemap ---------------------------------------------------------------------------------


def read_sitemap(content):
    """loc -> lastmod of each entry."""
    root = ET.fromstring(content)  # noqa: S314 (the site's own output)
    return {
        url.findtext(f"{SITEMAP}loc"): url.findtext(f"{SITEMAP}lastmod")
        for url in root.iter(f"{SITEMAP}url")
    }


def sitemap(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    return read_sitemap(response.content)


@pytest.mark.parametrize("way", HIDDEN_WAYS)
def test_sitemap_leaves_out_hidden_events_and_people(client, series, people_index, way):
    visible = EventPageFactory(parent=series, slug="synlig")
    hidden_page(EventPageFactory, way, parent=series, slug="skjult")
    hidden_page(PersonPageFactory, way, parent=people_index, given_name="Skjult", family_name="P")

    entries = sitemap(client)

    assert SITE + visible.url in entries
    assert not [location for location in entries if "skjult" in location]


@pytest.mark.parametrize("way", ["expired", "not yet due"])
def test_wagtails_own_sitemap_also_leaves_out_pages_outside_their_dates(
    series, people_index, home_page, way
):
    visible = EventPageFactory(parent=series, slug="synlig")
    hidden_page(EventPageFactory, way, parent=series, slug="skjult")
    hidden_page(PersonPageFactory, way, parent=people_index, given_name="Skjult", family_name="P")

    # Wagtail's view without sitemaps given uses Wagtail's own sitemap.
    response = wagtail_sitemap_view(RequestFactory().get("/sitemap.xml"))
    response.render()
    locations = list(read_sitemap(response.content))

    assert SITE + visible.url in locations
    assert not [location for location in locations if "skjult" in location]
