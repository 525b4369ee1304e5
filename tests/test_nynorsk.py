"""Norwegian Nynorsk as a third content language: its words, its dates and every output.

The test settings have three content languages (Bokmål, Nynorsk, English). One event in
Bokmål, with its Nynorsk and English versions, is built once for the module and read through
each output the package serves; each test fails if a language is missing from its output.
"""

import datetime
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from types import SimpleNamespace

import icalendar
import pytest
from bs4 import BeautifulSoup
from django.contrib.staticfiles import finders
from django.utils import translation
from wagtail.models import Locale

import wagtail_events
from tests import builders
from tests.factories import EventPageFactory, PersonPageFactory, TopicFactory, noon
from tests.test_pages import oslo
from tests.test_seo import SITE, SITEMAP, alternates, language_switch
from wagtail_events.formatting import format_day, format_event_when
from wagtail_events.models import EventIndexPage, Role

pytestmark = pytest.mark.django_db

shared_tree, home_page, events_index, series, people_index = builders.tree_fixtures()

LANGUAGES = ["nb", "nn", "en"]
NAMES = {"nb": "Norsk bokmål", "nn": "Norsk nynorsk", "en": "English"}
TITLES = {
    "nb": "Hvordan blir kunstig intelligens en del av klinikken?",
    "nn": "Korleis blir kunstig intelligens ein del av klinikken?",
    "en": "How does artificial intelligence become part of the clinic?",
}
LEADS = {
    "nb": "Hva skal til for at gode forsøk blir hverdag på sykehusene?",
    "nn": "Kva skal til for at gode forsøk blir kvardag på sjukehusa?",
    "en": "What does it take for good pilots to become everyday practice in hospitals?",
}
TOPICS = {"nb": "Forskning", "nn": "Forsking", "en": "Research"}
# The same in both written standards.
MONTHS_NORWEGIAN = (
    "januar februar mars april mai juni juli august september oktober november desember"
)
MONTHS_ENGLISH = (
    "January February March April May June July August September October November December"
)


def when(day, language):
    """The event's date and time, 12:00 to 13:30, as each language writes them."""
    if language == "en":
        month = MONTHS_ENGLISH.split()[day.month - 1]
        return f"{day.day} {month} {day.year}, 12:00–13:30"
    date = (
        f"{day:%d.%m.%Y}"
        if language == "nb"
        else (f"{day.day}. {MONTHS_NORWEGIAN.split()[day.month - 1]} {day.year}")
    )
    return f"{date} kl. 12.00–13.30"


def trilingual_event(tree):
    """An upcoming debate in Bokmål with a moderator, a public contact, an agenda and a topic,
    and its Nynorsk and English versions (the pages above it get aliases in both); the topic
    is translated too. Besides it, a programme with no events, in Bokmål and Nynorsk."""
    nn = Locale.objects.get_or_create(language_code="nn")[0]
    _nb, en = builders.locales()
    topic = TopicFactory(name=TOPICS["nb"])
    builders.translated_copy(topic, nn, name=TOPICS["nn"])
    builders.translated_copy(topic, en, name=TOPICS["en"])
    contact = PersonPageFactory(
        parent=tree.people_index, phone="+47 400 00 000", email="kontakt@example.org"
    )
    moderator = PersonPageFactory(parent=tree.people_index)
    start = noon(30)
    event = EventPageFactory(
        parent=tree.series,
        title=TITLES["nb"],
        lead=LEADS["nb"],
        start=start,
        end=start + datetime.timedelta(hours=1, minutes=30),
        topics=[topic],
        people=[
            {"person": contact, "role": Role.CONTACT, "contact_public": True},
            (moderator, Role.MODERATOR),
        ],
        body=[
            {
                "type": "agenda",
                "value": {
                    "heading": "",
                    "items": [
                        {
                            "start_time": "12:00",
                            "end_time": "12:15",
                            "title": "Velkommen",
                            "description": "",
                            "people": [],
                        }
                    ],
                },
            }
        ],
    )
    versions = {
        "nb": event,
        **{
            code: builders.translated_copy(event, locale, title=TITLES[code], lead=LEADS[code])
            for code, locale in (("nn", nn), ("en", en))
        },
    }
    empty = tree.events_index.add_child(
        instance=EventIndexPage(title="Tomt program", slug="tomt-program")
    )
    return SimpleNamespace(
        **vars(tree),
        versions=versions,
        day=start.date(),
        empty_nn=builders.translated_copy(empty, nn, title="Tomt program"),
    )


@pytest.fixture(scope="module")
def shared(shared_tree, django_db_blocker):
    with builders.shared_data(django_db_blocker):
        yield trilingual_event(builders.fresh(shared_tree))


@pytest.fixture
def data(shared, db):
    return builders.fresh(shared)


def html_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


# --- the words and the dates -----------------------------------------------------------------


def test_agenda_days_are_named_in_nynorsk():
    with translation.override("nn"):
        assert format_day(oslo(2025, 8, 12, 9)) == "Tysdag 12. august"
    with translation.override("nb"):
        assert format_day(oslo(2025, 8, 12, 9)) == "Tirsdag 12. august"


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("nb", "12.08.2025 kl. 09.00–09.45"),
        ("nn", "12. august 2025 kl. 09.00–09.45"),
        ("en", "12 August 2025, 09:00–09:45"),
    ],
)
def test_times_follow_each_language(language, expected):
    with translation.override(language):
        assert format_event_when(oslo(2025, 8, 12, 9), oslo(2025, 8, 12, 9, 45)) == expected


def test_event_page_in_nynorsk(client, data):
    html = html_of(client, data.versions["nn"].url)

    assert '<html lang="nn">' in html
    assert when(data.day, "nn") in html
    # Words the two standards write differently, from the package and the example site.
    for nynorsk, bokmal in [
        ("Ordstyrar", "Ordstyrer"),
        ("Kvar", "Hvor"),
        ("Inngang", "Adgang"),
        ("Inga påmelding", "Ingen påmelding"),
        ("Tilgjenge", "Tilgjengelighet"),
        ("Hopp til innhaldet", "Hopp til innhold"),
    ]:
        assert nynorsk in html
        assert bokmal not in html
    # The Bokmål page beside it is unchanged.
    nb_html = html_of(client, data.versions["nb"].url)
    assert '<html lang="nb">' in nb_html
    assert when(data.day, "nb") in nb_html
    assert "Ordstyrer" in nb_html
    assert "Ordstyrar" not in nb_html


def test_event_index_in_nynorsk(client, data):
    nn_series = data.versions["nn"].get_parent()

    html = html_of(client, nn_series.url)

    assert data.versions["nn"].url in html
    assert when(data.day, "nn") in html
    for nynorsk, bokmal in [
        ("Kommande arrangement", "Kommende arrangementer"),
        ("Tidlegare arrangement", "Tidligere arrangementer"),
        ("Frå dato", "Fra dato"),
        ("Alle arrangørar", "Alle arrangører"),
        ("Vis arrangement", "Vis arrangementer"),
    ]:
        assert nynorsk in html
        assert bokmal not in html


def test_an_empty_programme_says_so_in_nynorsk(client, data):
    html = html_of(client, data.empty_nn.url)

    assert "Det er ingen kommande arrangement her." in html
    assert "Sjå tidlegare arrangement" in html


@pytest.mark.parametrize(("language", "shown"), [("nb", "12.00"), ("nn", "12.00"), ("en", "12:00")])
def test_agenda_times_in_each_language(client, data, language, shown):
    soup = BeautifulSoup(html_of(client, data.versions[language].url), "html.parser")

    (start, end) = soup.select(".we-agenda__items time")

    assert (start["datetime"], start.get_text()) == ("12:00", shown)
    assert (end["datetime"], end.get_text()) == ("12:15", shown.replace("00", "15"))


# --- every output, in every language ---------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_page_links_its_versions_in_every_language(client, data, language):
    html = html_of(client, data.versions[language].url)

    full = {code: SITE + page.url for code, page in data.versions.items()}
    assert alternates(html) == {**full, "x-default": full["nb"]}
    # The switch offers the other two, in the site's order of languages.
    assert language_switch(html) == [
        (NAMES[code], page.url, code, code)
        for code, page in data.versions.items()
        if code != language
    ]


@pytest.mark.parametrize(("language", "home"), [("nb", "/"), ("nn", "/nn/"), ("en", "/en/")])
def test_the_site_header_and_search_stay_in_the_page_language(client, data, language, home):
    soup = BeautifulSoup(html_of(client, data.versions[language].url), "html.parser")

    assert soup.select_one(".site-header__home")["href"] == home
    assert soup.select_one(".site-header__search")["href"] == f"{home}search/"


def test_the_sitemap_lists_every_language_version(client, data):
    response = client.get("/sitemap.xml")

    assert response.status_code == 200
    root = ET.fromstring(response.content)  # noqa: S314 (our own output)
    locations = {url.findtext(f"{SITEMAP}loc") for url in root.iter(f"{SITEMAP}url")}
    series = {code: page.get_parent() for code, page in data.versions.items()}
    for language in LANGUAGES:
        assert SITE + data.versions[language].url in locations
        assert SITE + series[language].url in locations
    assert f"{SITE}/nn/" in locations


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_calendar_is_in_the_page_language(client, data, language):
    page = data.versions[language]
    response = client.get(f"{page.url}calendar/")

    assert response.status_code == 200
    (event,) = icalendar.Calendar.from_ical(response.content).walk("VEVENT")
    assert str(event["SUMMARY"]) == TITLES[language]
    assert str(event["DESCRIPTION"]).startswith(LEADS[language])
    assert TOPICS[language] in event["CATEGORIES"].cats
    assert str(event["URL"]) == SITE + page.url


@pytest.mark.parametrize("language", LANGUAGES)
def test_json_ld_names_the_page_language(client, data, language):
    soup = BeautifulSoup(html_of(client, data.versions[language].url), "html.parser")
    (script,) = soup.find_all("script", type="application/ld+json")

    event = json.loads(script.string)

    assert event["name"] == TITLES[language]
    assert event["inLanguage"] == language


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_events_api_lists_each_language_version(client, data, language):
    response = client.get("/api/events/", {"lang": language})

    assert response.status_code == 200
    (item,) = response.json()["items"]
    assert (item["locale"], item["title"], item["when"]) == (
        language,
        TITLES[language],
        when(data.day, language),
    )
    assert [topic["name"] for topic in item["topics"]] == [TOPICS[language]]
    assert {version["locale"] for version in item["translations"]} == set(LANGUAGES) - {language}


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_widget_frame_in_each_language(client, data, language):
    response = client.get("/embed/events/", {"lang": language})

    assert response.status_code == 200
    assert response["Content-Language"] == language
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    assert soup.html["lang"] == language
    assert soup.select_one(".we-embed__title").get_text() == TITLES[language]
    assert soup.select_one(".we-embed__when time").get_text() == when(data.day, language)


def test_the_widget_element_has_its_words_in_every_language_of_the_package():
    """embed.js carries its own few words: one set for each catalogue, and English."""
    script = Path(finders.find("wagtail_events/embed.js")).read_text()
    strings = script[
        script.index("const STRINGS = {") : script.index("};", script.index("const STRINGS"))
    ]
    languages = re.findall(r"^    (\w+): \{", strings, re.MULTILINE)
    catalogues = Path(wagtail_events.__file__).parent / "locale"
    assert sorted(languages) == sorted(["en", *(path.name for path in catalogues.iterdir())])
    # Nynorsk's own words, not Bokmål's.
    assert "Ingen kommande arrangement." in strings
    assert "Kunne ikkje henta arrangementa. Prøv igjen seinare." in strings


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_feeds_are_in_the_index_language(client, data, language):
    series = data.versions[language].get_parent()

    rss = client.get(f"{series.url}feed/")
    atom = client.get(f"{series.url}feed/atom/")

    assert rss.status_code == atom.status_code == 200
    channel = ET.fromstring(rss.content).find("channel")  # noqa: S314 (our own output)
    assert channel.findtext("language") == language
    (item,) = channel.findall("item")
    assert item.findtext("title") == TITLES[language]
    assert when(data.day, language) in item.findtext("description")
    feed = ET.fromstring(atom.content)  # noqa: S314 (our own output)
    assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == language
